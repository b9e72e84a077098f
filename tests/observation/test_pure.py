"""The observation core stays free of Django and the database."""

from __future__ import annotations

import subprocess
import sys

MODULES = ["saylau.observation.core.xlsform", "saylau.observation.core.forms", "saylau.observation.core.validate",
           "saylau.observation.core.quality", "saylau.observation.core.findings",
           "saylau.observation.core.metrics", "saylau.observation.core.sms", "saylau.observation.core.instance"]


def test_core_modules_import_no_django() -> None:
    code = ("import sys\n" + "".join(f"import {m}\n" for m in MODULES)
            + "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
              "('django', 'rest_framework') or m.startswith('saylau.geography'))\n"
              "print(','.join(bad))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""

"""Pure code lives in ``saylau.core``, each app's ``core`` sub-package and
``saylau.forensics``: importing all of it loads neither Django nor a database
driver. (import-linter holds the static imports; this holds what really
loads, including imports made inside functions at import time.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def pure_modules() -> list[str]:
    roots = [SRC / "saylau" / "core", SRC / "saylau" / "forensics",
             *sorted(p for p in (SRC / "saylau").glob("*/core") if p.is_dir())]
    names = []
    for root in roots:
        for path in sorted(root.rglob("*.py")):
            parts = path.relative_to(SRC).with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_every_app_has_its_pure_core():
    names = pure_modules()
    for app in ("observation", "results", "ledger", "simulate", "statement"):
        assert f"saylau.{app}.core" in names
    assert "saylau.core.protocol" in names or "saylau.core.tabular" in names


def test_importing_pure_code_loads_no_django():
    names = pure_modules()
    code = ("import importlib, sys\n"
            f"for name in {names!r}: importlib.import_module(name)\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'django', 'rest_framework', 'psycopg'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

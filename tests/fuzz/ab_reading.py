"""Reading and parsing a protocol file before the importer hardening (commit
aa61e32) and now, on the same machine at the same moment (not a test).

    python -m tests.fuzz.ab_reading FILE PRESET     # e.g. tests/data/ru-kobak/2012.csv.zip ru-cec
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import types

BEFORE = "aa61e32"


def _old(name: str, path: str) -> types.ModuleType:
    source = subprocess.run(["git", "show", f"{BEFORE}:{path}"], capture_output=True, text=True, check=True).stdout
    module = types.ModuleType(name)
    sys.modules[name] = module
    exec(compile(source.replace("from saylau.core.tabular import", "from old_tabular import"), path, "exec"),
         module.__dict__)
    return module


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "saylau.settings")
    import django

    django.setup()
    from saylau.results.presets import PRESETS, parse_protocols, read_frame

    _old("old_tabular", "src/saylau/core/tabular.py")
    old = _old("old_importing", "src/saylau/results/services/importing.py")
    path, preset = sys.argv[1], sys.argv[2]
    for _ in range(2):
        start = time.perf_counter()
        old.parse_protocols(old.read_strings(path), PRESETS[preset], "x")
        before = time.perf_counter() - start
        start = time.perf_counter()
        read = read_frame(path)
        rows = parse_protocols(read.frame, PRESETS[preset], "x", read.rows).height
        sys.stdout.write(f"{path} {preset}: {rows} rows, before {before:.2f} s, now "
                         f"{time.perf_counter() - start:.2f} s\n")


if __name__ == "__main__":
    main()

"""The arithmetic modules (quickcount/, checks, tabulate, presets, ledger.chain) import
neither Django nor other saylau packages; the Django app lives beside them."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "saylau"
ALLOWED = ("saylau.results", "saylau.ledger")


def _imports(path: Path):
    tree = ast.parse(path.read_text())
    package = ".".join(path.relative_to(SRC.parent).with_suffix("").parts[:-1])
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                yield ".".join([*base, node.module or ""]).rstrip(".")
            else:
                yield node.module


def test_no_forbidden_imports():
    # the pure modules; the Django app around them lives in the same packages
    files = [*(SRC / "results" / "quickcount").rglob("*.py"), SRC / "results" / "checks.py",
             SRC / "results" / "tabulate.py", SRC / "ledger" / "chain.py"]
    assert len(files) >= 8
    for path in files:
        for name in _imports(path):
            assert not name.startswith(("django", "rest_framework")), (path, name)
            if name.startswith("saylau"):
                assert name.startswith(ALLOWED), (path, name)


def test_importing_loads_no_django():
    code = ("import sys, saylau.results.quickcount.simulate, saylau.results.quickcount.plan, "
            "saylau.results.checks, saylau.results.tabulate, saylau.ledger.chain; "
            "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

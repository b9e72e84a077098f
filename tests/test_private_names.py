"""A name starting with an underscore is its module's own: no module imports
one from another module (import-linter's private-modules contract guards
underscore modules; this guards underscore names)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def _package(path: Path, root: Path) -> str:
    """The package a source file belongs to (a package's ``__init__``: itself)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1])


def private_imports(path: Path, root: Path = SRC) -> list[str]:
    """``file:line imports name from module`` for each underscore name ``path``
    imports from another module (its own package may hand it its private
    sub-modules: ``from . import _klimek``)."""
    package = _package(path, root)
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:  # relative: resolved against this file's package
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            source = ".".join([*base, *([node.module] if node.module else [])])
        else:
            source = node.module or ""
        if not source.startswith("saylau"):
            continue
        for alias in node.names:
            private = alias.name.startswith("_") and not alias.name.startswith("__")
            if private and source != package:
                found.append(f"{path.relative_to(root).as_posix()}:{node.lineno} imports {alias.name} from {source}")
    return found


def test_no_module_imports_another_modules_private_names() -> None:
    found = [hit for path in sorted((SRC / "saylau").rglob("*.py")) for hit in private_imports(path)]
    assert found == []


def test_the_check_finds_a_private_name_imported_from_another_module(tmp_path) -> None:
    pkg = tmp_path / "saylau" / "web"
    pkg.mkdir(parents=True)
    (tmp_path / "saylau" / "results").mkdir()
    bad = pkg / "views.py"
    bad.write_text("from saylau.results.checks import _rule, public\nfrom . import _own\n"
                   "from .. results import _other\nfrom saylau.web.forms import _sibling\n")
    assert private_imports(bad, tmp_path) == ["saylau/web/views.py:1 imports _rule from saylau.results.checks",
                                              "saylau/web/views.py:3 imports _other from saylau.results",
                                              "saylau/web/views.py:4 imports _sibling from saylau.web.forms"]

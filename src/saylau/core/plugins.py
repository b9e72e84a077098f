"""How packages plug in: import ``<package>.<name>`` wherever a package has one.

The command line (``commands``), the demo (``demo``), the URL map (``urls``)
and ledger verification (``ledger_snapshots``) all find their parts this way,
so adding a capability never means editing a central list. A module that
exists but fails to import raises; only a missing module is skipped.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from types import ModuleType

import saylau


def subpackages() -> list[str]:
    """The names of saylau's sub-packages, sorted."""
    return [f"saylau.{i.name}" for i in sorted(pkgutil.iter_modules(saylau.__path__), key=lambda i: i.name) if i.ispkg]


def submodules(name: str, packages: Iterable[str] | None = None) -> list[ModuleType]:
    """Import ``<package>.<name>`` for each package (default: every sub-package) that has it."""
    found = []
    for package in subpackages() if packages is None else packages:
        target = f"{package}.{name}"
        try:
            found.append(importlib.import_module(target))
        except ModuleNotFoundError as error:
            if error.name != target:
                raise
    return found

"""The parts of ``saylau demo`` that packages contribute: a :class:`Step` runs on the
shared :class:`DemoContext` and returns :class:`SummaryRow` s for the summary table.

They live in the pure core so that every package's ``demo.py`` can name them
without importing the ``saylau.demo`` runner, which sits above every app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class DemoContext:
    data_dir: Path
    out_dir: Path
    scale: float
    seed: int
    election: object = None
    simulation: object = None
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class SummaryRow:
    what: str
    value: str
    where: str = ""


@dataclass(frozen=True)
class Step:
    order: int
    name: str
    run: Callable[[DemoContext], list[SummaryRow]]

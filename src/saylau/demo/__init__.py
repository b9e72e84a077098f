"""``saylau demo``: one command that builds a whole mission on simulated data.

Steps come from every package that has a ``demo`` module with a ``STEPS``
list of :class:`Step`; they run in ``order``. Each step gets the shared
:class:`DemoContext` and returns rows for the final summary table
(what was built, how many, where the output is). A later capability plugs
in by adding its own ``demo.py``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from saylau.core import plugins
from saylau.core.steps import DemoContext, Step, SummaryRow

__all__ = ["DemoContext", "Step", "SummaryRow", "run", "steps", "table"]


def steps() -> list[Step]:
    found: list[Step] = []
    for module in plugins.submodules("demo"):
        found += module.STEPS
    return sorted(found, key=lambda s: (s.order, s.name))


def run(ctx: DemoContext, echo: Callable[[str], None] | None = None) -> list[tuple[Step, float, list[SummaryRow]]]:
    """Run every step in order with a progress bar; return (step, seconds, rows) per step."""
    from tqdm import tqdm

    done = []
    bar = tqdm(steps(), unit="step", desc="saylau demo", disable=echo is None)
    for step in bar:
        bar.set_postfix_str(step.name)
        started = time.perf_counter()
        rows = step.run(ctx)
        elapsed = time.perf_counter() - started
        if echo is not None:
            bar.write(f"    {step.name}: {elapsed:.1f} s")
        done.append((step, elapsed, rows))
    return done


def table(done) -> str:
    rows = [(s.name, r.what, r.value, r.where) for s, _, rs in done for r in rs]
    widths = [max(len(str(x[i])) for x in [("step", "what", "value", "where"), *rows]) for i in range(4)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    out = [line.format("step", "what", "value", "where"), line.format(*("-" * w for w in widths))]
    out += [line.format(*r) for r in rows]
    return "\n".join(out)

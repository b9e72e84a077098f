"""Run the benchmarks and write their figures.

Every ``benchmarks/bench_*.py`` module defines ``run() -> list[dict]``; each
row is one measured figure::

    {"benchmark": "demo", "metric": "wall time", "value": 212.4, "unit": "s",
     "target": "<= 300 s", "passed": True, "note": "2 cores"}

The rows go to ``benchmarks/results.json`` and to the table between the
markers in ``docs/benchmarks.md``. ``python -m benchmarks.run NAME ...`` runs
only the named modules (``demo`` for ``bench_demo.py``).
"""

from __future__ import annotations

import importlib
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results.json"
DOC = ROOT.parent / "docs" / "benchmarks.md"
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"


def _modules(names: list[str]) -> list[str]:
    found = sorted(p.stem for p in ROOT.glob("bench_*.py"))
    if names:
        wanted = {f"bench_{n}" if not n.startswith("bench_") else n for n in names}
        found = [m for m in found if m in wanted]
    return found


def _table(rows: list[dict]) -> str:
    lines = [
        "| benchmark | metric | value | target | passed | note |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        value = f"{r['value']:,.3g} {r['unit']}" if isinstance(r["value"], float) else f"{r['value']:,} {r['unit']}"
        lines.append(
            f"| {r['benchmark']} | {r['metric']} | {value} | {r.get('target', '')} | "
            f"{'yes' if r.get('passed') else 'NO'} | {r.get('note', '')} |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    previous = json.loads(RESULTS.read_text()) if RESULTS.exists() else {"rows": []}
    rows = {(r["benchmark"], r["metric"]): r for r in previous.get("rows", [])}
    for name in _modules(argv):
        module = importlib.import_module(f"benchmarks.{name}")
        started = time.perf_counter()
        for row in module.run():
            rows[(row["benchmark"], row["metric"])] = row
            print(f"{row['benchmark']:>14} | {row['metric']:<40} | {row['value']} {row['unit']} "
                  f"(target {row.get('target', '-')}) {'ok' if row.get('passed') else 'FAILED'}")
        print(f"{name} took {time.perf_counter() - started:.1f} s")
    ordered = sorted(rows.values(), key=lambda r: (r["benchmark"], r["metric"]))
    RESULTS.write_text(json.dumps({
        "machine": f"{platform.machine()}, {platform.python_version()}",
        "rows": ordered,
    }, indent=2, ensure_ascii=False) + "\n")
    if DOC.exists():
        text = DOC.read_text()
        if BEGIN in text and END in text:
            head, rest = text.split(BEGIN, 1)
            _, tail = rest.split(END, 1)
            DOC.write_text(f"{head}{BEGIN}\n{_table(ordered)}\n{END}{tail}")
    return 0 if all(r.get("passed") for r in ordered) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Forensics suite on Russia 2012 (95,415 stations): 1,000 Monte-Carlo and
1,000 bootstrap replicates, five Klimek repeats, HTML and JSON report."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "ru-kobak" / "2012.csv.zip"
TARGET_S = 20.0


def run() -> list[dict]:
    from saylau import forensics as fx

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    started = time.perf_counter()
    stations = fx.load_stations(DATA, fx.preset("ru-kobak-2012"))
    loaded = time.perf_counter()
    report = fx.analyse(stations, title="Russia 2012", seed=0, replicates=1000,
                        bootstrap=1000, klimek_repeats=5)
    analysed = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        fx.write_report(report, out, stations)
    finished = time.perf_counter()
    total = finished - started
    parts = {"read": loaded - started, **report.seconds, "report": finished - analysed}
    detail = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in parts.items())
    return [{
        "benchmark": "forensics", "metric": "whole suite on Russia 2012 (95k stations)",
        "value": round(total, 2), "unit": "s", "target": f"<= {TARGET_S:g} s",
        "passed": total <= TARGET_S,
        "note": f"{cores} cores; 1,000 Monte-Carlo + 1,000 bootstrap replicates, "
                f"5 Klimek repeats; {detail}",
    }]

"""Forensics suite on Russia 2012 (95,414 usable stations): 1,000 Monte-Carlo and
1,000 bootstrap replicates, five Klimek repeats, the basic tests on turnout and
every candidate nationally and in each of the 85 regions, stations at 100 %, the
complete anomaly list, HTML, JSON and CSV.

The machine these figures come from may be shared, so the same process also
times the suite as it was before the per-unit tests (national basic tests on
the winner only, an anomaly list cut at 100) and reports the ratio of the two;
on a quiet machine, rerun with::

    .venv/bin/python -c "from benchmarks.bench_forensics import run; print(run())"
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "ru-kobak" / "2012.csv.zip"
TARGET_S = 20.0


def _previous_suite(fx, stations) -> float:
    """The suite's steps as they were before the per-unit tests, timed alone."""
    from saylau.forensics._basic import basic_tests
    from saylau.forensics._integer import is_integer_percent
    from saylau.forensics._rozenas import coarse_fractions

    started = time.perf_counter()
    seeds = np.random.SeedSequence(0).spawn(6)
    fx.fingerprint(stations)
    fx.fit_klimek(stations, repeats=5, seed=seeds[0])
    ip = fx.integer_percentages(stations, replicates=1000, seed=seeds[1])
    sp = fx.shpilkin(stations)
    basic_tests(stations, replicates=1000, seed=seeds[2])
    fractions = coarse_fractions(4)
    fx.rozenas(stations, quantity="share", fractions=fractions, replicates=1000, seed=seeds[3])
    fx.rozenas(stations, quantity="turnout", fractions=fractions, replicates=1000, seed=seeds[4])
    observed = np.zeros(stations.n, dtype=bool)
    observed[ip.selected] = ip.station_observed
    probability = np.zeros(stations.n)
    probability[ip.selected] = ip.station_probability
    for unit in stations.units:
        fx.unit_breakdown(stations, unit, integer_observed=observed,
                          integer_probability=probability, station_excess=sp.station_excess)
    fx.anomalous_stations(
        stations, unit="region", station_excess=sp.station_excess,
        integer_turnout=is_integer_percent(stations.given, stations.registered),
        integer_share=is_integer_percent(stations.winner_votes, stations.received), top=100)
    return time.perf_counter() - started


def run() -> list[dict]:
    from saylau import forensics as fx

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    started = time.perf_counter()
    cpu = time.process_time()
    stations = fx.load_stations(DATA, fx.preset("ru-kobak-2012"))
    loaded = time.perf_counter()
    report = fx.analyse(stations, title="Russia 2012", seed=0, replicates=1000,
                        bootstrap=1000, klimek_repeats=5, levels=("region",))
    analysed = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        fx.write_report(report, out, stations)
    finished = time.perf_counter()
    total = finished - started
    cpu = time.process_time() - cpu
    previous = _previous_suite(fx, stations)
    new_steps = total - (loaded - started) - (finished - analysed)
    parts = {"read": loaded - started, **report.seconds, "report": finished - analysed}
    detail = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in parts.items())
    regions = sum(1 for r in report.unit_basic.rows["region"] if r.quantity == "Turnout")
    return [{
        "benchmark": "forensics", "metric": "whole suite on Russia 2012 (95k stations)",
        "value": round(total, 2), "unit": "s", "target": f"<= {TARGET_S:g} s",
        "passed": total <= TARGET_S,
        "note": f"{cores} cores; {cpu:.1f} s CPU; 1,000 Monte-Carlo + 1,000 bootstrap "
                f"replicates, 5 Klimek repeats, basic tests on turnout and 5 candidates "
                f"nationally and in {regions} regions; {detail}; the analysis steps take "
                f"{new_steps / previous:.2f} x the suite before per-unit tests "
                f"({new_steps:.1f} s against {previous:.1f} s, same process)",
    }]


if __name__ == "__main__":  # pragma: no cover
    print(run())

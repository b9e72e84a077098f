"""`saylau demo` end to end, as a user runs it, on the full-scale kz-2011 simulation.

Also the scale-100 simulation (972,500 stations) without the database, to show
the generator scales linearly.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time


def run() -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "saylau", "--data-dir", f"{tmp}/demo", "demo"],
            capture_output=True, text=True, env=env, timeout=900,
        )
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            raise RuntimeError(done.stderr[-2000:])
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    rows.append({"benchmark": "demo", "metric": "saylau demo wall time (scale 1, SQLite)", "value": round(elapsed, 1),
                 "unit": "s", "target": "<= 300 s", "passed": elapsed <= 300, "note": f"peak RSS {peak:,.0f} MiB"})
    from saylau.simulate import simulate

    timings = {}
    for scale in (10.0, 100.0):
        started = time.perf_counter()
        sim = simulate(scale=scale, seed=1)
        timings[scale] = (time.perf_counter() - started, len(sim.stations))
        del sim
    (t10, n10), (t100, n100) = timings[10.0], timings[100.0]
    ratio = (t100 / n100) / (t10 / n10)
    rows.append({"benchmark": "simulation", "metric": "simulate scale 100 (972,500 stations)", "value": round(t100, 1),
                 "unit": "s", "target": "per-station time within 1.5x of scale 10", "passed": ratio <= 1.5,
                 "note": f"{n100:,} stations, 7 million commission members, 200,000 submissions; scale 10 took {t10:.1f} s; per-station ratio {ratio:.2f}"})
    return rows

"""The statement of the full-scale demo data (scale 1): six files (HTML and PDF in
en, ru, kk) from the database, target <= 60 s on 2 cores.

Setup (not timed): a fresh SQLite data directory with the kz-2011 simulation
loaded, every simulated submission ingested and every protocol imported, as
``saylau demo`` does. Timed: ``collect`` (findings, mission, composition and
results read from the database) plus ``write_statements`` (compose, charts,
HTML, PDF). It runs in a child process so Django is set up there only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time

TARGET = 60.0


def child(data_dir: str) -> dict:
    from saylau import db

    db.setup(data_dir)
    from saylau.core.actors import Actor
    from saylau.observation.demo import ingest_simulation
    from saylau.results.services.simulation import import_simulation
    from saylau.simulate import simulate
    from saylau.simulate.load import load
    from saylau.statement.core.build import write_statements
    from saylau.statement.core.narrative import read_narrative, sample_directory
    from saylau.statement.selectors import collect

    actor = Actor.system("benchmark")
    started = time.perf_counter()
    sim = simulate(scale=1.0, seed=2011)
    election = load(sim, actor=actor)
    ingest_simulation(sim, election, actor=actor)
    import_simulation(actor=actor, election=election, results=sim.results)
    setup = time.perf_counter() - started
    started = time.perf_counter()
    inputs = collect(election)
    collected = time.perf_counter() - started
    paths = write_statements(inputs, os.path.join(data_dir, "statement"),
                             narrative=read_narrative(sample_directory()))
    total = time.perf_counter() - started
    return {"setup": setup, "collect": collected, "total": total, "files": len(paths),
            "bytes": sum(p.stat().st_size for p in paths), "stations": len(sim.stations),
            "submissions": len(sim.submissions), "cores": os.cpu_count()}


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        done = subprocess.run([sys.executable, "-m", "benchmarks.bench_statement", f"{tmp}/data"],
                              capture_output=True, text=True, env=env, timeout=900)
        if done.returncode != 0:
            raise RuntimeError(done.stderr[-2000:])
        r = json.loads(done.stdout.strip().splitlines()[-1])
    return [{"benchmark": "statement",
             "metric": "six files, en/ru/kk HTML+PDF (scale 1, from the database)",
             "value": round(r["total"], 1), "unit": "s", "target": f"<= {TARGET:g} s",
             "passed": r["files"] == 6 and r["total"] <= TARGET,
             "note": f"{r['cores']} cores; collect {r['collect']:.1f} s; {r['stations']:,} stations, "
                     f"{r['submissions']:,} submissions; {r['bytes'] / 2**20:.1f} MiB written; "
                     f"setup {r['setup']:.0f} s not timed"}]


if __name__ == "__main__":
    print(json.dumps(child(sys.argv[1])))

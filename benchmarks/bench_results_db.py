"""Results chain in the database: import + check + tabulate 1,000,000 protocols, then
``saylau ledger verify`` over the whole ledger (1,000,000 entries or more: the import
appends one per protocol), on SQLite and on PostgreSQL.

The kz-2011 simulation at scale 100 (972,500 stations) gives the structure, written
through ``saylau.geography.services.write_units`` with one ledger entry per unit
and commission before the clock starts, and the protocols: every
station's PEC protocol (``counted_*``) from one CSV file and 27,500 observers' copies
from another, 1,000,000 protocols in all; the database checkpoints the structure before the clock
starts (:func:`_settle`). Checking and tabulating run as one service on one read of the protocols
(``services.check_and_tabulate``, ``saylau results check --tabulate``). Each backend
runs in its own process (``python -m benchmarks.bench_results_db sqlite|postgresql``);
PostgreSQL uses a scratch database ``saylau_bench_results`` on
``BENCH_PG`` (default ``postgres://postgres@127.0.0.1:5432``). Times are wall clock.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import scratch

N_OBSERVED = int(os.environ.get("BENCH_RESULTS_OBSERVED", "27500"))
N_LEDGER = int(os.environ.get("BENCH_RESULTS_LEDGER", "1000000"))
PG_DB = "saylau_bench_results"
NOTE = f"{os.cpu_count()} cores"


def run() -> list[dict]:
    rows = []
    try:
        for backend in ("sqlite", "postgresql"):
            out = subprocess.run([sys.executable, "-m", "benchmarks.bench_results_db", backend],
                                 capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent)
            if out.returncode:
                raise RuntimeError(f"{backend} benchmark failed:\n{out.stderr[-3000:]}")
            rows += json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        scratch.drop(PG_DB)  # a million protocols and three million ledger entries: not left on a shared server
    return rows


def _units(actor, election, sim) -> None:
    """Regions, districts and stations with their commissions, written through the
    geography service as any import is, one ledger entry per object (setup, not timed)."""
    import polars as pl

    from saylau.geography.services import national_unit, write_units

    national = national_unit(election)
    names = {"name_en": pl.col("name_en"), "name_ru": pl.lit(""), "name_kk": pl.lit("")}
    rows = pl.concat([
        sim.regions.select(level=pl.lit(1, pl.Int64), code="code", parent_code=pl.lit(national.code), **names),
        sim.districts.select(level=pl.lit(2, pl.Int64), code="code", parent_code="region_code", **names),
        sim.stations.select(level=pl.lit(3, pl.Int64), code="code", parent_code="district_code", **names),
    ])
    write_units(actor=actor, election=election, rows=rows, reason="benchmark structure")


def _settle() -> None:
    """Let the database finish storing the structure before the clock starts, as it
    has long before election night: SQLite's log copied back into the database file
    (else the checkpointing thread copies the structure's 2 GB of log during the
    timed import), PostgreSQL's dirty buffers written out (a checkpoint)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)" if connection.vendor == "sqlite" else "CHECKPOINT")


def _child(backend: str) -> list[dict]:
    import datetime as dt

    import numpy as np
    import polars as pl

    tmp = Path(tempfile.mkdtemp(prefix="saylau-bench-results-"))
    if backend == "postgresql":
        os.environ["DATABASE_URL"] = scratch.create(PG_DB)
    else:
        os.environ.pop("DATABASE_URL", None)
    from saylau import cli, db

    db.setup(str(tmp))
    from django.db import transaction

    from saylau.core.actors import Actor
    from saylau.geography.services import create_election
    from saylau.ledger.services import Event, record_many
    from saylau.results import services
    from saylau.results.choices import LINES
    from saylau.simulate import simulate

    actor = Actor.system("benchmark")
    sim = simulate("kz-2011", scale=float(os.environ.get("BENCH_RESULTS_SCALE", "100")), seed=2011)
    election = create_election(actor=actor, slug="kz-bench", name_en="benchmark", kind="presidential",
                               date=dt.date(2011, 4, 3))
    t_setup = time.perf_counter()
    _units(actor, election, sim)
    setup = time.perf_counter() - t_setup
    r = sim.results.join(sim.stations.select(station_code="code", region_code="region_code",
                                             district_code="district_code"), on="station_code")
    counted = r.select("region_code", "district_code", "station_code",
                       *[pl.col(f"counted_{k}").alias(k) for k in LINES],
                       *[pl.col(f"counted_votes_{i}").alias(f"votes_{i}") for i in range(1, 5)])
    counted.write_csv(tmp / "pec.csv")
    rng = np.random.default_rng(1)
    counted[np.sort(rng.choice(counted.height, N_OBSERVED, replace=False))].write_csv(tmp / "observer.csv")
    n = counted.height + N_OBSERVED
    _settle()

    t0 = time.perf_counter()
    services.import_file(actor=actor, election=election, path=tmp / "pec.csv", preset="saylau")
    services.import_file(actor=actor, election=election, path=tmp / "observer.csv", preset="saylau", source="observer")
    t1 = time.perf_counter()
    check, tab = services.check_and_tabulate(actor=actor, election=election)
    t2 = time.perf_counter()
    total = t2 - t0
    from saylau.ledger.models import LedgerEntry

    protocol_entries = LedgerEntry.objects.filter(object_type="results.protocol").count()
    rows = [{
        "benchmark": "results_db", "metric": f"import+check+tabulate 1M protocols ({backend})",
        "value": round(total, 2), "unit": "s", "target": "<= 30 s", "passed": total <= 30,
        "note": (f"{n:,} protocols ({counted.height:,} PEC from CSV + {N_OBSERVED:,} observer copies), "
                 f"{protocol_entries:,} ledger entries, one per protocol; import {t1 - t0:.1f} s, "
                 f"check + tabulate from one read {t2 - t1:.1f} s ({check.quarantined:,} quarantined, "
                 f"{sum(tab.summary['discrepancies'].values()):,} discrepancy lines); structure written "
                 f"through the geography service beforehand in {setup:.0f} s and checkpointed (not timed); {NOTE}"),
    }]
    from saylau.ledger.services import current_head

    have = current_head()[0]
    for start in range(have, N_LEDGER, 100_000):  # only when the import made fewer than N_LEDGER entries
        with transaction.atomic():
            record_many(actor=actor, events=[
                Event("bench.filler.created", "bench.filler", i, after={"value": i, "note": "filler"})
                for i in range(start, min(start + 100_000, N_LEDGER))])
    entries = current_head()[0]
    t4 = time.perf_counter()
    code = cli.main(["--data-dir", str(tmp), "ledger", "verify"])
    t5 = time.perf_counter()
    per_million = (t5 - t4) / entries * 1_000_000
    rows.append({
        "benchmark": "results_db", "metric": f"saylau ledger verify, per 1M entries ({backend})",
        "value": round(per_million, 2), "unit": "s", "target": "<= 30 s", "passed": code == 0 and per_million <= 30,
        "note": f"the whole ledger, {entries:,} entries ({protocol_entries:,} one per protocol, the rest the "
                f"structure's units and commissions, one per object) in {t5 - t4:.1f} s: chain + every object, each "
                f"protocol, unit and commission against its own entry; {'OK' if code == 0 else 'BROKEN'}; {NOTE}",
    })
    return rows


if __name__ == "__main__":
    result = _child(sys.argv[1])
    print(json.dumps(result))

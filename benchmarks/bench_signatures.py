"""Support signatures verified against the national register: 150,000 lines
against the 9,181,700 voters of the kz-2011 register simulation in at most
60 seconds on 2 cores, name keys of the register included.

The register is simulated first (not timed); the lines are drawn from it
here, seeded: most from voters as the register has them, some written the
way people write (a Latin passport spelling, a typo in the surname, the
Russian look-alikes of Kazakh letters, a mistyped IIN, no patronymic), and
some invalid (people not on the register, signatures outside the window, a
second signature of a voter). The verification runs in a child process that
reports its wall time, CPU time and peak memory, and how many of the lines
written from register voters were found (all of them should be).

    .venv/bin/python -m benchmarks.bench_signatures            # full scale
    SAYLAU_BENCH_SIGNATURES_SCALE=0.1 .venv/bin/python -m benchmarks.bench_signatures

At a smaller scale the register and the number of lines shrink together (the
target stays the full scale's, so a quick run only checks that it works).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time

LINES = 150_000
TARGET_S = 60.0
RUNS = int(os.environ.get("SAYLAU_BENCH_RUNS", "3"))

CHILD = r'''
import datetime as dt, json, resource, sys, time
import polars as pl
from saylau.nomination.core import signatures
data = sys.argv[1]
register = pl.read_parquet(f"{data}/register.parquet")
stations = pl.read_parquet(f"{data}/stations.parquet")
deaths = pl.read_parquet(f"{data}/deaths.parquet")
lines = pl.read_parquet(f"{data}/lines.parquet")
truth = pl.read_parquet(f"{data}/truth.parquet")
rules = signatures.Rules(dt.date(2011, 2, 10), dt.date(2011, 2, 20), dt.date(2011, 4, 3))
before = resource.getrusage(resource.RUSAGE_SELF)
t = time.perf_counter()
out = signatures.verify(lines, register, stations=stations, rules=rules, deaths=deaths)
wall = time.perf_counter() - t
after = resource.getrusage(resource.RUSAGE_SELF)
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
j = out.join(truth, on="line_id")
listed = j.filter(pl.col("kind") != "unlisted")
print(json.dumps({
    "wall": wall, "cpu": cpu, "lines": len(lines), "voters": len(register),
    "listed": len(listed), "listed_found": int(listed["voter_id"].is_not_null().sum()),
    "right_voter": int((listed["voter_id"] == listed["true_voter"]).sum()),
    "unlisted": int((j["kind"] == "unlisted").sum()),
    "unlisted_not_found": int(((j["kind"] == "unlisted") & (j["reason"] == "not_found")).sum()),
    "reasons": {str(k): int(v) for k, v in out.group_by("reason").len().iter_rows()},
    "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
'''


def build(scale: float, directory: str, seed: int = 17) -> None:
    """Simulate the register and write it with seeded signature lines to ``directory``."""
    import datetime as dt

    import numpy as np
    import polars as pl

    from saylau.registry.core.simulation import passport_latin, simulate_register

    sim = simulate_register(scale=scale)
    rng = np.random.default_rng(seed)
    n = max(1_500, int(round(LINES * scale)))
    reg = sim.current
    n_unlisted = int(0.03 * n)
    n_listed = n - n_unlisted
    pick = rng.choice(len(reg), size=n_listed, replace=False)
    people = reg[pick.tolist()].join(sim.stations.select(pl.col("code").alias("station"), "region_code"),
                                     on="station", how="left", maintain_order="left")
    kind = rng.choice(["exact", "latin", "typo", "lookalike", "iin_typo", "no_patronymic"], size=n_listed,
                      p=[0.80, 0.04, 0.05, 0.05, 0.03, 0.03])
    surname = people["surname"].to_numpy().copy()
    given = people["given_name"].to_numpy().copy()
    patronymic = people["patronymic"].to_numpy().copy()
    iin = people["iin"].to_numpy().copy()
    look = str.maketrans("әқғңөұүіӘҚҒҢӨҰҮІ", "акгноууиАКГНОУУИ")
    for i in np.flatnonzero(kind == "latin"):
        surname[i], given[i] = passport_latin(surname[i]), passport_latin(given[i])
        patronymic[i] = None
    for i in np.flatnonzero(kind == "typo"):
        s = surname[i]
        k = int(rng.integers(1, max(2, len(s) - 1)))
        surname[i] = s[:k] + s[k + 1:]
    for i in np.flatnonzero(kind == "lookalike"):
        surname[i], given[i] = surname[i].translate(look), given[i].translate(look)
    for i in np.flatnonzero(kind == "iin_typo"):
        if iin[i]:
            k = int(rng.integers(6, 11))
            iin[i] = iin[i][:k] + str((int(iin[i][k]) + 1) % 10) + iin[i][k + 1:]
    patronymic[kind == "no_patronymic"] = None
    start = dt.date(2011, 2, 10)
    signed = np.datetime64(start) + rng.integers(0, 11, n_listed).astype("timedelta64[D]")
    outside = rng.random(n_listed) < 0.01
    signed[outside] = np.datetime64(dt.date(2011, 2, 25))
    listed = pl.DataFrame({
        "surname": surname, "given_name": given, "patronymic": patronymic, "iin": iin,
        "birth_date": people["birth_date"], "address": people["address"], "region_code": people["region_code"],
        "signed_on": pl.Series(signed).cast(pl.Date), "true_voter": people["voter_id"], "kind": kind,
    }, schema_overrides={"patronymic": pl.String, "iin": pl.String, "kind": pl.String})
    un = sim.truth["unlisted"]
    u = un[rng.choice(len(un), size=min(n_unlisted, len(un)), replace=False).tolist()].join(
        sim.stations.select(pl.col("code").alias("station"), "region_code"), on="station", how="left")
    unlisted = u.select("surname", "given_name", "patronymic", "iin", "birth_date",
                        address=pl.lit("ул. Мира, 1"), region_code="region_code",
                        signed_on=pl.lit(start + dt.timedelta(days=3)), true_voter=pl.lit(None, pl.String),
                        kind=pl.lit("unlisted"))
    lines = pl.concat([listed, unlisted], how="vertical_relaxed")
    lines = lines[rng.permutation(len(lines)).tolist()].with_row_index("i").with_columns(
        line_id=pl.format("L{}", pl.col("i").cast(pl.String).str.zfill(7)),
        nominee=pl.format("N{}", pl.col("i") % 8), sheet=pl.format("S{}", pl.col("i") // 20),
        collector=pl.format("C{}", pl.col("i") // 400))
    lines.select("line_id", "true_voter", "kind").write_parquet(f"{directory}/truth.parquet")
    lines.select("line_id", "nominee", "sheet", "region_code", "collector", "surname", "given_name", "patronymic",
                 "iin", "birth_date", "address", "signed_on").write_parquet(f"{directory}/lines.parquet")
    reg.write_parquet(f"{directory}/register.parquet")
    sim.stations.write_parquet(f"{directory}/stations.parquet")
    sim.deaths.write_parquet(f"{directory}/deaths.parquet")


def run() -> list[dict]:
    scale = float(os.environ.get("SAYLAU_BENCH_SIGNATURES_SCALE", "1"))
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"from benchmarks.bench_signatures import build; build({scale!r}, {tmp!r})"],
                       check=True, capture_output=True, timeout=3600)
        built = time.perf_counter() - started
        runs = []
        for _ in range(RUNS):  # the median of RUNS verifications, each in a fresh process
            done = subprocess.run([sys.executable, "-c", CHILD, tmp], capture_output=True, text=True, timeout=3600)
            if done.returncode != 0:
                raise RuntimeError(done.stderr[-3000:])
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    runs.sort(key=lambda x: x["wall"])
    r = runs[len(runs) // 2]
    spread = " / ".join(f"{x['wall']:.1f}" for x in runs)
    label = f"{r['lines']:,} lines against {r['voters']:,} voters"
    found = r["listed_found"] / r["listed"] if r["listed"] else 0.0
    return [
        {"benchmark": "signatures", "metric": f"verification, {label}", "value": round(r["wall"], 1), "unit": "s",
         "target": f"<= {TARGET_S:.0f} s (150,000 lines, 9,181,700 voters)", "passed": r["wall"] <= TARGET_S,
         "note": f"median of {RUNS} runs ({spread} s); CPU {r['cpu']:.0f} s (user + system, 2 cores); peak memory {r['peak_mib'] / 1024:.1f} GiB "
                 f"(register loaded); simulation and lines {built:.0f} s, not timed"},
        {"benchmark": "signatures", "metric": "lines of register voters found", "value": round(found, 4),
         "unit": "share", "target": ">= 0.99", "passed": found >= 0.99,
         "note": f"{r['listed_found']:,} of {r['listed']:,}; the right voter for {r['right_voter']:,}; "
                 f"people not on the register not found: {r['unlisted_not_found']:,} of {r['unlisted']:,}"},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)

"""Results arithmetic: checks + tabulation of 1M protocols, ledger verify, quick count.

Synthetic data are generated before each clock starts; the times are wall
clock of one run.
"""

from __future__ import annotations

import importlib
import os
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parent.parent
MEXICO = ROOT / "tests" / "data" / "mx-quickcountmx" / "mexico_2012_presidential_by_casilla.csv.gz"
N = 1_000_000
NOTE = f"{os.cpu_count()} cores"


def _protocols(rng: np.random.Generator) -> dict[str, np.ndarray]:
    reg = rng.integers(500, 2500, N)
    issued = (reg * rng.uniform(0.4, 0.8, N)).astype(np.int64)
    mobile = rng.integers(0, 30, N)
    invalid = rng.integers(0, 40, N)
    valid = issued + mobile - invalid
    a = (valid * rng.uniform(0.3, 0.6, N)).astype(np.int64)
    b = (valid - a) // 2
    c = valid - a - b
    data = {
        "registered": reg, "ballots_received": reg, "issued_in_station": issued,
        "issued_mobile": mobile, "issued_early": np.zeros(N, np.int64),
        "cancelled": reg - issued - mobile, "found_stationary": issued,
        "found_mobile": mobile, "invalid": invalid, "valid": valid, "a": a, "b": b, "c": c,
    }
    bad = rng.choice(N, N // 100, replace=False)  # 1 % with an error
    data["valid"] = valid.copy()
    data["valid"][bad] += rng.integers(1, 20, bad.size)
    return data


def _checks_and_tabulation() -> dict:
    rng = np.random.default_rng(0)
    data = _protocols(rng)
    districts, regions = 2000, 20
    ids = np.arange(1 + regions + districts + N)
    parents = np.concatenate([[-1], np.zeros(regions, int),
                              1 + np.arange(districts) % regions,
                              1 + regions + rng.integers(0, districts, N)])
    station_lines = {k: np.concatenate([np.zeros(1 + regions + districts), v])
                     for k, v in data.items() if k in ("a", "b", "c", "valid", "invalid")}
    observer = {k: v[1 + regions + districts:].copy() for k, v in station_lines.items()}
    observer["a"][::1000] += 1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "protocols.parquet"
        pl.DataFrame(data).write_parquet(path)
        started = time.perf_counter()
        table = pl.read_parquet(path)  # the file import step, for scale
        checks = importlib.import_module("saylau.results.core.checks")
        tab = importlib.import_module("saylau.results.core.tabulate")
        imported = time.perf_counter()
    report = checks.check_protocols(table, ["a", "b", "c"], ids=np.arange(N))
    failures = report.to_polars()
    checked = time.perf_counter()
    tree = tab.build_tree(ids, parents)
    totals, _ = tab.sum_up(tree, station_lines)
    official = {k: np.where(tree.is_leaf, station_lines[k], v) for k, v in totals.items()}
    official["a"][5] += 3  # one district misreported
    tiers = tab.compare_with_children(tree, official)
    copies = tab.compare_copies(ids[tree.is_leaf], {k: v[tree.is_leaf] for k, v in official.items()},
                                ids[tree.is_leaf], observer)
    done = time.perf_counter()
    return {"import": imported - started, "check": checked - imported,
            "tabulate": done - checked, "total": done - started,
            "failures": failures.height, "tiers": len(tiers), "copies": len(copies)}


def _ledger() -> tuple[float, float]:
    from saylau.ledger.core.chain import GENESIS, canonical_json, entry_hash, verify

    entries, prev = [], GENESIS
    for seq in range(1, N + 1):
        payload = {"seq": seq, "station": seq % 20000, "line": "valid",
                   "value": seq % 1500, "at": "2026-11-24T20:00:00Z"}
        h = entry_hash(prev, payload)
        entries.append((seq, prev, h, payload))
        prev = h
    started = time.perf_counter()
    result = verify(entries, expected_head=prev)
    objects = time.perf_counter() - started
    assert result.ok
    stored = [(s, p, h, canonical_json(x)) for s, p, h, x in entries]
    started = time.perf_counter()
    assert verify(stored, expected_head=prev).ok
    return objects, time.perf_counter() - started


def _coverage() -> tuple[float, str]:
    import polars as pl

    from saylau.results.core.quickcount.frame import frame_from_table
    from saylau.results.core.quickcount.presets import MEXICO_2012 as P
    from saylau.results.core.quickcount.simulate import simulate_coverage

    frame = frame_from_table(pl.read_csv(MEXICO), id_column=P.id_column,
                             stratum_column=P.stratum_column,
                             registered_column=P.registered_column,
                             vote_columns=[*P.leading, P.denominator])
    started = time.perf_counter()
    r = simulate_coverage(frame, P.leading, P.denominator, n=7500, replicates=1000, seed=2012)
    took = time.perf_counter() - started
    cover = ", ".join(f"{i.name} {100 * i.coverage:.1f} %" for i in r.items)
    return took, f"coverage {cover}; {NOTE}"


def run() -> list[dict]:
    t = _checks_and_tabulation()
    ledger_objects, ledger_text = _ledger()
    coverage_time, coverage_note = _coverage()
    row = {"benchmark": "results_arith"}
    return [
        {**row, "metric": "import+check+tabulate 1M protocols", "value": round(t["total"], 2),
         "unit": "s", "target": "<= 30 s", "passed": t["total"] <= 30,
         "note": (f"Parquet read + module import {t['import']:.2f} s, check {t['check']:.2f} s "
                  f"({t['failures']:,} failures with reasons), tabulate+compare "
                  f"{t['tabulate']:.2f} s; {NOTE}")},
        {**row, "metric": "ledger verify 1M entries (dict payloads)",
         "value": round(ledger_objects, 2), "unit": "s", "target": "<= 30 s",
         "passed": ledger_objects <= 30, "note": NOTE},
        {**row, "metric": "ledger verify 1M entries (stored canonical text)",
         "value": round(ledger_text, 2), "unit": "s", "target": "<= 30 s",
         "passed": ledger_text <= 30, "note": NOTE},
        {**row, "metric": "Mexico 2012 coverage, 1,000 samples of 7,500",
         "value": round(coverage_time, 2), "unit": "s", "target": "<= 30 s",
         "passed": coverage_time <= 30, "note": coverage_note},
    ]

"""Findings over 100,000 synthetic submissions: every built-in metric, whole frame
and grouped by region (target <= 2 s each, wall clock, after building the frame)."""

from __future__ import annotations

import time

import numpy as np
import polars as pl

from saylau.observation.core.findings import evaluate_all
from saylau.observation.core.forms import builtin_forms
from saylau.observation.core.metrics import BUILTIN_METRICS

N = 100_000
TARGET = 2.0
FORM_SHARES = {"opening": 0.08, "voting": 0.70, "counting": 0.10, "tabulation": 0.04,
               "incident": 0.05, "lto_report": 0.03}


def synthetic_submissions(n: int = N, seed: int = 2011) -> pl.DataFrame:
    """One row per submission with a column per question of the built-in forms;
    answers drawn at random (about 5 per cent of yes/no answers 'yes'),
    unanswered where the question is not on the row's form."""
    rng = np.random.default_rng(seed)
    forms = builtin_forms()
    form_of = rng.choice(list(FORM_SHARES), size=n, p=list(FORM_SHARES.values()))
    stations = rng.integers(0, 9725, size=n)
    columns: dict[str, object] = {
        "submission_id": [f"s{i:06d}" for i in range(n)],
        "form": form_of,
        "station_code": np.char.zfill(stations.astype(str), 4),
        "dec_code": np.char.add("D", (stations % 207).astype(str)),
        "region_code": np.char.add("R", (stations % 16).astype(str)),
        "urban": stations % 3 == 0,
        "hour": rng.integers(7, 24, size=n),
        "team_id": np.char.add("T", rng.integers(0, 175, size=n).astype(str)),
    }
    for form_id, form in forms.items():
        on_form = form_of == form_id
        for q in form.questions():
            if q.name in columns and q.name not in ("assessment", "observers_restricted"):
                continue
            if q.list_name == "yes_no":
                values = np.where(rng.random(n) < 0.05, "yes", "no").astype(object)
            elif q.list_name:
                names = [c.name for c in form.choice_list(q.list_name)]
                values = rng.choice(names, size=n).astype(object)
            elif q.type == "integer":
                values = rng.integers(0, 10, size=n).astype(object)
            else:
                continue
            old = columns.get(q.name)
            merged = np.where(on_form, values, old if old is not None else None)
            columns[q.name] = merged
    frame = pl.DataFrame({k: (list(v) if isinstance(v, np.ndarray) and v.dtype == object else v)
                          for k, v in columns.items()}, strict=False)
    return frame


def run() -> list[dict]:
    frame = synthetic_submissions()
    rows = []
    for label, by in (("all metrics, whole frame", None), ("all metrics, by region", "region_code")):
        started = time.perf_counter()
        findings = evaluate_all(frame, BUILTIN_METRICS, by=by)
        elapsed = time.perf_counter() - started
        assert findings, "no findings"
        rows.append({"benchmark": "findings", "metric": f"{label} (100k submissions)",
                     "value": round(elapsed, 3), "unit": "s", "target": f"<= {TARGET:g} s",
                     "passed": elapsed <= TARGET,
                     "note": f"{len(BUILTIN_METRICS)} metrics, {len(findings)} findings"})
    return rows

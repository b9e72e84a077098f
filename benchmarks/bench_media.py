"""Media monitoring: the analysis of 200,000 coded items (target <= 2 s), and Krippendorff's
alpha over every variable of 20,000 items coded twice (reported, no target).

The items are drawn at random (20 outlets, the six programme types, every kind of
subject, four candidates, three tones), seed fixed; the time is the median of
three runs of :func:`saylau.media.core.analysis.report`, which builds every table
(news shares and tone per outlet, editorial shares and tone, paid against
editorial, paid and official-role coverage pooled over the broadcasters).
"""

from __future__ import annotations

import statistics
import time

import numpy as np
import polars as pl

N_ITEMS = 200_000
N_DOUBLE = 20_000
TARGET_S = 2.0


def items(n: int = N_ITEMS, seed: int = 19) -> pl.DataFrame:
    from saylau.media.core import codes

    rng = np.random.default_rng(seed)
    outlets = np.array([f"O{k:02d}" for k in range(20)])
    units = np.array(["seconds"] * 14 + ["cm2"] * 4 + ["words"] * 2)
    o = rng.integers(0, 20, n)
    kinds = np.array(list(codes.SUBJECTS))
    kind = kinds[rng.choice(len(kinds), n, p=[0.6, 0.1, 0.1, 0.1, 0.1])]
    ref = np.where(np.isin(kind, ["candidate", "official"]), rng.integers(1, 5, n).astype(str), "")
    return pl.DataFrame({
        "item": pl.Series(np.arange(n)).cast(pl.Utf8), "outlet": outlets[o], "period": np.array(["w1", "w2", "w3"])[
            rng.integers(0, 3, n)], "unit": units[o],
        "programme": np.array(list(codes.PROGRAMMES))[rng.choice(6, n, p=[0.5, 0.1, 0.2, 0.05, 0.1, 0.05])],
        "subject_kind": kind, "subject_ref": ref, "amount": rng.integers(10, 300, n),
        "tone": np.array(list(codes.TONES))[rng.integers(0, 3, n)],
        "speech": np.array(list(codes.SPEECH))[rng.integers(0, 2, n)],
        "language": np.array(["kk", "ru"])[rng.integers(0, 2, n)],
    })


def codings(n: int = N_DOUBLE, seed: int = 19) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    first = {"item": np.repeat(np.arange(n).astype(str), 2), "coder": np.tile(["a", "b"], n)}
    frame = pl.DataFrame(first)
    for column, values in (("programme", ["news", "paid", "other"]), ("subject", ["candidate:1", "candidate:2"]),
                           ("tone", ["positive", "neutral", "negative"]), ("speech", ["direct", "indirect"]),
                           ("language", ["kk", "ru"])):
        base = rng.integers(0, len(values), n)
        flip = rng.random(n) < 0.1
        second = np.where(flip, rng.integers(0, len(values), n), base)
        frame = frame.with_columns(pl.Series(column, np.array(values)[np.ravel(np.column_stack([base, second]))]))
    amount = rng.integers(10, 300, n)
    frame = frame.with_columns(amount=pl.Series(np.ravel(np.column_stack([amount, amount + rng.integers(-3, 4, n)]))))
    return frame


def run() -> list[dict]:
    from saylau.media.core import analysis, reliability

    frame = items()
    times = []
    for _ in range(3):
        started = time.perf_counter()
        report = analysis.report(frame, within=("outlet", "period"))
        times.append(time.perf_counter() - started)
    median = statistics.median(times)
    double = codings()
    started = time.perf_counter()
    alphas = reliability.alphas(double)
    alpha_s = time.perf_counter() - started
    return [{
        "benchmark": "media", "metric": f"analysis of {N_ITEMS:,} coded items (every table, per outlet and period)",
        "value": round(median, 3), "unit": "s", "target": f"<= {TARGET_S:g} s", "passed": median <= TARGET_S,
        "note": f"median of 3 runs ({', '.join(f'{t:.3f}' for t in times)} s); {len(report.news):,} news rows",
    }, {
        "benchmark": "media", "metric": f"Krippendorff's alpha of 6 variables, {N_DOUBLE:,} items coded twice",
        "value": round(alpha_s, 3), "unit": "s", "target": "reported", "passed": True,
        "note": ", ".join(f"{a.variable} {a.alpha:.3f}" for a in alphas),
    }]


if __name__ == "__main__":
    for row in run():
        print(row)

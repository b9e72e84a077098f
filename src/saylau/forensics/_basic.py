"""The Kalinin-Mebane "basic tests" with station bootstrap intervals.

Every statistic except the dip test is a function of a handful of sums over
stations (counts, sums of powers, cross products). A bootstrap replicate is a
vector of station multiplicities (how often each station was drawn), so all
replicates' sums come from one matrix product: multiplicities (replicates x
stations) times features (stations x sums). Significance means that the 95 %
percentile interval excludes the null value (or the null range).
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass

import numpy as np

from saylau.forensics._io import Stations
from saylau.forensics._parallel import run_chunks

log = logging.getLogger(__name__)

BENFORD_2BL = 4.187  # mean of the second significant digit under Benford's law


@dataclass(frozen=True)
class BasicTest:
    name: str
    description: str
    value: float
    ci_low: float
    ci_high: float
    null_low: float  # null value, or the ends of the null range
    null_high: float
    significant: bool
    n: int
    p_value: float | None = None  # only for the dip test


@dataclass(frozen=True)
class BasicTestsResult:
    tests: tuple[BasicTest, ...]
    replicates: int

    def __getitem__(self, name: str) -> BasicTest:
        for test in self.tests:
            if test.name == name:
                return test
        raise KeyError(name)


def second_digit(x) -> np.ndarray:
    """Second significant digit of each integer >= 10 (-1 for smaller values)."""
    x = np.asarray(x, dtype=np.int64)
    out = np.full(x.shape, -1, dtype=np.int64)
    ok = x >= 10
    v = x[ok]
    # shift down until two digits remain
    digits = np.floor(np.log10(v)).astype(np.int64)
    two = v // 10 ** (digits - 1)
    # guard against floating log10 at exact powers of ten
    two = np.where(two >= 100, two // 10, two)
    two = np.where(two < 10, v // 10 ** np.maximum(digits - 2, 0), two)
    out[ok] = two % 10
    return out


_SUMS = ("m2", "d2", "mL", "last", "c05", "one", "p05", "x1", "x2", "x3", "x4",
         "t1", "t2", "tv", "y1", "ty")


def _features(stations: Stations, min_last: int) -> np.ndarray:
    w = stations.winner_votes
    d2 = second_digit(w)
    m2 = d2 >= 0
    mL = w >= min_last
    last = w % 10
    v = stations.share
    x = v - v.mean()
    t = stations.turnout - stations.turnout.mean()
    y = w / stations.registered
    y = y - y.mean()
    pct = np.floor(100.0 * v + 0.5).astype(np.int64)
    cols = {
        "m2": m2, "d2": np.where(m2, d2, 0), "mL": mL, "last": np.where(mL, last, 0),
        "c05": mL & (last % 5 == 0), "one": np.ones_like(v), "p05": pct % 5 == 0,
        "x1": x, "x2": x**2, "x3": x**3, "x4": x**4,
        "t1": t, "t2": t**2, "tv": t * x, "y1": y, "ty": t * y,
    }
    return np.column_stack([np.asarray(cols[k], dtype=float) for k in _SUMS])


def _statistics(s: np.ndarray) -> dict[str, np.ndarray]:
    """Statistics from sums; ``s`` has one row per replicate, columns ``_SUMS``."""
    c = {k: s[:, i] for i, k in enumerate(_SUMS)}
    n = c["one"]
    with np.errstate(divide="ignore", invalid="ignore"):
        m1 = c["x1"] / n
        mu2 = c["x2"] / n - m1**2
        mu3 = c["x3"] / n - 3 * m1 * c["x2"] / n + 2 * m1**3
        mu4 = c["x4"] / n - 4 * m1 * c["x3"] / n + 6 * m1**2 * c["x2"] / n - 3 * m1**4
        tm = c["t1"] / n
        var_t = c["t2"] / n - tm**2
        cov_tv = c["tv"] / n - tm * m1
        cov_ty = c["ty"] / n - tm * c["y1"] / n
        return {
            "2BL": c["d2"] / c["m2"],
            "LastC": c["last"] / c["mL"],
            "C05s": c["c05"] / c["mL"],
            "P05s": c["p05"] / n,
            "Skew": mu3 / mu2**1.5,
            "Kurt": mu4 / mu2**2 - 3.0,
            "Sobyanin": cov_ty / var_t,
            "Corr": cov_tv / np.sqrt(var_t * mu2),
        }


NULLS = {
    "2BL": (BENFORD_2BL, BENFORD_2BL, "mean second digit of the winner's counts >= 10"),
    "LastC": (4.5, 4.5, "mean last digit of the winner's counts >= {m}"),
    "C05s": (0.2, 0.2, "share of the winner's counts >= {m} ending in 0 or 5"),
    "P05s": (0.2, 0.2, "share of winner percentages (rounded) ending in 0 or 5"),
    "Skew": (0.0, 0.0, "skewness of the winner's share"),
    "Kurt": (0.0, 0.0, "excess kurtosis of the winner's share"),
    "Sobyanin": (0.0, 1.0, "Sobyanin-Sukhovolsky slope: winner/registered on turnout"),
    "Corr": (0.0, 0.0, "correlation of turnout and winner's share"),
}


def basic_tests(stations: Stations, *, replicates: int = 1000, seed: int | None = 0,
                level: float = 0.95, min_last: int = 100) -> BasicTestsResult:
    """Kalinin-Mebane basic tests on the winner's counts, share and turnout."""
    import diptest

    features = _features(stations, min_last)
    n = stations.n
    point = _statistics(features.sum(axis=0, keepdims=True))

    def task(rng: np.random.Generator, size: int):
        draws = rng.integers(0, n, size=(size, n), dtype=np.int64)
        draws += (np.arange(size, dtype=np.int64) * n)[:, None]
        weights = np.bincount(draws.ravel(), minlength=size * n).reshape(size, n)
        return weights.astype(float) @ features

    chunk = max(1, min(100, 4_000_000 // max(1, n)))
    sums = np.vstack(run_chunks(seed, replicates, chunk, task)) if replicates else None
    boot = _statistics(sums) if sums is not None else {}
    alpha = 1.0 - level
    tests = []
    counts = {"2BL": int(features[:, 0].sum()), "LastC": int(features[:, 2].sum()),
              "C05s": int(features[:, 2].sum())}
    for name, (lo, hi, text) in NULLS.items():
        value = float(point[name][0])
        if name in boot:
            b = boot[name][np.isfinite(boot[name])]
            ci = np.quantile(b, [alpha / 2, 1 - alpha / 2]) if b.size else [np.nan, np.nan]
        else:
            ci = [np.nan, np.nan]
        significant = bool(ci[0] > hi or ci[1] < lo)
        tests.append(BasicTest(name, text.format(m=min_last), value, float(ci[0]), float(ci[1]),
                               lo, hi, significant, counts.get(name, n)))
    with warnings.catch_warnings():
        # diptest's p-value table stops at 72,000 points; beyond that it
        # extrapolates (and warns). The dip statistic itself is exact.
        warnings.simplefilter("ignore", UserWarning)
        dip, p = diptest.diptest(np.asarray(stations.turnout, dtype=float))
    if n > 72_000:
        log.info("dip test p-value extrapolated beyond 72,000 stations")
    tests.append(BasicTest("DipT", "Hartigan's dip statistic of turnout (p-value from diptest)",
                           float(dip), float("nan"), float("nan"), 0.0, 0.0,
                           bool(p < alpha), n, float(p)))
    return BasicTestsResult(tuple(tests), replicates)

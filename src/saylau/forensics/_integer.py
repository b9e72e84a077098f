"""Integer percentages (Kobak, Shpilkin and Pshenichnikov 2016).

A percentage k/n is "integer" when 100 k / n lies within 0.05 percentage
points of a whole number. The test uses integer arithmetic: 100 k / n is
within 1/20 of an integer exactly when (2000 k + n) mod (20 n) <= 2 n.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from scipy import special

from saylau.forensics._io import Stations
from saylau.forensics._parallel import run_chunks


def is_integer_percent(k, n, tolerance_pp: float = 0.05) -> np.ndarray:
    """True where 100 k / n is within ``tolerance_pp`` points of a whole number.

    Exact for tolerances of the form 1/m (0.05 = 1/20, 0.1 = 1/10, ...).
    """
    k = np.asarray(k, dtype=np.int64)
    n = np.asarray(n, dtype=np.int64)
    m = round(1.0 / tolerance_pp)
    if abs(m * tolerance_pp - 1.0) > 1e-12:
        distance = np.abs(100.0 * k / n - np.round(100.0 * k / n))
        return distance <= tolerance_pp
    return (100 * m * k + n) % (m * n) <= 2 * n


def integer_hit_probability(n, p, tolerance_pp: float = 0.05) -> np.ndarray:
    """P(100 K / n is an integer percentage) for K ~ Binomial(n, p), per station.

    Sums the binomial probability of every window of counts that gives an
    integer percentage, over the whole percents within six standard
    deviations of 100 p. Needs a tolerance of the form 1/m.
    """
    n = np.asarray(n, dtype=np.int64)
    p = np.asarray(p, dtype=float)
    m = round(1.0 / tolerance_pp)
    if abs(m * tolerance_pp - 1.0) > 1e-12:
        raise ValueError("tolerance_pp must be 1/m for a whole m (0.05, 0.1, ...)")
    sd = 100.0 * np.sqrt(p * (1.0 - p) / np.maximum(n, 1))
    half = np.ceil(6.0 * sd).astype(np.int64) + 1
    width = 2 * half + 1
    station = np.repeat(np.arange(n.size), width)
    start = np.cumsum(width) - width
    offset = np.arange(station.size) - np.repeat(start, width) - np.repeat(half, width)
    j = np.rint(100.0 * p).astype(np.int64)[station] + offset
    keep = (j >= 0) & (j <= 100)
    station, j = station[keep], j[keep]
    nn = n[station]
    lo = np.maximum(-((-nn * (m * j - 1)) // (100 * m)), 0)
    hi = np.minimum((nn * (m * j + 1)) // (100 * m), nn)
    ok = hi >= lo
    station, nn, lo, hi = station[ok], nn[ok], lo[ok], hi[ok]
    pp = p[station]
    mass = special.bdtr(hi, nn, pp) - np.where(lo > 0, special.bdtr(lo - 1, nn, pp), 0.0)
    return np.clip(np.bincount(station, weights=mass, minlength=n.size), 0.0, 1.0)


@dataclass(frozen=True)
class IntegerCount:
    """Observed and expected number of integer percentages for one quantity."""

    quantity: str
    observed: int
    null_mean: float
    null_sd: float
    excess: float
    z: float
    p_value: float  # one-sided, Monte-Carlo: P(null >= observed)


@dataclass(frozen=True)
class IntegerPercentResult:
    stations: int
    replicates: int
    method: str
    turnout: IntegerCount
    share: IntegerCount
    either: IntegerCount
    station_probability: np.ndarray  # per selected station: null P(either is integer)
    station_observed: np.ndarray  # per selected station: either percentage is integer
    selected: np.ndarray  # boolean mask over the input stations


def _count(quantity, observed, null) -> IntegerCount:
    null = np.asarray(null, dtype=float)
    mean, sd = float(null.mean()), float(null.std(ddof=1)) if null.size > 1 else 0.0
    p = (1 + np.count_nonzero(null >= observed)) / (1 + null.size)
    return IntegerCount(quantity, int(observed), mean, sd, observed - mean,
                        (observed - mean) / sd if sd > 0 else float("nan"), float(p))


def integer_percentages(
    stations: Stations,
    *,
    replicates: int = 1000,
    seed: int | None = 0,
    min_registered: int = 100,
    max_percent: float = 99.0,
    tolerance_pp: float = 0.05,
    method: str = "exact",
) -> IntegerPercentResult:
    """Count integer turnout and winner-share percentages against a binomial null.

    Stations with at least ``min_registered`` voters and both percentages at
    most ``max_percent`` are used. Under the null every station's ballots
    issued are Binomial(registered, observed turnout) and the winner's votes
    Binomial(received, observed share), independently; each replicate
    recounts the integer percentages.

    ``method="binomial"`` draws the binomial counts and tests them.
    ``method="exact"`` (default, about ten times faster) draws, for each
    station, the indicator "the binomial draw gives an integer percentage"
    directly from its exact probability (:func:`integer_hit_probability`);
    both give the same null distribution.
    """
    if method not in ("exact", "binomial"):
        raise ValueError("method must be 'exact' or 'binomial'")
    reg, given = stations.registered, stations.given
    rec, win = stations.denominator, stations.winner_votes
    selected = ((reg >= min_registered) & (rec > 0)
                & (100 * given <= max_percent * reg) & (100 * win <= max_percent * rec))
    reg, given, rec, win = reg[selected], given[selected], rec[selected], win[selected]
    p_turnout, p_share = given / reg, win / rec
    obs_t = is_integer_percent(given, reg, tolerance_pp)
    obs_s = is_integer_percent(win, rec, tolerance_pp)
    with ThreadPoolExecutor(max_workers=2) as pool:
        q_t, q_s = pool.map(lambda a: integer_hit_probability(*a, tolerance_pp),
                            [(reg, p_turnout), (rec, p_share)])

    def task(rng: np.random.Generator, size: int):
        shape = (size, reg.size)
        if method == "binomial":
            t = is_integer_percent(rng.binomial(reg, p_turnout, size=shape), reg, tolerance_pp)
            s = is_integer_percent(rng.binomial(rec, p_share, size=shape), rec, tolerance_pp)
        else:
            t = rng.random(shape, dtype=np.float32) < q_t
            s = rng.random(shape, dtype=np.float32) < q_s
        e = t | s
        return t.sum(axis=1), s.sum(axis=1), e.sum(axis=1)

    chunk = max(1, min(50, 2_000_000 // max(1, reg.size)))
    parts = run_chunks(seed, replicates, chunk, task)
    null_t = np.concatenate([p[0] for p in parts])
    null_s = np.concatenate([p[1] for p in parts])
    null_e = np.concatenate([p[2] for p in parts])
    return IntegerPercentResult(
        stations=int(selected.sum()), replicates=replicates, method=method,
        turnout=_count("turnout", obs_t.sum(), null_t),
        share=_count("winner share", obs_s.sum(), null_s),
        either=_count("either", (obs_t | obs_s).sum(), null_e),
        station_probability=1.0 - (1.0 - q_t) * (1.0 - q_s),
        station_observed=obs_t | obs_s,
        selected=selected,
    )

"""Rozenas' resampled kernel density (RKD) test for spikes at coarse fractions.

Coarse vote shares (1/2, 2/3, 3/4, ...) are common where few people vote,
purely by arithmetic. To tell arithmetic from manipulation the null replays
each station's arithmetic: its propensity is the observed share blurred by a
Gaussian kernel of width ``bandwidth`` (which erases any spike in the
underlying shares), and its count is redrawn as Binomial(n, propensity). The
null number of stations exactly at a coarse fraction, over many replicates,
is the envelope; the observed count is compared with it (one-sided).

``method="binomial"`` draws the blurred propensities and binomial counts.
``method="exact"`` (default) computes each station's probability of landing
exactly on each fraction by Gauss-Hermite quadrature over the kernel and then
draws the hit indicators; both give the same null distribution up to the
quadrature error.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from scipy import special

from saylau.forensics._io import Stations
from saylau.forensics._parallel import run_chunks


def coarse_fractions(max_denominator: int = 4) -> tuple[Fraction, ...]:
    """Reduced fractions p/q strictly between 0 and 1 with q <= max_denominator."""
    found = {Fraction(p, q) for q in range(2, max_denominator + 1) for p in range(1, q)}
    return tuple(sorted(found))


def at_fraction(k, n, fraction: Fraction) -> np.ndarray:
    """True where k / n equals the fraction exactly (integer arithmetic)."""
    k = np.asarray(k, dtype=np.int64)
    n = np.asarray(n, dtype=np.int64)
    return (k * fraction.denominator == n * fraction.numerator) & (n > 0)


@dataclass(frozen=True)
class RozenasResult:
    quantity: str
    fractions: tuple[str, ...]
    observed: int
    null_mean: float
    null_sd: float
    null_low: float  # 2.5 % envelope
    null_high: float  # 97.5 % envelope
    excess: float
    fraud_fraction: float  # excess / stations
    p_value: float
    by_fraction: dict[str, tuple[int, float]]  # observed, null mean
    replicates: int
    bandwidth: float


def _hit_probability(n, v, fraction: Fraction, bandwidth: float, nodes: int) -> np.ndarray:
    """P(Binomial(n, clip(v + bandwidth Z)) = n * fraction), Z standard normal."""
    out = np.zeros(n.shape)
    possible = (n * fraction.numerator) % fraction.denominator == 0
    if not possible.any():
        return out
    nn = n[possible][:, None].astype(float)
    k = nn * fraction.numerator / fraction.denominator
    x, w = np.polynomial.hermite_e.hermegauss(nodes)
    w = w / w.sum()
    p = np.clip(v[possible][:, None] + bandwidth * x[None, :], 0.0, 1.0)
    log_choose = special.gammaln(nn + 1) - special.gammaln(k + 1) - special.gammaln(nn - k + 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_pmf = log_choose + special.xlogy(k, p) + special.xlog1py(nn - k, -p)
    out[possible] = np.exp(log_pmf) @ w
    return out


def rozenas(
    stations: Stations,
    *,
    quantity: str = "share",
    fractions: tuple[Fraction, ...] | None = None,
    replicates: int = 1000,
    bandwidth: float = 0.01,
    seed: int | None = 0,
    method: str = "exact",
    nodes: int = 48,
) -> RozenasResult:
    """RKD test for ``quantity`` "share" (winner / received) or "turnout"."""
    if quantity == "share":
        k, n = stations.winner_votes, stations.denominator
    elif quantity == "turnout":
        k, n = stations.given, stations.registered
    else:
        raise ValueError("quantity must be 'share' or 'turnout'")
    if method not in ("exact", "binomial"):
        raise ValueError("method must be 'exact' or 'binomial'")
    fractions = fractions or coarse_fractions()
    keep = n > 0
    k, n = k[keep], n[keep]
    v = k / n
    hits = [at_fraction(k, n, f) for f in fractions]
    observed = int(np.sum(hits))
    if method == "exact":
        q = np.vstack([_hit_probability(n, v, f, bandwidth, nodes) for f in fractions])
        q_any = np.clip(q.sum(axis=0), 0.0, 1.0)
        per_fraction_mean = q.sum(axis=1)

        def task(rng, size):
            return (rng.random((size, n.size), dtype=np.float32) < q_any).sum(axis=1)
    else:
        per_fraction_mean = None

        def task(rng, size):
            p = np.clip(v + bandwidth * rng.standard_normal((size, n.size)), 0.0, 1.0)
            draw = rng.binomial(n, p)
            per = np.stack([at_fraction(draw, n, f).sum(axis=1) for f in fractions], axis=1)
            return per

    chunk = max(1, min(100, 4_000_000 // max(1, n.size)))
    parts = run_chunks(seed, replicates, chunk, task)
    if method == "exact":
        null = np.concatenate(parts).astype(float)
    else:
        per = np.vstack(parts).astype(float)
        null = per.sum(axis=1)
        per_fraction_mean = per.mean(axis=0)
    mean = float(null.mean())
    sd = float(null.std(ddof=1)) if null.size > 1 else 0.0
    low, high = np.quantile(null, [0.025, 0.975]) if null.size else (np.nan, np.nan)
    p_value = (1 + np.count_nonzero(null >= observed)) / (1 + null.size)
    names = tuple(str(f) for f in fractions)
    return RozenasResult(
        quantity=quantity, fractions=names, observed=observed, null_mean=mean, null_sd=sd,
        null_low=float(low), null_high=float(high), excess=observed - mean,
        fraud_fraction=(observed - mean) / max(1, n.size), p_value=float(p_value),
        by_fraction={name: (int(h.sum()), float(m))
                     for name, h, m in zip(names, hits, per_fraction_mean, strict=True)},
        replicates=replicates, bandwidth=bandwidth,
    )

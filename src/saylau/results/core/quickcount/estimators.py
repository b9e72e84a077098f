"""Ratio estimators of vote shares and turnout from a sample of stations.

A quick count samples *stations*, not voters: each station is a cluster whose
voters resemble each other, so the sampling error must be computed between
stations. Every estimator here is a ratio of two station totals,
``R = Y / X`` (votes for a candidate over total votes; total votes over
registered voters), and its variance is the linearised (Taylor) variance of a
ratio, computed from the residuals ``d_i = y_i - R x_i`` of the sampled
stations (Cochran 1977, sections 6.2-6.12; Lohr 2010, sections 4.1 and 9.1).
The voter-level binomial formula ``sqrt(p(1-p)/n_voters)`` is never used for
inference: it ignores the clustering and is far too small
(:func:`naive_binomial_se` exists only to show this).

Three estimators:

* :func:`cluster_ratio` - the sample taken as one simple random sample of
  stations: ``R = sum y / sum x``,
  ``V = (1 - n/N) s_d^2 / (n xbar^2)``;
* :func:`stratified_ratio` with ``method="combined"`` -
  ``R = sum_h N_h ybar_h / sum_h N_h xbar_h``,
  ``V = sum_h N_h^2 (1 - n_h/N_h) s_dh^2 / n_h / Xhat^2`` with
  ``d = y - R x`` and ``Xhat = sum_h N_h xbar_h``;
* :func:`stratified_ratio` with ``method="separate"`` - needs the stratum
  totals ``X_h`` of the denominator to be known (registered voters are;
  valid votes are not, so use it for turnout):
  ``R = sum_h (X_h / X) R_h``, ``V = sum_h N_h^2 (1 - n_h/N_h) s_dh^2 / n_h / X^2``
  with ``d = y - R_h x`` in stratum ``h``.

Intervals are normal: ``R +/- z SE`` with ``z`` the two-sided quantile for the
confidence level (1.96 for 95 per cent).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

COMBINED, SEPARATE, CLUSTER = "combined", "separate", "cluster"


def z_value(confidence: float) -> float:
    """Two-sided standard normal quantile (1.959964 for 0.95)."""
    if not 0 < confidence < 1:
        raise ValueError("confidence must be between 0 and 1")
    return NormalDist().inv_cdf(0.5 + confidence / 2)


@dataclass(frozen=True)
class RatioEstimate:
    """One estimated ratio (a share or the turnout) with its interval."""

    name: str
    estimate: float
    se: float
    lower: float
    upper: float
    confidence: float
    method: str
    n_stations: int


@dataclass(frozen=True)
class Estimates:
    """Estimates of several ratios from one sample; index by name."""

    method: str
    confidence: float
    n_stations: int
    n_strata: int
    items: tuple[RatioEstimate, ...]

    def __getitem__(self, name: str) -> RatioEstimate:
        for item in self.items:
            if item.name == name:
                return item
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(item.name for item in self.items)


@dataclass(frozen=True)
class OfficialComparison:
    """An official figure set against a sample estimate.

    ``difference = official - estimate``; ``z = difference / se``;
    ``inside`` says whether the official figure lies in the interval.
    """

    name: str
    official: float
    estimate: float
    se: float
    difference: float
    z: float
    inside: bool


def compare_with_official(estimate: RatioEstimate, official: float) -> OfficialComparison:
    """Compare an official share or turnout with the quick-count estimate."""
    difference = float(official) - estimate.estimate
    if estimate.se > 0:
        z = difference / estimate.se
    else:
        z = 0.0 if difference == 0 else float(np.copysign(np.inf, difference))
    return OfficialComparison(
        name=estimate.name,
        official=float(official),
        estimate=estimate.estimate,
        se=estimate.se,
        difference=difference,
        z=float(z),
        inside=bool(estimate.lower <= official <= estimate.upper),
    )


def naive_binomial_se(share: float, n_voters: float) -> float:
    """``sqrt(p(1-p)/n_voters)``: WRONG for a quick count, kept to show why.

    It treats the voters of the sampled stations as independent draws and
    ignores that stations, not voters, were sampled.
    """
    return float(np.sqrt(share * (1 - share) / n_voters))


# ---------------------------------------------------------------- core ----
# The functions below work on per-stratum sums with any leading axes (one
# row per replicate when simulating), so one sample and a thousand samples
# go through the same arithmetic.


def _safe_div(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a, b = np.broadcast_arrays(np.asarray(a, float), np.asarray(b, float))
    return np.divide(a, b, out=np.zeros(a.shape), where=b != 0)


def _residual_variance(n, sy, sx, syy, sxx, sxy, r):
    """Sample variance of ``d = y - r x`` within strata, from sums (0 if n<2)."""
    ss = syy - 2 * r * sxy + r * r * sxx - _safe_div((sy - r * sx) ** 2, n)
    return _safe_div(np.maximum(ss, 0.0), n - 1)


def combined_from_sums(N, n, sy, sx, syy, sxx, sxy):
    """Combined ratio and its variance from per-stratum sums (last axis = strata).

    ``N``, ``n``: stratum population and sample sizes; ``sy``, ``sx``: sums of
    numerator and denominator; ``syy``, ``sxx``, ``sxy``: sums of squares and
    products. Returns ``(R, V)`` over the leading axes.
    """
    w = _safe_div(N, n)
    y_hat = (w * sy).sum(axis=-1)
    x_hat = (w * sx).sum(axis=-1)
    r = _safe_div(y_hat, x_hat)
    s2 = _residual_variance(n, sy, sx, syy, sxx, sxy, r[..., None])
    fpc = 1 - _safe_div(n, N)
    v = (N * N * fpc * _safe_div(s2, n)).sum(axis=-1)
    return r, _safe_div(v, x_hat * x_hat)


def separate_from_sums(N, n, sy, sx, syy, sxx, sxy, x_totals):
    """Separate ratio and its variance; ``x_totals`` are the known ``X_h``."""
    r_h = _safe_div(sy, sx)
    x_total = np.sum(x_totals, axis=-1)
    r = (_safe_div(x_totals, x_total[..., None]) * r_h).sum(axis=-1)
    s2 = _residual_variance(n, sy, sx, syy, sxx, sxy, r_h)
    fpc = 1 - _safe_div(n, N)
    v = (N * N * fpc * _safe_div(s2, n)).sum(axis=-1)
    return r, _safe_div(v, x_total * x_total)


def _check_sizes(N: np.ndarray, n: np.ndarray) -> None:
    if np.any(n > N):
        raise ValueError("a stratum has more sampled stations than in the frame")
    empty = np.flatnonzero(n == 0)
    if empty.size:
        raise ValueError(f"no sampled station in strata {empty[:10].tolist()}: "
                         "collapse strata or wait for their results")
    lonely = np.flatnonzero((n == 1) & (N > 1))
    if lonely.size:
        raise ValueError(f"one sampled station in strata {lonely[:10].tolist()}: "
                         "a within-stratum variance needs two; collapse strata")


def _interval(name, r, v, confidence, method, n):
    se = float(np.sqrt(v))
    z = z_value(confidence)
    return RatioEstimate(name, float(r), se, float(r - z * se), float(r + z * se),
                         confidence, method, n)


def cluster_ratio(
    numerators: Mapping[str, Sequence[float] | np.ndarray],
    denominator: Sequence[float] | np.ndarray,
    *,
    population_size: int | None = None,
    confidence: float = 0.95,
) -> Estimates:
    """Ratio estimator for a simple random sample of stations (clusters).

    ``numerators`` maps a name (candidate, or ``"turnout"``) to its per-station
    counts; ``denominator`` holds per-station totals (total or valid votes,
    or registered voters for turnout). ``population_size`` is the number of
    stations in the frame, for the finite population correction (omitted:
    no correction). Returns :class:`Estimates` with ``method="cluster"``.
    """
    x = np.asarray(denominator, dtype=np.float64)
    n = x.size
    if n < 2:
        raise ValueError("need at least two sampled stations")
    if not x.sum() > 0:
        raise ValueError("the denominator adds up to zero in the sample")
    N = np.array([float(population_size) if population_size else np.inf])
    items = []
    for name, values in numerators.items():
        y = np.asarray(values, dtype=np.float64)
        sums = (y.sum(), x.sum(), (y * y).sum(), (x * x).sum(), (x * y).sum())
        r = sums[0] / sums[1]
        s2 = _residual_variance(np.array(float(n)), *sums, r)
        fpc = 0.0 if not np.isfinite(N[0]) else n / N[0]
        v = (1 - fpc) * s2 / n / (sums[1] / n) ** 2
        items.append(_interval(name, r, v, confidence, CLUSTER, n))
    return Estimates(CLUSTER, confidence, n, 1, tuple(items))


def stratum_sums(strata: np.ndarray, x: np.ndarray, y: np.ndarray, n_strata: int):
    """Per-stratum ``(n, sy, sx, syy, sxx, sxy)`` with ``np.bincount``."""
    def bc(w):
        return np.bincount(strata, weights=w, minlength=n_strata)
    n = np.bincount(strata, minlength=n_strata).astype(np.float64)
    return n, bc(y), bc(x), bc(y * y), bc(x * x), bc(x * y)


def stratified_ratio(
    numerators: Mapping[str, Sequence[float] | np.ndarray],
    denominator: Sequence[float] | np.ndarray,
    strata: Sequence[int] | np.ndarray,
    stratum_sizes: Sequence[int] | np.ndarray,
    *,
    method: str = COMBINED,
    denominator_totals: Sequence[float] | np.ndarray | None = None,
    confidence: float = 0.95,
) -> Estimates:
    """Stratified ratio estimator with finite population correction.

    ``strata`` are stratum codes ``0..H-1`` of the sampled stations (as in
    :class:`~.frame.SamplingFrame`); ``stratum_sizes`` the frame sizes ``N_h``.
    ``method="combined"`` (default) needs nothing else; ``"separate"`` needs
    ``denominator_totals`` (known ``X_h``, e.g. registered voters per stratum).
    Every stratum must have two sampled stations, or all of its stations.
    """
    x = np.asarray(denominator, dtype=np.float64)
    codes = np.asarray(strata, dtype=np.int64)
    N = np.asarray(stratum_sizes, dtype=np.float64)
    if codes.size != x.size:
        raise ValueError("strata and denominator lengths differ")
    if not x.sum() > 0:
        raise ValueError("the denominator adds up to zero in the sample")
    if method not in (COMBINED, SEPARATE):
        raise ValueError(f"unknown method {method!r}")
    if method == SEPARATE and denominator_totals is None:
        raise ValueError("the separate ratio estimator needs the known stratum "
                         "totals of the denominator (denominator_totals)")
    items = []
    for name, values in numerators.items():
        y = np.asarray(values, dtype=np.float64)
        sums = stratum_sums(codes, x, y, N.size)
        _check_sizes(N, sums[0])
        if method == COMBINED:
            r, v = combined_from_sums(N, *sums)
        else:
            r, v = separate_from_sums(N, *sums, np.asarray(denominator_totals, float))
        items.append(_interval(name, r, v, confidence, method, x.size))
    return Estimates(method, confidence, x.size, int(N.size), tuple(items))

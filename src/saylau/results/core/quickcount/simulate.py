"""Repeated-sampling experiment: do the intervals cover the truth?

Given a frame that holds the true vote counts of every station (a past
election), draw many stratified samples, compute each estimator's interval in
every sample and count how often it covers the true ratio computed from the
whole frame. All replicates of a batch are drawn and summed together: the
per-stratum sums come from ``np.add.reduceat`` over the fixed stratum blocks of
:func:`~.frame.draw_positions`, so no Python loop runs per stratum.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from saylau.results.core.quickcount.estimators import (
    CLUSTER,
    COMBINED,
    SEPARATE,
    combined_from_sums,
    separate_from_sums,
    z_value,
)
from saylau.results.core.quickcount.frame import SamplingFrame, allocate, draw_positions

log = logging.getLogger(__name__)

REGISTERED = "registered"


@dataclass(frozen=True)
class CoverageItem:
    """Repeated-sampling figures for one ratio.

    ``coverage``: fraction of intervals that contain ``true_value``;
    ``naive_coverage``: the same with the voter-level binomial SE;
    ``sd_estimate``: standard deviation of the estimates over replicates
    (the true standard error, to compare with ``mean_se``).
    """

    name: str
    true_value: float
    coverage: float
    naive_coverage: float
    mean_estimate: float
    sd_estimate: float
    mean_se: float
    mean_naive_se: float


@dataclass(frozen=True)
class CoverageResult:
    """Result of :func:`simulate_coverage`; index by ratio name."""

    method: str
    replicates: int
    n_stations: int
    confidence: float
    seed: int
    items: tuple[CoverageItem, ...]

    def __getitem__(self, name: str) -> CoverageItem:
        for item in self.items:
            if item.name == name:
                return item
        raise KeyError(name)


def _column(frame: SamplingFrame, name: str) -> np.ndarray:
    if name == REGISTERED:
        return frame.registered
    if name not in frame.votes:
        raise KeyError(f"frame has no column {name!r} (has {sorted(frame.votes)})")
    return frame.votes[name]


def simulate_coverage(
    frame: SamplingFrame,
    numerators: Sequence[str],
    denominator: str,
    *,
    n: int,
    replicates: int = 1000,
    seed: int = 0,
    method: str = COMBINED,
    confidence: float = 0.95,
    batch: int = 100,
) -> CoverageResult:
    """Draw ``replicates`` proportional stratified samples of ``n`` stations.

    ``numerators`` and ``denominator`` name vote columns of the frame (or
    ``"registered"``: turnout is ``numerators=["total"]``,
    ``denominator="registered"``). ``method`` is ``"combined"``,
    ``"separate"`` (known stratum totals of the denominator, taken from the
    frame) or ``"cluster"`` (strata ignored). Returns a
    :class:`CoverageResult`; the whole run is reproducible from ``seed``.
    """
    if method not in (COMBINED, SEPARATE, CLUSTER):
        raise ValueError(f"unknown method {method!r}")
    sizes = allocate(frame.stratum_sizes, n)
    if np.any(sizes == 0):
        raise ValueError("every stratum needs at least one sampled station")
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    N = frame.stratum_sizes.astype(np.float64)
    nh = sizes.astype(np.float64)
    x = _column(frame, denominator)
    ys = [_column(frame, name) for name in numerators]
    x_totals = frame.stratum_totals(x)
    truth = np.array([y.sum() / x.sum() for y in ys])
    z = z_value(confidence)
    rng = np.random.default_rng(seed)
    est = np.empty((len(ys), replicates))
    var = np.empty_like(est)
    naive = np.empty_like(est)
    done = 0
    while done < replicates:
        b = min(batch, replicates - done)
        pos = draw_positions(frame, sizes, rng, b)
        xs = x[pos]
        sx = np.add.reduceat(xs, starts, axis=1)
        sxx = np.add.reduceat(xs * xs, starts, axis=1)
        for k, y in enumerate(ys):
            yv = y[pos]
            sy = np.add.reduceat(yv, starts, axis=1)
            syy = np.add.reduceat(yv * yv, starts, axis=1)
            sxy = np.add.reduceat(xs * yv, starts, axis=1)
            if method == COMBINED:
                r, v = combined_from_sums(N, nh, sy, sx, syy, sxx, sxy)
            elif method == SEPARATE:
                r, v = separate_from_sums(N, nh, sy, sx, syy, sxx, sxy, x_totals)
            else:  # one stratum: pool the sums
                pool = [a.sum(axis=1, keepdims=True) for a in (sy, sx, syy, sxx, sxy)]
                r, v = combined_from_sums(np.array([N.sum()]), np.array([nh.sum()]), *pool)
            est[k, done:done + b] = r
            var[k, done:done + b] = v
            naive[k, done:done + b] = r * (1 - r) / sx.sum(axis=1)
        done += b
    se = np.sqrt(var)
    naive_se = np.sqrt(naive)
    items = []
    for k, name in enumerate(numerators):
        miss = np.abs(est[k] - truth[k])
        items.append(CoverageItem(
            name=name,
            true_value=float(truth[k]),
            coverage=float(np.mean(miss <= z * se[k])),
            naive_coverage=float(np.mean(miss <= z * naive_se[k])),
            mean_estimate=float(est[k].mean()),
            sd_estimate=float(est[k].std(ddof=1)),
            mean_se=float(se[k].mean()),
            mean_naive_se=float(naive_se[k].mean()),
        ))
    log.info("coverage experiment: %d replicates of %d stations (%s)", replicates, n, method)
    return CoverageResult(method, replicates, int(sizes.sum()), confidence, seed, tuple(items))

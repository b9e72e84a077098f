"""How many stations a quick count needs for a given margin of error.

The margin ``e`` is the half-width of the interval: ``e = z * SE``. Under
proportional stratified sampling of ``n`` of ``N`` stations the ratio
estimator's variance is ``V = (1 - n/N) S^2 / (n xbar^2)`` with
``S^2 = sum_h W_h S_dh^2`` (``W_h = N_h/N``, ``S_dh^2`` the within-stratum
variance of ``d = y - R x`` between stations). Solving ``z^2 V = e^2``:

    n0 = z^2 S^2 / (xbar^2 e^2),        n = n0 / (1 + n0 / N).

Three ways to get ``S^2 / xbar^2``, best first:

``"frame"``
    the frame holds the votes of a comparable past election: ``S_dh^2`` is
    computed from every station directly (this captures both the
    clustering and the gain from stratification);
``"icc"``
    an intra-cluster correlation ``rho`` is given and the cluster sizes come
    from the frame: ``m_i = registered_i * turnout``. Kish's design effect for
    unequal clusters is ``deff = 1 + (m~ - 1) rho`` with
    ``m~ = sum m_i^2 / sum m_i = mbar (1 + cv^2)``; then
    ``n0 = deff * z^2 p (1 - p) / (e^2 mbar)`` (voters needed over voters per
    station);
``"deff"``
    a design effect is given directly; same formula.

The last two are approximations for planning only; the estimate's own
standard error always comes from the sample (:mod:`.estimators`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from saylau.results.core.quickcount.estimators import z_value
from saylau.results.core.quickcount.frame import SamplingFrame, allocate

#: The intra-station correlation used when neither past votes, ``icc`` nor
#: ``deff`` are given (``saylau quickcount plan`` without --candidate, --icc,
#: --deff on a frame without vote columns). Mexico 2012's stations imply
#: 0.028 (PRI-PVEM), 0.033 (PRD-PT-MC) and 0.035 (PAN) within its 375 strata
#: (``(deff - 1) / (m~ - 1)`` from the frame method at +-0.3 points, m~ = 379
#: votes); 0.05 errs on the side of more stations.
DEFAULT_ICC = 0.05


@dataclass(frozen=True)
class SamplePlan:
    """Planned sample size.

    ``n_stations`` after the finite population correction (``n0`` before);
    ``deff`` is the design effect relative to a simple random sample of
    voters (for ``"frame"``, the one implied by the frame's variance);
    ``mean_cluster_size`` the expected voters per station; ``sizes`` the
    proportional allocation over strata (stratum-code order).
    """

    method: str
    n_stations: int
    n0: float
    p: float
    margin: float
    confidence: float
    deff: float
    mean_cluster_size: float
    sizes: np.ndarray


def kish_deff(cluster_sizes: np.ndarray, icc: float) -> float:
    """``1 + (sum m^2 / sum m - 1) * icc`` for clusters of sizes ``m``."""
    m = np.asarray(cluster_sizes, dtype=np.float64)
    return float(1 + (np.sum(m * m) / np.sum(m) - 1) * icc)


def plan_sample_size(
    frame: SamplingFrame,
    *,
    p: float,
    margin: float,
    confidence: float = 0.95,
    numerator: str | None = None,
    denominator: str | None = None,
    icc: float | None = None,
    deff: float | None = None,
    turnout: float = 0.6,
    min_per_stratum: int = 2,
) -> SamplePlan:
    """Number of stations for margin ``margin`` on a share near ``p``.

    Give ``numerator`` and ``denominator`` (vote columns of the frame; a past
    election) for the ``"frame"`` method, else ``icc`` or ``deff``. ``turnout``
    (default 0.6) turns registered voters into expected votes per station
    for the ``"icc"``/``"deff"`` methods. The result is at least the minimum
    allocation (``min_per_stratum`` per stratum) and at most the frame.
    """
    if not 0 < p < 1 or margin <= 0:
        raise ValueError("need 0 < p < 1 and margin > 0")
    z = z_value(confidence)
    N = frame.n_stations
    if numerator is not None and denominator is not None:
        y, x = frame.votes[numerator], frame.votes[denominator]
        r = y.sum() / x.sum()
        d = y - r * x
        sizes = frame.stratum_sizes
        s2 = 0.0
        for h in np.flatnonzero(sizes > 1):
            block = d[frame.offsets[h]:frame.offsets[h + 1]]
            s2 += sizes[h] / N * block.var(ddof=1)
        mbar = float(x.mean())
        n0 = z * z * s2 / (mbar * mbar * margin * margin)
        implied = n0 * mbar * margin * margin / (z * z * p * (1 - p))
        method = "frame"
    else:
        m = frame.registered * turnout
        mbar = float(m.mean())
        if icc is not None:
            implied, method = kish_deff(m, icc), "icc"
        elif deff is not None:
            implied, method = float(deff), "deff"
        else:
            raise ValueError("give numerator and denominator, or icc, or deff")
        n0 = implied * z * z * p * (1 - p) / (margin * margin * mbar)
    n = math.ceil(n0 / (1 + n0 / N))
    floor = int(np.minimum(frame.stratum_sizes, min_per_stratum).sum())
    n = min(max(n, floor), N)
    return SamplePlan(
        method=method, n_stations=n, n0=float(n0), p=p, margin=margin,
        confidence=confidence, deff=float(implied), mean_cluster_size=mbar,
        sizes=allocate(frame.stratum_sizes, n, min_per_stratum=min_per_stratum),
    )


def plan_hardest(frame: SamplingFrame, *, candidates: list[str] | tuple[str, ...], denominator: str,
                 p: float, margin: float, confidence: float = 0.95,
                 min_per_stratum: int = 2) -> tuple[str, SamplePlan]:
    """The frame method for each candidate column; the plan that needs the most
    stations (the candidate whose share varies most between stations) and its name.
    Every candidate's share then has at most the margin, not only the first's."""
    if not candidates:
        raise ValueError("no candidate columns to plan from")
    plans = [(name, plan_sample_size(frame, p=p, margin=margin, confidence=confidence, numerator=name,
                                     denominator=denominator, min_per_stratum=min_per_stratum))
             for name in candidates]
    return max(plans, key=lambda item: (item[1].n_stations, item[1].n0))

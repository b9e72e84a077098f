"""Shpilkin's excess-vote estimate from the clean turnout peak.

The turnout histogram (bins of ``bin_pp`` points, weighted by registered
voters, ignoring turnout above ``max_peak_pp``) has its mode at the "clean
peak" t0. Stations with turnout at or below t0 are taken as honest; the
winner's share among them, s0, is the honest share. In every station above
the peak the other candidates' votes (and invalid ballots) are taken as
honest and the winner's honest votes as others * s0 / (1 - s0); whatever the
winner has beyond that is excess. Corrected shares remove the excess from the
winner's votes and from the ballots counted.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from saylau.forensics._io import Stations


@dataclass(frozen=True)
class ShpilkinResult:
    peak_turnout: float  # percent, centre of the modal bin
    clean_share: float  # percent: winner's share among stations at or below the peak
    excess_votes: float
    official_share: float  # percent of ballots counted
    corrected_share: float  # percent, after removing the excess
    corrected_shares: dict[str, float]  # every candidate, percent of corrected ballots
    excess_turnout_pp: float  # turnout points attributable to the excess
    station_excess: np.ndarray


def turnout_peak(turnout, weights=None, *, bin_pp: float = 0.5, max_peak_pp: float = 95.0) -> float:
    """Centre (in percent) of the modal turnout bin below ``max_peak_pp``."""
    edges = np.arange(0.0, max_peak_pp + bin_pp / 2, bin_pp)
    counts, _ = np.histogram(100.0 * np.asarray(turnout, dtype=float), bins=edges, weights=weights)
    k = int(np.argmax(counts))
    return float(edges[k] + bin_pp / 2)


def shpilkin(stations: Stations, *, bin_pp: float = 0.5, max_peak_pp: float = 95.0,
             peak_pp: float | None = None) -> ShpilkinResult:
    """Excess votes for the winner relative to the clean turnout peak."""
    t = 100.0 * stations.turnout
    w = stations.winner_votes.astype(float)
    r = stations.denominator.astype(float)
    peak = peak_pp if peak_pp is not None else turnout_peak(
        stations.turnout, stations.registered, bin_pp=bin_pp, max_peak_pp=max_peak_pp)
    clean = t <= peak
    s0 = w[clean].sum() / r[clean].sum() if clean.any() else float("nan")
    above = ~clean
    others = r - w
    honest = others * s0 / (1.0 - s0) if s0 < 1 else w
    excess = np.where(above, np.clip(w - honest, 0.0, None), 0.0)
    total = float(excess.sum())
    votes = stations.votes.sum(axis=0).astype(float)
    corrected = votes.copy()
    corrected[stations.winner_index] -= total
    denom = r.sum() - total
    return ShpilkinResult(
        peak_turnout=peak,
        clean_share=100.0 * s0,
        excess_votes=total,
        official_share=100.0 * w.sum() / r.sum(),
        corrected_share=100.0 * (w.sum() - total) / denom,
        corrected_shares={c: 100.0 * v / denom for c, v in zip(stations.candidates, corrected,
                                                             strict=True)},
        excess_turnout_pp=100.0 * total / stations.registered.sum(),
        station_excess=excess,
    )

"""Per-unit breakdown and the ranked list of anomalous stations."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from saylau.forensics._extremes import station_label
from saylau.forensics._io import Stations


@dataclass(frozen=True)
class UnitRow:
    unit: str
    stations: int
    registered: int
    turnout: float  # percent, given / registered summed
    share: float  # percent, winner / received summed
    integer_observed: int  # stations with an integer turnout or share percentage
    integer_expected: float  # binomial null expectation
    integer_z: float
    excess_votes: float  # Shpilkin excess in the unit's stations
    excess_share_pp: float  # excess as points of the unit's ballots
    corr: float  # turnout-share correlation across the unit's stations


@dataclass(frozen=True)
class AnomalousStation:
    row: int  # 1-based data row in the source table
    label: str  # the station's id columns (or its units and row when there are none)
    unit: str  # its value of the unit used for the robust z-score
    registered: int
    turnout: float  # percent
    share: float  # percent
    excess_votes: float
    score: float
    reasons: tuple[str, ...]
    units: dict[str, str] = field(default_factory=dict)  # every unit column's value


def unit_breakdown(stations: Stations, unit: str, *, integer_observed=None,
                   integer_probability=None, station_excess=None) -> list[UnitRow]:
    """Aggregate by the values of ``stations.units[unit]`` (sorted by excess votes).

    ``integer_observed`` / ``integer_probability`` are per-station arrays over
    all stations (NaN/False where a station was not eligible); the expected
    count and its z-score treat stations as independent Bernoulli trials.
    """
    labels, index = np.unique(stations.units[unit], return_inverse=True)
    m = labels.size

    def add(x):
        return np.bincount(index, weights=np.asarray(x, dtype=float), minlength=m)

    n = np.bincount(index, minlength=m)
    reg, given = add(stations.registered), add(stations.given)
    rec, win = add(stations.received), add(stations.winner_votes)
    obs = add(integer_observed) if integer_observed is not None else np.zeros(m)
    q = np.nan_to_num(integer_probability) if integer_probability is not None else None
    exp = add(q) if q is not None else np.zeros(m)
    var = add(q * (1 - q)) if q is not None else np.zeros(m)
    exc = add(station_excess) if station_excess is not None else np.zeros(m)
    t, v = stations.turnout, stations.share
    mt, mv = add(t) / n, add(v) / n
    ct = t - mt[index]
    cv = v - mv[index]
    with np.errstate(divide="ignore", invalid="ignore"):
        corr = add(ct * cv) / np.sqrt(add(ct**2) * add(cv**2))
        z = (obs - exp) / np.sqrt(var)
    rows = [UnitRow(str(labels[i]), int(n[i]), int(reg[i]), 100 * given[i] / reg[i],
                    100 * win[i] / rec[i], int(obs[i]), float(exp[i]), float(z[i]),
                    float(exc[i]), 100 * exc[i] / rec[i], float(corr[i])) for i in range(m)]
    rows.sort(key=lambda r: -r.excess_votes)
    return rows


def _robust_z(x, groups):
    """(x - median of its group) / (1.4826 * MAD of its group), vectorised by sorting."""
    order = np.lexsort((x, groups))
    g, xs = groups[order], x[order]
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    ends = np.r_[starts[1:], g.size]
    size = ends - starts
    lo = starts + (size - 1) // 2
    hi = starts + size // 2
    med = 0.5 * (xs[lo] + xs[hi])
    which = np.repeat(np.arange(starts.size), size)
    dev = np.abs(xs - med[which])
    order2 = np.lexsort((dev, which))
    ds = dev[order2]
    mad = 0.5 * (ds[lo] + ds[hi])
    z = np.empty_like(x, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        z[order] = (xs - med[which]) / (1.4826 * mad[which])
    return np.nan_to_num(z, nan=0.0, posinf=0.0, neginf=0.0)


def anomalous_stations(stations: Stations, *, unit: str | None = None, station_excess=None,
                       integer_turnout=None, integer_share=None, top: int | None = None,
                       min_registered: int = 100) -> list[AnomalousStation]:
    """Every station with at least one reason to look again, most suspicious first
    (``top`` cuts the list; by default it is complete).

    Reasons: turnout of 100 %; the winner with every ballot; turnout and
    winner share both at least 95 %; turnout or share an
    exact integer percentage (with at least ``min_registered`` voters);
    turnout more than 4 robust z-scores above its unit's median; a Shpilkin
    excess above a quarter of the station's ballots. The score adds one per
    reason plus the excess as a fraction of the ballots.
    """
    t, v = 100 * stations.turnout, 100 * stations.share
    rec = stations.denominator
    excess = np.zeros(stations.n) if station_excess is None else np.asarray(station_excess)
    groups = (np.unique(stations.units[unit], return_inverse=True)[1] if unit
              else np.zeros(stations.n, dtype=np.int64))
    z = _robust_z(t, groups)
    big = stations.registered >= min_registered
    flags = {
        "turnout 100%": stations.given >= stations.registered,
        "winner has every ballot": stations.winner_votes >= stations.denominator,
        "turnout and winner share both >= 95%": (t >= 95) & (v >= 95),
        "integer turnout percentage": big & (np.zeros(stations.n, bool) if integer_turnout is None
                                             else integer_turnout),
        "integer winner-share percentage": big & (np.zeros(stations.n, bool)
                                                  if integer_share is None else integer_share),
        "turnout > 4 robust z above unit median": z > 4,
        "excess votes > 25% of ballots": excess > 0.25 * rec,
    }
    matrix = np.column_stack(list(flags.values()))
    score = matrix.sum(axis=1) + excess / np.maximum(rec, 1)
    candidates = np.flatnonzero(matrix.any(axis=1))
    chosen = candidates[np.argsort(-score[candidates], kind="stable")]
    if top is not None:
        chosen = chosen[:top]
    names = list(flags)
    out = []
    for i in chosen:
        out.append(AnomalousStation(
            row=int(stations.rows[i]) if stations.rows is not None else int(i) + 1,
            label=station_label(stations, i),
            unit=str(stations.units[unit][i]) if unit else "",
            registered=int(stations.registered[i]), turnout=float(t[i]), share=float(v[i]),
            excess_votes=float(excess[i]), score=float(score[i]),
            reasons=tuple(names[j] for j in np.flatnonzero(matrix[i])),
            units={u: str(v[i]) for u, v in stations.units.items()},
        ))
    return out

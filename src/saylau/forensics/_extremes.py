"""Stations at or above 100 % turnout, and stations where one candidate has every ballot.

Both are classic signs that something other than voting wrote the protocol,
and both fall outside the integer-percentage test (which leaves out turnout
and shares above 99 %, since 100 % is trivially whole) and the coarse-fraction
test (whose fractions stop below 1). Here they are counted and every such
station is listed with its votes, so a reader can go to the protocol.

Turnout is ballots issued / registered. A candidate is at 100 % when their
votes equal the share's denominator (valid + invalid ballots, or valid ballots
when shares are of valid ballots) and that is above 0. Stations whose issued
ballots exceed the register are excluded from every other statistic (and
reported as input problems); they are counted here from
``Stations.over_register``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from saylau.forensics._io import Stations


@dataclass(frozen=True)
class ExtremeStation:
    row: int  # 1-based data row in the source table
    label: str  # the station's id columns, or its units and row when there are none
    units: dict[str, str]
    registered: int
    given: int
    valid: int
    invalid: int
    votes: dict[str, int]
    turnout: float  # percent
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ExtremeCounts:
    stations: int  # stations examined (usable ones plus those above 100 % turnout)
    share_of: str
    turnout_100: int  # exactly 100 %
    turnout_above_100: int
    turnout_at_or_above_100: int
    registered_at_or_above_100: int  # voters on the register of those stations
    given_at_or_above_100: int
    candidate_100: dict[str, int]  # per candidate: stations where they have every ballot
    any_candidate_100: int
    turnout_and_candidate_100: int  # both at once
    listed: list[ExtremeStation] = field(default_factory=list)


def station_label(stations: Stations, i: int) -> str:
    """The station's id columns; without them its units and source row."""
    if stations.labels is not None:
        return str(stations.labels[i])
    row = int(stations.rows[i]) if stations.rows is not None else i + 1
    parts = [str(v[i]) for v in stations.units.values()]
    return " / ".join([*parts, f"row {row}"])


def _station(s: Stations, i: int, reasons: list[str]) -> ExtremeStation:
    return ExtremeStation(
        row=int(s.rows[i]) if s.rows is not None else i + 1,
        label=station_label(s, i),
        units={u: str(v[i]) for u, v in s.units.items()},
        registered=int(s.registered[i]), given=int(s.given[i]), valid=int(s.valid[i]),
        invalid=int(s.invalid[i]),
        votes={c: int(s.votes[i, j]) for j, c in enumerate(s.candidates)},
        turnout=100.0 * s.given[i] / s.registered[i], reasons=tuple(reasons),
    )


def extreme_stations(stations: Stations) -> ExtremeCounts:
    """Count and list every station at or above 100 % turnout or at 100 % for a candidate."""
    parts = [stations] + ([stations.over_register] if stations.over_register is not None
                          and stations.over_register.n else [])
    names = stations.candidates
    counts = dict.fromkeys(("t100", "t_above", "reg", "given", "any", "both"), 0)
    per_candidate = np.zeros(len(names), dtype=np.int64)
    listed: list[ExtremeStation] = []
    for s in parts:
        full = s.given == s.registered
        above = s.given > s.registered
        denominator = s.denominator
        at_one = (s.votes == denominator[:, None]) & (denominator[:, None] > 0)
        any_one = at_one.any(axis=1)
        counts["t100"] += int(full.sum())
        counts["t_above"] += int(above.sum())
        hot = full | above
        counts["reg"] += int(s.registered[hot].sum())
        counts["given"] += int(s.given[hot].sum())
        counts["any"] += int(any_one.sum())
        counts["both"] += int((hot & any_one).sum())
        per_candidate += at_one.sum(axis=0)
        for i in np.flatnonzero(hot | any_one):
            reasons = []
            if above[i]:
                reasons.append("turnout above 100%")
            elif full[i]:
                reasons.append("turnout 100%")
            reasons += [f"{names[j]} 100%" for j in np.flatnonzero(at_one[i])]
            listed.append(_station(s, i, reasons))
    listed.sort(key=lambda e: e.row)
    n = stations.n + (stations.over_register.n if stations.over_register is not None else 0)
    return ExtremeCounts(
        stations=n, share_of=stations.share_of, turnout_100=counts["t100"],
        turnout_above_100=counts["t_above"],
        turnout_at_or_above_100=counts["t100"] + counts["t_above"],
        registered_at_or_above_100=counts["reg"], given_at_or_above_100=counts["given"],
        candidate_100={c: int(per_candidate[j]) for j, c in enumerate(names)},
        any_candidate_100=counts["any"], turnout_and_candidate_100=counts["both"],
        listed=listed,
    )

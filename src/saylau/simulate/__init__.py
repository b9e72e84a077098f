"""Synthetic elections with ground truth: the ``kz-2011`` profile and a scale knob.

``simulate()`` is pure (NumPy and Polars, no Django): the same profile, scale
and seed give the same data. ``saylau.simulate.load`` writes a simulation into
the database; ``saylau simulate`` does both from the command line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import polars as pl

from saylau.simulate.core import mission, structure, voting
from saylau.simulate.core import profile_kz2011 as P
from saylau.simulate.core.draw import scaled

PROFILES = ("kz-2011",)


@dataclass(frozen=True)
class Simulation:
    """Everything one simulated election holds, as Polars frames plus ground truth."""

    profile: str
    scale: float
    seed: int
    regions: pl.DataFrame
    districts: pl.DataFrame
    stations: pl.DataFrame
    commissions: pl.DataFrame
    members: pl.DataFrame
    parties: pl.DataFrame
    candidates: pl.DataFrame
    results: pl.DataFrame  # protocols (counted, official, entered) and manipulation truth
    observers: pl.DataFrame
    teams: pl.DataFrame
    deployments: pl.DataFrame
    submissions: list[dict] = field(repr=False)
    truth: dict = field(repr=False)

    def summary(self) -> dict[str, int]:
        forms: dict[str, int] = {}
        for s in self.submissions:
            forms[s["form"]] = forms.get(s["form"], 0) + 1
        return {
            "regions": len(self.regions),
            "districts": len(self.districts),
            "stations": len(self.stations),
            "special stations": int((self.stations["kind"] == "special").sum()),
            "registered voters": int(self.stations["registered"].sum()),
            "commissions": len(self.commissions),
            "commission members": len(self.members),
            "candidates": len(self.candidates),
            "observers": len(self.observers),
            **{f"{form} submissions": n for form, n in sorted(forms.items())},
        }


def parties() -> pl.DataFrame:
    return pl.DataFrame(
        [dict(zip(("code", "name_en", "name_ru", "name_kk", "in_parliament", "opposition"), p, strict=True)) for p in P.PARTIES]
    )


def candidates() -> pl.DataFrame:
    keys = ("number", "name_en", "name_ru", "name_kk", "nominator", "party_code", "nominating_body", "incumbent", "honest_share")
    frame = pl.DataFrame([dict(zip(keys, c, strict=True)) for c in P.CANDIDATES])
    return frame.with_columns(status=pl.lit("registered"))


def simulate(profile: str = "kz-2011", *, scale: float = 1.0, seed: int = 2011) -> Simulation:
    """Simulate an election and its observation mission.

    ``scale`` multiplies the number of districts, stations, voters and the
    mission (regions stay 16); ``scale=0.01`` suits tests, ``scale=100``
    (972,500 stations) benchmarks. Returns a :class:`Simulation`.
    """
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; known: {', '.join(PROFILES)}")
    if scale <= 0:
        raise ValueError("scale must be positive")
    rng = np.random.default_rng(seed)
    n_districts = max(len(P.REGIONS), scaled(P.N_DISTRICTS, scale))
    n_stations = max(n_districts, scaled(P.N_STATIONS, scale))
    n_special = min(scaled(P.N_SPECIAL, scale), n_stations - n_districts)
    districts = structure.districts(rng, n_districts)
    stations = structure.stations(rng, districts, n_stations, n_special, scaled(P.REGISTERED, scale))
    commissions, members = structure.commissions(rng, districts, stations)
    results = voting.vote(rng, stations)
    observers, teams = mission.observers(rng, scale)
    deployments, submissions, truth = mission.election_day(rng, scale, teams, stations, results, members)
    submissions += mission.lto_reports(rng, teams, deployments)
    return Simulation(
        profile=profile, scale=scale, seed=seed, regions=structure.regions(), districts=districts,
        stations=stations, commissions=commissions, members=members, parties=parties(),
        candidates=candidates(), results=results, observers=observers, teams=teams,
        deployments=deployments, submissions=submissions, truth=truth,
    )

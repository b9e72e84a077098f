"""Shared setup of the results database tests: a simulated election through the services."""

from __future__ import annotations

from functools import cache

import polars as pl

from saylau.core.actors import Actor
from saylau.results import services
from saylau.results.services.simulation import observed_copies
from saylau.simulate import simulate
from saylau.simulate.load import load

ACTOR = Actor.system("test")


@cache
def simulation(scale: float):
    return simulate("kz-2011", scale=scale, seed=2011)


def kz(scale: float = 0.05, *, observers: bool = True):
    """Load the simulated election and import its protocols; returns (sim, election, counts)."""
    sim = simulation(scale)
    election = load(sim, actor=ACTOR)
    counts = services.import_simulation(actor=ACTOR, election=election, results=sim.results)
    if observers:
        counts["observer"] = services.import_observer_frame(actor=ACTOR, election=election, frame=observed_copies(sim))
    return sim, election, counts


def truth(sim, column: str) -> set[str]:
    return set(sim.results.filter(pl.col(column))["station_code"].to_list())

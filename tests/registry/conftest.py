"""Fixtures of the register tests: a small election loaded through the services,
and a small simulated register audited once (the audit's outcome is pure)."""

from __future__ import annotations

import pytest

from saylau.core.actors import Actor

ACTOR = Actor.system("registry-tests")


@pytest.fixture(scope="session")
def small_register():
    from saylau.registry.core.simulation import simulate_register

    return simulate_register(0.002, seed=11)


@pytest.fixture(scope="session")
def small_outcome(small_register):
    from saylau.registry.core import audit
    from saylau.registry.core.simulation import ELECTION_DAY

    s = small_register
    return audit.run(s.current, s.stations, election_day=ELECTION_DAY, previous=s.previous, deaths=s.deaths,
                     population=s.population)


@pytest.fixture
def election(db):
    from saylau.simulate import simulate
    from saylau.simulate.load import load

    sim = simulate("kz-2011", scale=0.002, seed=2011)
    return load(sim, actor=ACTOR)

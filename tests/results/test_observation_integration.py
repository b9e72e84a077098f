"""Observers' copies taken from the observation app's selector."""

from __future__ import annotations

import pytest

from saylau.results import services
from saylau.results.models import Protocol

from .helpers import ACTOR, kz

pytestmark = pytest.mark.django_db


def test_copies_from_the_observation_app_match_the_pec_protocols():
    observation = pytest.importorskip("saylau.observation.demo")
    sim, election, _ = kz(0.2, observers=False)
    observation.ingest_simulation(sim, election, actor=ACTOR)
    written = services.import_observer_copies(actor=ACTOR, election=election)
    copies = Protocol.objects.filter(election=election, source="observer")
    expected = {s["station_code"] for s in sim.submissions if s["form"] == "counting" and "p_registered" in s["answers"]}
    assert written == len(expected) > 0 and set(copies.values_list("unit__code", flat=True)) == expected
    assert services.import_observer_copies(actor=ACTOR, election=election) == 0  # a retry is a no-op
    run = services.tabulate(actor=ACTOR, election=election)
    assert run.summary["discrepancies"]["observer"] == 0
    assert run.summary["units_with_discrepancies"]["entered"] > 0

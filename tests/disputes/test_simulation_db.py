"""The kz-2011 cases through the process: the statistics equal the simulation's ground truth."""

from __future__ import annotations

import dataclasses

import pytest

from saylau.disputes import selectors, services
from saylau.disputes.core import simulation, stats
from saylau.ledger import checks
from tests.disputes.conftest import ACTOR

pytestmark = pytest.mark.django_db


def test_the_statistics_equal_the_ground_truth(election):
    services.import_simulation(actor=ACTOR, election=election)
    _, truth = simulation.kz2011()
    s = stats.summarise(selectors.case_frame(election), election.date)
    counted = {f.name: getattr(s, f.name) for f in dataclasses.fields(truth)}
    assert counted == dataclasses.asdict(truth)
    # and the ground truth is SYNOPSIS §6's figures
    assert (truth.cec, truth.cec_in_session, truth.cec_published) == (12, 0, 0)
    assert (truth.district_court, truth.supreme_court, truth.courts_rejected_or_not_considered) == (15, 5, 20)
    assert s.courts_decided == 20 and s.total == 32
    # the chain of an appeal reads end to end
    sc = next(c for c in selectors.cases(election) if c.reference == "SC-001")
    assert [c.reference for c in selectors.chain(sc)] == ["CEC-001", "SC-001"]
    checks.load_snapshots()
    assert checks.verify_database().ok


def test_the_cases_refused_on_the_wrong_deadline_are_late_only_under_the_election_law(election):
    services.import_simulation(actor=ACTOR, election=election)
    rows = [r for r in selectors.public_rows(election) if r["not_considered_reason"] == "deadline"]
    assert len(rows) == simulation.N_WRONG_DEADLINE
    assert {(r["late_under"], r["on_time_under"], r["deadline_conflict"]) for r in rows} == {
        ("kz-election-law", "kz-civil-procedure", True)}


def test_the_same_seed_gives_the_same_cases():
    a, _ = simulation.kz2011(7)
    b, _ = simulation.kz2011(7)
    assert a == b and len(a) == 32

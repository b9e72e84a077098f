"""Nominees through the services (SQLite and PostgreSQL): every status step a body's decision with
its vote and a ledger entry; eligibility evaluated with its evidence; refusals say why."""

from __future__ import annotations

import datetime as dt

import pytest

from saylau.geography.models import Candidate
from saylau.ledger import checks
from saylau.ledger.checks import load_snapshots
from saylau.ledger.models import LedgerEntry
from saylau.nomination import selectors, services
from saylau.nomination.core.eligibility import Facts
from saylau.nomination.models import EligibilityCheck, StatusDecision
from tests.nomination import world_db as w

pytestmark = pytest.mark.django_db


@pytest.fixture
def election():
    return w.election()


def _nominee(e, code="A", **kw):
    return services.create_nominee(actor=w.ACTOR, election=e, code=code, name_en="Aidar Nurpeisov",
                                   nominated_by="self", nominated_on=dt.date(2011, 2, 6), **kw)


def test_the_path_to_registration_is_decisions(election):
    a = _nominee(election, incumbent=True)
    assert LedgerEntry.objects.filter(event="nomination.nominee.created", object_id=str(a.pk)).count() == 1
    steps = [("documents", "1/1", dt.date(2011, 2, 10)), ("signatures", "4/2", dt.date(2011, 2, 21)),
             ("registered", "7/3", dt.date(2011, 3, 1))]
    for to, number, day in steps:
        services.decide(actor=w.ACTOR, nominee=a, to_status=to, number=number, decided_on=day, votes_for=6,
                        votes_against=1, members_present=7)
    a.refresh_from_db()
    assert a.status == "registered"
    # registration puts the nominee on the ballot: a geography candidate, with its own ledger entry
    assert a.candidate == Candidate.objects.get(election=election, name_en="Aidar Nurpeisov")
    assert a.candidate.number == 1 and a.candidate.status == "registered" and a.candidate.incumbent
    history = list(selectors.status_history(a))
    assert [(d.from_status, d.to_status, d.number) for d in history] == [
        ("nominated", "documents", "1/1"), ("documents", "signatures", "4/2"), ("signatures", "registered", "7/3")]
    assert LedgerEntry.objects.filter(event="nomination.decision.created").count() == 3
    assert LedgerEntry.objects.filter(event="nomination.nominee.updated").count() == 3
    assert LedgerEntry.objects.filter(event="geography.candidate.created").count() == 1
    assert [d["code"] for d in selectors.nominee_deadlines(a, "en")] == [
        "documents_decided_by", "collect_from", "submit_by", "verified_by", "registration_decided_by"]
    window = selectors.collection_window(a)
    assert window == (dt.date(2011, 2, 11), dt.date(2011, 2, 20))  # 10 days from the decision of 10 February
    load_snapshots()
    assert checks.verify_database().ok


@pytest.mark.parametrize(("change", "message"), [
    ({"to_status": "registered"}, "A is nominated: the next step is one of documents, refused, withdrawn"),
    ({"votes_for": 3, "votes_against": 4}, "a decision is taken by a majority: 3 for, 4 against"),
    ({"votes_for": None}, "a decision records the vote"),
    ({"number": ""}, "a decision has a number"),
    ({"to_status": "refused"}, "a refusal names its ground"),
    ({"decided_on": dt.date(2011, 2, 1)}, "comes before the nomination (2011-02-06)"),
    ({"body": "court"}, "body 'court': expected one of CEC, TEC, DEC, PEC"),
    ({"votes_for": 5, "votes_against": 1, "members_present": 5}, "votes for and against exceed the members present"),
])
def test_a_decision_that_cannot_be_taken_says_why(election, change, message):
    a = _nominee(election)
    before = LedgerEntry.objects.count()
    args = {"to_status": "documents", "number": "1/1", "decided_on": dt.date(2011, 2, 10), "votes_for": 7,
            "votes_against": 0} | change
    with pytest.raises(services.NominationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        services.decide(actor=w.ACTOR, nominee=a, **args)
    assert LedgerEntry.objects.count() == before and StatusDecision.objects.count() == 0


def test_refused_and_withdrawn_are_final(election):
    a = _nominee(election)
    services.decide(actor=w.ACTOR, nominee=a, to_status="refused", number="2/1", decided_on=dt.date(2011, 2, 10),
                    votes_for=7, votes_against=0, ground="language", reason="failed the language test")
    with pytest.raises(services.NominationError, match="A is refused: the next step is one of none: it is final"):
        services.decide(actor=w.ACTOR, nominee=a, to_status="withdrawn", number="3/1",
                        decided_on=dt.date(2011, 2, 11), votes_for=7, votes_against=0)
    assert selectors.nominee_frame(election).row(0, named=True)["ground"] == "language"


def test_eligibility_evaluated_on_election_day_with_evidence(election):
    a = _nominee(election)
    # 40 on 4 April 2011, the day after election day: too young (the rule counts age on election day)
    facts = Facts(birth_date=dt.date(1971, 4, 4), citizen_by_birth=True, resident_since=dt.date(1990, 1, 1),
                  language_passed=True)
    made = services.record_eligibility(actor=w.ACTOR, nominee=a, facts=facts)
    got = {c.code: c.outcome for c in made}
    assert got["age"] == "failed" and got["citizenship"] == "passed" and got["residence"] == "passed"
    assert got["fee"] == "not_checked"
    age = EligibilityCheck.objects.get(nominee=a, code="age")
    assert "39" in age.evidence
    # the evidence in each language, dates in its style (evaluated here, so rendered in all three)
    assert age.evidence_in("ru").startswith("дата рождения 04.04.1971: полных лет на день выборов 03.04.2011 — 39")
    assert "04.04.1971" in age.evidence_in("kk") and age.evidence_in("kk") != age.evidence_in("ru")
    assert age.evidence_in("en") == age.evidence and "1971-04-04" in age.evidence
    assert [c.code for c in selectors.eligibility(a)][:3] == ["citizenship", "age", "residence"]
    assert LedgerEntry.objects.filter(event="nomination.check.created").count() == len(made)
    # a day older: the check is updated (before and after in the ledger), the others stay
    services.record_eligibility(actor=w.ACTOR, nominee=a, facts=Facts(
        birth_date=dt.date(1971, 4, 3), citizen_by_birth=True, resident_since=dt.date(1990, 1, 1),
        language_passed=True))
    assert EligibilityCheck.objects.get(nominee=a, code="age").outcome == "passed"
    assert LedgerEntry.objects.filter(event="nomination.check.updated").count() == 1
    load_snapshots()
    assert checks.verify_database().ok


def test_nominee_refusals(election):
    _nominee(election)
    with pytest.raises(services.NominationError, match="nominee 'A' exists already"):
        _nominee(election)
    with pytest.raises(services.NominationError, match="nominated_by 'crowd': expected one of self, association"):
        services.create_nominee(actor=w.ACTOR, election=election, code="C", name_en="C", nominated_by="crowd",
                                nominated_on=dt.date(2011, 2, 6))
    with pytest.raises(services.NominationError, match="no party 'NOPE' in kz-2011"):
        services.create_nominee(actor=w.ACTOR, election=election, code="C", name_en="C", nominated_by="party",
                                party="NOPE", nominated_on=dt.date(2011, 2, 6))
    with pytest.raises(services.NominationError, match="nominating_body: name the public association"):
        services.create_nominee(actor=w.ACTOR, election=election, code="C", name_en="C", nominated_by="association",
                                nominated_on=dt.date(2011, 2, 6))

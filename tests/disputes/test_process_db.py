"""The process of a case: allowed and refused transitions, decisions, appeals, the ledger."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest

from saylau.disputes import selectors, services
from saylau.disputes.services import DisputeError
from saylau.ledger import checks
from saylau.ledger.models import LedgerEntry
from tests.disputes.conftest import ACTOR

pytestmark = pytest.mark.django_db
D = dt.date


def _file(election, **kw):
    args = dict(actor=ACTOR, election=election, body="CEC", complainant_kind="voter",
                complainant_name="Aigerim Private", respondent="TEC of Almaty",
                contested_act="Refusal to include the complainant in the voter list", act_date=D(2011, 3, 1),
                filed_on=D(2011, 3, 4), phase="voter_registration", bases=["kz-election-law"],
                links=[("station", "0101")])
    args.update(kw)
    return services.file_case(**args)


def test_deciding_an_unadmitted_case_is_refused(election):
    case = _file(election)
    with pytest.raises(DisputeError, match=r"CEC-001 is received: only an admitted case.*admit it first"):
        services.decide(actor=ACTOR, case=case, decided_on=D(2011, 3, 6), mode="official", official="Chair",
                        outcome="rejected")
    case.refresh_from_db()
    assert case.status == "received" and case.decided_on is None


def test_deciding_without_session_or_official_is_refused(election):
    case = services.admit(actor=ACTOR, case=_file(election), on=D(2011, 3, 4))
    with pytest.raises(DisputeError, match="without how it was decided: by vote in a recorded session"):
        services.decide(actor=ACTOR, case=case, decided_on=D(2011, 3, 6), mode="", outcome="rejected")
    with pytest.raises(DisputeError, match="the session's date, the members present and the votes"):
        services.decide(actor=ACTOR, case=case, decided_on=D(2011, 3, 6), mode="session", outcome="rejected")
    with pytest.raises(DisputeError, match="the official who decided alone"):
        services.decide(actor=ACTOR, case=case, decided_on=D(2011, 3, 6), mode="official", outcome="rejected")
    with pytest.raises(DisputeError, match=r"votes for and against \(5 \+ 3\) within the 7 members"):
        services.decide(actor=ACTOR, case=case, decided_on=D(2011, 3, 6), mode="session", outcome="rejected",
                        session_date=D(2011, 3, 6), members_present=7, votes_for=5, votes_against=3)
    with pytest.raises(DisputeError, match="why the case was not considered"):
        services.decide(actor=ACTOR, case=case, decided_on=D(2011, 3, 6), mode="official", official="Chair",
                        outcome="not_considered")
    case.refresh_from_db()
    assert case.status == "admitted"


def test_the_whole_chain_and_its_ledger(election):
    case = services.admit(actor=ACTOR, case=_file(election), on=D(2011, 3, 4), reason="complete")
    services.consider(actor=ACTOR, case=case, on=D(2011, 3, 5))
    services.decide(actor=ACTOR, case=case, decided_on=D(2011, 3, 6), mode="session", outcome="rejected",
                    session_date=D(2011, 3, 6), members_present=7, votes_for=6, votes_against=1,
                    reasoning="The list was correct.")
    services.publish_decision(actor=ACTOR, case=case, published_on=D(2011, 3, 7), url="https://example.org/d/1")
    pdf = b"%PDF-1.4 decision"
    doc = services.add_document(actor=ACTOR, case=case, name="decision.pdf", content=pdf,
                                content_type="application/pdf", public=True)
    up = services.appeal(actor=ACTOR, case=case, filed_on=D(2011, 3, 9), reason="the CEC erred")
    assert up.body == "court_supreme" and up.appeal_of == case and up.reference == "SC-001"
    case.refresh_from_db()
    assert case.status == "appealed"
    assert [c.reference for c in selectors.chain(up)] == ["CEC-001", "SC-001"]
    assert [c.reference for c in selectors.chain(case)] == ["CEC-001", "SC-001"]
    events = list(LedgerEntry.objects.filter(object_type="disputes.case", object_id=str(case.pk))
                  .order_by("sequence").values_list("event", flat=True))
    assert events == ["disputes.case.created", "disputes.case.admitted", "disputes.case.considered",
                      "disputes.case.decided", "disputes.case.published", "disputes.case.appealed"]
    entry = LedgerEntry.objects.get(object_type="disputes.document", object_id=str(doc.pk))
    assert json.loads(entry.payload)["after"]["sha256"] == hashlib.sha256(pdf).hexdigest()
    timeline = [(e.transition, e.to_status) for e in case.events.order_by("on", "id")]
    assert timeline[:4] == [("filed", "received"), ("admitted", "admitted"), ("considered", "considered"),
                            ("decided", "decided")]
    from saylau.ledger.checks import load_snapshots
    load_snapshots()
    assert checks.verify_database().ok
    # a private voter is not named publicly
    rows = {r["reference"]: r for r in selectors.public_rows(election)}
    assert rows["CEC-001"]["complainant"] == "Voter" and "Aigerim" not in json.dumps(rows)


def test_the_supreme_court_is_the_end_of_the_chain(election):
    case = services.admit(actor=ACTOR, case=_file(election, body="court_supreme", body_name="Supreme Court"),
                          on=D(2011, 3, 4))
    services.decide(actor=ACTOR, case=case, decided_on=D(2011, 3, 6), mode="session", outcome="rejected",
                    session_date=D(2011, 3, 6), members_present=3, votes_for=3, votes_against=0)
    with pytest.raises(DisputeError, match="a decision of the Supreme Court cannot be appealed"):
        services.appeal(actor=ACTOR, case=case, filed_on=D(2011, 3, 8))


def test_links_name_what_exists(election):
    with pytest.raises(DisputeError, match="no polling station '9999' in kz-2011"):
        _file(election, links=[("station", "9999")])
    with pytest.raises(DisputeError, match="no candidate with ballot number '7'"):
        _file(election, links=[("candidate", "7")])
    case = _file(election, links=[("candidate", "2")])
    with pytest.raises(DisputeError, match="linked to candidate 2 already"):
        services.add_link(actor=ACTOR, case=case, kind="candidate", target="2")


def test_documents_have_limits(election):
    case = _file(election)
    with pytest.raises(DisputeError, match="is not accepted"):
        services.add_document(actor=ACTOR, case=case, name="x.exe", content=b"MZ...", content_type="application/x-msdownload")
    with pytest.raises(DisputeError, match="said to be application/pdf, but its bytes are not"):
        services.add_document(actor=ACTOR, case=case, name="x.pdf", content=b"hello", content_type="application/pdf")
    with pytest.raises(DisputeError, match="at most 10,485,760"):
        services.add_document(actor=ACTOR, case=case, name="big.pdf", content=b"%PDF-" + b"0" * (10 * 1024 * 1024),
                              content_type="application/pdf")


def test_a_user_without_the_permission_may_not_decide(election):
    from saylau.core.actors import Actor
    from saylau.web.services import create_user

    user = create_user(actor=ACTOR, username="clerk", role="observer", password="clerk-pass-1")
    with pytest.raises(DisputeError, match="clerk may not admit a case"):
        services.admit(actor=Actor.from_user(user), case=_file(election))


def test_overdue_and_the_conflict(election):
    case = _file(election, body="court_district", body_name="Almaly District Court", act_date=D(2011, 2, 1),
                 filed_on=D(2011, 2, 21), bases=["kz-election-law", "kz-civil-procedure"], links=[])
    [(listed, assessment, overdue)] = selectors.listing(election, overdue=True, today=D(2011, 3, 1))
    assert listed == case and overdue and assessment.conflict
    assert assessment.late_under == ("kz-election-law",)
    assert selectors.listing(election, overdue=True, today=D(2011, 2, 28)) == []

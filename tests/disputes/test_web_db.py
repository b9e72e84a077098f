"""The web pages of disputes: filing, acting, refusals, public pages and open data."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from saylau.disputes.models import Case
from saylau.web.services import create_user
from tests.disputes.conftest import ACTOR

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(election):
    user = create_user(actor=ACTOR, username="member", role="observer", password="member-pass-1")
    user.user_permissions.add(Permission.objects.get(codename="decide_case"))
    return user


def _client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


FILING = {"election": "kz-2011", "body": "DEC", "body_name": "DEC 12", "complainant_kind": "voter",
          "complainant_name": "Dana Private", "respondent": "PEC 0101", "contested_act": "Refused a ballot",
          "act_date": "2011-04-03", "filed_on": "2011-04-04", "phase": "election_day", "bases": ["kz-election-law"],
          "station": "0101"}


def test_file_admit_decide_appeal_and_the_public_page(election, member):
    filer = create_user(actor=ACTOR, username="filer", role="observer", password="filer-pass-1")
    response = _client(filer).post("/disputes/file/", FILING)
    assert response.status_code == 302, response.content.decode()[:2000]
    case = Case.objects.get()
    assert case.reference == "DEC-001" and case.status == "received"
    # the filer may not admit
    assert _client(filer).post("/disputes/DEC-001/admit/?election=kz-2011").status_code == 403
    c = _client(member)
    page = c.post("/disputes/DEC-001/decide/?election=kz-2011",
                  {"decided_on": "2011-04-05", "decision_mode": "official", "official": "Chair",
                   "outcome": "rejected"}, follow=True).content.decode()
    assert "DEC-001 is received: only an admitted case" in page
    c.post("/disputes/DEC-001/admit/?election=kz-2011", {"reason": ""})
    page = c.post("/disputes/DEC-001/decide/?election=kz-2011",
                  {"decided_on": "2011-04-05", "outcome": "rejected"}, follow=True).content.decode()
    assert "cannot be decided without how it was decided" in page
    c.post("/disputes/DEC-001/decide/?election=kz-2011",
           {"decided_on": "2011-04-05", "decision_mode": "session", "session_date": "2011-04-05",
            "members_present": "7", "votes_for": "5", "votes_against": "2", "outcome": "rejected"})
    case.refresh_from_db()
    assert case.status == "decided" and case.votes_for == 5
    _client(filer).post("/disputes/DEC-001/appeal/?election=kz-2011", {"filed_on": "2011-04-07", "body": "TEC",
                                                                        "reason": "the DEC erred"})
    public = Client().get("/disputes/TEC-001/?election=kz-2011").content.decode()
    assert "DEC-001" in public and "TEC-001" in public and "Dana" not in public
    decided = Client().get("/disputes/DEC-001/?election=kz-2011").content.decode()
    assert "5 for, 2 against" in decided and "Dana" not in decided
    data = json.loads(Client().get("/disputes/open-data/cases.json?election=kz-2011").content)
    assert [r["reference"] for r in data["cases"]] == ["DEC-001", "TEC-001"]
    assert "Dana" not in json.dumps(data)
    listing = Client().get("/disputes/?election=kz-2011&body=TEC").content.decode()
    assert "TEC-001" in listing and "DEC-001</a>" not in listing


def test_a_bad_filing_says_what_is_wrong(election):
    filer = create_user(actor=ACTOR, username="filer", role="observer", password="filer-pass-1")
    page = _client(filer).post("/disputes/file/", {**FILING, "act_date": "2011-04-09"}).content.decode()
    assert "the act complained of comes after the filing date" in page
    assert not Case.objects.exists()


def test_pages_in_russian_and_kazakh(election, member):
    _client(member).post("/disputes/file/", FILING)
    for lang, word in (("ru", "Жалобы и апелляции"), ("kk", "Шағымдар мен апелляциялар")):
        page = Client(headers={"accept-language": lang}).get("/disputes/?election=kz-2011",
                                                              HTTP_ACCEPT_LANGUAGE=lang).content.decode()
        assert word in page, lang


def test_the_api(election):
    filer = create_user(actor=ACTOR, username="filer", role="observer", password="filer-pass-1")
    assert Client().post("/api/disputes/elections/kz-2011/cases/", {}, content_type="application/json"
                         ).status_code in (401, 403)
    body = {"body": "CEC", "complainant_kind": "party", "complainant_name": "Free Democrats", "respondent": "CEC",
            "contested_act": "Refusal to register", "filed_on": "2011-02-20", "phase": "candidate_registration",
            "bases": ["kz-election-law"], "links": [{"kind": "candidate", "target": "3"}]}
    response = _client(filer).post("/api/disputes/elections/kz-2011/cases/", body, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["complainant"] == "Free Democrats"
    bad = _client(filer).post("/api/disputes/elections/kz-2011/cases/", {**body, "bases": ["nope"]},
                              content_type="application/json")
    assert bad.status_code == 400 and "no legal basis 'nope'" in bad.json()["detail"]
    rows = Client().get("/api/disputes/elections/kz-2011/cases/").json()
    assert [r["reference"] for r in rows] == ["CEC-001"]
    one = Client().get("/api/disputes/elections/kz-2011/cases/CEC-001/").json()
    assert one["timeline"][0]["step"] == "filed" and one["chain"] == ["CEC-001"]

"""The nomination API (SQLite and PostgreSQL): public nominees, decisions, sessions and counts;
the accreditation list for signed-in users only, filtered as the back office's table is."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from rest_framework.test import APIClient

from saylau.nomination import services
from saylau.nomination.core import sampling
from tests.nomination import world_db as w

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    e = w.election()
    made = w.nominees(e)
    services.import_lines(actor=w.ACTOR, election=e, lines=w.lines())
    services.verify_lines(actor=w.ACTOR, election=e, register=w.register(), stations=w.stations(), deaths=w.deaths())
    services.run_session(actor=w.ACTOR, nominee=made["A"], held_on=dt.date(2011, 2, 25),
                         plan=sampling.Plan(0, 0.05), required=2, proxy_present=False, register=w.register(),
                         stations=w.stations(), deaths=w.deaths())
    services.import_accreditations(actor=w.ACTOR, election=e, applications=pl.DataFrame({
        "kind": ["media", "domestic_observer"], "full_name": ["Asel", "Dana"], "organisation": ["Dala News", "League"],
        "iin": ["900101300123", ""]}))
    return e


def test_public_reads(world):
    client = APIClient()
    nominees = client.get("/api/nomination/elections/kz-2011/nominees/").json()
    a = next(n for n in nominees if n["code"] == "A")
    assert (a["lines"], a["checked"], a["valid"], a["invalid"], a["status"]) == (9, 9, 2, 7, "documents")
    detail = client.get("/api/nomination/elections/kz-2011/nominees/A/").json()
    assert [d["to_status"] for d in detail["decisions"]] == ["documents"]
    assert detail["signatures_by_reason"][0] == {"reason": "missing_field", "lines": 1, "struck": 0,
                                                 "struck_with_reason": 0}
    assert detail["sessions"][0]["decision"] == "refused_invalid_share"
    assert "surname" not in str(detail) and "iin" not in detail  # counts, never a person
    assert client.get("/api/nomination/elections/kz-2011/nominees/Z/").status_code == 404
    decisions = client.get("/api/nomination/elections/kz-2011/decisions/").json()
    assert {(d["nominee"], d["number"], d["votes_for"]) for d in decisions} == {("A", "1/A", 7), ("B", "1/B", 7)}
    sessions = client.get("/api/nomination/elections/kz-2011/sessions/").json()
    assert sessions[0]["invalid_by_reason"]["deceased"] == 1
    counts = client.get("/api/nomination/elections/kz-2011/accreditations/counts/").json()
    assert counts["by_kind"]["media"]["accredited"] == 1


def test_the_accreditation_list_is_for_signed_in_users(world):
    from saylau.web.services import create_user

    client = APIClient()
    assert client.get("/api/nomination/elections/kz-2011/accreditations/").status_code in (401, 403)
    user = create_user(actor=w.ACTOR, username="aru", role="analyst", password="aru-pass-1234")
    client.force_authenticate(user)
    body = client.get("/api/nomination/elections/kz-2011/accreditations/?kind=media").json()
    rows = body["results"] if isinstance(body, dict) else body
    assert [(r["badge"], r["full_name"], r["organisation"]) for r in rows] == [("MD-000001", "Asel", "Dala News")]
    assert "iin" not in rows[0]


def test_the_schema_describes_the_endpoints(world):
    from drf_spectacular.generators import SchemaGenerator

    paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]
    for path in ("/api/nomination/elections/{slug}/nominees/", "/api/nomination/elections/{slug}/nominees/{code}/",
                 "/api/nomination/elections/{slug}/decisions/", "/api/nomination/elections/{slug}/sessions/",
                 "/api/nomination/elections/{slug}/accreditations/",
                 "/api/nomination/elections/{slug}/accreditations/counts/"):
        assert "get" in paths[path], path

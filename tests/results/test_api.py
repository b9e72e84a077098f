"""The read-only JSON API: public published results and totals, the rest for analysts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from saylau.core.protocol import LINES
from saylau.results import services

from .helpers import ACTOR, kz

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(tmp_path):
    sim, election, _ = kz(0.02)
    services.run_checks(actor=ACTOR, election=election)
    services.tabulate(actor=ACTOR, election=election)
    services.publish(actor=ACTOR, election=election, out_dir=tmp_path,
                     until=dt.datetime(2011, 4, 3, 16, 30, tzinfo=dt.UTC))
    return sim, election


def _analyst() -> APIClient:
    client = APIClient()
    client.force_authenticate(get_user_model().objects.create_user("analyst", is_staff=True))
    return client


def test_the_public_reads_published_stations_and_official_totals(chain):
    sim, election = chain
    client = APIClient()
    base = f"/api/results/elections/{election.slug}"
    stations = client.get(f"{base}/stations/")
    assert stations.status_code == 200
    rows = stations.json()
    assert 0 < len(rows) < sim.results.height and all(r["received_at"] <= "2011-04-03T16:30:00Z" for r in rows)
    assert len(rows[0]["votes"]) == 4
    assert all(line in rows[0] for line in LINES)  # every protocol line, not a few
    candidates = client.get(f"{base}/candidates/").json()
    assert [c["number"] for c in candidates] == [1, 2, 3, 4]
    assert [c["name_ru"] for c in candidates] == sim.candidates.sort("number")["name_ru"].to_list()
    assert candidates[0]["column"] == "votes_1"
    totals = client.get(f"{base}/totals/").json()
    assert totals["registered"] == sim.stations["registered"].sum()
    assert totals["publication"]["protocols_published"] == len(rows)
    assert client.get(f"{base}/totals/?source=observer").status_code == 403
    for path in ("protocols", "discrepancies", "quarantine"):
        assert client.get(f"{base}/{path}/").status_code in (401, 403)


def test_analysts_read_protocols_discrepancies_and_quarantine(chain):
    sim, election = chain
    client = _analyst()
    base = f"/api/results/elections/{election.slug}"
    page = client.get(f"{base}/protocols/?source=observer").json()
    assert page["count"] > 0 and {r["source"] for r in page["results"]} == {"observer"}
    entered = client.get(f"{base}/discrepancies/?kind=entered").json()
    assert entered["count"] > 0 and all(r["difference"] == r["official"] - r["expected"] for r in entered["results"])
    held = client.get(f"{base}/quarantine/").json()
    assert held["count"] > 0 and held["results"][0]["reasons"][0]["reason"]
    assert client.get("/api/results/elections/nowhere/totals/").status_code == 404


def test_the_openapi_schema_describes_every_results_endpoint():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    paths = [p for p in schema["paths"] if p.startswith("/api/results/")]
    assert len(paths) == 6
    stations = schema["paths"]["/api/results/elections/{slug}/stations/"]["get"]
    assert "200" in stations["responses"]

"""The media API and commands (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

import pytest

from saylau.media.demo import load_simulation
from saylau.web import services as web_services

from .conftest import ACTOR, OUTLETS_CSV

pytestmark = pytest.mark.django_db


def _client(username: str, role: str):
    from rest_framework.test import APIClient

    user = web_services.create_user(actor=ACTOR, username=username, role=role, password=f"{username}-pass-1")
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_api_codes_an_item_twice_and_reports_the_disagreement(world, tmp_path):
    from saylau.media import services

    _, election = world
    (tmp_path / "outlets.csv").write_text(OUTLETS_CSV, encoding="utf-8")
    services.import_outlets(actor=ACTOR, election=election, path=tmp_path / "outlets.csv")
    url = f"/api/media/elections/{election.slug}/"
    observer = _client("olzhas", "observer")
    assert observer.get(url + "report/").status_code == 403
    asel, bolat = _client("asel", "coordinator"), _client("bolat", "coordinator")
    item = {"outlet": "TV1", "aired_at": "2011-03-20 19:05", "programme": "news", "subject": "candidate",
            "candidate": 1, "amount": 75, "tone": "positive", "speech": "direct", "language": "kk"}
    first = asel.post(url + "codings/", item, format="json")
    assert first.status_code == 201 and first.json()["final"] is True
    second = bolat.post(url + "codings/", {**item, "tone": "negative"}, format="json")
    assert second.status_code == 201 and second.json()["item"] == first.json()["item"]
    bad = bolat.post(url + "codings/", {**item, "outlet": "XX", "aired_at": "2011-03-21 10:00"}, format="json")
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "outlet"
    reliability = asel.get(url + "reliability/").json()
    assert reliability["disagreements"][0]["variables"] == ["tone"]
    assert {c["coder"] for c in reliability["disagreements"][0]["codings"]} == {"asel", "bolat"}
    report = asel.get(url + "report/").json()
    assert report["news"] == [{"outlet": "TV1", "subject_kind": "candidate", "subject_ref": "1", "numerator": 75,
                               "denominator": 75, "share": 1.0}]


def test_commands(world, tmp_path, capsys):
    from saylau.media import commands

    _, election = world
    load_simulation(election, actor=ACTOR)

    class Args:
        election = None
        lang = "ru"
        list = False
        json = str(tmp_path / "report.json")

    assert commands._reliability(Args) == 0
    out = capsys.readouterr().out
    assert "Тональность" in out and "items whose coders disagree" in out
    assert commands._report(Args) == 0
    out = capsys.readouterr().out
    assert "(3,420 of 18,000)" in out  # the incumbent on State channel A
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert {"outlet": "STA", "subject_kind": "candidate", "subject_ref": "1", "numerator": 3420,
            "denominator": 18000, "share": 0.19} in data["news"]


def test_the_openapi_schema_describes_the_media_endpoints():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    paths = sorted(p for p in schema["paths"] if p.startswith("/api/media/"))
    assert paths == ["/api/media/elections/{slug}/codings/", "/api/media/elections/{slug}/reliability/",
                     "/api/media/elections/{slug}/report/"]
    body = schema["paths"]["/api/media/elections/{slug}/codings/"]["post"]["requestBody"]
    assert "CodingInput" in json.dumps(body)


def test_report_by_period_and_the_demo_step(world, tmp_path, capsys):
    from saylau.core.steps import DemoContext
    from saylau.media import commands, selectors
    from saylau.media.demo import STEPS

    sim, election = world
    ctx = DemoContext(data_dir=tmp_path, out_dir=tmp_path, scale=0.002, seed=2011, election=election,
                      simulation=sim)
    rows = STEPS[0].run(ctx)
    assert rows[0].value == "2,554 (255 twice)"
    assert any("19 % (3,420 of 18,000 s)" in r.value for r in rows)
    report = selectors.report(election, by_period=True)
    assert set(report.news["period"]) == {"campaign"}  # every simulated item is in the campaign

    class Args:
        election = None
        lang = "en"
        json = None
        by_period = True

    assert commands._report(Args) == 0
    assert "State channel A, campaign" in capsys.readouterr().out

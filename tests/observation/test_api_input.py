"""Input the database cannot hold is refused by the API with 400, not a server error
(found by Schemathesis on PostgreSQL, docs/api.md): NUL characters and lone surrogates
in a submission, NUL in a URL."""

from __future__ import annotations

import json
import uuid

import pytest

from tests.observation.test_api import VOTING, client_for

pytestmark = pytest.mark.django_db
LIST = "/api/observation/submissions/"


def _post(client, path, body: str):
    return client.post(path, body, content_type="application/json")


@pytest.mark.parametrize("where", ["answers", "station", "key", "uuid"])
def test_nul_characters_in_a_submission_are_refused(mission, where):
    from saylau.observation.models import Submission

    item = {"uuid": str(uuid.uuid4()), "form": "voting", "answers": dict(VOTING)}
    if where == "answers":
        item["answers"]["assessment"] = "good\x00"
    elif where == "station":
        item["station_code"] = "01\x0011"
    elif where == "key":
        item["answers"]["\x00"] = 1
    else:
        item["uuid"] = item["uuid"] + "\x00"
    client = client_for(mission["aigerim"])
    single = _post(client, LIST, json.dumps(item))
    assert single.status_code == 400, single.content
    assert "NUL character" in json.dumps(single.json(), ensure_ascii=False)
    batch = _post(client, f"{LIST}batch/", json.dumps([item]))
    assert batch.status_code == 200 and [r["outcome"] for r in batch.json()["results"]] == ["invalid"]
    assert Submission.objects.count() == 0


def test_a_lone_surrogate_is_refused(mission):
    body = json.dumps({"uuid": str(uuid.uuid4()), "form": "voting",
                       "answers": {**VOTING, "assessment": "x"}}).replace('"x"', '"\\ud800"')
    response = _post(client_for(mission["aigerim"]), LIST, body)
    assert response.status_code == 400 and "surrogate" in response.json()["errors"]["answers"][0]


def test_a_correction_with_a_nul_character_is_refused(mission):
    client = client_for(mission["aigerim"])
    created = _post(client, LIST, json.dumps({"uuid": str(uuid.uuid4()), "form": "voting", "answers": VOTING}))
    response = client.put(created.json()["url"], json.dumps({"answers": {**VOTING, "assessment": "\x00"}}),
                          content_type="application/json")
    assert response.status_code == 400 and "NUL" in response.json()["errors"]["answers"][0]


@pytest.mark.parametrize("url", ["/api/observation/submissions/?form=%00", "/api/results/elections/t-2011/protocols/?source=a%00",
                                 "/api/observation/forms/?election=%00"])
def test_a_nul_character_in_the_url_is_refused(mission, url):
    response = client_for(mission["erlan"]).get(url)
    assert response.status_code == 400 and "NUL" in response.json()["detail"]

"""The JSON API as the browser app uses it: idempotency, per-field errors,
deployments, who reads what, the batch form and the SMS webhook."""

from __future__ import annotations

import uuid

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

VOTING = {
    "station_code": "0111", "arrival_time": "09:30", "identical_signatures": "no", "ballot_stuffing": "no",
    "boxes_not_sealed": "no", "group_voting": "no", "multiple_voting": "no", "proxy_voting": "no",
    "voting_without_id": "no", "voters_turned_away": "no", "unauthorised_persons_present": "no",
    "observers_restricted": "no", "party_observers_present": "yes", "pec_members_total": 7,
    "pec_members_women": 5, "pec_chair_gender": "female", "voters_in_station": 12, "assessment": "good",
}


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def post(client, answers=None, **extra):
    body = {"uuid": str(uuid.uuid4()), "form": "voting", "answers": answers or VOTING, **extra}
    return client.post("/api/observation/submissions/", body, format="json"), body


def test_submission_is_idempotent_by_uuid(mission) -> None:
    from saylau.ledger.models import LedgerEntry
    from saylau.observation.models import Submission

    client = client_for(mission["aigerim"])
    first, body = post(client)
    assert first.status_code == 201, first.json()
    data = first.json()
    assert set(data) == {"id", "uuid", "version", "status", "url", "display", "receipt"}
    assert data["version"] == 1 and data["status"] == "new" and data["uuid"] == body["uuid"]
    entries = LedgerEntry.objects.count()
    again = client.post("/api/observation/submissions/", body, format="json")
    assert again.status_code == 200 and again.json() == data
    assert Submission.objects.count() == 1 and LedgerEntry.objects.count() == entries
    stored = Submission.objects.get()
    assert stored.team.code == "S0001" and stored.dec_code == "D011" and stored.region_code == "01"
    assert stored.urban is True and stored.answers["pec_members_total"] == 7
    assert client.get(data["url"]).json()["answers"]["assessment"] == "good"


def test_invalid_answers_get_messages_per_field_and_nothing_is_stored(mission) -> None:
    from saylau.observation.models import Submission

    bad = {**VOTING, "pec_members_total": "seven", "assessment": "splendid"}
    bad.pop("ballot_stuffing")
    response, _ = post(client_for(mission["aigerim"]), bad)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"pec_members_total", "assessment", "ballot_stuffing"}
    # Aigerim's language is Russian: messages come in it
    assert errors["pec_members_total"] == ["Ожидалось целое число, получено «seven»"]
    assert "splendid" in errors["assessment"][0]
    missing, _ = post(client_for(mission["boris"]), {"station_code": "0111"})
    assert missing.json()["errors"]["assessment"] == ["This question is required"]
    assert post(client_for(mission["boris"]), form="nonesuch")[0].json()["errors"]["form"]
    assert Submission.objects.count() == 0


def test_station_outside_deployment_is_forbidden(mission) -> None:
    from saylau.observation.models import Submission

    client = client_for(mission["aigerim"])  # team S0001 covers DEC D011: stations 0111, 0112
    response, _ = post(client, {**VOTING, "station_code": "0121"})
    assert response.status_code == 403
    assert "deployment" in response.json()["errors"]["station_code"][0]
    unknown, _ = post(client, {**VOTING, "station_code": "9999"})
    assert unknown.status_code == 400 and "9999" in unknown.json()["errors"]["station_code"][0]
    dana, _ = post(client_for(mission["dana"]), {**VOTING, "station_code": "0211"})  # S0002: region 02
    assert dana.status_code == 201
    assert Submission.objects.count() == 1


def test_observers_read_only_their_teams_submissions(mission) -> None:
    aigerim, boris, dana = (client_for(mission[n]) for n in ("aigerim", "boris", "dana"))
    mine = post(aigerim)[0].json()
    post(dana, {**VOTING, "station_code": "0221"})
    listed = boris.get("/api/observation/submissions/").json()
    assert [s["id"] for s in listed["results"]] == [mine["id"]]  # Boris shares Aigerim's team
    assert [s["team"] for s in dana.get("/api/observation/submissions/").json()["results"]] == ["S0002"]
    assert dana.get(mine["url"]).status_code == 404
    analyst = client_for(mission["erlan"]).get("/api/observation/submissions/").json()
    assert analyst["count"] == 2
    anonymous = APIClient().get("/api/observation/submissions/")
    assert anonymous.status_code == 401 and anonymous["WWW-Authenticate"].startswith("Bearer")


def test_batch_reports_each_item(mission) -> None:
    client = client_for(mission["aigerim"])
    good = {"uuid": str(uuid.uuid4()), "form": "voting", "answers": VOTING}
    items = [good, good, {"uuid": str(uuid.uuid4()), "form": "voting", "answers": {**VOTING, "assessment": "x"}},
             {"uuid": str(uuid.uuid4()), "form": "voting", "answers": {**VOTING, "station_code": "0221"}},
             {"form": "voting"}]
    response = client.post("/api/observation/submissions/batch/", items, format="json")
    assert response.status_code == 200
    data = response.json()
    assert [r["outcome"] for r in data["results"]] == ["created", "duplicate", "invalid", "forbidden", "invalid"]
    assert (data["created"], data["duplicate"], data["invalid"], data["forbidden"]) == (1, 1, 2, 1)
    assert data["results"][1]["submission"]["id"] == data["results"][0]["submission"]["id"]
    assert "uuid" in data["results"][4]["errors"]
    again = client.post("/api/observation/submissions/batch/", [good], format="json").json()
    assert again["duplicate"] == 1 and again["created"] == 0


def test_forms_and_deployment_endpoints(mission) -> None:
    client = client_for(mission["boris"])
    forms = client.get("/api/observation/forms/").json()
    assert [f["form_id"] for f in forms] == ["counting", "incident", "lto_report", "opening", "tabulation", "voting"]
    assert {"id", "url", "display"} <= set(forms[0])
    voting = client.get("/api/observation/forms/voting/").json()
    assert voting["form"]["id"] == "voting" and voting["form"]["languages"] == ["en", "kk", "ru"]
    first = voting["form"]["questions"][0]
    assert first["name"] == "station_code" and first["labels"]["ru"]
    assessment = next(q for q in voting["form"]["questions"] if q["name"] == "assessment")
    assert [c["name"] for c in assessment["choices"]][:2] == ["very_good", "good"]
    assert client.get("/api/observation/forms/nonesuch/").status_code == 404
    mine = client.get("/api/observation/deployments/mine/").json()
    assert mine["team"]["code"] == "S0001" and [m["code"] for m in mine["members"]] == ["OBS1", "OBS2"]
    assert [d["unit_code"] for d in mine["deployments"]] == ["D011"]
    assert client_for(mission["erlan"]).get("/api/observation/deployments/mine/").json()["team"] is None


def test_sms_webhook_replies_in_the_observers_language(mission) -> None:
    from django.contrib.auth.models import Group, User

    from saylau.observation.models import Submission

    gateway = User.objects.create_user("gateway")
    gateway.groups.add(Group.objects.get_or_create(name="sms_gateway")[0])
    client = client_for(gateway)
    text = "V 0111 A0 B0 C0 D0 E0 F0 G0 H0 J0 L0 M1 N7 P3 Q1 R40 S2"
    ok = client.post("/api/observation/sms/", {"phone": "+7 701 000 0001", "text": text}, format="json").json()
    assert ok["ok"] and ok["submission"]["id"] and ok["reply"].startswith("Принято")
    again = client.post("/api/observation/sms/", {"phone": "+77010000001", "text": text}, format="json").json()
    assert again["submission"]["id"] == ok["submission"]["id"] and Submission.objects.count() == 1
    stored = Submission.objects.get()
    assert stored.channel == "sms" and stored.answers["pec_members_women"] == 3
    bad = client.post("/api/observation/sms/", {"phone": "+77010000003", "text": "V 0211 A7 B"},
                      format="json").json()
    assert not bad["ok"] and bad["reply"].startswith("Қабылданбады")  # Dana writes Kazakh
    outside = client.post("/api/observation/sms/", {"phone": "+77010000002", "text": text.replace("0111", "0211")},
                          format="json").json()
    assert not outside["ok"] and "0211" in outside["reply"]
    stranger = client.post("/api/observation/sms/", {"phone": "+10000000000", "text": text}, format="json").json()
    assert not stranger["ok"]
    assert client_for(mission["boris"]).post("/api/observation/sms/", {"phone": "1", "text": "x"},
                                             format="json").status_code == 403


def test_openapi_schema_lists_the_endpoints(mission) -> None:
    response = client_for(mission["erlan"]).get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in ("/api/observation/submissions/", "/api/observation/submissions/batch/",
                 "/api/observation/forms/{form_id}/", "/api/observation/deployments/mine/"):
        assert path in paths

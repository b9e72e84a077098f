"""Idempotency that tells the truth (issue 13): the same report again is acknowledged as
stored; the same uuid with other content, or from another sender, is refused with 409 and
nothing of the stored submission; a deliberate change is a new version (PUT)."""

from __future__ import annotations

import io
import uuid

import pytest
from django.test import Client

from tests.observation.test_api import VOTING, client_for, post

pytestmark = pytest.mark.django_db
LIST = "/api/observation/submissions/"


def _state():
    from saylau.ledger.models import LedgerEntry
    from saylau.observation.models import Submission, SubmissionVersion

    return (list(Submission.objects.order_by("pk").values_list("uuid", "station_code", "answers", "version")),
            SubmissionVersion.objects.count(), LedgerEntry.objects.count())


def test_the_same_report_again_is_acknowledged_with_what_is_stored(mission):
    client = client_for(mission["aigerim"])
    first, body = post(client)
    assert first.status_code == 201
    before = _state()
    # the same report, with the integer given as text: validated as on arrival, the same answers
    again = client.post(LIST, {**body, "answers": {**VOTING, "pec_members_total": "7"}}, format="json")
    assert again.status_code == 200 and again.json() == first.json()
    assert _state() == before


def test_the_same_uuid_with_other_answers_is_refused_and_nothing_changes(mission):
    from saylau.observation.models import Submission

    client = client_for(mission["boris"])
    first, body = post(client)
    before = _state()
    other = client.post(LIST, {**body, "answers": {**VOTING, "ballot_stuffing": "yes"}}, format="json")
    assert other.status_code == 409
    assert set(other.json()) == {"errors"} and set(other.json()["errors"]) == {"uuid"}
    assert "already stored" in other.json()["errors"]["uuid"][0] and "new version" in other.json()["errors"]["uuid"][0]
    assert _state() == before and Submission.objects.get().answers["ballot_stuffing"] == "no"
    # another station, or another submitted_at than the one stored, is another report too
    moved = client.post(LIST, {**body, "answers": {**VOTING, "station_code": "0112"}}, format="json")
    assert moved.status_code == 409
    stored_at = Submission.objects.get().submitted_at
    later = client.post(LIST, {**body, "submitted_at": "2011-04-03T18:00:00+06:00"}, format="json")
    assert later.status_code == 409
    same_at = client.post(LIST, {**body, "submitted_at": stored_at.isoformat()}, format="json")
    assert same_at.status_code == 200
    assert _state() == before


def test_another_observers_uuid_is_refused_without_showing_their_submission(mission):
    """Issue 13: observer B posting A's uuid with B's own station got 200 and A's submission
    (id, URL, A's station), which B cannot otherwise read; B's report was lost."""
    a, body = post(client_for(mission["aigerim"]))  # team S0001, station 0111
    stored = a.json()
    before = _state()
    dana = client_for(mission["dana"])  # team S0002: cannot read Aigerim's submissions
    assert dana.get(stored["url"]).status_code == 404
    for answers in ({**VOTING, "station_code": "0211"}, VOTING):  # her own station; even A's very content
        response = dana.post(LIST, {**body, "answers": answers}, format="json")
        assert response.status_code == 409, response.json()
        text = response.content.decode()
        assert str(stored["id"]) not in text.replace(body["uuid"], "") and stored["url"] not in text
        assert "0111" not in text and "display" not in text
    # Boris, Aigerim's teammate, reads her report but did not send it: not his to acknowledge
    assert client_for(mission["boris"]).post(LIST, body, format="json").status_code == 409
    assert _state() == before
    # Dana's message is in her language (Kazakh)
    kk = dana.post(LIST, body, format="json").json()["errors"]["uuid"][0]
    assert kk.startswith("осы uuid")


def test_staff_repeating_a_report_get_it_acknowledged(mission, election):
    from django.contrib.auth.models import User

    first, body = post(client_for(mission["aigerim"]))
    staff = client_for(User.objects.create_user("admin", is_staff=True))
    again = staff.post(f"{LIST}?election={election.slug}", body, format="json")
    assert again.status_code == 200 and again.json() == first.json()
    assert staff.post(f"{LIST}?election={election.slug}", {**body, "answers": {**VOTING, "assessment": "bad"}},
                      format="json").status_code == 409


def test_batch_names_each_conflict_and_keeps_a_repeat_within_the_batch(mission):
    client = client_for(mission["aigerim"])
    first, body = post(client)
    one, two = str(uuid.uuid4()), str(uuid.uuid4())
    items = [
        {**body, "answers": {**VOTING, "assessment": "bad"}},        # conflict with the stored one
        body,                                                          # a repeat: duplicate
        {"uuid": one, "form": "voting", "answers": VOTING},            # new
        {"uuid": one, "form": "voting", "answers": VOTING},            # the same again in the batch
        {"uuid": two, "form": "voting", "answers": VOTING},            # new
        {"uuid": two, "form": "voting", "answers": {**VOTING, "assessment": "bad"}},  # differs: conflict
    ]
    response = client.post(f"{LIST}batch/", items, format="json")
    assert response.status_code == 200
    data = response.json()
    assert [r["outcome"] for r in data["results"]] == [
        "conflict", "duplicate", "created", "duplicate", "created", "conflict"]
    assert (data["created"], data["duplicate"], data["conflict"]) == (2, 2, 2)
    assert data["results"][0]["submission"] is None and data["results"][5]["submission"] is None
    assert data["results"][1]["submission"] == first.json()
    assert data["results"][3]["submission"]["id"] == data["results"][2]["submission"]["id"]
    from saylau.observation.models import Submission

    assert Submission.objects.get(uuid=two).answers["assessment"] == "good"


def test_a_deliberate_change_is_a_new_version(mission):
    from saylau.ledger.models import LedgerEntry
    from saylau.observation.models import Submission, SubmissionVersion

    client = client_for(mission["aigerim"])
    first, body = post(client)
    url = first.json()["url"]
    changed = {**VOTING, "ballot_stuffing": "yes"}
    put = client.put(url, {"answers": changed, "reason": "second look", "version": 1}, format="json")
    assert put.status_code == 200, put.json()
    assert put.json()["version"] == 2 and put.json()["id"] == first.json()["id"]
    entries = LedgerEntry.objects.count()
    # a retried PUT (the client did not hear the answer) adds nothing
    retry = client.put(url, {"answers": changed, "reason": "second look", "version": 1}, format="json")
    assert retry.status_code == 200 and retry.json()["version"] == 2
    assert SubmissionVersion.objects.count() == 2 and LedgerEntry.objects.count() == entries
    # a change made on a version that is no longer current is refused
    stale = client.put(url, {"answers": {**VOTING, "assessment": "bad"}, "version": 1}, format="json")
    assert stale.status_code == 409 and "version 2" in stale.json()["errors"]["version"][0]
    # the phone retrying the original POST: version 1 is stored, so it is acknowledged
    assert client.post(LIST, body, format="json").status_code == 200
    stored = Submission.objects.get()
    assert stored.version == 2 and stored.answers["ballot_stuffing"] == "yes"
    assert SubmissionVersion.objects.get(version=2).reason == "second look"
    # invalid answers: per field, nothing stored
    bad = client.put(url, {"answers": {**VOTING, "pec_members_total": "x"}}, format="json")
    assert bad.status_code == 400 and "pec_members_total" in bad.json()["errors"]
    # only the sender (or staff) corrects a report; others cannot even see it
    assert client_for(mission["boris"]).put(url, {"answers": VOTING}, format="json").status_code == 403
    assert client_for(mission["dana"]).put(url, {"answers": VOTING}, format="json").status_code == 404
    assert client_for(mission["erlan"]).put(url, {"answers": VOTING, "reason": "analyst"},
                                            format="json").json()["version"] == 3


def test_service_outcomes(mission, election):
    from saylau.core.actors import Actor
    from saylau.observation.models import Observer
    from saylau.observation.services import SubmissionInput, submit

    aigerim = Observer.objects.select_related("team").get(code="OBS1")
    item = SubmissionInput(uuid=str(uuid.uuid4()), form="voting", answers=VOTING)
    actor = Actor.system("t")
    assert submit(actor=actor, election=election, item=item, channel="api", observer=aigerim).outcome == "created"
    again = submit(actor=actor, election=election, item=item, channel="api", observer=aigerim)
    assert again.outcome == "duplicate" and again.ok and again.submission is not None
    other = submit(actor=actor, election=election, channel="api", observer=aigerim,
                   item=SubmissionInput(uuid=item.uuid, form="voting", answers={**VOTING, "assessment": "bad"}))
    assert other.outcome == "conflict" and not other.ok and other.submission is None
    # an invalid repeat is not the stored report either: refused as a conflict, not stored
    invalid = submit(actor=actor, election=election, channel="api", observer=aigerim,
                     item=SubmissionInput(uuid=item.uuid, form="voting", answers={"station_code": "0111"}))
    assert invalid.outcome == "conflict"


def test_openrosa_conflict_is_409_in_an_openrosa_response(mission):
    from tests.observation.test_openrosa import basic, instance_xml

    client = Client()
    auth = basic("aigerim", "pw-aigerim")
    xform = client.get("/openrosa/forms/voting/form.xml", **auth).content.decode()
    instance_id = f"uuid:{uuid.uuid4()}"

    def send(answers):
        upload = io.BytesIO(instance_xml(xform, {**VOTING, "arrival_time": "09:30:00.000+06:00", **answers},
                                         instance_id))
        upload.name = "voting.xml"
        return client.post("/openrosa/submission", {"xml_submission_file": upload}, **auth)

    assert send({}).status_code == 201
    assert send({}).status_code == 202
    before = _state()
    conflict = send({"ballot_stuffing": "yes"})
    assert conflict.status_code == 409, conflict.content
    assert conflict["X-OpenRosa-Version"] == "1.0" and conflict["Content-Type"].startswith("text/xml")
    assert b"<OpenRosaResponse" in conflict.content and b'nature="error"' in conflict.content
    assert "уже сохранена".encode() in conflict.content  # Aigerim reads Russian
    dana = client.post("/openrosa/submission", {"xml_submission_file": _upload(xform, instance_id)},
                       **basic("dana", "pw-dana"))
    assert dana.status_code == 409 and b"0111" not in dana.content
    assert _state() == before


def _upload(xform, instance_id):
    from tests.observation.test_openrosa import instance_xml

    upload = io.BytesIO(instance_xml(xform, {**VOTING, "station_code": "0211", "arrival_time": "09:30:00.000+06:00"},
                                     instance_id))
    upload.name = "voting.xml"
    return upload


def test_a_gateway_message_id_reused_for_another_text_is_not_acknowledged(mission):
    from django.contrib.auth.models import Group, User

    from saylau.observation.models import Submission

    gateway = User.objects.create_user("gateway")
    gateway.groups.add(Group.objects.get_or_create(name="sms_gateway")[0])
    client = client_for(gateway)
    text = "V 0111 A0 B0 C0 D0 E0 F0 G0 H0 J0 L0 M1 N7 P3 Q1 R40 S2"
    sms = {"phone": "+77010000002", "text": text, "message_id": "m-17"}  # Boris writes English
    first = client.post("/api/observation/sms/", sms, format="json").json()
    assert first["ok"]
    assert client.post("/api/observation/sms/", sms, format="json").json()["submission"] == first["submission"]
    other = client.post("/api/observation/sms/", {**sms, "text": text.replace("S2", "S4")}, format="json").json()
    assert not other["ok"] and other["submission"] is None
    assert other["reply"] == ("Not accepted: this message id was already used for another report. "
                              "Send the report again as a new message.")
    assert Submission.objects.get().answers == Submission.objects.get().versions.get().answers
    assert Submission.objects.count() == 1

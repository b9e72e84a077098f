"""Files sent with a report (issue #14): the JSON API's multipart form and
OpenRosa's attachments, the refusals, the retry rules, the ledger and the download."""

from __future__ import annotations

import hashlib
import json
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from rest_framework.test import APIClient

from saylau.core.actors import Actor
from saylau.observation.core.files import MAX_FILE, file_errors, megabytes, named_files
from saylau.observation.core.xlsform.model import Form, Question
from tests.observation.helpers import workbook

URL = "/api/observation/submissions/"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
SURVEY = [["type", "name", "label", "required"],
          ["text", "station_code", "Station", "yes"],
          ["image", "protocol_photo", "Photo of the posted protocol", "yes"],
          ["begin repeat", "incidents", "Incidents", ""],
          ["text", "what", "What happened", ""],
          ["image", "incident_photo", "Photo", ""],
          ["end repeat", "", "", ""]]


# --- pure: which files the answers name, the refusals (hand-made cases) ---

FORM = Form(form_id="f", survey=(
    Question("text", "station_code"), Question("image", "protocol_photo"), Question("begin repeat", "incidents"),
    Question("text", "what"), Question("audio", "voice"), Question("end repeat", "")))


def test_the_files_named_are_the_file_answers_in_groups_and_repeats() -> None:
    answers = {"station_code": "a.jpg", "protocol_photo": "p.jpg",
               "incidents": [{"what": "x.jpg", "voice": "v1.ogg"}, {"what": "y", "voice": ""}, {"voice": "v2.ogg"}]}
    # a text answer that looks like a file name is not a file
    assert named_files(FORM, answers) == {"p.jpg": "protocol_photo", "v1.ogg": "voice", "v2.ogg": "voice"}


def test_each_refusal_is_said_in_the_senders_language() -> None:
    answers = {"protocol_photo": "p.jpg", "incidents": [{"voice": "v.ogg"}]}
    ok = file_errors(FORM, answers, {"p.jpg": 10, "v.ogg": MAX_FILE})  # exactly the limit is allowed
    assert ok == {}
    errors = file_errors(FORM, answers, {"p.jpg": MAX_FILE + 1, "stray.png": 5}, "ru")
    assert errors == {
        "p.jpg": ["файл «p.jpg» занимает 10 МБ: допускается не больше 10 МБ на файл"],
        "stray.png": ["файл «stray.png» отправлен, но не является ответом ни на один вопрос с фото, аудио, "
                      "видео или файлом в этом отчёте"],
        "voice": ["в ответе указан файл «v.ogg», но он не отправлен вместе с отчётом"]}
    report = file_errors(FORM, {"protocol_photo": "p.jpg"}, {"p.jpg": 9 << 20, "a": 9 << 20, "b": 9 << 20}, "kk")
    assert report["files"] == ["осы есептің файлдары 27 МБ құрайды: бір есепке ең көбі 25 МБ рұқсат етіледі"]
    long = "x" * 252 + ".png"
    assert file_errors(FORM, {"protocol_photo": long}, {long: 1}, "en") == {
        long: ["a file name may have at most 255 characters; this one has 256"]}
    assert megabytes(int(10.5 * 1024 * 1024), "en") == "10.5" and megabytes(int(10.5 * 1024 * 1024), "kk") == "10,5"


def test_a_form_without_file_questions_and_no_files_is_not_walked() -> None:
    plain = Form(form_id="g", survey=(Question("text", "a"),))
    assert file_errors(plain, {"a": "x.jpg"}, {}) == {}
    assert list(file_errors(plain, {"a": "x.jpg"}, {"x.jpg": 1})) == ["x.jpg"]


# --- the database: API, OpenRosa, ledger ---

db = pytest.mark.django_db

@pytest.fixture
def photo_form(mission, election):
    from saylau.observation.services import import_form

    return import_form(actor=Actor.system("tests"), election=election, filename="photo.xlsx",
                       data=workbook(SURVEY, settings=[["form_id", "form_title", "version"], ["photo", "Photo", "1"]]))


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _post(client, answers, files, key=None, envelope_as_file=True, lang=""):
    body = json.dumps({"uuid": key or str(uuid.uuid4()), "form": "photo", "answers": answers}).encode()
    data = {"submission": SimpleUploadedFile("blob", body, "application/json") if envelope_as_file else body.decode()}
    data.update({name: SimpleUploadedFile(name, content, "image/png") for name, content in files.items()})
    return client.post(URL + (f"?lang={lang}" if lang else ""), data, format="multipart")


ANSWERS = {"station_code": "0111", "protocol_photo": "1701870000000.png"}


@db
def test_a_report_with_a_photo_is_stored_with_its_hash_in_the_ledger(photo_form, mission) -> None:
    from saylau.ledger.checks import load_snapshots, verify_database
    from saylau.ledger.models import LedgerEntry
    from saylau.observation.models import Submission, SubmissionFile

    load_snapshots()
    client = _api(mission["aigerim"])
    answers = {**ANSWERS, "incidents": [{"what": "queue", "incident_photo": "q.png"}]}
    response = _post(client, answers, {"1701870000000.png": PNG, "q.png": PNG + b"2"})
    assert response.status_code == 201, response.json()
    stored = Submission.objects.get(uuid=response.json()["uuid"])
    files = {f.filename: f for f in stored.files.all()}
    assert set(files) == {"1701870000000.png", "q.png"}
    assert bytes(files["1701870000000.png"].data) == PNG and files["1701870000000.png"].content_type == "image/png"
    assert files["q.png"].size == len(PNG) + 1
    entry = LedgerEntry.objects.get(event="observation.submission.accepted", object_id=str(stored.pk))
    payload = json.loads(entry.payload)
    assert payload["after"]["files"] == {"1701870000000.png": hashlib.sha256(PNG).hexdigest(),
                                         "q.png": hashlib.sha256(PNG + b"2").hexdigest()}
    assert response.json()["receipt"]["sequence"] == entry.sequence
    report = verify_database()
    assert report.ok, report.problems
    # a file changed behind saylau's back: its bytes no longer hash to what the ledger vouches for
    SubmissionFile.objects.filter(submission=stored, filename="q.png").update(data=b"another picture")
    report = verify_database()
    assert not report.ok and f"observation.submission {stored.pk}" in str(report), str(report)
    # the envelope as a plain field (not a file part) is read too
    again = _post(client, ANSWERS, {"1701870000000.png": PNG}, envelope_as_file=False)
    assert again.status_code == 201, again.json()


@db
def test_a_retry_is_a_duplicate_only_with_the_same_files(photo_form, mission) -> None:
    from saylau.ledger.models import LedgerEntry
    from saylau.observation.models import Submission, SubmissionFile

    client = _api(mission["aigerim"])
    key = str(uuid.uuid4())
    first = _post(client, ANSWERS, {"1701870000000.png": PNG}, key)
    assert first.status_code == 201
    entries = LedgerEntry.objects.count()
    again = _post(client, ANSWERS, {"1701870000000.png": PNG}, key)
    assert again.status_code == 200 and again.json() == first.json()
    other = _post(client, ANSWERS, {"1701870000000.png": PNG + b"edited"}, key, lang="en")
    assert other.status_code == 409 and list(other.json()["errors"]) == ["uuid"]
    # the same answers without the file: a repeat that differs (the stored one has a file)
    missing = _post(client, ANSWERS, {}, key)
    assert missing.status_code == 409 and list(missing.json()["errors"]) == ["uuid"]
    assert Submission.objects.count() == 1 and SubmissionFile.objects.count() == 1
    assert LedgerEntry.objects.count() == entries


@db
@pytest.mark.parametrize("case", ["file_too_large", "report_too_large", "not_an_answer", "missing", "no_envelope"])
def test_each_refusal_is_a_400_per_field_and_nothing_is_stored(photo_form, mission, case) -> None:
    from saylau.observation.models import Submission, SubmissionFile

    client = _api(mission["aigerim"])  # Aigerim reads Russian
    name = ANSWERS["protocol_photo"]
    if case == "file_too_large":
        response, field, text = _post(client, ANSWERS, {name: b"x" * (MAX_FILE + 1)}), name, "не больше 10 МБ на файл"
    elif case == "report_too_large":
        big = {name: b"x" * (9 << 20), "b.png": b"x" * (9 << 20), "c.png": b"x" * (9 << 20)}
        response, field, text = _post(client, ANSWERS, big), "files", "не больше 25 МБ на отчёт"
    elif case == "not_an_answer":
        response, field, text = _post(client, ANSWERS, {name: PNG, "extra.png": PNG}), "extra.png", "не является ответом"
    elif case == "missing":
        response, field, text = _post(client, ANSWERS, {}), "protocol_photo", "не отправлен"
    else:
        response = client.post(URL, {name: SimpleUploadedFile(name, PNG, "image/png")}, format="multipart")
        field, text = "submission", "ожидалась часть «submission»"
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert text in " ".join(errors[field]), errors
    assert Submission.objects.count() == 0 and SubmissionFile.objects.count() == 0


@db
def test_json_naming_a_file_it_does_not_carry_is_refused_on_the_short_path_too(photo_form, mission) -> None:
    from saylau.observation.models import Submission

    client = Client()
    client.force_login(mission["boris"])  # English
    body = {"uuid": str(uuid.uuid4()), "form": "photo", "answers": ANSWERS}
    response = client.post(URL, json.dumps(body), content_type="application/json", HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["errors"] == {"protocol_photo": [
        "the answer names the file «1701870000000.png», which was not sent with the report"]}
    assert Submission.objects.count() == 0


@db
def test_the_file_is_downloaded_by_who_may_read_the_submission(photo_form, mission) -> None:
    from saylau.observation.api.views import SubmissionFileDownload
    from saylau.observation.models import Submission

    response = _post(_api(mission["aigerim"]), ANSWERS, {"1701870000000.png": PNG})
    stored = Submission.objects.get(uuid=response.json()["uuid"])
    view = SubmissionFileDownload.as_view()
    from rest_framework.test import APIRequestFactory, force_authenticate

    def get(user, filename="1701870000000.png"):
        request = APIRequestFactory().get("/")
        force_authenticate(request, user)
        return view(request, pk=stored.pk, filename=filename)

    got = get(mission["erlan"])  # the analyst
    assert got.status_code == 200 and got.content == PNG and got["Content-Type"] == "image/png"
    assert got["Content-Disposition"] == "attachment; filename*=UTF-8''1701870000000.png"
    assert got["X-Checksum-SHA256"] == hashlib.sha256(PNG).hexdigest()
    assert get(mission["aigerim"]).status_code == 200  # the sender
    assert get(mission["dana"]).status_code == 404  # another team's observer reads only their own
    assert get(mission["erlan"], "other.png").status_code == 404


def _openrosa_body(xform: str, instance_id: str, files: dict[str, bytes], incomplete: bool = False,
                   answers: dict | None = None) -> tuple[bytes, str]:
    """A multipart body as ODK Collect sends it: the instance, its files, and on every
    request of a split submission but the last the text part ``*isIncomplete*``."""
    from tests.observation.test_openrosa import instance_xml

    xml = instance_xml(xform, answers or {"station_code": "0111", "protocol_photo": "1701870000000.png"},
                       f"uuid:{instance_id}")
    parts = [(b'name="xml_submission_file"; filename="submission.xml"', b"text/xml", xml)]
    parts += [(f'name="{n}"; filename="{n}"'.encode(), b"image/png", c) for n, c in files.items()]
    if incomplete:
        parts.append((b'name="*isIncomplete*"', b"text/plain", b"yes"))
    out = b"".join(b"--b0undary\r\nContent-Disposition: form-data; " + d + b"\r\nContent-Type: " + t
                   + b"\r\n\r\n" + c + b"\r\n" for d, t, c in parts)
    return out + b"--b0undary--\r\n", "multipart/form-data; boundary=b0undary"


@db
def test_openrosa_attachments_are_stored_with_the_submission(photo_form, mission) -> None:
    from saylau.observation.models import Submission
    from tests.observation.test_openrosa import basic

    client = Client()
    auth = basic("aigerim", "pw-aigerim")
    xform = client.get("/openrosa/forms/photo/form.xml", **auth).content.decode()
    keys = [str(uuid.uuid4()) for _ in range(2)]
    for key in keys:  # the second with the Basic pair remembered: the short path leaves it to the view
        data, content_type = _openrosa_body(xform, key, {"1701870000000.png": PNG})
        response = client.generic("POST", "/openrosa/submission", data, content_type=content_type, **auth)
        assert response.status_code == 201, response.content
        stored = Submission.objects.get(uuid=key)
        assert {f.filename: bytes(f.data) for f in stored.files.all()} == {"1701870000000.png": PNG}
    # a file that is the answer to no question is still refused, in the observer's language
    data, content_type = _openrosa_body(xform, str(uuid.uuid4()), {"1701870000000.png": PNG, "stray.png": PNG})
    stray = client.generic("POST", "/openrosa/submission", data, content_type=content_type, **auth)
    assert stray.status_code == 400 and "stray.png" in stray.content.decode()


@db
@pytest.mark.parametrize("path", ["view", "short"])
def test_a_split_openrosa_submission_gets_every_file(photo_form, mission, path) -> None:
    """ODK Collect sends a submission larger than X-OpenRosa-Accept-Content-Length in
    several requests, each with the instance and some files, all but the last marked
    *isIncomplete*. Before, the first request was refused (a named file not sent) and
    Collect could never send the report. Now each request is stored as it comes: the
    report first, then the files it lacks, each addition a ledger entry; a file sent
    again with other bytes is a conflict; the API lists the files still awaited."""
    from saylau.ledger.checks import load_snapshots, verify_database
    from saylau.ledger.models import LedgerEntry
    from saylau.observation.models import Submission
    from tests.observation.test_openrosa import basic

    load_snapshots()
    client = Client()
    auth = basic("aigerim", "pw-aigerim")
    xform = client.get("/openrosa/forms/photo/form.xml", **auth).content.decode()
    key = str(uuid.uuid4())
    answers = {"station_code": "0111", "protocol_photo": "1701870000000.png", "what": "queue",
               "incident_photo": "q.png"}  # the last two inside the repeat

    def post(files, incomplete=False):
        data, content_type = _openrosa_body(xform, key, files, incomplete, answers)
        return client.generic("POST", "/openrosa/submission", data, content_type=content_type, **auth)

    # the short path takes a lone instance once the Basic pair is remembered (the HEAD does that)
    assert client.generic("HEAD", "/openrosa/submission", **auth).status_code == 204
    first = post({} if path == "short" else {"1701870000000.png": PNG}, incomplete=True)
    assert first.status_code == 201, first.content
    stored = Submission.objects.get(uuid=key)
    api = _api(mission["erlan"])
    detail = api.get(f"{URL}{stored.pk}/").json()
    awaited = [{"name": "q.png", "question": "incident_photo"}]
    if path == "short":
        awaited.insert(0, {"name": "1701870000000.png", "question": "protocol_photo"})
    assert detail["files_awaited"] == awaited
    second = post({"1701870000000.png": PNG, "q.png": PNG + b"2"})
    assert second.status_code == 201 and "added" in second.content.decode(), second.content
    detail = api.get(f"{URL}{stored.pk}/").json()
    assert detail["files_awaited"] == []
    assert [(f["name"], f["size"], f["sha256"]) for f in detail["files"]] == [
        ("1701870000000.png", len(PNG), hashlib.sha256(PNG).hexdigest()),
        ("q.png", len(PNG) + 1, hashlib.sha256(PNG + b"2").hexdigest())]
    assert api.get(detail["files"][1]["url"]).content == PNG + b"2"
    again = post({"q.png": PNG + b"2"})  # Collect retries the last request: acknowledged, nothing added
    assert again.status_code == 202, again.content
    other = post({"q.png": b"another picture"})
    assert other.status_code == 409, other.content
    assert {f.filename: bytes(f.data) for f in stored.files.all()} == {"1701870000000.png": PNG, "q.png": PNG + b"2"}
    added = LedgerEntry.objects.filter(event="observation.submission.files_added", object_id=str(stored.pk))
    assert added.count() == 1
    assert set(json.loads(added.get().payload)["after"]["files"]) == {"1701870000000.png", "q.png"}
    report = verify_database()
    assert report.ok, report.problems

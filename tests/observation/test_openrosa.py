"""OpenRosa as ODK Collect speaks it, and forms round-tripping through the database."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import io
import uuid
import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from tests.observation.test_api import VOTING

pytestmark = pytest.mark.django_db
XF = "{http://www.w3.org/2002/xforms}"


def basic(user: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}", "HTTP_X_OPENROSA_VERSION": "1.0"}


def instance_xml(xform: str, answers: dict, instance_id: str) -> bytes:
    """Fill the XForm's primary instance the way Collect does, meta/instanceID included."""
    root = ET.fromstring(xform)
    data = next(iter(root.iter(f"{XF}instance")))[0]

    def fill(element: ET.Element) -> None:
        for child in element:
            name = child.tag.rsplit("}", 1)[-1]
            if name == "meta":
                for m in child:
                    if m.tag.endswith("instanceID"):
                        m.text = instance_id
            elif len(child):
                fill(child)
            elif name in answers:
                child.text = str(answers[name])

    fill(data)
    return ET.tostring(data, encoding="utf-8")


def test_collect_lists_downloads_and_submits_once(mission) -> None:
    from saylau.observation.models import Submission

    client = Client()
    auth = basic("aigerim", "pw-aigerim")
    challenge = client.get("/openrosa/formList")
    assert challenge.status_code == 401 and challenge["WWW-Authenticate"].startswith("Basic")
    assert challenge["X-OpenRosa-Version"] == "1.0"
    listing = client.get("/openrosa/formList", **auth)
    assert listing.status_code == 200 and listing["X-OpenRosa-Version"] == "1.0"
    ns = {"x": "http://openrosa.org/xforms/xformsList"}
    forms = {f.findtext("x:formID", namespaces=ns): f for f in ET.fromstring(listing.content).findall("x:xform", ns)}
    assert set(forms) >= {"voting", "counting", "opening"}
    url = forms["voting"].findtext("x:downloadUrl", namespaces=ns)
    download = client.get(url.replace("http://testserver", ""), **auth)
    assert download.status_code == 200 and download["X-OpenRosa-Version"] == "1.0"
    md5 = hashlib.md5(download.content).hexdigest()
    assert forms["voting"].findtext("x:hash", namespaces=ns) == f"md5:{md5}"

    head = client.head("/openrosa/submission", **auth)
    assert head.status_code == 204 and int(head["X-OpenRosa-Accept-Content-Length"]) > 0
    instance_id = f"uuid:{uuid.uuid4()}"
    xml = instance_xml(download.content.decode(), {**VOTING, "arrival_time": "09:30:00.000+06:00"}, instance_id)

    def send(body: bytes):
        upload = io.BytesIO(body)
        upload.name = "voting.xml"
        return client.post("/openrosa/submission", {"xml_submission_file": upload}, **auth)

    first = send(xml)
    assert first.status_code == 201, first.content
    assert b"submit_success" in first.content and first["X-OpenRosa-Version"] == "1.0"
    again = send(xml)
    assert again.status_code == 202 and b"submit_success" in again.content
    stored = Submission.objects.get()
    assert str(stored.uuid) == instance_id.removeprefix("uuid:") and stored.channel == "openrosa"
    from saylau.ledger.models import LedgerEntry

    entry = LedgerEntry.objects.get(object_type="observation.submission", object_id=str(stored.pk))
    code = f"Receipt {entry.sequence}-{entry.hash[:8]}".encode()
    assert code in first.content and code in again.content  # the same receipt when it is sent again
    assert stored.answers["pec_members_total"] == 7 and stored.team.code == "S0001"
    bad = send(instance_xml(download.content.decode(), {**VOTING, "pec_members_total": "x"}, f"uuid:{uuid.uuid4()}"))
    assert bad.status_code == 400 and b"pec_members_total" in bad.content
    outside = send(instance_xml(download.content.decode(), {**VOTING, "station_code": "0211"}, f"uuid:{uuid.uuid4()}"))
    assert outside.status_code == 403
    assert Submission.objects.count() == 1
    assert client.post("/openrosa/submission", {}, **auth).status_code == 400


def test_form_round_trips_through_the_database(election, tmp_path) -> None:
    from pyxform.xls2xform import convert

    from saylau.core.actors import Actor
    from saylau.observation.core.forms import builtin_form
    from saylau.observation.core.xlsform import read_xlsform, workbook_bytes
    from saylau.observation.models import FormDefinition
    from saylau.observation.services import export_xform, export_xlsx, import_form
    from saylau.observation.services.forms import regenerate_xlsx

    original = builtin_form("counting")
    newer = workbook_bytes(dataclasses.replace(original, version="2099010101"))
    definition = import_form(actor=Actor.system("tests"), election=election, data=newer)
    assert FormDefinition.objects.filter(election=election, form_id="counting", active=True).get() == definition
    assert export_xlsx(definition) == newer
    back = read_xlsform(regenerate_xlsx(FormDefinition.objects.get(pk=definition.pk)))
    assert back == definition.form and back.survey == original.survey and back.choices == original.choices
    xform = export_xform(definition)
    assert 'version="2099010101"' in xform
    ET.fromstring(xform)  # well-formed
    # pyxform itself accepts the workbook once saylau's analysis columns are left out
    # (it reads ``saylau::sms`` on the choices sheet as a translation and fails)
    path = tmp_path / "counting.xlsx"
    path.write_bytes(workbook_bytes(definition.form, with_saylau=False))
    assert "<h:html" in convert(xlsform=str(path)).xform
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        import_form(actor=Actor.system("tests"), election=election, data=newer)


# --- compliance at load: headers on every answer, chunked and LF bodies, credentials checked once ---

def _xform(client, auth) -> str:
    return client.get("/openrosa/forms/voting/form.xml", **auth).content.decode()


def _multipart(xml: bytes, newline: bytes = b"\r\n", boundary: str = "b0undary") -> tuple[bytes, str]:
    lines = [f"--{boundary}".encode(),
             b'Content-Disposition: form-data; name="xml_submission_file"; filename="submission.xml"',
             b"Content-Type: text/xml", b"", xml, f"--{boundary}--".encode(), b""]
    return newline.join(lines), f"multipart/form-data; boundary={boundary}"


def _has_openrosa_headers(response) -> bool:
    return response["X-OpenRosa-Version"] == "1.0" and int(response["X-OpenRosa-Accept-Content-Length"]) > 0


def test_every_answer_carries_the_openrosa_headers_and_an_openrosa_body(mission) -> None:
    client = Client()
    auth = basic("aigerim", "pw-aigerim")
    xml = instance_xml(_xform(client, auth), VOTING, f"uuid:{uuid.uuid4()}")
    body, content_type = _multipart(xml)
    answers = {
        "challenge": client.get("/openrosa/formList"),
        "wrong password": client.get("/openrosa/formList", **basic("aigerim", "nope")),
        "created": client.post("/openrosa/submission", body, content_type=content_type, **auth),
        "again": client.post("/openrosa/submission", body, content_type=content_type, **auth),
        "no part": client.post("/openrosa/submission", {}, **auth),
        "bad multipart": client.post("/openrosa/submission", b"--x\r\nnot a header\r\n",
                                     content_type="multipart/form-data; boundary=", **auth),
        "no such path": client.get("/openrosa/nothing-here", **auth),
        "method": client.put("/openrosa/submission", b"", **auth),
    }
    assert {k: r.status_code for k, r in answers.items()} == {
        "challenge": 401, "wrong password": 401, "created": 201, "again": 202, "no part": 400,
        "bad multipart": 400, "no such path": 404, "method": 405}
    for name, response in answers.items():
        assert _has_openrosa_headers(response), name
        if name not in ("created", "again"):
            root = ET.fromstring(response.content)
            assert root.tag == "{http://openrosa.org/http/response}OpenRosaResponse", name
            assert root.find("{http://openrosa.org/http/response}message").get("nature") == "error", name


def test_a_chunked_post_is_read_to_its_end(mission) -> None:
    """Transfer-Encoding: chunked, no Content-Length: the WSGI server (granian)
    undoes the chunking and the body runs to the end of wsgi.input."""
    from saylau.observation.models import Submission

    client = Client()
    auth = basic("aigerim", "pw-aigerim")
    instance_id = str(uuid.uuid4())
    body, content_type = _multipart(instance_xml(_xform(client, auth), VOTING, f"uuid:{instance_id}"))
    response = client.request(REQUEST_METHOD="POST", PATH_INFO="/openrosa/submission", CONTENT_TYPE=content_type,
                              HTTP_TRANSFER_ENCODING="chunked", **{"wsgi.input": io.BytesIO(body)}, **auth)
    assert response.status_code == 201, response.content
    assert str(Submission.objects.get().uuid) == instance_id
    too_big = client.request(REQUEST_METHOD="POST", PATH_INFO="/openrosa/submission", CONTENT_TYPE=content_type,
                             HTTP_TRANSFER_ENCODING="chunked", **{"wsgi.input": io.BytesIO(b"x" * (11 << 20))},
                             **auth)
    assert too_big.status_code == 413 and _has_openrosa_headers(too_big) and b"OpenRosaResponse" in too_big.content


def test_a_multipart_body_with_lf_line_endings_is_read(mission) -> None:
    from saylau.observation.models import Submission

    client = Client()
    auth = basic("aigerim", "pw-aigerim")
    instance_id = str(uuid.uuid4())
    body, content_type = _multipart(instance_xml(_xform(client, auth), VOTING, f"uuid:{instance_id}"), b"\n")
    assert b"\r\n" not in body
    response = client.post("/openrosa/submission", body, content_type=content_type, **auth)
    assert response.status_code == 201, response.content
    assert str(Submission.objects.get().uuid) == instance_id
    empty, content_type = _multipart(b"", b"\n")
    refused = client.post("/openrosa/submission", empty.replace(b"xml_submission_file", b"other"),
                          content_type=content_type, **auth)
    assert refused.status_code == 400 and b"xml_submission_file" in refused.content
    assert _has_openrosa_headers(refused)

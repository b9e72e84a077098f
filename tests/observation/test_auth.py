"""Credentials at election-day load: HTTP Basic checked in full once and then
remembered (never past a password change or a disabled account), and device
tokens in the OpenRosa URL or as a Bearer header."""

from __future__ import annotations

import json
import uuid
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import Client

from tests.observation.test_api import VOTING
from tests.observation.test_openrosa import _multipart, basic, instance_xml

pytestmark = pytest.mark.django_db


@pytest.fixture
def hashed(monkeypatch) -> list[str]:
    """Every password the hasher checks (the costly step: PBKDF2 with 10^6 iterations in production)."""
    calls: list[str] = []
    verify = MD5PasswordHasher.verify

    def counting(self, password, encoded):
        calls.append(password)
        return verify(self, password, encoded)

    monkeypatch.setattr(MD5PasswordHasher, "verify", counting)
    return calls


def test_repeated_basic_auth_is_hashed_once(mission, hashed) -> None:
    client = Client()
    for _ in range(5):
        assert client.head("/openrosa/submission", **basic("aigerim", "pw-aigerim")).status_code == 204
    assert hashed == ["pw-aigerim"]
    for _ in range(3):  # a wrong password is never remembered: each is checked in full
        assert client.head("/openrosa/submission", **basic("aigerim", "wrong")).status_code == 401
    assert hashed == ["pw-aigerim"] + ["wrong"] * 3


def test_a_remembered_password_ends_with_a_password_change_or_a_disabled_account(mission, hashed) -> None:
    from django.contrib.auth.models import User

    client = Client()
    auth = basic("boris", "pw-boris")
    assert client.head("/openrosa/submission", **auth).status_code == 204
    boris = User.objects.get(username="boris")
    boris.set_password("new-pw")
    boris.save()
    assert client.head("/openrosa/submission", **auth).status_code == 401
    assert client.head("/openrosa/submission", **basic("boris", "new-pw")).status_code == 204
    User.objects.filter(username="boris").update(is_active=False)
    assert client.head("/openrosa/submission", **basic("boris", "new-pw")).status_code == 401
    User.objects.filter(username="boris").update(is_active=True)
    assert client.head("/openrosa/submission", **basic("boris", "new-pw")).status_code == 204
    # renamed account: the pair named the old user name
    User.objects.filter(username="boris").update(username="boris2")
    assert client.head("/openrosa/submission", **basic("boris", "new-pw")).status_code == 401


def test_the_remembered_pair_expires(mission, hashed, settings) -> None:
    settings.SAYLAU_BASIC_AUTH_CACHE_SECONDS = 0
    client = Client()
    for _ in range(3):
        assert client.head("/openrosa/submission", **basic("dana", "pw-dana")).status_code == 204
    assert hashed == ["pw-dana"] * 3


def test_the_json_api_with_basic_auth_hashes_once(mission, hashed) -> None:
    from saylau.observation.models import Submission

    client = Client()
    headers = basic("aigerim", "pw-aigerim")
    for _ in range(4):
        body = {"uuid": str(uuid.uuid4()), "form": "voting", "answers": VOTING}
        response = client.post("/api/observation/submissions/", json.dumps(body), content_type="application/json",
                               **headers)
        assert response.status_code == 201, response.content
    assert hashed == ["pw-aigerim"] and Submission.objects.count() == 4
    refused = client.get("/api/observation/forms/", **basic("aigerim", "wrong"))
    assert refused.status_code in (401, 403)


def test_device_token_urls_for_odk_collect(mission, hashed) -> None:
    from django.contrib.auth.models import User

    from saylau.observation.api.auth import device_token
    from saylau.observation.models import Submission

    token = device_token(mission["aigerim"])
    base = f"/key/{token}/openrosa"
    client = Client()  # no credentials at all: the URL is the credential
    listing = client.get(f"{base}/formList")
    assert listing.status_code == 200, listing.content
    ns = {"x": "http://openrosa.org/xforms/xformsList"}
    urls = [f.findtext("x:downloadUrl", namespaces=ns) for f in ET.fromstring(listing.content).findall("x:xform", ns)]
    assert urls and all(u.startswith(f"http://testserver{base}/forms/") for u in urls)
    xform = client.get(next(u for u in urls if "/voting/" in u).removeprefix("http://testserver"))
    assert xform.status_code == 200 and xform["X-OpenRosa-Version"] == "1.0"
    assert client.head(f"{base}/submission").status_code == 204
    body, content_type = _multipart(instance_xml(xform.content.decode(), VOTING, f"uuid:{uuid.uuid4()}"))
    created = client.post(f"{base}/submission", body, content_type=content_type)
    assert created.status_code == 201, created.content
    stored = Submission.objects.get()
    assert stored.observer.user_id == mission["aigerim"].pk and stored.channel == "openrosa"
    assert hashed == []  # no password was hashed for any of it

    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    other = device_token(mission["boris"])
    assert client.head(f"/key/{forged}/openrosa/submission").status_code == 403
    assert client.head(f"/key/{other.split('.')[0]}.{token.split('.')[1]}/openrosa/submission").status_code == 403
    aigerim = User.objects.get(pk=mission["aigerim"].pk)
    aigerim.set_unusable_password()  # revokes the token
    aigerim.save()
    revoked = client.get(f"{base}/formList")
    assert revoked.status_code == 403 and b"OpenRosaResponse" in revoked.content
    assert client.head(f"/key/{other}/openrosa/submission").status_code == 204
    User.objects.filter(pk=mission["boris"].pk).update(is_active=False)
    assert client.head(f"/key/{other}/openrosa/submission").status_code == 403


def test_a_device_token_as_bearer_for_the_json_api(mission, hashed) -> None:
    from saylau.observation.api.auth import device_token

    client = Client()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {device_token(mission['dana'])}"}
    body = {"uuid": str(uuid.uuid4()), "form": "voting", "answers": {**VOTING, "station_code": "0211"}}
    response = client.post("/api/observation/submissions/", json.dumps(body), content_type="application/json",
                           **headers)
    assert response.status_code == 201, response.content
    for odd in ("99999999999999999999999." + "A" * 43, "١." + "A" * 43, "1." + "A" * 43):
        refused = client.post("/api/observation/submissions/", json.dumps(body), content_type="application/json",
                              HTTP_AUTHORIZATION=f"Bearer {odd}")
        assert refused.status_code in (401, 403), odd
        assert client.head(f"/key/{odd}/openrosa/submission").status_code == 403
    bad = client.get("/api/observation/forms/", HTTP_AUTHORIZATION="Bearer 1.nope")
    # 401 or 403: REST framework challenges with the first authentication class's scheme
    assert bad.status_code in (401, 403) and "device token" in bad.json()["detail"]
    assert hashed == []


def test_a_token_made_with_a_retired_secret_key_still_works_while_it_is_a_fallback(mission, settings) -> None:
    from saylau.observation.api.auth import device_token

    token = device_token(mission["aigerim"])
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-" + "x" * 40
    assert Client().head(f"/key/{token}/openrosa/submission").status_code == 204
    settings.SECRET_KEY_FALLBACKS = []
    assert Client().head(f"/key/{token}/openrosa/submission").status_code == 403


@pytest.mark.parametrize("where", ["short path", "view"])
def test_a_server_error_is_an_openrosa_response_and_its_log_holds_no_token(mission, monkeypatch, caplog,
                                                                           where) -> None:
    from saylau.observation.api import fastpath
    from saylau.observation.api.auth import device_token
    from saylau.observation.openrosa import views

    def broken(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(fastpath if where == "short path" else views, "submit_many", broken)
    if where == "view":
        monkeypatch.setattr(fastpath, "_openrosa", lambda request, token: None)
    token = device_token(mission["aigerim"])
    client = Client()
    xform = client.get(f"/key/{token}/openrosa/forms/voting/form.xml").content.decode()
    body, content_type = _multipart(instance_xml(xform, VOTING, f"uuid:{uuid.uuid4()}"))
    with caplog.at_level("ERROR"):
        response = client.post(f"/key/{token}/openrosa/submission", body, content_type=content_type)
    assert response.status_code == 500 and response["X-OpenRosa-Version"] == "1.0"
    assert ET.fromstring(response.content).tag.endswith("OpenRosaResponse")
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records if r.name.startswith("saylau"))
    assert "/key/[redacted]/openrosa/submission" in logged and token not in logged


def test_users_odk_prints_the_collect_url_and_writes_its_qr_code(mission, capsys, tmp_path) -> None:
    import base64
    import stat
    import zlib

    from saylau import cli
    from saylau.observation.api.auth import collect_settings

    qr = tmp_path / "aigerim.svg"
    assert cli.main(["users", "odk", "aigerim", "--base-url", "https://saylau.example.org/", "--qr", str(qr)]) == 0
    url = capsys.readouterr().out.splitlines()[0]
    assert url.startswith("https://saylau.example.org/key/") and url.endswith("/openrosa")
    path = url.removeprefix("https://saylau.example.org")
    assert Client().head(f"{path}/submission").status_code == 204  # the URL is the credential
    assert stat.S_IMODE(qr.stat().st_mode) == 0o600 and ET.fromstring(qr.read_bytes()).tag.endswith("svg")
    settings = json.loads(zlib.decompress(base64.b64decode(collect_settings(url))))
    assert settings["general"]["server_url"] == url and "password" not in json.dumps(settings)
    assert cli.main(["users", "odk", "ghost"]) == 2


@pytest.mark.django_db(transaction=True)
def test_concurrent_first_requests_with_one_pair_hash_it_once(mission, hashed, monkeypatch) -> None:
    import threading
    import time

    from django.db import connections

    from saylau.observation.api.auth import authenticate_basic

    counted = MD5PasswordHasher.verify

    def slow(self, password, encoded):  # as PBKDF2 is: long enough for every thread to arrive meanwhile
        time.sleep(0.3)
        return counted(self, password, encoded)

    monkeypatch.setattr(MD5PasswordHasher, "verify", slow)
    results = []
    start = threading.Barrier(6)

    def first() -> None:
        start.wait()
        results.append(authenticate_basic(None, "erlan", "pw-erlan"))
        connections.close_all()

    threads = [threading.Thread(target=first) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert [u.username for u in results] == ["erlan"] * 6
    assert hashed == ["pw-erlan"]

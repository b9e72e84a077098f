"""The single-submission POST's short path (``observation.api.fastpath``) gives
the DRF view's answers: for each kind of request, the same status and body
either way; what it does not handle falls through to DRF; the ledger names the
observer who submitted."""

from __future__ import annotations

import json
import re
import threading
import uuid

import pytest
from django.test import Client

from saylau.observation.api import fastpath

from .test_api import VOTING

pytestmark = pytest.mark.django_db
URL = "/api/observation/submissions/"


@pytest.fixture
def served(monkeypatch):
    """Which path answered each request: 'fast' or 'drf'."""
    log: list[str] = []
    original = fastpath._post

    def spy(request, list_path):
        response = original(request, list_path)
        log.append("drf" if response is None else "fast")
        return response

    monkeypatch.setattr(fastpath, "_post", spy)
    return log


def session(user, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


def send(client: Client, answers=None, **extra):
    body = {"uuid": str(uuid.uuid4()), "form": "voting", "answers": answers or VOTING, **extra}
    return client.post(URL, json.dumps(body), content_type="application/json"), body


def shape(response) -> tuple[int, object]:
    data = response.json()
    if response.status_code in (200, 201):
        return response.status_code, (sorted(data), data["version"], data["status"], data["display"][:12])
    return response.status_code, data


CASES = {
    "valid": (VOTING, {}),
    "bad answers": ({**VOTING, "pec_members_total": "seven", "assessment": "splendid"}, {}),
    "missing answers": ({"station_code": "0111"}, {}),
    "outside deployment": ({**VOTING, "station_code": "0121"}, {}),
    "unknown station": ({**VOTING, "station_code": "9999"}, {}),
    "unknown form": (VOTING, {"form": "nonesuch"}),
    "late": (VOTING, {"submitted_at": "not a time"}),
}


@pytest.mark.parametrize("case", CASES)
def test_the_short_path_answers_as_the_drf_view(mission, served, monkeypatch, case) -> None:
    answers, extra = CASES[case]
    client = session(mission["aigerim"])
    fast = send(client, answers, **extra)[0]
    assert served == ["fast"]
    monkeypatch.setattr(fastpath, "_post", lambda request, list_path: None)
    drf = send(client, answers, **extra)[0]
    assert shape(fast) == shape(drf)
    for header in ("Content-Type", "X-Frame-Options", "X-Content-Type-Options", "Content-Security-Policy",
                   "Referrer-Policy"):
        assert fast.get(header) == drf.get(header), header
    assert int(fast["Content-Length"]) == len(fast.content)  # keep-alive clients need it


def test_what_the_short_path_does_not_handle_goes_to_drf(mission, served) -> None:
    from saylau.observation.models import Submission

    client = session(mission["aigerim"])
    first, body = send(client)
    again = client.post(URL, json.dumps(body), content_type="application/json")  # a retry: stored already
    assert (first.status_code, again.status_code) == (201, 200) and again.json() == first.json()
    assert send(client, uuid_="x")[0].status_code == 201  # unknown envelope keys are ignored by both
    bad_uuid = client.post(URL, json.dumps({**body, "uuid": "not-a-uuid"}), content_type="application/json")
    assert bad_uuid.status_code == 400 and "uuid" in bad_uuid.json()["errors"]
    by_dec = send(client, {**VOTING, "station_code": ""}, dec_code="D011")[0]
    assert by_dec.status_code == 400  # the voting form requires the station
    analyst = send(session(mission["erlan"]), {**VOTING, "station_code": "0221"}, team_code="S0002")[0]
    assert analyst.status_code == 201  # an analyst naming a team: DRF looks the team up
    assert served == ["fast", "drf", "fast", "drf", "drf", "drf"]
    assert Submission.objects.count() == 3


def test_csrf_and_sessions_are_checked_as_django_does(mission, served) -> None:
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from saylau.observation.models import Submission

    strict = session(mission["aigerim"], enforce_csrf_checks=True)
    refused = send(strict)[0]
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    token = "k" * 32
    strict.cookies["csrftoken"] = token  # the cookie the observer app's page sets
    ok = strict.post(URL, json.dumps({"uuid": str(uuid.uuid4()), "form": "voting", "answers": VOTING}),
                     content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert ok.status_code == 201 and served[-1] == "fast"

    boris = session(mission["boris"])
    mission["boris"].set_password("changed")  # other sessions of this user end
    mission["boris"].save()
    assert send(boris)[0].status_code in (401, 403)  # 401 when REST framework's first class challenges
    dana = session(mission["dana"])
    Session.objects.update(expire_date=timezone.now())
    assert send(dana, {**VOTING, "station_code": "0211"})[0].status_code in (401, 403)
    assert Submission.objects.count() == 1
    assert served.count("fast") == 1


def test_the_ledger_names_the_observer(mission) -> None:
    from saylau.ledger.checks import verify_database
    from saylau.ledger.models import LedgerEntry

    response = send(session(mission["aigerim"]))[0]
    entry = LedgerEntry.objects.filter(object_type="observation.submission").get()
    actor = json.loads(entry.payload)["actor"]
    assert actor == {"kind": "user", "name": "aigerim", "user_id": mission["aigerim"].pk}
    assert entry.object_id == str(response.json()["id"])
    assert verify_database().ok


@pytest.mark.django_db(transaction=True)
def test_concurrent_posts_are_written_in_groups_none_lost(mission) -> None:
    from django.db import connection

    from saylau.ledger.checks import verify_database
    from saylau.ledger.models import LedgerEntry
    from saylau.observation.models import Submission
    from saylau.observation.services.ingest import _GROUP

    if connection.vendor == "sqlite":
        pytest.skip("the in-memory SQLite test database serialises writers; PostgreSQL runs this")
    people = {"aigerim": "0111", "boris": "0112", "dana": "0211"}
    statuses: list[int] = []
    items_before = _GROUP.items

    def observer(name: str) -> None:
        from django.db import connections

        client = session(mission[name])
        for _ in range(15):
            statuses.append(send(client, {**VOTING, "station_code": people[name]})[0].status_code)
        connections.close_all()

    threads = [threading.Thread(target=observer, args=(n,)) for n in people for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert statuses.count(201) == len(statuses) == 135
    assert Submission.objects.count() == 135 and _GROUP.items - items_before == 135
    names = [json.loads(p)["actor"]["name"] for p in LedgerEntry.objects.filter(
        object_type="observation.submission").values_list("payload", flat=True)]
    assert {n: names.count(n) for n in people} == dict.fromkeys(people, 45)
    assert verify_database().ok


def _both(client, monkeypatch, answers=None) -> tuple:
    """The short path's response, then the DRF view's to the same kind of request."""
    fast = send(client, answers)[0]
    with monkeypatch.context() as patch:
        patch.setattr(fastpath, "_post", lambda request, list_path: None)
        drf = send(client, answers)[0]
    return fast, drf


def test_sessions_logged_out_tampered_or_disabled_are_refused_as_django_refuses_them(mission, served,
                                                                                   monkeypatch) -> None:
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.contrib.sessions.models import Session

    from saylau.observation.models import Submission

    aigerim = session(mission["aigerim"])
    assert send(aigerim)[0].status_code == 201 and served == ["fast"]  # this process knows the session now
    key = aigerim.cookies[settings.SESSION_COOKIE_NAME].value
    aigerim.logout()  # the session row is deleted
    aigerim.cookies[settings.SESSION_COOKIE_NAME] = key  # and its old cookie replayed
    fast, drf = _both(aigerim, monkeypatch)
    assert fast.status_code == drf.status_code in (401, 403) and fast.json() == drf.json()

    boris = session(mission["boris"])
    assert send(boris)[0].status_code == 201
    key = boris.cookies[settings.SESSION_COOKIE_NAME].value
    data = Session.objects.get(pk=key).session_data
    Session.objects.filter(pk=key).update(session_data=data[:-3] + ("xyz" if data[-3:] != "xyz" else "abc"))
    fast, drf = _both(boris, monkeypatch)  # the signature no longer matches: Django decodes nothing
    assert fast.status_code == drf.status_code in (401, 403) and fast.json() == drf.json()

    dana = session(mission["dana"])
    assert send(dana, {**VOTING, "station_code": "0211"})[0].status_code == 201
    User.objects.filter(pk=mission["dana"].pk).update(is_active=False)  # ModelBackend refuses inactive users
    fast, drf = _both(dana, monkeypatch, {**VOTING, "station_code": "0211"})
    assert fast.status_code == drf.status_code in (401, 403) and fast.json() == drf.json()
    assert served == ["fast", "drf", "fast", "drf", "fast", "drf"]
    assert Submission.objects.count() == 3


def test_a_session_row_holding_another_users_data_is_that_users_session(mission, served) -> None:
    """Session data is signed, not bound to its key: Django takes a row holding
    Boris's data for Boris, and so does the short path, once it has read the row."""
    import json as json_

    from django.conf import settings
    from django.contrib.sessions.models import Session

    from saylau.ledger.models import LedgerEntry

    aigerim, boris = session(mission["aigerim"]), session(mission["boris"])
    assert send(aigerim)[0].status_code == 201
    key = aigerim.cookies[settings.SESSION_COOKIE_NAME].value
    borrowed = Session.objects.get(pk=boris.cookies[settings.SESSION_COOKIE_NAME].value).session_data
    Session.objects.filter(pk=key).update(session_data=borrowed)
    assert send(aigerim)[0].status_code == 201  # the user changed: Django's path answers this one
    assert send(aigerim)[0].status_code == 201  # and the short path the next
    assert served == ["fast", "drf", "fast"]
    names = [json_.loads(p)["actor"]["name"] for p in LedgerEntry.objects.filter(
        object_type="observation.submission").order_by("sequence").values_list("payload", flat=True)]
    assert names == ["aigerim", "boris", "boris"]


def test_a_session_made_with_a_fallback_secret_is_rotated_by_django_then_served_short(mission, served,
                                                                                      settings) -> None:
    from django.contrib.sessions.models import Session

    client = session(mission["aigerim"])
    old = client.cookies[settings.SESSION_COOKIE_NAME].value
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a new secret " + "k" * 40
    assert send(client)[0].status_code == 201  # get_user verifies the old hash and rotates the session
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != old
    assert not Session.objects.filter(pk=old).exists()
    assert send(client)[0].status_code == 201
    assert served == ["drf", "fast"]


# --- the same answers for a gateway account: staff or an analyst, HTTP Basic, a device token ---

def _basic(user: str, password: str) -> Client:
    import base64

    return Client(HTTP_AUTHORIZATION="Basic " + base64.b64encode(f"{user}:{password}".encode()).decode())


@pytest.mark.parametrize("case", CASES)
def test_an_analyst_basic_gateway_gets_the_drf_views_answers(mission, served, monkeypatch, case) -> None:
    answers, extra = CASES[case]
    answers = {**answers, "station_code": "0221"} if "station_code" in answers and case != "unknown station" \
        else answers
    gateway = _basic("erlan", "pw-erlan")
    first = send(gateway, answers, **extra)[0]  # the first request: Django checks the password
    fast = send(gateway, answers, **extra)[0]  # then the remembered pair, on the short path
    assert served == ["drf", "fast"]
    monkeypatch.setattr(fastpath, "_post", lambda request, list_path: None)
    drf = send(gateway, answers, **extra)[0]
    assert shape(first) == shape(fast) == shape(drf)
    if case == "valid":
        assert fast.status_code == 201  # an analyst reports for any place


def test_gateway_credentials_are_checked_on_the_short_path(mission, served, settings) -> None:
    from django.contrib.auth.models import Group, User

    from saylau.ledger.checks import verify_database
    from saylau.ledger.models import LedgerEntry
    from saylau.observation.api.auth import device_token
    from saylau.observation.models import Submission

    staff = User.objects.create_user("bridge", password="pw-bridge", is_staff=True)
    bridge = _basic("bridge", "pw-bridge")
    assert [send(bridge, {**VOTING, "station_code": "0122"})[0].status_code for _ in range(3)] == [201] * 3
    assert served == ["drf", "fast", "fast"]
    staff.set_password("changed")
    staff.save()
    assert send(bridge)[0].status_code in (401, 403) and served[-1] == "drf"  # the old password: refused
    plain = User.objects.create_user("nobody", password="pw-nobody")
    nobody = _basic("nobody", "pw-nobody")
    assert [send(nobody)[0].status_code for _ in range(2)] == [403, 403] and served[-1] == "drf"
    plain.groups.add(Group.objects.get(name="analyst"))
    assert send(nobody)[0].status_code == 201 and served[-1] == "fast"

    token = device_token(mission["dana"])
    phone = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert send(phone, {**VOTING, "station_code": "0211"})[0].status_code == 201 and served[-1] == "fast"
    assert send(phone, {**VOTING, "station_code": "0111"})[0].status_code == 403 and served[-1] == "fast"
    forged = Client(HTTP_AUTHORIZATION=f"Bearer {token[:-3]}xyz")
    assert send(forged)[0].status_code in (401, 403) and served[-1] == "drf"
    User.objects.filter(pk=mission["dana"].pk).update(is_active=False)
    assert send(phone, {**VOTING, "station_code": "0211"})[0].status_code in (401, 403) and served[-1] == "drf"

    names = [json.loads(p)["actor"]["name"] for p in LedgerEntry.objects.filter(
        object_type="observation.submission").values_list("payload", flat=True)]
    assert sorted(names) == ["bridge"] * 3 + ["dana", "nobody"]
    assert Submission.objects.count() == 5 and verify_database().ok


def test_staff_pick_the_election_and_the_language_as_the_view_does(mission, served, monkeypatch) -> None:
    from django.contrib.auth.models import User

    User.objects.create_user("bridge", password="pw-bridge", is_staff=True)
    gateway = _basic("bridge", "pw-bridge")
    send(gateway)  # remembered

    def post(query: str):
        body = {"uuid": str(uuid.uuid4()), "form": "voting", "answers": {**VOTING, "pec_members_total": "x"}}
        return gateway.post(URL + query, json.dumps(body), content_type="application/json")

    for query in ("?lang=ru", "?election=t-2011&lang=kk", "?election=nonesuch"):
        fast = post(query)
        with monkeypatch.context() as patch:
            patch.setattr(fastpath, "_post", lambda request, list_path: None)
            drf = post(query)
        assert (fast.status_code, fast.json()) == (drf.status_code, drf.json()), query
    assert served == ["drf", "fast", "fast", "drf"]


# --- OpenRosa's HEAD and POST on the short path: the view's answers ---

@pytest.fixture
def openrosa_served(monkeypatch):
    """Which path answered each OpenRosa request: 'fast' or 'view'."""
    log: list[str] = []
    original = fastpath._openrosa

    def spy(request, token):
        response = original(request, token)
        log.append("view" if response is None else "fast")
        return response

    monkeypatch.setattr(fastpath, "_openrosa", spy)
    return log


def _openrosa_pair(client, base: str, xform: str, answers: dict, **headers):
    from tests.observation.test_openrosa import _multipart, instance_xml

    head = client.head(f"{base}/submission", **headers)
    body, content_type = _multipart(instance_xml(xform, answers, f"uuid:{uuid.uuid4()}"))
    return head, client.post(f"{base}/submission", body, content_type=content_type, **headers), body, content_type


OPENROSA_CASES = {
    "valid": VOTING,
    "bad answers": {**VOTING, "pec_members_total": "x"},
    "outside deployment": {**VOTING, "station_code": "0121"},
    "unknown station": {**VOTING, "station_code": "9999"},
}


@pytest.mark.parametrize("case", OPENROSA_CASES)
@pytest.mark.parametrize("credential", ["basic", "token"])
def test_openrosa_on_the_short_path_answers_as_the_view(mission, openrosa_served, monkeypatch, case,
                                                         credential) -> None:
    from saylau.observation.api.auth import device_token
    from saylau.observation.models import Submission
    from tests.observation.test_openrosa import basic

    client = Client()
    if credential == "basic":
        base, headers = "/openrosa", basic("aigerim", "pw-aigerim")
    else:
        base, headers = f"/key/{device_token(mission['aigerim'])}/openrosa", {}
    xform = client.get(f"{base}/forms/voting/form.xml", **headers).content.decode()
    first = _openrosa_pair(client, base, xform, OPENROSA_CASES[case], **headers)  # Basic: checked in full here
    fast = _openrosa_pair(client, base, xform, OPENROSA_CASES[case], **headers)
    with monkeypatch.context() as patch:
        patch.setattr(fastpath, "_openrosa", lambda request, token: None)
        view = _openrosa_pair(client, base, xform, OPENROSA_CASES[case], **headers)
    assert openrosa_served[-2:] == ["fast", "fast"]
    for a, b in ((fast, view), (first, view)):
        for x, y in zip(a[:2], b[:2], strict=True):
            # the same answer but for each submission's own receipt (its ledger entry)
            receipt = re.compile(rb"Receipt \d+-[0-9a-f]{8}")
            assert (x.status_code, receipt.sub(b"Receipt", x.content)) == (y.status_code, receipt.sub(b"Receipt", y.content))
            for header in ("Content-Type", "X-OpenRosa-Version", "X-OpenRosa-Accept-Content-Length"):
                assert x.get(header) == y.get(header), header
    again = client.post(f"{base}/submission", fast[2], content_type=fast[3], **headers)  # a retry: the view
    assert again.status_code == (202 if case == "valid" else fast[1].status_code)
    assert openrosa_served[-1] == ("view" if case == "valid" else "fast")  # stored before: the view answers
    assert Submission.objects.filter(channel="openrosa").count() == (3 if case == "valid" else 0)


def test_openrosa_short_path_refuses_as_the_view(mission, openrosa_served) -> None:
    from django.contrib.auth.models import User

    from saylau.observation.api.auth import device_token
    from tests.observation.test_openrosa import basic

    client = Client()
    assert client.head("/openrosa/submission", **basic("boris", "pw-boris")).status_code == 204
    assert openrosa_served == ["view"]
    assert client.head("/openrosa/submission", **basic("boris", "pw-boris")).status_code == 204
    assert openrosa_served[-1] == "fast"
    User.objects.filter(username="boris").update(is_active=False)
    refused = client.head("/openrosa/submission", **basic("boris", "pw-boris"))
    assert refused.status_code == 401 and openrosa_served[-1] == "view"
    token = device_token(mission["dana"])
    assert client.head(f"/key/{token}/openrosa/submission").status_code == 204
    assert openrosa_served[-1] == "fast"
    dana = User.objects.get(username="dana")
    dana.set_password("new")
    dana.save()
    assert client.head(f"/key/{token}/openrosa/submission").status_code == 403
    assert openrosa_served[-1] == "view"
    assert client.head("/key/x/y/openrosa/submission").status_code == 404  # not a token path


def test_openrosa_head_on_the_short_path_reads_the_user_row_only(mission, openrosa_served) -> None:
    """ODK Collect sends a HEAD before each POST: the short path answers it
    from the user's row alone (the credential checked against it), not from
    the POST's query over sessions, teams, forms and stations."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.observation.test_openrosa import basic

    client = Client()
    assert client.head("/openrosa/submission", **basic("boris", "pw-boris")).status_code == 204  # the view
    with CaptureQueriesContext(connection) as queries:
        assert client.head("/openrosa/submission", **basic("boris", "pw-boris")).status_code == 204
    assert openrosa_served[-1] == "fast"
    if connection.vendor != "postgresql":  # there the short path's prepared statements bypass Django's cursor
        assert len(queries) == 1 and "auth_user" in queries[0]["sql"]
        assert "observation_" not in queries[0]["sql"] and "django_session" not in queries[0]["sql"]


def test_the_short_path_builds_each_hosts_own_url_and_refuses_a_host_as_django_does(mission, served,
                                                                                     settings) -> None:
    """The absolute URL in a created submission's answer is kept per everything
    it is made from: another allowed host gets its own; a host Django refuses is
    refused (400), before and after a good one was kept."""
    settings.ALLOWED_HOSTS = ["localhost", "saylau.example", "testserver"]
    client = session(mission["aigerim"])
    urls = []
    for host in ("localhost", "saylau.example", "localhost"):
        response = client.post(URL, json.dumps({"uuid": str(uuid.uuid4()), "form": "voting", "answers": VOTING}),
                               content_type="application/json", HTTP_HOST=host)
        assert response.status_code == 201
        urls.append(response.json()["url"].split("/api/")[0])
    assert urls == ["http://localhost", "http://saylau.example", "http://localhost"]
    assert served == ["fast"] * 3
    refused = client.post(URL, json.dumps({"uuid": str(uuid.uuid4()), "form": "voting", "answers": VOTING}),
                          content_type="application/json", HTTP_HOST="evil.example")
    assert refused.status_code == 400
    settings.ALLOWED_HOSTS = ["saylau.example", "testserver"]  # a change of settings is seen at once
    again = client.post(URL, json.dumps({"uuid": str(uuid.uuid4()), "form": "voting", "answers": VOTING}),
                        content_type="application/json", HTTP_HOST="localhost")
    assert again.status_code == 400


def test_a_format_in_the_query_goes_to_the_view(mission, served) -> None:
    client = session(mission["aigerim"])
    body = json.dumps({"uuid": str(uuid.uuid4()), "form": "voting", "answers": VOTING})
    assert client.post(f"{URL}?format=json", body, content_type="application/json").status_code == 201
    assert served == ["drf"]

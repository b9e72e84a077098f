"""Authentication and limits answered as the protocol says (issue 13): the admin login is
rate-limited like every login; login and device tokens never reach the access log; an API
request without credentials gets 401 with WWW-Authenticate; an oversized body gets 413 in JSON."""

from __future__ import annotations

import json
import logging

import pytest
from django.contrib.auth.models import User

from saylau.core.actors import Actor
from saylau.web import services

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("tests")


def test_the_admin_login_is_rate_limited_like_every_login(client) -> None:
    """Issue 13: 75 wrong admin passwords, none blocked, while /accounts/login/ locks after 10."""
    User.objects.create_user("root", password="right-pass-1", is_staff=True, is_superuser=True)
    for _ in range(10):
        bad = client.post("/admin/login/", {"username": "root", "password": "wrong"})
        assert bad.status_code == 200 and "Too many" not in bad.content.decode()
    blocked = client.post("/admin/login/", {"username": "root", "password": "right-pass-1"})
    assert blocked.status_code == 200 and "Too many login attempts" in blocked.content.decode()
    assert "_auth_user_id" not in client.session
    # one budget for both forms: the account form is blocked too for this address and name
    assert "Too many" in client.post("/accounts/login/", {"username": "root", "password": "right-pass-1"}
                                     ).content.decode()
    other = client.post("/admin/login/", {"username": "someone", "password": "x"})
    assert "Too many" not in other.content.decode()


def test_the_admin_login_still_logs_staff_in_and_refuses_others(client) -> None:
    User.objects.create_user("root", password="right-pass-1", is_staff=True)
    User.objects.create_user("plain", password="right-pass-2")
    refused = client.post("/admin/login/", {"username": "plain", "password": "right-pass-2"})
    assert refused.status_code == 200 and "staff account" in refused.content.decode()
    ok = client.post("/admin/login/", {"username": "root", "password": "right-pass-1", "next": "/admin/"})
    assert ok.status_code == 302 and ok["Location"] == "/admin/"


def _log_line(**request) -> str:
    """What ``saylau serve`` writes to the access log for one request: the record
    granian's access logger makes (its format, a dict of values), through the
    filter and formatter of :func:`saylau.web.serve.logging_config`."""
    from saylau.web.serve import ACCESS_LOG_FORMAT, RedactSecrets

    values = {"addr": "10.0.0.7", "time": "2026-12-06 10:00:00 +0000", "dt_ms": 3.2, "status": 200,
              "path": "/", "query_string": "", "method": "GET", "scheme": "http", "protocol": "HTTP/1.1",
              "_h0": "-", "_h1": "Mozilla/5.0", **request}
    fmt = ACCESS_LOG_FORMAT.replace("%(header{referer})s", "%(_h0)s").replace("%(header{user-agent})s", "%(_h1)s")
    record = logging.LogRecord("granian.access", logging.INFO, __file__, 1, fmt, (values,), None)
    assert RedactSecrets().filter(record)
    return logging.Formatter("%(message)s").format(record)


def test_login_tokens_never_reach_the_access_log() -> None:
    """Issue 13: one-time login tokens appeared in full in the server's access log."""
    from saylau.web.serve import ACCESS_LOG_FORMAT

    token = "Zx9_secret-Token-value"
    line = _log_line(path=f"/accounts/token/{token}/", method="POST",
                     _h0=f"https://mission.example/accounts/token/{token}/")
    assert token not in line
    assert '"POST /accounts/token/[redacted]/ HTTP/1.1" 200' in line and "10.0.0.7" in line
    assert "https://mission.example/accounts/token/[redacted]/" in line  # the referer of the next page
    device = _log_line(path=f"/key/{token}/openrosa/submission", query_string="x=1")
    assert token not in device and "/key/[redacted]/openrosa/submission?x=1" in device
    # the format names no header that carries credentials
    assert not any(h in ACCESS_LOG_FORMAT.lower() for h in ("authorization", "cookie", "csrf"))


@pytest.mark.parametrize("path", ["/api/observation/submissions/", "/api/observation/forms/",
                                  "/api/observation/deployments/mine/"])
def test_an_api_request_without_credentials_gets_401_with_a_challenge(client, path) -> None:
    """Issue 13: unauthenticated API requests got 403 without WWW-Authenticate."""
    response = client.get(path, HTTP_ACCEPT="application/json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert "credentials" in response.json()["detail"].lower()


def test_wrong_basic_credentials_get_401_too(client) -> None:
    import base64

    User.objects.create_user("gateway", password="right-pass-1")
    header = "Basic " + base64.b64encode(b"gateway:wrong").decode()
    response = client.get("/api/observation/forms/", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401 and "WWW-Authenticate" in response


def test_a_session_without_permission_still_gets_403(client) -> None:
    services.create_user(actor=ACTOR, username="clerk", role="data_clerk", password="clerk-pass-1")
    client.post("/accounts/login/", {"username": "clerk", "password": "clerk-pass-1"})
    assert client.get("/api/observation/deployments/mine/").status_code == 403


@pytest.mark.parametrize("path", ["/api/observation/submissions/", "/api/observation/submissions/batch/",
                                  "/api/accounts/token-login/"])
def test_a_10_mb_json_body_gets_413_in_json(client, path) -> None:
    """Issue 13: a 10 MB JSON POST got Django's HTML "Bad Request (400)"."""
    User.objects.create_user("gateway", password="right-pass-1", is_staff=True)
    client.login(username="gateway", password="right-pass-1")
    body = json.dumps({"uuid": "x", "form": "voting", "answers": {"pad": "x" * (10 * 1024 * 1024)}})
    response = client.post(path, body, content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    message = response.json()["errors"][""][0]
    assert f"{len(body):,} bytes" in message and "2,621,440" in message


def test_a_body_within_the_limit_is_read_as_before(client, settings) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    User.objects.create_user("gateway", password="right-pass-1", is_staff=True)
    client.login(username="gateway", password="right-pass-1")
    small = client.post("/api/observation/submissions/batch/", "[]", content_type="application/json")
    assert small.status_code == 400 and "expected a list" in small.json()["errors"][""][0]
    big = client.post("/api/observation/submissions/batch/", "[" + " " * 200 + "]", content_type="application/json")
    assert big.status_code == 413
    page = client.post("/accounts/login/", "x" * 200, content_type="text/plain")
    assert page.status_code == 413 and page["Content-Type"].startswith("text/plain")


def test_a_limit_past_64_bits_is_capped_not_a_server_error(client) -> None:
    """Found by Schemathesis: ``?limit=186584772802028419153920`` reached the database (500)."""
    User.objects.create_user("root", password="right-pass-1", is_staff=True)
    client.login(username="root", password="right-pass-1")
    for query in ("limit=186584772802028419153920&offset=-2535687", "offset=186584772802028419153920",
                  "limit=-5", "limit=abc&offset=x"):
        response = client.get(f"/api/observation/submissions/?{query}")
        assert response.status_code == 200, (query, response.content[:200])
        assert response.json()["results"] == []
    from saylau.web.api.pagination import Pagination

    assert Pagination.max_limit == 1000


def test_an_api_url_that_matches_nothing_answers_json(client) -> None:
    """Found by Schemathesis: ``/api/observation/submissions/-1/`` got Django's HTML 404 page."""
    User.objects.create_user("root", password="right-pass-1", is_staff=True)
    client.login(username="root", password="right-pass-1")
    response = client.put("/api/observation/submissions/-1/", "{}", content_type="application/json")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "no such API endpoint or object: /api/observation/submissions/-1/"}
    page = client.get("/no-such-page/")  # outside /api/: the site's own page
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")


def test_serve_runs_granian_as_configured() -> None:
    """``saylau serve``'s server: the bind address split as given (IPv6 too), the
    threads, and the access log only when asked for (the proxy in front logs)."""
    from saylau.web.serve import server

    plain = server("127.0.0.1:8001", workers=3, threads=4)
    assert (plain.bind_addr, plain.bind_port, plain.workers, plain.blocking_threads) == ("127.0.0.1", 8001, 3, 4)
    assert plain.log_access is False
    logged = server("[::1]:8002", access_log=True)
    assert (logged.bind_addr, logged.bind_port, logged.log_access) == ("::1", 8002, True)
    with pytest.raises(ValueError, match="expected host:port"):
        server("8000")


def test_serve_starts_fresh_workers_not_forks(monkeypatch, tmp_path) -> None:
    """A forked worker inherits this process's Polars thread pool without its threads
    (after ``saylau demo --serve`` computed with it) and its first Polars call waits for
    ever; ``serve`` has granian start its workers afresh."""
    import multiprocessing

    from saylau.web import serve as module

    seen = {}

    class Recorder:
        def serve(self):
            seen["method"] = multiprocessing.get_start_method()

    monkeypatch.setattr(module, "prepare", lambda data_dir: tmp_path)
    monkeypatch.setattr(module, "server", lambda *args: Recorder())
    before = multiprocessing.get_start_method(allow_none=True)
    try:
        module.serve(tmp_path, bind="127.0.0.1:0")
    finally:
        multiprocessing.set_start_method(before, force=True)
    assert seen == {"method": "spawn"}

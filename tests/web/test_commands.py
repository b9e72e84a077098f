"""``saylau users`` and ``saylau serve`` through the command line."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from xml.etree import ElementTree

import pytest

from saylau import cli


@pytest.mark.django_db
def test_users_create_token_and_list(capsys, tmp_path, mission) -> None:
    from django.contrib.auth import get_user_model

    from saylau.observation.models import Observer
    from saylau.web.models import LoginToken
    from saylau.web.roles import user_role

    assert cli.main(["users", "create", "kamila", "--role", "coordinator", "--email", "k@example.org"]) == 0
    assert user_role(get_user_model().objects.get(username="kamila")) == "coordinator"
    assert cli.main(["users", "create", "kamila", "--role", "observer"]) == 2
    assert "cannot create user" in capsys.readouterr().err
    Observer.objects.filter(code="OBS1").update(user=None)
    assert cli.main(["users", "create", "aida", "--role", "observer", "--observer", "OBS1"]) == 0
    assert Observer.objects.get(code="OBS1").user.username == "aida"
    assert cli.main(["users", "create", "nobody", "--role", "observer", "--observer", "NOPE"]) == 2
    assert not get_user_model().objects.filter(username="nobody").exists()  # nothing half-written
    capsys.readouterr()

    qr = tmp_path / "aida.svg"
    assert cli.main(["users", "token", "aida", "--base-url", "https://saylau.example.org/",
                     "--hours", "2", "--qr", str(qr)]) == 0
    out = capsys.readouterr().out.splitlines()
    url = out[0]
    assert url.startswith("https://saylau.example.org/accounts/token/") and url.endswith("/")
    token = LoginToken.objects.get(user__username="aida")
    assert 1.9 < (token.expires_at - token.created_at).total_seconds() / 3600 < 2.1
    assert stat.S_IMODE(qr.stat().st_mode) == 0o600
    root = ElementTree.fromstring(qr.read_bytes())
    assert root.tag.endswith("svg") and int(root.get("width")) >= 21 * 8
    assert cli.main(["users", "token", "ghost"]) == 2

    assert cli.main(["users", "list"]) == 0
    listing = capsys.readouterr().out
    assert "aida" in listing and "observer" in listing and "kamila" in listing


def test_qr_code_carries_the_url() -> None:
    import segno

    from saylau.web.qr import svg

    url = "https://saylau.example.org/accounts/token/abc/"
    code = segno.make_qr(url, error="m")
    assert code.error in ("M", "Q", "H") and f'width="{(code.symbol_size(scale=8, border=4))[0]}"' in svg(url)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_runs_granian_with_static_files_a_secret_key_and_a_clean_access_log(tmp_path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SAYLAU_SECRET_KEY")}
    env["SAYLAU_DATA_DIR"] = str(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "saylau", "--data-dir", str(tmp_path), "serve", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--access-log"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    token = "Zx9_secret-Token-value"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/accounts/login/", timeout=2) as r:
                    assert r.status == 200 and b"csrfmiddlewaretoken" in r.read()
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    pytest.fail(f"saylau serve did not answer:\n{process.communicate()[0]}")
                time.sleep(0.3)
        with urllib.request.urlopen(f"{base}/static/web/js/store.js?v=2", timeout=5) as r:
            assert r.status == 200 and b"SaylauStore" in r.read()
        assert (tmp_path / "static" / "web" / "css" / "saylau.css").is_file()  # collectstatic ran
        key = tmp_path / "secret-key"
        assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_text()) > 40
        # a one-time login link and a device token in the URL: answered, never logged
        for path in (f"/accounts/token/{token}/", f"/key/{token}/openrosa/formList"):
            request = urllib.request.Request(base + path, headers={"Referer": f"{base}/accounts/token/{token}/"})
            try:
                urllib.request.urlopen(request, timeout=5).close()
            except urllib.error.HTTPError as refused:
                assert refused.code in (302, 401, 403, 404), refused.code
        # an oversized body: 413 in JSON, and the connection serves the next request
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("POST", "/api/observation/submissions/batch/", body=b"[" + b" " * 11_000_000 + b"]",
                           headers={"Content-Type": "application/json"})
        answer = connection.getresponse()
        assert answer.status == 413 and "at most" in json.loads(answer.read())["errors"][""][0]
        connection.request("GET", "/accounts/login/")
        assert connection.getresponse().status == 200
        connection.close()
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            output = process.communicate(timeout=30)[0]
        except subprocess.TimeoutExpired:
            process.kill()
            output = process.communicate()[0]
    assert process.returncode == 0, output
    assert "Spawning worker-2" in output  # two worker processes, each running the app in its threads
    assert '"GET /static/web/js/store.js?v=2 HTTP/1.1" 200' in output  # the access log, query included
    assert "/accounts/token/[redacted]/" in output and "/key/[redacted]/openrosa/formList" in output
    assert token not in output

"""Pages, languages, the PWA's manifest and service worker, and the translation catalogues."""

from __future__ import annotations

import gettext
import json
import re
from pathlib import Path

import pytest

from saylau.web.views.observe import APP_FILES, STATIC_DIR

LOCALE = Path(__file__).resolve().parents[2] / "src" / "saylau" / "locale"
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


@pytest.mark.django_db
def test_navigation_follows_the_role(client, mission) -> None:
    public = client.get("/").content.decode()
    assert 'href="/observe/"' not in public and 'href="/admin/"' not in public and "Log in" in public
    client.force_login(mission["aigerim"])
    observer = client.get("/").content.decode()
    assert 'href="/observe/"' in observer and 'href="/admin/"' not in observer
    client.force_login(mission["zhanar"])
    admin = client.get("/").content.decode()
    assert 'href="/observe/"' in admin and 'href="/admin/"' in admin
    assert client.get("/admin/web/logintoken/").status_code == 200


@pytest.mark.django_db
def test_observer_app_needs_an_observer(client, mission) -> None:
    assert client.get("/observe/")["Location"].startswith("/accounts/login/")
    client.force_login(mission["aigerim"])
    page = client.get("/observe/")
    assert page.status_code == 200
    html = page.content.decode()
    config = json.loads(re.search(r'<script id="observe-config" type="application/json">(.*?)</script>',
                                  html, re.S).group(1))
    assert config["api"]["submissions"] == "/api/observation/submissions/" and config["user"] == "aigerim"
    messages = json.loads(re.search(r'id="observe-messages" type="application/json">(.*?)</script>', html,
                                    re.S).group(1))
    assert messages["required"] == "This question is required"
    # no inline script: every <script> either has src or is a JSON data block
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag


@pytest.mark.django_db
def test_switching_to_kazakh_translates_the_page(client, mission) -> None:
    client.force_login(mission["aigerim"])
    response = client.post("/i18n/setlang/", {"language": "kk", "next": "/observe/"})
    assert response.status_code == 302 and response["Location"] == "/observe/"
    html = client.get("/observe/").content.decode()
    assert '<html lang="kk">' in html and "Менің байқауым" in html and "Жіберуді күтуде" in html
    messages = json.loads(re.search(r'id="observe-messages" type="application/json">(.*?)</script>', html,
                                    re.S).group(1))
    assert messages["required"] == "Бұл сұраққа жауап беру міндетті"
    client.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    assert "Наблюдение за выборами" in client.get("/").content.decode()


def test_manifest_and_service_worker(client) -> None:
    manifest = client.get("/observe/manifest.webmanifest")
    assert manifest["Content-Type"] == "application/manifest+json"
    data = manifest.json()
    assert data["start_url"] == "/observe/" and data["display"] == "standalone"
    assert {i["type"] for i in data["icons"]} == {"image/svg+xml"}
    assert any(i["purpose"] == "maskable" for i in data["icons"])
    sw = client.get("/sw.js")
    assert sw.status_code == 200 and sw["Service-Worker-Allowed"] == "/"
    assert sw["Content-Type"].startswith("application/javascript") and "no-cache" in sw["Cache-Control"]
    body = sw.content.decode()
    for name in APP_FILES:
        assert f"/static/{name}" in body
    assert "&quot;" not in body and "addEventListener(\"fetch\"" in body
    for name in APP_FILES:
        assert (STATIC_DIR / name).is_file()


@pytest.mark.django_db
def test_free_text_is_escaped_on_the_received_reports_page(client, mission) -> None:
    import uuid

    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    client.force_login(mission["aigerim"])
    body = {"uuid": str(uuid.uuid4()), "form": "incident", "station_code": "0111",
            "answers": {"station_code": "0111", "description": attack}}
    incident = json.loads(client.get("/api/observation/forms/incident/").content)["form"]
    required = [q for q in incident["questions"] if q["required"] == "yes" and q["name"] not in body["answers"]]
    for q in required:  # fill whatever else the built-in incident form requires
        body["answers"][q["name"]] = q["choices"][0]["name"] if q["choices"] else (
            "10:00" if q["type"] == "time" else "2011-04-03" if q["type"] == "date" else "1"
            if q["type"] in ("integer", "decimal") else "x")
    created = client.post("/api/observation/submissions/", body, content_type="application/json")
    assert created.status_code == 201, created.content
    html = client.get("/observe/submissions/").content.decode()
    assert attack not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in html


def _catalogue(lang: str) -> dict[str, str]:
    text = (LOCALE / lang / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    entries = {}
    for block in text.split("\n\n"):
        ids = re.search(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', block + "\n", re.M)
        if not ids or "#, fuzzy" in block:
            continue
        msgid = "".join(json.loads(p) for p in re.findall(r'".*"', ids.group(1)))
        msgstr = "".join(json.loads(p) for p in re.findall(r'".*"', ids.group(2)))
        if msgid:
            entries[msgid] = msgstr
    return entries


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_catalogue_is_complete_and_compiled(lang: str) -> None:
    entries = _catalogue(lang)
    assert len(entries) >= 70
    assert not [k for k, v in entries.items() if not v], "untranslated entries"
    with (LOCALE / lang / "LC_MESSAGES" / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [k for k, v in entries.items() if compiled.gettext(k) != v]
    assert not stale, f"django.mo is out of date: run compilemessages ({stale[:3]})"
    for msgid, msgstr in entries.items():
        assert re.findall(r"%\(\w+\)s", msgid) == re.findall(r"%\(\w+\)s", msgstr), msgid


def test_kazakh_is_kazakh() -> None:
    entries = _catalogue("kk")
    words = [v for k, v in entries.items() if len(k) > 12]
    with_letters = [v for v in words if KAZAKH_LETTERS & set(v)]
    assert len(with_letters) / len(words) > 0.8, "Kazakh strings should use ә ғ қ ң ө ұ ү һ і"
    latin = [v for v in words
             if re.search(r"[a-zA-Z]{4,}", re.sub(r"%\(\w+\)s|saylau|JSON", "", v))]
    assert not latin, f"English left in the Kazakh catalogue: {latin}"
    assert entries["Log in"] == "Кіру" and entries["Station"] == "Учаске"

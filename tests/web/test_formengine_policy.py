"""The observer app's page and its service worker, as the form engine needs them.

The page widens the site's Content-Security-Policy only as ODK Web Forms needs it
(WebAssembly, inline styles, data: fonts), never to JavaScript eval or another origin;
the service worker caches every file of the engine's build.
"""

from __future__ import annotations

import json
import re

import pytest

from saylau.web.middleware import policy
from saylau.web.views.observe import APP_FILES, STATIC_DIR


def _directives(header: str) -> dict[str, set[str]]:
    return {part.split()[0]: set(part.split()[1:]) for part in header.split("; ")}


@pytest.mark.django_db
def test_the_app_page_widens_the_policy_only_for_the_engine(client, mission) -> None:
    client.force_login(mission["aigerim"])
    response = client.get("/observe/")
    assert response.status_code == 200
    app, site = _directives(response["Content-Security-Policy"]), _directives(policy())
    assert app["script-src"] == {"'self'", "'wasm-unsafe-eval'"}  # WebAssembly, not eval
    assert app["style-src"] == {"'self'", "'unsafe-inline'"}
    assert app["font-src"] == {"'self'", "data:"}
    for name in ("default-src", "object-src", "base-uri", "form-action", "frame-ancestors", "worker-src"):
        assert app[name] == site[name], name
    assert not any("http" in source or source == "*" for sources in app.values() for source in sources)
    body = response.content.decode()
    assert 'type="module" src="/static/web/vendor/odk-web-forms/odk-web-forms.js"' in body
    assert "formview.js" not in body and "expr.js" not in body
    # other pages keep the site's policy
    assert client.get("/observe/submissions/")["Content-Security-Policy"] == policy()


@pytest.mark.django_db
def test_the_service_worker_caches_every_file_of_the_engine(client) -> None:
    engine = sorted(p.name for p in (STATIC_DIR / "web/vendor/odk-web-forms").iterdir() if p.suffix in (".js", ".css"))
    assert "odk-web-forms.js" in engine and len(engine) >= 3
    precache = json.loads(re.search(r"var PRECACHE = (\[.*?\]);", client.get("/sw.js").content.decode()).group(1))
    for name in engine:
        assert f"/static/web/vendor/odk-web-forms/{name}" in precache, name
    # the engine's entry imports its chunks by these names: they are all there
    entry = (STATIC_DIR / "web/vendor/odk-web-forms/odk-web-forms.js").read_text(encoding="utf-8")
    for imported in set(re.findall(r'"\./(odk-web-forms-[^"]+\.js)"', entry)):
        assert imported in engine, imported
    assert all((STATIC_DIR / name).is_file() for name in APP_FILES)

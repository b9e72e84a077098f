"""Security: the Content-Security-Policy header, CSRF on forms and the API, escaping."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client, override_settings

from saylau.web.middleware import ContentSecurityPolicyMiddleware, policy

CSP = "saylau.web.middleware.ContentSecurityPolicyMiddleware"


def _with_csp() -> list[str]:
    middleware = [m for m in settings.MIDDLEWARE if m != CSP]
    return [middleware[0], CSP, *middleware[1:]]


def test_settings_enable_the_csp_middleware() -> None:
    assert CSP in settings.MIDDLEWARE, f"add {CSP!r} to MIDDLEWARE after SecurityMiddleware"


def test_policy_allows_this_origin_only_and_no_inline_script() -> None:
    header = policy()
    directives = dict(part.split(" ", 1) for part in header.split("; "))
    assert directives["default-src"] == "'self'" and directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert "unsafe" not in header
    assert "'unsafe-inline'" in policy(admin=True) and "script-src 'self';" in policy(admin=True)


@pytest.mark.django_db
def test_every_page_carries_the_policy() -> None:
    with override_settings(MIDDLEWARE=_with_csp()):
        client = Client()
        for url in ("/", "/accounts/login/", "/sw.js", "/observe/manifest.webmanifest", "/api/accounts/me/"):
            response = client.get(url)
            assert response["Content-Security-Policy"] == policy(), url
        assert "'unsafe-inline'" in client.get("/admin/login/")["Content-Security-Policy"]


def test_middleware_keeps_a_policy_the_view_set() -> None:
    from django.http import HttpResponse
    from django.test import RequestFactory

    def view(request):
        response = HttpResponse("x")
        response["Content-Security-Policy"] = "default-src 'none'"
        return response

    response = ContentSecurityPolicyMiddleware(view)(RequestFactory().get("/"))
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.django_db
def test_forms_and_api_writes_need_the_csrf_token(mission) -> None:
    import uuid

    client = Client(enforce_csrf_checks=True)
    assert client.post("/accounts/login/", {"username": "erlan", "password": "analyst-pass-1"}).status_code == 403
    assert client.post("/i18n/setlang/", {"language": "kk"}).status_code == 403
    client.force_login(mission["aigerim"])
    body = {"uuid": str(uuid.uuid4()), "form": "voting", "answers": {}}
    refused = client.post("/api/observation/submissions/", body, content_type="application/json")
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    client.get("/observe/")
    token = client.cookies["csrftoken"].value
    checked = client.post("/api/observation/submissions/", body, content_type="application/json",
                          HTTP_X_CSRFTOKEN=token)
    assert checked.status_code == 400  # past CSRF: now the answers are checked


@pytest.mark.django_db
def test_user_text_in_the_layout_is_escaped(client) -> None:
    from django.core.exceptions import ValidationError

    from saylau.core.actors import Actor
    from saylau.web import services

    with pytest.raises(ValidationError):  # a username cannot carry markup in the first place
        services.create_user(actor=Actor.system("tests"), username="<script>", role="observer")
    response = client.get("/accounts/login/?next=%22%3E%3Cscript%3Ealert(1)%3C/script%3E")
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html

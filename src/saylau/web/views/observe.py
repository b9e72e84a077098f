"""The observer app (a PWA): its page, web app manifest and service worker.

The service worker is served from ``/sw.js`` by a view (not from /static/),
with ``Service-Worker-Allowed: /`` and scope ``/`` (it serves ``/observe/`` and
also sees the logout, when it drops its cache of API answers); its cache
version changes whenever a static file of the app changes.

Forms are rendered by ODK Web Forms (``static/web/vendor/odk-web-forms/``, built
by ``tools/formengine``; docs/forms.md, "In the browser"). Its XPath engine is
WebAssembly and its components inject their styles, so the app's page carries
its own Content-Security-Policy: the site's, plus ``'wasm-unsafe-eval'`` for
scripts (WebAssembly only: JavaScript ``eval`` stays forbidden), inline styles,
and ``data:``/``blob:`` for fonts, images and media the engine builds itself.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from saylau.web.middleware import POLICY
from saylau.web.roles import Role, role_required, user_role

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
#: Static files the service worker keeps for offline use (relative to STATIC_URL).
ENGINE_DIR = "web/vendor/odk-web-forms"
APP_FILES = (
    "web/css/saylau.css",
    "web/js/store.js",
    "web/js/instance.js",
    "web/js/receipts.js",
    "web/js/observe.js",
    "web/js/register-sw.js",
    "web/icons/icon.svg",
    "web/icons/icon-maskable.svg",
    # the form engine: its entry, the chunks it imports (the map widget's on first use), its styles
    *sorted(f"{ENGINE_DIR}/{path.name}" for path in (STATIC_DIR / ENGINE_DIR).glob("*.js")),
    f"{ENGINE_DIR}/odk-web-forms.css",
)
#: The observer app's Content-Security-Policy (module docstring): the site's, widened for the engine.
APP_POLICY = "; ".join(f"{key} {value}" for key, value in {
    **POLICY,
    "script-src": "'self' 'wasm-unsafe-eval'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "media-src": "'self' blob:",
    "font-src": "'self' data:",
    "connect-src": "'self' data: blob:",
}.items())
API = {
    "forms": "/api/observation/forms/",
    "submissions": "/api/observation/submissions/",
    "deployment": "/api/observation/deployments/mine/",
    "me": "/api/accounts/me/",
    "ledger_keys": "/api/ledger/keys/",
    "receipt": "/api/ledger/entries/",
}


#: Texts the app's JavaScript shows, translated on the server and handed over as JSON.
STRINGS = {
    "online": gettext_lazy("Online"),
    "offline": gettext_lazy("Offline: your work is kept on this device"),
    "waiting": gettext_lazy("Waiting to be sent: %(count)s"),
    "all_sent": gettext_lazy("Everything has been sent"),
    "sending": gettext_lazy("Sending…"),
    "no_forms": gettext_lazy("No forms yet: connect to the internet to download them"),
    "no_deployment": gettext_lazy("You are not deployed yet"),
    "not_observer": gettext_lazy("Your account is not linked to an observer of this mission"),
    "team": gettext_lazy("Team"),
    "members": gettext_lazy("Members"),
    "open": gettext_lazy("Continue"),
    "delete": gettext_lazy("Delete"),
    "add_entry": gettext_lazy("Add"),
    "remove_entry": gettext_lazy("Remove"),
    "locate": gettext_lazy("Use my location"),
    "station": gettext_lazy("Station"),
    "draft_saved": gettext_lazy("Draft saved on this device"),
    "queued": gettext_lazy("Saved. It will be sent as soon as there is a connection."),
    "fix_errors": gettext_lazy("Please correct the answers marked below."),
    "rejected": gettext_lazy("The server did not accept this report: correct it and send it again"),
    "forbidden": gettext_lazy("The server refused this report (outside your deployment?)"),
    "login_again": gettext_lazy("Log in again to send the reports waiting on this device"),
    "acknowledged": gettext_lazy("Received by the server"),
    "duplicate": gettext_lazy("Already received earlier"),
    "attempts": gettext_lazy("tries: %(count)s"),
    "last_error": gettext_lazy("last problem: %(error)s"),
    "network_error": gettext_lazy("no connection"),
    "server_error": gettext_lazy("server error %(status)s"),
    "form_missing": gettext_lazy("This form is not on this device yet"),
    "update_ready": gettext_lazy("A new version of the app is ready: reload the page"),
    "too_large": gettext_lazy("The file %(name)s is too large: at most %(size)s MB"),
    # the form engine's own words (window.SaylauFormEngineText; tools/formengine/BUILD.md)
    "repeat_item": gettext_lazy("Repeated entry"),
    "take_picture": gettext_lazy("Take a picture"),
    "change_language": gettext_lazy("Change language"),
    "choose_file": gettext_lazy("Choose a file"),
    "upload": gettext_lazy("Upload"),
    "cancel": gettext_lazy("Cancel"),
    "clear": gettext_lazy("Clear"),
    "no_file": gettext_lazy("No file chosen"),
    "receipt": gettext_lazy("receipt No. %(sequence)s"),
    "check_receipts": gettext_lazy("Check my receipts"),
    "download_receipts": gettext_lazy("Download my receipts"),
    "receipt_included": gettext_lazy("in the signed ledger, unchanged"),
    "receipt_pending": gettext_lazy("recorded; not yet in a signed checkpoint"),
    "receipt_changed": gettext_lazy("CHANGED since it was received: keep this receipt and tell the mission"),
    "receipt_bad_proof": gettext_lazy("the ledger's proof does not hold: keep this receipt and tell the mission"),
    "receipt_bad_signature": gettext_lazy("the checkpoint is not signed by the mission's key: keep this receipt"),
    "receipt_unavailable": gettext_lazy("cannot check now (no connection?)"),
}


def _strings() -> dict[str, str]:
    return {key: str(text) for key, text in STRINGS.items()}


def _validation_messages(lang: str) -> dict[str, str]:
    """The server's own validation messages (saylau.observation.core.validate), so the
    browser says exactly what the server would."""
    from saylau.observation.core import validate

    tables = getattr(validate, "MESSAGES", {})
    return {code: table.get(lang, table["en"]) for code, table in tables.items()}


@lru_cache(maxsize=1)
def app_version() -> str:
    """A digest of the app's static files and the service worker template:
    a new deployment gets a new cache."""
    digest = hashlib.sha256()
    for name in APP_FILES:
        digest.update((STATIC_DIR / name).read_bytes())
    digest.update((Path(__file__).resolve().parent.parent / "templates/web/observe/sw.js").read_bytes())
    return digest.hexdigest()[:12]


@never_cache
@role_required(Role.OBSERVER)
def observe(request: HttpRequest) -> HttpResponse:
    """The app shell; observe.js builds the rest from the API."""
    lang = getattr(request, "LANGUAGE_CODE", "en")
    config = {"api": API, "user": request.user.get_username(), "role": user_role(request.user),
              "version": app_version(), "lang": lang, "login": "/accounts/login/?next=/observe/"}
    response = render(request, "web/observe/app.html", {
        "config": config, "strings": _strings(), "validation_messages": _validation_messages(lang)})
    response["Content-Security-Policy"] = APP_POLICY
    return response


@require_GET
def manifest(request: HttpRequest) -> HttpResponse:
    data = {
        "name": _("saylau observer"),
        "short_name": "saylau",
        "description": _("Election observation forms that work offline"),
        "id": "/observe/",
        "start_url": "/observe/",
        "scope": "/observe/",
        "display": "standalone",
        "orientation": "portrait",
        "background_color": "#ffffff",
        "theme_color": "#0b5394",
        "lang": getattr(request, "LANGUAGE_CODE", "en"),
        "icons": [
            {"src": static("web/icons/icon.svg"), "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
            {"src": static("web/icons/icon-maskable.svg"), "sizes": "any", "type": "image/svg+xml",
             "purpose": "maskable"},
        ],
    }
    return HttpResponse(json.dumps(data, ensure_ascii=False), content_type="application/manifest+json")


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    body = render_to_string("web/observe/sw.js", {
        "version": app_version(),
        "precache": json.dumps(["/observe/", *(static(name) for name in APP_FILES)]),
        "api": json.dumps(API),
    })
    response = HttpResponse(body, content_type="application/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


def _labelled(form, answers: dict, lang: str, prefix: str = "") -> list[tuple[str, str]]:
    """A submission's answers as the observer wrote them: each question's label and, for a
    select, its choices' labels, in the form's order; a repeat's entries numbered."""
    order = {q.name: i for i, q in enumerate(form.survey)}
    rows: list[tuple[str, str]] = []
    for name in sorted(answers, key=lambda n: (order.get(n, len(order)), n)):
        value = answers[name]
        try:
            question = form.question(name)
        except KeyError:
            question = None
        label = prefix + (question.label(lang) if question is not None else name)
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            for number, item in enumerate(value, 1):
                rows.extend(_labelled(form, item, lang, f"{label} {number} · "))
            continue
        if isinstance(value, dict):
            continue
        if question is not None and question.type in ("select_one", "select_multiple") and question.list_name:
            names = {c.name: c.label(lang) for c in form.choice_list(question.list_name)}
            parts = value if isinstance(value, list) else str(value).split()
            value = ", ".join(names.get(str(part), str(part)) for part in parts)
        rows.append((label, "" if value is None else str(value)))
    return rows


@never_cache
@role_required(Role.OBSERVER)
def my_submissions(request: HttpRequest) -> HttpResponse:
    """What the server holds from this observer's team (newest first, at most 200):
    the page an observer opens to check that a report arrived, its answers under the
    form's labels in the page's language."""
    from saylau.observation.selectors import submissions_for

    lang = getattr(request, "LANGUAGE_CODE", "en")
    rows = []
    for submission in submissions_for(request.user).select_related("form")[:200]:
        answers = submission.answers if isinstance(submission.answers, dict) else {}
        rows.append({"submission": submission, "answers": _labelled(submission.form.form, answers, lang)})
    return render(request, "web/observe/submissions.html", {"rows": rows})

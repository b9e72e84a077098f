"""The candidates' and accreditation pages in Debian's Chromium against a live server
(issue #17), on the small election of ``tests/statement/test_nomination_db.py``: in
English and Kazakh, at desktop and phone width, signed in and not: every page loads,
logs no console error (a Content-Security-Policy violation among them), draws its
charts, does not scroll sideways, and axe-core finds no accessibility violation."""

from __future__ import annotations

import pytest

from tests.statement.test_nomination_db import build_world

from .test_axe import _log_in, _violations
from .test_browser import _database_beside_playwright, chromium  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PUBLIC = ["/candidates/", "/candidates/decisions/", "/candidates/decisions/{decision}/"]
SIGNED_IN = [*PUBLIC, "/candidates/N01/", "/candidates/N02/", "/accreditation/", "/accreditation/list/"]
CHARTS = {"/candidates/N01/": 2, "/accreditation/": 1}


def test_the_pages_in_chromium(chromium, live_server) -> None:  # noqa: F811
    from axe_playwright_python.sync_playwright import Axe

    from saylau.nomination.models import StatusDecision
    from saylau.web.services import create_user
    from tests.statement.test_nomination_db import ACTOR

    world = build_world()
    create_user(actor=ACTOR, username="look", role="administrator", password="a-long-pass-1")
    decision = StatusDecision.objects.get(number="4/15").pk
    axe = Axe()
    problems: list[str] = []
    for user in (None, ("look", "a-long-pass-1")):
        for lang in ("en", "kk"):
            for width in (1280, 390):
                context = chromium.new_context(base_url=live_server.url, viewport={"width": width, "height": 900})
                context.set_default_timeout(30000)
                context.add_cookies([{"name": "django_language", "value": lang, "url": live_server.url}])
                if user:
                    _log_in(context, *user)
                page = context.new_page()
                errors: list[str] = []
                page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
                for url in (SIGNED_IN if user else PUBLIC):
                    url = url.format(decision=decision)
                    where = f"{lang} {width}px {'signed in' if user else 'public'} {url}"
                    response = page.goto(f"{url}?election={world['election'].slug}", wait_until="networkidle")
                    if response is None or response.status != 200:
                        problems.append(f"{where}: HTTP {response.status if response else '-'}")
                        continue
                    if page.get_attribute("html", "lang") != lang:
                        problems.append(f"{where}: html lang is not {lang}")
                    if page.evaluate("document.documentElement.scrollWidth") > width:
                        problems.append(f"{where}: the page scrolls sideways")
                    drawn = page.evaluate("[...document.querySelectorAll('figure.chart canvas')]"
                                          ".filter(c => c.width > 0 && c.height > 0).length")
                    if drawn < CHARTS.get(url, 0):
                        problems.append(f"{where}: {drawn} chart(s) drawn of {CHARTS[url]}")
                    if width == 1280:
                        problems += [f"{where}: axe {rule} {nodes}" for rule, nodes in _violations(page, axe)]
                    problems += [f"{where}: console: {e}" for e in errors]
                    errors.clear()
                context.close()
    assert not problems, "\n".join(problems)

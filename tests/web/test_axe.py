"""axe-core (the copy that the package axe-playwright-python carries) on the main
pages, in English and in Kazakh, in Debian's Chromium against a live server:
no accessibility violations.

The test first shows that axe runs and can fail: an image without a text
alternative put into the home page is reported (``image-alt``)."""

from __future__ import annotations

import pytest

from .sim import build_simulated
from .test_browser import _database_beside_playwright, chromium  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PUBLIC = ["/", "/portal/", "/portal/stations/{station}/", "/portal/ledger/", "/disputes/"]
SIGNED_IN = ["/", "/observe/", "/dashboards/", "/dashboards/coverage/", "/dashboards/findings/",
             "/dashboards/findings/voting.assessment_negative/numerator/", "/dashboards/incidents/",
             "/dashboards/quality/", "/dashboards/results/", "/dashboards/forensics/", "/dashboards/quick-count/",
             "/dashboards/statement/", "/entry/", "/entry/compare/", "/disputes/", "/media/", "/register/",
             "/tables/submissions/", "/tables/incidents/", "/tables/quality-flags/", "/tables/protocols/",
             "/tables/discrepancies/", "/tables/stations/?observed=true"]


def _log_in(context, username: str, password: str) -> None:
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state("load")
    page.close()


def _violations(page, axe) -> list[tuple[str, str]]:
    results = axe.run(page)
    return [(v["id"], "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                                  for n in v["nodes"][:3])) for v in results.response["violations"]]


def test_no_accessibility_violations_on_the_main_pages(chromium, live_server, tmp_path) -> None:  # noqa: F811
    from axe_playwright_python.sync_playwright import Axe

    from saylau.geography.models import Unit

    world = build_simulated(tmp_path)
    station = Unit.objects.filter(election=world["election"], level=3).order_by("code").first().code
    axe = Axe()
    probe = chromium.new_context(base_url=live_server.url)
    page = probe.new_page()
    page.goto("/")
    assert not _violations(page, axe)
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">')")
    assert "image-alt" in {rule for rule, _ in _violations(page, axe)}
    probe.close()
    found: dict[tuple[str, str], str] = {}
    statuses: dict[str, int] = {}
    for user in (None, ("zhanar", "admin-pass-1")):
        for lang in ("en", "kk"):
            context = chromium.new_context(base_url=live_server.url, locale="en-GB",
                                           viewport={"width": 1280, "height": 900})
            context.set_default_timeout(30000)
            context.add_cookies([{"name": "django_language", "value": lang, "url": live_server.url}])
            if user:
                _log_in(context, *user)
            page = context.new_page()
            for url in (SIGNED_IN if user else PUBLIC):
                url = url.format(station=station)
                response = page.goto(url)
                statuses[f"{lang} {url}"] = response.status
                assert page.get_attribute("html", "lang") == lang, url
                for rule, where in _violations(page, axe):
                    found[(url, rule)] = f"{lang}: {where}"
            context.close()
    assert all(s == 200 for s in statuses.values()), {k: s for k, s in statuses.items() if s != 200}
    assert not found, "\n".join(f"{url} {rule}: {where}" for (url, rule), where in sorted(found.items()))

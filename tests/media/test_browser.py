"""Media monitoring in a real browser (Debian's Chromium through Playwright) against a live server.

A coder codes an item with the stopwatch; a second coder codes the same item
(same outlet and time) with another tone; the supervisor sees the
disagreement, and Krippendorff's alpha for tone changes from 1 (the coders
had agreed on every item coded twice) to less.
"""

from __future__ import annotations

import os

import pytest

from saylau.core.actors import Actor

from .conftest import OUTLETS_CSV

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ACTOR = Actor.system("tests")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def chromium():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"the browser tests need Chromium at {CHROMIUM}: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            yield browser
            browser.close()


@pytest.fixture
def monitoring(transactional_db, tmp_path):
    from saylau.media import services
    from saylau.simulate import simulate
    from saylau.simulate.load import load
    from saylau.web import services as web

    election = load(simulate("kz-2011", scale=0.002, seed=2011), actor=ACTOR)
    (tmp_path / "outlets.csv").write_text(OUTLETS_CSV, encoding="utf-8")
    services.import_outlets(actor=ACTOR, election=election, path=tmp_path / "outlets.csv")
    # four items already coded twice, the coders agreeing on tone: alpha for tone is 1
    rows = [{"outlet": "TV1", "aired_at": f"2011-03-19 20:0{k}", "coder": coder, "programme": "news",
             "subject": "candidate", "candidate": 2, "amount": 60, "tone": tone, "speech": "indirect",
             "language": "kk"}
            for k, tone in enumerate(("positive", "neutral", "negative", "neutral")) for coder in ("dana", "timur")]
    services.write_codings(actor=ACTOR, election=election, rows=rows)
    for name, role in (("asel", "coordinator"), ("bolat", "coordinator"), ("erlan", "analyst")):
        web.create_user(actor=ACTOR, username=name, role=role, password=f"{name}-pass-1")
    return election


def log_in(browser, live_server, name: str):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": 1100, "height": 900})
    context.set_default_timeout(15000)
    violations: list[str] = []
    context.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto("/accounts/login/")
    page.fill("#id_username", name)
    page.fill("#id_password", f"{name}-pass-1")
    page.click("button.primary")
    page.wait_for_url(live_server.url + "/")
    return context, page, violations, errors


def alpha_of_tone(page) -> str:
    return page.inner_text('#alpha tr[data-variable="tone"] td.alpha').strip()


def test_two_coders_disagree_and_the_supervisor_sees_it(chromium, live_server, monitoring) -> None:
    from saylau.media.models import Coding

    slug = monitoring.slug
    supervisor, boss, boss_csp, boss_errors = log_in(chromium, live_server, "erlan")
    boss.goto(f"/media/disagreements/?election={slug}")
    assert alpha_of_tone(boss) == "1.000"
    assert "No item's coders disagree." in boss.inner_text("main")

    # the first coder: the stopwatch measures the item, the page checks as she goes
    context, page, csp, errors = log_in(chromium, live_server, "asel")
    page.goto(f"/media/code/?election={slug}")
    page.select_option("#outlet", "TV1")
    page.fill("#date", "2011-03-20")
    page.fill("#time", "19:05:00")
    page.fill("#amount", "0")
    assert "A whole number of at least 1" in page.inner_text('p.error[data-for="amount"]')
    page.select_option("#subject", "candidate")
    assert "Choose the candidate" in page.inner_text('p.error[data-for="candidate"]')
    page.click("#sw-start")
    page.wait_for_timeout(2200)
    page.click("#sw-stop")
    seconds = int(page.input_value("#amount"))
    assert 2 <= seconds <= 4 and page.inner_text('p.error[data-for="amount"]') == ""
    page.select_option("#candidate", "1")
    assert page.inner_text('p.error[data-for="candidate"]') == ""
    page.select_option("#programme", "news")
    page.check('input[name="tone"][value="positive"]')
    page.check('input[name="speech"][value="direct"]')
    page.select_option("#language", "kk")
    page.click("#save")
    page.wait_for_selector("ul.messages")
    assert "TV1-20110320T130500Z" in page.inner_text("ul.messages")
    assert "the coding analysed" in page.inner_text("ul.messages")
    first = Coding.objects.get(coder="asel")
    assert (first.amount, first.tone, first.final) == (seconds, "positive", True)

    # the second coder codes the same item, and hears it negative
    context2, page2, csp2, errors2 = log_in(chromium, live_server, "bolat")
    page2.goto(f"/media/code/?election={slug}")
    page2.select_option("#outlet", "TV1")
    page2.fill("#date", "2011-03-20")
    page2.fill("#time", "19:05:00")
    page2.click("#sw-start")
    page2.wait_for_timeout(1200)
    page2.click("#sw-stop")
    page2.select_option("#programme", "news")
    page2.select_option("#subject", "candidate")
    page2.select_option("#candidate", "1")
    page2.check('input[name="tone"][value="negative"]')
    page2.select_option("#language", "kk")
    page2.click("#save")
    page2.wait_for_selector("ul.messages")
    assert "a second coding, for reliability" in page2.inner_text("ul.messages")

    # the supervisor sees the disagreement, and the alpha for tone has changed
    boss.goto(f"/media/disagreements/?election={slug}")
    item = boss.locator('section.disagreement[data-item="TV1-20110320T130500Z"]')
    assert "Tone" in item.locator(".variables").inner_text()
    assert item.locator('tr[data-coder="asel"] td.tone').inner_text() == "Positive"
    assert item.locator('tr[data-coder="bolat"] td.tone').inner_text() == "Negative"
    after = alpha_of_tone(boss)
    assert after != "1.000" and float(after) < 1
    for ctx in (context, context2, supervisor):
        ctx.close()
    assert not (csp or csp2 or boss_csp), "a page broke its Content-Security-Policy"
    assert not (errors or errors2 or boss_errors), errors + errors2 + boss_errors

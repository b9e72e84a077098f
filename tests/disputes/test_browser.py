"""In a real browser (Debian's Chromium through Playwright) against a live server:
a user files a complaint, a commission member admits it, is refused a decision
without a recorded session, decides it in a recorded session, the complainant
appeals, and the public page shows the chain, the decision and the timeline."""

from __future__ import annotations

import os

import pytest

from saylau.core.actors import Actor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ACTOR = Actor.system("tests")
SHOTS = os.environ.get("SAYLAU_SCREENSHOTS", "")  # a directory: save the pages' screenshots there


def shot(page, name: str) -> None:
    if SHOTS:
        from pathlib import Path

        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"disputes-{name}.png"), full_page=True)
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")


@pytest.fixture(scope="module", autouse=True)
def _database_beside_playwright():
    with pytest.MonkeyPatch.context() as patch:  # Playwright's event loop runs in this thread
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="module")
def chromium(_database_beside_playwright):
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"the browser tests need Chromium at {CHROMIUM}: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def cast(transactional_db):
    from django.contrib.auth.models import Permission

    from saylau.web.services import create_user

    from .conftest import build_election

    build_election()
    dana = create_user(actor=ACTOR, username="dana", role="observer", password="dana-pass-1")
    member = create_user(actor=ACTOR, username="marat", role="observer", password="marat-pass-1")
    member.user_permissions.add(Permission.objects.get(codename="decide_case"))
    return {"dana": dana, "marat": member}


def _context(chromium, live_server):
    context = chromium.new_context(viewport={"width": 1024, "height": 900}, base_url=live_server.url,
                                   locale="en-GB")
    context.set_default_timeout(15000)
    return context


def _log_in(page, live_server, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button.primary")
    page.wait_for_url(live_server.url + "/**")


def test_file_admit_decide_in_session_appeal_and_the_public_chain(chromium, live_server, cast) -> None:
    from saylau.disputes.models import Case

    # a voter's complaint, filed by a signed-in user
    filer = _context(chromium, live_server)
    page = filer.new_page()
    _log_in(page, live_server, "dana", "dana-pass-1")
    page.goto("/disputes/")
    page.click("text=File a complaint")
    page.select_option("#id_body", "DEC")
    page.fill("#id_body_name", "DEC 12, Almaty")
    page.select_option("#id_complainant_kind", "voter")
    page.fill("#id_complainant_name", "Dana Seitova")
    page.fill("#id_respondent", "PEC 0101")
    page.fill("#id_contested_act", "The PEC refused me a ballot")
    page.fill("#id_act_date", "2011-04-03")
    page.fill("#id_filed_on", "2011-04-04")
    page.select_option("#id_phase", "election_day")
    page.fill("#id_station", "0101")
    shot(page, "file")
    page.click("#file-case button[type=submit]")
    page.wait_for_url("**/disputes/DEC-001/**")
    assert page.inner_text("#status") == "Received"

    # a commission member admits it; a decision without its session is refused, with the reason
    member = _context(chromium, live_server)
    page = member.new_page()
    _log_in(page, live_server, "marat", "marat-pass-1")
    page.goto("/disputes/DEC-001/")
    page.fill("#decide #id_decided_on", "2011-04-05")
    page.select_option("#decide #id_outcome", "rejected")
    page.click("#decide button[type=submit]")
    assert "DEC-001 is received: only an admitted case" in page.inner_text(".messages")
    page.fill("form:has(button[value=admit]) input[name=on]", "2011-04-04")
    page.click("button[value=admit]")
    page.wait_for_selector("text=Done: DEC-001 is admitted.")
    page.fill("#decide #id_decided_on", "2011-04-05")
    page.select_option("#decide #id_outcome", "rejected")
    page.click("#decide button[type=submit]")
    assert "cannot be decided without how it was decided" in page.inner_text(".messages")
    page.fill("#decide #id_decided_on", "2011-04-05")
    page.select_option("#decide #id_decision_mode", "session")
    page.fill("#decide #id_session_date", "2011-04-05")
    page.fill("#decide #id_members_present", "7")
    page.fill("#decide #id_votes_for", "5")
    page.fill("#decide #id_votes_against", "2")
    page.select_option("#decide #id_outcome", "rejected")
    page.fill("#decide #id_reasoning", "The ballot was refused for want of an identity document.")
    page.click("#decide button[type=submit]")
    page.wait_for_selector("text=Done: DEC-001 is decided.")
    assert "5 for, 2 against" in page.inner_text("#decision")
    shot(page, "decided")

    # the complainant appeals to the commission above
    page = filer.new_page()
    page.goto("/disputes/DEC-001/")
    page.fill("#appeal #id_filed_on", "2011-04-06")
    page.fill("#appeal #id_reason", "The DEC ignored the PEC's own record.")
    page.click("#appeal button[type=submit]")
    page.wait_for_url("**/disputes/TEC-001/**")

    # the public page shows the chain, and the decision with its session, without the complainant's name
    public = _context(chromium, live_server)
    page = public.new_page()
    page.goto("/disputes/TEC-001/")
    chain = page.inner_text("#chain")
    assert "DEC-001" in chain and "TEC-001" in chain and "Appealed" in chain
    page.click("#chain a")
    page.wait_for_url("**/disputes/DEC-001/**")
    assert "session of" in page.inner_text("#decision") and "5 for, 2 against" in page.inner_text("#decision")
    shot(page, "public")
    timeline = page.inner_text("#timeline")
    assert "Filed" in timeline and "Admitted" in timeline and "Decided" in timeline and "Appealed" in timeline
    assert "Dana" not in page.content() and "dana" not in timeline  # nor the account that filed it
    assert [c.status for c in Case.objects.order_by("id")] == ["appealed", "received"]
    for context in (filer, member, public):
        context.close()

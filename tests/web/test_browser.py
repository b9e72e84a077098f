"""The web app in a real browser (Debian's Chromium through Playwright) against a live server.

* An observer logs in with a one-time link, fills in the voting form with the
  network cut, reloads the app offline, reconnects, and the report reaches the
  server exactly once, although the first answer is lost on its way back and
  the app has to send it again under the same UUID.
* Switching to Kazakh shows Kazakh, down to the form and its messages.
* A script put into a free-text answer is shown as text, in the app and on the
  server's page, and never runs.

Nothing here is skipped: without Chromium the tests fail and say so.
Set SAYLAU_SCREENSHOTS=<dir> to save screenshots of the main pages (docs/img).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from saylau.core.actors import Actor

from .conftest import build_election, build_mission

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PHONE = {"width": 390, "height": 844}
SHOTS = os.environ.get("SAYLAU_SCREENSHOTS", "")
VOTING = {
    "station_code": "0111", "arrival_time": "09:30", "identical_signatures": "no", "ballot_stuffing": "no",
    "boxes_not_sealed": "no", "group_voting": "no", "multiple_voting": "no", "proxy_voting": "no",
    "voting_without_id": "no", "voters_turned_away": "no", "unauthorised_persons_present": "no",
    "observers_restricted": "no", "party_observers_present": "yes", "pec_members_total": "7",
    "pec_members_women": "5", "pec_chair_gender": "female", "voters_in_station": "12", "assessment": "good",
}
ATTACK = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


def shot(page, name: str, full_page: bool = True) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"web-{name}.png"), full_page=full_page)


@pytest.fixture(scope="module", autouse=True)
def _database_beside_playwright():
    """Playwright's sync API keeps an event loop running in this thread while the
    browser is open; Django then refuses ORM calls (the checks in these tests and
    the database flush after each) unless told they are synchronous on purpose.
    Set for this module only, from before the browser starts to after it stops."""
    with pytest.MonkeyPatch.context() as patch:
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


@pytest.fixture
def cast(transactional_db, tmp_path):
    election = build_election()
    return build_mission(election, tmp_path)


@pytest.fixture
def phone(chromium, live_server):
    """A phone-sized browser context on the live server (service workers allowed)."""
    context = chromium.new_context(viewport=PHONE, base_url=live_server.url, locale="en-GB",
                                   service_workers="allow")
    context.set_default_timeout(15000)
    violations: list[str] = []
    context.on("console", lambda message: violations.append(message.text)
               if "Content Security Policy" in message.text else None)
    yield context
    context.close()
    assert not violations, f"the page broke its Content-Security-Policy: {violations}"


def log_in_with_link(page, live_server, user) -> None:
    from saylau.web import services

    _, raw = services.issue_login_token(actor=Actor.system("tests"), user=user)
    page.goto(services.login_url(live_server.url, raw))
    shot(page, "token-login")
    page.click("#token-login")
    page.wait_for_url("**/observe/")
    page.wait_for_selector("body[data-ready=true]")


def wait_for_service_worker(page) -> None:
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")


def answer(page, name: str, value: str) -> None:
    """Answer one question of the form engine (ODK Web Forms) as a person would."""
    box = page.locator(f'[data-name="{name}"]')
    if box.locator("input[type=radio], input[type=checkbox]").count():
        box.locator(f'input[value="{value}"]').check()
    elif box.locator(".p-datepicker").count():
        # a time or date picker: open it and step the hour (the value is whatever the clock says, +1 h)
        box.locator("input").first.click()
        page.locator(".p-datepicker-panel button").first.click()
        page.keyboard.press("Escape")
    elif box.locator("textarea").count():
        box.locator("textarea").first.fill(value)
    else:
        field = box.locator("input").first
        field.fill("")
        field.press_sequentially(value)  # number inputs take keystrokes, not a set value
        field.press("Tab")


def fill(page, answers: dict) -> None:
    for name, value in answers.items():
        answer(page, name, value)


def fill_the_rest(page, answers: dict) -> None:
    """Every shown question not in ``answers`` gets a plausible answer (the first choice, a number, a note)."""
    shown = page.evaluate("""() => Array.from(document.querySelectorAll('#fill [data-name]'))
        .filter(q => q.querySelector('input, textarea')).map(q => q.dataset.name)""")
    for name in shown:
        if name in answers:
            continue
        box = page.locator(f'[data-name="{name}"]')
        if box.locator("input[type=radio], input[type=checkbox]").count():
            box.locator("input").first.check()
        elif box.locator(".p-inputnumber").count():
            answer(page, name, "1")
        else:
            answer(page, name, "note")


def waiting(page) -> int:
    return int(page.get_attribute("#status", "data-waiting"))


def test_offline_report_reaches_the_server_exactly_once(phone, live_server, cast) -> None:
    from saylau.observation.models import Submission

    page = phone.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in_with_link(page, live_server, cast["aigerim"])
    page.wait_for_selector('a[data-form="voting"]')
    wait_for_service_worker(page)
    assert "Team S0001" in page.inner_text("#deployment")
    shot(page, "observe")

    phone.set_offline(True)
    page.click('a[data-form="voting"]')
    page.wait_for_selector('[data-name="assessment"]')
    # relevance: the follow-up question shows only after a 'yes'
    follow_up = page.locator('[data-name="unauthorised_persons_directing"]')
    assert follow_up.is_hidden()
    fill(page, {"unauthorised_persons_present": "yes"})
    assert follow_up.is_visible()
    # a constraint that reads another answer: more women than members is refused
    fill(page, {"pec_members_total": "7", "pec_members_women": "9"})
    assert page.locator('[data-name="pec_members_women"] .validation-message').is_visible()
    fill(page, VOTING)
    assert follow_up.is_hidden()
    assert page.locator('[data-name="pec_members_women"] .validation-message').is_hidden()
    shot(page, "form")
    page.click("#submit")
    page.wait_for_selector("#home:not([hidden])")
    page.wait_for_function("() => document.querySelector('#status').dataset.waiting === '1'")
    assert page.locator("#outbox .item").count() == 1
    client_uuid = page.get_attribute("#outbox .item", "data-uuid")
    assert str(uuid.UUID(client_uuid)) == client_uuid
    # the app tries to send at once, and says why it could not (the try may end after the item shows)
    page.wait_for_function("() => document.querySelector('#outbox').innerText.includes('no connection')")
    shot(page, "offline")
    assert Submission.objects.count() == 0

    # the app opens offline from the service worker's cache; the outbox survives
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    assert waiting(page) == 1 and "Offline" in page.inner_text("#status")

    # back online: the first answer is lost on its way back to the phone...
    posts: list[str] = []

    def lose_first_answer(route) -> None:
        posts.append(route.request.post_data_json["uuid"])
        if len(posts) == 1:
            route.fetch()  # the server stores it...
            route.abort("connectionreset")  # ...and the phone never hears back
        else:
            route.continue_()

    page.wait_for_function("() => !window.SaylauObserve.busy()")
    assert "last problem: no connection" in page.inner_text("#outbox .state")
    tries = int(page.get_attribute("#outbox .item", "data-attempts"))  # made while offline
    assert tries >= 1
    phone.route("**/api/observation/submissions/", lose_first_answer)
    phone.set_offline(False)  # the page's 'online' event (and the service worker's) send the outbox
    # not acknowledged, so still waiting after that try; a send asked for during the try (the
    # service worker's) follows it at once, so the item may already be sent again
    page.wait_for_function(f"""() => {{ const item = document.querySelector('#outbox .item');
        return !item || item.dataset.attempts === '{tries + 1}'; }}""")
    assert Submission.objects.filter(uuid=client_uuid).count() == 1
    # ...so it is sent again (the same UUID) and the server says it has it already
    page.evaluate("window.SaylauObserve.flush()")
    page.wait_for_function("() => document.querySelector('#status').dataset.waiting === '0'")
    assert posts == [client_uuid, client_uuid]
    assert "Already received earlier" in page.inner_text("#sent")
    assert Submission.objects.count() == 1
    stored = Submission.objects.get()
    assert str(stored.uuid) == client_uuid and str(stored.answers["pec_members_women"]) == "5"
    assert stored.station_code == "0111" and stored.observer.code == "OBS1"
    assert not errors, errors


def test_switching_to_kazakh_shows_kazakh(phone, live_server, cast) -> None:
    page = phone.new_page()
    log_in_with_link(page, live_server, cast["aigerim"])
    page.click('.languages button[value="kk"]')
    page.wait_for_selector('html[lang="kk"]')
    page.wait_for_selector("body[data-ready=true]")
    text = page.inner_text("body")
    assert "Менің байқауым" in text and "Қазақша" in text
    assert set("әғқңөұүі") & set(text)
    page.wait_for_selector('a[data-form="voting"]')
    page.click('a[data-form="voting"]')
    page.wait_for_selector('[data-name="station_code"]')
    assert "Сайлау учаскесінің нөмірі" in page.inner_text('[data-name="station_code"]')
    page.click("#submit")
    assert "Бұл сұраққа жауап беру міндетті" in page.inner_text('[data-name="assessment"]')
    assert "Төменде белгіленген жауаптарды түзетіңіз" in page.inner_text("#fill")
    shot(page, "kk", full_page=False)


def test_script_in_a_free_text_answer_is_shown_as_text(phone, live_server, cast) -> None:
    from saylau.observation.models import Submission

    page = phone.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in_with_link(page, live_server, cast["aigerim"])
    page.wait_for_selector('a[data-form="incident"]')
    page.click('a[data-form="incident"]')
    page.wait_for_selector('[data-name="description"]')
    answers = {"station_code": "0111", "description": ATTACK}
    fill_the_rest(page, answers)
    fill(page, answers)
    page.click("#submit")
    page.wait_for_function("() => document.querySelector('#status').dataset.waiting === '0'")
    assert ATTACK in page.inner_text("#sent .summary")
    assert page.evaluate("window.__xss") is None
    assert Submission.objects.get().answers["description"] == ATTACK

    page.goto("/observe/submissions/")
    cell = page.locator("td.text", has_text="onerror")
    assert cell.inner_text() == ATTACK
    assert page.locator("main img").count() == 0 and page.evaluate("window.__xss") is None
    assert not dialogs
    shot(page, "received")


def test_screens_for_the_docs(phone, live_server, cast) -> None:
    """The public pages render (and give the docs their pictures)."""
    page = phone.new_page()
    page.goto("/")
    assert "Election observation" in page.inner_text("h1")
    shot(page, "home")
    page.goto("/accounts/login/")
    page.fill("#id_username", "zhanar")
    page.fill("#id_password", "admin-pass-1")
    shot(page, "login")
    page.click("button.primary")
    page.wait_for_url(live_server.url + "/")
    assert "Back office" in page.inner_text("nav")
    shot(page, "home-administrator")

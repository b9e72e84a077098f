"""Data entry of paper protocols in the browser: who may key and review, blind
double entry (entry A, then B by someone else, who never sees A), errors per
field, the comparison of A and B with the lines that differ, acceptance as the
station's entered figures, sending back for re-entry, corrections with and
without a decision in the protocol's history, and a ledger entry per change
(the ledger verifies afterwards)."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest

from saylau.core.actors import Actor

from .conftest import build_election

ACTOR = Actor.system("tests")
#: a paper protocol that adds up: 1,000 registered, 700 received ...
PAPER = {"registered": 1000, "ballots_received": 700, "issued_in_station": 560, "issued_mobile": 20,
         "issued_early": 10, "cancelled": 110, "found_in_boxes": 590, "invalid": 10, "valid": 580,
         "votes_1": 400, "votes_2": 180}
ATTACK = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


def build_entry_world(election=None) -> dict:
    """The small election of conftest (every unit with its commission) with two candidates, its
    protocol template, two data clerks, an analyst, an administrator and an observer."""
    from saylau.geography.services import write_candidates
    from saylau.results.services import ensure_template
    from saylau.web import services

    election = election or build_election()
    write_candidates(actor=ACTOR, election=election, rows=[
        {"number": 1, "nominator": "self", "name_en": "Aliya Bekova", "name_ru": "Алия Бекова",
         "name_kk": "Әлия Бекова"},
        {"number": 2, "nominator": "self", "name_en": "Marat Serikov", "name_ru": "Марат Сериков",
         "name_kk": "Марат Серіков"}])
    ensure_template(actor=ACTOR, election=election)
    users = {name: services.create_user(actor=ACTOR, username=name, role=role, password=f"{name}-pass-1")
             for name, role in (("asel", "data_clerk"), ("bolat", "data_clerk"), ("erlan", "analyst"),
                                ("zhanar", "administrator"), ("aigerim", "observer"))}
    return {"election": election, **users}


@pytest.fixture
def world(db):
    return build_entry_world()


def key(client, code: str, figures: dict, election="web-2011"):
    return client.post(f"/entry/stations/{code}/?election={election}", {k: str(v) for k, v in figures.items()})


def ledger_ok() -> None:
    """What ``saylau ledger verify`` does: load every package's snapshots, verify."""
    import argparse

    from saylau.ledger.checks import verify_database
    from saylau.ledger.commands import verify

    assert verify(argparse.Namespace(head=None, chain_only=False)) == 0, str(verify_database())


@pytest.mark.django_db
def test_the_data_clerk_role(world) -> None:
    from django.contrib.auth.models import Group

    from saylau.web.roles import Role, has_role, user_role

    assert Group.objects.filter(name="data_clerk").exists()  # made by the migration web/0003
    clerk, observer = world["asel"], world["aigerim"]
    assert user_role(clerk) == Role.DATA_CLERK
    assert not has_role(clerk, Role.OBSERVER)  # a clerk ranks lowest...
    assert has_role(observer, Role.DATA_CLERK) and not has_role(observer, Role.DATA_CLERK, exact=True)  # ...hence exact


@pytest.mark.django_db
def test_only_clerks_key_and_only_supervisors_review(client, world) -> None:
    keying = ["/entry/", "/entry/stations/0111/"]
    supervising = ["/entry/compare/"]
    for url in keying + supervising:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    assert key(client, "0111", PAPER).status_code == 302
    client.force_login(world["aigerim"])  # an observer ranks above a clerk, yet may not key
    for url in keying + supervising:
        assert client.get(url).status_code == 403, url
    assert key(client, "0111", PAPER).status_code == 403
    assert 'href="/entry/"' not in client.get("/").content.decode()
    client.force_login(world["asel"])
    for url in keying:
        assert client.get(url).status_code == 200, url
    assert client.get("/entry/compare/").status_code == 403
    assert client.post("/entry/compare/0111/accept/").status_code == 403
    home = client.get("/").content.decode()
    assert 'href="/entry/"' in home and 'href="/dashboards/"' not in home and 'href="/observe/"' not in home
    client.force_login(world["erlan"])  # analysts supervise but do not key
    assert client.get("/entry/compare/").status_code == 200
    assert "protocol-form" not in client.get("/entry/stations/0111/").content.decode()
    assert key(client, "0111", PAPER).status_code == 403
    client.force_login(world["zhanar"])
    assert "protocol-form" in client.get("/entry/stations/0111/").content.decode()
    assert client.get("/entry/compare/").status_code == 200


@pytest.mark.django_db
def test_the_form_shows_the_template_lines_and_errors_per_field(client, world) -> None:
    from saylau.results.models import Protocol

    client.force_login(world["asel"])
    page = client.get("/entry/stations/0111/").content.decode()
    for label in ("Voters on the register", "Ballots received by the commission", "Ballots issued in the station",
                  "Ballots cancelled (unused)", "Ballots found in the boxes", "Invalid ballots", "Valid ballots",
                  "Aliya Bekova", "Marat Serikov"):
        assert label in page, label
    assert "(entry A)" in page
    bad = {**PAPER, "registered": "many", "invalid": "-3", "valid": ""}
    response = key(client, "0111", bad)
    assert response.status_code == 200
    text = response.content.decode()
    assert re.search(r'id="error-registered">Enter a whole number\.<', text)
    assert re.search(r'id="error-invalid">A figure cannot be negative\.<', text)
    assert re.search(r'id="error-valid">Enter the figure from the protocol\.<', text)
    assert 'id="error-votes_1"' not in text
    assert 'value="many"' in text  # what was typed stays in the form
    assert not Protocol.objects.exists()
    client.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    text = key(client, "0111", bad).content.decode()
    assert "Введите целое число." in text and "Алия Бекова" in text
    client.post("/i18n/setlang/", {"language": "kk", "next": "/"})
    text = key(client, "0111", bad).content.decode()
    assert "Бүтін сан енгізіңіз." in text and "Сан теріс бола алмайды." in text and "Әлия Бекова" in text
    assert "Қағаз хаттаманы енгізу (A енгізуі)" in text


@pytest.mark.django_db
def test_double_entry_is_blind_and_needs_two_people(client, world) -> None:
    from saylau.results.models import DataEntry, Protocol

    client.force_login(world["asel"])
    response = key(client, "0111", PAPER)
    assert response.status_code == 302
    a = Protocol.objects.get(source="entry_a")
    assert response["Location"] == f"/entry/keyed/{a.pk}/?election=web-2011"
    assert a.tier == "PEC" and a.unit.code == "0111" and a.registered == 1000 and a.votes == [400, 180]
    assert DataEntry.objects.get(protocol=a).clerk == world["asel"]
    receipt = client.get(response["Location"]).content.decode()
    assert 'id="checks"' in receipt and "passes all" in receipt and ">1000<" in receipt
    from saylau.ledger.models import LedgerEntry

    entry = LedgerEntry.objects.filter(object_type="results.protocol", object_id=str(a.pk)).order_by("sequence").first()
    assert f"Receipt {entry.sequence}-{entry.hash[:8]}" in receipt  # the ledger entry that recorded the keying
    # the same clerk cannot key entry B
    page = client.get("/entry/stations/0111/").content.decode()
    assert 'id="blocked"' in page and "protocol-form" not in page
    assert key(client, "0111", {**PAPER, "valid": 581}).status_code == 200
    assert not Protocol.objects.filter(source="entry_b").exists()

    client.force_login(world["bolat"])
    page = client.get("/entry/stations/0111/").content.decode()
    assert "(entry B)" in page
    # blind: B's form is empty and nothing of A's figures is on the page
    assert 'value="1000"' not in page and 'value="580"' not in page and 'value="400"' not in page
    assert re.search(r'name="registered"(?![^>]*value=)', page)
    assert client.get(f"/entry/keyed/{a.pk}/").status_code == 403  # nor A's receipt
    assert f"/entry/keyed/{a.pk}/" not in client.get("/entry/").content.decode()
    assert client.get(f"/entry/protocols/{a.pk}/").status_code == 403
    wrong = {**PAPER, "valid": 585, "votes_2": 185}
    assert key(client, "0111", wrong).status_code == 302
    b = Protocol.objects.get(source="entry_b")
    assert DataEntry.objects.get(protocol=b).clerk == world["bolat"]
    receipt = client.get(f"/entry/keyed/{b.pk}/").content.decode()
    assert "VALID_INVALID" in receipt and "CANDIDATES_VALID" not in receipt  # the checks on what B keyed
    assert ">1000<" in receipt and ">585<" in receipt
    # a third keying of the round is refused
    client.force_login(world["zhanar"])
    assert 'id="blocked"' in client.get("/entry/stations/0111/").content.decode()
    assert key(client, "0111", PAPER).status_code == 200
    assert Protocol.objects.filter(source__in=["entry_a", "entry_b"]).count() == 2
    ledger_ok()


@pytest.mark.django_db
def test_comparison_lists_the_differing_lines_and_acceptance_makes_the_entered_protocol(client, world) -> None:
    from saylau.ledger.models import LedgerEntry
    from saylau.results.models import EntryReview, Protocol

    for clerk, figures in (("asel", PAPER), ("bolat", PAPER)):
        client.force_login(world[clerk])
        assert key(client, "0111", figures).status_code == 302
    for clerk, figures in (("asel", PAPER), ("bolat", {**PAPER, "valid": 585, "votes_2": 185})):
        client.force_login(world[clerk])
        assert key(client, "0112", figures).status_code == 302
    assert LedgerEntry.objects.filter(event="results.entry.keyed").count() == 4

    client.force_login(world["erlan"])
    page = client.get("/entry/compare/").content.decode()
    differing = page.split('id="differing"')[1].split("</table>")[0]
    rows = re.findall(r'<tr data-station="(\w+)">.*?<td class="line">([^<]+)</td><td class="num">(\d+)</td>'
                      r'<td class="num">(\d+)</td>', differing, re.S)
    assert rows == [("0112", "Valid ballots", "580", "585"), ("0112", "Marat Serikov", "180", "185")]
    agreeing = page.split('id="agreeing"')[1].split("</table>")[0]
    assert 'data-station="0111"' in agreeing and "0112" not in agreeing and "asel, bolat" in agreeing
    assert "0111" not in differing

    # differing entries cannot be accepted
    response = client.post("/entry/compare/0112/accept/?election=web-2011", follow=True)
    assert "entries A and B differ" in response.content.decode()
    assert not Protocol.objects.filter(source="entered").exists()
    # agreeing ones become the station's entered protocol (tier DEC, source entered)
    assert client.post("/entry/compare/0111/accept/?election=web-2011").status_code == 302
    entered = Protocol.objects.get(source="entered")
    assert entered.tier == "DEC" and entered.unit.code == "0111" and entered.version == 1
    assert entered.valid == 580 and entered.votes == [400, 180]
    review = EntryReview.objects.get(outcome="accepted")
    assert review.accepted == entered and review.reviewer == world["erlan"]
    assert LedgerEntry.objects.filter(event="results.entry.accepted", object_id=str(review.pk)).exists()
    assert LedgerEntry.objects.filter(event="results.protocol.created", object_id=str(entered.pk)).exists()
    page = client.get("/entry/compare/").content.decode()
    assert 'id="agreeing-none"' in page and f"/entry/protocols/{entered.pk}/" in page
    # the accepted station takes no further keying
    client.force_login(world["zhanar"])
    assert 'id="blocked"' in client.get("/entry/stations/0111/").content.decode()
    ledger_ok()


@pytest.mark.django_db
def test_sending_back_starts_a_new_round(client, world) -> None:
    from saylau.results.models import EntryReview, Protocol

    for clerk, figures in (("asel", PAPER), ("bolat", {**PAPER, "invalid": 11})):
        client.force_login(world[clerk])
        key(client, "0112", figures)
    client.force_login(world["erlan"])
    client.post("/entry/compare/0112/return/?election=web-2011", {"reason": ATTACK})
    assert EntryReview.objects.get().outcome == "returned"
    page = client.get("/entry/compare/").content.decode()
    assert 'id="differing-none"' in page and ATTACK not in page and html.escape(ATTACK) in page
    # new round: bolat keys first (a new version of A), then asel (B)
    for clerk in ("bolat", "asel"):
        client.force_login(world[clerk])
        assert key(client, "0112", PAPER).status_code == 302
    a2 = Protocol.objects.get(source="entry_a", version=2)
    b2 = Protocol.objects.get(source="entry_b", version=2)
    assert a2.supersedes.version == 1 and b2.supersedes.version == 1
    assert a2.data_entry.clerk == world["bolat"] and b2.data_entry.clerk == world["asel"]
    # a supervisor who keyed an entry does not review it
    client.force_login(world["zhanar"])
    page = client.get("/entry/compare/").content.decode()
    assert 'data-station="0112"' in page.split('id="agreeing"')[1]
    client.force_login(world["erlan"])
    assert client.post("/entry/compare/0112/accept/?election=web-2011").status_code == 302
    assert Protocol.objects.get(source="entered").invalid == 10
    ledger_ok()


@pytest.mark.django_db
def test_corrections_with_and_without_a_decision_show_in_the_history(client, world) -> None:
    from saylau.geography.models import Commission
    from saylau.ledger.models import LedgerEntry
    from saylau.results.models import Correction, Decision, Protocol

    for clerk in ("asel", "bolat"):
        client.force_login(world[clerk])
        key(client, "0111", PAPER)
    client.force_login(world["erlan"])
    client.post("/entry/compare/0111/accept/?election=web-2011")
    entered = Protocol.objects.get(source="entered")
    dec = Commission.objects.get(unit__code="D011")
    url = f"/entry/protocols/{entered.pk}/correct/?election=web-2011"
    form = client.get(url).content.decode()
    assert 'name="valid"' in form and 'value="580"' in form  # current figures prefilled
    # neither a decision nor the tick: refused, nothing written
    response = client.post(url, {**PAPER, "valid": 570, "votes_1": 390})
    assert "Give the decision" in response.content.decode() and not Correction.objects.exists()
    # a decision without its number: the error is on the field
    response = client.post(url, {**PAPER, "valid": 570, "votes_1": 390, "commission": dec.pk, "date": "2011-04-04"})
    assert re.search(r'id="error-number">', response.content.decode()) and not Correction.objects.exists()
    # with a decision
    response = client.post(url, {**PAPER, "invalid": 20, "valid": 570, "votes_1": 390, "commission": dec.pk,
                                 "number": "17/3", "date": "2011-04-04", "summary": ATTACK,
                                 "reason": "recount at the DEC"})
    assert response.status_code == 302
    v2 = Protocol.objects.get(source="entered", version=2)
    assert response["Location"] == f"/entry/protocols/{v2.pk}/?election=web-2011"
    c1 = Correction.objects.get(protocol=v2)
    assert c1.decision == Decision.objects.get(number="17/3") and not c1.without_decision
    assert c1.changes == {"invalid": [10, 20], "valid": [580, 570], "votes_1": [400, 390]}
    # explicitly without a decision
    url = f"/entry/protocols/{v2.pk}/correct/?election=web-2011"
    response = client.post(url, {**PAPER, "invalid": 20, "valid": 570, "votes_1": 380, "votes_2": 190,
                                 "without_decision": "on", "reason": "phoned in"})
    assert response.status_code == 302
    v3 = Protocol.objects.get(source="entered", version=3)
    c2 = Correction.objects.get(protocol=v3)
    assert c2.decision is None and c2.without_decision
    # the old version cannot be corrected any more
    assert client.post(url, {**PAPER, "without_decision": "on"}).status_code == 302
    assert Protocol.objects.filter(source="entered").count() == 3

    page = client.get(f"/entry/protocols/{v3.pk}/?election=web-2011").content.decode()
    history = page.split('id="history"')[1].split("</table>")[0]
    assert len(re.findall(r"<tr data-version=", history)) == 3
    assert "original" in history and "erlan" in history
    assert "Decision No. 17/3 of 2011-04-04 (DEC D011)" in history
    assert "Corrected without a formal decision" in history and "phoned in" in history
    assert "Marat Serikov: 180 → 190" in history
    assert ATTACK not in page and html.escape(ATTACK) in page
    assert LedgerEntry.objects.filter(event="results.decision.created").count() == 1
    assert LedgerEntry.objects.filter(event="results.correction.created").count() == 2
    # a decision reused with another date is refused
    response = client.post(f"/entry/protocols/{v3.pk}/correct/?election=web-2011",
                           {**PAPER, "commission": dec.pk, "number": "17/3", "date": "2011-04-05"})
    assert "dated 2011-04-04" in response.content.decode()
    ledger_ok()


@pytest.mark.django_db
def test_official_protocols_are_corrected_too_and_the_ledger_finds_edits(client, world) -> None:
    from saylau.geography.models import Unit
    from saylau.results.models import DataEntry, Protocol
    from saylau.results.services import record_protocol

    election = world["election"]
    unit = Unit.objects.get(election=election, level=3, code="0112")
    official = record_protocol(actor=ACTOR, election=election, unit=unit, tier="PEC", source="official",
                               lines={k: v for k, v in PAPER.items() if not k.startswith("votes")}, votes=[400, 180])
    client.force_login(world["erlan"])
    station = client.get("/entry/stations/0112/?election=web-2011").content.decode()
    assert f"/entry/protocols/{official.pk}/" in station
    response = client.post(f"/entry/protocols/{official.pk}/correct/?election=web-2011",
                           {**PAPER, "registered": 1001, "without_decision": "on"})
    assert response.status_code == 302
    assert Protocol.objects.get(source="official", version=2).registered == 1001
    client.force_login(world["asel"])
    key(client, "0111", PAPER)
    ledger_ok()
    DataEntry.objects.update(clerk=world["bolat"])  # behind saylau's back
    from saylau.ledger.checks import verify_database

    report = verify_database()
    assert not report.ok and "results.dataentry" in str(report)


@pytest.mark.django_db
def test_service_refuses_what_the_pages_refuse() -> None:
    from django.core.exceptions import ValidationError

    from saylau.geography.models import Unit
    from saylau.results.services import entry

    w = build_entry_world()
    election = w["election"]
    unit = Unit.objects.get(election=election, level=3, code="0111")
    lines = {k: v for k, v in PAPER.items() if not k.startswith("votes")}
    with pytest.raises(ValidationError):  # entries name a person
        entry.key_protocol(actor=ACTOR, election=election, unit=unit, lines=lines, votes=[400, 180])
    with pytest.raises(ValidationError):  # stations only
        entry.key_protocol(actor=Actor.from_user(w["asel"]), election=election, unit=unit.parent, lines=lines,
                           votes=[400, 180])
    entry.key_protocol(actor=Actor.from_user(w["asel"]), election=election, unit=unit, lines=lines, votes=[400, 180])
    with pytest.raises(ValidationError):
        entry.key_protocol(actor=Actor.from_user(w["asel"]), election=election, unit=unit, lines=lines,
                           votes=[400, 180])
    with pytest.raises(ValidationError):  # only A so far
        entry.accept_entries(actor=Actor.from_user(w["erlan"]), election=election, unit=unit)
    entry.key_protocol(actor=Actor.from_user(w["bolat"]), election=election, unit=unit, lines=lines, votes=[400, 180])
    with pytest.raises(ValidationError):  # a clerk of the pair does not review it
        entry.accept_entries(actor=Actor.from_user(w["bolat"]), election=election, unit=unit)
    review = entry.accept_entries(actor=Actor.from_user(w["erlan"]), election=election, unit=unit)
    with pytest.raises(ValidationError):  # an entry is not corrected here
        entry.correct(actor=ACTOR, protocol=review.entry_a, lines={"valid": 1}, commission=None)
    with pytest.raises(ValidationError):  # a decision needs number and date
        entry.correct(actor=ACTOR, protocol=review.accepted, lines={"valid": 1},
                      commission=unit.parent.commission, number="", date=dt.date(2011, 4, 4))


from .test_browser import _database_beside_playwright, chromium  # noqa: E402,F401


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_two_clerks_key_in_the_browser_and_the_comparison_shows_the_difference(chromium, live_server) -> None:  # noqa: F811
    import os
    from pathlib import Path

    from saylau.geography.models import Unit
    from saylau.results.services import entry

    world = build_entry_world()
    shots = os.environ.get("SAYLAU_SCREENSHOTS", "")
    violations: list[str] = []
    errors: list[str] = []

    def session(username: str):
        context = chromium.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15000)
        context.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto("/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", f"{username}-pass-1")
        page.click("main button[type=submit]")
        page.wait_for_load_state("load")
        return context, page

    def key_in_browser(page, figures: dict) -> None:
        page.goto("/entry/")
        page.fill("#code", "0111")
        page.click("form.search button")
        page.wait_for_selector("#protocol-form")
        for name, value in figures.items():
            page.fill(f'input[name="{name}"]', str(value))
        page.click("#save")
        page.wait_for_selector("#checks")

    context, page = session("asel")
    assert "Data entry" in page.inner_text("nav")
    page.goto("/entry/stations/0111/")
    page.fill('input[name="registered"]', "-5")
    page.click("#save")
    assert page.inner_text("#error-registered") == "A figure cannot be negative."
    key_in_browser(page, PAPER)
    assert "passes all" in page.inner_text("#checks")
    context.close()

    context, page = session("bolat")
    page.goto("/entry/stations/0111/")
    assert "(entry B)" in page.inner_text("main h2")
    assert all(v == "" for v in page.eval_on_selector_all("input.figure", "els => els.map(e => e.value)"))
    key_in_browser(page, {**PAPER, "valid": 585, "votes_2": 185})
    assert "VALID_INVALID" in page.inner_text("#checks")
    context.close()

    # a second station keyed alike by both clerks, for the picture
    unit = Unit.objects.get(election=world["election"], level=3, code="0112")
    lines = {k: v for k, v in PAPER.items() if not k.startswith("votes")}
    for clerk in ("asel", "bolat"):
        entry.key_protocol(actor=Actor.from_user(world[clerk]), election=world["election"], unit=unit, lines=lines,
                           votes=[400, 180])

    context, page = session("erlan")
    page.goto("/entry/compare/")
    rows = page.locator('#differing tr[data-station="0111"]')
    assert rows.count() == 2
    assert [c.strip() for c in rows.nth(0).locator("td").all_inner_texts()[1:4]] == ["Valid ballots", "580", "585"]
    assert [c.strip() for c in rows.nth(1).locator("td").all_inner_texts()] == ["Marat Serikov", "180", "185"]
    assert page.locator('#agreeing tr[data-station="0112"]').count() == 1
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(shots) / "web-entry.png"), full_page=True)
    page.click('#agreeing tr[data-station="0112"] button.accept')
    page.wait_for_selector("#agreeing-none")
    assert "accepted" in page.inner_text(".messages")
    context.close()
    assert not errors, errors
    assert not violations, violations


@pytest.mark.django_db
def test_entries_imported_from_files_are_reviewed_too(client, world) -> None:
    from saylau.geography.models import Unit
    from saylau.results.models import EntryReview, Protocol
    from saylau.results.services import record_protocol

    election = world["election"]
    unit = Unit.objects.get(election=election, level=3, code="0112")
    lines = {k: v for k, v in PAPER.items() if not k.startswith("votes")}
    for source in ("entry_a", "entry_b"):
        record_protocol(actor=ACTOR, election=election, unit=unit, tier="PEC", source=source, lines=lines,
                        votes=[400, 180])
    client.force_login(world["asel"])
    assert 'id="blocked"' in client.get("/entry/stations/0112/").content.decode()
    client.force_login(world["erlan"])
    page = client.get("/entry/compare/").content.decode()
    assert 'data-station="0112"' in page.split('id="agreeing"')[1]
    assert client.post("/entry/compare/0112/accept/?election=web-2011").status_code == 302
    assert EntryReview.objects.get().accepted == Protocol.objects.get(source="entered")
    ledger_ok()



@pytest.mark.django_db
def test_the_page_and_the_service_refuse_a_keying_with_the_same_rule_and_words(client, world) -> None:
    """The keying rules are written once (``results.services.entry.next_keying``): the
    station page says why a user cannot key with the very words the service refuses
    with, in the user's language."""
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from saylau.geography.models import Unit
    from saylau.results.services import entry

    election = world["election"]
    unit = Unit.objects.get(election=election, level=3, code="0111")

    def refused(user, lang: str) -> str:
        with translation.override(lang), pytest.raises(ValidationError) as error:
            entry.key_protocol(actor=Actor.from_user(user), election=election, unit=unit,
                               lines={k: v for k, v in PAPER.items() if not k.startswith("votes_")},
                               votes=[PAPER["votes_1"], PAPER["votes_2"]])
        return error.value.messages[0]

    def blocked(user, lang: str) -> str:
        client.force_login(user)
        client.post("/i18n/setlang/", {"language": lang, "next": "/"})
        page = client.get("/entry/stations/0111/").content.decode()
        return html.unescape(page.split('id="blocked"')[1].split(">", 1)[1].split("<", 1)[0]).strip()

    assert entry.next_keying(unit, world["asel"].pk).letter == "A"
    client.force_login(world["asel"])
    assert key(client, "0111", PAPER).status_code == 302
    assert entry.next_keying(unit, world["bolat"].pk).letter == "B"
    for lang in ("en", "ru"):
        said = blocked(world["asel"], lang)
        assert said == refused(world["asel"], lang) == entry.next_keying(unit, world["asel"].pk).refused
    assert blocked(world["asel"], "ru") == "Вы ввели ввод A этого участка; ввод B должен сделать другой человек."
    client.force_login(world["bolat"])
    assert key(client, "0111", PAPER).status_code == 302
    for lang in ("en", "kk"):
        assert blocked(world["zhanar"], lang) == refused(world["zhanar"], lang)
    assert refused(world["zhanar"], "kk") == "Бұл учаске екі рет енгізілді және жетекшіні күтуде."

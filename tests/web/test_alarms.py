"""The alarms of the dashboards' first page: each decided from plain numbers
(hand-made cases, bounds included), worded in three languages, and (on the
simulated election) raised on the page with a link to its evidence."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from saylau.web import alarms


def test_quick_count_alarm_only_outside_the_interval() -> None:
    with translation.override("en"):
        # the demo's figures: official turnout 90.3 % against 68.5-75.5 %
        a = alarms.quick_count_outside("turnout", 0.903, 0.685, 0.755)
        assert a is not None and a.key == "quickcount-turnout" and a.url_name == "web:dashboard-quickcount"
        assert "90.3\u00a0%" in a.sentence and "68.5\u00a0%–75.5\u00a0%" in a.sentence
        assert "95.0\u00a0% confidence" in a.sentence
        assert alarms.quick_count_outside("turnout", 0.70, 0.685, 0.755) is None
        assert alarms.quick_count_outside("turnout", 0.685, 0.685, 0.755) is None  # a bound is inside
        assert alarms.quick_count_outside("turnout", 0.755, 0.685, 0.755) is None
        assert alarms.quick_count_outside("leader", 0.684, 0.685, 0.755) is not None  # below is outside too
        assert alarms.quick_count_outside("leader", float("nan"), 0.685, 0.755) is None
        assert "winner's official share of valid votes" in alarms.quick_count_outside("leader", 0.9, 0.5, 0.6).sentence


def test_quarantine_alarm_when_the_held_votes_reach_the_margin() -> None:
    with translation.override("en"):
        # 1,000 - 900 = 100 votes margin; 100 held votes could change the winner (margin <= q)
        a = alarms.quarantine_could_change_winner(3, 100, 100)
        assert a is not None and a.sentence.startswith("3 quarantined protocols hold 100 valid votes")
        assert "margin of 100 votes" in a.sentence
        assert alarms.quarantine_could_change_winner(3, 99, 100) is None
        assert alarms.quarantine_could_change_winner(0, 500, 100) is None
        one = alarms.quarantine_could_change_winner(1, 12345, 1000)
        assert one.sentence.startswith("1 quarantined protocol holds 12,345 valid votes")


def test_count_alarms_and_their_evidence() -> None:
    with translation.override("en"):
        assert alarms.protocols_differ(0) is None
        assert alarms.protocols_differ(7125).sentence.startswith("7,125 stations: the figures")
        assert alarms.protocols_differ(7125).query == "kind=entered"
        assert alarms.corrections_without_decision(0) is None
        assert alarms.corrections_without_decision(226).sentence == (
            "226 protocols were corrected without a commission's decision.")
        assert alarms.corrections_without_decision(1).sentence.startswith("1 protocol was corrected")
        assert alarms.teams_silent(0, 10) is None
        assert alarms.teams_silent(2, 10).sentence == "2 observer teams of 10 have sent no report."
        assert alarms.teams_silent(2, 10).url_name == "web:dashboard-coverage"
        assert alarms.reviews_overdue(0) is None
        assert alarms.reviews_overdue(5).url_name == "web:dashboard-quality"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_alarms_speak_russian_and_kazakh(lang) -> None:
    with translation.override(lang):
        raised = [alarms.quick_count_outside("turnout", 0.903, 0.685, 0.755),
                  alarms.quick_count_outside("leader", 0.903, 0.685, 0.755),
                  alarms.quarantine_could_change_winner(3, 100, 100), alarms.protocols_differ(7125),
                  alarms.corrections_without_decision(226), alarms.teams_silent(2, 10), alarms.reviews_overdue(5)]
    for a in raised:
        assert not re.search(r"[A-Za-z]{3,}", a.sentence), a.sentence  # no English word left
    assert "7\u00a0125" in raised[3].sentence or "7 125" in raised[3].sentence
    assert "90,3\u00a0%" in raised[0].sentence


@pytest.mark.django_db
def test_the_first_page_raises_the_alarms_of_the_simulated_election(client, tmp_path) -> None:
    from .sim import build_simulated

    world = build_simulated(tmp_path)
    from saylau.results import selectors

    qc = {i["name"]: i for i in selectors.quick_count(world["election"])["estimates"]}
    client.force_login(world["erlan"])
    page = client.get("/dashboards/").content.decode()
    section = re.search(r'<section class="alarms[^"]*".*?</section>', page, re.S).group(0)
    turnout = qc["turnout"]
    outside = not (turnout["lower"] <= turnout["official"] <= turnout["upper"])
    assert ('id="alarm-quickcount-turnout"' in section) == outside
    slug = world["election"].slug
    for key, url in re.findall(r'id="alarm-([\w-]+)">.*?<a href="([^"]+)"', section, re.S):
        url = url.replace("&amp;", "&")
        assert f"?election={slug}" in url and client.get(url).status_code == 200, key
    from saylau.results.models import Discrepancy

    differing = Discrepancy.objects.filter(run=selectors.latest_tabulation(world["election"]),
                                           kind="entered").values("unit_id").distinct().count()
    assert ('id="alarm-differing"' in section) == (differing > 0)
    if differing:
        sentence = re.search(r'id="alarm-differing">(.*?)<a href="([^"]+)"', section, re.S)
        assert sentence.group(1).startswith(f"{differing:,} station") and sentence.group(2).endswith("kind=entered")
        listed = client.get(sentence.group(2).replace("&amp;", "&")).content.decode()
        assert "Official PEC protocol against the figures the DEC entered" in listed


# -- in Chromium --------------------------------------------------------------

from .test_browser import _database_beside_playwright, chromium  # noqa: E402,F401


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_quick_count_alarm_appears_and_leads_to_its_evidence(chromium, live_server, tmp_path) -> None:  # noqa: F811
    from saylau.results import selectors

    from .sim import build_simulated

    # a fifth of the full scale: enough observers' copies (at 0.05 there are 5) for a narrow interval
    world = build_simulated(tmp_path, scale=0.2)
    turnout = {i["name"]: i for i in selectors.quick_count(world["election"])["estimates"]}["turnout"]
    # the simulation inflates the official turnout, as the demo does (90.3 % against 68.5-75.5 %)
    assert not turnout["lower"] <= turnout["official"] <= turnout["upper"]
    context = chromium.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": 1280, "height": 900})
    violations: list[str] = []
    context.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", "erlan")
    page.fill("#id_password", "analyst-pass-1")
    page.click("main button[type=submit]")
    page.wait_for_load_state("load")
    page.goto("/dashboards/")
    alarm = page.locator("#alarm-quickcount-turnout")
    assert alarm.is_visible()
    text = alarm.inner_text()
    official = f"{100 * turnout['official']:.1f}\u00a0%"
    interval = f"{100 * turnout['lower']:.1f}\u00a0%–{100 * turnout['upper']:.1f}\u00a0%"
    assert official in text and interval in text and "outside" in text, text
    alarm.get_by_role("link").click()
    page.wait_for_load_state("load")
    assert page.url.startswith(f"{live_server.url}/dashboards/quick-count/")
    assert page.locator("#convergence").count() == 1
    context.close()
    assert not violations, violations

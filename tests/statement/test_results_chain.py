"""The results-chain section (#20) on hand-computed cases: every figure's numbers, what each
share is a share of, its drill-down link, and each language wholly in that language."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pytest

from saylau.statement.core import results_chain as rc
from saylau.statement.core.compose import compose
from saylau.statement.core.inputs import Candidate, StatementInputs
from saylau.statement.core.model import Figure, Link
from saylau.statement.core.render import render_html, render_pdf

from .conftest import Page

NAMES = (("en", "Test election"), ("ru", "Тестовые выборы"), ("kk", "Сынақ сайлауы"))
CANDIDATES = (Candidate(1, (("en", "Aidar Nurlanov"), ("ru", "Айдар Нурланов"), ("kk", "Айдар Нұрланов")),
                        "party", "registered", True),
              Candidate(2, (("en", "Oleg Petrov"), ("ru", "Олег Петров"), ("kk", "Олег Петров")),
                        "self", "registered"))

# hand-made: 3 of 40 stations differ between entry and PEC protocol; 2 of 10 observers' copies differ
CHAIN = rc.ResultsChain(
    election="kz-test",
    comparisons=(
        rc.SourceComparison("entered", 40, 3, (rc.Difference("01-004", "votes_1", 520, 400),
                                               rc.Difference("02-011", "invalid", 3, 17))),
        rc.SourceComparison("observer", 10, 2, (rc.Difference("01-004", "valid", 611, 612),)),
    ),
    corrections=rc.Corrections(8, 5, ("01-002", "03-007")),
    quarantine=rc.QuarantineSummary(90, 6, (("VALID_INVALID", 4), ("TURNOUT_OVER_100", 2))),
    quick_count=rc.QuickCount(
        copies=10, stations=40, confidence=0.95,
        # turnout 6,200 / 10,000 in the sample; official 26,000 / 40,000 = 65 %: inside 58-66 %
        turnout=rc.Estimate("turnout", 0.62, 0.58, 0.66, 6_200, 10_000, 26_000, 40_000),
        # leader 3,000 / 5,000 = 60 % in the sample; official 17,000 / 25,000 = 68 %: outside 0.55-0.65
        leader=rc.Estimate("votes_1", 0.60, 0.55, 0.65, 3_000, 5_000, 17_000, 25_000)),
    forensics=rc.ForensicsSummary(stations=40, turnout_100=2, candidate_all=1, winner_votes=17_000,
                                  excess_votes=1_700, tested=36, integer_observed=9, integer_expected=3.6,
                                  integer_p=0.004),
)
INPUTS = StatementInputs(election_name=NAMES, mission_name=NAMES, candidates=CANDIDATES, results_chain=CHAIN)


def _section(lang: str, inputs: StatementInputs = INPUTS):
    doc = compose(inputs, lang)
    return next(s for s in doc.sections if s.id == "results_chain")


def _figures(lang: str) -> dict[str, list[Figure]]:
    out: dict[str, list[Figure]] = {}
    for s in _section(lang).sentences:
        for p in s:
            if isinstance(p, Figure):
                out.setdefault(p.metric, []).append(p)
    return out


def _text(lang: str, inputs: StatementInputs = INPUTS) -> str:
    return " ".join("".join(p if isinstance(p, str) else p.text for p in s)
                    for s in _section(lang, inputs).sentences)


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_figures_and_their_denominators(lang):
    f = _figures(lang)
    one = {k: v[0] for k, v in f.items()}
    assert (one["results.differ.entered"].numerator, one["results.differ.entered"].denominator) == (3, 40)
    assert one["results.differ.entered.share"].text.startswith({"en": "7.5", "ru": "7,5", "kk": "7,5"}[lang])
    assert (one["results.differ.observer"].numerator, one["results.differ.observer"].denominator) == (2, 10)
    # the largest differences, signed (entry minus PEC protocol), each linked to its station's page
    diffs = [(d.numerator, d.link) for d in f["results.difference.entered"]]
    assert diffs == [(120, "/portal/stations/01-004/?election=kz-test"),
                     (-14, "/portal/stations/02-011/?election=kz-test")]
    assert [d.text[0] for d in f["results.difference.entered"]] == ["+", "−"]
    assert (one["results.corrections.without_decision"].numerator,
            one["results.corrections.without_decision"].denominator) == (5, 8)
    assert one["results.corrections.without_decision.share"].text.startswith(
        {"en": "62.5", "ru": "62,5", "kk": "62,5"}[lang])
    assert (one["results.quarantined"].numerator, one["results.quarantined"].denominator) == (6, 90)
    assert (one["results.rule.VALID_INVALID"].numerator, one["results.rule.TURNOUT_OVER_100"].numerator) == (4, 2)
    # the quick count: the estimate is the ratio of the sample's sums; the official figure of all stations'
    e = one["quickcount.turnout"]
    assert (e.numerator, e.denominator, e.low, e.high) == (6_200, 10_000, 0.58, 0.66)
    o = one["quickcount.turnout.official"]
    assert (o.numerator, o.denominator, o.unit) == (26_000, 40_000, "registered")
    assert (one["quickcount.share.1.official"].numerator, one["quickcount.share.1.official"].denominator,
            one["quickcount.share.1.official"].unit) == (17_000, 25_000, "valid")
    assert (one["forensics.turnout_100"].numerator, one["forensics.turnout_100"].denominator) == (2, 40)
    assert (one["forensics.shpilkin_excess"].numerator, one["forensics.shpilkin_excess"].denominator) == (1_700,
                                                                                                           17_000)
    assert one["forensics.shpilkin_excess.share"].text.startswith({"en": "10.0", "ru": "10,0", "kk": "10,0"}[lang])
    assert (one["forensics.integer"].numerator, one["forensics.integer.expected"].numerator) == (9, 4)
    # every figure links to its drill-down, and every share names what it is a share of
    for figures in f.values():
        for fig in figures:
            assert fig.link.startswith(("/dashboards/", "/tables/", "/portal/stations/")), fig
            assert "election=kz-test" in fig.link
            if fig.denominator is not None:
                assert fig.unit in {"stations_entered", "stations_copied", "corrections", "protocols_checked",
                                    "qc_share", "registered", "valid", "all_stations", "stations_examined",
                                    "votes_winner", "stations_tested"}, fig


def test_links_name_the_right_pages():
    f = _figures("en")
    assert f["results.differ.entered"][0].link == "/tables/discrepancies/?election=kz-test&kind=entered"
    assert f["results.differ.observer"][0].link == "/tables/discrepancies/?election=kz-test&kind=observer"
    assert f["results.quarantined"][0].link == "/tables/protocols/?election=kz-test&check=quarantined"
    assert f["results.rule.VALID_INVALID"][0].link == \
        "/tables/protocols/?election=kz-test&check=quarantined&reason=VALID_INVALID"
    assert f["results.corrections"][0].link == "/tables/protocols/?election=kz-test&corrected=true"
    assert f["results.corrections.without_decision"][0].link == \
        "/tables/protocols/?election=kz-test&without_decision=true"
    assert f["quickcount.turnout"][0].link == "/dashboards/quick-count/?election=kz-test"
    assert f["forensics.integer"][0].link == "/dashboards/forensics/?election=kz-test"
    links = [p for s in _section("en").sentences for p in s if isinstance(p, Link)]
    assert [(x.text, x.url) for x in links if x.text in ("01-002", "03-007")] == [
        ("01-002", "/portal/stations/01-002/?election=kz-test"),
        ("03-007", "/portal/stations/03-007/?election=kz-test")]


def test_quick_count_says_inside_or_outside_and_what_the_interval_means():
    en = _text("en")
    assert "the official turnout, 65.0 per cent, lies inside this interval" in en
    assert "the official share, 68.0 per cent, lies outside it" in en
    assert "Aidar Nurlanov's share of the valid votes" in en
    assert "sampling error only" in en and "not proof" in en and "not drawn at random" in en
    assert "осы аралықтың ішінде жатыр" in _text("kk") and "осы аралықтан тыс жатыр" in _text("kk")
    assert "внутри этого интервала" in _text("ru") and "за его пределами" in _text("ru")
    assert "Айдар Нұрланов" in _text("kk")


def test_forensics_caveat_and_chance():
    assert "not proof of fraud" in _text("en")
    assert "chance alone is unlikely to explain" in _text("en")  # p = 0.004, 9 against 3.6
    calm = replace(CHAIN, forensics=replace(CHAIN.forensics, integer_p=0.3))
    assert "chance can explain the difference" in _text("en", replace(INPUTS, results_chain=calm))
    assert "бұрмалаудың дәлелі емес" in _text("kk") and "не доказательство фальсификаций" in _text("ru")


def test_rule_labels_not_codes():
    for lang in ("en", "ru", "kk"):
        text = _text(lang)
        assert "VALID_INVALID" not in text and "TURNOUT_OVER_100" not in text
    assert "Valid and invalid ballots do not add up" in _text("en")
    assert "Жарамды және жарамсыз бюллетеньдердің қосындысы" in _text("kk")


def test_nothing_without_data():
    assert rc.sentences(None, "en") == [] and rc.sentences(rc.ResultsChain(), "kk") == []
    empty = StatementInputs(election_name=NAMES, mission_name=NAMES)
    assert all(s.id != "results_chain" for s in compose(empty, "en").sections)
    only = replace(INPUTS, results_chain=rc.ResultsChain(corrections=rc.Corrections(4, 0)))
    figs = [p for s in _section("en", only).sentences for p in s if isinstance(p, Figure)]
    assert ("results.corrections.without_decision", 0, 4) in [(f.metric, f.numerator, f.denominator) for f in figs]


#: a run of three or more Latin-script words: an English sentence (or part) left in the text
LATIN_RUN = re.compile(r"[A-Za-z]{2,}(?:[\s,;:'’()-]+[A-Za-z]{2,}){2,}")
#: codes and addresses a Kazakh statement may carry: metric ids, URL paths, the platform's name
CODES = re.compile(r"\S*[._/=#?]\S*|saylau")


def english_runs(text: str) -> list[str]:
    """Runs of 3+ Latin words in ``text`` once codes, paths and the platform's name are removed."""
    return LATIN_RUN.findall(CODES.sub(" ", text))


def _visible(html: str) -> str:
    body = re.sub(r"<style.*?</style>|<script.*?</script>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", body)


def test_detector_finds_english():
    assert english_runs("Бұл – the official turnout сан") == ["the official turnout"]
    assert english_runs("көрсеткіш forensics.turnout_100; толығырақ: /dashboards/results/?kind=entered") == []
    assert english_runs("жүйесін saylau синтетикалық") == []


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_results_chain_has_no_english(lang):
    doc = compose(INPUTS, lang)
    html = render_html(doc)
    assert english_runs(_visible(html)) == []
    assert english_runs(_text(lang)) == []


def test_kazakh_statement_has_no_english_sentence(html_files):
    """The whole Kazakh statement of the simulated election (sample narrative, every section,
    notes) holds no run of three Latin words outside codes and paths."""
    runs = english_runs(_visible(html_files["kk"]))
    assert runs == [], runs[:5]
    assert english_runs(_visible(html_files["ru"])) == []


def test_html_links_and_print_notes():
    doc = compose(INPUTS, "en")
    page = Page(render_html(doc, web_url="https://mission.example"))
    hrefs = [u for u in page.urls if u.startswith("https://")]
    assert "https://mission.example/dashboards/quick-count/?election=kz-test" in hrefs
    assert "https://mission.example/portal/stations/01-004/?election=kz-test" in hrefs
    assert all(u.startswith(("https://mission.example/", "#", "data:")) for u in page.urls)
    # root-relative links by default (the page the web application serves)
    assert 'href="/dashboards/forensics/?election=kz-test"' in render_html(doc)
    # a file read apart: no link, the note prints the path
    alone = render_html(doc, web_url=None)
    assert 'class="drill-down"' not in alone and "details: /dashboards/forensics/?election=kz-test" in alone
    printed = render_html(doc, for_print=True, web_url="https://mission.example")
    assert 'class="drill-down"' not in printed
    assert "details: https://mission.example/tables/protocols/?election=kz-test&amp;check=quarantined" in printed


@pytest.mark.slow
def test_pdf_prints_the_drill_down():
    from io import BytesIO

    from pypdf import PdfReader

    pdf = render_pdf(compose(INPUTS, "kk"), web_url="https://mission.example")
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    assert "толығырақ:" in text and "mission.example/dashboards/quick-count" in re.sub(r"\s", "", text)


def test_forensics_summary_hand_computed():
    """Four stations: one at 100 % turnout, one where candidate 1 has every valid vote."""
    registered = np.array([100, 200, 300, 400])
    issued = np.array([100, 120, 150, 200])
    invalid = np.array([0, 0, 10, 0])
    votes = np.array([[60, 40], [120, 0], [100, 40], [150, 50]])
    valid = votes.sum(axis=1)
    s = rc.forensics_summary(registered, issued, valid, invalid, votes, 0, replicates=50)
    assert (s.stations, s.turnout_100, s.candidate_all, s.winner_votes) == (4, 1, 1, 430)
    # integer percentages need at least 100 voters and percentages up to 99: stations 3 and 4
    # (station 1 has 100 % turnout, station 2 a 100 % share); 150/300 = 50 % and 200/400 = 50 %
    assert (s.tested, s.integer_observed) == (2, 2)
    # Shpilkin: the clean peak is the modal turnout bin below 95 % weighted by voters, 50 % (stations
    # 3 and 4, 700 voters); there the winner has s0 = 250 of 340 valid votes. Above the peak the
    # winner's honest votes are others * s0 / (1 - s0): station 1 (100 %) 40 * 250 / 90 = 111 > 60,
    # no excess; station 2 (60 %) has no other votes, so all its 120 are excess
    assert s.excess_votes == 120
    assert rc.forensics_summary([0], [0], [0], [0], [[0, 0]], 0) is None

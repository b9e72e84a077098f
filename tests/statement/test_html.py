"""The HTML statement: every figure equals the number it names, recomputed independently."""

from __future__ import annotations

import re

import pytest

from saylau.core.wording import format_int, number_words, percent, proportion_phrase
from saylau.observation.core.metrics import METRICS_BY_ID
from saylau.statement.core.labels import SECTION_IDS, TITLES, pick

from .conftest import Page

LANGS = ("en", "ru", "kk")


def _answered(s: dict, question: str) -> bool:
    value = s["answers"].get(question)
    return value is not None and value != ""


def recompute(metric, submissions: list[dict]) -> tuple[int, int]:
    """A finding's numerator and denominator by plain Python over the raw submissions:
    stations count once, by their latest visit that answered the question."""
    rows = [s for s in submissions if s["form"] == metric.form and _answered(s, metric.question)
            and (not metric.denominator_question or _answered(s, metric.denominator_question))]
    if metric.sample == "place":
        place = "dec_code" if metric.form == "tabulation" else "station_code"
        latest: dict[str, dict] = {}
        for s in sorted(rows, key=lambda s: s["submitted_at"]):
            latest[s[place]] = s
        rows = list(latest.values())
    values = [s["answers"][metric.question] for s in rows]
    if metric.kind == "total":
        return sum(int(v) for v in values), len(rows)
    if metric.kind == "ratio":
        return (sum(int(v) for v in values),
                sum(int(s["answers"][metric.denominator_question]) for s in rows))
    return sum(1 for v in values if v in metric.counted_values), len(rows)


def renderings(n: int, d: int, lang: str) -> set[str]:
    """Every way house style may print a finding of n out of d."""
    out = {number_words(n, lang), number_words(n, lang).capitalize()}
    if d:
        out |= {percent(100 * n / d, lang, k) for k in (0, 1)}
        phrase = proportion_phrase(n, d, lang)
        if phrase:
            out.add(phrase)
    if lang == "en" and n == 0:
        out.add("no")
    return out


@pytest.fixture(scope="module")
def pages(html_files):
    from .conftest import _Lazy

    return _Lazy(lambda lang: Page(html_files[lang]))


@pytest.mark.parametrize("lang", LANGS)
def test_findings_equal_the_independent_count(pages, sim, lang):
    figures = [f for f in pages[lang].figures if f["metric"] in METRICS_BY_ID]
    assert len({f["metric"] for f in figures}) >= 25
    for f in figures:
        metric = METRICS_BY_ID[f["metric"]]
        n, d = recompute(metric, sim.submissions)
        if metric.kind == "total":  # a count: the places it was reported from are no denominator
            assert (int(f["numerator"]), f["denominator"], f["unit"]) == (n, "", "protocols"), f
            assert f["text"].lower() in {r.lower() for r in renderings(n, 0, lang)}, f
            continue
        assert (int(f["numerator"]), int(f["denominator"])) == (n, d), f
        assert f["text"].lower() in {r.lower() for r in renderings(n, d, lang)}, f


def test_headline_matches_simulation_truth(pages, sim):
    by_metric = {f["metric"]: f for f in pages["en"].figures}
    voting = by_metric["voting.assessment_negative"]
    # one visit per station in this simulation, so the truth's count is the finding's
    assert sim.truth["voting"]["observations"] == sim.truth["voting"]["stations"]
    assert int(voting["numerator"]) == sim.truth["voting"]["negative"]
    assert int(by_metric["voting.ballot_stuffing"]["numerator"]) == \
        sim.truth["voting"]["stations_with"]["ballot_stuffing"]


@pytest.mark.parametrize("lang", LANGS)
def test_composition_figures(pages, sim, lang):
    members = sim.members.to_dicts()
    by_metric = {f["metric"]: f for f in pages[lang].figures}
    opposition = {p["code"] for p in sim.parties.to_dicts() if p["opposition"]}
    for tier in ("CEC", "TEC", "DEC", "PEC"):
        rows = [m for m in members if m["tier"] == tier]
        commissions = by_metric[f"composition.{tier}.commissions"]
        assert int(commissions["numerator"]) == int((sim.commissions["tier"] == tier).sum())
        women = sum(m["gender"] == "female" for m in rows)
        f = by_metric[f"composition.{tier}.women_members"]
        assert (int(f["numerator"]), int(f["denominator"])) == (women, len(rows))
        assert f["text"] == percent(100 * women / len(rows), lang, 1)
        chairs = [m for m in rows if m["role"] == "chair"]
        if len(chairs) > 1:
            f = by_metric[f"composition.{tier}.women_chairs"]
            assert int(f["numerator"]) == sum(m["gender"] == "female" for m in chairs)
            assert int(f["denominator"]) == len(chairs)
    with_opposition = {(m["tier"], m["unit_code"]) for m in members
                       if m["nominating_party"] in opposition}
    f = by_metric["composition.opposition_commissions"]
    assert (int(f["numerator"]), int(f["denominator"])) == (len(with_opposition),
                                                            len(sim.commissions))
    recorded = [m for m in members if m["ethnicity"]]
    f = by_metric["composition.ethnicity.Kazakh"]
    kazakh = sum(m["ethnicity"] == "Kazakh" for m in recorded)
    assert (int(f["numerator"]), int(f["denominator"])) == (kazakh, len(recorded))


@pytest.mark.parametrize("lang", LANGS)
def test_results_and_mission_figures(pages, sim, lang):
    by_metric = {f["metric"]: f for f in pages[lang].figures}
    r = sim.results.to_dicts()
    registered = sum(x["official_registered"] for x in r)
    issued = sum(x["official_issued_in_station"] + x["official_issued_mobile"]
                 + x["official_issued_early"] for x in r)
    turnout = by_metric["results.turnout"]
    assert (int(turnout["numerator"]), int(turnout["denominator"])) == (issued, registered)
    assert turnout["text"] == percent(100 * issued / registered, lang, 1)
    valid = sum(x["official_valid"] for x in r)
    winner = by_metric["results.share.1"]
    assert (int(winner["numerator"]), int(winner["denominator"])) == (
        sum(x["official_votes_1"] for x in r), valid)
    assert by_metric["results.registered"]["text"] == format_int(registered, lang)
    observers = by_metric["mission.observers"]
    assert int(observers["numerator"]) == len(sim.observers)
    assert int(by_metric["mission.states"]["numerator"]) == sim.observers["state"].n_unique()
    voting = by_metric["mission.observed.voting"]
    stations = {s["station_code"] for s in sim.submissions if s["form"] == "voting"}
    assert (int(voting["numerator"]), int(voting["denominator"])) == (len(stations),
                                                                      len(sim.stations))


@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_has_its_note(pages, lang):
    page = pages[lang]
    assert len(page.notes) == len(page.figures) > 40
    unit_word = {"en": "Unit:", "ru": "Единица:", "kk": "Бірлік:"}[lang]
    for i, f in enumerate(page.figures, 1):
        note = page.notes[f"fn-{i}"]
        assert note.startswith(unit_word) and f["metric"] in note, (f, note)
        assert format_int(int(f["numerator"]), lang) in note
        if f["denominator"]:
            assert format_int(int(f["denominator"]), lang) in note


@pytest.mark.parametrize("lang", LANGS)
def test_self_contained_and_official_note(html_files, pages, lang):
    text = html_files[lang]
    assert "official-note" in pages[lang].ids
    note = {"en": "The English version of this statement is the only official document",
            "ru": "Единственным официальным документом является английская версия",
            "kk": "ағылшын тіліндегі нұсқасы ғана ресми құжат"}[lang]
    assert note in text
    for url in pages[lang].urls:
        assert url.startswith(("data:", "#")), url
        if url.startswith("#"):
            assert url[1:] in pages[lang].ids
    bare = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", text)
    assert not re.search(r"https?:|//[a-z]|@import|url\(|<link|<script", bare)
    assert text.count('src="data:image/png;base64,') >= 4  # phase, region, incidents, fingerprint


@pytest.mark.parametrize("lang", LANGS)
def test_sections_in_order(pages, lang):
    expected = [pick(TITLES[s], lang) for s in SECTION_IDS]
    found = [h for h in pages[lang].headings if h in expected]
    assert found == expected  # the sample narrative fills every section


@pytest.mark.parametrize("lang", LANGS)
def test_notes_say_what_each_finding_counts_and_its_filter(pages, sim, lang):
    """Women among PEC members count members, not stations; a total is a count with the
    places it was reported from, never 'n of d'; every finding's note names its form."""
    from saylau.statement.core import labels as L

    page = pages[lang]
    notes = {f["metric"]: page.notes[f"fn-{i}"] for i, f in enumerate(page.figures, 1)}
    by_metric = {f["metric"]: f for f in page.figures}
    women = by_metric["voting.women_members"]
    assert women["unit"] == "pec_members_present"
    assert notes["voting.women_members"].startswith(
        L.FOOTNOTE[lang][0].format(unit=pick(L.UNITS["pec_members_present"], lang)))
    metric = METRICS_BY_ID["tabulation.protocols_completed_at_dec"]
    n, d = recompute(metric, sim.submissions)
    note = notes[metric.id]
    assert note.startswith(L.FOOTNOTE[lang][0].format(unit=pick(L.UNITS["protocols"], lang)))
    assert L.REPORTED_FROM[lang].format(n=format_int(d, lang),
                                        unit=pick(L.UNITS["decs"], lang)) in note
    assert L.FOOTNOTE[lang][1].format(n=format_int(n, lang), d=format_int(d, lang)) not in note
    for metric_id, text in notes.items():
        if metric_id in METRICS_BY_ID:
            form = METRICS_BY_ID[metric_id].form
            assert L.FILTER[lang][2].format(form=form) in text, text

"""Composition without Django: no data gives no sentence; given data gives traceable figures."""

from __future__ import annotations

from dataclasses import replace

import pytest

from saylau.statement.core.charts import draw
from saylau.statement.core.compose import chart_ids, compose
from saylau.statement.core.inputs import Complaints, MediaShare, Publication, StatementInputs
from saylau.statement.core.labels import SECTION_IDS
from saylau.statement.core.model import Figure
from saylau.statement.core.narrative import (
    SAMPLE_MARKER,
    SAMPLE_MARKERS,
    read_narrative,
    read_texts,
    sample_directory,
)
from saylau.statement.core.render import render_html

NAMES = (("en", "Test election"), ("ru", "Тестовые выборы"), ("kk", "Сынақ сайлауы"))
EMPTY = StatementInputs(election_name=NAMES, mission_name=NAMES)


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_no_data_no_sentence(lang):
    doc = compose(EMPTY, lang)
    assert doc.sections == () and doc.figures() == []
    assert chart_ids(EMPTY) == {}
    html = render_html(doc)
    assert 'class="figure"' not in html and "official-note" in html
    narrative = {("campaign", lang): "<p>Only text.</p>"}
    doc = compose(EMPTY, lang, narrative)
    assert [s.id for s in doc.sections] == ["campaign"] and doc.figures() == []


def test_missing_sources_drop_only_their_sentences(inputs):
    partial = replace(inputs, results=None, composition=None, stations=None)
    doc = compose(partial, "en")
    metrics = {f.metric for f in doc.figures()}
    assert not any(m.startswith(("results.", "composition.")) for m in metrics)
    assert "voting.assessment_negative" in metrics
    assert "fingerprint" not in {c for s in doc.sections for c in s.charts}
    assert not [s for s in doc.sections if s.id in ("administration", "minorities")]


def test_media_complaints_publication_when_present(inputs):
    rich = replace(
        inputs,
        media=(MediaShare("Channel One", ((1, 190.0), (2, 10.0))),),
        complaints=Complaints((("CEC", 12), ("courts", 15)), upheld=0),
        publication=Publication(stations=100, stations_published=0, election_night=False),
    )
    for lang in ("en", "ru", "kk"):
        doc = compose(rich, lang)
        by_metric = {f.metric: f for f in doc.figures()}
        share = by_metric["media.coverage_share.1"]
        assert (share.numerator, share.denominator) == (190, 200)
        assert share.text == {"en": "95 per cent", "ru": "95 процентов", "kk": "95 пайыз"}[lang]
        assert by_metric["complaints.CEC"].numerator == 12
        assert by_metric["complaints.upheld"].denominator == 27
        assert by_metric["results.published"].numerator == 0
        media = next(s for s in doc.sections if s.id == "media")
        assert media.charts == ("media",)
    assert draw("media", rich, "kk").startswith(b"\x89PNG")


def test_footnote_wording():
    f = Figure("voting.unauthorised_persons_present", 132, 1470, "stations", "132")
    assert f.footnote("en") == ("Unit: polling stations observed; 132 of 1,470; "
                                "metric voting.unauthorised_persons_present.")
    assert f.footnote("ru") == ("Единица: наблюдавшиеся избирательные участки; 132 из 1\u00a0470; "
                                "показатель voting.unauthorised_persons_present.")
    assert f.footnote("kk").startswith("Бірлік: байқалған сайлау учаскелері; 1\u00a0470 ішінен 132;")
    g = Figure("voting.assessment_negative", 9, 100, "stations", "9 per cent", 0.048, 0.162)
    assert g.footnote("en").endswith("95 per cent interval 4.8–16.2 per cent.")


@pytest.mark.parametrize("chart", ["assessment_by_phase", "assessment_by_region", "incidents",
                                   "fingerprint"])
def test_charts_are_png(inputs, chart):
    assert chart in {c for ids in chart_ids(inputs).values() for c in ids}
    png = draw(chart, inputs, "kk")
    assert png.startswith(b"\x89PNG") and len(png) > 5000


def test_narrative_files(tmp_path):
    (tmp_path / "campaign.en.md").write_text("The campaign was *quiet*.\n\n<script>x</script>")
    (tmp_path / "campaign.kk.md").write_text("Сайлау нəәтижелері\nжарияланды.\n")
    (tmp_path / "notes.en.md").write_text("ignored")
    raw = read_narrative(tmp_path)
    assert set(raw) == {("campaign", "en"), ("campaign", "kk")}
    assert "<em>quiet</em>" in raw[("campaign", "en")]
    assert "<script>" not in raw[("campaign", "en")]  # raw HTML is escaped
    assert "нəәтиже" in raw[("campaign", "kk")]
    clean = read_narrative(tmp_path, normalise_kazakh=True)
    assert "Сайлау нәтижелері жарияланды." in clean[("campaign", "kk")]
    assert "ə" not in clean[("campaign", "kk")]


def test_sample_narrative_is_marked_and_complete():
    texts = read_texts(sample_directory())
    top_level = [s for s in SECTION_IDS if s not in ("opening", "voting", "counting",
                                                     "tabulation")]
    assert {s for s, _ in texts} == set(top_level)
    for (section, lang), text in texts.items():
        assert text.lstrip("> *").startswith(SAMPLE_MARKERS[lang]), (section, lang)
        assert lang != "kk" or SAMPLE_MARKER not in text, (section, lang)  # no English in Kazakh
    assert len(texts) == 3 * len(top_level)

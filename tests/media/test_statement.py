"""The statement's media section from the simulated monitoring: its figures are the ground truth."""

from __future__ import annotations

import pytest

from saylau.media.demo import load_simulation
from saylau.statement.core.charts import draw
from saylau.statement.core.compose import compose
from saylau.statement.core.model import Figure
from saylau.statement.core.render import render_html

from .conftest import ACTOR

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement_inputs(world):
    from saylau.statement.selectors import collect

    _, election = world
    sim = load_simulation(election, actor=ACTOR)
    return sim, collect(election)


def _media(doc):
    return next(s for s in doc.sections if s.id == "media")


def test_media_figures_equal_the_ground_truth(statement_inputs):
    sim, inputs = statement_inputs
    truth = sim.truth
    incumbent = truth["incumbent"]
    for lang in ("en", "ru", "kk"):
        section = _media(compose(inputs, lang))
        figures = {p.metric: p for s in section.sentences for p in s if isinstance(p, Figure)}
        for outlet, t in truth["news"].items():
            share = figures[f"media.news_share.{outlet}.{incumbent}"]
            assert (share.numerator, share.denominator) == (t["numerator"], t["denominator"])
            tone = figures[f"media.news_tone.{outlet}.{incumbent}"]
            assert (tone.numerator, tone.denominator) == (t["positive_or_neutral"], t["numerator"])
        official = figures[f"media.official_role_positive.{incumbent}"]
        assert (official.numerator, official.denominator) == (truth["official_role"]["positive"],
                                                              truth["official_role"]["seconds"])
        paid = figures[f"media.paid_hours.{incumbent}"]
        assert (paid.numerator, paid.denominator) == (truth["paid"]["numerator"], truth["paid"]["denominator"])
        assert figures["media.double_coded"].numerator == truth["double_coded"]
        assert section.charts == ("media_subjects", "media_tone")
    en = _media(compose(inputs, "en"))
    text = ["".join(p if isinstance(p, str) else p.text for p in s) for s in en.sentences]
    name = dict(inputs.media_monitoring.candidates[incumbent])["en"]
    assert (f"State channel A devoted 19 per cent of its news coverage of the candidates to {name}, "
            "92 per cent of it positive or neutral.") in text
    assert f"State channel B devoted 13 per cent of its news coverage of the candidates to {name}, " in text[1]  # state outlets first
    assert any("2.1 hours of positive coverage in an official role" in t for t in text)
    assert any("bought 10.7 hours of paid political advertising, 56 per cent of all paid" in t for t in text)
    ru = "".join(p if isinstance(p, str) else p.text for s in _media(compose(inputs, "ru")).sentences for p in s)
    assert "19 процентов времени" in ru and "92 процента этого времени" in ru
    kk = "".join(p if isinstance(p, str) else p.text for s in _media(compose(inputs, "kk")).sentences for p in s)
    assert "19 пайызын" in kk and "92 пайызы оң немесе бейтарап" in kk


def test_media_footnotes_and_charts_render(statement_inputs):
    _, inputs = statement_inputs
    for lang in ("en", "kk"):
        charts = {c: draw(c, inputs, lang) for c in ("media_subjects", "media_tone")}
        assert all(png.startswith(b"\x89PNG") for png in charts.values())
        html = render_html(compose(inputs, lang), charts)
        assert 'id="chart-media_tone"' in html
    html = render_html(compose(inputs, "en"), charts)
    assert "3,420 of 18,000" in html and "media.news_share.STA.1" in html
    assert "codings: final" in html and "outlet: STA" in html

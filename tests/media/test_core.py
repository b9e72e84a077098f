"""The media package's arithmetic against hand-computed cases and published figures."""

from __future__ import annotations

import math

import polars as pl
import pytest

from saylau.media.core import analysis as A
from saylau.media.core import reliability as R
from saylau.media.core.simulation import simulate_media


def items(rows):
    keys = ("outlet", "unit", "programme", "subject_kind", "subject_ref", "amount", "tone")
    frame = pl.DataFrame([dict(zip(keys, r, strict=True)) for r in rows])
    return frame.with_columns(item=pl.Series([f"i{k}" for k in range(len(rows))]), period=pl.lit(""),
                              speech=pl.lit("direct"), language=pl.lit("ru")).select(list(A.ITEM_SCHEMA))


# Outlet X is a television channel (seconds), Y a newspaper (square centimetres).
HAND = items([
    ("X", "seconds", "news", "candidate", "1", 60, "positive"),
    ("X", "seconds", "news", "candidate", "1", 30, "negative"),
    ("X", "seconds", "news", "candidate", "2", 90, "neutral"),
    ("X", "seconds", "news", "administration", "", 20, "neutral"),
    ("X", "seconds", "paid", "candidate", "1", 100, "positive"),
    ("X", "seconds", "official_role", "official", "1", 3600, "positive"),
    ("X", "seconds", "official_role", "official", "1", 1800, "neutral"),
    ("Y", "cm2", "news", "candidate", "2", 50, "positive"),
    ("Y", "cm2", "news", "candidate", "1", 150, "neutral"),
])


def test_news_shares_of_the_candidates_by_hand():
    news = A.coverage(HAND, programmes=["news"], subject_kinds=["candidate"])
    # X: candidate 1 has 60 + 30 = 90 of 90 + 90 = 180 seconds; Y: 150 of 200 cm2
    assert A.value(news, outlet="X", subject_ref="1") == A.Share(90, 180)
    assert A.value(news, outlet="X", subject_ref="2") == A.Share(90, 180)
    assert A.value(news, outlet="Y", subject_ref="1") == A.Share(150, 200)
    assert A.value(news, outlet="Y", subject_ref="1").percent == 75.0
    # every news item (administration included) in the denominator when subjects are not restricted
    assert A.value(A.coverage(HAND, programmes=["news"]), outlet="X", subject_ref="1") == A.Share(90, 200)


def test_tone_within_subject_by_hand():
    tone = A.tone(HAND, programmes=["news"], subject_kinds=["candidate"])
    assert A.value(tone, outlet="X", subject_ref="1", tone="positive") == A.Share(60, 90)
    assert A.value(tone, outlet="X", subject_ref="1", tone="negative") == A.Share(30, 90)
    assert A.value(tone, outlet="X", subject_ref="1", tone="neutral") is None  # never neutral
    assert A.share_sum(tone, "tone", ["positive", "neutral"], outlet="X", subject_ref="1") == A.Share(60, 90)
    assert A.share_sum(tone, "tone", ["positive", "neutral"], outlet="Y", subject_ref="1") == A.Share(150, 150)


def test_paid_against_editorial_and_hours_by_hand():
    paid = A.paid_editorial(HAND)
    # X: editorial 60 + 30 + 90 + 20 + 3,600 + 1,800 = 5,600 s, paid 100 s, of 5,700 s
    assert A.value(paid, outlet="X", group="paid") == A.Share(100, 5700)
    assert A.value(paid, outlet="X", group="editorial") == A.Share(5600, 5700)
    assert A.value(paid, outlet="Y", group="editorial") == A.Share(200, 200)
    report = A.report(HAND)
    official = A.value(report.official_role, subject_kind="official", subject_ref="1")
    assert official == A.Share(5400, 5400) and A.hours(official.numerator) == 1.5
    assert A.value(report.official_tone, subject_ref="1", tone="positive") == A.Share(3600, 5400)
    assert A.value(report.paid, subject_ref="1") == A.Share(100, 100)


def test_outlets_of_different_units_are_not_pooled():
    with pytest.raises(ValueError, match="different units"):
        A.coverage(HAND, programmes=["news"], within=())


def test_period_is_a_grouping():
    frame = HAND.with_columns(period=pl.when(pl.col("amount") == 60).then(pl.lit("week1"))
                              .otherwise(pl.lit("week2")))
    news = A.coverage(frame, programmes=["news"], subject_kinds=["candidate"], within=("outlet", "period"))
    assert A.value(news, outlet="X", period="week1", subject_ref="1") == A.Share(60, 60)
    assert A.value(news, outlet="X", period="week2", subject_ref="1") == A.Share(30, 120)


# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
# twelve units, missing values; alpha nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797.
KRIPPENDORFF_C = {
    "A": (1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None),
    "B": (1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3),
    "C": (None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None),
    "D": (1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None),
}


def codings_of(data: dict) -> pl.DataFrame:
    rows = [{"item": f"u{u:02d}", "coder": coder, "tone": str(v), "amount": v}
            for coder, values in data.items() for u, v in enumerate(values) if v is not None]
    return pl.DataFrame(rows)


@pytest.mark.parametrize(("level", "published"), [
    ("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)])
def test_alpha_equals_krippendorffs_worked_example(level, published):
    result = R.alpha(codings_of(KRIPPENDORFF_C), "amount", level)
    assert round(result.alpha, 3) == published
    assert result.items == 11 and result.coders == 4  # the twelfth unit has one value: not pairable
    assert result.values == 40


def test_alpha_of_nominal_codes_given_as_text():
    assert round(R.alpha(codings_of(KRIPPENDORFF_C), "tone", "nominal").alpha, 3) == 0.743


def test_alpha_binary_two_observers():
    # Krippendorff (2011), section A: two observers, ten units, binary data: alpha 0.095
    data = {"A": (0, 1, 0, 0, 0, 0, 0, 0, 1, 0), "B": (1, 1, 1, 0, 0, 1, 0, 0, 0, 0)}
    assert round(R.alpha(codings_of(data), "tone", "nominal").alpha, 3) == 0.095


def test_alpha_two_observers_five_categories():
    # Krippendorff (2011), section B: nominal data, two observers, no missing data: alpha 0.692
    codes = {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}
    data = {"A": tuple(codes[c] for c in "aabbdcccedda"), "B": tuple(codes[c] for c in "babbbcccedd" + "d")}
    assert round(R.alpha(codings_of(data), "tone", "nominal").alpha, 3) == 0.692


def test_alpha_by_hand_two_coders_one_disagreement():
    # 2 coders, 3 items: (pos, pos), (neg, neg), (pos, neg). Coincidences: o_pp = 2, o_nn = 2,
    # o_pn = o_np = 1; n = 6, n_p = n_n = 3. D_o = 2 / 6, D_e = 2 * 3 * 3 / (6 * 5) = 0.6.
    # alpha = 1 - (1/3) / 0.6 = 4/9.
    data = {"A": ("p", "n", "p"), "B": ("p", "n", "n")}
    rows = [{"item": f"u{u}", "coder": c, "tone": v} for c, vs in data.items() for u, v in enumerate(vs)]
    assert math.isclose(R.alpha(pl.DataFrame(rows), "tone", "nominal").alpha, 4 / 9)


def test_alpha_undefined_without_variation_or_pairs():
    same = pl.DataFrame({"item": ["a", "a", "b", "b"], "coder": ["x", "y", "x", "y"], "tone": ["p"] * 4})
    assert R.alpha(same, "tone", "nominal").alpha is None
    single = pl.DataFrame({"item": ["a", "b"], "coder": ["x", "x"], "tone": ["p", "n"]})
    assert R.alpha(single, "tone", "nominal").items == 0


def test_disagreements_name_item_variable_and_values():
    frame = pl.DataFrame({"item": ["a", "a", "b", "b", "c"], "coder": ["x", "y", "x", "y", "x"],
                          "programme": ["news"] * 5, "subject": ["candidate:1"] * 5,
                          "tone": ["positive", "neutral", "neutral", "neutral", "negative"],
                          "speech": ["direct"] * 5, "language": ["ru"] * 5, "amount": [60, 62, 30, 30, 10]})
    d = R.disagreements(frame)
    assert d.select("item", "variable").rows() == [("a", "amount"), ("a", "tone")]
    assert d.filter(pl.col("variable") == "tone")["values"].to_list() == [["positive", "neutral"]]


CANDIDATES = [(1, True), (2, False), (3, False), (4, False)]


def final_items(sim) -> pl.DataFrame:
    c = sim.codings.filter(pl.col("final"))
    return c.select(
        item=pl.col("outlet") + pl.col("aired_at").cast(pl.Utf8), outlet="outlet", period=pl.lit("campaign"),
        unit=pl.lit("seconds"), programme="programme", subject_kind="subject",
        subject_ref=pl.col("candidate").cast(pl.Utf8).fill_null(""), amount="amount", tone="tone",
        speech="speech", language="language")


def test_simulation_aggregates_are_the_statements_figures():
    sim = simulate_media(CANDIDATES)
    report = A.report(final_items(sim))
    published = {"STA": 19, "STB": 13, "PRC": 16, "PRD": 14, "PRE": 3, "PRF": 39}
    for outlet, truth in sim.truth["news"].items():
        share = A.value(report.news, outlet=outlet, subject_ref="1")
        assert share == A.Share(truth["numerator"], truth["denominator"])
        assert round(share.percent) == published[outlet]
        tone = A.share_sum(report.news_tone, "tone", ["positive", "neutral"], outlet=outlet, subject_ref="1")
        assert tone.numerator == truth["positive_or_neutral"]
    official = A.value(report.official_tone, subject_kind="official", subject_ref="1", tone="positive")
    assert A.hours(official.numerator) > 2  # "over 2 hours of extra positive coverage"
    paid = A.value(report.paid, subject_kind="candidate", subject_ref="1")
    assert A.hours(paid.numerator) > 10 and paid.share > 0.5  # "over 10 hours (more than half)"
    assert paid == A.Share(sim.truth["paid"]["numerator"], sim.truth["paid"]["denominator"])


def test_simulated_second_coders_disagree_realistically():
    sim = simulate_media(CANDIDATES)
    codings = sim.codings.with_columns(
        item=pl.col("outlet") + pl.col("aired_at").cast(pl.Utf8),
        subject=pl.col("subject") + ":" + pl.col("candidate").cast(pl.Utf8).fill_null(""))
    alphas = {a.variable: a for a in R.alphas(codings)}
    assert alphas["tone"].items == sim.truth["double_coded"]
    assert 0.6 < alphas["tone"].alpha < 0.95  # disagreement on tone, far from chance
    assert alphas["amount"].alpha > 0.95  # a few seconds' difference only
    assert simulate_media(CANDIDATES).codings.equals(sim.codings)  # the same seed, the same data


@pytest.mark.parametrize("level", ["interval", "ratio"])
def test_metric_alpha_equals_the_krippendorff_package(level):
    import krippendorff
    import numpy as np

    rng = np.random.default_rng(7)
    for coders, units, missing in ((2, 40, 0.0), (4, 60, 0.3), (5, 25, 0.5)):
        truth = rng.integers(1, 40, units).astype(float)
        data = truth + rng.integers(-3, 4, (coders, units))
        data[rng.random((coders, units)) < missing] = np.nan
        ours = R.metric_alpha(data, level)
        theirs = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
        assert math.isclose(ours, theirs, rel_tol=1e-9, abs_tol=1e-12)
    m = R.matrix(R.multiply_coded(codings_of(KRIPPENDORFF_C)), "amount")
    assert round(R.metric_alpha(m, level), 3) == {"interval": 0.849, "ratio": 0.797}[level]

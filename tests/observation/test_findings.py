"""Findings: Wilson interval, hand-counted numerators and denominators and the ids
behind them, sentences, and metric definitions refused when their numbers would
count different things."""

from __future__ import annotations

import math
from dataclasses import replace

import polars as pl
import pytest

from saylau.observation.core.findings import (
    Finding,
    Metric,
    ReviewFilter,
    evaluate,
    evaluate_all,
    incoherence,
    wilson_interval,
)
from saylau.observation.core.metrics import BUILTIN_METRICS, METRICS_BY_ID

VOTING = METRICS_BY_ID["voting.assessment_negative"]
STUFFING = METRICS_BY_ID["voting.ballot_stuffing"]


@pytest.fixture
def frame() -> pl.DataFrame:
    rows = [  # id, form, station, region, urban, hour, assessment, ballot_stuffing
        ("s1", "voting", "A", "R1", True, 9, "good", "no"),
        ("s2", "voting", "A", "R1", True, 15, "bad", "yes"),
        ("s3", "voting", "B", "R1", False, 10, "very_good", "no"),
        ("s4", "voting", "C", "R2", False, 11, "very_bad", "yes"),
        ("s5", "voting", "C", "R2", False, 9, "good", "no"),
        ("s6", "voting", "D", "R2", True, 12, "good", None),
        ("s7", "voting", "E", "R2", True, 13, None, "no"),
        ("s8", "counting", "A", "R1", True, 21, "bad", None),
        ("s9", "voting", "F", "R1", False, 16, "good", "no"),
    ]
    return pl.DataFrame(rows, orient="row", schema=[
        "submission_id", "form", "station_code", "region_code", "urban", "hour",
        "assessment", "ballot_stuffing"])


def test_wilson_interval_by_hand() -> None:
    # 9/100: p=0.09, z^2/n=0.0384146; centre=(0.09+0.0192073)/1.0384146=0.1051673;
    # half=1.959964/1.0384146*sqrt(0.000819+0.0000960365)=0.0570945
    low, high = wilson_interval(9, 100)
    assert low == pytest.approx(0.0480728, abs=1e-6)
    assert high == pytest.approx(0.1622618, abs=1e-6)
    # 0/10: the interval starts at zero, centre = half = 0.1387664
    low, high = wilson_interval(0, 10)
    assert low == 0.0 and high == pytest.approx(0.2775328, abs=1e-6)
    assert all(math.isnan(x) for x in wilson_interval(0, 0))


def _pairs(findings: list[Finding]) -> list[tuple[object, int, int]]:
    return [(f.group[1] if f.group else None, f.numerator, f.denominator) for f in findings]


def test_share_negative_in_both_units(frame: pl.DataFrame) -> None:
    # observations: answered s1-s6, s9 (7 rows); negative s2, s4
    assert _pairs(evaluate(replace(VOTING, unit="observations"), frame)) == [(None, 2, 7)]
    # stations by latest visit: A=s2 bad, B good, C=s4 very_bad, D good, F good
    whole = evaluate(VOTING, frame)
    assert _pairs(whole) == [(None, 2, 5)]
    assert whole[0].unit == "stations"
    assert (whole[0].low, whole[0].high) == wilson_interval(2, 5)


def test_grouped_findings(frame: pl.DataFrame) -> None:
    assert _pairs(evaluate(VOTING, frame, by="region_code")) == [("R1", 1, 3), ("R2", 1, 2)]
    assert _pairs(evaluate(VOTING, frame, by="urban")) == [(False, 1, 3), (True, 1, 2)]
    assert _pairs(evaluate(VOTING, frame, by="hour")) == [
        (9, 0, 2), (10, 0, 1), (11, 1, 1), (12, 0, 1), (15, 1, 1), (16, 0, 1)]


def test_count_incident_filters_and_latest_visit_order(frame: pl.DataFrame) -> None:
    # stations: A=s2 yes, B no, C=s4 yes, E no, F no (D did not answer)
    assert _pairs(evaluate(STUFFING, frame)) == [(None, 2, 5)]
    assert _pairs(evaluate(replace(STUFFING, unit="observations"), frame)) == [(None, 2, 7)]
    urban = replace(VOTING, filters=(("urban", (True,)),))
    assert _pairs(evaluate(urban, frame)) == [(None, 1, 2)]
    # submitted_at overrides hour: make s1 the latest visit of A
    ordered = frame.with_columns(submitted_at=pl.Series([9, 1, 1, 1, 1, 1, 1, 1, 1]))
    assert _pairs(evaluate(VOTING, ordered)) == [(None, 1, 5)]


def test_total_and_missing_columns() -> None:
    frame = pl.DataFrame({
        "submission_id": ["t1", "t2", "t3"], "form": ["tabulation"] * 3,
        "station_code": [None, None, None], "dec_code": ["D1", "D2", "D1"],
        "region_code": ["R1"] * 3, "urban": [True] * 3, "hour": [22, 23, 24],
        "protocols_completed_at_dec": [3, 5, 2], "transparent": ["no", "yes", "yes"]})
    metric = METRICS_BY_ID["tabulation.protocols_completed_at_dec"]
    total = evaluate(metric, frame)
    # each DEC once by its latest report: D1 = t3 (2), D2 = t2 (5); 7 protocols in 2 DECs
    assert _pairs(total) == [(None, 7, 2)] and math.isnan(total[0].low)
    # a total is a count of protocols, never a share of the DECs that reported them
    assert total[0].unit == "protocols" and not total[0].is_share and math.isnan(total[0].share)
    assert _pairs(evaluate(replace(metric, per="observation"), frame)) == [(None, 10, 3)]
    # DEC unit: D1 latest (t3) transparent, D2 transparent
    assert _pairs(evaluate(METRICS_BY_ID["tabulation.not_transparent"], frame)) == [(None, 0, 2)]
    absent = evaluate(METRICS_BY_ID["voting.ballot_stuffing"], frame)
    assert _pairs(absent) == [(None, 0, 0)]
    assert len(evaluate_all(frame)) == len(BUILTIN_METRICS)


def _finding(metric_id: str, n: int, d: int) -> Finding:
    metric = METRICS_BY_ID[metric_id]
    interval = wilson_interval(n, d) if n <= d else (math.nan, math.nan)
    return Finding(metric, None, n, d, *interval)


@pytest.mark.parametrize(("metric_id", "n", "d", "en", "ru", "kk"), [
    ("voting.assessment_negative", 9, 100,
     "Voting was assessed negatively in 9 per cent of polling stations observed.",
     "Доля наблюдавшихся избирательных участков, где голосование было оценено отрицательно, "
     "составила 9 процентов.",
     "Байқалған сайлау учаскелерінің 9 пайызында дауыс беру теріс бағаланды."),
    ("counting.assessment_negative", 16, 97,
     "Counting was assessed negatively in one of every six polling stations observed.",
     "Подсчёт голосов был оценён отрицательно в каждом шестом из наблюдавшихся избирательных "
     "участков.",
     "Байқалған сайлау учаскелерінің әрбір алтыншысында дауыстарды санау теріс бағаланды."),
    ("voting.ballot_stuffing", 28, 1445,
     "Ballot stuffing was observed in 28 polling stations.",
     "Число избирательных участков, где наблюдался вброс бюллетеней, составило 28.",
     "28 сайлау учаскесінде бюллетеньдерді заңсыз салу байқалды."),
    ("voting.ballot_stuffing", 2, 1445,
     "Ballot stuffing was observed in two polling stations.",
     "Число избирательных участков, где наблюдался вброс бюллетеней, составило два.",
     "Екі сайлау учаскесінде бюллетеньдерді заңсыз салу байқалды."),
    ("counting.choices_not_announced", 3, 4,
     "Voters' choices were not announced in three of four counts observed.",
     "Доля наблюдавшихся подсчётов, при которых выбор избирателей не оглашался, составила "
     "75 процентов.",
     "Байқалған дауыс санаулардың төрттен үшінде сайлаушылардың таңдауы жарияланбады."),
    ("counting.protocol_not_posted", 25, 100,
     "The protocol was not posted in a quarter of the counts observed.",
     "Доля наблюдавшихся подсчётов, при которых протокол не был вывешен, составила 25 процентов.",
     "Байқалған дауыс санаулардың төрттен бірінде хаттама ілінбеді."),
    ("counting.observers_restricted", 17, 138,
     "Observers were restricted in 17 counts.",
     "Число подсчётов, при которых наблюдатели были ограничены в наблюдении, составило 17.",
     "17 дауыс санауда бақылаушыларға шектеу қойылды."),
    ("counting.protocol_difficulties", 28, 138,
     "The PEC had difficulty completing the results protocol in one of every five counts "
     "observed.",
     "УИК испытывала трудности при заполнении протокола в каждом пятом из наблюдавшихся "
     "подсчётов.",
     "Байқалған дауыс санаулардың әрбір бесіншісінде УСК нәтижелер хаттамасын толтыруда "
     "қиналды."),
    ("tabulation.protocols_completed_at_dec", 49, 115,
     "Observers reported 49 PEC protocols completed on DEC premises in the 115 district "
     "election commissions observed.",
     "Число протоколов УИК, заполненных в помещениях ОИК, по сообщениям наблюдателей, "
     "составило 49; число наблюдавшихся окружных избирательных комиссий — 115.",
     "Бақылаушылардың хабарлауынша, ОСК үй-жайларында толтырылған УСК хаттамаларының саны 49 "
     "болды; байқалған округтік сайлау комиссияларының саны – 115."),
    ("tabulation.protocols_corrected_without_decision", 2, 1,
     "Observers reported two PEC protocols corrected without a formal DEC decision in the one "
     "district election commission observed.",
     "Число протоколов УИК, исправленных без официального решения ОИК, по сообщениям "
     "наблюдателей, составило два; число наблюдавшихся окружных избирательных комиссий — один.",
     "Бақылаушылардың хабарлауынша, ОСК-ның ресми шешімінсіз түзетілген УСК хаттамаларының саны "
     "екі болды; байқалған округтік сайлау комиссияларының саны – бір."),
])
def test_sentences_in_three_languages(metric_id: str, n: int, d: int, en: str, ru: str,
                                      kk: str) -> None:
    finding = _finding(metric_id, n, d)
    assert finding.sentence("en") == en
    assert finding.sentence("ru") == ru
    assert finding.sentence("kk") == kk


def test_metric_definitions_are_frozen_and_unique() -> None:
    ids = [m.id for m in BUILTIN_METRICS]
    assert len(ids) == len(set(ids))
    with pytest.raises(AttributeError):
        VOTING.unit = "observations"  # type: ignore[misc]
    assert isinstance(VOTING, Metric)


def test_ratio_of_sums_women_members() -> None:
    frame = pl.DataFrame({
        "submission_id": ["w1", "w2", "w3", "w4"], "form": ["voting"] * 4,
        "station_code": ["A", "A", "B", "C"], "region_code": ["R1"] * 4,
        "urban": [True] * 4, "hour": [9, 12, 10, 11],
        "pec_members_total": [7, 8, 5, None], "pec_members_women": [3, 6, 2, 4]})
    metric = METRICS_BY_ID["voting.women_members"]
    # stations: A latest (6 of 8) + B (2 of 5); C has no total
    assert _pairs(evaluate(metric, frame)) == [(None, 8, 13)]
    assert evaluate(metric, frame)[0].unit == "members"
    finding = evaluate(replace(metric, per="observation"), frame)[0]
    assert (finding.numerator, finding.denominator) == (11, 20)
    assert (finding.low, finding.high) == wilson_interval(11, 20)
    assert finding.sentence("en") == ("Women made up 55 per cent of the PEC members present in "
                                      "polling stations observed.")
    assert finding.sentence("ru") == ("Доля женщин среди присутствовавших членов УИК на "
                                      "наблюдавшихся избирательных участках составила 55 процентов.")
    assert finding.sentence("kk") == ("Байқалған сайлау учаскелерінде болған УСК мүшелерінің "
                                      "55 пайызы әйелдер болды.")


def test_no_sentence_calls_a_total_a_share() -> None:
    """The published error: 49 protocols over 115 DECs printed as 42.6 per cent."""
    finding = _finding("tabulation.protocols_completed_at_dec", 49, 115)
    for lang in ("en", "ru", "kk"):
        text = finding.sentence(lang)
        assert "42" not in text and "43" not in text and "%" not in text, text
        assert "49" in text and "115" in text, text


def test_every_builtin_metric_counts_one_thing() -> None:
    assert all(incoherence(m) == [] for m in BUILTIN_METRICS)
    women = METRICS_BY_ID["voting.women_members"]
    assert (women.unit, women.sample) == ("members", "place")
    for metric_id in ("tabulation.protocols_completed_at_dec",
                      "tabulation.protocols_corrected_without_decision"):
        total = METRICS_BY_ID[metric_id]
        assert (total.unit, total.style, total.is_share) == ("protocols", "count", False)
    assert {m.unit for m in BUILTIN_METRICS if m.kind not in ("total", "ratio")} == {
        "stations", "observations"}


@pytest.mark.parametrize(("definition", "reason"), [
    # the old definition of voting.women_members: a ratio of members called stations
    (dict(kind="ratio", question="pec_members_women", denominator_question="pec_members_total"),
     "not stations"),
    (dict(kind="ratio", question="pec_members_women", denominator_question="pec_members_total",
          unit="observations"), "not observations"),
    # the old definition of tabulation.protocols_completed_at_dec: a total printed as a share
    (dict(kind="total", question="protocols_completed_at_dec", unit="observations"),
     "never as a share"),
    (dict(kind="total", question="protocols_completed_at_dec", unit="protocols", per="place"),
     "never as a share"),
    (dict(kind="total", question="protocols_completed_at_dec", unit="protocols", per="place",
          style="proportion"), "never as a share"),
    (dict(kind="total", question="protocols_completed_at_dec", unit="stations", style="count"),
     "not stations"),
    (dict(kind="n_of_m", question="pec_chair_gender", unit="members", per="place"),
     "not members"),
    (dict(kind="share_negative_assessment", question="assessment", unit="protocols",
          per="observation"), "not protocols"),
    (dict(kind="count_incident", question="ballot_stuffing"), "style must be 'count'"),
    (dict(kind="ratio", question="pec_members_women", unit="members", per="place"),
     "needs denominator_question"),
    (dict(kind="ratio", question="pec_members_women", denominator_question="pec_members_total",
          unit="members", per="place", style="count"), "is a share"),
    (dict(kind="n_of_m", question="assessment", denominator_question="pec_members_total"),
     "only by a ratio"),
    (dict(kind="n_of_m", question="assessment", unit="stations", per="observation"),
     "but per='observation'"),
    (dict(kind="total", question="protocols_completed_at_dec", unit="protocols", style="count"),
     "say per="),
    (dict(kind="total", question="protocols_completed_at_dec", unit="protocols", per="place",
          style="count", values=("yes",)), "values are not read"),
    (dict(kind="mean", question="assessment"), "kind 'mean'"),
    (dict(kind="n_of_m", question="assessment", unit="ballots"), "unit 'ballots'"),
])
def test_incoherent_metrics_are_refused_when_defined(definition: dict, reason: str) -> None:
    with pytest.raises(ValueError, match="metric 'x.y' is refused") as refused:
        Metric("x.y", "voting", **definition)
    assert reason in str(refused.value)


def test_ids_are_the_rows_the_numbers_count(frame: pl.DataFrame) -> None:
    # stations: A = s2 (bad, latest), B = s3, C = s4 (very_bad, latest), D = s6, F = s9
    whole = evaluate(VOTING, frame, ids=True)[0]
    assert (whole.numerator_ids, whole.denominator_ids) == (("s2", "s4"), ("s2", "s3", "s4", "s6", "s9"))
    assert evaluate(VOTING, frame)[0].numerator_ids is None  # only when asked for
    every = evaluate(replace(VOTING, unit="observations"), frame, ids=True)[0]
    assert every.numerator_ids == ("s2", "s4")
    assert every.denominator_ids == ("s1", "s2", "s3", "s4", "s5", "s6", "s9")
    by_region = evaluate(VOTING, frame, by="region_code", ids=True)
    assert [(f.group, f.numerator_ids, f.denominator_ids) for f in by_region] == [
        (("region_code", "R1"), ("s2",), ("s2", "s3", "s9")),
        (("region_code", "R2"), ("s4",), ("s4", "s6"))]
    absent = evaluate(METRICS_BY_ID["tabulation.not_transparent"], frame, ids=True)[0]
    assert (absent.numerator_ids, absent.denominator_ids) == ((), ())


def test_ids_of_a_ratio_and_a_total_are_the_rows_with_a_value() -> None:
    frame = pl.DataFrame({
        "submission_id": [1, 2, 3, 4, 5], "form": ["voting"] * 3 + ["tabulation"] * 2,
        "station_code": ["A", "A", "B", None, None], "dec_code": [None, None, None, "D1", "D2"],
        "region_code": ["R1"] * 5, "urban": [True] * 5, "hour": [9, 12, 10, 23, 23],
        "pec_members_total": [7, 8, 5, None, None], "pec_members_women": [3, 0, 2, None, None],
        "protocols_completed_at_dec": [None, None, None, 0, 4]})
    women = evaluate(METRICS_BY_ID["voting.women_members"], frame, ids=True)[0]
    # A latest = 2 (0 of 8), B = 3 (2 of 5)
    assert (women.numerator, women.denominator) == (2, 13)
    assert (women.numerator_ids, women.denominator_ids) == ((3,), (2, 3))
    total = evaluate(METRICS_BY_ID["tabulation.protocols_completed_at_dec"], frame, ids=True)[0]
    assert (total.numerator, total.denominator) == (4, 2)
    assert (total.numerator_ids, total.denominator_ids) == ((5,), (4, 5))


def test_ids_agree_with_the_numbers_for_every_builtin_metric() -> None:
    from benchmarks.bench_findings import synthetic_submissions

    frame = synthetic_submissions(4000, seed=7)
    plain = evaluate_all(frame)
    listed = evaluate_all(frame, ids=True)
    assert [(f.metric.id, f.numerator, f.denominator) for f in plain] == \
        [(f.metric.id, f.numerator, f.denominator) for f in listed]
    checked = 0
    for f in listed:
        assert set(f.numerator_ids) <= set(f.denominator_ids), f.metric.id
        if f.metric.kind != "ratio":
            assert len(f.denominator_ids) == f.denominator, f.metric.id
        if f.metric.kind in ("total", "ratio"):
            rows = frame.filter(pl.col("submission_id").is_in(list(f.numerator_ids)))
            assert rows[f.metric.question].cast(pl.Int64).sum() == f.numerator, f.metric.id
        else:
            assert len(f.numerator_ids) == f.numerator, f.metric.id
        checked += f.denominator > 0
    assert checked >= 25


def test_each_finding_records_the_review_filter_it_was_read_with(frame: pl.DataFrame) -> None:
    review = ReviewFilter(("verified",), ("new", "flagged", "rejected"))
    findings = evaluate_all(frame, [VOTING, STUFFING], by="region_code", review=review)
    assert findings and all(f.review == review for f in findings)
    assert evaluate(VOTING, frame)[0].review is None


@pytest.mark.parametrize("order", [("submitted_at", "hour"), ("hour",), ()])
def test_all_metrics_at_once_match_each_metric_alone(order: tuple[str, ...]) -> None:
    """evaluate_all puts the frame in visit order once; each finding, its group and the
    ids behind it are those evaluate gives alone (ties in time kept in frame order)."""
    import random

    rng = random.Random(7)
    rows = []
    for i in range(400):
        form = rng.choice(("voting", "voting", "voting", "tabulation", "opening"))
        rows.append({
            "submission_id": i, "form": form, "station_code": f"S{rng.randrange(25)}",
            "dec_code": f"D{rng.randrange(5)}", "region_code": f"R{rng.randrange(3)}",
            "urban": rng.random() < 0.5, "hour": rng.randrange(7, 10),
            "submitted_at": rng.randrange(6),  # many ties: frame order decides among them
            "assessment": rng.choice(("good", "bad", "very_bad", "", None)),
            "ballot_stuffing": rng.choice(("yes", "no", None)), "transparent": rng.choice(("yes", "no", None)),
            "pec_members_total": rng.choice((7, 9, None)), "pec_members_women": rng.choice((0, 3, None)),
            "protocols_completed_at_dec": rng.choice((0, 2, None))})
    frame = pl.DataFrame(rows).drop([c for c in ("submitted_at", "hour") if c not in order])
    metrics = [m for m in BUILTIN_METRICS if m.form in ("voting", "tabulation", "opening")]
    for by in (None, "region_code", "urban"):
        alone = [f for m in metrics for f in evaluate(m, frame, by, ids=True)]
        together = evaluate_all(frame.lazy(), metrics, by, ids=True)
        assert [(f.metric.id, f.group, f.numerator, f.denominator, f.numerator_ids, f.denominator_ids)
                for f in together] == [
            (f.metric.id, f.group, f.numerator, f.denominator, f.numerator_ids, f.denominator_ids) for f in alone]
        assert any(f.numerator for f in together)

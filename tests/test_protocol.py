"""The one definition of the protocol lines and their arithmetic
(``saylau.core.protocol``), against figures worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import polars as pl
import pytest

from saylau.core import protocol as P

# Three stations; every figure below is worked out by hand from these.
#   station 1: issued 500 + 20 + 5 = 525 of 1,000 registered; valid 500 = 300 + 200
#   station 2: no mobile figure (null), no early figure (null): issued 300 (null counts 0)
#   station 3: nothing registered (0): turnout unknown; valid 0: shares unknown
STATIONS = pl.DataFrame({
    "registered": [1000, 400, 0],
    "issued_in_station": [500, 300, 0],
    "issued_mobile": [20, None, 0],
    "issued_early": [5, None, 0],
    "valid": [500, 290, 0],
    "invalid": [25, None, 0],
    "votes_2": [200, 90, 0],
    "votes_1": [300, 200, 0],
}, schema_overrides={c: pl.Int64 for c in ("issued_mobile", "issued_early", "invalid")})


def test_the_lines_are_defined_once_with_labels_in_three_languages():
    assert P.LINES == ("registered", "ballots_received", "issued_in_station", "issued_mobile",
                       "issued_early", "cancelled", "found_in_boxes", "invalid", "valid")
    assert set(P.ISSUED_LINES) < set(P.LINES)
    assert set(P.LINE_LABELS) == set(P.LINES)
    for line in P.LINES:
        en, ru, kk = (P.line_label(line, lang) for lang in ("en", "ru", "kk"))
        assert en and ru and kk and len({en, ru, kk}) == 3
    assert P.line_label("valid", "kk") == "Жарамды бюллетеньдер саны"
    assert P.line_label("valid", "fr") == "Valid ballots"


def test_every_package_uses_the_one_definition():
    from saylau.results import choices
    from saylau.results.core import checks

    assert choices.LINES is P.LINES and choices.LINE_LABELS is P.LINE_LABELS
    assert checks.CHECKED_LINES[: len(P.LINES)] == P.LINES


def test_vote_columns_are_named_by_ballot_number():
    assert P.vote_columns(3) == ["votes_1", "votes_2", "votes_3"]
    assert P.vote_column(12, "official_") == "official_votes_12"
    assert [P.candidate_number(c) for c in ("votes_7", "votes_0", "votes_x", "valid", "votes_07")] == [
        7, None, None, None, None]
    assert P.candidate_number("counted_votes_2", "counted_") == 2
    assert P.vote_columns_in(["votes_10", "valid", "votes_2", "votes_1"]) == ["votes_1", "votes_2", "votes_10"]
    assert P.line_columns(1)[-2:] == ["valid", "votes_1"]
    assert P.line_values({"valid": 9, "junk": 1}, [5, 4]) == {
        **{line: None for line in P.LINES}, "valid": 9, "votes_1": 5, "votes_2": 4}


def test_ballots_issued_sum_the_issued_lines_present():
    assert P.issued(STATIONS).tolist() == [525.0, 300.0, 0.0]
    # where one protocol is judged on its own, an empty line leaves the sum unknown
    strict = P.issued(STATIONS, null_as_zero=False)
    assert strict[0] == 525.0 and np.isnan(strict[1]) and strict[2] == 0.0
    # an absent line is left out of the sum; no issued line at all: None
    assert P.issued(STATIONS.drop("issued_mobile")).tolist() == [505.0, 300.0, 0.0]
    assert P.issued(STATIONS.select("registered")) is None
    # the same from arrays (NaN marks an empty line) and with a prefix
    arrays = {"x_issued_in_station": np.array([1.0, 2.0]), "x_issued_early": np.array([np.nan, 3.0])}
    assert P.issued(arrays, prefix="x_").tolist() == [1.0, 5.0]
    assert np.isnan(P.issued(arrays, prefix="x_", null_as_zero=False)[0])
    assert P.issued(arrays) is None


def test_turnout_and_shares_are_nan_without_a_denominator():
    assert P.turnout(525, 1000) == 0.525
    assert math.isnan(P.turnout(5, 0))
    assert P.turnout(np.array([525, 300, 0]), np.array([1000, 400, 0]))[:2].tolist() == [0.525, 0.75]
    by_station = STATIONS.select(P.turnout_expr(STATIONS.columns))["turnout"]
    assert by_station[:2].to_list() == [0.525, 0.75] and math.isnan(by_station[2])
    strict = STATIONS.select(P.turnout_expr(STATIONS.columns, null_as_zero=False))["turnout"]
    assert strict[0] == 0.525 and strict[1] is None  # an empty issued line: unknown
    votes = np.array([[300, 200], [200, 90], [0, 0]])
    shares = P.shares(votes, np.array([500, 290, 0]))
    assert shares[0].tolist() == [0.6, 0.4] and shares[1, 0] == pytest.approx(200 / 290)
    assert np.isnan(shares[2]).all()
    assert P.shares({"a": 3, "b": 1}, 4) == {"a": 0.75, "b": 0.25}


def test_totals_count_an_empty_line_as_zero():
    t = P.totals(STATIONS)
    assert (t.stations, t.registered, t.issued, t.valid, t.invalid) == (3, 1400, 825, 790, 25)
    assert t.votes == {1: 500, 2: 290}  # ballot order, whatever the column order
    assert t.turnout == pytest.approx(825 / 1400)
    assert t.shares() == {1: pytest.approx(500 / 790), 2: pytest.approx(290 / 790)}
    prefixed = P.totals(STATIONS.rename(lambda c: f"official_{c}").with_columns(counted_votes_1=pl.lit(9)),
                        prefix="official_")
    assert prefixed == t
    empty = P.totals(STATIONS.head(0))
    assert empty.issued == 0 and math.isnan(empty.turnout) and math.isnan(empty.shares()[1])


def test_station_arrays_for_charts_and_forensics():
    a = P.station_arrays(STATIONS)
    assert a.issued.tolist() == [525, 300, 0] and a.invalid.tolist() == [25, 0, 0]
    assert a.votes.tolist() == [[300, 200], [200, 90], [0, 0]] and a.columns == ("votes_1", "votes_2")
    assert a.leader == 0
    assert P.station_arrays(STATIONS.select("registered", "valid", "invalid")).leader == 0


def test_candidates_are_shown_by_number_and_name():
    nurlan = P.CandidateName(1, {"en": "Nurlan Abenov", "ru": "Нурлан Абенов", "kk": ""})
    unnamed = P.CandidateName(2)
    assert nurlan.label("ru") == "1 Нурлан Абенов" and nurlan.label("kk") == "1 Nurlan Abenov"
    assert unnamed.label("en") == "2" and unnamed.column == "votes_2"
    assert P.candidate_labels([nurlan, unnamed], "ru") == {"votes_1": "1 Нурлан Абенов", "votes_2": "2"}
    table = P.candidates_frame([unnamed, nurlan])
    assert table.rows() == [(1, "votes_1", "Nurlan Abenov", "Нурлан Абенов", "Nurlan Abenov"),
                            (2, "votes_2", "", "", "")]

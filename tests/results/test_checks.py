"""Protocol arithmetic rules on hand-made protocols."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from saylau.results.core.checks import Tolerances, check_protocols, could_change_winner

NAN = float("nan")
# protocol:        0 clean  1 found   2 neg    3 many   4 valid missing
PROTOCOLS = {
    "registered":        [1500, 1500, 1500, 1000, 1500],
    "ballots_received":  [1500, 1500, 1500, 1500, 1500],
    "issued_in_station": [1100, 1220, 1100, 1050, 1100],
    "issued_mobile":     [20, 20, 20, 0, 20],
    "issued_early":      [0, 0, 0, 0, 0],
    "cancelled":         [380, 260, 380, 400, 380],
    "found_stationary":  [1100, 1211, 1100, 1060, 1100],
    "found_mobile":      [20, 20, 20, 0, 20],
    "invalid":           [17, 17, -3, 20, 17],
    "valid":             [1103, 1203, 1123, 1040, NAN],
    "a":                 [600, 700, 600, 540, 600],
    "b":                 [503, 503, 500, 500, 503],
}


def test_each_protocol_fails_exactly_its_rules():
    report = check_protocols(PROTOCOLS, ["a", "b"], ids=[10, 11, 12, 13, 14])
    assert report.codes(0) == ()
    assert report.codes(1) == ("VALID_INVALID",)
    assert report.codes(2) == ("NEGATIVE", "CANDIDATES_VALID")
    assert report.codes(3) == ("FOUND_GT_ISSUED", "ISSUED_GT_REGISTERED",
                               "RECEIVED_BALANCE", "TURNOUT_OVER_100")
    assert report.codes(4) == ()  # valid missing: the rules needing it are not judged
    assert report.failed.tolist() == [False, True, True, True, False]
    assert report.counts()["TURNOUT_OVER_100"] == 1


def test_reasons_state_the_figures():
    report = check_protocols(PROTOCOLS, ["a", "b"], ids=[10, 11, 12, 13, 14])
    assert report.failures(1)[0].reason == (
        "valid (1,203) + invalid (17) = 1,220 but ballots found = 1,231")
    reasons = dict((f.code, f.reason) for f in report.failures(3))
    assert reasons["FOUND_GT_ISSUED"] == (
        "ballots found (1,060) exceed ballots issued (1,050) by 10")
    assert reasons["ISSUED_GT_REGISTERED"].startswith(
        "ballots issued (1,050) exceed registered voters (1,000) by 50")
    assert reasons["RECEIVED_BALANCE"] == (
        "ballots received (1,500) but issued (1,050) + cancelled (400) = 1,450")
    assert reasons["TURNOUT_OVER_100"] == "turnout 105.0 % (1,050 ballots issued, 1,000 registered)"
    neg = dict((f.code, f.reason) for f in report.failures(2))
    assert neg["NEGATIVE"] == "negative value in invalid (-3)"
    assert neg["CANDIDATES_VALID"] == "candidate votes add up to 1,100 but valid = 1,123"
    table = report.to_polars()
    assert table.shape == (7, 3)
    assert table.filter(pl.col("id") == 13)["code"].to_list()[0] == "FOUND_GT_ISSUED"


def test_tolerances():
    loose = Tolerances(absolute=10, registered_absolute=40)
    report = check_protocols(PROTOCOLS, ["a", "b"], tolerances=loose)
    assert report.codes(1) == ("VALID_INVALID",)  # off by 11 > 10
    # found exceeds issued by 10 <= 10; issued exceeds register by 50 <= 10 + 40
    assert report.codes(3) == ("RECEIVED_BALANCE", "TURNOUT_OVER_100")
    relative = check_protocols(PROTOCOLS, ["a", "b"], tolerances=Tolerances(relative=0.01))
    assert relative.codes(1) == ()  # 11 <= 1 % of 1,231
    capped = check_protocols(PROTOCOLS, ["a", "b"], tolerances=Tolerances(max_turnout=1.06))
    assert "TURNOUT_OVER_100" not in capped.codes(3)


def test_found_in_boxes_line_and_polars_input():
    df = pl.DataFrame({"registered": [100, 100], "found_in_boxes": [90, 95],
                       "invalid": [5, 5], "valid": [85, 85], "x": [85, 84]})
    report = check_protocols(df, ["x"])
    assert report.codes(0) == ()
    assert report.codes(1) == ("VALID_INVALID", "CANDIDATES_VALID")
    # no issued lines: turnout is judged on ballots found
    over = check_protocols({"registered": [0, 10], "found_in_boxes": [5, 11]}, [])
    assert over.codes(0) == over.codes(1) == ("TURNOUT_OVER_100",)
    assert over.failures(0)[0].reason == "5 ballots found but no registered voters"


def test_million_protocols_vectorised():
    n = 1_000_000
    rng = np.random.default_rng(0)
    a = rng.integers(0, 500, n)
    b = rng.integers(0, 500, n)
    data = {"a": a, "b": b, "valid": a + b, "invalid": np.full(n, 3),
            "found_in_boxes": a + b + 3, "registered": np.full(n, 1200)}
    data["valid"][[5, 999_999]] += 1
    report = check_protocols(data, ["a", "b"])
    assert np.flatnonzero(report.failed).tolist() == [5, 999_999]


def test_could_change_winner():
    clean = {"a": 1000, "b": 950, "c": 10}
    safe = could_change_winner(clean, 49)
    assert (safe.leader, safe.runner_up, safe.margin, safe.could_change) == ("a", "b", 50, False)
    assert safe.reason == ("a leads b by 50 votes (1,000 to 950); quarantined protocols hold 49 "
                           "votes: margin > quarantined, so they cannot change the winner")
    assert could_change_winner(clean, 50).could_change  # a tie is possible
    per_candidate = could_change_winner(clean, {"a": 30, "b": 25})
    assert per_candidate.quarantined == 55 and per_candidate.could_change
    with pytest.raises(ValueError):
        could_change_winner({"a": 1}, 0)

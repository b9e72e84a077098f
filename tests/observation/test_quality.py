"""Quality checks: declarative rules, deployments, conflicting team reports."""

from __future__ import annotations

import polars as pl

from saylau.observation.core.forms import builtin_forms
from saylau.observation.core.quality import (
    Condition,
    Rule,
    check_conflicts,
    check_deployments,
    run_checks,
    run_rules,
)


def _frame() -> pl.DataFrame:
    return pl.DataFrame({
        "submission_id": ["a", "b", "c", "d", "e", "f"],
        "form": ["voting", "voting", "voting", "voting", "counting", "counting"],
        "station_code": ["1", "1", "2", "3", "1", "1"],
        "team_id": ["T1", "T2", "T1", "T3", "T1", "T2"],
        "assessment": ["very_good", "bad", "very_good", "good", "good", "very_good"],
        "ballot_stuffing": ["yes", "no", "no", "no", None, None],
        "stacks_of_ballots": [None, None, None, None, "no", "no"],
        "pec_members_total": [7, 7, 5, 6, None, None],
        "pec_members_women": [3, 4, 6, None, None, None],
    })


def test_builtin_rules() -> None:
    flags = run_rules(_frame())
    assert [(f.rule_id, f.submission_ids, f.station_code) for f in flags] == [
        ("stuffing_but_very_good", ("a",), "1"), ("women_exceed_members", ("c",), "2")]
    assert flags[0].reason == "Ballot stuffing reported but the voting assessed very good"
    ru = run_rules(_frame(), lang="ru")
    assert ru[1].reason == "Женщин среди членов УИК больше, чем присутствовавших членов УИК"


def test_custom_rule_with_in_and_comparison() -> None:
    rule = Rule("big_and_bad", "voting", (Condition("assessment", "in", ("bad", "very_bad")),
                                          Condition("pec_members_total", "ge", 7)),
                (("en", "Big PEC, bad day"),))
    flags = run_rules(_frame(), [rule], lang="kk")
    assert [(f.submission_ids, f.reason) for f in flags] == [(("b",), "Big PEC, bad day")]


def test_outside_deployment() -> None:
    deployments = pl.DataFrame({"team_id": ["T1", "T1", "T2"], "station_code": ["1", "2", "1"]})
    flags = check_deployments(_frame(), deployments)
    assert [(f.submission_ids, f.station_code) for f in flags] == [(("d",), "3")]
    assert flags[0].reason == "Team T3 reported from 3, outside its deployment"


def test_conflicting_reports() -> None:
    flags = check_conflicts(_frame(), builtin_forms())
    found = sorted((f.rule_id, f.submission_ids) for f in flags)
    # a/b disagree on stuffing and on the assessment's sign; e/f are both positive
    assert found == [("conflict:voting.assessment", ("a", "b")),
                     ("conflict:voting.ballot_stuffing", ("a", "b"))]
    stuffing = next(f for f in flags if f.rule_id.endswith("ballot_stuffing"))
    assert stuffing.reason == "Teams T1 and T2 disagree at 1 on 'ballot_stuffing' (yes / no)"


def test_run_checks_combines_and_needs_team_id() -> None:
    deployments = pl.DataFrame({"team_id": ["T1", "T1", "T2"], "station_code": ["1", "2", "1"]})
    everything = run_checks(_frame(), builtin_forms(), deployments)
    assert len(everything) == 2 + 1 + 2
    without_team = run_checks(_frame().drop("team_id"), builtin_forms(), deployments)
    assert len(without_team) == 2


def test_a_report_without_station_or_dec_is_placed_by_its_region():
    import polars as pl

    from saylau.observation.core.quality import check_deployments

    frame = pl.DataFrame({
        "submission_id": ["a", "b"], "team_id": ["L1", "L1"],
        "station_code": ["", ""], "dec_code": ["", ""], "region_code": ["01", "02"],
    })
    deployments = pl.DataFrame({"team_id": ["L1"], "station_code": ["01"]})
    flags = check_deployments(frame, deployments)
    assert [f.submission_ids for f in flags] == [("b",)]
    assert flags[0].station_code == "02" and "from 02" in flags[0].reason

"""The kz-2011 simulation against SYNOPSIS and its own ground truth."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from saylau.simulate import simulate
from saylau.simulate.core import profile_kz2011 as P


@pytest.fixture(scope="module")
def full():
    return simulate("kz-2011", scale=1.0, seed=7)


def test_structure_matches_synopsis(full):
    assert len(full.regions) == 16
    assert len(full.districts) == 207
    assert len(full.stations) == 9_725
    assert (full.stations["kind"] == "special").sum() == 525
    assert full.stations["registered"].sum() == 9_181_700
    assert full.stations["code"].n_unique() == 9_725
    assert len(full.commissions) == 1 + 16 + 207 + 9_725
    assert full.candidates["number"].to_list() == [1, 2, 3, 4]


def _women(members: pl.DataFrame, tier: str, chairs: bool = False) -> tuple[int, int]:
    m = members.filter((pl.col("tier") == tier) & pl.col("voting"))
    if chairs:
        m = m.filter(pl.col("role") == "chair")
    return int((m["gender"] == "female").sum()), len(m)


def test_commission_composition_matches_synopsis(full):
    m = full.members
    assert _women(m, "CEC") == (2, 7)
    assert _women(m, "TEC", chairs=True) == (3, 16)
    women, total = _women(m, "TEC")
    assert round(100 * women / total, 1) == 30.4
    assert _women(m, "DEC", chairs=True) == (44, 207)
    women, total = _women(m, "DEC")
    assert round(100 * women / total, 1) == 44.5
    women, total = _women(m, "PEC")
    assert round(100 * women / total) == 73
    women, total = _women(m, "PEC", chairs=True)
    assert round(100 * women / total) == 44
    voting = m.filter(pl.col("voting"))
    assert voting.group_by("unit_code", "tier").len()["len"].unique().to_list() == [7]
    shares = voting["ethnicity"].value_counts(normalize=True)
    share = dict(zip(shares["ethnicity"], shares["proportion"], strict=True))
    assert round(100 * share["Kazakh"], 1) == 73.1
    assert round(100 * share["Russian"], 1) == 16.7
    assert round(100 * share["Uzbek"], 1) == 1.0
    assert round(100 * share["Uighur"], 1) == 0.7
    lower = voting.filter(pl.col("tier") != "CEC")
    with_opposition = lower.filter(pl.col("nominating_party").is_in(["SDP", "AZT", "RUH"]))["unit_code"].n_unique()
    assert round(100 * with_opposition / lower.select("tier", "unit_code").n_unique()) == 6
    cec = m.filter(pl.col("tier") == "CEC")["nominating_body"].to_list()
    assert cec.count("President") == 3 and cec.count("Senate") == 2 and cec.count("Mazhilis") == 2


def test_protocols_follow_the_ground_truth(full):
    r = full.results
    diff_counted = (r["counted_votes_1"] - r["honest_votes_1"]).to_numpy()
    assert np.array_equal(diff_counted, r["stuffed"].to_numpy())
    inflated_plus_shifted = (r["official_votes_1"] - r["counted_votes_1"]).to_numpy()
    assert np.array_equal(inflated_plus_shifted, (r["inflated_ballots"] + r["shifted_votes"]).to_numpy())
    clean = ~(r["inflated"] | r["altered_at_dec"] | r["arithmetic_error"]).to_numpy()
    for line in ("issued_in_station", "valid", "invalid", "votes_2"):
        assert np.array_equal(r[f"official_{line}"].to_numpy()[clean], r[f"counted_{line}"].to_numpy()[clean])
    for prefix in ("honest_", "counted_", "official_"):
        assert (r[f"{prefix}valid"] == sum(r[f"{prefix}votes_{i}"] for i in range(1, 5))).all()
    ok = ~r["arithmetic_error"].to_numpy()
    assert np.array_equal((r["official_valid"] + r["official_invalid"]).to_numpy()[ok], r["official_found_in_boxes"].to_numpy()[ok])
    assert not np.array_equal((r["official_valid"] + r["official_invalid"]).to_numpy(), r["official_found_in_boxes"].to_numpy())
    # corrected protocols differ from what was first entered; the others do not
    changed = (r["entered_votes_1"] != r["official_votes_1"]).to_numpy()
    assert np.array_equal(changed, r["corrected"].to_numpy())
    assert (r["correction_decision"] <= r["corrected"]).all()
    # the official result resembles the reported one; the honest one does not
    turnout = lambda p: ((r[f"{p}issued_in_station"] + r[f"{p}issued_mobile"] + r[f"{p}issued_early"]).sum() / r[f"{p}registered"].sum())  # noqa: E731
    assert 0.87 < turnout("official_") < 0.93
    assert turnout("honest_") < turnout("official_") - 0.1


def test_mission_matches_synopsis(full):
    o = full.observers
    assert (o["role"] == "sto").sum() == 350 and (o["role"] == "lto").sum() == 28 and (o["role"] == "core").sum() == 15
    assert o["state"].n_unique() == 43
    assert o["parliamentarian"].sum() == 79
    teams = o.filter(pl.col("team_code") != "").group_by("team_code").len()
    assert teams["len"].unique().to_list() == [2]
    subs = pl.DataFrame([{k: v for k, v in s.items() if k != "answers"} for s in full.submissions])
    voting = subs.filter(pl.col("form") == "voting")
    assert voting["station_code"].n_unique() >= 1_445
    assert (subs["form"] == "counting").sum() == 138
    tab = subs.filter(pl.col("form") == "tabulation")
    assert len(tab) == 115 and tab["dec_code"].n_unique() == 115
    assert subs["uuid"].n_unique() == len(subs)


def test_stations_visited_twice_are_visited_by_two_teams_of_their_region(full):
    """About 1.2 % of voting visits go to a station another team of the same region
    visits too (P.REVISIT_SHARE); every team stays in its region."""
    subs = pl.DataFrame([{k: v for k, v in s.items() if k != "answers"} for s in full.submissions])
    voting = subs.filter(pl.col("form") == "voting")
    region_of_team = dict(zip(full.deployments["team_code"], full.deployments["region_code"], strict=True))
    assert all(region_of_team[t] == r for t, r in zip(voting["team_code"], voting["region_code"], strict=True))
    shared = voting.group_by("station_code").agg(teams=pl.col("team_code").n_unique()).filter(pl.col("teams") > 1)
    revisits = round(P.REVISIT_SHARE * P.VOTING_VISITS)
    assert revisits // 2 <= len(shared) <= revisits
    assert len(voting) - voting["station_code"].n_unique() >= len(shared)


def _answers(sim, form):
    return [s for s in sim.submissions if s["form"] == form]


def test_reports_match_synopsis_counts_and_the_truth(full):
    voting = _answers(full, "voting")
    for item, count in P.VOTING_INCIDENTS.items():
        assert sum(s["answers"][item] == "yes" for s in voting) == count == full.truth["voting"][item]
    assert sum(s["answers"].get("unauthorised_persons_directing") == "yes" for s in voting) == 14
    negative = sum(s["answers"]["assessment"] in ("bad", "very_bad") for s in voting)
    assert round(100 * negative / len(voting)) == 9
    # stuffing is reported only where it happened
    stuffed = set(full.results.filter(pl.col("stuffed") > 0)["station_code"])
    assert all(s["station_code"] in stuffed for s in voting if s["answers"]["ballot_stuffing"] == "yes")
    counting = _answers(full, "counting")
    negative = sum(s["answers"]["assessment"] in ("bad", "very_bad") for s in counting)
    assert negative == round(138 / 6)
    assert sum(s["answers"]["stacks_of_ballots"] == "yes" for s in counting) == 27
    assert sum(s["answers"]["choices_announced"] == "no" for s in counting) == round(138 * 3 / 4)
    tab = _answers(full, "tabulation")
    assert sum(s["answers"]["protocols_completed_at_dec"] for s in tab) == 49
    assert sum(s["answers"]["protocols_corrected_without_decision"] for s in tab) == 29


def test_observer_copies_are_the_counted_protocols(full):
    counted = {r["station_code"]: r for r in full.results.iter_rows(named=True)}
    copies = [s for s in _answers(full, "counting") if "p_valid" in s["answers"]]
    assert len(copies) == 138 - P.COUNTING["protocol_not_posted"]
    assert all(s["answers"]["protocol_posted"] == "yes" for s in copies)
    for s in copies:
        row = counted[s["station_code"]]
        assert s["answers"]["p_valid"] == row["counted_valid"]
        assert [c["votes"] for c in s["answers"]["candidate_votes"]] == [row[f"counted_votes_{i}"] for i in range(1, 5)]


def test_same_seed_same_data_other_seed_other_data():
    a, b, c = (simulate(scale=0.05, seed=s) for s in (1, 1, 2))
    for name in ("stations", "results", "members", "observers", "deployments"):
        assert getattr(a, name).equals(getattr(b, name)), name
    assert a.submissions == b.submissions
    assert not a.results.equals(c.results)


@pytest.mark.parametrize("scale", [0.01, 0.5])
def test_scale(scale):
    sim = simulate(scale=scale, seed=3)
    assert len(sim.regions) == 16
    assert len(sim.stations) == max(round(9_725 * scale), len(sim.districts))
    assert sim.stations["registered"].sum() == round(9_181_700 * scale)
    assert sim.stations["district_code"].n_unique() == len(sim.districts)


def test_unknown_profile_is_refused():
    with pytest.raises(ValueError, match="unknown profile"):
        simulate("xx-1999")


def test_every_simulated_submission_is_valid_for_its_builtin_form():
    from saylau.observation.core.forms import builtin_form
    from saylau.observation.core.validate import validate_answers

    sim = simulate(scale=0.3, seed=11)
    for s in sim.submissions:
        result = validate_answers(builtin_form(s["form"]), s["answers"])
        assert result.ok, (s["form"], result.errors)
        assert not result.dropped, (s["form"], result.dropped)

"""The kz-2011 nomination simulation against the statement's figures (SYNOPSIS §3, §4, §7) and
its ground truth checked line by line against the register, without the signature check's code."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time

import polars as pl
import pytest

from saylau.nomination.core import accreditation as A
from saylau.nomination.core import eligibility as E
from saylau.nomination.core import stats
from saylau.nomination.core.labels import CHECK, STATUS
from saylau.nomination.core.reasons import REASONS
from saylau.nomination.core.simulation import (
    REQUIRED_SIGNATURES,
    proxy_counts,
    simulate_nomination,
    simulate_proxies,
)
from saylau.registry.core.simulation import register_stations, simulate_register
from saylau.simulate.core.profile_kz2011 import CANDIDATES

SCALE, SEED = 0.01, 2011


@pytest.fixture(scope="module")
def register():
    return simulate_register(SCALE, SEED)


@pytest.fixture(scope="module")
def sim(register):
    return simulate_nomination(register, seed=SEED)


@pytest.fixture(scope="module")
def lines(sim, register):
    """Every line with its truth and the register entry of its true voter."""
    stations = register.stations.select(pl.col("code").alias("station"), pl.col("region_code").alias("home"))
    entry = register.current.join(stations, on="station").select(
        "voter_id", pl.col("iin").alias("r_iin"), pl.col("birth_date").alias("r_birth"), "home")
    return (sim.lines.join(sim.truth_lines.select("line_id", "voter_id", "reason"), on="line_id")
            .join(entry, on="voter_id", how="left")
            .with_columns(start=pl.col("nominee").replace_strict({k: v[0] for k, v in sim.windows.items()},
                                                                 return_dtype=pl.Date),
                          end=pl.col("nominee").replace_strict({k: v[1] for k, v in sim.windows.items()},
                                                               return_dtype=pl.Date)))


def test_22_nominees_4_registered_the_profiles_candidates(sim):
    n = sim.nominees
    assert n.height == 22
    reg = n.filter(pl.col("status") == "registered").sort("candidate_number")
    assert reg["name_en"].to_list() == [c[1] for c in CANDIDATES]
    assert reg["name_kk"].to_list() == [c[3] for c in CANDIDATES]
    assert reg["incumbent"].to_list() == [c[7] for c in CANDIDATES]
    assert set(n["status"]) <= set(STATUS)
    assert set(n["nominated_by"]) == {"self", "association", "party"}
    assert n["name_ru"].n_unique() == 22


def test_eligibility_truth_agrees_with_the_rules(sim):
    """The outcomes were built into the facts; the rules, evaluated now, find the same."""
    for code, facts in sim.facts.items():
        got = {c.code: c.outcome for c in E.evaluate(facts, E.KZ_2011, dt.date(2011, 4, 3))}
        truth = dict(sim.checks.filter(pl.col("nominee") == code).select("check", "outcome").iter_rows())
        assert got == truth, code
    failed = sim.checks.filter(pl.col("outcome") == "failed")
    assert failed.group_by("nominee").len()["len"].max() == 1  # one failed check each
    assert set(failed["check"]) <= set(CHECK)
    assert failed.filter(pl.col("check") == "language").height == 4
    assert sim.checks.filter(pl.col("evidence").str.contains("28 errors")).height == 1


def test_status_history_a_chain_of_decisions(sim):
    h = sim.history
    for code, steps in h.group_by("nominee", maintain_order=True):
        steps = steps.sort("decided_on", maintain_order=True)
        assert steps["from_status"][0] == "" and steps["to_status"][0] == "nominated"
        assert steps["from_status"].to_list()[1:] == steps["to_status"].to_list()[:-1]
        final = sim.nominees.filter(pl.col("nominee") == code[0])["status"].item()
        assert steps["to_status"][-1] == final
    assert h["number"].n_unique() == h.height
    assert (h["votes_for"] + h["votes_against"] <= h["members_present"]).all()
    assert (h["published_on"] >= h["decided_on"]).all()
    refused_docs = h.filter((pl.col("from_status") == "nominated") & (pl.col("to_status") == "refused"))
    assert refused_docs.height == 9 and set(refused_docs["ground"]) <= set(CHECK)


def test_signature_sizes_follow_the_scale(sim):
    assert sim.required == round(REQUIRED_SIGNATURES * SCALE) == 910
    t = sim.truth_nominees
    registered = t.filter(pl.col("status") == "registered")
    assert registered.height == 4 and (registered["valid"] >= sim.required).all()
    assert sim.regions_needed == 11  # two thirds of 16
    decided = t.filter(pl.col("decision").is_not_null())
    assert decided.group_by("decision").len().sort("decision").rows() == [
        ("refused_invalid_share", 2), ("refused_spread", 1), ("refused_too_few", 3), ("registered_enough", 4)]
    spread = decided.filter(pl.col("decision") == "refused_spread")
    assert spread["valid"].item() >= sim.required and spread["regions_met"].item() < 11


def test_the_nominees_decisions_from_the_lines(sim):
    """Counted here from the truth of the lines: invalid share, valid total, regions meeting the minimum."""
    lines = sim.lines.join(sim.truth_lines.select("line_id", "reason"), on="line_id")
    for row in sim.truth_nominees.filter(pl.col("decision").is_not_null()).iter_rows(named=True):
        own = lines.filter(pl.col("nominee") == row["nominee"])
        valid = own.filter(pl.col("reason").is_null())
        share = 1 - valid.height / own.height
        regions = (valid.group_by("region_code").len()["len"] >= sim.per_region).sum()
        expected = ("refused_invalid_share" if share > sim.tolerated else "refused_too_few"
                    if valid.height < sim.required else "refused_spread" if regions < 11 else "registered_enough")
        assert row["decision"] == expected, row["nominee"]
        # clear of the thresholds, so that a sample decides as the whole does
        assert abs(share - sim.tolerated) > 0.02


def test_every_reason_present(sim):
    counts = dict(sim.truth_lines.group_by("reason").len().iter_rows())
    assert set(REASONS) <= set(counts) and all(counts[r] >= 3 for r in REASONS)


def test_valid_lines_are_voters_in_region_window_and_of_age(lines, sim, register):
    valid = lines.filter(pl.col("reason").is_null())
    assert valid["voter_id"].null_count() == 0
    assert (valid["iin"] == valid["r_iin"]).all() and (valid["birth_date"] == valid["r_birth"]).all()
    assert (valid["region_code"] == valid["home"]).all()
    assert valid.filter((pl.col("signed_on") < pl.col("start")) | (pl.col("signed_on") > pl.col("end"))).is_empty()
    assert valid.filter(pl.col("birth_date").dt.offset_by("18y") > pl.col("signed_on")).is_empty()
    assert valid.filter(pl.col("iin").is_in(register.deaths["iin"].implode())).is_empty()
    accredited = sim.collectors.filter(pl.col("accredited"))["collector"]
    assert valid["collector"].is_in(accredited.implode()).all()
    for col in ("surname", "given_name", "iin", "birth_date", "address", "signed_on"):
        assert valid[col].null_count() == 0
    # harmless variations: some names differ from the register's, some patronymics are missing
    names = valid.join(register.current.select("voter_id", pl.col("surname").alias("r_s")), on="voter_id")
    assert 0.03 < (names["surname"] != names["r_s"]).mean() < 0.2
    assert valid["patronymic"].null_count() > 0
    # one line a voter per nominee, and for one nominee only
    assert valid["voter_id"].n_unique() == valid.height


def _of(lines, reason):
    return lines.filter(pl.col("reason") == reason)


def test_each_invalid_line_has_its_one_reason(lines, sim, register):
    required = ("surname", "given_name", "iin", "birth_date", "address", "signed_on")
    missing = _of(lines, "missing_field")
    assert (missing.select(pl.sum_horizontal(pl.col(c).is_null() for c in required)).to_series() == 1).all()
    unreadable = _of(lines, "unreadable_field")
    assert unreadable.filter(~pl.col("surname").str.contains(r"\pL") | ~pl.col("given_name").str.contains(r"\pL")
                             ).height == unreadable.height
    outside = _of(lines, "outside_window")
    assert outside.filter((pl.col("signed_on") < pl.col("start")) | (pl.col("signed_on") > pl.col("end"))
                          ).height == outside.height
    accredited = sim.collectors.filter(pl.col("accredited"))["collector"].implode()
    assert (~_of(lines, "collector_not_accredited")["collector"].is_in(accredited)).all()
    assert lines.filter(pl.col("reason") != "collector_not_accredited")["collector"].is_in(accredited).all()
    not_found = _of(lines, "not_found")
    assert not_found["voter_id"].null_count() == not_found.height
    assert not not_found["iin"].is_in(register.current["iin"].implode()).any()
    dead = _of(lines, "deceased").join(register.deaths.select("iin", "date_of_death"), on="iin")
    assert dead.height == _of(lines, "deceased").height and (dead["date_of_death"] < dead["signed_on"]).all()
    young = _of(lines, "under_age")
    assert (young["r_birth"].dt.offset_by("18y") > young["signed_on"]).all()
    assert (young["r_birth"].dt.offset_by("18y") <= dt.date(2011, 4, 3)).all()  # of age by election day
    other = _of(lines, "other_region")
    assert (other["region_code"] != other["home"]).all()
    for reason in ("under_age", "deceased", "duplicate_in_nominee", "signed_for_two", "outside_window",
                   "collector_not_accredited", "unreadable_field"):
        found = _of(lines, reason)
        assert (found["region_code"] == found["home"]).all(), reason
    # outside the reasons' own field, the lines are complete
    others = lines.filter(pl.col("reason").is_not_null() & (pl.col("reason") != "missing_field"))
    assert all(others[c].null_count() == 0 for c in required)


def test_duplicates_and_double_signers_follow_a_valid_earlier_line(lines):
    valid = lines.filter(pl.col("reason").is_null()).select("voter_id", pl.col("nominee").alias("first_nominee"),
                                                            pl.col("signed_on").alias("first_on"),
                                                            pl.col("line_id").alias("first_line"))
    dup = _of(lines, "duplicate_in_nominee").join(valid, on="voter_id")
    assert dup.height == _of(lines, "duplicate_in_nominee").height
    assert (dup["nominee"] == dup["first_nominee"]).all()
    assert (dup["signed_on"] > dup["first_on"]).all() and (dup["line_id"] > dup["first_line"]).all()
    two = _of(lines, "signed_for_two").join(valid, on="voter_id")
    assert two.height == _of(lines, "signed_for_two").height
    assert (two["nominee"] != two["first_nominee"]).all() and (two["signed_on"] > two["first_on"]).all()
    assert (two["first_on"] >= two["start"]).all()  # inside the second nominee's window too


def test_sheets_and_lines_agree(sim):
    assert sim.lines.columns == ["line_id", "nominee", "sheet", "region_code", "collector", "surname", "given_name",
                                 "patronymic", "iin", "birth_date", "address", "signed_on"]
    assert sim.lines["line_id"].n_unique() == sim.lines.height
    per_sheet = sim.lines.group_by("sheet").agg(pl.len(), pl.col("collector").n_unique().alias("c"),
                                                pl.col("region_code").n_unique().alias("r"))
    assert (per_sheet["len"] <= 20).all() and (per_sheet["c"] == 1).all() and (per_sheet["r"] == 1).all()
    assert sim.sheets["lines"].sum() == sim.lines.height


def test_the_commissions_record_mostly_no_reason_and_no_proxy(sim):
    o = sim.official
    struck = o.filter(pl.col("struck"))
    assert struck.height > 0 and struck["reason_recorded"].null_count() / struck.height > 0.8
    s = sim.sessions
    assert s["proxy_present"].mean() < 0.4 and s["proxy_present"].any()
    assert s["struck_without_reason"].sum() == struck["reason_recorded"].null_count()
    assert s["lines"].sum() == sim.lines.height


def test_proxies_match_the_statement_at_this_scale(sim, register):
    total, counts = proxy_counts(SCALE)
    assert (total, counts[0]) == (round(31_916 * SCALE), round(28_902 * SCALE)) == (319, 289)
    registered = sim.nominees.filter(pl.col("status") == "registered")["nominee"].to_list()
    v = A.validate(sim.proxies, candidates=registered, voters=set(register.current["iin"]))
    truth = v.join(sim.truth_accreditations, on="accreditation_id", suffix="_true")
    assert (truth["status"] == truth["status_true"]).all()
    assert truth["refusal"].eq_missing(truth["refusal_true"]).all()
    ok = v.filter(pl.col("status") == "accredited")
    assert ok.height == 319 and ok.filter(pl.col("nominee") == "N01").height == 289
    assert ok.group_by("nominee", "station_code").len()["len"].max() <= 3
    assert set(v.filter(pl.col("status") == "refused")["refusal"]) == {"over_limit", "duplicate", "not_a_voter",
                                                                        "not_a_candidate"}


def test_observers(sim):
    v = A.validate(sim.observers)
    truth = v.join(sim.truth_accreditations, on="accreditation_id", suffix="_true")
    assert truth["refusal"].eq_missing(truth["refusal_true"]).all()
    mission = v.filter((pl.col("kind") == "international_observer") & (pl.col("status") == "accredited"))
    assert mission.height == 15 + 28 + 350 and mission["state"].n_unique() == 43
    assert dict(mission.group_by("role").len().iter_rows()) == {"core": 15, "long_term": 28, "parliamentarian": 79,
                                                                 "short_term": 271}
    domestic = v.filter((pl.col("kind") == "domestic_observer") & (pl.col("status") == "accredited"))
    assert domestic.height == round(20_000 * SCALE)
    assert (domestic["party"] != "").any() and (domestic["organisation"] != "").any()


def test_statement_figures_from_the_frames(sim, register):
    registered = sim.nominees.filter(pl.col("status") == "registered")["nominee"].to_list()
    acc = A.validate(pl.concat([sim.proxies, sim.observers]), candidates=registered,
                     voters=set(register.current["iin"]))
    verdicts = sim.truth_lines.select("line_id", "nominee", valid=pl.col("reason").is_null(), reason="reason")
    f = stats.figures(sim.nominees, verdicts, acc, official=sim.official, sessions=sim.sessions)
    n = f.nominees
    assert (n.nominees, n.registered, n.refused_documents, n.refused_signatures, n.withdrawn) == (22, 4, 9, 6, 3)
    assert n.refused_by_check["language"] == 4
    s = f.signatures
    assert s.lines == sim.lines.height and s.invalid == sim.truth_lines["reason"].is_not_null().sum()
    assert list(s.invalid_by_reason) == list(REASONS) and sum(s.invalid_by_reason.values()) == s.invalid
    assert s.struck == sim.official["struck"].sum() and 0 < s.struck_without_reason <= s.struck
    assert 0 < s.sessions_with_proxy < s.sessions
    a = f.accreditation
    assert (a.proxies, a.incumbent_proxies) == (319, 289)
    assert a.observers_by_kind["international_observer"] == 393 and a.mission_states == 43


def test_same_seed_same_data_other_seed_other_data():
    reg = simulate_register(0.002, 7)
    a, b = simulate_nomination(reg, seed=7), simulate_nomination(reg, seed=7)
    for f in dataclasses.fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, pl.DataFrame):
            assert x.equals(y), f.name
        else:
            assert x == y, f.name
    c = simulate_nomination(reg, seed=8)
    assert not a.lines.equals(c.lines)


def test_fast_at_scale_001(register):
    start = time.perf_counter()
    simulate_nomination(register, seed=5)
    assert time.perf_counter() - start < 6  # about 1.5 s alone on the machine


def test_proxies_at_scale_1_are_the_statements():
    stations = register_stations(1.0, SEED)
    total, counts = proxy_counts(1.0)
    assert (total, counts[0]) == (31_916, 28_902)
    frame, truth = simulate_proxies(stations, ["N01", "N02", "N03", "N04"], counts, scale=1.0, seed=SEED,
                                    not_candidate="N07")
    v = A.validate(frame, candidates=["N01", "N02", "N03", "N04"])
    assert v["refusal"].eq_missing(truth["refusal"]).all()
    ok = v.filter(pl.col("status") == "accredited")
    assert ok.height == 31_916 and ok.filter(pl.col("nominee") == "N01").height == 28_902
    assert ok.group_by("nominee", "station_code").len()["len"].max() == 3
    refused = v.filter(pl.col("status") == "refused")
    assert refused.height > 0 and set(refused["refusal"]) == {"over_limit", "duplicate", "not_a_candidate"}


def test_stats_counted_by_hand():
    nominees = pl.DataFrame({"nominee": ["A", "B", "C", "D", "E"],
                             "status": ["registered", "refused", "refused", "withdrawn", "refused"],
                             "ground": ["registered_enough", "language", "refused_too_few", "withdrawn", "language"],
                             "incumbent": [True, False, False, False, False]})
    verdicts = pl.DataFrame({"line_id": ["1", "2", "3", "4", "5", "6"], "nominee": ["A"] * 4 + ["C"] * 2,
                             "valid": [True, False, False, None, True, False],
                             "reason": [None, "not_found", "deceased", None, None, "not_found"]})
    official = pl.DataFrame({"line_id": ["1", "2", "3", "5", "6"], "struck": [True, True, True, False, True],
                             "reason_recorded": [None, "", "not_found", None, None]})
    sessions = pl.DataFrame({"nominee": ["A", "A", "C"], "proxy_present": [False, True, False]})
    acc = pl.DataFrame({"kind": ["proxy", "proxy", "proxy", "international_observer", "international_observer",
                                 "media"],
                        "status": ["accredited", "accredited", "refused", "accredited", "accredited", "refused"],
                        "refusal": [None, None, "over_limit", None, None, "duplicate"],
                        "nominee": ["A", "C", "A", None, None, None], "role": ["", "", "", "core", "short_term", ""],
                        "state": ["", "", "", "DE", "FR", "KZ"]})
    f = stats.figures(nominees, verdicts, acc, official=official, sessions=sessions)
    assert f.nominees == stats.NomineeStats(5, 1, 2, 1, 1, {"language": 2}, {"refused_too_few": 1})
    s = f.signatures
    # 6 lines, 5 checked, 3 invalid (2 not found, 1 deceased); 4 struck, 3 of them without a reason
    # (null or empty), one of them (line 1) valid; 3 sessions, 1 with the proxy
    assert (s.lines, s.checked, s.invalid) == (6, 5, 3)
    assert s.invalid_by_reason["not_found"] == 2 and s.invalid_by_reason["deceased"] == 1
    assert s.invalid_by_reason["under_age"] == 0
    assert (s.struck, s.struck_without_reason, s.struck_valid, s.sessions, s.sessions_with_proxy) == (4, 3, 1, 3, 1)
    a = f.accreditation
    assert (a.proxies, a.incumbent_proxies, a.proxies_refused) == (2, 1, 1)
    assert a.proxies_by_candidate == {"A": 1, "C": 1} and a.refused_by_reason == {"over_limit": 1}
    assert a.observers_by_kind == {"international_observer": 2} and a.mission_states == 2


def test_signature_plan_at_scale_1_gives_the_registered_enough():
    """At scale 1 (91,010 required) the plan the lines are built from: each registered nominee's valid lines
    at least 1.2 x 91,010 and an even share (5,689) in every region; the spread nominee's in only five."""
    import numpy as np

    from saylau.nomination.core.simulation import plan_signatures

    regions = [f"{k:02d}" for k in range(1, 17)]
    plan = [{"nominee": f"N{k}", "fate": fate} for k, fate in enumerate(
        ["registered"] * 4 + ["too_few", "invalid_share", "spread"])]
    plan_signatures(np.random.default_rng(1), plan, 91_010, regions)
    for p in plan:
        valid = sum(p["valid"].values())
        met = sum(v >= 5_689 for v in p["valid"].values())
        if p["fate"] == "registered":
            assert valid >= 1.2 * 91_010 - 1 and met == 16
            assert p["invalid"] / (valid + p["invalid"]) < 0.03
        elif p["fate"] == "too_few":
            assert valid < 0.81 * 91_010
        elif p["fate"] == "invalid_share":
            assert p["invalid"] / (valid + p["invalid"]) > 0.12
        else:
            assert valid >= 91_010 and met == 5
    assert sum(sum(p["reasons"].values()) == p["invalid"] for p in plan) == len(plan)

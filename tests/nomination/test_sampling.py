"""Verification by sample: the seeded draw, the projection of valid signatures
and its interval (hand-computed, by exhaustive enumeration of every sample of
a small population, and by coverage over 1,000 repeated samples of a
population whose truth is known), the two-stage decision and the spread rule."""

import itertools
import math

import numpy as np
import polars as pl
import pytest

from saylau.nomination.core import sampling
from saylau.nomination.core.reasons import DECISIONS
from saylau.nomination.core.sampling import Plan, SpreadRule


def checked(voters: list[str | None], reasons: list[str | None] | None = None, regions=None) -> pl.DataFrame:
    """Verdicts of sampled lines: a voter id per line; a reason (None: valid)."""
    reasons = reasons or [None] * len(voters)
    data = {"valid": [r is None for r in reasons], "reason": reasons, "voter_id": voters}
    if regions is not None:
        data["region_code"] = regions
    return pl.DataFrame(data, schema_overrides={"reason": pl.String, "voter_id": pl.String})


# --- the draw -------------------------------------------------------------------

def test_draw_is_seeded_disjoint_and_independent_of_input_order():
    ids = [f"L{i:04d}" for i in range(1000)]
    plan = Plan(first=100, tolerated=0.05, second=150, seed=7)
    one, two = sampling.draw(ids, plan, 1), sampling.draw(ids, plan, 2)
    assert len(one) == 100 and len(two) == 150 and not set(one) & set(two)
    assert one == sampling.draw(list(reversed(ids)), plan, 1)  # the same seed, the same sample
    assert one != sampling.draw(ids, Plan(first=100, tolerated=0.05, seed=8), 1)
    assert set(one) <= set(ids) and one == sorted(one)
    # a plan asking for more than there is takes everything
    assert sampling.draw(ids[:10], plan, 1) == sorted(ids[:10])
    with pytest.raises(ValueError, match="unique"):
        sampling.draw(["a", "a"], plan)


def test_draw_is_uniform():
    # every line has the same chance: over 2,000 draws of 5 of 20, each line about 500 times
    ids = [str(i) for i in range(20)]
    counts = dict.fromkeys(ids, 0)
    for seed in range(2000):
        for x in sampling.draw(ids, Plan(first=5, tolerated=0, seed=seed)):
            counts[x] += 1
    assert all(420 < c < 580 for c in counts.values()), counts


# --- the projection -------------------------------------------------------------

def test_inclusion_by_hand():
    assert sampling.inclusion(3, 5, 2) == pytest.approx(3 * 2 / (5 * 4))
    assert sampling.inclusion(5, 10, 4) == pytest.approx(1 / 42)
    assert sampling.inclusion(1, 10, 2) == 0.0


def test_projection_by_hand():
    """N = 10 lines, a sample of n = 5: voters a, b, c valid, a second line of a
    (found: both of a's lines drawn), one line not found.

    good lines a = 4; T1 = 4, T2 = 1 (the pair of a)
    pi1 = 5/10, pi2 = 5*4/(10*9) = 2/9, pi3 = 60/720 = 1/12, pi4 = 120/5040 = 1/42
    V^ = 4 / (1/2) - 1 / (2/9) = 8 - 4.5 = 3.5;  A^ = 8, P^ = 4.5
    Var(a) = 5 (4/5)(1/5)(5/9) = 4/9, times (N/n)^2 = 4: 16/9
    Var(d) = 4.5 (2/9)(7/9) + 4.5 * 3.5 (1/42 - 4/81) = 7/9 - 29/72 = 3/8; / pi2^2: 243/32
    Cov(a, d) = 4.5 [2 (2/9)(1/2) + 6 (1/12 - 1/9)] = 4.5 (2/9 - 1/6) = 1/4; 2 (N/n) Cov / pi2 = 9/2
    Var = 16/9 + 243/32 - 9/2 = 1403/288 = 4.8715
    The interval takes the share in Var(a) as (a + z^2/2) / (n + z^2) = 5.9207 / 8.8415 = 0.66966:
    Var(a) = 5 * 0.66966 * 0.33034 * 5/9 = 0.61449, times 4: 2.4580; Var = 2.4580 + 243/32 - 9/2 = 5.5517
    half = 1.96 * 2.3562 = 4.6181; low = max(3 distinct voters seen, 3.5 - 4.62) = 3;
    high = min(10 - 2 invalid, 8.118) = 8
    """
    c = checked(["a", "b", "c", "a", None], [None, None, None, "duplicate_in_nominee", "not_found"])
    p = sampling.project(10, c)
    assert (p.lines, p.sampled, p.invalid, p.duplicates) == (10, 5, 2, 1)
    assert p.valid == pytest.approx(3.5)
    assert sampling.variance(10, 5, 8, 4.5) == pytest.approx(1403 / 288)
    z = 1.959964
    share = (4 + z * z / 2) / (5 + z * z)
    var = 4 * 5 * share * (1 - share) * 5 / 9 + 243 / 32 - 9 / 2
    assert var == pytest.approx(5.5517, abs=1e-4)
    assert 3.5 + z * math.sqrt(var) > 8  # the interval reaches the 8 lines not proven invalid
    assert p.low == pytest.approx(3.0) and p.high == pytest.approx(8.0)
    assert p.invalid_share == pytest.approx(2 / 5)


def test_a_sample_without_an_invalid_line_still_has_an_interval():
    # 100 of 501 lines, all valid: the plain share (1) would give a variance of 0; the adjusted
    # share (100 + 1.92) / (100 + 3.84) = 0.98150 gives Var(a) = 100 * 0.98150 * 0.01850 * 401/500
    # = 1.4564, times (501/100)^2: 36.556; half = 1.96 * 6.046 = 11.85 -> [489.2, 501]
    p = sampling.project(501, checked([f"V{i}" for i in range(100)]))
    assert p.valid == pytest.approx(501) and p.high == pytest.approx(501)
    assert p.low == pytest.approx(501 - 11.85, abs=0.02)


def test_full_check_is_exact():
    # every line checked: 4 voters (one of them twice, one three times), 2 invalid
    c = checked(["a", "b", "b", "c", "d", "d", "d", None, None],
                [None, None, "duplicate_in_nominee", None, None, "duplicate_in_nominee", "duplicate_in_nominee",
                 "deceased", "other_region"])
    p = sampling.project(9, c)
    assert p.valid == pytest.approx(4) and p.low == p.high == pytest.approx(4)


def _every_sample(population: list[str | None], n: int):
    """V^ of every sample of n lines of the population (None: an invalid line)."""
    out = []
    for idx in itertools.combinations(range(len(population)), n):
        s = [population[i] for i in idx]
        good = [v for v in s if v is not None]
        m = np.unique(good, return_counts=True)[1] if good else np.array([], int)
        dup = int((m - 1).sum())
        out.append(sampling.project_counts(len(population), n, n - len(good) + dup, dup, sampling.tuples(m)).valid)
    return np.array(out)


def test_estimator_is_unbiased_and_its_variance_exact_over_every_sample():
    # 9 lines: voters a and b twice, c, d, e once, two invalid: V = 5 valid voters
    population = ["a", "a", "b", "b", "c", "d", "e", None, None]
    for n in (3, 4, 6):
        v = _every_sample(population, n)
        assert v.mean() == pytest.approx(5.0)
        # the variance formula at the true good lines (7) and pairs (2) equals the spread over all samples
        assert sampling.variance(9, n, 7, 2) == pytest.approx(v.var(), rel=1e-9)
    # a voter of three lines: inclusion-exclusion is still unbiased
    v = _every_sample(["a", "a", "a", "b", "c", None, None], 4)
    assert v.mean() == pytest.approx(3.0)


def test_interval_covers_the_true_count_93_to_97_in_100():
    """1,000 samples of 6,000 of 20,000 lines (30 %), 15 % invalid, 1,500 voters
    with two lines and 50 with three: the number of valid unique signers is known
    (17,000 good lines less 1,500 + 100 second and third lines = 15,400)."""
    rng = np.random.default_rng(2011)
    N, n = 20_000, 6_000
    bad = 3_000
    singles = N - bad - 2 * 1_500 - 3 * 50
    voters = np.concatenate([np.arange(singles), np.repeat(np.arange(singles, singles + 1_500), 2),
                             np.repeat(np.arange(singles + 1_500, singles + 1_550), 3), np.full(bad, -1)])
    truth = singles + 1_550
    assert truth == 15_400
    runs, covered = 1000, 0
    for _ in range(runs):
        s = voters[rng.choice(N, n, replace=False)]
        m = np.bincount(s[s >= 0])
        m = m[m > 0]
        dup = int((m - 1).sum())
        p = sampling.project_counts(N, n, int((s < 0).sum()) + dup, dup, sampling.tuples(m))
        covered += p.low <= truth <= p.high
    assert 0.93 <= covered / runs <= 0.97, covered


def test_project_by_region_by_hand():
    # N = 10, n = 5: R1 has a, a (a pair) and b; R2 has c; one invalid line
    c = checked(["a", "b", "a", "c", None], [None, None, "duplicate_in_nominee", None, "not_found"],
                regions=["R1", "R1", "R1", "R2", "R1"])
    by = sampling.project_by_region(10, c)
    # R1: 3 / (1/2) - 1 / (2/9) = 1.5; R2: 1 / (1/2) = 2
    assert by == pytest.approx({"R1": 1.5, "R2": 2.0})
    assert sum(by.values()) == pytest.approx(sampling.project(10, c).valid)


# --- the spread rule ------------------------------------------------------------

REGIONS = [f"R{i:02d}" for i in range(16)]


def test_kz_2011_rule_by_hand():
    rule = sampling.KZ_2011
    assert rule.required == 91_010 and rule.per_region == 5_689  # 91,010 / 16 = 5,688.1, rounded up
    # 11 of 16 regions (two thirds of 16 is 10.7) with 8,274 each (91,014 in all): met
    eleven = {r: 8_274.0 for r in REGIONS[:11]}
    o = sampling.spread(eleven, rule, REGIONS)
    assert (o.met, o.regions_met, o.regions_needed, o.total_met, o.total) == (True, 11, 11, True, 91_014)
    # ten regions: not met, though the total is there
    ten = {r: 9_101.0 for r in REGIONS[:10]}
    o = sampling.spread(ten, rule, REGIONS)
    assert (o.met, o.regions_met, o.total_met) == (False, 10, True) and o.short == tuple(REGIONS[10:])
    # sixteen regions at 5,688: every region one short of the even share, total 91,008 short as well
    o = sampling.spread(dict.fromkeys(REGIONS, 5_688.0), rule, REGIONS)
    assert (o.met, o.regions_met, o.total_met) == (False, 0, False)


def test_spread_with_a_minimum_per_region():
    # 1 % of each region's voters: R0 needs 100, R1 200, R2 300; two thirds of 3 = 2 regions
    rule = SpreadRule(required=500, regions_share=2 / 3, per_region={"R0": 100, "R1": 200, "R2": 300})
    o = sampling.spread({"R0": 150, "R1": 199, "R2": 300}, rule, ["R0", "R1", "R2"])
    assert (o.met, o.regions_met, o.regions_needed, o.short) == (True, 2, 2, ("R1",))
    o = sampling.spread({"R0": 99, "R1": 199, "R2": 400}, rule, ["R0", "R1", "R2"])
    assert (o.met, o.regions_met) == (False, 1)


# --- the decision ---------------------------------------------------------------

def stage(valid: int, invalid: int, start: int = 0, regions=None) -> pl.DataFrame:
    voters = [f"V{start + i}" for i in range(valid)] + [None] * invalid
    return checked(voters, [None] * valid + ["not_found"] * invalid, regions)


def test_two_stage_rule_by_hand():
    plan = Plan(first=600, tolerated=0.05, second=600)
    # 40 of 600 invalid (6.7 % > 5 %): a second sample
    d = sampling.decide(plan, [stage(560, 40)], total_lines=10_000, required=5_000)
    assert (d.code, d.stage, d.invalid) == ("second_stage", 1, 40) and d.projection is None
    # with it, 10 more of 600 invalid: 50 of 1,200 = 4.2 % <= 5 %; 9,583 projected >= 5,000
    d = sampling.decide(plan, [stage(560, 40), stage(590, 10, start=1000)], total_lines=10_000, required=5_000)
    assert d.code == "registered_enough" and d.invalid_share == pytest.approx(50 / 1200)
    assert d.projection.valid == pytest.approx(10_000 * 1150 / 1200)
    # 40 more: 80 of 1,200 = 6.7 %: refused
    d = sampling.decide(plan, [stage(560, 40), stage(560, 40, start=1000)], total_lines=10_000, required=5_000)
    assert d.code == "refused_invalid_share" and d.stage == 2
    # no second stage in the plan: refused at once
    d = sampling.decide(Plan(first=600, tolerated=0.05), [stage(560, 40)], total_lines=10_000, required=5_000)
    assert d.code == "refused_invalid_share"
    # exactly the tolerated share (30 of 600 = 5 %) does not exceed it
    d = sampling.decide(plan, [stage(570, 30)], total_lines=10_000, required=5_000)
    assert d.code == "registered_enough"
    assert set(DECISIONS) >= {"second_stage", "registered_enough", "refused_invalid_share", "refused_too_few",
                              "refused_spread"}


def test_too_few_and_spread_decisions():
    plan = Plan(first=200, tolerated=0.1)
    # 190 of 200 valid of 1,000 lines: 950 projected
    assert sampling.decide(plan, [stage(190, 10)], total_lines=1_000, required=951).code == "refused_too_few"
    assert sampling.decide(plan, [stage(190, 10)], total_lines=1_000, required=950).code == "registered_enough"
    # the spread: R0 has 120 of the valid sampled lines (600 projected), R1 70 (350); 300 each needed in both
    regions = ["R0"] * 120 + ["R1"] * 70 + ["R0"] * 10
    rule = SpreadRule(required=900, regions_share=1.0, per_region=300)
    d = sampling.decide(plan, [stage(190, 10, regions=regions)], total_lines=1_000, required=900, rule=rule,
                        regions=["R0", "R1"])
    assert d.code == "registered_enough" and d.spread.regions_met == 2
    rule = SpreadRule(required=900, regions_share=1.0, per_region=400)
    d = sampling.decide(plan, [stage(190, 10, regions=regions)], total_lines=1_000, required=900, rule=rule,
                        regions=["R0", "R1"])
    assert d.code == "refused_spread" and d.spread.short == ("R1",)

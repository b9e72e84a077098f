"""Every statistic on tiny arrays whose answers were worked out by hand."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from saylau import forensics as fx
from saylau.forensics._rozenas import _hit_probability
from saylau.forensics._units import _robust_z


def test_integer_percent_boundaries():
    k = [1, 1, 2001, 2003, 1001, 999, 1003, 0]
    n = [3, 4, 4000, 4000, 2000, 2000, 2000, 7]
    # 33.33, 25, 50.025, 50.075, 50.05 (edge, inclusive), 49.95 (edge), 50.15, 0
    assert fx.is_integer_percent(k, n).tolist() == [False, True, True, False, True, True,
                                                    False, True]
    assert fx.is_integer_percent([2003], [4000], tolerance_pp=0.1).tolist() == [True]


def test_integer_hit_probability_by_hand():
    # n=4: every count gives 0, 25, 50, 75 or 100 %
    # n=3, p=1/2: only k=0 and k=3 -> 1/8 + 1/8
    # n=7, p=1/2: only k=0 and k=7 -> 2/128
    # n=200: 100k/200 = k/2 is whole iff k is even; P(even) = (1 + (1-2p)^n) / 2
    # n=30: 100k/30 = 10k/3 is whole iff 3 | k
    q = fx.integer_hit_probability([4, 3, 7, 200, 200], [0.3, 0.5, 0.5, 0.5, 0.3])
    assert q == pytest.approx([1.0, 0.25, 2 / 128, 0.5, (1 + 0.4**200) / 2], abs=1e-9)
    p = 0.4
    by_hand = sum(math.comb(30, k) * p**k * (1 - p) ** (30 - k) for k in range(0, 31, 3))
    assert fx.integer_hit_probability([30], [p])[0] == pytest.approx(by_hand, abs=1e-9)


def test_integer_percentages_tiny():
    # station 1: 100 of 200 (50 %), winner 50 of 100 (50 %): both integer
    # station 2: only 99 registered -> not eligible; station 3: turnout 100 % -> not eligible
    s = fx.stations_from_arrays([200, 99, 100], [100, 50, 100], [100, 50, 100], [0, 0, 0],
                                [[50, 50], [20, 30], [60, 40]])
    r = fx.integer_percentages(s, replicates=400, seed=1)
    assert r.stations == 1 and r.selected.tolist() == [True, False, False]
    assert r.either.observed == 1 and r.turnout.observed == 1 and r.share.observed == 1
    # Binomial(100, 1/2) always gives a whole percentage: "either" is certain under the null
    assert r.station_probability.tolist() == pytest.approx([1.0])
    assert r.either.null_mean == 1.0 and r.either.null_sd == 0.0 and r.either.excess == 0.0
    # turnout: P(K even) = 1/2 for Binomial(200, 1/2); 400 draws -> sd of the mean 0.025
    assert r.turnout.null_mean == pytest.approx(0.5, abs=0.1)


def test_second_digit():
    assert fx.second_digit([9, 10, 19, 254, 1000, 7081, 99999]).tolist() == [-1, 0, 9, 5, 0, 0, 9]


def _toy():
    # registered 20 each; turnout 0.25, 0.5, 0.5, 0.75; winner 1/5, 4/10, 4/10, 12/15
    return fx.stations_from_arrays([20, 20, 20, 20], [5, 10, 10, 15], [5, 10, 10, 15],
                                   [0, 0, 0, 0], [[1, 4], [4, 6], [4, 6], [12, 3]])


def test_basic_statistics_by_hand():
    r = fx.basic_tests(_toy(), replicates=200, seed=3, min_last=1)
    # 2BL: only 12 has two digits -> 2; last digits 1,4,4,2 -> 2.75; none ends in 0/5
    assert r["2BL"].value == pytest.approx(2.0)
    assert r["LastC"].value == pytest.approx(2.75)
    assert r["C05s"].value == pytest.approx(0.0)
    # percentages 20, 40, 40, 80 all end in 0
    assert r["P05s"].value == pytest.approx(1.0)
    # shares .2 .4 .4 .8: deviations -.25 -.05 -.05 .35; m2=.0475 m3=.00675 m4=.00473125
    assert r["Skew"].value == pytest.approx(0.00675 / 0.0475**1.5, rel=1e-9)
    assert r["Skew"].value == pytest.approx(0.652023, abs=1e-6)
    assert r["Kurt"].value == pytest.approx(0.00473125 / 0.00225625 - 3, rel=1e-9)
    # cov(t, v) = .0375, var t = .03125 -> .0375 / sqrt(.03125 * .0475)
    assert r["Corr"].value == pytest.approx(0.973329, abs=1e-6)
    # winner / registered = .05 .2 .2 .6: cov(t, y) = .034375 -> slope 1.1
    assert r["Sobyanin"].value == pytest.approx(1.1)
    # every bootstrap sample has P05s = 1, so the interval [1, 1] excludes 0.2
    assert (r["P05s"].ci_low, r["P05s"].ci_high) == (1.0, 1.0) and r["P05s"].significant
    assert r["Sobyanin"].null_low == 0.0 and r["Sobyanin"].null_high == 1.0


def test_excess_and_logodds_kurtosis():
    assert fx.excess_kurtosis([1, 2, 3, 4, 5]) == pytest.approx(6.8 / 4 - 3)
    e = math.e
    # log-odds -1, 0, 0, 1: m2 = .5, m4 = .5 -> .5/.25 - 3 = -1; 0 and 1 are left out
    k, n = fx.logodds_kurtosis([1 / (1 + e), 0.5, 0.5, e / (1 + e), 0.0, 1.0])
    assert n == 4 and k == pytest.approx(-1.0)


def test_fingerprint_cells():
    s = fx.stations_from_arrays([100, 100, 100], [50, 50, 90], [50, 50, 90], [0, 0, 0],
                                [[25, 25], [25, 25], [70, 20]])
    fp = fx.fingerprint(s, bins=10)
    assert fp.stations[5, 5] == 2 and fp.stations[9, 7] == 1 and fp.stations.sum() == 3
    assert fp.voters[5, 5] == 100 and fp.voters[9, 7] == 90


def test_shpilkin_by_hand():
    # two stations at 50 % turnout with a 50 % winner share, one at 90 % with 70 of 90
    s = fx.stations_from_arrays([100, 100, 100], [50, 50, 90], [50, 50, 90], [0, 0, 0],
                                [[25, 25], [25, 25], [70, 20]], ("w", "o"))
    r = fx.shpilkin(s)
    assert r.peak_turnout == 50.25  # modal 0.5-point bin [50, 50.5)
    assert r.clean_share == pytest.approx(50.0)
    # above the peak the winner should have 20 * .5/.5 = 20, so 50 are excess
    assert r.excess_votes == pytest.approx(50.0)
    assert r.official_share == pytest.approx(100 * 120 / 190)
    assert r.corrected_share == pytest.approx(100 * 70 / 140)
    assert r.corrected_shares["o"] == pytest.approx(50.0)
    assert r.station_excess.tolist() == pytest.approx([0, 0, 50])


def test_rozenas_pieces_by_hand():
    assert fx.coarse_fractions(3) == (Fraction(1, 3), Fraction(1, 2), Fraction(2, 3))
    assert len(fx.coarse_fractions(4)) == 5
    assert fx.at_fraction([1, 2, 3, 5], [2, 3, 4, 10], Fraction(1, 2)).tolist() == [
        True, False, False, True]
    n, v = np.array([4, 4, 3]), np.array([0.5, 0.5, 0.5])
    # bandwidth 0: plain binomial pmf. C(4,2)/16, impossible, C(3,2)/8
    assert _hit_probability(n[:1], v[:1], Fraction(1, 2), 0.0, 8)[0] == pytest.approx(6 / 16)
    assert _hit_probability(n[1:2], v[1:2], Fraction(1, 3), 0.0, 8)[0] == 0.0
    assert _hit_probability(n[2:], v[2:], Fraction(2, 3), 0.0, 8)[0] == pytest.approx(3 / 8)


def test_rozenas_tiny_election():
    # 100 stations, 2 of 4 ballots for the winner: all at 1/2. With a negligible kernel the
    # null lands on 1/4, 1/2, 3/4 with probabilities 4/16, 6/16, 4/16.
    s = fx.stations_from_arrays([10] * 100, [4] * 100, [4] * 100, [0] * 100, [[2, 2]] * 100)
    r = fx.rozenas(s, replicates=2000, bandwidth=1e-9, seed=5)
    assert r.observed == 100
    assert r.by_fraction["1/2"] == (100, pytest.approx(37.5))
    assert r.by_fraction["1/4"][1] == pytest.approx(25.0)
    assert r.by_fraction["1/3"][1] == 0.0
    assert r.null_mean == pytest.approx(87.5, abs=0.3)  # sd 3.3, 2000 replicates
    assert r.null_sd == pytest.approx(math.sqrt(100 * 0.875 * 0.125), rel=0.1)
    assert r.p_value < 0.01


def test_units_and_robust_z():
    z = _robust_z(np.array([1.0, 2, 3, 4, 100]), np.zeros(5, dtype=np.int64))
    # median 3, MAD 1
    assert z == pytest.approx([-2 / 1.4826, -1 / 1.4826, 0, 1 / 1.4826, 97 / 1.4826])
    s = fx.stations_from_arrays([100, 300, 100, 100], [50, 150, 99, 60], [50, 150, 99, 60],
                                [0, 0, 0, 0], [[20, 30], [90, 60], [98, 1], [30, 30]],
                                units={"r": np.array(["a", "a", "b", "b"])})
    rows = {u.unit: u for u in fx.unit_breakdown(
        s, "r", integer_observed=[1, 0, 1, 1], integer_probability=[0.1, 0.2, 0.5, 0.5],
        station_excess=[0, 0, 40, 0])}
    a, b = rows["a"], rows["b"]
    assert (a.stations, a.registered) == (2, 400)
    assert a.turnout == pytest.approx(50.0) and a.share == pytest.approx(100 * 110 / 200)
    assert a.integer_expected == pytest.approx(0.3)
    assert a.integer_z == pytest.approx((1 - 0.3) / math.sqrt(0.09 + 0.16))
    assert b.excess_votes == 40 and b.excess_share_pp == pytest.approx(100 * 40 / 159)
    top = fx.anomalous_stations(s, unit="r", station_excess=[0, 0, 40, 0])
    assert top[0].row == 3 and "turnout and winner share both >= 95%" in top[0].reasons
    assert "excess votes > 25% of ballots" in top[0].reasons


def test_klimek_pieces_by_hand():
    # three stations at 41.25 % (a 0.5-point bin centre) make the mode; below it one
    # station 10 points lower: root mean square deviation sqrt(0.01 / 4) = 0.05
    x = [0.4125, 0.4125, 0.4125, 0.3125, 0.5125, 0.9125]
    tau, s_tau, nu, s_nu = fx.honest_parameters(x, x)
    assert tau == pytest.approx(0.4125) and s_tau == pytest.approx(0.05)
    assert (nu, s_nu) == (tau, s_tau)
    # t=.5 v=.4 x=.5: stuffed .25, stolen x**alpha * .5 * .6
    t2, v2 = fx.simulate_fraud(np.array([0.5]), np.array([0.4]), np.array([0.5]), 0,
                               np.array([1]), 1.0)
    assert (t2[0], v2[0]) == pytest.approx((0.75, 0.6 / 0.75))
    t2, v2 = fx.simulate_fraud(np.array([0.5]), np.array([0.4]), np.array([0.5]), 0,
                               np.array([1]), 2.0)
    assert v2[0] == pytest.approx(0.525 / 0.75)
    t2, v2 = fx.simulate_fraud(np.array([0.5]), np.array([0.4]), 0, np.array([1.0]),
                               np.array([2]), 3.0)
    assert (t2[0], v2[0]) == pytest.approx((1.0, 1.0))  # extreme with x = 1: everything

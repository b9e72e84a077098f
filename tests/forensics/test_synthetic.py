"""Simulation ground truth: manipulated data are flagged, honest data are not
(more often than the nominal 5 %)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from saylau import forensics as fx

ALPHA = 0.05


def test_false_positive_rate_on_honest_data():
    seeds = 100
    rejections: dict[str, int] = {}
    for seed in range(seeds):
        # registers spread over two orders of magnitude, so that the 2BL null holds
        s, _ = fx.simulate_stations(1200, seed=10_000 + seed, log_registered=(6.5, 1.0))
        flags = {
            "integer either": fx.integer_percentages(s, replicates=200, seed=seed)
            .either.p_value <= ALPHA,
            "rozenas share": fx.rozenas(s, replicates=200, seed=seed).p_value <= ALPHA,
            "rozenas turnout": fx.rozenas(s, quantity="turnout", replicates=200,
                                          seed=seed).p_value <= ALPHA,
        }
        for test in fx.basic_tests(s, replicates=200, seed=seed, level=1 - ALPHA).tests:
            flags[test.name] = test.significant
        for name, flagged in flags.items():
            rejections[name] = rejections.get(name, 0) + bool(flagged)
    assert len(rejections) == 12
    for name, count in rejections.items():
        # P(at least this many rejections | true rate 5 %) must not be tiny
        tail = stats.binom.sf(count - 1, seeds, ALPHA)
        assert tail > 0.001, f"{name}: {count} of {seeds} honest elections rejected"


@pytest.fixture(scope="module")
def honest():
    return fx.simulate_stations(6000, seed=1)


def test_ballot_stuffing_is_flagged(honest):
    h, _ = honest
    s, truth = fx.simulate_stations(6000, seed=1, stuffing=0.15)
    basic_h = fx.basic_tests(h, replicates=300, seed=2)
    basic_s = fx.basic_tests(s, replicates=300, seed=2)
    assert not basic_h["Corr"].significant and basic_s["Corr"].significant
    assert basic_s["Corr"].ci_low > 0.3 and basic_s["Skew"].significant
    # Shpilkin's estimate has a positive floor on honest data (it keeps only the positive
    # part of each station's noise); the increase over that floor recovers the stuffing
    gap = fx.shpilkin(s).excess_votes - fx.shpilkin(h).excess_votes
    assert gap == pytest.approx(truth.stuffed_votes, rel=0.35)
    assert fx.fingerprint(s).logodds_kurtosis > fx.fingerprint(h).logodds_kurtosis


def test_rounding_to_integer_percentages_is_flagged(honest):
    h, _ = honest
    s, truth = fx.simulate_stations(6000, seed=1, rounding=0.05)
    assert fx.integer_percentages(h, replicates=300, seed=4).either.p_value > ALPHA
    r = fx.integer_percentages(s, replicates=300, seed=4)
    assert r.either.p_value <= 0.01
    # each rounded station would have been integer anyway with probability about 0.2
    rounded = int(truth.rounded.sum())
    assert 0.4 * rounded < r.either.excess < 1.0 * rounded


def test_coarse_fractions_are_flagged(honest):
    h, _ = honest
    s, truth = fx.simulate_stations(6000, seed=1, coarse=0.03)
    assert fx.rozenas(h, replicates=300, seed=5).p_value > ALPHA
    r = fx.rozenas(s, replicates=300, seed=5)
    assert r.p_value <= 0.01
    assert r.excess == pytest.approx(truth.coarse.sum(), rel=0.25)


def test_klimek_fit_recovers_simulated_parameters():
    # data drawn from the model itself: f_i 0.2, f_e 0.01, alpha 2, theta 0.4
    rng = np.random.default_rng(5)
    n = 20_000
    t = np.clip(rng.normal(0.6, 0.08, n), 0, 1)
    v = np.clip(rng.normal(0.5, 0.08, n), 0, 1)
    u = rng.random(n)
    kind = np.where(u < 0.01, 2, np.where(u > 1 - 0.2, 1, 0))
    x_inc = np.minimum(0.4 * np.abs(rng.standard_normal(n)), 1)
    x_ext = 1 - np.minimum(0.075 * np.abs(rng.standard_normal(n)), 1)
    t2, v2 = fx.simulate_fraud(t, v, x_inc, x_ext, kind, 2.0)
    reg = np.full(n, 1000)
    given = np.rint(t2 * reg).astype(np.int64)
    win = np.rint(v2 * given).astype(np.int64)
    s = fx.stations_from_arrays(reg, given, given, np.zeros(n, np.int64),
                                np.column_stack([win, given - win]))
    fit = fx.fit_klimek(s, repeats=3, seed=1)
    assert fit.f_i == pytest.approx(0.2, abs=0.06)
    assert fit.f_e == pytest.approx(0.01, abs=0.005)
    assert fit.alpha == pytest.approx(2.0, abs=1.0)
    assert len(fit.repeats) == 3 and fit.f_i_sd < 0.05


def test_exact_and_binomial_nulls_agree():
    s, _ = fx.simulate_stations(3000, seed=8, log_registered=(5.5, 1.0))
    a = fx.integer_percentages(s, replicates=600, seed=1, method="exact").either
    b = fx.integer_percentages(s, replicates=600, seed=2, method="binomial").either
    assert a.observed == b.observed
    assert a.null_mean == pytest.approx(b.null_mean, abs=4 * b.null_sd / np.sqrt(600) * 1.5)
    assert a.null_sd == pytest.approx(b.null_sd, rel=0.15)
    ra = fx.rozenas(s, replicates=600, seed=1, method="exact")
    rb = fx.rozenas(s, replicates=600, seed=2, method="binomial")
    assert ra.observed == rb.observed
    assert ra.null_mean == pytest.approx(rb.null_mean, abs=5 * rb.null_sd / np.sqrt(600))


def test_seed_reproducible():
    s, _ = fx.simulate_stations(2000, seed=3)
    a = fx.analyse(s, seed=11, replicates=100, klimek_repeats=1)
    b = fx.analyse(s, seed=11, replicates=100, klimek_repeats=1)
    assert a.to_dict()["integer"] == b.to_dict()["integer"]
    assert a.to_dict()["basic"] == b.to_dict()["basic"]
    assert a.klimek.repeats == b.klimek.repeats

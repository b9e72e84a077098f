"""Estimators against hand-computed cases (arithmetic written out in comments)."""

from __future__ import annotations

import math

import pytest

from saylau.results.core.quickcount.estimators import (
    cluster_ratio,
    compare_with_official,
    naive_binomial_se,
    stratified_ratio,
    z_value,
)

Z95 = 1.959963984540054  # standard normal 97.5 % quantile (tables)


def test_z_value_matches_tables():
    assert z_value(0.95) == pytest.approx(Z95, abs=1e-9)
    assert z_value(0.90) == pytest.approx(1.6448536, abs=1e-6)


def test_cluster_ratio_hand_case():
    # y = 3,5,2,6; x = 10,10,5,15: R = 16/40 = 0.4
    # d = y - 0.4 x = -1, 1, 0, 0; s_d^2 = 2/3; xbar = 10; n = 4
    # V = s^2 / (n xbar^2) = (2/3) / 400 = 1/600
    est = cluster_ratio({"a": [3, 5, 2, 6]}, [10, 10, 5, 15])["a"]
    assert est.estimate == pytest.approx(0.4)
    assert est.se == pytest.approx(math.sqrt(1 / 600))
    assert est.lower == pytest.approx(0.4 - Z95 * math.sqrt(1 / 600))
    assert est.upper == pytest.approx(0.4 + Z95 * math.sqrt(1 / 600))
    # with N = 8 stations the finite population correction halves V
    fpc = cluster_ratio({"a": [3, 5, 2, 6]}, [10, 10, 5, 15], population_size=8)["a"]
    assert fpc.se == pytest.approx(math.sqrt(1 / 1200))


STRATA = [0, 0, 1, 1]
Y = [3, 5, 2, 7]
X = [10, 10, 5, 15]
SIZES = [4, 6]


def test_stratified_combined_hand_case():
    # Yhat = 4*4 + 6*4.5 = 43; Xhat = 4*10 + 6*10 = 100; R = 0.43
    # stratum A: d = -1.3, 0.7 -> s^2 = 2;  B: d = -0.15, 0.55 -> s^2 = 0.245
    # V = [16*(1-2/4)*2/2 + 36*(1-2/6)*0.245/2] / 100^2 = (8 + 2.94) / 1e4
    est = stratified_ratio({"a": Y}, X, STRATA, SIZES)["a"]
    assert est.estimate == pytest.approx(0.43)
    assert est.se == pytest.approx(math.sqrt(10.94e-4))
    assert est.method == "combined"


def test_stratified_separate_hand_case():
    # known X_A = 30, X_B = 70; R_A = 8/20 = 0.4, R_B = 9/20 = 0.45
    # R = 0.3*0.4 + 0.7*0.45 = 0.435
    # A: d = -1, 1 -> s^2 = 2;  B: d = -0.25, 0.25 -> s^2 = 0.125
    # V = [16*0.5*2/2 + 36*(2/3)*0.125/2] / 100^2 = 9.5e-4
    est = stratified_ratio({"a": Y}, X, STRATA, SIZES, method="separate",
                           denominator_totals=[30, 70])["a"]
    assert est.estimate == pytest.approx(0.435)
    assert est.se == pytest.approx(math.sqrt(9.5e-4))


def test_census_stratum_adds_no_variance():
    # stratum B fully observed (N_B = n_B = 2): only A contributes
    # Yhat = 4*4 + 9 = 25, Xhat = 40 + 20 = 60, R = 5/12
    # A: d = y - 5/12*10 -> 3-4.1667, 5-4.1667 -> s^2 = 2; V = 16*0.5*2/2/3600
    est = stratified_ratio({"a": Y}, X, STRATA, [4, 2])["a"]
    assert est.estimate == pytest.approx(25 / 60)
    assert est.se == pytest.approx(math.sqrt(8 / 3600))


def test_one_station_in_a_stratum_is_refused():
    with pytest.raises(ValueError, match="one sampled station"):
        stratified_ratio({"a": [3, 5, 2]}, [10, 10, 5], [0, 0, 1], [4, 6])
    with pytest.raises(ValueError, match="no sampled station"):
        stratified_ratio({"a": [3, 5]}, [10, 10], [0, 0], [4, 6])
    with pytest.raises(ValueError, match="denominator_totals"):
        stratified_ratio({"a": Y}, X, STRATA, SIZES, method="separate")


def test_comparison_with_official():
    est = cluster_ratio({"a": [3, 5, 2, 6]}, [10, 10, 5, 15])["a"]
    se = math.sqrt(1 / 600)
    inside = compare_with_official(est, 0.45)
    assert inside.difference == pytest.approx(0.05)
    assert inside.z == pytest.approx(0.05 / se)
    assert inside.inside  # 0.05 / 0.0408 = 1.22 < 1.96
    outside = compare_with_official(est, 0.30)
    assert outside.z == pytest.approx(-0.10 / se)
    assert not outside.inside


def test_naive_binomial_formula():
    # sqrt(0.4 * 0.6 / 100) = sqrt(0.0024)
    assert naive_binomial_se(0.4, 100) == pytest.approx(0.0489898, abs=1e-7)


def test_zero_denominator_is_refused():
    with pytest.raises(ValueError, match="zero"):
        cluster_ratio({"a": [0, 0]}, [0, 0])
    with pytest.raises(ValueError, match="zero"):
        stratified_ratio({"a": [0, 0]}, [0, 0], [0, 0], [5])

"""Mexico 2012: repeated quick counts against the full official count.

The frame holds all 143,132 stations, so the true national shares are known;
SOURCE.txt publishes them (PRI-PVEM 38.23 %, PRD-PT-MC 31.58 %, PAN 25.40 %
of all votes).
"""

from __future__ import annotations

import numpy as np
import pytest

from saylau.results.core.quickcount.estimators import stratified_ratio
from saylau.results.core.quickcount.frame import draw_sample
from saylau.results.core.quickcount.presets import MEXICO_2012
from saylau.results.core.quickcount.simulate import simulate_coverage

PUBLISHED = {"pri_pvem": 0.3823, "prd_pt_mc": 0.3158, "pan": 0.2540}


@pytest.fixture(scope="module")
def combined(mexico_frame):
    return simulate_coverage(mexico_frame, MEXICO_2012.leading, "total",
                             n=7500, replicates=1000, seed=2012)


def test_frame_matches_published_totals(mexico_frame):
    assert mexico_frame.n_stations == 143_132
    assert mexico_frame.n_strata == 375
    assert mexico_frame.votes["total"].sum() == 50_282_086


def test_coverage_of_95_percent_intervals(combined):
    assert combined.n_stations == 7500 and combined.replicates == 1000
    for name, share in PUBLISHED.items():
        item = combined[name]
        assert item.true_value == pytest.approx(share, abs=5e-5)
        assert 0.93 <= item.coverage <= 0.97, (name, item.coverage)
        # the estimator is unbiased to well within its SE, and the mean SE
        # matches the spread of the estimates over samples
        assert abs(item.mean_estimate - item.true_value) < 0.2 * item.sd_estimate
        assert item.mean_se == pytest.approx(item.sd_estimate, rel=0.1)


def test_naive_binomial_se_is_far_too_small(combined):
    for name in PUBLISHED:
        item = combined[name]
        assert item.mean_naive_se < 0.5 * item.sd_estimate
        assert item.naive_coverage < 0.6, (name, item.naive_coverage)


def test_turnout_separate_ratio_coverage(mexico_frame):
    r = simulate_coverage(mexico_frame, ["total"], "registered", n=7500, replicates=400,
                          seed=7, method="separate")
    item = r["total"]
    assert item.true_value == pytest.approx(50_282_086 / mexico_frame.registered.sum())
    assert 0.91 <= item.coverage <= 0.98


def test_one_sample_end_to_end(mexico_frame, mexico_table):
    s = draw_sample(mexico_frame, n=7500, seed=1)
    votes = {k: mexico_frame.votes[k][s.positions] for k in MEXICO_2012.leading}
    est = stratified_ratio(votes, mexico_frame.votes["total"][s.positions], s.strata,
                           mexico_frame.stratum_sizes)
    for name, share in PUBLISHED.items():
        e = est[name]
        assert abs(e.estimate - share) < 4 * e.se
        assert 0.0005 < e.se < 0.002
    # the sampled ids are real stations of the table
    assert np.isin(s.ids, mexico_table["casilla_id"].to_numpy()).all()

"""Frame, allocation and the seeded stratified sample."""

from __future__ import annotations

import numpy as np
import pytest

from saylau.results.core.quickcount.frame import allocate, build_frame, draw_positions, draw_sample


def test_allocate_proportional_exact():
    assert allocate(np.array([100, 300, 600]), 100).tolist() == [10, 30, 60]


def test_allocate_minimum_two_and_largest_remainder():
    # quotas 0.01, 0.03, 9.96 -> floors raised to 1 (N=1) and 2, then 10 - 3 = 7
    assert allocate(np.array([1, 3, 996]), 10).tolist() == [1, 2, 7]
    # quotas 2.33 each: one extra station goes to the first (stable order)
    assert allocate(np.array([5, 5, 5]), 7).tolist() == [3, 2, 2]
    with pytest.raises(ValueError):
        allocate(np.array([5, 5, 5]), 5)  # below two per stratum


def _frame(shuffle_seed=None):
    ids = np.arange(100, 115)
    strata = np.array(["a"] * 5 + ["b"] * 10)
    reg = np.arange(15) * 10.0
    if shuffle_seed is not None:
        order = np.random.default_rng(shuffle_seed).permutation(15)
        ids, strata, reg = ids[order], strata[order], reg[order]
    return build_frame(ids, strata, reg, {"v": reg / 2})


def test_frame_is_canonical_whatever_the_input_order():
    a, b = _frame(), _frame(shuffle_seed=3)
    assert a.ids.tolist() == b.ids.tolist()
    assert a.stratum_sizes.tolist() == [5, 10]
    assert np.array_equal(a.votes["v"], b.votes["v"])
    with pytest.raises(ValueError, match="unique"):
        build_frame([1, 1], ["a", "a"], [1, 1])


def test_sample_redraws_with_recorded_seed():
    s = draw_sample(_frame(), sizes=[2, 3], seed=12345)
    again = draw_sample(_frame(shuffle_seed=9), sizes=s.sizes, seed=s.seed)
    assert s.ids.tolist() == again.ids.tolist()
    other = [draw_sample(_frame(), sizes=[2, 3], seed=k).ids.tolist() for k in range(20)]
    assert len({tuple(o) for o in other}) > 10
    fresh = draw_sample(_frame(), n=5)
    assert fresh.seed > 0 and fresh.sizes.tolist() == [2, 3]


def test_each_stratum_is_a_simple_random_sample():
    frame = _frame()
    pos = draw_positions(frame, np.array([2, 3]), np.random.default_rng(1), 4000)
    a, b = pos[:, :2], pos[:, 2:]
    assert np.all(a < 5) and np.all(b >= 5)  # right strata, fixed blocks
    assert np.all(a[:, 0] != a[:, 1])
    freq = np.bincount(pos.ravel(), minlength=15) / 4000
    # inclusion probabilities n_h / N_h = 0.4 and 0.3 (binomial SD < 0.008)
    assert np.allclose(freq[:5], 0.4, atol=0.04)
    assert np.allclose(freq[5:], 0.3, atol=0.04)
    # joint inclusion of stations 0 and 1: n(n-1) / (N(N-1)) = 2/20 = 0.1
    both = np.mean(np.any(a == 0, axis=1) & np.any(a == 1, axis=1))
    assert both == pytest.approx(0.1, abs=0.025)

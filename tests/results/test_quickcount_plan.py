"""Sample-size planner: hand cases and a check against repeated sampling."""

from __future__ import annotations

import math

import numpy as np
import pytest

from saylau.results.core.quickcount.frame import build_frame
from saylau.results.core.quickcount.plan import kish_deff, plan_sample_size
from saylau.results.core.quickcount.simulate import simulate_coverage

Z95 = 1.959963984540054


def test_kish_deff_hand_case():
    # sum m^2 / sum m = 100000 / 600 = 166.67; deff = 1 + 165.67 * 0.1
    assert kish_deff(np.array([100, 100, 200, 200]), 0.1) == pytest.approx(17.56667, abs=1e-4)


def test_icc_plan_hand_case():
    frame = build_frame(np.arange(1000), np.repeat([0, 1], 500), np.full(1000, 500.0))
    plan = plan_sample_size(frame, p=0.5, margin=0.01, icc=0.05, turnout=0.6)
    # m = 300 for all: deff = 1 + 299 * 0.05 = 15.95; voters = deff z^2 p q / e^2
    voters = 15.95 * Z95**2 * 0.25 / 0.01**2
    n0 = voters / 300
    assert plan.deff == pytest.approx(15.95)
    assert plan.n0 == pytest.approx(n0)
    assert plan.n_stations == math.ceil(n0 / (1 + n0 / 1000))
    assert plan.sizes.sum() == plan.n_stations


def test_frame_plan_hand_case():
    # y = 1..4, x = 10 each: R = 0.25, d = -1.5, -0.5, 0.5, 1.5, S^2 = 5/3
    frame = build_frame([1, 2, 3, 4], [0] * 4, [20] * 4,
                        {"y": [1, 2, 3, 4], "x": [10, 10, 10, 10]})
    plan = plan_sample_size(frame, p=0.25, margin=0.1, numerator="y", denominator="x",
                            min_per_stratum=1)
    n0 = Z95**2 * (5 / 3) / (100 * 0.01)
    assert plan.n0 == pytest.approx(n0)
    assert plan.n_stations == math.ceil(n0 / (1 + n0 / 4)) == 3


def test_frame_plan_delivers_the_margin_on_mexico(mexico_frame):
    plan = plan_sample_size(mexico_frame, p=0.38, margin=0.003,
                            numerator="pri_pvem", denominator="total")
    sim = simulate_coverage(mexico_frame, ["pri_pvem"], "total", n=plan.n_stations,
                            replicates=300, seed=11)
    item = sim["pri_pvem"]
    # realised half-widths are the planned margin, within sampling noise
    assert Z95 * item.sd_estimate == pytest.approx(0.003, rel=0.15)
    assert Z95 * item.mean_se == pytest.approx(0.003, rel=0.10)

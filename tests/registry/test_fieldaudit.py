"""Field-audit estimates: a hand-computed clustered interval, and coverage
of the 95 % interval over repeated samples of a population whose error rate
is known (simulation ground truth)."""

import numpy as np
import polars as pl
import pytest
from scipy import stats

from saylau.registry.core import fieldaudit


def test_clustered_interval_by_hand():
    # 3 stations: 1 of 4, 0 of 4, 3 of 4 -> p = 4/12 = 1/3
    answers = pl.DataFrame({"station": ["a"] * 4 + ["b"] * 4 + ["c"] * 4,
                            "error": [1, 0, 0, 0] + [0] * 4 + [1, 1, 1, 0]})
    e = fieldaudit.estimate(answers)
    # residuals y - p n: 1 - 4/3 = -1/3, -4/3, 3 - 4/3 = 5/3; squares 1/9 + 16/9 + 25/9 = 42/9
    var = 3 / 2 * (42 / 9) / 144
    half = stats.t.ppf(0.975, 2) * var ** 0.5
    assert e.rate == pytest.approx(1 / 3)
    assert (e.low, e.high) == (pytest.approx(max(0, 1 / 3 - half)), pytest.approx(min(1, 1 / 3 + half)))
    assert half == pytest.approx(0.9486, abs=1e-3)  # t(2) = 4.303, se = 0.2205
    assert e.design_effect == pytest.approx(var / ((1 / 3) * (2 / 3) / 12))


def test_interval_covers_the_true_rate_about_95_in_100():
    rng = np.random.default_rng(1)
    stations = 400
    # errors cluster: each station's own rate, the population's rate known exactly
    rates = rng.beta(1, 30, stations)
    sizes = rng.integers(200, 800, stations)
    errors = rng.binomial(sizes, rates)
    truth = errors.sum() / sizes.sum()
    population = pl.DataFrame({
        "voter_id": [f"{s}-{i}" for s in range(stations) for i in range(sizes[s])],
        "station": [f"S{s:03d}" for s in range(stations) for _ in range(sizes[s])],
        "address": "",
        "error": np.concatenate([np.r_[np.ones(e), np.zeros(n - e)] for e, n in zip(errors, sizes, strict=True)]),
    })
    covered = 0
    runs = 120
    for seed in range(runs):
        sample = fieldaudit.list_to_people_sample(population, clusters=60, per_cluster=15, seed=seed)
        answers = sample.join(population.select("voter_id", "error"), on="voter_id")
        e = fieldaudit.estimate(answers)
        covered += e.low <= truth <= e.high
    assert 0.88 <= covered / runs <= 0.995


def test_same_seed_same_sample():
    reg = pl.DataFrame({"voter_id": [str(i) for i in range(1000)], "station": [str(i % 20) for i in range(1000)],
                        "address": ""})
    a = fieldaudit.list_to_people_sample(reg, clusters=5, per_cluster=4, seed=3)
    assert a.equals(fieldaudit.list_to_people_sample(reg, clusters=5, per_cluster=4, seed=3))
    assert len(a) == 20 and a["station"].n_unique() == 5

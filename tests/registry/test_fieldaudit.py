"""Field-audit estimates: a hand-computed clustered interval, and coverage
of the 95 % interval over repeated samples of a population whose error rate
is known (simulation ground truth)."""

import datetime as dt

import numpy as np
import polars as pl
import pytest
from scipy import stats

from saylau.registry.core import audit, fieldaudit
from saylau.registry.core.simulation import residents, simulate_register


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


def test_estimates_of_each_error_by_hand():
    # 2 stations: a has 1 unknown and 1 deceased of 4, b 1 deceased of 4
    answers = pl.DataFrame({"station": ["a"] * 4 + ["b"] * 4,
                            "outcome": ["unknown_at_address", "deceased", "found", "found",
                                        "deceased", "found", "found", "found"]})
    e = fieldaudit.estimates(answers, fieldaudit.ERRORS)
    assert (e["unknown_at_address"].errors, e["deceased"].errors, e["any"].errors) == (1, 2, 3)
    assert e["any"].rate == pytest.approx(3 / 8) and e["deceased"].rate == pytest.approx(2 / 8)
    # any: residuals 2 - 4*3/8 = 0.5 and 1 - 1.5 = -0.5; var = 2/1 * 0.5 / 64; t(1) = 12.706
    half = stats.t.ppf(0.975, 1) * (2 * 0.5 / 64) ** 0.5
    assert e["any"].high == pytest.approx(min(1, 3 / 8 + half)) and e["any"].low == 0.0


def test_look_up_across_scripts_by_iin_and_elsewhere():
    register = pl.DataFrame({
        "voter_id": ["V1", "V2", "V3"], "iin": ["861206312341", "900101400012", "750505300055"],
        "surname": ["Жақсыбеков", "Иванова", "Сейтқалиев"], "given_name": ["Ерлан", "Анна", "Нұрлан"],
        "patronymic": ["Нұрланұлы", "Петровна", "Асқарұлы"],
        "birth_date": [dt.date(1986, 12, 6), dt.date(1990, 1, 1), dt.date(1975, 5, 5)], "station": ["S1", "S1", "S2"],
    })
    people = pl.DataFrame({
        "station": ["S1", "S1", "S1", "S1"],
        # Latin passport spelling, no IIN; an IIN only; a person listed at another station; someone not listed
        "surname": ["Zhaksybekov", "Петрова", "Сейткалиев", "Омаров"], "given_name": ["Yerlan", "Анна", "Нурлан", "Ерлан"],
        "patronymic": [None, None, "Аскарович", None],
        "birth_date": [dt.date(1986, 12, 6), dt.date(1991, 1, 1), dt.date(1975, 5, 5), dt.date(1986, 12, 6)],
        "iin": [None, "900101400012", None, None],
    })
    out = fieldaudit.look_up(people, register)
    assert out["outcome"].to_list() == ["listed_here", "listed_here", "listed_elsewhere", "not_listed"]


def test_people_to_list_sample_is_seeded_and_clustered():
    reg = pl.DataFrame({"voter_id": [str(i) for i in range(1000)], "station": [f"S{i % 20:02d}" for i in range(1000)],
                        "address": [f"street {i % 97}" for i in range(1000)]})
    a = fieldaudit.people_to_list_sample(reg, clusters=5, per_cluster=4, seed=3)
    assert a.equals(fieldaudit.people_to_list_sample(reg, clusters=5, per_cluster=4, seed=3))
    assert len(a) == 20 and a["station"].n_unique() == 5
    assert a.group_by("station").agg(pl.col("start_address").n_unique())["start_address"].to_list() == [1] * 5


def test_field_audits_on_the_simulation_cover_the_truth():
    """Both audits on the simulated register: the intervals of the estimates cover the
    simulation's true rates in about 95 of 100 repeated samples (coverage over 40
    seeds), and the hand-made pipeline finds the unlisted through the name keys."""
    sim = simulate_register(0.005, seed=2011)
    people = residents(sim)
    t = sim.truth
    errors = set(t["deceased"]) | set(t["fictitious"]) | set(t["moved_duplicates"])
    truth_l2p = sim.current["voter_id"].is_in(list(errors)).mean()
    truth_p2l = float((~people["listed"]).mean())
    assert 0.02 < truth_p2l < 0.05 and 0.003 < truth_l2p < 0.02
    covered_l2p = covered_p2l = 0
    runs = 40
    for seed in range(runs):
        l2p = fieldaudit.answers_from_truth(
            fieldaudit.list_to_people_sample(sim.current, clusters=60, per_cluster=15, seed=seed),
            deceased=set(t["deceased"]), fictitious=set(t["fictitious"]), moved=set(t["moved_duplicates"]))
        met = fieldaudit.people_met(fieldaudit.people_to_list_sample(sim.current, clusters=60, per_cluster=15,
                                                                     seed=seed), people, seed=seed)
        found = audit.field_findings(l2p.select("station", "voter_id", "outcome"), met, sim.current)
        f = {x.key: x for x in found}
        covered_l2p += f["field_l2p_any"].low <= truth_l2p <= f["field_l2p_any"].high
        covered_p2l += f["field_p2l_not_listed"].low <= truth_p2l <= f["field_p2l_not_listed"].high
        # the look-up agrees with the truth: every person met who is listed is found on the list
        listed = met.join(people.select("station", "iin", "listed"), on=["station", "iin"], how="left")
        assert f["field_p2l_not_listed"].numerator >= int((listed["listed"] == False).sum())  # noqa: E712
    assert 0.85 <= covered_l2p / runs <= 1.0, covered_l2p
    assert 0.85 <= covered_p2l / runs <= 1.0, covered_p2l

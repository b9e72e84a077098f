"""The simulated register against its own promises (sizes from SYNOPSIS §2, ground truth coherent)."""

import polars as pl
import pytest

from saylau.registry.core import iin, names
from saylau.registry.core.simulation import (
    REGISTERED,
    REGISTERED_BEFORE,
    passport_latin,
    simulate_register,
)


@pytest.fixture(scope="module")
def sim():
    return simulate_register(0.005, seed=7)


def test_sizes_are_synopsis_figures_scaled(sim):
    assert len(sim.current) == round(REGISTERED * 0.005)
    assert len(sim.previous) == round(REGISTERED_BEFORE * 0.005)
    assert sim.current["voter_id"].n_unique() == len(sim.current)


def test_same_seed_same_register():
    a = simulate_register(0.001, seed=3).current
    b = simulate_register(0.001, seed=3).current
    assert a.equals(b)


def test_iins_are_valid_and_agree_with_birth_dates_but_for_the_injected(sim):
    cur = sim.current
    valid = iin.valid_array(cur["iin"])
    truth = sim.truth["pairs"]
    typo_ids = set(truth.filter(pl.col("variant").is_in(["typo", "dob"]))["id_r"]) | set(
        truth.filter(pl.col("variant").is_in(["typo", "dob"]))["id_l"])
    # every invalid number belongs to an injected duplicate
    bad = set(cur.filter(~pl.Series(valid))["voter_id"])
    dup_ids = set(truth["id_l"]) | set(truth["id_r"])
    assert bad <= dup_ids
    assert valid.mean() > 0.995
    del typo_ids


def test_each_true_pair_is_one_person(sim):
    cur = sim.current.select("voter_id", "iin", "birth_date", "surname", "given_name")
    pairs = sim.truth["pairs"].join(cur, left_on="id_l", right_on="voter_id").join(
        cur, left_on="id_r", right_on="voter_id", suffix="_r")
    # special-station voters on their home lists are exact copies with the same IIN
    home = pairs.filter(pl.col("kind") == "special_home")
    assert len(home) == len(sim.truth["special_on_home"]) > 0
    assert (home["iin"] == home["iin_r"]).all()
    # a swapped duplicate has the names crossed
    swap = pairs.filter(pl.col("variant") == "swap")
    assert (swap["surname"] == swap["given_name_r"]).all() or (swap["given_name"] == swap["surname_r"]).all()


def test_transliterated_duplicates_share_the_key():
    assert names.surname_key(passport_latin("Жақсыбекова")) == names.surname_key("Жақсыбекова")
    assert names.given_key(passport_latin("Ерлан")) == names.given_key("Ерлан")
    assert passport_latin("Жақсыбеков") == "Zhaksybekov"


def test_inflated_districts_grew_faster(sim):
    st = sim.stations.select(pl.col("code").alias("station"), "district_code")
    cur = sim.current.join(st, on="station").group_by("district_code").len("now")
    prev = sim.previous.join(st, on="station").group_by("district_code").len("before")
    growth = cur.join(prev, on="district_code").with_columns(g=pl.col("now") / pl.col("before") - 1)
    inflated = growth.filter(pl.col("district_code").is_in(sim.truth["inflated_districts"]))["g"]
    others = growth.filter(~pl.col("district_code").is_in(sim.truth["inflated_districts"]))["g"]
    assert inflated.min() > others.median() + 0.03


def test_deceased_are_on_the_deaths_list(sim):
    dead = sim.current.filter(pl.col("voter_id").is_in(sim.truth["deceased"]))
    assert set(dead["iin"]) <= set(sim.deaths["iin"])
    assert len(dead) == len(sim.truth["deceased"]) > 0


def test_name_lists_are_a_register_s_size_and_women_s_forms_follow_the_ending():
    import numpy as np

    from saylau.registry.core import namelists as L
    from saylau.registry.core.simulation import _kz_surnames, _patronymic, _ru_female

    for pool in (L.KZ_MALE, L.KZ_FEMALE, L.RU_MALE, L.RU_FEMALE, L.RU_SURNAMES, L.KZ_STEMS):
        assert len(set(pool)) == len(pool)
    assert len(L.KZ_MALE) >= 300 and len(L.RU_SURNAMES) >= 500 and len(_kz_surnames()[0]) >= 1000
    assert [_ru_female(s) for s in ("Иванов", "Ильин", "Островский", "Шевченко", "Ким", "Шмидт")] == [
        "Иванова", "Ильина", "Островская", "Шевченко", "Ким", "Шмидт"]
    fathers = np.array(["Ерғали", "Сергей", "Нұрлан", "Илья"], object)
    assert _patronymic(fathers, np.array([True, True, False, False]), np.zeros(4, bool)).tolist() == [
        "Ерғалиевич", "Сергеевич", "Нұрлановна", "Ильинична"]

"""The whole name's frequency in place of its parts' frequencies multiplied (registry.core.namefreq)."""

import math

import polars as pl
import pytest

from saylau.registry.core import namefreq


def _records():
    # 8 records: surname 'ivanov' 4 times, given 'sergei' 4 times, patronymic 'petr' 4 times;
    # the three together 3 times (the parts go together), 'ivanov sergei' 3 times
    rows = [("1", "ivanov", "sergei", "petr"), ("2", "ivanov", "sergei", "petr"), ("3", "ivanov", "sergei", "petr"),
            ("4", "ivanov", "aidar", "nurlan"), ("5", "akhmetov", "sergei", "nurlan"), ("6", "akhmetov", "aidar", "petr"),
            ("7", "akhmetov", "aidar", "nurlan"), ("8", "akhmetov", "aidar", None)]
    return pl.DataFrame(rows, schema=["uid", "surname_key", "given_key", "patronymic_key"], orient="row")


def test_adjustment_by_hand():
    pairs = pl.DataFrame({"uid_l": ["1", "1", "4", "7"], "uid_r": ["2", "4", "5", "8"],
                          "match_weight": [0.0, 1.0, 2.0, 3.0], "match_probability": [0.5, 2 / 3, 0.8, 8 / 9]})
    out = namefreq.adjust(pairs, _records()).sort("uid_l", "uid_r")
    by = {(a, b): w for a, b, w in out.select("uid_l", "uid_r", "mw_name_frequency").rows()}
    # 1-2: all three agree; parts 4/8 * 4/8 * 4/7, the whole name 3/7 (records with all three)
    assert by[("1", "2")] == pytest.approx(math.log2(0.5 * 0.5 * 4 / 7) - math.log2(3 / 7))
    # 1-4: the surname alone agrees: unchanged
    assert by[("1", "4")] == 0.0
    # 4-5: the patronymic alone agrees ('nurlan'): unchanged
    assert by[("4", "5")] == 0.0
    # 7-8: surname and given name agree (the patronymic is missing on one): parts 4/8 * 4/8, together 3/8
    assert by[("7", "8")] == pytest.approx(math.log2(0.25) - math.log2(3 / 8))
    row = out.filter(pl.col("uid_l") == "1", pl.col("uid_r") == "2").row(0, named=True)
    assert row["match_weight"] == pytest.approx(by[("1", "2")])
    assert row["match_probability"] == pytest.approx(2 ** row["match_weight"] / (1 + 2 ** row["match_weight"]))


def test_weight_of():
    assert namefreq.weight_of(0.5) == 0.0 and namefreq.weight_of(0.8) == pytest.approx(2.0)

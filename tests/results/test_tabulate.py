"""Tabulation up the tree, tier comparisons and observer copies, by hand."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from saylau.results.core.tabulate import (
    build_tree,
    compare_copies,
    compare_with_children,
    sum_up,
    to_mapping,
)

NAN = float("nan")
#          nation regions  districts  stations
IDS = [1, 10, 20, 100, 200, 1001, 1002, 2001]
PARENTS = [-1, 1, 1, 10, 20, 100, 100, 200]


def test_tree_shape():
    tree = build_tree(IDS, PARENTS)
    assert tree.depth.tolist() == [0, 1, 1, 2, 2, 3, 3, 3]
    assert tree.is_leaf.tolist() == [False] * 5 + [True] * 3
    assert tree.parent.tolist() == [-1, 0, 0, 1, 2, 3, 3, 4]
    with pytest.raises(ValueError, match="unknown parent"):
        build_tree([1, 2], [-1, 7])
    with pytest.raises(ValueError, match="cycle"):
        build_tree([1, 2, 3], [-1, 3, 2])
    strings = build_tree(["kz", "ala", "s1"], [None, "kz", "ala"])
    assert strings.depth.tolist() == [0, 1, 2]


def test_sum_up_hand_case():
    tree = build_tree(IDS, PARENTS)
    lines = {"a": [0, 0, 0, 0, 0, 10, 7, 20], "b": [0, 0, 0, 0, 0, 5, 3, NAN]}
    totals, missing = sum_up(tree, lines)
    assert totals["a"].tolist() == [37, 17, 20, 17, 20, 10, 7, 20]
    assert totals["b"].tolist() == [8, 8, 0, 8, 0, 5, 3, 0]
    assert missing.tolist() == [1, 0, 1, 0, 1, 0, 0, 1]
    assert to_mapping(totals, tree, 1) == {"a": 37.0, "b": 8.0}


def test_tiers_against_their_children():
    tree = build_tree(IDS, PARENTS)
    official = {
        "a": [37, 17, NAN, 17, 20, 10, 7, 20],
        "b": [10, 9, NAN, 9, 1, 5, 3, 1],
    }
    d = compare_with_children(tree, official)
    rows = set(zip(d.unit.tolist(), d.line.tolist(), d.official.tolist(),
                   d.expected.tolist(), d.difference.tolist(), d.missing.tolist(), strict=True))
    assert rows == {
        (100, "b", 9.0, 8.0, 1.0, 0),   # district b: 9 but stations give 5 + 3
        (1, "a", 37.0, 17.0, 20.0, 1),  # nation: region 20 has no protocol
        (1, "b", 10.0, 9.0, 1.0, 1),
    }
    assert d.unmatched.tolist() == [20]
    assert d.to_polars().shape == (3, 6)
    tolerant = compare_with_children(tree, official, tolerance=1)
    assert len(tolerant) == 1


def test_observer_copies():
    d = compare_copies([1001, 1002, 2001], {"a": [10, 7, 20], "b": [5, 3, 1]},
                       [1002, 1001, 3001], pl.DataFrame({"a": [8, 10, 4], "b": [3, 5, 0]}))
    assert list(zip(d.unit.tolist(), d.line.tolist(), d.official.tolist(),
                    d.expected.tolist(), d.difference.tolist(), strict=True)) == [
        (1002, "a", 7.0, 8.0, -1.0)]
    assert sorted(d.unmatched.tolist()) == [2001, 3001]


def test_million_stations_against_polars_group_by():
    rng = np.random.default_rng(3)
    n, districts, regions = 1_000_000, 1000, 10
    district_of = rng.integers(0, districts, n)
    ids = np.concatenate([[0], np.arange(1, regions + 1), np.arange(100, 100 + districts),
                          np.arange(10_000, 10_000 + n)])
    parents = np.concatenate([[-1], np.zeros(regions, int), 1 + np.arange(districts) % regions,
                              100 + district_of])
    votes = np.concatenate([np.zeros(1 + regions + districts), rng.integers(0, 800, n)])
    totals, _ = sum_up(build_tree(ids, parents), {"v": votes})
    df = pl.DataFrame({"d": district_of, "v": votes[1 + regions + districts:]})
    by = df.group_by("d").agg(pl.col("v").sum()).sort("d")
    got = totals["v"][1 + regions: 1 + regions + districts]
    assert np.array_equal(got[by["d"].to_numpy()], by["v"].to_numpy())
    assert totals["v"][0] == votes.sum()

"""The portal's figures against hand-computed cases."""

from __future__ import annotations

import polars as pl
import pytest

from saylau.results.core.published import by_region, differing, overview


def _stations():
    return pl.DataFrame({
        "station_code": ["1", "2", "3"], "region_code": ["A", "A", "B"],
        "registered": [100, 200, 50], "ballots_received": [100, 200, 50],
        "issued_in_station": [60, 150, 40], "issued_mobile": [0, 10, None], "issued_early": [0, 0, 0],
        "cancelled": [40, 40, 10], "found_in_boxes": [60, 160, 40], "invalid": [2, 0, 0], "valid": [58, 160, 40],
        "votes_1": [30, 100, 10], "votes_2": [28, 60, 30],
    })


def test_overview_by_hand():
    got = overview(_stations())
    # registered 350; issued 60 + 160 + 40 = 260; valid 258; votes 140 and 118
    assert (got["stations"], got["registered"], got["issued"], got["valid"], got["invalid"]) == (3, 350, 260, 258, 2)
    assert got["turnout"] == pytest.approx(260 / 350)
    assert [(c["number"], c["votes"]) for c in got["candidates"]] == [(1, 140), (2, 118)]
    assert got["candidates"][0]["share"] == pytest.approx(140 / 258)


def test_regions_by_hand():
    regions = by_region(_stations()).rows_by_key("region_code", named=True, unique=True)
    assert regions["A"]["issued"] == 220 and regions["A"]["turnout"] == pytest.approx(220 / 300)
    assert regions["A"]["share_1"] == pytest.approx(130 / 218)
    assert regions["B"]["share_2"] == pytest.approx(30 / 40)


def test_differing_names_the_lines():
    pec = pl.DataFrame({"unit_id": [1, 2, 3], "valid": [10, 20, 30], "invalid": [0, 1, None], "votes_1": [5, 5, 5]})
    entered = pl.DataFrame({"unit_id": [1, 2, 4], "valid": [10, 25, 1], "invalid": [0, 1, 0], "votes_1": [5, 6, 1]})
    got = differing(pec, entered).sort("unit_id")
    assert got["unit_id"].to_list() == [2]
    assert sorted(got["lines"][0]) == ["valid", "votes_1"]
    assert differing(pec, entered.filter(pl.col("unit_id") == 1)).is_empty()

"""The register checks against the simulation's ground truth and hand-made records."""

import datetime as dt

import polars as pl
import pytest

from saylau.registry.core import checks
from saylau.registry.core.simulation import ELECTION_DAY, simulate_register


@pytest.fixture(scope="module")
def sim():
    return simulate_register(0.01, seed=2011)


def test_growth_outliers_equal_the_truth(sim):
    g = checks.growth(sim.previous, sim.current, sim.stations)
    assert sorted(g.filter("outlier")["district_code"].to_list()) == sim.truth["inflated_districts"]
    # ranked: the outliers come first
    assert g.head(len(sim.truth["inflated_districts"]))["outlier"].all()


def test_special_station_double_listings_equal_the_truth(sim):
    found = checks.special_on_home(sim.current, sim.stations)
    assert sorted(found["voter_id"].to_list()) == sim.truth["special_on_home"]


def test_deceased_equal_the_truth(sim):
    assert sorted(checks.deceased(sim.current, sim.deaths)["voter_id"].to_list()) == sim.truth["deceased"]


def test_crowded_addresses_found(sim):
    crowded = checks.crowded_addresses(sim.current, sim.stations)
    assert {(s, a) for s, a in sim.truth["crowded"]} <= set(crowded.select("station", "address").iter_rows())


def test_implausible_by_hand():
    stations = pl.DataFrame({"code": ["1"], "district_code": ["D"], "region_code": ["R"], "kind": ["regular"]})
    reg = pl.DataFrame({
        "voter_id": ["old", "young", "bad", "date", "sex", "ok"],
        "iin": ["000101300008", "930404300001", "861206312342", "861206312341", "861206312341", "861206312341"],
        "sex": ["M", "M", "M", "M", "F", "M"],
        "birth_date": [dt.date(1900, 1, 1), dt.date(1993, 4, 4), dt.date(1986, 12, 6), dt.date(1986, 12, 7),
                       dt.date(1986, 12, 6), dt.date(1986, 12, 6)],
        "station": ["1"] * 6, "address": [f"a{i}" for i in range(6)],
    })
    flags = checks.implausible(reg, stations, ELECTION_DAY)
    got = set(flags.select("voter_id", "reason").iter_rows())
    # 1900-01-01 is 111 on 3 April 2011; 1993-04-04 turns 18 the day after election day
    assert ("old", "over_110") in got and ("young", "under_18") in got
    assert ("bad", "iin_check_digit") in got
    assert ("date", "iin_birth_date") in got and ("sex", "iin_sex") in got
    assert not any(v == "ok" for v, _ in got)

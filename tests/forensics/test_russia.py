"""Published figures on the Russian CEC files (Duma 2011, president 2012)."""

from __future__ import annotations

import json

import pytest

from saylau import forensics as fx


def _percent(numerator, denominator):
    return 100 * numerator / denominator


def test_official_totals_2012(ru2012):
    t = ru2012.totals
    # SOURCE.txt checks, then the CEC figures: turnout 65.34 %, Putin 63.60 %
    assert t["registered"] == 109_860_331 and t[f"votes:{ru2012.winner}"] == 45_602_075
    assert round(_percent(t["given"], t["registered"]), 2) == 65.34
    assert round(_percent(t[f"votes:{ru2012.winner}"], t["received"]), 2) == 63.60


def test_official_totals_2011(ru2011):
    t = ru2011.totals
    assert t["registered"] == 109_229_337 and t[f"votes:{ru2011.winner}"] == 32_371_737
    assert round(_percent(t["given"], t["registered"]), 2) == 60.21
    # The file's stations give 49.311 %; the CEC's 49.32 % comes from its national protocol,
    # whose counts differ slightly from the sum of the stations in this file.
    share = _percent(t[f"votes:{ru2011.winner}"], t["received"])
    assert round(share, 2) == 49.31 and abs(share - 49.32) < 0.015


@pytest.mark.parametrize("year, published", [(2011, 1003.5), (2012, 1159.6)])
def test_integer_percentage_excess(year, published, ru2011, ru2012):
    stations = ru2011 if year == 2011 else ru2012
    r = fx.integer_percentages(stations, replicates=1000, seed=year)
    e = r.either
    # Kobak, Shpilkin and Pshenichnikov (2016): excess 1,003.5 (2011) and 1,159.6 (2012)
    assert abs(e.excess - published) < 2 * e.null_sd
    assert e.p_value < 0.01 and 80 < e.null_sd < 150


def test_shpilkin_2012(ru2012):
    r = fx.shpilkin(ru2012)
    assert 59.0 <= r.peak_turnout <= 61.0
    # Putin's share among the clean stations (turnout at or below the peak)
    assert 57.0 <= r.clean_share <= 58.0
    # removing the excess above the peak lowers the national share below the clean share
    assert r.corrected_share < r.clean_share < r.official_share
    assert 10e6 < r.excess_votes < 15e6


def test_basic_tests_flag_2012(ru2012):
    r = fx.basic_tests(ru2012, replicates=200, seed=1)
    # turnout and the winner's share move together, far outside the null
    assert r["Corr"].significant and r["Corr"].ci_low > 0.5
    assert r["Sobyanin"].significant and r["Sobyanin"].ci_low > 1.0


def test_klimek_fit_on_russia(ru2011, ru2012):
    # Honest simulated elections fit f_i of about 0.05-0.12 and f_e of 0 (see
    # test_synthetic); both Russian elections fit far more fraud, and extreme fraud.
    # Mebane/Kalinin's published fits (mebane-kalinin-klimek-params.tsv) are lower:
    # 2011 f_i 0.121, f_e 0.0032; 2012 f_i 0.084, f_e 0.0020 (their honest peak is
    # placed higher; see docs/forensics.md).
    for stations in (ru2011, ru2012):
        fit = fx.fit_klimek(stations, repeats=2, seed=7)
        assert fit.f_i >= 0.2
        assert 0.005 <= fit.f_e <= 0.04
        assert 1.0 <= fit.alpha <= 5.0


def test_fingerprint_kurtosis(ru2011, ru2012):
    # Klimek et al. report a large log-odds kurtosis for Russia; honest elections sit near 0
    for stations in (ru2011, ru2012):
        assert fx.fingerprint(stations).logodds_kurtosis > 2.0


def test_command_on_2012_subset(tmp_path, ru2012):
    import numpy as np

    from saylau.cli import main

    # a few regions through the command line, with the preset and a mapping override
    src = tmp_path / "sub.csv"
    import polars as pl

    from .conftest import RU

    frame = fx.read_table(RU / "2012.csv.zip")
    regions = frame["region"].unique().sort()[:3].to_list()
    frame.filter(pl.col("region").is_in(regions)).write_csv(src)
    out = tmp_path / "out"
    code = main(["forensics", str(src), "--preset", "ru-kobak-2012", "--units", "region",
                 "--replicates", "200", "--klimek-repeats", "2", "--seed", "3",
                 "--out", str(out)])
    assert code == 0
    data = json.loads((out / "forensics.json").read_text())
    assert data["integer"]["replicates"] == 200 and set(data["units"]) == {"region"}
    assert len(data["units"]["region"]) == 3
    html = (out / "forensics.html").read_text()
    assert html.count("data:image/png;base64,") >= 2 and "<script" not in html
    assert np.isfinite(data["shpilkin"]["peak_turnout"])

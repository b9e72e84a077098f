"""Stations at 100 %, the complete anomaly list, and column mapping without friction."""

from __future__ import annotations

import json

import numpy as np
import polars as pl
import pytest

from saylau import cli
from saylau import forensics as fx

from .conftest import RU

# Station 1 ordinary; 2 turnout exactly 100 %; 3 more issued than registered;
# 4 one candidate with every ballot (valid and invalid: 0 invalid);
# 5 one candidate with every valid ballot but 2 invalid; 6 both 100 % at once.
CSV = """Station no.,"Region, district",Registered,Issued,Valid,Invalid,"Votes, Alpha","Votes, Beta"
1,"North, 1",100,60,58,2,30,28
2,"North, 1",50,50,49,1,20,29
3,"South, 2",40,45,44,1,40,4
4,"South, 2",80,40,40,0,40,0
5,"South, 2",90,42,40,2,0,40
6,"North, 1",30,30,30,0,30,0
"""


@pytest.fixture()
def table(tmp_path):
    path = tmp_path / "stations.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


MAPPING = fx.ColumnMapping(registered="Registered", given=("Issued",), valid="Valid",
                           invalid="Invalid", candidates=("Votes, Alpha", "Votes, Beta"),
                           units=("Region, district",), station_id=("Station no.",))


def test_stations_at_100_percent_counted_by_hand(table):
    s = fx.load_stations(table, MAPPING)
    # station 3 is left out of the statistics (reported) but counted here
    assert s.rows.tolist() == [1, 2, 4, 5, 6] and s.over_register.rows.tolist() == [3]
    x = fx.extreme_stations(s)
    assert x.stations == 6
    assert (x.turnout_100, x.turnout_above_100, x.turnout_at_or_above_100) == (2, 1, 3)
    assert x.registered_at_or_above_100 == 50 + 40 + 30 and x.given_at_or_above_100 == 125
    # of valid + invalid: station 4 (Alpha 40 of 40) and 6 (Alpha 30 of 30); 5 has 2 invalid
    assert x.candidate_100 == {"Votes, Alpha": 2, "Votes, Beta": 0}
    assert x.any_candidate_100 == 2 and x.turnout_and_candidate_100 == 1
    listed = {e.row: e for e in x.listed}
    assert sorted(listed) == [2, 3, 4, 6]
    assert listed[3].reasons == ("turnout above 100%",) and listed[3].label == "3"
    assert listed[6].reasons == ("turnout 100%", "Votes, Alpha 100%")
    assert listed[4].votes == {"Votes, Alpha": 40, "Votes, Beta": 0}
    assert listed[2].units == {"Region, district": "North, 1"}
    # of valid ballots only, Beta's 40 of 40 valid in station 5 counts too
    v = fx.extreme_stations(fx.load_stations(table, MAPPING, share_of="valid"))
    assert v.candidate_100 == {"Votes, Alpha": 2, "Votes, Beta": 1} and v.share_of == "valid"


def test_share_denominator_is_an_option(table):
    received = fx.load_stations(table, MAPPING)
    valid = fx.load_stations(table, MAPPING, share_of="valid")
    # station 1: Alpha 30 of 60 received, of 58 valid
    assert received.share[0] == pytest.approx(30 / 60) and valid.share[0] == pytest.approx(30 / 58)
    report = fx.analyse(valid, replicates=20, klimek_repeats=0)
    # national: Alpha 30+20+40+0+30 = 120 of valid 58+49+40+40+30 = 217 (station 3 left out)
    assert report.share_of == "valid"
    assert report.winner_share == pytest.approx(100 * (120 + 40) / (217 + 44))


def test_anomaly_list_complete_and_named(table, tmp_path):
    s = fx.load_stations(table, MAPPING)
    report = fx.analyse(s, replicates=20, klimek_repeats=0)
    rows = {a.row for a in report.anomalies}
    assert {2, 4, 6} <= rows  # turnout 100 % or a candidate with every ballot
    assert all(a.label == str(a.row) for a in report.anomalies)
    # no id columns: units and the source row name the station
    plain = fx.load_stations(table, fx.ColumnMapping(
        registered="Registered", given=("Issued",), candidates=("Votes, Alpha", "Votes, Beta"),
        units=("Region, district",)))
    assert fx.anomalous_stations(plain, unit="Region, district")[0].label.endswith(", 1 / row 6")


def test_russia_2012_stations_at_100_percent_and_the_whole_list(ru2012, tmp_path):
    # an independent count straight from the file: issued (three lines) == registered
    frame = fx.read_table(RU / "2012.csv.zip")
    cols = frame.columns
    reg = frame[cols[3]].cast(pl.Int64, strict=False).to_numpy()
    issued = sum(frame[cols[i]].cast(pl.Int64, strict=False).to_numpy() for i in (5, 6, 7))
    ok = reg > 0
    assert int(((issued == reg) & ok).sum()) == 3379 and int(((issued > reg) & ok).sum()) == 0
    putin = frame[cols[25]].cast(pl.Int64, strict=False).to_numpy()
    received = sum(frame[cols[i]].cast(pl.Int64, strict=False).to_numpy() for i in (11, 12))
    putin_all = int(((putin == received) & (received > 0) & ok).sum())
    x = fx.extreme_stations(ru2012)
    assert x.turnout_100 == 3379 and x.turnout_above_100 == 0
    assert x.candidate_100["Путин Владимир Владимирович"] == putin_all
    assert len(x.listed) == 3379 + x.any_candidate_100 - x.turnout_and_candidate_100
    # the anomaly list is not cut, and the HTML pages hold all of it
    regions = ["Республика Адыгея (Адыгея)", "Кабардино-Балкарская Республика",
               "Республика Дагестан", "Республика Татарстан (Татарстан)"]
    sub = ru2012.subset(np.isin(ru2012.units["region"], regions))
    report = fx.analyse(sub, replicates=20, klimek_repeats=0)
    assert len(report.anomalies) > fx._report.PAGE
    html, js = fx.write_report(report, tmp_path)
    assert len(json.loads(js.read_text())["anomalies"]) == len(report.anomalies)
    pages = sorted(tmp_path.glob("forensics-stations-*.html"))
    assert len(pages) == -(-len(report.anomalies) // fx._report.PAGE)
    shown = sum(p.read_text().count("<tr>") - 1 for p in pages)
    assert shown == len(report.anomalies)
    assert report.anomalies[0].label.count(" / ") == 2  # region / TIK / UIK


# -- column mapping ------------------------------------------------------------

def test_patterns_select_columns():
    frame = pl.DataFrame({"reg": ["10"], "C001": ["1"], "C002": ["2"], "C010": ["3"],
                          "Commune": ["a"]})
    assert fx.resolve_columns(frame, ["re:^C\\d+$"]) == ["C001", "C002", "C010"]
    assert fx.resolve_columns(frame, ["c00*"]) == ["C001", "C002"]
    assert fx.resolve_column(frame, "C01?") == "C010"
    with pytest.raises(fx.ColumnError, match=r"matches 3 columns"):
        fx.resolve_column(frame, "re:^C\\d")
    with pytest.raises(fx.ColumnError, match="not a valid regular expression"):
        fx.resolve_columns(frame, ["re:("])
    with pytest.raises(fx.ColumnError, match="no column matches 'X\\*'"):
        fx.resolve_columns(frame, ["X*"])


def _run(capsys, *argv):
    code = cli.main(["forensics", *map(str, argv), "--replicates", "20",
                     "--klimek-repeats", "0"])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_repeatable_options_keep_commas(table, tmp_path, capsys):
    code, out, err = _run(capsys, table, "--registered", "Registered", "--given-column", "Issued",
                          "--valid", "Valid", "--invalid", "Invalid",
                          "--candidate", "Votes, Alpha", "--candidate", "Votes, Beta",
                          "--unit", "Region, district", "--id-column", "Station no.",
                          "--out", tmp_path / "o")
    assert code == 0, err
    data = json.loads((tmp_path / "o" / "forensics.json").read_text())
    assert data["extremes"]["turnout_at_or_above_100"] == 3
    assert list(data["units"]) == ["Region, district"]


def test_mapping_file_and_glob(table, tmp_path, capsys):
    toml = tmp_path / "m.toml"
    toml.write_text('registered = "Registered"\ngiven = ["Issued"]\ncandidates = ["Votes, *"]\n'
                    'units = ["Region, district"]\n', encoding="utf-8")
    code, out, err = _run(capsys, table, "--mapping", toml, "--out", tmp_path / "o")
    assert code == 0, err
    data = json.loads((tmp_path / "o" / "forensics.json").read_text())
    assert data["totals"]["votes:Votes, Beta"] == 28 + 29 + 4 + 0 + 40 + 0
    bad = tmp_path / "bad.toml"
    bad.write_text('registered = "Registered"\ncandidate = ["A"]\n', encoding="utf-8")
    code, out, err = _run(capsys, table, "--mapping", bad, "--out", tmp_path / "o")
    assert code == 2 and "unknown field(s) candidate" in err and "Traceback" not in err


def test_presets_detect_the_layout_or_name_the_missing_column(tmp_path, capsys):
    frame = fx.read_table(RU / "2011.csv.zip")
    assert fx.detect_preset(frame) == "ru-kobak-2011"
    assert fx.detect_preset(fx.read_table(RU / "2012.csv.zip")) == "ru-kobak-2012"
    code, out, err = _run(capsys, RU / "2011.csv.zip", "--preset", "ru-kobak-2012",
                          "--out", tmp_path)
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("saylau forensics: preset ru-kobak-2012: ballots issued: no column "
                          "matches 'выданных в помещении'")
    code, out, err = _run(capsys, RU / "2011.csv.zip", "--registered", "nope", "--candidate",
                          "ЯБЛОКО", "--out", tmp_path)
    assert code == 2 and "registered voters: no column matches 'nope'" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("content, message", [
    (b"", "not a readable"),
    (b"a,b\n1,2\n", "registered voters: no column matches 'Registered'"),
])
def test_every_user_error_is_one_line(tmp_path, capsys, content, message):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    code, out, err = _run(capsys, path, "--registered", "Registered", "--candidate", "A",
                          "--out", tmp_path / "o")
    assert code == 2 and message in err and err.count("\n") == 1, err
    code, out, err = _run(capsys, tmp_path / "missing.csv", "--preset", "auto", "--out", tmp_path)
    assert code == 2 and "cannot be read" in err

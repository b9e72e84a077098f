"""A bad register file gets the row, the column and what was expected; nothing is written."""

import csv

import pytest

from saylau.cli import main
from saylau.core.tabular import TableError
from saylau.registry import store
from saylau.registry.importing import read_register, read_side

GOOD = ("voter_id,iin,surname,given_name,patronymic,sex,birth_date,address,station,date_added\n"
        "V1,861206312341,Абенов,Нұрлан,Серікұлы,М,1986-12-06,\"ул. Абая, 1\",0001,2010-01-01\n"
        "V2,,Иванова,Ольга,,F,06.12.1986,,0002,\n")


def test_good_file(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text(GOOD, encoding="utf-8")
    f = read_register(path)
    assert f["sex"].to_list() == ["M", "F"]
    assert f["birth_date"].cast(str).to_list() == ["1986-12-06", "1986-12-06"]


def test_every_bad_cell_named(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("voter_id,iin,surname,given_name,birth_date,station\n"
                    "V1,86120631234X,Абенов,Нұрлан,1986-13-06,0001\n"
                    "V1,861206312341,,Нұрлан,1986-12-06,0001\n", encoding="utf-8")
    with pytest.raises(TableError) as e:
        read_register(path)
    text = str(e.value)
    assert "row 2, column 'iin': expected 12 digits, got '86120631234X'" in text
    assert "row 2, column 'birth_date': expected a date YYYY-MM-DD or DD.MM.YYYY, got '1986-13-06'" in text
    assert "row 3, column 'surname': expected text (not empty)" in text
    assert "an id used once" in text and "nothing was imported" in text


def test_missing_and_unknown_columns(tmp_path):
    path = tmp_path / "h.csv"
    path.write_text("iin,surname,given,birth_date,station\n1,2,3,4,5\n", encoding="utf-8")
    with pytest.raises(TableError, match="row 1, column 'given_name': expected this column in the header"):
        read_register(path)


def test_ragged_row(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("iin,surname,given_name,birth_date,station\n861206312341,Абенов,Нұрлан,1986-12-06\n",
                    encoding="utf-8")
    with pytest.raises(TableError, match="row 2"):
        read_register(path)


def test_xlsx_and_parquet(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    for cells in csv.reader(GOOD.splitlines()):
        ws.append(cells)
    book.save(tmp_path / "r.xlsx")
    assert len(read_register(tmp_path / "r.xlsx")) == 2
    read_register(tmp_path / "r.xlsx").write_parquet(tmp_path / "r.parquet")
    assert read_register(tmp_path / "r.parquet")["iin"].to_list() == ["861206312341", None]


def test_cli_import_writes_nothing_on_a_bad_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SAYLAU_DATA_DIR", str(tmp_path / "d"))
    (tmp_path / "good.csv").write_text(GOOD, encoding="utf-8")
    (tmp_path / "deaths.csv").write_text("iin,birth_date,date_of_death\n86120631234,1986-12-06,2011-01-01\n",
                                         encoding="utf-8")
    # the register reads but the deaths list does not: neither is written
    assert main(["register", "import", str(tmp_path / "good.csv"), "--snapshot", "s1",
                 "--deaths", str(tmp_path / "deaths.csv")]) == 2
    assert "row 2, column 'iin': expected 12 digits" in capsys.readouterr().err
    assert store.snapshots(tmp_path / "d") == []
    assert main(["register", "import", str(tmp_path / "good.csv"), "--snapshot", "s1"]) == 0
    assert store.snapshots(tmp_path / "d") == ["s1"]


def test_commands_run_too_early_say_what_to_run(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SAYLAU_DATA_DIR", str(tmp_path / "empty"))
    assert main(["register", "dedupe"]) == 2
    assert "run `saylau register import" in capsys.readouterr().err


def test_side_tables(tmp_path):
    (tmp_path / "p.csv").write_text("district_code,adults\nD1,100\nD2,x\n", encoding="utf-8")
    with pytest.raises(TableError, match="row 3, column 'adults'"):
        read_side(tmp_path / "p.csv", "population")

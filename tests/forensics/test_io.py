"""Reading tables in every supported form, and reporting bad rows."""

from __future__ import annotations

import gzip
import zipfile

import polars as pl
import pytest

from saylau import forensics as fx

CSV = """station,region,reg,early,day,valid,bad,A,B
1,north,100,5,45,48,2,30,18
2,north,200,0,x,90,0,50,40
3,south,0,0,10,10,0,5,5
4,south,150,0,160,150,10,100,50
5,south,120,0,60,58,2,-3,61
6,south,120,0,60,58,2,40,18
7,south,120,0,30,30,0,20,20.5
"""

MAPPING = fx.ColumnMapping(registered="reg", given=("early", "day"), valid="valid",
                           invalid="bad", candidates=("A", "B"), units=("region",),
                           station_id=("station",))


def test_bad_rows_are_reported_not_dropped(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(CSV)
    s = fx.load_stations(path, MAPPING)
    problems = {(p.row, p.column): p for p in s.problems}
    assert problems[(2, "day")].value == "x" and "whole number" in problems[(2, "day")].expected
    assert (3, "reg") in problems and "registered" in problems[(3, "reg")].expected
    assert problems[(4, "early+day")].expected == "ballots issued <= registered voters"
    assert (5, "A") in problems and problems[(5, "A")].value == "-3"
    assert (7, "B") in problems and problems[(7, "B")].value == "20.5"
    # rows 1 and 6 are clean; row numbers refer to data rows of the source
    assert s.n == 2 and s.rows.tolist() == [1, 6]
    assert s.labels.tolist() == ["1", "6"] and s.units["region"].tolist() == ["north", "south"]
    assert s.given.tolist() == [50, 60] and s.received.tolist() == [50, 60]
    assert s.winner == "A"  # largest over readable rows
    # totals add every readable row (1, 3, 4, 6): registered 100 + 0 + 150 + 120
    assert s.totals["registered"] == 370


@pytest.mark.parametrize("kind", ["csv.gz", "zip", "parquet", "xlsx", "tsv"])
def test_formats(tmp_path, kind):
    clean = "\n".join(line for line in CSV.splitlines() if line.split(",")[0] in
                      ("station", "1", "6")) + "\n"
    frame = pl.read_csv(clean.encode())
    path = tmp_path / f"s.{kind}"
    if kind == "csv.gz":
        path.write_bytes(gzip.compress(clean.encode()))
    elif kind == "zip":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("inner/s.csv", clean)
    elif kind == "parquet":
        frame.write_parquet(path)
    elif kind == "xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(frame.columns)
        for row in frame.iter_rows():
            sheet.append(list(row))
        book.save(path)
    else:
        path.write_text(clean.replace(",", "\t"))
    s = fx.load_stations(path, MAPPING)
    assert s.n == 2 and not s.problems
    assert s.winner_votes.tolist() == [30, 40]


def test_column_matching():
    frame = pl.DataFrame({"Registered voters": ["10"], "Votes for Alpha": ["4"],
                          "Votes for Beta": ["3"]})
    assert fx._io.resolve_column(frame, "registered") == "Registered voters"
    with pytest.raises(KeyError, match="exactly one"):
        fx._io.resolve_column(frame, "votes for")
    with pytest.raises(KeyError, match="unknown preset"):
        fx.preset("nowhere-1999")


def test_presets_match_the_real_files(ru2011, ru2012):
    assert ru2011.winner.endswith('ЕДИНАЯ РОССИЯ""') and len(ru2011.candidates) == 7
    assert ru2012.winner.startswith("Путин") and len(ru2012.candidates) == 5
    # the one station with no ballots in the boxes (2011) and the one with an
    # empty register (2012) are reported with their rows
    assert [p.row for p in ru2011.problems] == [10721]
    assert {p.row for p in ru2012.problems} == {38981}
    assert ru2011.n == 95_224 and ru2012.n == 95_414


def test_mexico_preset():
    from .conftest import MX

    s = fx.load_stations(MX / "mexico_2012_presidential_by_casilla.csv.gz", fx.preset("mx-2012"))
    # 902 special casillas have no nominal list: reported, not silently dropped
    zero = [p for p in s.problems if p.column == "ln"]
    assert len(zero) == 902
    total = s.totals
    # SOURCE.txt: total 50,282,086 ballots, PRI-PVEM 38.23 %
    assert total["received"] == 50_282_086
    assert round(100 * total["votes:pri_pvem"] / total["received"], 2) == 38.23
    assert s.n + len({p.row for p in s.problems}) == total["rows"]


def test_a_cp1251_csv_reads_as_its_utf8_twin(tmp_path):
    """Excel in Russian or Kazakh saves CSV as Windows-1251: read as every importer reads it
    (saylau.core.tabular), not refused as 'invalid utf-8'."""
    from saylau.forensics._io import read_table

    text = "Регион;УИК;Избиратели;Путин\nАдыгея;1;1200;700\nҚостанай;2;900;400\n".replace("Қ", "К")
    (tmp_path / "utf8.csv").write_text(text, encoding="utf-8")
    (tmp_path / "cp1251.csv").write_bytes(text.encode("cp1251"))
    utf8, cp1251 = read_table(tmp_path / "utf8.csv"), read_table(tmp_path / "cp1251.csv")
    assert cp1251.columns == ["Регион", "УИК", "Избиратели", "Путин"] and cp1251.equals(utf8)

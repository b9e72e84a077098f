"""``saylau findings``: a clear answer before there are submissions, and ``--out FILE``
writing the findings as CSV, JSON or XLSX by the file's extension."""

from __future__ import annotations

import csv
import json
import math

import pytest

from saylau import cli
from tests.observation.test_api import VOTING
from tests.observation.test_services import _submit

pytestmark = pytest.mark.django_db

# Wilson 95 % interval of 1 of 2, by hand: z = 1.959964, z^2/n = 1.920729,
# centre = (0.5 + 0.960365) / 2.920729 = 0.5,
# half = z / 2.920729 * sqrt(0.25 / 2 + z^2 / 16) = 0.671053 * 0.604228 = 0.405469
LOW, HIGH = 0.5 - 0.405469, 0.5 + 0.405469


def _run(argv, capsys):
    capsys.readouterr()
    status = cli.main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_findings_before_any_submission_say_what_to_do(election, capsys) -> None:
    for argv in (["findings"], ["findings", "--by", "region_code"], ["findings", "--out", "f.csv"]):
        status, out, err = _run(argv, capsys)
        assert status == 2 and out == ""
        (line,) = err.splitlines()
        assert "no submissions for election 't-2011' yet" in line and "saylau submissions import" in line
        assert "frame has no column" not in err


@pytest.fixture
def two_visits(mission, election):
    _submit(election, VOTING)
    _submit(election, {**VOTING, "station_code": "0112", "assessment": "bad"})
    return election


def _negative(rows):
    (row,) = [r for r in rows if r["metric"] == "voting.assessment_negative"]
    return row


def test_findings_out_csv_json_and_xlsx_hold_the_same_figures(two_visits, tmp_path, capsys) -> None:
    from openpyxl import load_workbook

    for name in ("f.csv", "f.json", "f.xlsx"):
        status, out, _ = _run(["findings", "--out", str(tmp_path / name), "--lang", "ru"], capsys)
        assert status == 0 and f"to {tmp_path / name}" in out
    with open(tmp_path / "f.csv", encoding="utf-8", newline="") as fh:
        from_csv = _negative(list(csv.DictReader(fh)))
    from_json = _negative(json.loads((tmp_path / "f.json").read_text(encoding="utf-8")))
    sheet = load_workbook(tmp_path / "f.xlsx").active
    header, *body = [list(r) for r in sheet.iter_rows(values_only=True)]
    from_xlsx = _negative([dict(zip(header, r, strict=True)) for r in body])
    for row in (from_csv, from_json, from_xlsx):
        assert int(row["numerator"]) == 1 and int(row["denominator"]) == 2 and float(row["share"]) == 0.5
        assert math.isclose(float(row["ci_low"]), LOW, abs_tol=1e-5)
        assert math.isclose(float(row["ci_high"]), HIGH, abs_tol=1e-5)
        assert "голосование было оценено отрицательно" in row["sentence"]
    # a metric of a form nobody submitted: no observations, not a share of nothing
    (opening,) = [r for r in json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))
                  if r["metric"] == "opening.assessment_negative"]
    assert opening["denominator"] == 0 and opening["share"] is None and opening["ci_low"] is None


def test_findings_out_by_region_and_refusals(two_visits, tmp_path, capsys) -> None:
    status, _, err = _run(["findings", "--by", "region_code", "--out", str(tmp_path / "r.json")], capsys)
    assert status == 0 and "frame has no column" not in err
    row = _negative(json.loads((tmp_path / "r.json").read_text(encoding="utf-8")))
    assert row["region_code"] == "01" and (row["numerator"], row["denominator"]) == (1, 2)
    status, _, err = _run(["findings", "--out", str(tmp_path / "f.txt")], capsys)
    assert status == 2 and "expected a file name ending in .csv, .json, .xlsx, got '.txt'" in err
    status, _, err = _run(["findings", "--out", str(tmp_path / "no" / "f.csv")], capsys)
    assert status == 2 and len(err.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("f.", ".f"))) == []

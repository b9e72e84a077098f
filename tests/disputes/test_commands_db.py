"""``saylau disputes ...`` in-process: what a user reads, and exit status 2 with one line when refused."""

from __future__ import annotations

import json

import pytest

from saylau import cli

pytestmark = pytest.mark.django_db


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = cli.main(["disputes", *argv])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_too_early_says_what_to_run_first(capsys):
    code, text = _run(capsys, "list")
    assert code == 2 and "run `saylau simulate` or `saylau election create` first" in text
    assert "Traceback" not in text


def test_simulate_list_deadlines_publish(election, capsys, tmp_path):
    assert _run(capsys, "simulate")[0] == 0
    code, text = _run(capsys, "simulate")
    assert code == 2 and "has cases already" in text
    code, text = _run(capsys, "list", "--body", "court_supreme")
    assert code == 0 and text.strip().endswith("5 case(s)")
    code, text = _run(capsys, "list", "--body", "CEC", "--lang", "kk")
    assert "Орталық сайлау комиссиясы" in text and "Түпкілікті" in text
    code, text = _run(capsys, "deadlines", "--today", "2011-04-01")
    assert "4 case(s) on time under one basis and late under another" in text
    code, text = _run(capsys, "deadlines", "DC-001")
    assert "kz-election-law" in text and "(LATE)" in text and "conflict: late under kz-election-law" in text
    code, text = _run(capsys, "deadlines", "NOPE")
    assert code == 2 and "no case 'NOPE'" in text
    code, text = _run(capsys, "list", "--today", "yesterday")
    assert code == 2 and "--today 'yesterday': expected a date YYYY-MM-DD" in text
    assert _run(capsys, "publish", "--out", str(tmp_path))[0] == 0
    data = json.loads((tmp_path / "kz-2011-disputes.json").read_text(encoding="utf-8"))
    assert len(data["cases"]) == 32
    private = [c for c in data["cases"] if c["complainant_kind"] in ("voter", "observer", "other")]
    assert private and all(c["complainant"] in ("Voter", "Observer", "Other") for c in private)


def test_import_and_bases_from_files(election, capsys, tmp_path):
    bases = tmp_path / "bases.csv"
    bases.write_text("code,law,article,file_amount,file_unit,decide_amount,decide_unit,roll\n"
                     "kz-appeal,Election law,art. 1,3,working_days,,,yes\n", encoding="utf-8")
    code, text = _run(capsys, "bases", str(bases))
    assert code == 0 and "kz-appeal              file within 3 working days; decide within -" in text
    bases.write_text("code,law,file_amount,file_unit\nbad,Law,3,\n", encoding="utf-8")
    code, text = _run(capsys, "bases", str(bases))
    assert code == 2 and "row 2: basis bad: the time to file needs both a number and a unit" in text
    cases = tmp_path / "cases.csv"
    cases.write_text("body,complainant_kind,complainant_name,respondent,contested_act,filed_on,phase,bases\n"
                     "CEC,party,P,CEC,Refusal,2011-02-30,campaign,kz-appeal\n", encoding="utf-8")
    code, text = _run(capsys, "import", str(cases))
    assert code == 2 and text.startswith("cases.csv") and "nothing was imported" in text
    assert "row 2, column 'filed_on': expected a date YYYY-MM-DD, got '2011-02-30'" in text
    cases.write_text(cases.read_text().replace("2011-02-30", "2011-02-28"), encoding="utf-8")
    code, text = _run(capsys, "import", str(cases))
    assert code == 0 and "imported 1 case(s), 0 decided, 0 published" in text

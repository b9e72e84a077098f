"""``saylau candidates|signatures|accreditation ...`` in-process: what a user reads, and exit status 2
with one line (no traceback) when refused or run too early."""

from __future__ import annotations

import json

import polars as pl
import pytest

from saylau import cli
from saylau.nomination.models import Accreditation, SignatureLine, StatusDecision
from saylau.registry import store
from tests.nomination import world_db as w

pytestmark = pytest.mark.django_db


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_too_early_says_what_to_run_first(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("SAYLAU_DATA_DIR", str(tmp_path))
    for argv in (("candidates", "list"), ("signatures", "verify"), ("accreditation", "list")):
        code, text = _run(capsys, *argv)
        assert code == 2 and "run `saylau simulate` or `saylau election create` first" in text, text
        assert "Traceback" not in text
    w.election()
    code, text = _run(capsys, "candidates", "list")
    assert code == 0 and "no nominees in kz-2011 yet: `saylau candidates import FILE`" in text
    code, text = _run(capsys, "signatures", "verify")
    assert code == 2 and "no register yet: run `saylau register import FILE --snapshot NAME`" in text
    code, text = _run(capsys, "candidates", "simulate")
    assert code == 2 and "no register yet" in text
    _register(tmp_path)  # an imported register: no truth to simulate signers from
    code, text = _run(capsys, "candidates", "simulate")
    assert code == 2 and "draws its signers from a simulated register: run `saylau register simulate`" in text
    store.set_meta(tmp_path, simulated=True, scale=0.01, seed=2011)  # simulated on stations of its own
    code, text = _run(capsys, "candidates", "simulate")
    assert code == 2 and "the simulated register's polling stations are not those of kz-2011 (412 of 414 unknown" in text


def _register(data) -> None:
    store.write_snapshot(data, "current", w.register())
    store.write_table(data, "stations", w.stations())
    store.write_table(data, "deaths", w.deaths())
    store.set_meta(data, current="current")


def test_candidates_signatures_accreditation_end_to_end(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("SAYLAU_DATA_DIR", str(tmp_path))
    w.election()
    nominees = tmp_path / "nominees.csv"
    nominees.write_text("code,name_en,name_ru,name_kk,nominated_by,nominating_body,nominated_on\n"
                        "A,Aidar Nurpeisov,Айдар Нурпеисов,Айдар Нұрпейісов,self,,06.02.2011\n"
                        "B,Bota Seitova,,,association,,2011-02-06\n", encoding="utf-8")
    code, text = _run(capsys, "candidates", "import", str(nominees))
    assert code == 2 and "row 3, column 'nominating_body': expected the public association's name" in text
    nominees.write_text(nominees.read_text(encoding="utf-8").replace("association,,", "association,Green Steppe,"),
                        encoding="utf-8")
    assert _run(capsys, "candidates", "import", str(nominees)) == (0, "imported 2 nominee(s)\n")
    for code_ in ("A", "B"):
        code, text = _run(capsys, "candidates", "decide", code_, "--to", "documents", "--number", f"1/{code_}",
                          "--date", "2011-02-10", "--for", "7", "--against", "0", "--present", "7")
        assert code == 0 and f"{code_}: nominated -> documents by CEC decision No. 1/{code_}" in text
    code, text = _run(capsys, "candidates", "decide", "A", "--to", "registered", "--number", "2/A", "--date",
                      "2011-02-11", "--for", "7", "--against", "0")
    assert code == 2 and "A is documents: the next step is one of signatures, refused, withdrawn" in text

    lines = tmp_path / "sheets.csv"
    w.lines().with_columns(pl.col("birth_date", "signed_on").dt.strftime("%d.%m.%Y")).write_csv(lines)
    bad = tmp_path / "bad.csv"
    bad.write_text(lines.read_text(encoding="utf-8").replace("12.02.2011", "31.02.2011", 1), encoding="utf-8")
    code, text = _run(capsys, "signatures", "import", str(bad))
    assert code == 2 and "bad.csv: row 2, column 'signed_on': expected a date YYYY-MM-DD or DD.MM.YYYY, " \
                         "got '31.02.2011'; nothing was imported" in text
    assert SignatureLine.objects.count() == 0
    assert _run(capsys, "signatures", "import", str(lines)) == (0, "imported 12 line(s) on 4 sheet(s)\n")
    code, text = _run(capsys, "signatures", "verify")
    assert code == 2 and "no register yet" in text
    _register(tmp_path)
    code, text = _run(capsys, "signatures", "verify")
    assert code == 0 and "12 line(s) checked against register 'current' (8 voters): 3 valid, 9 invalid" in text
    assert "  A: A required field is empty 1; Signed outside the collection period 1;" in text
    code, text = _run(capsys, "signatures", "sample", "A", "--required", "2", "--date", "2011-02-25",
                      "--proxy", "absent")
    assert code == 0 and "A stage 1 (Full check): 9 of 9 lines checked, 7 invalid; projected valid 2" in text
    code, text = _run(capsys, "signatures", "sample", "B", "--required", "1", "--date", "2011-02-25",
                      "--proxy", "present", "--tolerated", "2")
    assert code == 2 and "--tolerated 2.0: expected a share from 0 to 1" in text

    code, text = _run(capsys, "candidates", "list", "--lang", "ru")
    assert code == 0 and "Самовыдвижение" in text and "выдвинуто: 2, зарегистрировано: 0" in text and "строк: 3; недействительных: 2 из 3 проверенных" in text
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({"birth_date": "1960-01-01", "citizen_by_birth": True, "resident_since": "1960-01-01"}))
    code, text = _run(capsys, "candidates", "check", "A", "--facts", str(facts))
    assert code == 0 and "Minimum age on election day" in text and "Met" in text and "Not checked" in text
    facts.write_text(json.dumps({"born": "1960-01-01"}))
    code, text = _run(capsys, "candidates", "check", "A", "--facts", str(facts))
    assert code == 2 and "unknown fact(s) born" in text

    applications = tmp_path / "accreditation.csv"
    applications.write_text("kind,full_name,iin,nominee,station_code,filed_on,organisation,state\n"
                            + "".join(f"proxy,Proxy {i},,A,0101,2011-03-0{i},,\n" for i in range(1, 5))
                            + "media,Asel Media,,,,2011-03-01,Dala News,KZ\n", encoding="utf-8")
    code, text = _run(capsys, "accreditation", "import", str(applications))
    # A is not registered: its proxies are refused (not a candidate); the journalist is accredited
    assert code == 0 and text == "1 accredited, 4 refused\n  refused, The candidate is not registered: 4\n"
    assert set(Accreditation.objects.filter(kind="proxy").values_list("refusal", flat=True)) == {"not_a_candidate"}
    code, text = _run(capsys, "accreditation", "list")
    assert code == 0 and "Media" in text
    out = tmp_path / "badges.csv"
    code, text = _run(capsys, "accreditation", "badges", "--out", str(out))
    assert code == 0 and "1 badge(s) written" in text
    assert "MD-000001,Asel Media,media,Dala News" in out.read_text(encoding="utf-8-sig")
    assert StatusDecision.objects.count() == 2

"""What a user sees for a command run too early or a bad file: one clear answer,
status 2, no traceback (the command line run as a user runs it)."""

from __future__ import annotations

import pytest

from saylau.core.tabular import TableError, decode_text

from .test_cli import _saylau


@pytest.mark.parametrize(("raw", "row", "expected"), [
    (b"", 1, "a header row"),
    (b" \n\n", 1, "a header row"),
    (b"\x7fELF\x02\x01\x00\x00", 1, "a CSV or XLSX file"),
    ("code,name\n1,Peña\n".encode("latin-1"), 2, "text in UTF-8"),
])
def test_a_file_that_is_not_utf8_text_is_refused_with_its_row(raw, row, expected) -> None:
    with pytest.raises(TableError) as caught:
        decode_text(raw, "f.csv")
    (error,) = caught.value.errors
    assert error.row == row and expected in error.expected
    if row == 2:
        assert "Pe" in error.got  # the line as it reads in Windows-1251


def test_utf8_with_or_without_a_byte_order_mark_is_read() -> None:
    assert decode_text("code\nӘ\n".encode("utf-8-sig"), "f.csv") == "code\nӘ\n"
    assert decode_text("code\nӘ\n".encode(), "f.csv") == "code\nӘ\n"


def test_a_command_run_before_there_is_an_election_says_what_to_run(tmp_path) -> None:
    done = _saylau("results", "check", data_dir=tmp_path / "d")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "no election yet: run `saylau simulate`" in done.stderr


@pytest.mark.parametrize("content", [b"", "a,b\nЦИК,1\n".encode("cp1251"), b"\x00\x01\x02binary", b"\x80\x81\xff"])
def test_a_bad_results_file_gets_one_answer_and_nothing_is_written(tmp_path, content) -> None:
    data = tmp_path / "d"
    assert _saylau("election", "create", "--slug", "e1", "--name", "E", "--date", "2011-04-03",
                   data_dir=data).returncode == 0
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    done = _saylau("results", "import", str(bad), "--preset", "saylau", data_dir=data)
    assert done.returncode == 2 and "Traceback" not in done.stderr + done.stdout
    assert "bad.csv: row " in done.stderr and "nothing was imported" in done.stderr


# --- each defect of issue 13 (importers), through the command line in-process ------------

STATIONS_HEAD = "region_code,region_name_en,region_name_ru,district_code,district_name_en,station_code,registered_voters,area\n"
STATIONS_ROWS = "01,Akmola,Акмолинская область,D01,District 1,0001,1500,urban\n16,Almaty,г. Алматы,D02,District 2,0002,900,rural\n"
RESULTS_HEAD = "region_code,district_code,station_code,registered,valid,votes_1,votes_2,votes_3\n"


def _cli(capsys, *argv: str) -> tuple[int, str]:
    from saylau import cli

    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _counts() -> tuple[int, ...]:
    from saylau.geography.models import Unit
    from saylau.ledger.models import LedgerEntry
    from saylau.observation.models import Observer, Submission
    from saylau.results.models import Protocol

    return tuple(m.objects.count() for m in (LedgerEntry, Unit, Protocol, Submission, Observer))


@pytest.fixture
def election(db):
    import datetime as dt

    from saylau.core.actors import Actor
    from saylau.geography.services import create_election

    return create_election(actor=Actor.system("test"), slug="bad-2011", name_en="Bad input",
                           kind="presidential", date=dt.date(2011, 4, 3))


def _refused(capsys, *argv: str, says: str) -> str:
    before = _counts()
    code, text = _cli(capsys, *argv)
    assert code == 2, text
    assert says in text, text
    assert "Traceback" not in text and _counts() == before
    return text


@pytest.mark.django_db
@pytest.mark.parametrize("encoding", ["cp1251", "utf-16", "utf-8-sig"])
def test_stations_exported_by_excel_in_cp1251_or_utf16_are_read_with_their_cyrillic(election, tmp_path, capsys,
                                                                                      encoding) -> None:
    from saylau.geography.models import Unit

    path = tmp_path / "stations.csv"
    path.write_bytes((STATIONS_HEAD + STATIONS_ROWS).encode(encoding))
    code, text = _cli(capsys, "import", "stations", str(path))
    assert code == 0, text
    assert Unit.objects.get(code="01").name_ru == "Акмолинская область"
    assert Unit.objects.get(code="16").name_ru == "г. Алматы"
    if encoding != "utf-8-sig":
        assert "read as " + {"cp1251": "Windows-1251", "utf-16": "UTF-16"}[encoding] in text


@pytest.mark.django_db
def test_observers_and_submissions_in_cp1251_are_read(election, tmp_path, capsys) -> None:
    from saylau.observation.models import Observer

    path = tmp_path / "observers.csv"
    path.write_bytes("code,full_name,role,state\nOBS1,Айгерим Сейтова,sto,DE\n".encode("cp1251"))
    assert _cli(capsys, "observers", "import", str(path))[0] == 0
    assert Observer.objects.get(code="OBS1").full_name == "Айгерим Сейтова"


@pytest.mark.django_db
@pytest.mark.parametrize("what", [("import", "stations"), ("observers", "import"),
                                  ("submissions", "import", "--form", "voting"),
                                  ("results", "import", "--preset", "saylau")])
def test_a_missing_an_empty_or_a_binary_file_is_one_line_for_every_importer(election, tmp_path, capsys, what) -> None:
    if what[0] == "submissions":
        _cli(capsys, "forms", "seed")
    if what[0] == "import":
        argv = (*what, "{}")
    else:
        argv = (what[0], what[1], "{}", *what[2:])
    _refused(capsys, *(a.format(tmp_path / "nowhere.csv") for a in argv), says="nowhere.csv: the file: expected a file")
    (tmp_path / "empty.csv").write_bytes(b"")
    _refused(capsys, *(a.format(tmp_path / "empty.csv") for a in argv), says="empty.csv: row 1: expected a header row")
    (tmp_path / "bin.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    _refused(capsys, *(a.format(tmp_path / "bin.csv") for a in argv), says="bin.csv: row 3: expected a CSV or XLSX file, got 'binary data'")
    (tmp_path / "broken.csv.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    _refused(capsys, *(a.format(tmp_path / "broken.csv.gz") for a in argv),
             says="broken.csv.gz: the file: expected a complete gzip file")


@pytest.mark.django_db
def test_submissions_before_forms_seed_say_what_to_run_first(election, tmp_path, capsys) -> None:
    path = tmp_path / "v.csv"
    path.write_text("station_code,assessment\n0001,good\n")
    _refused(capsys, "submissions", "import", str(path), "--form", "voting",
             says="has no forms yet: run `saylau forms seed --election bad-2011` first")


@pytest.mark.django_db
@pytest.mark.parametrize("content", ["", "station_code,assessment\n", "station_code,assessment\n\n,\n"])
def test_submissions_import_of_an_empty_file_is_not_0_stored(election, tmp_path, capsys, content) -> None:
    _cli(capsys, "forms", "seed")
    path = tmp_path / "v.csv"
    path.write_text(content)
    text = _refused(capsys, "submissions", "import", str(path), "--form", "voting", says="v.csv: row")
    assert "0 submission(s) stored" not in text


@pytest.mark.django_db
def test_import_stations_reports_bad_numbers_and_a_duplicate_code_at_once(election, tmp_path, capsys) -> None:
    path = tmp_path / "s.csv"
    path.write_text(STATIONS_HEAD + STATIONS_ROWS.replace("1500", "1.000")
                    + "16,Almaty,г. Алматы,D02,District 2,0002,12.0,rural\n")
    text = _refused(capsys, "import", "stations", str(path), says="s.csv: 3 problem(s), nothing was imported")
    assert "row 2, column 'registered_voters': expected a whole number of at least 0, got '1.000'" in text
    assert "row 4, column 'registered_voters'" in text and "got '12.0'" in text
    assert "row 4, column 'station_code': expected a value not used before (row 3 has it), got '0002'" in text


@pytest.mark.django_db
@pytest.mark.parametrize(("body", "says"), [
    # a file missing candidate 2's column: never votes_3's figures stored as candidate 2's
    (RESULTS_HEAD.replace("votes_2,", "") + "01,D1,0001,100,60,40,20\n",
     "row 1, column 'votes_2': expected this column in the header"),
    (RESULTS_HEAD + "01,D1,0001,1.000,60,40,15,5\n", "row 2, column 'registered': expected a whole number, got '1.000'"),
    (RESULTS_HEAD + "01,D1,0001,100,60,1E3,15,5\n", "row 2, column 'votes_1': expected a whole number, got '1E3'"),
    (RESULTS_HEAD + "01,D1,0001,100,60,40,12.0,5\n", "row 2, column 'votes_2': expected a whole number, got '12.0'"),
    (RESULTS_HEAD + "01,D1,0001,100,60,40,15,99999999999999999999\n",
     "row 2, column 'votes_3': expected a whole number from 0 to 2147483647 (the database's limit)"),
    (RESULTS_HEAD + "01,D1,0001,4294967296,60,40,15,5\n",
     "row 2, column 'registered': expected a whole number from 0 to 2147483647 (the database's limit), got '4294967296'"),
    (RESULTS_HEAD + "01,D1,0001,100,60,40,15\n", "row 2: expected 8 cells, as the header has, got '7 cells'"),
    (RESULTS_HEAD + "01,D1,0001,100,60,40,15,5,7\n", "row 2: expected 8 cells, as the header has, got '9 cells'"),
    (RESULTS_HEAD.replace("valid", "valid,turnout") + "01,D1,0001,100,60,0.6,40,15,5\n",
     "row 1, column 'turnout': expected a column of the saylau format"),
    (RESULTS_HEAD, "row 2: expected at least one data row, got 'a header only'"),
])
def test_results_import_refuses_what_it_cannot_store_exactly(election, tmp_path, capsys, body, says) -> None:
    path = tmp_path / "p.csv"
    path.write_text(body)
    _refused(capsys, "results", "import", str(path), "--preset", "saylau", "--create-units", says=f"p.csv: {says}")


@pytest.mark.django_db
def test_a_results_file_that_is_right_is_stored_as_written(election, tmp_path, capsys) -> None:
    from saylau.results.models import Protocol

    path = tmp_path / "p.csv"
    path.write_text(RESULTS_HEAD + "01,D1,0001,2147483647,1 000,40,15,5\n")
    code, text = _cli(capsys, "results", "import", str(path), "--preset", "saylau", "--create-units")
    assert code == 0, text
    protocol = Protocol.objects.get()
    assert (protocol.registered, protocol.valid, protocol.votes) == (2_147_483_647, 1000, [40, 15, 5])


@pytest.mark.django_db
def test_the_unit_lengths_the_results_presets_check_are_the_database_columns() -> None:
    from saylau.geography.models import Unit
    from saylau.results.presets import CODE_LENGTH, NAME_LENGTH

    assert CODE_LENGTH == Unit._meta.get_field("code").max_length
    assert NAME_LENGTH == Unit._meta.get_field("name_en").max_length == Unit._meta.get_field("name_ru").max_length


@pytest.mark.django_db
@pytest.mark.parametrize(("content", "says"), [
    (b"", "not an XLSForm .xlsx workbook (an empty file)"),
    (b"PK\x03\x04 truncated", "not an XLSForm .xlsx workbook (BadZipFile"),
    ("code,name\n1,Алматы\n".encode("cp1251"), "not an XLSForm .xlsx workbook"),
])
def test_forms_import_of_what_is_not_a_workbook_is_one_line(election, tmp_path, capsys, content, says) -> None:
    from saylau.observation.models import FormDefinition

    path = tmp_path / "form.xlsx"
    path.write_bytes(content)
    code, text = _cli(capsys, "forms", "import", str(path))
    assert code == 2 and says in text and "Traceback" not in text
    assert not FormDefinition.objects.exists()


@pytest.mark.django_db
def test_a_truncated_builtin_form_is_refused_and_the_whole_one_imported(election, tmp_path, capsys) -> None:
    from saylau.observation.core.forms import FORMS_DIR

    data = (FORMS_DIR / "voting.xlsx").read_bytes()
    path = tmp_path / "voting.xlsx"
    path.write_bytes(data[: len(data) // 2])
    code, text = _cli(capsys, "forms", "import", str(path))
    assert code == 2 and "not an XLSForm .xlsx workbook" in text
    path.write_bytes(data)
    assert _cli(capsys, "forms", "import", str(path))[0] == 0


def test_a_mexico_file_missing_a_candidate_column_is_refused_not_a_polars_error(tmp_path) -> None:
    """Found by the fuzz run: a ColumnNotFoundError traceback before."""
    from saylau.results.presets import PRESETS, parse_protocols, read_frame

    path = tmp_path / "mx.csv"
    path.write_text("casilla_id,edo_id,distrito_fed_12,pan,panal,prd_pt_mc,otros,total,ln\n1,1,1,79,20,47,18,322,666\n")
    read = read_frame(path)
    with pytest.raises(TableError, match="mx.csv: row 1, column 'pri_pvem': expected this column in the header"):
        parse_protocols(read.frame, PRESETS["mexico-2012"], "mx.csv", read.rows)


@pytest.mark.django_db
def test_the_simulation_preset_refuses_a_file_that_is_not_parquet_in_one_line(election, tmp_path, capsys) -> None:
    bad = tmp_path / "results.parquet"
    bad.write_text("not parquet")
    code, text = _cli(capsys, "results", "import", str(bad), "--preset", "kz-2011")
    assert code == 2 and "not a Parquet file" in text and "Traceback" not in text

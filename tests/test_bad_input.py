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

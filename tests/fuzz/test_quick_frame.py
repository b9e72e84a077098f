"""The column-wise reading of a quote-free CSV (:func:`quick_frame`) against
Python's csv module (:func:`read_table`): the same header, the same rows at
the same row numbers, the same problems."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saylau.core.tabular import TableError, quick_frame, read_table

cells = st.text(st.sampled_from("ab1 ;\t,Ә"), max_size=4)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(header=st.lists(st.text(st.sampled_from("abcӘ"), min_size=1, max_size=3), min_size=1, max_size=4),
       rows=st.lists(st.lists(cells, min_size=0, max_size=5), max_size=6),
       sep=st.sampled_from([",", ";", "\t"]), eol=st.sampled_from(["\n", "\r\n"]))
def test_quick_frame_reads_as_python_csv_does(tmp_path_factory, header, rows, sep, eol) -> None:
    text = eol.join(sep.join(r) for r in [header, *rows]) + eol
    path = tmp_path_factory.mktemp("q") / "t.csv"
    path.write_text(text, encoding="utf-8", newline="")
    try:
        slow = read_table(path)
    except TableError as error:
        with pytest.raises(TableError) as caught:
            quick_frame(text, "t.csv")
        assert caught.value.errors == error.errors
        return
    quick = quick_frame(text, "t.csv")
    if quick is None:  # it handed the file to read_table (a blank first row, for one): the same by definition
        assert not rows or not sep.join(rows[0]).strip() or len(rows[0]) != len(header)
        return
    q_header, q_rows, frame = quick
    assert q_header == slow.header
    assert q_rows == [n for n, _ in slow.rows]
    assert [list(r) for r in frame.rows()] == [cells for _, cells in slow.rows]


def test_a_quote_or_a_bare_carriage_return_goes_the_careful_way() -> None:
    assert quick_frame('a,b\n"1",2\n', "t.csv") is None
    assert quick_frame("a,b\r1,2\r", "t.csv") is None
    header, rows, frame = quick_frame("a;b\r\n1;2\r\n\r\n;\r\n3; 4 \r\n", "t.csv")
    assert header == ["a", "b"] and rows == [2, 5] and frame.rows() == [("1", "2"), ("3", " 4 ")]

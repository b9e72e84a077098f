"""PostgreSQL's binary COPY rows built column-wise (``saylau.db.pgbinary``), byte for byte."""

from __future__ import annotations

import struct

import polars as pl
import pytest

from saylau.db import pgbinary


def test_rows_are_laid_out_as_postgresql_reads_them() -> None:
    frame = pl.DataFrame({
        "id": pl.Series([7, 8], dtype=pl.Int64), "n": pl.Series([1, None], dtype=pl.Int64),
        "name": pl.Series(["ä", None], dtype=pl.Utf8), "doc": pl.Series(["[1]", "{}"], dtype=pl.Utf8),
        "at": pl.Series(["2000-01-01T00:00:01Z", "2000-01-01T00:00:00.5Z"], dtype=pl.Utf8),
        "ok": pl.Series([True, False]),
    })
    how = pgbinary.kinds([20, 23, 25, 3802, 1184, 16])
    assert how == [">i8", ">i4", "text", "jsonb", "timestamptz", "bool"]
    first = (struct.pack(">h", 6) + struct.pack(">iq", 8, 7) + struct.pack(">ii", 4, 1) + struct.pack(">i", 2) + "ä".encode()
             + struct.pack(">ib", 4, 1) + b"[1]" + struct.pack(">iq", 8, 1_000_000) + struct.pack(">iB", 1, 1))
    second = (struct.pack(">h", 6) + struct.pack(">iq", 8, 8) + struct.pack(">i", -1) + struct.pack(">i", -1)
              + struct.pack(">ib", 3, 1) + b"{}" + struct.pack(">iq", 8, 500_000) + struct.pack(">iB", 1, 0))
    assert bytes(pgbinary.rows(frame, list(frame.columns), how)) == first + second
    assert bytes(pgbinary.rows(frame.head(0), list(frame.columns), how)) == b""


def test_unknown_types_and_out_of_range_values_are_not_sent_in_binary() -> None:
    assert pgbinary.kinds([20, 1700]) is None  # numeric: the caller writes text COPY
    with pytest.raises(OverflowError, match="out of range for a 32-bit integer column"):
        pgbinary.rows(pl.DataFrame({"n": [2**31]}), ["n"], [">i4"])

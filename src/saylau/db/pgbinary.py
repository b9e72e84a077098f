"""Polars frames in PostgreSQL's binary ``COPY`` format, built column-wise.

Text ``COPY`` makes the server scan every byte of every value for delimiters
and escapes, and parse each number and timestamp; in the binary format each
value comes with its length, ready to store. For the ledger's entries (a
million payloads of canonical JSON) that is about a fifth less work for the
server, and building the rows here (NumPy and Arrow, no Python object per
value) costs less than escaping them for the text format.

Each row is ``int16`` field count, then per field an ``int32`` length (-1 for
NULL) and the value: big-endian integers, UTF-8 text, ``jsonb`` as version 1
and its text, ``timestamptz`` as microseconds since 2000-01-01 UTC, booleans
as one byte. :func:`kinds` says whether a table's columns are all of those
types (else the caller writes text ``COPY``); :func:`rows` encodes a frame.
"""

from __future__ import annotations

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

#: what starts and ends a binary COPY stream
HEADER = b"PGCOPY\n\xff\r\n\x00" + b"\x00\x00\x00\x00" * 2
TRAILER = b"\xff\xff"
#: PostgreSQL type OID -> how its values are sent
_KINDS = {20: ">i8", 21: ">i2", 23: ">i4", 16: "bool", 25: "text", 1043: "text", 3802: "jsonb", 1184: "timestamptz"}
_NULL = pa.scalar(b"\xff\xff\xff\xff", pa.large_binary())
_EMPTY = pa.scalar(b"", pa.large_binary())
_EPOCH_US = 946_684_800_000_000  # 2000-01-01T00:00:00Z in microseconds since 1970


def kinds(type_oids: list[int]) -> list[str] | None:
    """How each column is sent, from the table's type OIDs; ``None`` when one has no binary form here."""
    found = [_KINDS.get(oid) for oid in type_oids]
    return None if None in found else found


def _fixed_width(kind: str) -> bool:
    return kind in ("bool", "timestamptz") or kind.startswith(">i")


def _values(column: pl.Series, kind: str) -> tuple[np.ndarray, str]:
    """A fixed-width column's values (0 where null) and their big-endian type."""
    if kind == "bool":
        return column.cast(pl.Boolean, strict=True).fill_null(False).to_numpy().astype(np.uint8), "u1"
    if kind == "timestamptz":
        stamps = (column.dt.cast_time_unit("us") if column.dtype == pl.Datetime else
                  column.cast(pl.Utf8).str.to_datetime("%Y-%m-%dT%H:%M:%S%.fZ", time_unit="us", strict=True))
        return stamps.dt.epoch("us").fill_null(0).to_numpy() - _EPOCH_US, ">i8"
    info = np.iinfo(np.dtype(kind).newbyteorder("="))
    values = column.cast(pl.Int64, strict=True)
    low, high = values.min(), values.max()
    if low is not None and (low < info.min or high > info.max):
        raise OverflowError(f"{column.name}: {low if low < info.min else high} is out of range for "
                            f"a {info.bits}-bit integer column")
    return values.fill_null(0).to_numpy(), kind


def _packed(fields: list[tuple[np.ndarray, str, bool]], n: int) -> pa.Array:
    """Fixed-width fields side by side, one binary value per row: each field's
    values of its type, after an ``int32`` length when ``prefixed``."""
    layout, parts = [], []
    for i, (values, dtype, prefixed) in enumerate(fields):
        if prefixed:
            layout.append((f"n{i}", ">i4"))
            parts.append((f"n{i}", np.dtype(dtype).itemsize))
        layout.append((f"v{i}", dtype))
        parts.append((f"v{i}", values))
    packed = np.empty(n, dtype=layout)
    for name, value in parts:
        packed[name] = value
    return pa.array(packed.view(f"S{packed.dtype.itemsize}"), pa.binary(packed.dtype.itemsize)).cast(pa.large_binary())


def _field(column: pl.Series, kind: str) -> list[pa.Array]:
    """The pieces (length prefix, value) of one column's fields."""
    nulls = column.is_null().to_arrow() if column.null_count() else None
    if _fixed_width(kind):
        values, dtype = _values(column, kind)
        fixed = _packed([(values, dtype, True)], len(column))
        return [fixed if nulls is None else pc.if_else(nulls, _NULL, fixed)]
    data = column.cast(pl.Utf8, strict=True).cast(pl.Binary)
    sizes = data.bin.size().fill_null(0).to_numpy().astype(np.int32) + (1 if kind == "jsonb" else 0)
    prefix = _packed([(sizes, ">i4", False)], len(column))
    if kind == "jsonb":  # the version byte goes with the length
        prefix = _packed([(sizes, ">i4", False), (np.ones(len(column), np.uint8), "u1", False)], len(column))
    if nulls is not None:
        prefix = pc.if_else(nulls, _NULL, prefix)
    value = data.to_arrow().cast(pa.large_binary())
    return [prefix, value if nulls is None else value.fill_null(_EMPTY)]


def rows(frame: pl.DataFrame, columns: list[str], how: list[str]) -> memoryview:
    """The rows of ``frame`` (``columns`` in that order, sent as ``how`` says) in the
    binary COPY format, without the stream's header and trailer. Runs of
    fixed-width columns without NULLs are packed together in one NumPy record."""
    n = frame.height
    if n == 0:
        return memoryview(b"")
    pieces: list[pa.Array] = []
    run: list[tuple[np.ndarray, str, bool]] = [(np.full(n, len(columns)), ">i2", False)]  # the field count
    for name, kind in zip(columns, how, strict=True):
        column = frame[name]
        if _fixed_width(kind) and not column.null_count():
            run.append((*_values(column, kind), True))
            continue
        if run:
            pieces.append(_packed(run, n))
            run = []
        pieces += _field(column, kind)
    if run:
        pieces.append(_packed(run, n))
    joined = pc.binary_join_element_wise(*pieces, _EMPTY)
    offsets = np.frombuffer(joined.buffers()[1], dtype=np.int64, count=n + 1, offset=8 * joined.offset)
    return memoryview(joined.buffers()[2])[offsets[0]:offsets[-1]]

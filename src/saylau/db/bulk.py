"""Polars frames into and out of the database, in bulk.

- :func:`frame_writer`: frames written to a table with PostgreSQL ``COPY ... FROM
  STDIN`` (binary format when every column's type has one in :mod:`.pgbinary`,
  else text; fed by psycopg's queued writer thread, so the next frame is built
  while the server stores this one) or SQLite ``executemany``;
- :func:`stored_timestamps`: UTC timestamps as ISO 8601 text turned into the text
  the database stores, for the frames given to :func:`frame_writer`;
- :func:`read_text_frame`: a query's rows as text columns, through PostgreSQL
  ``COPY (...) TO STDOUT`` as CSV parsed by Polars, or a cursor elsewhere;
- :func:`lock_table`: a table locked against other writers until the transaction
  ends (before reserving ids for a bulk write).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import repeat

import polars as pl
from django.db import connection

from saylau.db import pgbinary

#: what PostgreSQL's COPY text format escapes in a value
_COPY_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def copy_text(frame: pl.DataFrame) -> bytes:
    """``frame`` in PostgreSQL's COPY text format (tab-separated, ``\\N`` for NULL,
    backslash escapes), cheaper to write and for the server to parse than CSV
    full of quoted JSON."""
    escaped = frame.with_columns(pl.col(pl.Utf8).str.replace_many(list(_COPY_ESCAPES), list(_COPY_ESCAPES.values())))
    return escaped.write_csv(include_header=False, separator="\t", quote_style="never", null_value="\\N").encode("utf-8")


@contextmanager
def frame_writer(table: str, columns: Sequence[str]) -> Iterator[Callable[[pl.DataFrame], None]]:
    """A function writing frames of ``columns`` (in that order) to ``table``,
    inside the caller's transaction: one ``COPY`` for all the frames on
    PostgreSQL, ``executemany`` per frame elsewhere. Timestamp columns hold
    the text :func:`stored_timestamps` makes. Ids written explicitly (an ``id``
    column) move the table's id sequence past them when the writer closes."""
    names = ", ".join(columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            from psycopg.copy import QueuedLibpqWriter

            raw = cursor.cursor
            how = _binary_kinds(cursor, table, tuple(columns))
            fmt = "" if how is None else " (FORMAT binary)"
            with raw.copy(f"COPY {table} ({names}) FROM STDIN{fmt}", writer=QueuedLibpqWriter(raw)) as copy:
                if how is None:
                    yield lambda frame: copy.write(copy_text(frame.select(columns)))
                else:
                    copy.write(pgbinary.HEADER)
                    yield lambda frame: copy.write(pgbinary.rows(frame, list(columns), how))
                    copy.write(pgbinary.TRAILER)
            if "id" in columns:
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")
        else:
            sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join('%s' for _ in columns)})"
            yield lambda frame: cursor.executemany(sql, _parameters(frame, columns))


def _parameters(frame: pl.DataFrame, columns: Sequence[str]) -> Iterator[tuple]:
    """Rows of ``columns`` as tuples for ``executemany``: column lists zipped (faster
    than ``iter_rows``), a column holding one value throughout repeated rather than
    listed (an import's election, tier, source, block, arrival time)."""
    lists = []
    for name in columns:
        column = frame[name]
        nulls = column.null_count()
        if nulls == len(column) or (not nulls and len(column) and (column == column[0]).all()):
            lists.append(repeat(column[0] if len(column) else None, len(column)))
        else:
            lists.append(column.to_list())
    return zip(*lists, strict=True)


#: (table, columns) -> how :mod:`.pgbinary` sends each column, or None (text COPY)
_KINDS: dict[tuple[str, tuple[str, ...]], list[str] | None] = {}


def _binary_kinds(cursor, table: str, columns: tuple[str, ...]) -> list[str] | None:
    """How each column goes in binary COPY, from the table's column types (read once)."""
    key = (table, columns)
    if key not in _KINDS:
        cursor.execute(f"SELECT {', '.join(columns)} FROM {table} LIMIT 0")
        _KINDS[key] = pgbinary.kinds([d.type_code for d in cursor.description])
    return _KINDS[key]


def stored_timestamps(text: pl.Expr) -> pl.Expr:
    """UTC timestamps as ISO 8601 text ending in ``Z`` (``2024-03-01T07:30:00Z``,
    with or without fractions of a second) -> what :func:`frame_writer` writes to a
    ``DateTimeField`` column: PostgreSQL reads them as they are; SQLite holds
    Django's naive UTC text (``2024-03-01 07:30:00``). A literal is converted
    once, not per row."""
    if connection.vendor == "postgresql":
        return text
    return text.str.replace("T", " ", literal=True).str.strip_suffix("Z")


def read_text_frame(sql: str, params: Sequence, width: int) -> pl.DataFrame:
    """The rows of ``sql`` (``width`` columns) as text columns ``c0``, ``c1``...
    (NULL as null). On PostgreSQL through ``COPY (...) TO STDOUT (FORMAT csv)``
    read by Polars (no Python object per value; booleans as ``t``/``f``);
    elsewhere through a cursor (values as ``str`` gives them)."""
    schema = {f"c{i}": pl.Utf8 for i in range(width)}
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        data = bytearray()  # grown row by row: b"".join(copy) would hold every row's buffer until the end
        with connection.connection.cursor() as cursor:
            with cursor.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv)", params) as copy:
                for row in copy:
                    data += row
        if not data:
            return pl.DataFrame(schema=schema)
        return pl.read_csv(bytes(data), has_header=False, new_columns=list(schema), schema=schema)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in range(width)]
    return pl.DataFrame({name: pl.Series([None if v is None else str(v) for v in values], dtype=pl.Utf8)
                         for name, values in zip(schema, columns, strict=True)})


def reserve_ids(table: str, *, key: str = "id") -> int:
    """Lock ``table`` (:func:`lock_table`) and return the first free value of its
    ``key`` column: the caller writes rows with ids from there on in this
    transaction, and no other writer takes them."""
    quote = connection.ops.quote_name
    lock_table(table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX({quote(key)}), 0) FROM {quote(table)}")
        return int(cursor.fetchone()[0]) + 1


def lock_table(table: str) -> None:
    """Keep other writers out of ``table`` until the transaction ends (readers
    go on): PostgreSQL ``SHARE ROW EXCLUSIVE``; SQLite has one writer at a time."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")

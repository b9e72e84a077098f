"""Fast storage of protocols: bulk writes and one-query reads into Polars.

Writes use PostgreSQL ``COPY`` (psycopg 3 ``cursor.copy``) or SQLite
``executemany``; reads use ``COPY ... TO STDOUT`` or one ``SELECT``. Each
protocol row also has a canonical text (``row_texts``): ids, fixed lines,
votes and arrival time joined by ``|``, the same whether built from a frame
about to be written or read back; block digests (SHA-256) are made from it.
"""

from __future__ import annotations

import hashlib
import io

import polars as pl
from django.db import connection

from saylau.results.choices import LINES

TABLE = "results_protocol"
COLUMNS = (
    "id", "election_id", "unit_id", "tier", "source", "version", "supersedes_id", *LINES,
    "votes", "received_at", "block_id", "submission_id",
)
INT_COLUMNS = ("id", "election_id", "unit_id", "version", "supersedes_id", *LINES, "block_id")
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def reserve_ids(n: int) -> int:
    """Lock the protocol table for writing and return the first of ``n`` free ids."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"LOCK TABLE {TABLE} IN SHARE ROW EXCLUSIVE MODE")
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {TABLE}")
        return int(cursor.fetchone()[0]) + 1


def insert(frame: pl.DataFrame) -> None:
    """Write rows (columns :data:`COLUMNS`, ids assigned) in one bulk operation."""
    frame = frame.select(COLUMNS)
    names = ", ".join(COLUMNS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            data = frame.write_csv(include_header=False).encode("utf-8")
            with cursor.cursor.copy(f"COPY {TABLE} ({names}) FROM STDIN WITH (FORMAT csv)") as copy:
                for start in range(0, len(data), 1 << 22):
                    copy.write(data[start:start + (1 << 22)])
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{TABLE}', 'id'), (SELECT MAX(id) FROM {TABLE}))"
            )
        else:  # SQLite stores datetimes as naive UTC text
            frame = frame.with_columns(
                pl.col("received_at").str.replace("T", " ", literal=True).str.strip_suffix("Z"))
            marks = ", ".join("%s" for _ in COLUMNS)
            cursor.executemany(f"INSERT INTO {TABLE} ({names}) VALUES ({marks})", frame.iter_rows())


def _select(election_id: int | None, current_only: bool, where: str) -> str:
    pg = connection.vendor == "postgresql"
    when = ("to_char(p.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')" if pg
            else "strftime('%Y-%m-%dT%H:%M:%SZ', p.received_at)")
    votes = "p.votes::text" if pg else "p.votes"
    cols = [f"p.{c}" for c in COLUMNS if c not in ("votes", "received_at")]
    conditions = []
    if election_id is not None:
        conditions.append(f"p.election_id = {int(election_id)}")
    if current_only:
        conditions.append(f"NOT EXISTS (SELECT 1 FROM {TABLE} s WHERE s.supersedes_id = p.id)")
    if where:
        conditions.append(where)
    clause = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    return (f"SELECT {', '.join(cols)}, {votes} AS votes, {when} AS received_at "
            f"FROM {TABLE} p{clause} ORDER BY p.id")


def load(election_id: int | None = None, *, current_only: bool = True, where: str = "") -> pl.DataFrame:
    """Protocol rows as a Polars frame (votes as normalised JSON text), ordered by id.

    ``where`` is an extra SQL condition on alias ``p`` (built by the caller
    from constants, never from user input).
    """
    sql = _select(election_id, current_only, where)
    names = [c for c in COLUMNS if c not in ("votes", "received_at")] + ["votes", "received_at"]
    schema = {c: (pl.Int64 if c in INT_COLUMNS else pl.Utf8) for c in names}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            buffer = io.BytesIO()
            with cursor.cursor.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv)") as copy:
                for chunk in copy:
                    buffer.write(chunk)
            buffer.seek(0)
            frame = pl.read_csv(buffer, has_header=False, new_columns=names, schema=schema) if buffer.getbuffer().nbytes else pl.DataFrame(schema=schema)
            frame = frame.with_columns(pl.col("submission_id").fill_null(""))
        else:
            cursor.execute(sql)
            frame = pl.DataFrame(cursor.fetchall(), schema=schema, orient="row")
    return frame.with_columns(pl.col("votes").str.replace_all(" ", "", literal=True))


def votes_text(values) -> str:
    """The stored JSON text of a votes list, normalised (no spaces)."""
    return "[" + ",".join(str(int(v)) for v in values) + "]"


def row_texts(frame: pl.DataFrame) -> pl.Series:
    """One canonical text per row: every column of :data:`COLUMNS` joined by ``|``."""
    parts = [pl.col(c).cast(pl.Utf8).fill_null("") for c in COLUMNS]
    return frame.select(pl.concat_str(parts, separator="|").alias("text"))["text"]


def block_digests(frame: pl.DataFrame) -> dict[int, dict]:
    """``{block id: {"count": n, "digest": sha256}}`` over the rows of each block (id order)."""
    rows = frame.filter(pl.col("block_id").is_not_null())
    if rows.is_empty():
        return {}
    texts = rows.select("id", "block_id").with_columns(text=row_texts(rows)).sort("id")
    grouped = texts.group_by("block_id", maintain_order=True).agg(
        pl.len().alias("count"), pl.col("text").str.join("\n").alias("joined")
    )
    return {
        int(b): {"count": int(n), "digest": hashlib.sha256(j.encode("utf-8")).hexdigest()}
        for b, n, j in grouped.iter_rows()
    }


def expand_votes(frame: pl.DataFrame, k: int) -> pl.DataFrame:
    """Add ``votes_1 .. votes_k`` Int64 columns from the votes JSON text."""
    parsed = pl.col("votes").str.strip_chars("[]").str.split(",").list.eval(
        pl.element().cast(pl.Int64, strict=False))
    frame = frame.with_columns(parsed.alias("_v"))
    return frame.with_columns(
        [pl.col("_v").list.get(i, null_on_oob=True).alias(f"votes_{i + 1}") for i in range(k)]
    ).drop("_v")

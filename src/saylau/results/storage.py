"""Fast storage of protocols: bulk writes and one-query reads into Polars.

Writes use PostgreSQL ``COPY`` or SQLite ``executemany``
(:mod:`saylau.db`); reads build CSV lines in one ``SELECT``. Each
protocol row also has its ledger state as canonical JSON text
(``state_texts``), the same whether built from a frame about to be written
or read back: bulk imports put it in each protocol's ledger entry and
``saylau ledger verify`` compares it with what the database holds.
"""

from __future__ import annotations

import io

import polars as pl
from django.db import connection

from saylau import db
from saylau.core.protocol import LINES, vote_columns
from saylau.geography.models import Unit
from saylau.ledger.core import texts

TABLE = "results_protocol"
COLUMNS = (
    "id", "election_id", "unit_id", "tier", "source", "version", "supersedes_id", *LINES,
    "votes", "received_at", "block_id", "submission_id",
)
INT_COLUMNS = ("id", "election_id", "unit_id", "version", "supersedes_id", *LINES, "block_id")
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def insert(frame: pl.DataFrame) -> None:
    """Write rows (columns :data:`COLUMNS`, ids assigned) in one bulk operation."""
    frame = frame.select(COLUMNS).with_columns(db.stored_timestamps(pl.col("received_at")))
    with db.frame_writer(TABLE, COLUMNS) as write:
        for start in range(0, frame.height, 100_000):
            write(frame.slice(start, 100_000))


def dangling(first: int, last: int) -> int:
    """How many protocols with ids ``first..last`` refer to a unit that does not
    exist or belongs to another election, or supersede a protocol that does not
    exist or is of another unit: the references the table keeps no foreign keys
    for (see :class:`saylau.results.models.Protocol`), checked in one query."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {TABLE} p"
            f" LEFT JOIN {Unit._meta.db_table} u ON u.id = p.unit_id AND u.election_id = p.election_id"
            f" LEFT JOIN {TABLE} s ON s.id = p.supersedes_id AND s.unit_id = p.unit_id"
            " WHERE p.id BETWEEN %s AND %s AND (u.id IS NULL OR (p.supersedes_id IS NOT NULL AND s.id IS NULL))",
            [first, last])
        return int(cursor.fetchone()[0])


def read(columns: dict[str, tuple[str, pl.DataType]], rest: str) -> pl.DataFrame:
    """``SELECT <expressions> <rest>`` as a Polars frame, in one pass.

    ``columns``: name -> (SQL expression, Polars type: ``pl.Int64`` or
    ``pl.Utf8``); ``rest``: ``FROM ... WHERE ... ORDER BY ...`` built from
    constants. The database builds one CSV line per row (integers as they
    are, text quoted, NULL as nothing), so that the driver makes one string
    per row instead of one object per value (and PostgreSQL's ``COPY ... TO
    STDOUT`` is not iterated row by row in Python); Polars parses the lines.
    Text NULLs come back as empty strings.
    """
    schema = {name: dtype for name, (_, dtype) in columns.items()}
    parts = [f"COALESCE(CAST({e} AS TEXT), '')" if t == pl.Int64 else f"""COALESCE('"' || REPLACE({e}, '"', '""') || '"', '')"""
             for e, t in columns.values()]
    joined = " || ',' || ".join(parts)
    buffer = io.BytesIO()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {joined} {rest}")
        while batch := cursor.fetchmany(200_000):
            buffer.write("\n".join([r[0] for r in batch]).encode("utf-8"))
            buffer.write(b"\n")
    if not buffer.getbuffer().nbytes:
        return pl.DataFrame(schema=schema)
    buffer.seek(0)
    frame = pl.read_csv(buffer, has_header=False, new_columns=list(columns), schema=schema)
    return frame.with_columns(pl.col(c).fill_null("") for c, t in schema.items() if t == pl.Utf8)


def load(election_id: int | None = None, *, current_only: bool = True, where: str = "",
         columns: tuple[str, ...] = COLUMNS) -> pl.DataFrame:
    """Protocol rows as a Polars frame (votes as normalised JSON text), ordered by id.

    ``where`` is an extra SQL condition on alias ``p`` (built by the caller
    from constants, never from user input). ``current_only`` drops the
    versions another row supersedes; as a new version keeps the election,
    unit, tier and source of the one it supersedes, ``where`` may only test
    those columns then. ``columns``: the ones read (of :data:`COLUMNS`; ``id``
    and, with ``current_only``, ``supersedes_id`` among them).
    """
    special = {"votes": db.json_text("p.votes"), "received_at": db.utc_text("p.received_at")}
    selected = {c: (special.get(c, f"p.{c}"), pl.Int64 if c in INT_COLUMNS else pl.Utf8) for c in columns}
    conditions = []
    if election_id is not None:  # a whole election: one pass over the table (``+``: no index), no sort
        conditions.append(f"{'' if where else '+'}p.election_id = {int(election_id)}")
    if where:
        conditions.append(where)
    clause = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    frame = read(selected, f"FROM {TABLE} p{clause}")
    if "votes" in selected:
        frame = frame.with_columns(pl.col("votes").str.replace_all(" ", "", literal=True))
    if "received_at" in selected:
        frame = frame.with_columns(pl.when(pl.col("received_at") != "").then(pl.col("received_at")))
    if current_only:  # not superseded: a new version keeps the election, unit, tier and source, so it is read too
        frame = frame.filter(~pl.col("id").is_in(frame["supersedes_id"].drop_nulls().implode()))
    return frame if frame["id"].is_sorted() else frame.sort("id")  # a scan usually gives id order already


def votes_text(values) -> str:
    """The stored JSON text of a votes list, normalised (no spaces)."""
    return "[" + ",".join(str(int(v)) for v in values) + "]"


def state_expr() -> pl.Expr:
    """The canonical JSON text of a row's ledger state, byte for byte
    ``canonical_json(protocol_state(row))`` (see
    :func:`saylau.results.services.protocols.protocol_state`), as an expression
    over the stored columns."""
    return texts.obj({
        "block": texts.integers("block_id"), "election": texts.integers("election_id"),
        "lines": texts.obj({k: texts.integers(k) for k in LINES}),
        "received_at": texts.strings("received_at"), "source": texts.strings("source"),
        "submission_id": texts.strings(pl.col("submission_id").fill_null("")),
        "supersedes": texts.integers("supersedes_id"), "tier": texts.strings("tier"),
        "unit": texts.integers("unit_id"), "version": texts.integers("version"),
        "votes": pl.col("votes").str.replace_all(" ", "", literal=True),
    })


def state_texts(frame: pl.DataFrame) -> pl.Series:
    """:func:`state_expr` of each row, built column-wise."""
    return frame.select(state_expr().alias("state"))["state"]


def expand_votes(frame: pl.DataFrame, k: int) -> pl.DataFrame:
    """Add ``votes_1 .. votes_k`` Int64 columns from the votes JSON text."""
    parsed = pl.col("votes").str.strip_chars("[]").str.split(",").list.eval(
        pl.element().cast(pl.Int64, strict=False))
    frame = frame.with_columns(parsed.alias("_v"))
    return frame.with_columns(
        [pl.col("_v").list.get(i, null_on_oob=True).alias(c) for i, c in enumerate(vote_columns(k))]
    ).drop("_v")

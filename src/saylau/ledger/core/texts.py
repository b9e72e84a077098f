"""Canonical JSON for whole columns at once (Polars), byte for byte what
:func:`saylau.ledger.core.chain.canonical_json` writes for each row.

Bulk writers (a million protocols in one import) build each entry's payload
with these instead of encoding a million dicts one by one: strings become
JSON string literals (only ``"``, ``\\`` and control characters escaped, as
``json`` does with ``ensure_ascii=False``), integers their decimal text, nulls
``null``; :func:`payloads` assembles the ledger payload around a state text
with its keys in canonical (sorted) order.
"""

from __future__ import annotations

import polars as pl

from saylau.ledger.core.chain import ENCODER

#: what ``json`` escapes when ``ensure_ascii=False``: quote, backslash, control characters
_ESCAPES = {"\\": "\\\\", '"': '\\"', **{chr(i): ENCODER.encode(chr(i))[1:-1] for i in range(32)}}


def literal(value) -> str:
    """The canonical JSON text of one value."""
    return ENCODER.encode(value)


def strings(column: pl.Expr | str) -> pl.Expr:
    """JSON string literals of a text column (``null`` where null)."""
    col = pl.col(column) if isinstance(column, str) else column
    escaped = col.str.replace_many(list(_ESCAPES), list(_ESCAPES.values()))
    return pl.concat_str([pl.lit('"'), escaped, pl.lit('"')]).fill_null("null")


def integers(column: pl.Expr | str) -> pl.Expr:
    """Decimal text of an integer column (``null`` where null)."""
    col = pl.col(column) if isinstance(column, str) else column
    return col.cast(pl.Int64).cast(pl.Utf8).fill_null("null")


def obj(members: dict[str, pl.Expr]) -> pl.Expr:
    """A JSON object from already-encoded member values, keys in canonical order."""
    parts: list[pl.Expr] = []
    for i, key in enumerate(sorted(members)):
        parts.append(pl.lit(("{" if i == 0 else ",") + literal(key) + ":"))
        parts.append(members[key])
    parts.append(pl.lit("}" if members else "{}"))
    return pl.concat_str(parts)


def payloads(
    *, sequence: pl.Expr, event: pl.Expr, object_type: pl.Expr, object_id: pl.Expr, repr_: pl.Expr,
    after: pl.Expr, before: pl.Expr, reason: pl.Expr, actor: dict, at: str, batch: str,
) -> pl.Expr:
    """The canonical payload of :func:`saylau.ledger.services.record_many` for each row.

    ``event``, ``object_type``, ``object_id``, ``repr_`` and ``reason`` are
    text columns (encoded here); ``after`` and ``before`` are canonical JSON
    texts already; ``sequence`` an integer column.
    """
    return obj({
        "actor": pl.lit(literal(actor)), "after": after, "at": pl.lit(literal(at)), "batch": pl.lit(literal(batch)),
        "before": before, "event": strings(event),
        "object": obj({"id": strings(object_id), "repr": strings(repr_), "type": strings(object_type)}),
        "reason": strings(reason), "sequence": integers(sequence),
    })

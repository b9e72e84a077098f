"""Bulk writes of protocols: one ledger entry per protocol, written in bulk.

Each protocol written gets the entry :func:`record_protocol` would give it
(``results.protocol.imported``, or ``results.protocol.corrected`` for a new
version), with the protocol's whole state as ``after``; the import itself is
a :class:`ProtocolBlock` (where the protocols came from, how many) with its
own entry. The entries' payloads are built column-wise and written with
``COPY``/``executemany`` (:func:`saylau.ledger.services.record_texts`).
"""

from __future__ import annotations

import polars as pl
from django.db import IntegrityError
from django.utils import timezone

from saylau import db
from saylau.core.actors import Actor
from saylau.core.protocol import LINES
from saylau.geography.models import Election
from saylau.ledger.services import Event, record, record_texts
from saylau.results import storage
from saylau.results.models import ProtocolBlock


def block_state(block: ProtocolBlock | dict) -> dict:
    """The ledger state of an import: its election, where it came from, how many protocols."""
    get = block.get if isinstance(block, dict) else (lambda k: getattr(block, k))
    return {"election": get("election_id"), "origin": get("origin"), "count": get("count")}


def write_protocols(*, actor: Actor, election: Election, frame: pl.DataFrame, origin: str) -> list[int]:
    """Insert protocols and append one ledger entry per protocol (plus one for the import).

    ``frame``: ``unit_id, tier, source`` and the lines, ``votes`` (JSON text
    without spaces), ``received_at`` (ISO text or null), optionally
    ``submission_id``, ``version``, ``supersedes_id``, ``unit_code`` (for the
    entries' descriptions) and ``reason`` (of a correction). Must run inside
    the caller's transaction. The units and superseded protocols written are
    checked in one query afterwards (:func:`storage.dangling`); a reference
    that does not hold raises ``IntegrityError``. Returns the new ids in frame order.
    """
    n = frame.height
    if n == 0:
        return []
    defaults = {"submission_id": pl.lit(""), "version": pl.lit(1, pl.Int64),
                "supersedes_id": pl.lit(None, pl.Int64)}
    frame = frame.with_columns([v.alias(k) for k, v in defaults.items() if k not in frame.columns])
    first = db.reserve_ids(storage.TABLE)
    block = ProtocolBlock.objects.create(election=election, origin=origin[:200], count=n, created_at=timezone.now())
    rows = frame.with_columns(
        id=pl.int_range(first, first + n, dtype=pl.Int64),
        election_id=pl.lit(election.pk, pl.Int64),
        block_id=pl.lit(block.pk, pl.Int64),
        **{k: pl.col(k).cast(pl.Int64) for k in LINES},
    ).with_columns(pl.col("version").cast(pl.Int64), pl.col("supersedes_id").cast(pl.Int64),
                   pl.col("received_at").cast(pl.Utf8), pl.col("submission_id").fill_null(""))
    stored = rows.select(storage.COLUMNS)
    record(actor=actor, event=Event("results.protocolblock.created", "results.protocolblock", block.pk, str(block),
                                    None, block_state(block)))
    unit = pl.concat_str([pl.lit("unit "), pl.col("unit_id").cast(pl.Utf8)])
    if "unit_code" in rows.columns:
        unit = pl.coalesce(pl.col("unit_code").cast(pl.Utf8), unit)
    corrected = pl.col("supersedes_id").is_not_null()
    record_texts(actor=actor, rows=rows.with_columns(
        event=pl.when(corrected).then(pl.lit("results.protocol.corrected")).otherwise(pl.lit("results.protocol.imported")),
        object_type=pl.lit("results.protocol"),
        object_id=pl.col("id").cast(pl.Utf8),
        repr=pl.concat_str([pl.col("tier"), pl.lit(" "), pl.col("source"), pl.lit(" protocol of "), unit,
                            pl.lit(" v"), pl.col("version").cast(pl.Utf8)]),
        reason=(pl.col("reason").cast(pl.Utf8).fill_null("") if "reason" in rows.columns else pl.lit("")),
    ), after=storage.state_expr(),  # the states and entries are built in the ledger's helper thread ...
        meanwhile=lambda: storage.insert(stored))  # ... while the rows are written
    bad = storage.dangling(first, first + n - 1)
    if bad:  # the caller's transaction rolls back: nothing of the write stays
        raise IntegrityError(f"{bad:,} of {n:,} protocols refer to a unit outside election {election.pk} "
                             "or supersede a protocol of another unit")
    return list(range(first, first + n))

"""Bulk writes of protocols in blocks: one ledger entry per block holds its digest."""

from __future__ import annotations

import polars as pl
from django.utils import timezone

from saylau.actors import Actor
from saylau.geography.models import Election
from saylau.ledger.services import Event, record_many
from saylau.results import storage
from saylau.results.choices import LINES
from saylau.results.models import ProtocolBlock

#: protocols per block (and per ledger entry) of a bulk import
BLOCK_SIZE = 10_000


def block_state(block: ProtocolBlock | dict, digest: dict) -> dict:
    """The ledger state of a block: where it came from and the digest of its rows."""
    get = block.get if isinstance(block, dict) else (lambda k: getattr(block, k))
    return {"election": get("election_id"), "origin": get("origin"), "count": digest["count"],
            "digest": digest["digest"]}


def write_protocols(*, actor: Actor, election: Election, frame: pl.DataFrame, origin: str) -> list[int]:
    """Insert protocols in blocks of :data:`BLOCK_SIZE` and append one ledger entry per block.

    ``frame``: ``unit_id, tier, source`` and the lines, ``votes`` (JSON text
    without spaces), ``received_at`` (ISO text or null), optionally
    ``submission_id``, ``version`` and ``supersedes_id``. Must run inside the
    caller's transaction. Returns the new ids in frame order.
    """
    n = frame.height
    if n == 0:
        return []
    defaults = {"submission_id": pl.lit(""), "version": pl.lit(1, pl.Int64),
                "supersedes_id": pl.lit(None, pl.Int64)}
    frame = frame.with_columns([v.alias(k) for k, v in defaults.items() if k not in frame.columns])
    first = storage.reserve_ids(n)
    now = timezone.now()
    blocks = ProtocolBlock.objects.bulk_create([
        ProtocolBlock(election=election, origin=origin[:200], count=min(BLOCK_SIZE, n - start), created_at=now)
        for start in range(0, n, BLOCK_SIZE)
    ])
    block_ids = pl.Series([b.pk for b in blocks], dtype=pl.Int64)
    rows = frame.with_columns(
        id=pl.int_range(first, first + n, dtype=pl.Int64),
        election_id=pl.lit(election.pk, pl.Int64),
        block_id=block_ids.gather(pl.int_range(0, n, eager=True) // BLOCK_SIZE),
        **{k: pl.col(k).cast(pl.Int64) for k in LINES},
    ).with_columns(pl.col("version").cast(pl.Int64), pl.col("supersedes_id").cast(pl.Int64),
                   pl.col("received_at").cast(pl.Utf8), pl.col("submission_id").fill_null(""))
    rows = rows.select(storage.COLUMNS)
    storage.insert(rows)
    digests = storage.block_digests(rows)
    record_many(actor=actor, events=[
        Event("results.protocol.imported", "results.protocolblock", b.pk, str(b), None,
              block_state(b, digests[b.pk]), extra={"first_id": first + i * BLOCK_SIZE})
        for i, b in enumerate(blocks)
    ])
    return list(range(first, first + n))

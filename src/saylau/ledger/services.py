"""Appending to the ledger. Every service that changes state calls :func:`record`
(or :func:`record_many` for a batch) inside its own transaction, so that the
change and its entry commit together or not at all."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from saylau.actors import Actor
from saylau.ledger.chain import GENESIS, canonical_json, entry_hash
from saylau.ledger.models import LedgerEntry, LedgerHead


@dataclass(frozen=True)
class Event:
    """What happened to one object: the code, the object, its state before and after."""

    event: str
    object_type: str
    object_id: str | int
    object_repr: str = ""
    before: object = None
    after: object = None
    reason: str = ""
    extra: dict = field(default_factory=dict)


def _lock_head() -> LedgerHead:
    head = LedgerHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        head, _ = LedgerHead.objects.get_or_create(pk=1, defaults={"sequence": 0, "hash": GENESIS})
        head = LedgerHead.objects.select_for_update().get(pk=1)
    return head


def record(*, actor: Actor, event: Event, batch_id: str = "") -> LedgerEntry:
    """Append one entry; call inside the transaction that made the change."""
    return record_many(actor=actor, events=[event], batch_id=batch_id)[0]


def record_many(*, actor: Actor, events: Iterable[Event], batch_id: str = "", chunk: int = 5000) -> list[LedgerEntry]:
    """Append entries for a batch of changes, in order, under one lock of the head."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("ledger entries are appended inside the transaction that makes the change")
    batch_id = batch_id or uuid.uuid4().hex
    head = _lock_head()
    sequence, previous = head.sequence, head.hash
    now = timezone.now()
    at = now.isoformat()
    who = {"kind": actor.kind, "name": actor.name, "user_id": actor.user_id}
    created: list[LedgerEntry] = []
    pending: list[LedgerEntry] = []
    for e in events:
        sequence += 1
        payload = {
            "sequence": sequence, "event": e.event, "actor": who, "at": at, "batch": batch_id,
            "object": {"type": e.object_type, "id": str(e.object_id), "repr": e.object_repr},
            "before": e.before, "after": e.after, "reason": e.reason, **({"extra": e.extra} if e.extra else {}),
        }
        text = canonical_json(payload).decode("utf-8")
        digest = entry_hash(previous, text)
        pending.append(LedgerEntry(
            sequence=sequence, event=e.event, object_type=e.object_type, object_id=str(e.object_id),
            batch_id=batch_id, created_at=now, payload=text, previous_hash=previous, hash=digest,
        ))
        previous = digest
        if len(pending) >= chunk:
            created += LedgerEntry.objects.bulk_create(pending)
            pending = []
    if pending:
        created += LedgerEntry.objects.bulk_create(pending)
    head.sequence, head.hash = sequence, previous
    head.save(update_fields=["sequence", "hash"])
    return created


def current_head() -> tuple[int, str]:
    """The published head: last sequence number and hash."""
    head = LedgerHead.objects.filter(pk=1).first()
    return (head.sequence, head.hash) if head else (0, GENESIS)

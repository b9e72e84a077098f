"""Appending to the ledger. Every service that changes state calls :func:`record`
(or :func:`record_many` for a batch) inside its own transaction, so that the
change and its entry commit together or not at all. Bulk writers with a
state per row (a million imported protocols) call :func:`record_texts`, which
builds the same canonical payloads column-wise and writes them with
PostgreSQL ``COPY`` or SQLite ``executemany`` (:mod:`saylau.db`)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import queue
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import polars as pl
from django.db import transaction
from django.utils import timezone

from saylau import db
from saylau.core.actors import Actor
from saylau.ledger.core import texts
from saylau.ledger.core.chain import GENESIS, canonical_json, entry_hash
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
    actor: Actor | None = None  # who, when a batch mixes actors (group commit); else record_many's actor


def _lock_head() -> LedgerHead:
    # a prepared statement: this runs once per write
    row = db.fetch_one(f"SELECT sequence, hash FROM {LedgerHead._meta.db_table} WHERE id = 1", for_update=True)
    if row is not None:
        return LedgerHead(pk=1, sequence=row[0], hash=row[1])
    LedgerHead.objects.get_or_create(pk=1, defaults={"sequence": 0, "hash": GENESIS})
    return LedgerHead.objects.select_for_update().get(pk=1)


def _who(actor: Actor) -> dict:
    return {"kind": actor.kind, "name": actor.name, "user_id": actor.user_id}


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
    default = {"kind": actor.kind, "name": actor.name, "user_id": actor.user_id}
    created: list[LedgerEntry] = []
    pending: list[LedgerEntry] = []
    for e in events:
        sequence += 1
        who = default if e.actor is None else {"kind": e.actor.kind, "name": e.actor.name, "user_id": e.actor.user_id}
        payload = {
            "sequence": sequence, "event": e.event, "actor": who, "at": at, "batch": batch_id,
            "object": {"type": e.object_type, "id": str(e.object_id), "repr": e.object_repr},
            "before": e.before, "after": e.after, "reason": e.reason, **({"extra": e.extra} if e.extra else {}),
        }
        text = canonical_json(payload).decode("utf-8")
        digest = entry_hash(previous, text)
        pending.append(db.instance(
            LedgerEntry, sequence=sequence, event=e.event, object_type=e.object_type, object_id=str(e.object_id),
            batch_id=batch_id, created_at=now, payload=text, previous_hash=previous, hash=digest,
        ))
        previous = digest
        if len(pending) >= chunk:
            db.insert_rows(LedgerEntry, pending, columns=_COLUMNS, limit=SMALL)
            created += pending
            pending = []
    head.sequence, head.hash = sequence, previous
    # the last entries and the new head: on PostgreSQL one prepared statement for a few entries (the
    # group commit of single submissions writes a few at a time, and ``bulk_create``'s ``UNNEST``
    # arrays quoted on the client, or a statement planned afresh each time, would cost more than
    # the rest of the request)
    db.insert_rows(LedgerEntry, pending, columns=_COLUMNS, limit=SMALL,
                   then=(_MOVE_HEAD, [head.sequence, head.hash]))
    return created + pending


#: up to this many entries, PostgreSQL appends them and moves the head in one prepared statement
SMALL = 500
#: the ledger table's columns but its id, in order: what the bulk writers write
_COLUMNS = ("sequence", "event", "object_type", "object_id", "batch_id", "created_at", "payload",
            "previous_hash", "hash")
_MOVE_HEAD = f"UPDATE {LedgerHead._meta.db_table} SET sequence = %s, hash = %s WHERE id = 1"


def record_texts(
    *, actor: Actor, rows: pl.DataFrame, batch_id: str = "", chunk: int = 100_000,
    meanwhile: Callable[[], None] | None = None, after: pl.Expr | None = None,
) -> range:
    """Append one entry per row of ``rows``, in row order, under one lock of the head.

    The entries are those :func:`record_many` would append for
    ``Event(event, object_type, object_id, repr, before, after, reason)``,
    payload for payload, but the payloads are assembled column-wise and the
    rows written in bulk. ``rows``: text columns ``event``, ``object_type``,
    ``object_id``, ``repr``, ``reason`` and ``after`` (the canonical JSON text
    of the state, see :mod:`saylau.ledger.core.texts`), optionally ``before``
    (canonical text; ``null`` when absent). ``after`` (optional): an expression
    over ``rows``' columns that makes the ``after`` text instead, evaluated
    chunk by chunk in the helper thread. Call inside the transaction that
    made (or, with ``meanwhile``, makes) the change. Returns the sequence
    numbers appended.

    Chunks of ``chunk`` entries are built and hashed in a helper thread (pure
    computation, no database) while this thread writes the chunk before; the
    caller's ``meanwhile`` (e.g. writing the rows the entries describe) runs
    here, in the caller's transaction, after the head is locked and before the
    first entry is written.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("ledger entries are appended inside the transaction that makes the change")
    batch_id = batch_id or uuid.uuid4().hex
    head = _lock_head()
    first, previous = head.sequence + 1, head.hash
    if rows.is_empty():
        if meanwhile is not None:
            meanwhile()
        return range(first, first)
    now = timezone.now()
    when = db.stored_timestamps(pl.lit(now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")))
    if "before" not in rows.columns:
        rows = rows.with_columns(before=pl.lit("null"))
    rows = rows.with_columns(sequence=pl.int_range(first, first + rows.height, dtype=pl.Int64))
    payload = texts.payloads(
        sequence=pl.col("sequence"), event=pl.col("event"), object_type=pl.col("object_type"),
        object_id=pl.col("object_id"), repr_=pl.col("repr"), after=pl.col("after") if after is None else after,
        before=pl.col("before"),
        reason=pl.col("reason"), actor=_who(actor), at=now.isoformat(), batch=batch_id,
    ).alias("payload")

    def chunks(previous: str) -> Iterator[pl.DataFrame]:
        sha = hashlib.sha256
        for start in range(0, rows.height, chunk):
            part = rows.slice(start, chunk).select("sequence", "event", "object_type", "object_id", payload)
            links, hashes = [], []
            for body in part["payload"].to_list():
                links.append(previous)
                previous = sha((previous + body).encode("utf-8")).hexdigest()
                hashes.append(previous)
            yield part.with_columns(
                batch_id=pl.lit(batch_id), created_at=when,
                previous_hash=pl.Series(links, dtype=pl.Utf8), hash=pl.Series(hashes, dtype=pl.Utf8),
            ).select(_COLUMNS)

    last_hash = previous
    with _ahead(chunks(previous)) as prepared:
        if meanwhile is not None:
            meanwhile()
        with db.frame_writer(LedgerEntry._meta.db_table, _COLUMNS) as write:
            for frame in prepared:
                write(frame)
                last_hash = frame["hash"][-1]
    last = first + rows.height - 1
    head.sequence, head.hash = last, last_hash
    head.save(update_fields=["sequence", "hash"])
    return range(first, last + 1)


@contextmanager
def _ahead(items: Iterator, depth: int = 3) -> Iterator[Iterator]:
    """Iterate ``items`` in a helper thread, up to ``depth`` ahead of the consumer."""
    buffer: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def produce() -> None:
        try:
            for item in items:
                while not stop.is_set():
                    try:
                        buffer.put((item, None), timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            buffer.put((done, None))
        except BaseException as error:  # handed to the consumer
            buffer.put((done, error))

    def consume() -> Iterator:
        while True:
            item, error = buffer.get()
            if error is not None:
                raise error
            if item is done:
                return
            yield item

    worker = threading.Thread(target=produce, name="ledger-texts", daemon=True)
    worker.start()
    try:
        yield consume()
    finally:
        stop.set()
        while worker.is_alive():
            try:
                buffer.get_nowait()
            except queue.Empty:
                worker.join(0.05)


def current_head() -> tuple[int, str]:
    """The published head: last sequence number and hash."""
    head = LedgerHead.objects.filter(pk=1).first()
    return (head.sequence, head.hash) if head else (0, GENESIS)


# Checkpoints: a signed root of the Merkle tree over the entries (docs/ledger.md).

def generate_key(*, actor: Actor, name: str) -> str:
    """Make a new Ed25519 signing key named ``name`` (the mission's origin, no
    spaces), keep its private half in the data directory's key file and its
    public half in the database, retire the key it replaces; returns the
    verifier key to publish."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from saylau.ledger import signing
    from saylau.ledger.core import note
    from saylau.ledger.models import SigningKey

    key = Ed25519PrivateKey.generate()
    public = note.public_bytes(key.public_key())
    vkey = note.verifier_key(name, public)
    now = timezone.now()
    with transaction.atomic():
        retired = list(SigningKey.objects.filter(retired_at__isnull=True))
        SigningKey.objects.filter(retired_at__isnull=True).update(retired_at=now)
        row = SigningKey.objects.create(
            name=name, key_id=note.key_id(name, public).hex(), verifier_key=vkey,
            public_key=base64.b64encode(public).decode("ascii"), created_at=now)
        record(actor=actor, event=Event(
            "ledger.signingkey.created", "ledger.signingkey", row.pk, vkey, None,
            {"name": name, "verifier_key": vkey, "replaces": [k.verifier_key for k in retired]}))
        signing.write(name, key)
    return vkey


def create_checkpoint(*, actor: Actor):
    """Bring the Merkle tree up to the last entry, sign its root with the
    mission's key and store the checkpoint; the ledger then records that it
    was made (that entry is in the next checkpoint). Returns the
    :class:`~saylau.ledger.models.Checkpoint`."""
    from saylau.core.errors import UserError
    from saylau.ledger import signing, tree
    from saylau.ledger.core import note
    from saylau.ledger.models import Checkpoint, SigningKey

    name, private = signing.read()
    public = note.verifier_key(name, note.public_bytes(private.public_key()))
    with transaction.atomic():
        key = SigningKey.objects.filter(verifier_key=public, retired_at__isnull=True).first()
        if key is None:
            raise UserError(f"the key in {signing.path()} is not the mission's current key: "
                            "run `saylau ledger keygen --name <mission>`")
        size = tree.sync()
        if size == 0:
            raise UserError("the ledger is empty: nothing to sign yet")
        root = tree.root(size)
        now = timezone.now()
        signed = note.sign(note.Checkpoint(name, size, root, now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")),
                           name, private)
        checkpoint = Checkpoint.objects.create(size=size, root=root.hex(), created_at=now, key=key, note=signed)
        record(actor=actor, event=Event("ledger.checkpoint.created", "ledger.checkpoint", checkpoint.pk,
                                        str(checkpoint), None, {"size": size, "root": root.hex(),
                                                               "key": key.verifier_key}))
    return checkpoint

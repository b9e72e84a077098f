"""Reads of the ledger's checkpoints and proofs (docs/ledger.md, "Checkpoints").

- :func:`checkpoints`, :func:`latest`, :func:`keys`: what the portal lists;
- :func:`inclusion` and :func:`consistency`: RFC 6962 proofs, hashes as hex;
- :func:`receipt`: what a client keeps for one entry, and its proof once a
  checkpoint covers it;
- :func:`is_public` and :func:`published_entries`: which entries anyone may read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from saylau.ledger import tree
from saylau.ledger.core import merkle
from saylau.ledger.models import Checkpoint, LedgerEntry, SigningKey

T = TypeVar("T")

#: object types whose entries are published whole (payload included): results,
#: corrections and decisions, the structure of the election, checkpoints and
#: keys. Other entries (observers' reports, accounts, commission members) are
#: published as sequence and hashes only, enough to rebuild the tree.
PUBLIC_TYPES = (
    "results.protocol", "results.protocolblock", "results.correction", "results.decision", "results.template",
    "results.tabulation", "results.publication", "results.check",
    "geography.election", "geography.unit", "geography.commission", "geography.party", "geography.candidate",
    "geography.station", "ledger.checkpoint", "ledger.signingkey",
    # nominees, the bodies' decisions on them and the signature checks' aggregate figures
    # are public acts; signature lines and accreditations hold names and ID numbers
    "nomination.nominee", "nomination.decision", "nomination.session",
)


def is_public(object_type: str) -> bool:
    return object_type in PUBLIC_TYPES


def checkpoints():
    return Checkpoint.objects.select_related("key").order_by("-size", "-id")


def latest() -> Checkpoint | None:
    return Checkpoint.objects.select_related("key").order_by("-size", "-id").first()


def keys():
    return SigningKey.objects.order_by("created_at")


def inclusion(sequence: int, size: int) -> list[str]:
    """The inclusion proof of entry ``sequence`` in the tree of ``size`` entries."""
    index = sequence - 1
    get = tree.getter(lambda g: merkle.inclusion_proof(g, index, size))
    return [h.hex() for h in merkle.inclusion_proof(get, index, size)]


def consistency(size1: int, size2: int) -> list[str]:
    """The consistency proof between the trees of ``size1`` and ``size2`` entries."""
    get = tree.getter(lambda g: merkle.consistency_proof(g, size1, size2))
    return [h.hex() for h in merkle.consistency_proof(get, size1, size2)]


def receipt(sequence: int) -> dict | None:
    """An entry's receipt: sequence, chain hash and leaf hash; with the latest
    checkpoint covering it and the inclusion proof in that checkpoint's tree
    when there is one (the object it is about only for public types). ``None``
    for an unknown sequence."""
    entry = LedgerEntry.objects.filter(sequence=sequence).values("sequence", "hash", "object_type", "object_id").first()
    if entry is None:
        return None
    public = is_public(entry["object_type"])
    out = {"sequence": entry["sequence"], "hash": entry["hash"], "leaf": merkle.entry_leaf(entry["hash"]).hex(),
           "object": f"{entry['object_type']}:{entry['object_id']}" if public else None,
           "checkpoint": None, "inclusion": None}
    last = latest()
    if last is not None and last.size >= sequence:
        out["checkpoint"] = {"size": last.size, "root": last.root, "note": last.note}
        out["inclusion"] = inclusion(sequence, last.size)
    return out


def receipt_of(object_type: str, object_id) -> dict | None:
    """The receipt an acknowledgement carries for an object: the sequence and hash
    of the ledger entry that recorded it first (``None`` if there is none)."""
    row = (LedgerEntry.objects.filter(object_type=object_type, object_id=str(object_id))
           .order_by("sequence").values("sequence", "hash").first())
    return dict(row) if row else None


#: "receipt" in the languages of the acknowledgements that carry a short code (SMS, OpenRosa)
RECEIPT_WORD = {"en": "Receipt", "ru": "Квитанция", "kk": "Түбіртек"}


def receipt_code(receipt: dict | None, lang: str = "en") -> str:
    """A receipt short enough for an SMS or a phone's message line: ``Receipt
    12345-a1b2c3d4`` (the entry's sequence and the first 8 hex digits of its
    hash; the whole receipt is ``/api/ledger/entries/12345/receipt/``). Empty
    without a receipt."""
    if not receipt:
        return ""
    return f"{RECEIPT_WORD.get(lang, RECEIPT_WORD['en'])} {receipt['sequence']}-{receipt['hash'][:8]}"


def published_entries(chunk: int = 50_000) -> Iterator[dict]:
    """Every entry in order as published: sequence, previous hash and hash, and
    for public types the object and the payload (the canonical text the hash covers)."""
    start = 0
    while True:
        rows = list(LedgerEntry.objects.filter(sequence__gt=start).order_by("sequence").values_list(
            "sequence", "previous_hash", "hash", "object_type", "payload")[:chunk])
        if not rows:
            return
        for sequence, previous, digest, object_type, payload in rows:
            item = {"sequence": sequence, "previous_hash": previous, "hash": digest}
            if is_public(object_type):
                item["payload"] = payload
            yield item
        start = rows[-1][0]


def while_unchanged(key: str, compute: Callable[[], T], *, timeout: int = 3600) -> T:
    """``compute()``, kept in Django's cache under ``key`` until the ledger's head
    moves: every change of state appends an entry (docs/architecture.md), so a
    page or picture built from the data is built again after any write and
    served from the cache in between. A change made around the services, with
    no entry, is seen after the next entry or ``timeout`` seconds."""
    from django.core.cache import cache

    from saylau.ledger.models import LedgerHead

    head = LedgerHead.objects.filter(pk=1).values_list("hash", flat=True).first() or ""
    full = f"saylau:{key}:{head}"  # the hash, not the sequence: two databases may stand at the same sequence
    value = cache.get(full)
    if value is None:
        value = compute()
        cache.set(full, value, timeout)
    return value

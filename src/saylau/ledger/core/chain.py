"""A SHA-256 hash chain over canonical JSON payloads.

Each entry stores ``(sequence, previous_hash, hash, payload)`` with

    hash = SHA-256( previous_hash (64 ASCII hex digits) || canonical_json(payload) )

as lower-case hex; the first entry's ``previous_hash`` is :data:`GENESIS`
(64 zeros). Editing a payload changes its hash; deleting, inserting or
reordering entries breaks the link from an entry to its predecessor or the
run of sequence numbers. A chain rewritten from the edit onwards is
internally consistent again, so the head hash must also be published (or
countersigned) elsewhere and passed to :func:`verify` as ``expected_head``.

Canonical JSON: keys sorted (by Python code point), no whitespace,
UTF-8 without escaping non-ASCII, NaN and infinities refused; aware datetimes
converted to UTC and written ``YYYY-MM-DDTHH:MM:SS[.ffffff]Z``, naive ones in
ISO form without offset, dates ``YYYY-MM-DD``; ``Decimal`` as a string in plain
notation with trailing zeros removed (``Decimal("1.50")`` -> ``"1.5"``);
UUIDs as strings; tuples as lists; NumPy scalars as Python numbers. Other
types raise ``TypeError``. (Close to, not the same as, RFC 8785: keys are
sorted by code point rather than UTF-16 unit and floats use Python's repr.)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

GENESIS = "0" * 64


def _default(value):
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
            return value.isoformat() + "Z"
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"non-finite Decimal {value} is not allowed")
        text = format(value.normalize(), "f")
        return "0" if text in ("-0", "0") else text
    if isinstance(value, uuid.UUID):
        return str(value)
    if hasattr(value, "item") and hasattr(value, "dtype"):  # NumPy scalar
        item = value.item()
        if isinstance(item, float) and not math.isfinite(item):
            raise ValueError("NaN and infinity are not allowed")
        return item
    raise TypeError(f"cannot serialise {type(value).__name__} canonically")


ENCODER = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False,
    default=_default,
)


def canonical_json(payload) -> bytes:
    """The canonical UTF-8 JSON bytes of ``payload`` (see module docstring)."""
    return ENCODER.encode(payload).encode("utf-8")


def entry_hash(previous_hash: str, payload) -> str:
    """Hex SHA-256 of ``previous_hash`` followed by the canonical payload.

    ``payload`` may also be ``bytes``/``str`` already in canonical form (as
    stored), which is hashed as is.
    """
    if isinstance(payload, str):
        body = payload.encode("utf-8")
    elif isinstance(payload, bytes | bytearray | memoryview):
        body = bytes(payload)
    else:
        body = canonical_json(payload)
    return hashlib.sha256(previous_hash.encode("ascii") + body).hexdigest()


@dataclass(frozen=True)
class Verification:
    """Outcome of :func:`verify`.

    ``ok`` is True when every entry checks; otherwise ``first_bad`` is the
    sequence number of the first broken entry (as stored), ``position`` its
    0-based position in the iterable and ``reason`` says why. ``checked`` is
    the number of entries read; ``head`` the last good hash.
    """

    ok: bool
    checked: int
    head: str
    first_bad: int | None = None
    position: int | None = None
    reason: str = ""


def verify(
    entries: Iterable[tuple[int, str, str, object]],
    *,
    first_sequence: int = 1,
    expected_head: str | None = None,
) -> Verification:
    """Check a chain given as ``(sequence, previous_hash, hash, payload)`` in order.

    Sequence numbers must run ``first_sequence, first_sequence + 1, ...``.
    Stops at the first broken entry. The order of the checks tells the
    failures apart: a gap or step back in the sequence (deleted or reordered
    entries), then a ``previous_hash`` that is not the hash of the entry
    before (insertion, deletion or reordering), then a stored hash that does
    not match the payload (edited payload). ``expected_head``, if given, must
    equal the last hash (catches a truncated or rewritten chain).
    """
    sha = hashlib.sha256
    encode = ENCODER.encode
    expected_seq = first_sequence
    prev = GENESIS
    position = -1
    why = ""
    for position, (seq, previous_hash, stored, payload) in enumerate(entries):  # noqa: B007
        if seq != expected_seq:
            kind = ("missing (deleted) or the entries were reordered" if seq > expected_seq
                    else "repeated or the entries were reordered")
            why = f"sequence {seq} found where {expected_seq} was expected: an entry is {kind}"
            break
        if previous_hash != prev:
            why = (f"previous_hash of entry {seq} is not the hash of the entry before it: "
                   "an entry was inserted, deleted or moved")
            break
        if isinstance(payload, str):
            body = payload.encode("utf-8")
        elif isinstance(payload, bytes):
            body = payload
        else:
            body = encode(payload).encode("utf-8")
        if sha(prev.encode("ascii") + body).hexdigest() != stored:
            why = (f"hash of entry {seq} does not match its payload: the payload "
                   "(or the stored hash) was edited")
            break
        prev = stored
        expected_seq += 1
    if why:
        return Verification(False, position, prev, seq, position, why)
    checked = position + 1
    if expected_head is not None and prev != expected_head:
        return Verification(False, checked, prev, None, checked,
                            "the last hash differs from the published head: entries were "
                            "removed from the end or the chain was rewritten")
    return Verification(True, checked, prev)

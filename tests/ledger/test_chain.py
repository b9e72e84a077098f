"""Hash chain: canonical JSON, known digests and every kind of tampering."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from decimal import Decimal

import pytest

from saylau.ledger.core.chain import GENESIS, canonical_json, entry_hash, verify


def test_canonical_json_examples():
    tz = dt.timezone(dt.timedelta(hours=5))
    payload = {"b": 1, "a": [1.5, "Сайлау", None, True],
               "when": dt.datetime(2024, 3, 1, 12, 30, tzinfo=tz),
               "day": dt.date(2024, 3, 1), "amount": Decimal("1.50"),
               "big": Decimal("1E+3"), "id": uuid.UUID(int=1), "t": (1, 2)}
    assert canonical_json(payload) == (
        '{"a":[1.5,"Сайлау",null,true],"amount":"1.5","b":1,"big":"1000",'
        '"day":"2024-03-01","id":"00000000-0000-0000-0000-000000000001",'
        '"t":[1,2],"when":"2024-03-01T07:30:00Z"}'
    ).encode()
    # the same instant in another zone hashes the same
    utc = dt.datetime(2024, 3, 1, 7, 30, tzinfo=dt.UTC)
    assert canonical_json({"w": utc}) == canonical_json({"w": payload["when"]})
    assert canonical_json({"x": Decimal("-0.00")}) == b'{"x":"0"}'
    for bad in (float("nan"), float("inf"), Decimal("NaN"), {1, 2}, b"raw"):
        with pytest.raises((ValueError, TypeError)):
            canonical_json({"x": bad})


def test_entry_hash_is_sha256_of_previous_and_body():
    # sha256 of the 64 zeros followed by the body, computed once with
    # `printf '%064d{"a":1,"b":[2,3]}' 0 | sha256sum`
    expected = "765319e060bb4c11970fa3c2f58708af8871092447d50ffafeaa51ea92d13547"
    assert hashlib.sha256(('0' * 64 + '{"a":1,"b":[2,3]}').encode()).hexdigest() == expected
    assert entry_hash(GENESIS, {"b": [2, 3], "a": 1}) == expected
    assert entry_hash(GENESIS, '{"a":1,"b":[2,3]}') == expected
    assert entry_hash(GENESIS, b'{"a":1,"b":[2,3]}') == expected


def _chain(n=6):
    entries, prev = [], GENESIS
    for seq in range(1, n + 1):
        payload = {"seq": seq, "station": 100 + seq, "votes": {"a": seq * 3, "b": seq}}
        h = entry_hash(prev, payload)
        entries.append((seq, prev, h, payload))
        prev = h
    return entries


def test_intact_chain_verifies():
    entries = _chain()
    result = verify(entries, expected_head=entries[-1][2])
    assert result.ok and result.checked == 6 and result.head == entries[-1][2]
    assert verify([]).ok


def test_edited_payload():
    entries = _chain()
    seq, prev, h, payload = entries[3]
    entries[3] = (seq, prev, h, {**payload, "votes": {"a": 999, "b": 4}})
    result = verify(entries)
    assert not result.ok and result.first_bad == 4 and result.position == 3
    assert "does not match its payload" in result.reason
    assert result.head == entries[2][2]


def test_deleted_entry():
    entries = _chain()
    del entries[2]
    result = verify(entries)
    assert (result.ok, result.first_bad, result.position) == (False, 4, 2)
    assert "3 was expected" in result.reason and "deleted" in result.reason


def test_deleted_and_renumbered():
    entries = _chain()
    del entries[2]
    entries = [(i + 1, p, h, x) for i, (_, p, h, x) in enumerate(entries)]
    result = verify(entries)
    assert (result.first_bad, result.position) == (3, 2)
    assert "previous_hash" in result.reason


def test_reordered_entries():
    entries = _chain()
    entries[1], entries[2] = entries[2], entries[1]
    result = verify(entries)
    assert (result.first_bad, result.position) == (3, 1)
    assert "reordered" in result.reason


def test_inserted_entry():
    entries = _chain()
    forged = {"seq": 3, "station": 999, "votes": {"a": 1, "b": 1}}
    prev = entries[1][2]
    rest = [(s + 1, p, h, x) for s, p, h, x in entries[2:]]
    entries = entries[:2] + [(3, prev, entry_hash(prev, forged), forged)] + rest
    result = verify(entries)
    # the forged entry links correctly; the one after it no longer does
    assert (result.first_bad, result.position) == (4, 3)
    assert "inserted" in result.reason


def test_truncated_or_rewritten_chain_needs_the_published_head():
    entries = _chain()
    head = entries[-1][2]
    assert verify(entries[:-1]).ok  # truncation alone is invisible ...
    result = verify(entries[:-1], expected_head=head)  # ... but not against the head
    assert not result.ok and "published head" in result.reason


def test_stored_canonical_text_verifies_like_objects():
    entries = [(s, p, h, canonical_json(x).decode()) for s, p, h, x in _chain()]
    assert verify(entries).ok
    s, p, h, text = entries[4]
    entries[4] = (s, p, h, text.replace('"a":15', '"a":16'))
    assert verify(entries).first_bad == 5

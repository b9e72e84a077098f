"""Column-wise canonical JSON (``saylau.ledger.core.texts``) is byte for byte ``canonical_json``."""

from __future__ import annotations

import polars as pl

from saylau.ledger.core import texts
from saylau.ledger.core.chain import canonical_json

AWKWARD = ["plain", 'a "quoted" word', "back\\slash", "tab\tnew\nline\r", "\x00\x01\x1f\x7f", "Жаңаөзен ✓ \u2028",
           "", "\\u0000", '\\"', None, *[chr(i) for i in range(40)]]


def test_strings_are_encoded_as_json_does():
    out = pl.DataFrame({"s": AWKWARD}).select(texts.strings("s")).to_series().to_list()
    assert out == [canonical_json(v).decode() for v in AWKWARD]


def test_integers_and_objects_are_canonical():
    frame = pl.DataFrame({"n": [1, None, -5, 10**12], "s": ["x", "y", None, "é"]})
    out = frame.select(texts.obj({"zeta": texts.integers("n"), "alpha": texts.strings("s"),
                                  "mid": texts.obj({"b": texts.integers("n"), "a": pl.lit("[1,2]")})})).to_series()
    expected = [canonical_json({"zeta": n, "alpha": s, "mid": {"b": n, "a": [1, 2]}}).decode()
                for n, s in frame.iter_rows()]
    assert out.to_list() == expected


def test_payloads_match_the_dict_payload_of_record_many():
    actor = {"kind": "user", "name": "Айгүл \"A\"", "user_id": 7}
    frame = pl.DataFrame({"seq": [1, 2], "event": ["x.created", "x.changed"], "type": ["x", "x"], "id": ["1", "2"],
                          "repr": ['thing "1"', "thing\n2"], "after": ['{"a":1}', "null"], "before": ["null", '[1]'],
                          "reason": ["", "decision 7"]})
    out = frame.select(texts.payloads(
        sequence=pl.col("seq"), event=pl.col("event"), object_type=pl.col("type"), object_id=pl.col("id"),
        repr_=pl.col("repr"), after=pl.col("after"), before=pl.col("before"), reason=pl.col("reason"),
        actor=actor, at="2026-11-24T22:00:00.123456+00:00", batch="abc")).to_series().to_list()
    import json
    for row, text in zip(frame.iter_rows(named=True), out, strict=True):
        payload = {"sequence": row["seq"], "event": row["event"], "actor": actor, "at": "2026-11-24T22:00:00.123456+00:00",
                   "batch": "abc", "object": {"type": row["type"], "id": row["id"], "repr": row["repr"]},
                   "before": json.loads(row["before"]), "after": json.loads(row["after"]), "reason": row["reason"]}
        assert text == canonical_json(payload).decode()


def test_chunks_built_ahead_arrive_in_order_and_errors_reach_the_writer():
    import pytest

    from saylau.ledger.services import _ahead

    with _ahead(iter(range(10)), depth=2) as items:
        assert list(items) == list(range(10))

    def failing():
        yield 1
        raise ValueError("bad chunk")

    with pytest.raises(ValueError, match="bad chunk"), _ahead(failing()) as items:
        list(items)
    with pytest.raises(RuntimeError, match="writer failed"), _ahead(iter(range(1000)), depth=1) as items:
        for _ in items:
            raise RuntimeError("writer failed")  # the helper thread stops too

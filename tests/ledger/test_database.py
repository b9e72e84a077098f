"""The ledger in the database: tampering behind saylau's back is found (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from saylau.core.actors import Actor
from saylau.ledger import checks
from saylau.ledger.core.chain import canonical_json
from saylau.ledger.models import LedgerEntry
from saylau.ledger.services import Event, current_head, record, record_many, record_texts

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")
TABLE = LedgerEntry._meta.db_table


def _fill(n=5):
    with transaction.atomic():
        record_many(actor=ACTOR, events=[Event("test.thing.created", "test.thing", i, after={"value": i}) for i in range(1, n + 1)])


def _sql(statement, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_a_clean_chain_verifies_and_the_head_is_published():
    _fill()
    with transaction.atomic():
        record(actor=ACTOR, event=Event("test.thing.changed", "test.thing", 2, before={"value": 2}, after={"value": 20}, reason="decision 7"))
    report = checks.verify_database()
    assert report.ok, report.problems
    assert report.entries == 6
    assert current_head() == (6, report.head)
    assert checks.verify_database(expected_head=report.head).ok
    assert not checks.verify_database(expected_head="0" * 64).ok


@pytest.mark.django_db(transaction=True)
def test_appending_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError, match="inside the transaction"):
        record(actor=ACTOR, event=Event("x", "y", 1))


def test_an_edited_payload_is_found():
    _fill()
    _sql(f"UPDATE {TABLE} SET payload = REPLACE(payload, '\"value\":3', '\"value\":4') WHERE sequence = 3")
    report = checks.verify_database()
    assert not report.ok and report.chain.first_bad == 3
    assert "entry 3" in str(report) and "edited" in str(report)


def test_an_edited_column_is_found():
    _fill()
    _sql(f"UPDATE {TABLE} SET object_id = '99' WHERE sequence = 2")
    report = checks.verify_database()
    assert not report.ok and "entry 2: its columns differ" in str(report)


def test_a_deleted_entry_is_found():
    _fill()
    _sql(f"DELETE FROM {TABLE} WHERE sequence = 4")
    report = checks.verify_database()
    assert not report.ok and report.chain.first_bad == 5 and "missing (deleted)" in report.chain.reason


def test_a_deleted_last_entry_is_found_by_the_head():
    _fill()
    _sql(f"DELETE FROM {TABLE} WHERE sequence = 5")
    report = checks.verify_database()
    assert not report.ok and "head row" in str(report)


def test_reordered_entries_are_found():
    _fill()
    _sql(f"UPDATE {TABLE} SET sequence = -1 WHERE sequence = 2")
    _sql(f"UPDATE {TABLE} SET sequence = 2 WHERE sequence = 3")
    _sql(f"UPDATE {TABLE} SET sequence = 3 WHERE sequence = -1")
    report = checks.verify_database()
    assert not report.ok and report.chain.first_bad == 2


def test_objects_edited_deleted_or_inserted_directly_are_found():
    state = {str(i): {"value": i} for i in range(1, 6)}
    checks.register_snapshot("test.thing", lambda: dict(state))
    try:
        _fill()
        assert checks.verify_database().ok
        state["2"] = {"value": 22}
        del state["4"]
        state["9"] = {"value": 9}
        text = str(checks.verify_database())
        assert "test.thing 2: differs from its last ledger entry (edited directly)" in text
        assert "test.thing 4: in the ledger but missing from the database (deleted directly)" in text
        assert "test.thing 9: in the database but never recorded in the ledger (inserted directly)" in text
    finally:
        checks.SNAPSHOTS.pop("test.thing")


def _texts(n, start=1):
    import polars as pl

    return pl.DataFrame({
        "event": ["test.thing.created"] * n, "object_type": ["test.thing"] * n,
        "object_id": [str(i) for i in range(start, start + n)], "repr": [f'thing "{i}"' for i in range(start, start + n)],
        "reason": [""] * n, "after": [f'{{"value":{i}}}' for i in range(start, start + n)],
    })


def test_bulk_entries_are_the_entries_record_many_would_append():
    import json

    _fill(2)
    with transaction.atomic():
        appended = record_texts(actor=ACTOR, rows=_texts(3, start=3), chunk=2)
    with transaction.atomic():
        record(actor=ACTOR, event=Event("test.thing.changed", "test.thing", 4, before={"value": 4}, after={"value": 40}))
    assert list(appended) == [3, 4, 5]
    report = checks.verify_database()
    assert report.ok and report.entries == 6 and current_head() == (6, report.head)
    one = LedgerEntry.objects.get(sequence=1)
    for entry in LedgerEntry.objects.filter(sequence__in=appended):
        payload = json.loads(entry.payload)
        assert entry.payload == canonical_json(payload).decode()  # stored canonically
        assert (entry.event, entry.object_type, entry.object_id) == ("test.thing.created", "test.thing", payload["object"]["id"])
        assert payload["after"] == {"value": int(entry.object_id)} and payload["before"] is None
        assert payload["object"]["repr"] == f'thing "{entry.object_id}"'
        assert payload["actor"] == json.loads(one.payload)["actor"] and payload["sequence"] == entry.sequence
        assert entry.created_at is not None and len(entry.batch_id) == 32


@pytest.mark.django_db(transaction=True)
def test_bulk_appending_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError, match="inside the transaction"):
        record_texts(actor=ACTOR, rows=_texts(1))


def test_text_snapshots_name_each_object_edited_deleted_or_inserted():
    import polars as pl

    state = {str(i): f'{{"value":{i}}}' for i in range(1, 6)}
    checks.register_text_snapshot("test.thing", lambda: pl.DataFrame(
        {"object_id": list(state), "state": list(state.values())}, schema={"object_id": pl.Utf8, "state": pl.Utf8}))
    try:
        with transaction.atomic():
            record_texts(actor=ACTOR, rows=_texts(5))
        with transaction.atomic():
            record(actor=ACTOR, event=Event("test.thing.changed", "test.thing", 3, after={"value": 33}))
        state["3"] = '{"value":33}'
        assert checks.verify_database().ok
        state["2"] = '{"value":22}'
        state["3"] = '{"value":3}'  # the state before the last change
        del state["4"]
        state["9"] = '{"value":9}'
        assert checks.verify_database().problems == [
            "test.thing 4: in the ledger but missing from the database (deleted directly)",
            "test.thing 9: in the database but never recorded in the ledger (inserted directly)",
            "test.thing 2: differs from its last ledger entry (edited directly)",
            "test.thing 3: differs from its last ledger entry (edited directly)",
        ]
    finally:
        checks.TEXT_SNAPSHOTS.pop("test.thing")


def test_an_edited_column_is_found_in_entries_with_extra_fields():
    with transaction.atomic():
        record_many(actor=ACTOR, events=[Event("test.thing.created", "test.thing", i, after={"value": i},
                                               extra={"note": "x"}) for i in range(1, 4)])
    assert checks.verify_database().ok
    _sql(f"UPDATE {TABLE} SET event = 'test.thing.deleted' WHERE sequence = 2")
    assert "entry 2: its columns differ" in str(checks.verify_database())


def test_a_payload_edited_into_invalid_json_is_reported_not_raised():
    checks.register_snapshot("test.thing", lambda: {str(i): {"value": i} for i in range(1, 6)})
    try:
        _fill()
        _sql(f"UPDATE {TABLE} SET payload = 'not json' WHERE sequence = 2")
        report = checks.verify_database()
        assert not report.ok and report.chain.first_bad == 2 and "entry 2" in str(report)
    finally:
        checks.SNAPSHOTS.pop("test.thing")

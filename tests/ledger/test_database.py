"""The ledger in the database: tampering behind saylau's back is found (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from saylau.actors import Actor
from saylau.ledger import checks
from saylau.ledger.models import LedgerEntry
from saylau.ledger.services import Event, current_head, record, record_many

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

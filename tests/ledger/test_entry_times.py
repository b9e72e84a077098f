"""Every column an entry shows is vouched for by its hash: an edited time or batch is found
(issue 13: an edited ``created_at``, the time the protocol history shows, passed as "ledger OK")."""

from __future__ import annotations

import datetime as dt
import json
from unittest import mock

import pytest
from django.db import transaction

from saylau.core.actors import Actor
from saylau.ledger import checks
from saylau.ledger.models import LedgerEntry
from saylau.ledger.services import Event, record, record_many, record_texts

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")


def _fill(n=5, extra=None):
    with transaction.atomic():
        record_many(actor=ACTOR, events=[Event("test.thing.created", "test.thing", i, after={"value": i},
                                               extra=extra or {}) for i in range(1, n + 1)])


@pytest.mark.parametrize("extra", [None, {"note": "with extra: the payload is parsed"}])
def test_an_edited_entry_time_is_found(extra):
    _fill(extra=extra)
    assert checks.verify_database().ok
    LedgerEntry.objects.filter(sequence=3).update(created_at=dt.datetime(2020, 1, 1, 8, 0, tzinfo=dt.UTC))
    report = checks.verify_database()
    assert not report.ok
    assert report.problems == ["entry 3: its columns differ from its hashed payload (event, object, time or batch edited)"]


def test_a_time_moved_by_one_microsecond_is_found():
    _fill()
    entry = LedgerEntry.objects.get(sequence=2)
    LedgerEntry.objects.filter(pk=entry.pk).update(created_at=entry.created_at + dt.timedelta(microseconds=1))
    assert "entry 2: its columns differ" in str(checks.verify_database())


def test_an_edited_batch_is_found():
    _fill()
    LedgerEntry.objects.filter(sequence=4).update(batch_id="f" * 32)
    assert "entry 4: its columns differ" in str(checks.verify_database())


def test_the_stored_time_is_the_hashed_time():
    """What the history page shows (the column) is the payload's ``at``, to the microsecond."""
    _fill(1)
    entry = LedgerEntry.objects.get(sequence=1)
    at = dt.datetime.fromisoformat(json.loads(entry.payload)["at"])
    assert at == entry.created_at


@pytest.mark.parametrize("when", [
    dt.datetime(2026, 12, 6, 10, 0, 0, tzinfo=dt.UTC),  # whole seconds: isoformat() writes no fraction
    dt.datetime(2026, 12, 6, 10, 0, 0, 10, tzinfo=dt.UTC),
    dt.datetime(1999, 12, 31, 23, 59, 59, 999999, tzinfo=dt.UTC),
])
def test_entries_written_at_any_time_verify(when):
    with mock.patch("saylau.ledger.services.timezone.now", return_value=when):
        _fill(2)
        with transaction.atomic():
            record_texts(actor=ACTOR, rows=_rows(2, start=3))
    report = checks.verify_database()
    assert report.ok, report.problems
    assert {e.created_at for e in LedgerEntry.objects.all()} == {when}


def _rows(n, start):
    import polars as pl

    return pl.DataFrame({
        "event": ["test.thing.created"] * n, "object_type": ["test.thing"] * n,
        "object_id": [str(i) for i in range(start, start + n)], "repr": [""] * n,
        "reason": [""] * n, "after": [f'{{"value":{i}}}' for i in range(start, start + n)],
    })


def test_a_state_that_looks_like_an_entry_time_does_not_confuse_the_check():
    """A state with keys at, batch, before (in that order) holds the same text the
    check looks for: such a payload is parsed, and judged by its top-level members."""
    decoy = {"at": "2000-01-01T00:00:00+00:00", "batch": "decoy", "before": None}
    with transaction.atomic():
        record(actor=ACTOR, event=Event("test.thing.created", "test.thing", 1, after=decoy, before=decoy))
    assert checks.verify_database().ok
    LedgerEntry.objects.filter(sequence=1).update(created_at=dt.datetime(2000, 1, 1, tzinfo=dt.UTC), batch_id="decoy")
    assert "entry 1: its columns differ" in str(checks.verify_database())

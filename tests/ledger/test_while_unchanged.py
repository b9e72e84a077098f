"""Pages and pictures kept until the ledger's head moves (ledger.selectors.while_unchanged)."""

from __future__ import annotations

import pytest
from django.db import transaction

from saylau.core.actors import Actor
from saylau.ledger.selectors import while_unchanged
from saylau.ledger.services import Event, record

pytestmark = pytest.mark.django_db


def test_computed_once_until_an_entry_is_appended():
    calls = []

    def compute():
        calls.append(1)
        return {"n": len(calls)}

    assert while_unchanged("test:page", compute) == {"n": 1}
    assert while_unchanged("test:page", compute) == {"n": 1} and len(calls) == 1
    with transaction.atomic():
        record(actor=Actor.system("test"), event=Event("test.thing.created", "test.thing", 1, after={"x": 1}))
    assert while_unchanged("test:page", compute) == {"n": 2}  # the head moved: built again
    assert while_unchanged("test:other", compute) == {"n": 3}  # another key, its own value

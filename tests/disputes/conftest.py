from __future__ import annotations

import datetime as dt

import pytest

from saylau.core.actors import Actor

ACTOR = Actor.system("test")


@pytest.fixture
def election(db):
    from saylau.disputes.services import ensure_default_bases
    from saylau.geography.services import create_election

    e = create_election(actor=ACTOR, slug="kz-2011", name_en="Early presidential election", kind="presidential",
                        date=dt.date(2011, 4, 3))
    ensure_default_bases(actor=ACTOR)
    return e

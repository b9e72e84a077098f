"""What the ledger records of each media object: its state, defined once.

Each state is a dict of the row's own values (foreign keys as ids, dates as
``YYYY-MM-DD``, an item's time as UTC ``YYYY-MM-DDTHH:MM:SSZ``) with no float,
so that the entry written by a service and the row read back by ``saylau
ledger verify`` agree on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

OUTLET = ("media.outlet", ("election_id", "code", "name_en", "name_ru", "name_kk", "kind", "ownership",
                           "language", "timezone"))
PERIOD = ("media.period", ("election_id", "code", "name_en", "name_ru", "name_kk", "start", "end"))
SLOT = ("media.slot", ("outlet_id", "code", "name_en", "name_ru", "name_kk", "programme", "days", "start",
                       "end"))
ITEM = ("media.item", ("outlet_id", "aired_at", "title"))
CODING = ("media.coding", ("item_id", "coder", "programme", "subject", "candidate_id", "party_id", "amount",
                           "tone", "speech", "language", "final"))
KINDS = (OUTLET, PERIOD, SLOT, ITEM, CODING)


def _value(raw):
    if isinstance(raw, dt.datetime):
        return raw.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(raw, dt.date | dt.time):
        return raw.isoformat()
    return raw


def state(kind: tuple[str, tuple[str, ...]], source) -> dict:
    """The state of one object (a model instance or a mapping of its columns)."""
    get = source.get if isinstance(source, Mapping) else (lambda c: getattr(source, c))
    return {column.removesuffix("_id"): _value(get(column)) for column in kind[1]}

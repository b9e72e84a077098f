"""What the ledger vouches for in the election's structure, as the database holds it now.

``saylau ledger verify`` compares each object's state, read here as canonical
JSON text (:func:`saylau.geography.selectors.state_frame`), with the ``after``
of the object's latest ledger entry, so an election, unit, commission,
station, commission member, party or candidate edited, deleted or inserted
directly in the database is found and named. Text snapshots: tens of
thousands of members and stations are compared without parsing a payload.

Declared, not registered: ``saylau ledger verify`` reads ``TEXT_SNAPSHOTS``
from every package's ``ledger_snapshots`` module.
"""

from __future__ import annotations

import functools

from saylau.geography.core import states
from saylau.geography.selectors import state_frame

TEXT_SNAPSHOTS = {kind.object_type: functools.partial(state_frame, kind) for kind in states.KINDS}

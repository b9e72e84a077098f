"""Every write to the election's structure goes through these services.

Each takes a keyword ``actor``, is its own transaction (or joins the
caller's) and appends a ledger entry per object it creates, changes or
removes — ``geography.<kind>.created`` / ``.updated`` / ``.deleted``, the
object's whole state as ``before``/``after`` (:mod:`saylau.geography.core.states`)
— in that transaction. Bulk writes (:mod:`.structure`: the file imports, the
simulation, the units a results file names) build those entries column-wise
and append them with ``record_texts``, as protocol imports do.
``saylau ledger verify`` compares every object with its latest entry
(:mod:`saylau.geography.ledger_snapshots`).
"""

from saylau.geography.services.editing import (
    add_member,
    remove_member,
    rename_unit,
    set_commission_seats,
    update_candidate,
    update_election,
    update_member,
    update_party,
    update_station,
)
from saylau.geography.services.elections import create_election, get_election, national_unit
from saylau.geography.services.importing import (
    import_candidates,
    import_commission_members,
    import_parties,
    import_stations,
)
from saylau.geography.services.structure import (
    ImportSummary,
    write_candidates,
    write_commission_members,
    write_parties,
    write_stations,
    write_units,
)

__all__ = [
    "ImportSummary", "add_member", "create_election", "get_election", "import_candidates",
    "import_commission_members", "import_parties", "import_stations", "national_unit", "remove_member",
    "rename_unit", "set_commission_seats", "update_candidate", "update_election", "update_member", "update_party",
    "update_station", "write_candidates", "write_commission_members", "write_parties", "write_stations",
    "write_units",
]

"""Verify the ledger stored in the database, and the objects it vouches for.

Three checks, each naming the first thing that is wrong:

1. the chain: sequence numbers without gaps, each entry linked to the one
   before, each hash matching its payload (``chain.verify``); the indexed
   columns agreeing with the payload; the head row agreeing with the last
   entry, and with a published head when one is given;
2. the objects: for every object type that registers a snapshot function,
   the current rows in the database equal the ``after`` state of their
   latest ledger entry — so an edit, deletion or insertion made directly in
   the database, behind saylau's back, is found.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from saylau.ledger.chain import Verification, canonical_json, verify
from saylau.ledger.models import LedgerEntry
from saylau.ledger.services import current_head

#: object type -> function returning {object id (str): current state}
SNAPSHOTS: dict[str, Callable[[], dict[str, object]]] = {}


def register_snapshot(object_type: str, function: Callable[[], dict[str, object]]) -> None:
    SNAPSHOTS[object_type] = function


@dataclass
class Report:
    ok: bool
    chain: Verification
    entries: int
    head: str
    problems: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        if self.ok:
            return f"ledger OK: {self.entries:,} entries, head {self.head}"
        listed = "\n".join(f"  - {p}" for p in self.problems[:20])
        more = f"\n  ... and {len(self.problems) - 20} more" if len(self.problems) > 20 else ""
        return f"ledger BROKEN ({self.entries:,} entries read):\n{listed}{more}"


def verify_database(*, expected_head: str | None = None, chunk: int = 20000, objects: bool = True) -> Report:
    problems: list[str] = []
    latest: dict[tuple[str, str], str] = {}
    column_problem: list[str] = []

    def rows() -> Iterator[tuple[int, str, str, str]]:
        query = LedgerEntry.objects.order_by("sequence").values_list(
            "sequence", "previous_hash", "hash", "payload", "event", "object_type", "object_id"
        )
        for seq, prev, digest, payload, event, otype, oid in query.iterator(chunk_size=chunk):
            data = json.loads(payload)
            if not column_problem and (
                data.get("sequence") != seq or data.get("event") != event
                or data["object"]["type"] != otype or data["object"]["id"] != oid
            ):
                column_problem.append(f"entry {seq}: its columns differ from its hashed payload (edited)")
            if objects:
                latest[(otype, oid)] = data.get("after")
            yield seq, prev, digest, payload

    result = verify(rows(), expected_head=expected_head)
    if not result.ok:
        where = f"entry {result.first_bad}" if result.first_bad is not None else "the end of the chain"
        problems.append(f"first broken: {where}: {result.reason}")
    problems += column_problem
    sequence, head = current_head()
    if result.ok and (sequence != result.checked or head != result.head):
        problems.append(f"the head row (#{sequence} {head[:12]}…) does not match the last entry (#{result.checked} {result.head[:12]}…)")
    if objects and result.ok:
        problems += _check_objects(latest)
    return Report(ok=not problems, chain=result, entries=result.checked, head=result.head, problems=problems)


def _check_objects(latest: dict[tuple[str, str], object]) -> list[str]:
    problems = []
    for otype, snapshot in sorted(SNAPSHOTS.items()):
        current = snapshot()
        recorded = {oid: after for (t, oid), after in latest.items() if t == otype and after is not None}
        for oid in sorted(recorded.keys() - current.keys()):
            problems.append(f"{otype} {oid}: in the ledger but missing from the database (deleted directly)")
        for oid in sorted(current.keys() - recorded.keys()):
            problems.append(f"{otype} {oid}: in the database but never recorded in the ledger (inserted directly)")
        for oid in sorted(recorded.keys() & current.keys()):
            if canonical_json(recorded[oid]) != canonical_json(current[oid]):
                problems.append(f"{otype} {oid}: differs from its last ledger entry (edited directly)")
    return problems

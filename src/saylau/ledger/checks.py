"""Verify the ledger stored in the database, and the objects it vouches for.

Three checks, each naming the first thing that is wrong:

1. the chain: sequence numbers without gaps, each entry linked to the one
   before, each hash matching its payload (``chain.verify``); every column
   an entry shows agreeing with the payload it hashes (event, object type
   and id, sequence, and the time ``created_at`` and ``batch_id``, against
   the payload's ``at`` and ``batch``); the head row agreeing with the last
   entry, and with a published head when one is given;
2. the objects: for every object type that registers a snapshot function,
   the current rows in the database equal the ``after`` state of their
   latest ledger entry — so an edit, deletion or insertion made directly in
   the database, behind saylau's back, is found, and the object is named.

Entries are read in chunks of ``chunk`` rows. The columns are checked
against each payload with one regular expression over the chunk (a payload
the expression does not fit is parsed with ``json``). Object types come in
two kinds: :func:`register_snapshot` returns ``{id: state}`` and is compared
with the parsed ``after`` of the latest entries; :func:`register_text_snapshot`
(for millions of objects, such as imported protocols) returns each object's
state as canonical JSON text, which must stand in the latest entry's payload
exactly where its top-level ``after`` begins, so no payload is parsed.
Packages declare them as ``SNAPSHOTS`` and ``TEXT_SNAPSHOTS`` in their
``ledger_snapshots`` module; ``saylau ledger verify`` registers those
(:func:`saylau.ledger.commands.load_snapshots`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import polars as pl
from django.db import connection

from saylau.ledger.core import texts
from saylau.ledger.core.chain import Verification, canonical_json, verify
from saylau.ledger.models import LedgerEntry
from saylau.ledger.services import current_head

#: object type -> function returning {object id (str): current state}
SNAPSHOTS: dict[str, Callable[[], dict[str, object]]] = {}
#: object type -> function returning a frame ``object_id`` (text), ``state`` (canonical JSON text)
TEXT_SNAPSHOTS: dict[str, Callable[[], pl.DataFrame]] = {}

_STR = r'"(?:[^"\\]|\\.)*"'
#: the end of every canonical payload without ``extra``: event, object, reason, sequence
_TAIL = (r',"event":(' + _STR + r'),"object":\{"id":(' + _STR + r'),"repr":' + _STR + r',"type":(' + _STR
         + r')\},"reason":' + _STR + r',"sequence":(-?\d+)\}$')
#: where the top-level ``after`` begins: the actor (scalar members only) comes before it
_AFTER = ',"after":'
#: the entry's time and batch, between the top-level ``after`` and ``before`` (keys in canonical
#: order); a JSON string cannot hold an unescaped quote, so inside a state this can only match an
#: object whose keys run at, batch, before: a payload with more than one match is parsed instead
_AT = r',"at":(' + _STR + r'),"batch":(' + _STR + r'),"before":'
#: a key "batch" with a text value (never inside a JSON string, where quotes are escaped): a
#: payload with one holds only the top-level batch, so the match of ``_AT`` is the entry's own
_BATCH = ',"batch":"'


def register_snapshot(object_type: str, function: Callable[[], dict[str, object]]) -> None:
    SNAPSHOTS[object_type] = function


def register_text_snapshot(object_type: str, function: Callable[[], pl.DataFrame]) -> None:
    """Register ``function() -> DataFrame(object_id: str, state: str)``; ``state`` is
    ``canonical_json(after)`` of what the object's latest entry should say."""
    TEXT_SNAPSHOTS[object_type] = function


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


def _chunks(size: int) -> Iterator[list[tuple]]:
    table = LedgerEntry._meta.db_table
    with connection.chunked_cursor() as cursor:
        cursor.execute(f"SELECT sequence, previous_hash, hash, payload, event, object_type, object_id, "
                       f"CAST(created_at AS TEXT), batch_id FROM {table} ORDER BY sequence")
        while rows := cursor.fetchmany(size):
            yield rows


def at_texts(created_at: pl.Expr) -> pl.Expr:
    """The payload's ``at`` of each stored ``created_at`` (as the database casts it to text:
    PostgreSQL with its offset, SQLite Django's naive UTC): what :func:`record_many` writes,
    ``datetime.isoformat()`` of the aware UTC time (no fraction when it is whole seconds).
    Null where the text is not a time."""
    aware = created_at.str.to_datetime("%Y-%m-%d %H:%M:%S%.f%#z", time_unit="us", time_zone="UTC", strict=False)
    naive = created_at.str.to_datetime("%Y-%m-%d %H:%M:%S%.f", time_unit="us", strict=False)
    utc = pl.coalesce(aware.dt.replace_time_zone(None), naive)
    return utc.dt.strftime("%Y-%m-%dT%H:%M:%S%.6f").str.strip_suffix(".000000") + pl.lit("+00:00")


def _columns_differ(frame: pl.DataFrame) -> list[int]:
    """Sequence numbers (as stored) of entries whose columns differ from their payload:
    the indexed columns, and the time and batch every entry shows (``created_at`` is the
    time the protocol history shows as when a version was recorded)."""
    parts = frame.select("sequence", "payload", "event", "object_type", "object_id", "batch_id",
                         at=at_texts(pl.col("created_at")),
                         tail=pl.col("payload").str.extract_groups(_TAIL),
                         when=pl.col("payload").str.extract_groups(_AT),
                         whens=pl.col("payload").str.count_matches(_BATCH, literal=True))
    fitted_expr = pl.col("tail").struct.field("4").is_not_null() & (pl.col("whens") == 1)
    fitted = parts.filter(fitted_expr)
    bad = fitted.filter((
        (pl.col("tail").struct.field("1") != texts.strings("event"))
        | (pl.col("tail").struct.field("2") != texts.strings("object_id"))
        | (pl.col("tail").struct.field("3") != texts.strings("object_type"))
        | (pl.col("tail").struct.field("4").cast(pl.Int64, strict=False) != pl.col("sequence"))
        | (pl.col("when").struct.field("1") != texts.strings("at"))
        | (pl.col("when").struct.field("2") != texts.strings("batch_id"))
        ).fill_null(True)  # no match, or a time that does not parse: differs
    )["sequence"].to_list()
    for seq, payload, event, otype, oid, batch, at in parts.filter(~fitted_expr).select(
            "sequence", "payload", "event", "object_type", "object_id", "batch_id", "at").iter_rows():
        try:
            data = json.loads(payload)
            same = (data.get("sequence") == seq and data.get("event") == event
                    and data["object"]["type"] == otype and data["object"]["id"] == oid
                    and data.get("at") == at and data.get("batch") == batch)
        except (ValueError, KeyError, TypeError):
            same = False
        if not same:
            bad.append(seq)
    return sorted(bad)


def verify_database(*, expected_head: str | None = None, chunk: int = 50_000, objects: bool = True) -> Report:
    problems: list[str] = []
    latest: dict[tuple[str, str], object] = {}
    recorded_texts: list[pl.DataFrame] = []
    column_problem: list[str] = []
    text_types = pl.Series(list(TEXT_SNAPSHOTS), dtype=pl.Utf8)

    def rows() -> Iterator[tuple[int, str, str, str]]:
        for part in _chunks(chunk):
            frame = pl.DataFrame(part, orient="row", schema={
                "sequence": pl.Int64, "previous_hash": pl.Utf8, "hash": pl.Utf8, "payload": pl.Utf8,
                "event": pl.Utf8, "object_type": pl.Utf8, "object_id": pl.Utf8, "created_at": pl.Utf8,
                "batch_id": pl.Utf8})
            if not column_problem:
                differ = _columns_differ(frame)
                if differ:
                    column_problem.append(f"entry {differ[0]}: its columns differ from its hashed payload "
                                          "(event, object, time or batch edited)")
            if objects:
                for r in part:
                    if r[5] in SNAPSHOTS:
                        try:
                            latest[(r[5], r[6])] = json.loads(r[3]).get("after")
                        except (ValueError, AttributeError):  # not a JSON object: its hash check reports it
                            latest[(r[5], r[6])] = None
                if TEXT_SNAPSHOTS:
                    recorded_texts.append(frame.filter(pl.col("object_type").is_in(text_types.implode())).select(
                        "sequence", "object_type", "object_id", "payload"))
            for seq, prev, digest, payload, *_ in part:
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
        problems += _check_text_objects(recorded_texts)
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


def _check_text_objects(parts: list[pl.DataFrame]) -> list[str]:
    problems = []
    schema = {"sequence": pl.Int64, "object_type": pl.Utf8, "object_id": pl.Utf8, "payload": pl.Utf8}
    entries = pl.concat(parts) if parts else pl.DataFrame(schema=schema)
    latest = entries.unique(subset=["object_type", "object_id"], keep="last", maintain_order=True).with_columns(
        at=pl.col("payload").str.find(_AFTER, literal=True))
    deleted = pl.col("payload").str.find(_AFTER + "null,", literal=True).fill_null(-1) == pl.col("at")
    latest = latest.filter(~deleted)
    for otype, snapshot in sorted(TEXT_SNAPSHOTS.items()):
        current = snapshot().select(pl.col("object_id").cast(pl.Utf8), pl.col("state").cast(pl.Utf8))
        recorded = latest.filter(pl.col("object_type") == otype).drop("object_type")
        both = recorded.join(current, on="object_id", how="full", coalesce=True)
        gone = both.filter(pl.col("state").is_null())["object_id"].to_list()
        new = both.filter(pl.col("payload").is_null())["object_id"].to_list()
        edited = both.filter(
            pl.col("payload").is_not_null() & pl.col("state").is_not_null()
            & (pl.col("payload").str.find(pl.concat_str([pl.lit(_AFTER), pl.col("state"), pl.lit(',"at":"')]),
                                          literal=True).fill_null(-1) != pl.col("at"))
        )["object_id"].to_list()
        for oid in sorted(gone):
            problems.append(f"{otype} {oid}: in the ledger but missing from the database (deleted directly)")
        for oid in sorted(new):
            problems.append(f"{otype} {oid}: in the database but never recorded in the ledger (inserted directly)")
        for oid in sorted(edited):
            problems.append(f"{otype} {oid}: differs from its last ledger entry (edited directly)")
    return problems


def load_snapshots() -> None:
    """Import every installed package's ``ledger_snapshots`` module and register what it
    declares: ``SNAPSHOTS`` and ``TEXT_SNAPSHOTS`` (object type -> function), as
    :func:`register_snapshot` and :func:`register_text_snapshot`
    take them. (A module may also call those itself when imported.)"""
    from django.apps import apps

    from saylau.core import plugins

    for module in plugins.submodules("ledger_snapshots",
                                     [c.name for c in apps.get_app_configs() if c.name.startswith("saylau.")]):
        for object_type, function in getattr(module, "SNAPSHOTS", {}).items():
            register_snapshot(object_type, function)
        for object_type, function in getattr(module, "TEXT_SNAPSHOTS", {}).items():
            register_text_snapshot(object_type, function)

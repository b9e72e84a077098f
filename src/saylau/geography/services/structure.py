"""Bulk writes of the election's structure, one ledger entry per object.

The file imports (:mod:`.importing`), the simulation loader and the results
import that creates the units a protocol file names all write through these.
Each writer appends one entry per row it creates — ``geography.<kind>.created``
with the object's whole state as ``after`` (:mod:`saylau.geography.core.states`)
— in the same transaction, as imported protocols are: the rows get ids
reserved in their locked tables, the entries' payloads are built column-wise
from the very frames written, and :func:`saylau.ledger.services.record_texts`
builds and hashes them in its helper thread while this thread writes the rows
(``COPY`` or ``executemany``, :func:`saylau.db.frame_writer`).
``reason`` (the file's name, the simulation) goes into every entry.

Rows are given as a Polars frame or a list of dicts with the columns of the
matching import file (``station_code``, ``registered_voters``...); the
callers have checked them (the imports report bad rows by row and column).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import polars as pl
from django.db import transaction
from django.utils import translation

from saylau import db
from saylau.core.actors import Actor
from saylau.geography.choices import TIER_OF_LEVEL, CommissionMemberRole, UnitLevel
from saylau.geography.core import states
from saylau.geography.models import (
    Candidate,
    Commission,
    CommissionMember,
    Election,
    Party,
    Station,
    Unit,
)
from saylau.geography.services.elections import national_unit
from saylau.ledger.services import record_texts

Rows = pl.DataFrame | Sequence[Mapping]

NAMES = {"name_en": pl.Utf8, "name_ru": pl.Utf8, "name_kk": pl.Utf8}
UNIT_ROWS = {"level": pl.Int64, "code": pl.Utf8, "parent_code": pl.Utf8, **NAMES}
STATION_ROWS = {
    "region_code": pl.Utf8, **{f"region_{k}": t for k, t in NAMES.items()},
    "district_code": pl.Utf8, **{f"district_{k}": t for k, t in NAMES.items()},
    "station_code": pl.Utf8, **{f"station_{k}": t for k, t in NAMES.items()},
    "registered_voters": pl.Int64, "area": pl.Utf8, "kind": pl.Utf8, "special_kind": pl.Utf8,
    "latitude": pl.Float64, "longitude": pl.Float64,
}
PARTY_ROWS = {"code": pl.Utf8, **NAMES, "in_parliament": pl.Boolean, "opposition": pl.Boolean}
CANDIDATE_ROWS = {"number": pl.Int64, **NAMES, "nominator": pl.Utf8, "party_code": pl.Utf8,
                  "nominating_body": pl.Utf8, "status": pl.Utf8, "incumbent": pl.Boolean}
MEMBER_ROWS = {"tier": pl.Utf8, "unit_code": pl.Utf8, "full_name": pl.Utf8, "role": pl.Utf8, "gender": pl.Utf8,
               "nominating_party": pl.Utf8, "nominating_body": pl.Utf8, "organisation": pl.Utf8,
               "ethnicity": pl.Utf8, "voting": pl.Boolean}
#: what an optional column holds when a file leaves it out
DEFAULTS = {"kind": "regular", "special_kind": "", "status": "nominated", "voting": True, "in_parliament": False,
            "opposition": False, "incumbent": False}


@dataclass(frozen=True)
class ImportSummary:
    created: dict[str, int]

    def __str__(self) -> str:
        return ", ".join(f"{n:,} {what}" for what, n in self.created.items())


def _frame(rows: Rows, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """The rows as a frame of ``schema`` (extra columns dropped; optional ones
    missing or null take their default, text ones the empty string)."""
    if isinstance(rows, pl.DataFrame):
        frame = rows.with_columns(pl.lit(None, t).alias(c) for c, t in schema.items() if c not in rows.columns)
        frame = frame.select(pl.col(c).cast(t) for c, t in schema.items())
    else:
        frame = pl.DataFrame(list(rows), schema=schema)
    return frame.with_columns(
        pl.col(c).fill_null(DEFAULTS[c] if c in DEFAULTS else "") for c, t in schema.items()
        if c in DEFAULTS or t == pl.Utf8)


def _blank(column: str) -> pl.Expr:
    return pl.col(column).is_null() | (pl.col(column) == "")


class _Batch:
    """The rows of one write, with ids reserved in their tables, and their ledger entries;
    :meth:`write` appends the entries and writes the rows meanwhile."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        self.next_id: dict[type, int] = {}
        self.rows: list[tuple[type, pl.DataFrame]] = []
        self.entries: list[pl.DataFrame] = []

    def ids(self, model, n: int) -> pl.Expr:
        """``n`` new ids of ``model``'s table (locked for the rest of the transaction)."""
        if model not in self.next_id:
            self.next_id[model] = db.reserve_ids(model._meta.db_table, key=model._meta.pk.column)
        first = self.next_id[model]
        self.next_id[model] += n
        return pl.int_range(first, first + n, dtype=pl.Int64)

    def created(self, model, kind: states.Kind, rows: pl.DataFrame, description: pl.Expr) -> None:
        """Write ``rows`` (``id`` and the kind's columns; every other column of the
        table takes its model default) with one ``<type>.created`` entry each."""
        if rows.is_empty():
            return
        fields = model._meta.concrete_fields
        defaults = {f.attname: f.get_default() for f in fields if f.attname not in rows.columns}
        stored = rows.with_columns(pl.lit(v).alias(c) for c, v in defaults.items()).with_columns(
            _decimal_text(pl.col(f.column)).alias(f.column) for f in kind.fields if f.type == states.E5)
        self.rows.append((model, stored.select([f.attname for f in fields]).rename(
            {f.attname: f.column for f in fields if f.attname != f.column})))
        self.entries.append(rows.select(
            event=pl.lit(f"{kind.object_type}.created"), object_type=pl.lit(kind.object_type),
            object_id=pl.col("id").cast(pl.Utf8), repr=description.cast(pl.Utf8), reason=pl.lit(self.reason),
            after=states.state_expr(kind)))

    def write(self, actor: Actor) -> None:
        def rows() -> None:
            for model, frame in self.rows:
                with db.frame_writer(model._meta.db_table, frame.columns) as write:
                    write(frame)

        if self.entries:
            record_texts(actor=actor, rows=pl.concat(self.entries), meanwhile=rows)


def _decimal_text(e5: pl.Expr) -> pl.Expr:
    """Whole hundred-thousandths as the decimal text a five-place column stores exactly (``-0.00005``)."""
    whole = e5.abs()
    return pl.concat_str([pl.when(e5 < 0).then(pl.lit("-")).otherwise(pl.lit("")), (whole // 100_000).cast(pl.Utf8),
                          pl.lit("."), (whole % 100_000).cast(pl.Utf8).str.zfill(5)])


def _labels(choices) -> dict[str, str]:
    """Value -> English label, for the entries' descriptions."""
    with translation.override("en"):
        return {value: str(label) for value, label in choices.choices}


def _new_units(election: Election, level: int, wanted: pl.DataFrame, parents: dict[str, tuple[int, str]],
               batch: _Batch) -> tuple[dict[str, tuple[int, str]], int]:
    """Create the units of ``level`` named in ``wanted`` (``code``, ``parent_code``, names; first row
    of a code wins) that the election lacks, each with its commission. Returns every unit
    of the level (code -> id, path) and how many were created."""
    units = {code: (pk, path) for code, pk, path in
             Unit.objects.filter(election=election, level=level).values_list("code", "pk", "path")}
    todo = wanted.unique(subset="code", keep="first", maintain_order=True).filter(
        ~pl.col("code").is_in(pl.Series(list(units), dtype=pl.Utf8).implode()))
    missing = todo.filter(~pl.col("parent_code").is_in(pl.Series(list(parents), dtype=pl.Utf8).implode()))
    if missing.height:
        raise ValueError(f"no {UnitLevel(level - 1).label.lower()} {missing['parent_code'][0]!r} "
                         f"for {UnitLevel(level).label.lower()} {missing['code'][0]!r} in {election.slug}")
    parent_of = pl.DataFrame([(code, pk, path) for code, (pk, path) in parents.items()], orient="row",
                             schema={"parent_code": pl.Utf8, "parent_id": pl.Int64, "_parent_path": pl.Utf8})
    made = todo.join(parent_of, on="parent_code", how="left", maintain_order="left").select(
        "code", *NAMES, "parent_id", id=batch.ids(Unit, todo.height), election_id=pl.lit(election.pk, pl.Int64),
        level=pl.lit(level, pl.Int64), path=pl.concat_str(["_parent_path", pl.lit("/"), "code"]))
    batch.created(Unit, states.UNIT, made,
                  pl.concat_str([pl.lit(f"{_labels(UnitLevel)[level]} "), "code", pl.lit(" "), "name_en"]))
    tier = TIER_OF_LEVEL[level]
    batch.created(Commission, states.COMMISSION, made.select(
        "code", id=batch.ids(Commission, made.height), unit_id="id", tier=pl.lit(tier),
        seats=pl.lit(Commission._meta.get_field("seats").get_default(), pl.Int64)),
        pl.concat_str([pl.lit(f"{tier} "), "code"]))
    units.update((code, (pk, path)) for code, pk, path in made.select("code", "id", "path").iter_rows())
    return units, made.height


def _units(election: Election, frame: pl.DataFrame, batch: _Batch) -> dict[int, tuple[dict, int]]:
    """Create the missing units of ``frame`` (:data:`UNIT_ROWS`), coarsest level first."""
    national = national_unit(election)
    parents = {national.code: (national.pk, national.path)}
    out = {}
    for level in (UnitLevel.REGION, UnitLevel.DISTRICT, UnitLevel.STATION):
        wanted = frame.filter(pl.col("level") == level).with_columns(
            name_en=pl.when(_blank("name_en")).then(pl.col("code")).otherwise(pl.col("name_en")))
        parents, n = _new_units(election, level, wanted, parents, batch)
        out[level] = (parents, n)
    return out


@transaction.atomic
def write_units(*, actor: Actor, election: Election, rows: Rows, reason: str = "") -> dict[str, int]:
    """Create the regions, districts and stations' units named in ``rows`` (``level`` 1-3,
    ``code``, ``parent_code`` — the national unit's code for a region — and names) that the
    election lacks, each with its commission. A unit without an English name takes its code.
    Returns how many of each level were created."""
    batch = _Batch(reason)
    made = _units(election, _frame(rows, UNIT_ROWS), batch)
    batch.write(actor)
    return {UnitLevel(level).label.lower(): n for level, (_, n) in made.items()}


@transaction.atomic
def write_stations(*, actor: Actor, election: Election, rows: Rows, reason: str = "") -> ImportSummary:
    """Create the units, commissions and stations of checked rows (the stations import's columns)."""
    frame = _frame(rows, STATION_ROWS).with_columns(
        station_name_en=pl.when(_blank("station_name_en"))
        .then(pl.concat_str([pl.lit("Polling station "), "station_code"])).otherwise(pl.col("station_name_en")))
    national = national_unit(election)

    def level(lv: int, prefix: str, parent: pl.Expr) -> pl.DataFrame:
        return frame.select(level=pl.lit(lv, pl.Int64), code=pl.col(f"{prefix}_code"), parent_code=parent,
                            **{k: pl.col(f"{prefix}_{k}") for k in NAMES})

    batch = _Batch(reason)
    made = _units(election, pl.concat([level(1, "region", pl.lit(national.code)),
                                       level(2, "district", pl.col("region_code")),
                                       level(3, "station", pl.col("district_code"))]), batch)
    unit_ids = {code: pk for code, (pk, _) in made[UnitLevel.STATION][0].items()}
    stations = frame.select(
        "station_code", "kind", "special_kind", "registered_voters", "area", id=batch.ids(Station, frame.height),
        unit_id=pl.col("station_code").replace_strict(unit_ids, return_dtype=pl.Int64),
        latitude=(pl.col("latitude") * 100_000).round(0).cast(pl.Int64),
        longitude=(pl.col("longitude") * 100_000).round(0).cast(pl.Int64))
    batch.created(Station, states.STATION, stations, pl.concat_str([pl.lit("Station "), "station_code"]))
    batch.write(actor)
    return ImportSummary({"regions": made[UnitLevel.REGION][1], "districts": made[UnitLevel.DISTRICT][1],
                          "stations": made[UnitLevel.STATION][1]})


def _ids(frame: pl.DataFrame, column: str, ids: dict[str, int], what: str, election: Election) -> pl.Series:
    """The id of the object each row's code in ``column`` names (null where blank); an unknown code raises."""
    found = frame.select(pl.when(_blank(column)).then(None).otherwise(
        pl.col(column).replace_strict(ids, default=-1, return_dtype=pl.Int64)).alias(column))[column]
    if (found == -1).any():
        raise ValueError(f"no {what} {frame[column][(found == -1).arg_true()[0]]!r} in {election.slug}")
    return found


@transaction.atomic
def write_parties(*, actor: Actor, election: Election, rows: Rows, reason: str = "") -> ImportSummary:
    """Create the parties of checked rows."""
    frame = _frame(rows, PARTY_ROWS)
    batch = _Batch(reason)
    batch.created(Party, states.PARTY, frame.with_columns(id=batch.ids(Party, frame.height),
                                                          election_id=pl.lit(election.pk, pl.Int64)),
                  pl.col("name_en"))
    batch.write(actor)
    return ImportSummary({"parties": frame.height})


@transaction.atomic
def write_candidates(*, actor: Actor, election: Election, rows: Rows, reason: str = "") -> ImportSummary:
    """Create the candidates of checked rows (``party_code`` names a party of the election, or is blank)."""
    party_ids = dict(Party.objects.filter(election=election).values_list("code", "pk"))
    frame = _frame(rows, CANDIDATE_ROWS)
    batch = _Batch(reason)
    batch.created(Candidate, states.CANDIDATE, frame.with_columns(
        id=batch.ids(Candidate, frame.height), election_id=pl.lit(election.pk, pl.Int64),
        party_id=_ids(frame, "party_code", party_ids, "party", election)),
        pl.concat_str([pl.lit("#"), pl.col("number").cast(pl.Utf8), pl.lit(" "), "name_en"]))
    batch.write(actor)
    return ImportSummary({"candidates": frame.height})


@transaction.atomic
def write_commission_members(*, actor: Actor, election: Election, rows: Rows, reason: str = "") -> ImportSummary:
    """Create the commission members of checked rows (``tier`` and ``unit_code`` name the
    commission; ``nominating_party`` a party's code, or is blank)."""
    commissions = pl.DataFrame(
        list(Commission.objects.filter(unit__election=election).values_list("tier", "unit__code", "pk")),
        schema={"tier": pl.Utf8, "unit_code": pl.Utf8, "commission_id": pl.Int64}, orient="row")
    party_ids = dict(Party.objects.filter(election=election).values_list("code", "pk"))
    frame = _frame(rows, MEMBER_ROWS).join(commissions, on=["tier", "unit_code"], how="left", maintain_order="left")
    if frame["commission_id"].null_count():
        tier, code = frame.filter(pl.col("commission_id").is_null()).row(0)[:2]
        raise ValueError(f"no {tier} of a unit {code!r} in {election.slug}")
    batch = _Batch(reason)
    members = frame.with_columns(id=batch.ids(CommissionMember, frame.height),
                                 nominating_party_id=_ids(frame, "nominating_party", party_ids, "party", election))
    roles = _labels(CommissionMemberRole)
    batch.created(CommissionMember, states.MEMBER, members, pl.concat_str([
        pl.col("full_name"), pl.lit(" ("), pl.col("role").replace_strict(roles, default=pl.col("role")), pl.lit(", "),
        pl.col("tier"), pl.lit(" "), pl.col("unit_code"), pl.lit(")")]))
    batch.write(actor)
    return ImportSummary({"commission members": frame.height})

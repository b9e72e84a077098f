"""Bulk writes of the election's structure, one ledger entry per object.

The file imports (:mod:`.importing`), the simulation loader and the results
import that creates the units a protocol file names all write through these.
Each writer creates its rows with ``bulk_create`` and appends one entry per
row created — ``geography.<kind>.created`` with the object's whole state as
``after`` (:mod:`saylau.geography.core.states`) — in the same transaction,
the payloads built column-wise from the rows written and appended with
:func:`saylau.ledger.services.record_texts`, as imported protocols are.
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

BATCH = 5000
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


class _Entries:
    """The ledger entries of one write, collected per kind and appended at once."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        self.frames: list[pl.DataFrame] = []

    def created(self, kind: states.Kind, rows: pl.DataFrame, description: pl.Expr) -> None:
        """One ``<type>.created`` entry per row (``id`` and the kind's columns)."""
        if rows.is_empty():
            return
        self.frames.append(rows.select(
            event=pl.lit(f"{kind.object_type}.created"), object_type=pl.lit(kind.object_type),
            object_id=pl.col("id").cast(pl.Utf8), repr=description.cast(pl.Utf8), reason=pl.lit(self.reason),
            after=states.state_expr(kind)))

    def append(self, actor: Actor) -> None:
        if self.frames:
            record_texts(actor=actor, rows=pl.concat(self.frames))
            self.frames = []


def _labels(choices) -> dict[str, str]:
    """Value -> English label, for the entries' descriptions."""
    with translation.override("en"):
        return {value: str(label) for value, label in choices.choices}


def _new_units(election: Election, level: int, wanted: pl.DataFrame, parents: dict[str, tuple[int, str]],
               entries: _Entries) -> tuple[dict[str, tuple[int, str]], int]:
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
    new = [Unit(election_id=election.pk, level=level, code=code, parent_id=parents[parent][0],
                path=f"{parents[parent][1]}/{code}", name_en=en, name_ru=ru, name_kk=kk)
           for code, parent, en, ru, kk in todo.select("code", "parent_code", *NAMES).iter_rows()]
    Unit.objects.bulk_create(new, batch_size=BATCH)
    tier = TIER_OF_LEVEL[level]
    commissions = Commission.objects.bulk_create([Commission(unit_id=u.pk, tier=tier) for u in new], batch_size=BATCH)
    made = todo.select("code", *NAMES).with_columns(
        id=pl.Series([u.pk for u in new], dtype=pl.Int64), election_id=pl.lit(election.pk, pl.Int64),
        level=pl.lit(level, pl.Int64), parent_id=pl.Series([u.parent_id for u in new], dtype=pl.Int64),
        path=pl.Series([u.path for u in new], dtype=pl.Utf8))
    entries.created(states.UNIT, made, pl.concat_str([pl.lit(f"{_labels(UnitLevel)[level]} "), "code", pl.lit(" "),
                                                      "name_en"]))
    entries.created(states.COMMISSION, made.select(
        "code", id=pl.Series([c.pk for c in commissions], dtype=pl.Int64), unit_id="id", tier=pl.lit(tier),
        seats=pl.Series([c.seats for c in commissions], dtype=pl.Int64)),
        pl.concat_str([pl.lit(f"{tier} "), "code"]))
    units.update((u.code, (u.pk, u.path)) for u in new)
    return units, len(new)


def _units(election: Election, frame: pl.DataFrame, entries: _Entries) -> dict[int, tuple[dict, int]]:
    """Create the missing units of ``frame`` (:data:`UNIT_ROWS`), coarsest level first."""
    national = national_unit(election)
    parents = {national.code: (national.pk, national.path)}
    out = {}
    for level in (UnitLevel.REGION, UnitLevel.DISTRICT, UnitLevel.STATION):
        wanted = frame.filter(pl.col("level") == level).with_columns(
            name_en=pl.when(_blank("name_en")).then(pl.col("code")).otherwise(pl.col("name_en")))
        parents, n = _new_units(election, level, wanted, parents, entries)
        out[level] = (parents, n)
    return out


@transaction.atomic
def write_units(*, actor: Actor, election: Election, rows: Rows, reason: str = "") -> dict[str, int]:
    """Create the regions, districts and stations' units named in ``rows`` (``level`` 1-3,
    ``code``, ``parent_code`` — the national unit's code for a region — and names) that the
    election lacks, each with its commission. A unit without an English name takes its code.
    Returns how many of each level were created."""
    entries = _Entries(reason)
    made = _units(election, _frame(rows, UNIT_ROWS), entries)
    entries.append(actor)
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

    entries = _Entries(reason)
    made = _units(election, pl.concat([level(1, "region", pl.lit(national.code)),
                                       level(2, "district", pl.col("region_code")),
                                       level(3, "station", pl.col("district_code"))]), entries)
    unit_ids = {code: pk for code, (pk, _) in made[UnitLevel.STATION][0].items()}
    rows = frame.select(
        "station_code", "kind", "special_kind", "registered_voters", "area",
        unit_id=pl.col("station_code").replace_strict(unit_ids, return_dtype=pl.Int64),
        latitude=(pl.col("latitude") * 100_000).round(0).cast(pl.Int64),
        longitude=(pl.col("longitude") * 100_000).round(0).cast(pl.Int64))
    stations = [Station(unit_id=unit, kind=kind, special_kind=special, registered_voters=voters, area=area,
                        latitude=states.from_e5(lat), longitude=states.from_e5(lon))
                for unit, kind, special, voters, area, lat, lon in rows.select(
                    "unit_id", "kind", "special_kind", "registered_voters", "area", "latitude", "longitude").iter_rows()]
    Station.objects.bulk_create(stations, batch_size=BATCH)
    entries.created(states.STATION, rows.with_columns(id=pl.Series([s.pk for s in stations], dtype=pl.Int64)),
                    pl.concat_str([pl.lit("Station "), "station_code"]))
    entries.append(actor)
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
    frame = _frame(rows, PARTY_ROWS).with_columns(election_id=pl.lit(election.pk, pl.Int64))
    parties = [Party(election_id=election.pk, code=code, name_en=en, name_ru=ru, name_kk=kk, in_parliament=inp,
                     opposition=opp)
               for code, en, ru, kk, inp, opp in frame.select(*PARTY_ROWS).iter_rows()]
    Party.objects.bulk_create(parties)
    entries = _Entries(reason)
    entries.created(states.PARTY, frame.with_columns(id=pl.Series([p.pk for p in parties], dtype=pl.Int64)),
                    pl.col("name_en"))
    entries.append(actor)
    return ImportSummary({"parties": len(parties)})


@transaction.atomic
def write_candidates(*, actor: Actor, election: Election, rows: Rows, reason: str = "") -> ImportSummary:
    """Create the candidates of checked rows (``party_code`` names a party of the election, or is blank)."""
    party_ids = dict(Party.objects.filter(election=election).values_list("code", "pk"))
    frame = _frame(rows, CANDIDATE_ROWS)
    frame = frame.with_columns(election_id=pl.lit(election.pk, pl.Int64),
                               party_id=_ids(frame, "party_code", party_ids, "party", election))
    candidates = [Candidate(election_id=election.pk, number=number, name_en=en, name_ru=ru, name_kk=kk,
                            nominator=nominator, party_id=party, nominating_body=body, status=status,
                            incumbent=incumbent)
                  for number, en, ru, kk, nominator, party, body, status, incumbent in frame.select(
                      "number", *NAMES, "nominator", "party_id", "nominating_body", "status", "incumbent").iter_rows()]
    Candidate.objects.bulk_create(candidates)
    entries = _Entries(reason)
    entries.created(states.CANDIDATE, frame.with_columns(id=pl.Series([c.pk for c in candidates], dtype=pl.Int64)),
                    pl.col("name_en"))
    entries.append(actor)
    return ImportSummary({"candidates": len(candidates)})


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
    frame = frame.with_columns(nominating_party_id=_ids(frame, "nominating_party", party_ids, "party", election))
    columns = [f.attname for f in CommissionMember._meta.concrete_fields]  # id first: positional, as from_db does
    order = [c for c in columns if c != "id"]
    members = [CommissionMember(None, *values) for values in frame.select(order).iter_rows()]
    CommissionMember.objects.bulk_create(members, batch_size=BATCH)
    roles = _labels(CommissionMemberRole)
    entries = _Entries(reason)
    entries.created(states.MEMBER, frame.with_columns(id=pl.Series([m.pk for m in members], dtype=pl.Int64)),
                    pl.concat_str([pl.col("full_name"), pl.lit(" ("), pl.col("role").replace_strict(roles, default=pl.col("role")),
                                   pl.lit(", "), pl.col("tier"), pl.lit(" "), pl.col("unit_code"), pl.lit(")")]))
    entries.append(actor)
    return ImportSummary({"commission members": len(members)})

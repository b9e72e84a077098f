"""Import the election's structure from CSV or XLSX files.

Each import reads and checks the whole file first, then writes it in one
transaction through :mod:`.structure`, one ledger entry per object created
(``reason``: "import of <file name>"): a bad file gets every problem as
*row, column, what was expected* and nothing of it is written.

Files (header names; optional columns may be left out):

- stations: ``region_code, region_name_en, [region_name_ru, region_name_kk],
  district_code, district_name_en, [district_name_ru, district_name_kk],
  station_code, [station_name_en, station_name_ru, station_name_kk],
  registered_voters, area (urban|rural), [kind (regular|special),
  special_kind, latitude, longitude]``
- parties: ``code, name_en, [name_ru, name_kk, in_parliament, opposition]``
- candidates: ``number, name_en, [name_ru, name_kk], nominator
  (party|association|self), [party_code, nominating_body, status, incumbent]``
- commission members: ``tier (CEC|TEC|DEC|PEC), unit_code, full_name, role,
  gender, [nominating_party, nominating_body, organisation, ethnicity, voting]``
"""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from saylau.core.actors import Actor
from saylau.core.tabular import SMALLINT_MAX, CellError, Column, TableError, parse_table
from saylau.geography.choices import (
    TIER_OF_LEVEL,
    CandidateNominator,
    CandidateStatus,
    CommissionMemberRole,
    CommissionTier,
    Gender,
    StationArea,
    StationKind,
    StationSpecialKind,
    UnitLevel,
)
from saylau.geography.models import Candidate, Commission, CommissionMember, Election, Party, Unit
from saylau.geography.services.structure import (
    ImportSummary,
    write_candidates,
    write_commission_members,
    write_parties,
    write_stations,
)


def _length(model, name: str) -> int:
    """The database column's length: a longer text is refused, not cut."""
    return model._meta.get_field(name).max_length


def _names(prefix: str, required: bool = True, model=Unit) -> list[Column]:
    return [
        Column(f"{prefix}name_en", required=required, default=None if required else "", max_length=_length(model, "name_en")),
        Column(f"{prefix}name_ru", required=False, default="", max_length=_length(model, "name_ru")),
        Column(f"{prefix}name_kk", required=False, default="", max_length=_length(model, "name_kk")),
    ]


# a path is the codes joined by "/" under the national unit's: each code a quarter of its length at most
CODE_LENGTH = min(_length(Unit, "code"), _length(Unit, "path") // 4 - 1)
STATION_COLUMNS = (
    Column("region_code", max_length=CODE_LENGTH),
    *_names("region_"),
    Column("district_code", max_length=CODE_LENGTH),
    *_names("district_"),
    Column("station_code", aliases=("code",), max_length=CODE_LENGTH),
    *_names("station_", required=False),
    Column("registered_voters", "int", minimum=0),
    Column("area", "choice", choices=tuple(StationArea.values)),
    Column("kind", "choice", required=False, choices=tuple(StationKind.values), default="regular"),
    Column("special_kind", "choice", required=False, choices=tuple(StationSpecialKind.values), default=""),
    Column("latitude", "float", required=False, minimum=-90, maximum=90),
    Column("longitude", "float", required=False, minimum=-180, maximum=180),
)


def _reason(path: str | Path) -> str:
    return f"import of {Path(path).name}"


def _check_unique(rows: list[dict], key: str, errors: list[CellError]) -> None:
    seen: dict[object, int] = {}
    for row in rows:
        value = row[key]
        if value is None:  # a bad cell, reported already
            continue
        if value in seen:
            errors.append(CellError(row["_row"], key, f"a value not used before (row {seen[value]} has it)", str(value)))
        else:
            seen[value] = row["_row"]


def import_stations(*, actor: Actor, election: Election, path: str | Path) -> ImportSummary:
    """Create regions, districts and stations (with their commissions) from a file.

    Every problem is reported at once: bad cells and the checks across rows."""
    existing = set(
        Unit.objects.filter(election=election, level=UnitLevel.STATION).values_list("code", flat=True)
    )
    rows = parse_stations(path, existing)
    with transaction.atomic():
        return write_stations(actor=actor, election=election, rows=rows, reason=_reason(path))


def parse_stations(path: str | Path, existing: set[str] | frozenset[str] = frozenset()) -> list[dict]:
    """The rows of a stations file, every problem found at once (bad cells and
    the checks across rows; ``existing``: station codes the election has
    already) raised as one :class:`TableError`. Needs no database."""
    errors: list[CellError] = []
    rows = parse_table(path, STATION_COLUMNS, errors=errors)
    bad_cells = {(e.row, e.column) for e in errors}
    _check_unique(rows, "station_code", errors)
    district_region: dict[str, str] = {}
    for row in rows:
        if row["station_code"] in existing:
            errors.append(CellError(row["_row"], "station_code", "a station code not yet in this election", row["station_code"]))
        if row["kind"] is not None and row["special_kind"] is not None and (
                (row["kind"] == StationKind.SPECIAL) != bool(row["special_kind"])):
            errors.append(CellError(row["_row"], "special_kind", "a special kind for special stations and none for regular ones", row["special_kind"] or ""))
        if ((row["latitude"] is None) != (row["longitude"] is None)
                and not {(row["_row"], "latitude"), (row["_row"], "longitude")} & bad_cells):
            errors.append(CellError(row["_row"], "longitude", "both coordinates or neither", str(row["longitude"] or "")))
        if row["district_code"] is None or row["region_code"] is None:
            continue
        region = district_region.setdefault(row["district_code"], row["region_code"])
        if region != row["region_code"]:
            errors.append(CellError(row["_row"], "region_code", f"region {region!r}, as district {row['district_code']!r} had on an earlier row", row["region_code"]))
    if errors:
        raise TableError(Path(path).name, sorted(errors, key=lambda e: e.row)[:200])
    return rows


PARTY_COLUMNS = (
    Column("code", max_length=_length(Party, "code")),
    *_names("", model=Party),
    Column("in_parliament", "bool", required=False, default=False),
    Column("opposition", "bool", required=False, default=False),
)


def import_parties(*, actor: Actor, election: Election, path: str | Path) -> ImportSummary:
    rows = parse_table(path, PARTY_COLUMNS)
    errors: list[CellError] = []
    _check_unique(rows, "code", errors)
    taken = set(Party.objects.filter(election=election).values_list("code", flat=True))
    errors += [CellError(r["_row"], "code", "a party code not yet in this election", r["code"]) for r in rows if r["code"] in taken]
    if errors:
        raise TableError(Path(path).name, errors)
    with transaction.atomic():
        return write_parties(actor=actor, election=election, rows=rows, reason=_reason(path))


CANDIDATE_COLUMNS = (
    Column("number", "int", minimum=1, maximum=SMALLINT_MAX),
    *_names("", model=Candidate),
    Column("nominator", "choice", choices=tuple(CandidateNominator.values)),
    Column("party_code", required=False, default=""),
    Column("nominating_body", required=False, default="", max_length=_length(Candidate, "nominating_body")),
    Column("status", "choice", required=False, choices=tuple(CandidateStatus.values), default="nominated"),
    Column("incumbent", "bool", required=False, default=False),
)


def import_candidates(*, actor: Actor, election: Election, path: str | Path) -> ImportSummary:
    rows = parse_table(path, CANDIDATE_COLUMNS)
    errors: list[CellError] = []
    _check_unique(rows, "number", errors)
    parties = {p.code: p for p in Party.objects.filter(election=election)}
    taken = set(Candidate.objects.filter(election=election).values_list("number", flat=True))
    for r in rows:
        if r["number"] in taken:
            errors.append(CellError(r["_row"], "number", "a ballot number not yet used", str(r["number"])))
        if r["nominator"] == CandidateNominator.PARTY and r["party_code"] not in parties:
            known = ", ".join(sorted(parties)) or "none imported yet"
            errors.append(CellError(r["_row"], "party_code", f"the code of an imported party ({known})", r["party_code"]))
        if r["nominator"] == CandidateNominator.ASSOCIATION and not r["nominating_body"]:
            errors.append(CellError(r["_row"], "nominating_body", "the name of the public association", ""))
    if errors:
        raise TableError(Path(path).name, errors)
    with transaction.atomic():
        return write_candidates(actor=actor, election=election, rows=rows, reason=_reason(path))


MEMBER_COLUMNS = (
    Column("tier", "choice", choices=tuple(CommissionTier.values)),
    Column("unit_code", aliases=("code", "station_code")),
    Column("full_name", max_length=_length(CommissionMember, "full_name")),
    Column("role", "choice", choices=tuple(CommissionMemberRole.values)),
    Column("gender", "choice", choices=tuple(Gender.values)),
    Column("nominating_party", required=False, default=""),
    Column("nominating_body", required=False, default="", max_length=_length(CommissionMember, "nominating_body")),
    Column("organisation", required=False, default="", max_length=_length(CommissionMember, "organisation")),
    Column("ethnicity", required=False, default="", max_length=_length(CommissionMember, "ethnicity")),
    Column("voting", "bool", required=False, default=True),
)
LEVEL_OF_TIER = {tier: level for level, tier in TIER_OF_LEVEL.items()}


def import_commission_members(*, actor: Actor, election: Election, path: str | Path) -> ImportSummary:
    rows = parse_table(path, MEMBER_COLUMNS)
    errors: list[CellError] = []
    commissions = {
        (c.tier, c.unit.code): c
        for c in Commission.objects.filter(unit__election=election).select_related("unit")
    }
    parties = {p.code: p for p in Party.objects.filter(election=election)}
    for r in rows:
        if (r["tier"], r["unit_code"]) not in commissions:
            errors.append(CellError(r["_row"], "unit_code", f"the code of a unit with a {r['tier']} in this election", r["unit_code"]))
        if r["nominating_party"] and r["nominating_party"] not in parties:
            errors.append(CellError(r["_row"], "nominating_party", "the code of an imported party", r["nominating_party"]))
        if not r["nominating_party"] and not r["nominating_body"]:
            errors.append(CellError(r["_row"], "nominating_body", "a nominating party or body", ""))
    if errors:
        raise TableError(Path(path).name, errors)
    with transaction.atomic():
        return write_commission_members(actor=actor, election=election, rows=rows, reason=_reason(path))

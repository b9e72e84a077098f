"""Observers, teams and deployments: load a whole mission at once, from frames
(the simulation) or from CSV/XLSX files (row/column errors, nothing half-written).

Observers file: ``code, full_name, role (core|coordinator|lto|sto), state,
[parliamentarian, team_code, language, phone]``. A team is created for each
team code; its kind is the role of its members (lto or sto).

Deployments file: ``team_code`` and one of ``station_code``, ``dec_code``,
``region_code`` per row: the team covers that unit and everything below it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from saylau.core.actors import Actor
from saylau.core.tabular import CellError, Column, TableError, parse_table
from saylau.geography.choices import UnitLevel
from saylau.geography.models import Election, Unit
from saylau.ledger.services import Event, record_many
from saylau.observation.choices import ObserverRole
from saylau.observation.models import Deployment, Observer, Team

OBSERVER_COLUMNS = (  # text no longer than the database holds: refused, never cut
    Column("code", max_length=Observer._meta.get_field("code").max_length),
    Column("full_name", aliases=("name",), max_length=Observer._meta.get_field("full_name").max_length),
    Column("role", "choice", choices=tuple(ObserverRole.values)),
    Column("state", max_length=Observer._meta.get_field("state").max_length),
    Column("parliamentarian", "bool", required=False, default=False),
    Column("team_code", required=False, default="", max_length=Team._meta.get_field("code").max_length),
    Column("language", "choice", required=False, choices=("en", "ru", "kk"), default="en"),
    Column("phone", required=False, default="", max_length=Observer._meta.get_field("phone").max_length),
)
DEPLOYMENT_COLUMNS = (
    Column("team_code"),
    Column("station_code", required=False, default=""),
    Column("dec_code", required=False, default="", aliases=("district_code",)),
    Column("region_code", required=False, default=""),
)
LEVEL_OF = {"station_code": UnitLevel.STATION, "dec_code": UnitLevel.DISTRICT, "region_code": UnitLevel.REGION}


def normal_phone(phone: str) -> str:
    """``+7 (701) 000-00-01`` -> ``+77010000001`` (digits with a leading plus)."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    return "+" + digits if digits else ""


@dataclass(frozen=True)
class MissionSummary:
    observers: int
    teams: int
    deployments: int


def _check_observers(election: Election, rows: list[dict], errors: list[CellError]) -> None:
    seen: dict[str, int] = {}
    existing = set(Observer.objects.filter(election=election).values_list("code", flat=True))
    team_kind: dict[str, str] = {}
    for row in rows:
        code = row["code"]
        if code in seen or code in existing:
            errors.append(CellError(row["_row"], "code", "an observer code not used before", code))
        seen.setdefault(code, row["_row"])
        if len(row["state"]) not in (2, 3) or not row["state"].isalpha():
            errors.append(CellError(row["_row"], "state", "an ISO 3166 country code", row["state"]))
        if row["team_code"]:
            if row["role"] not in (ObserverRole.STO, ObserverRole.LTO):
                errors.append(CellError(row["_row"], "team_code", "no team for core team members and coordinators", row["team_code"]))
            kind = team_kind.setdefault(row["team_code"], row["role"])
            if kind != row["role"]:
                errors.append(CellError(row["_row"], "role", f"{kind!r}, as the other members of team {row['team_code']}", row["role"]))


def _write(actor: Actor, election: Election, observers: list[dict], deployments: list[dict]) -> MissionSummary:
    teams = {t.code: t for t in Team.objects.filter(election=election)}
    new_teams = []
    for row in observers:
        code = row.get("team_code") or ""
        if code and code not in teams:
            teams[code] = Team(election=election, code=code, kind=row["role"])
            new_teams.append(teams[code])
    Team.objects.bulk_create(new_teams)
    people = [Observer(election=election, code=r["code"], full_name=r["full_name"], role=r["role"],
                       state=r["state"].upper(), parliamentarian=bool(r.get("parliamentarian")),
                       language=r.get("language") or "en", phone=normal_phone(r.get("phone") or ""),
                       team=teams.get(r.get("team_code") or "")) for r in observers]
    Observer.objects.bulk_create(people, batch_size=2000)
    units = _units(election, deployments)
    placed = [Deployment(team=teams[r["team_code"]], unit=units[(r["_level"], r["_code"])]) for r in deployments]
    Deployment.objects.bulk_create(placed, batch_size=2000, ignore_conflicts=True)
    events = [Event("observation.team.created", "observation.team", t.pk, str(t), after={"code": t.code, "kind": t.kind}) for t in new_teams]
    events += [Event("observation.observer.created", "observation.observer", o.pk, str(o),
                     after={"code": o.code, "role": o.role, "state": o.state, "team": o.team.code if o.team else ""})
               for o in people]
    events += [Event("observation.deployment.created", "observation.deployment", f"{d.team.code}:{d.unit.path}", str(d),
                     after={"team": d.team.code, "unit": d.unit.path}) for d in placed]
    record_many(actor=actor, events=events)
    return MissionSummary(len(people), len(new_teams), len(placed))


def _units(election: Election, deployments: Iterable[Mapping]) -> dict[tuple[int, str], Unit]:
    wanted = {(r["_level"], r["_code"]) for r in deployments}
    out: dict[tuple[int, str], Unit] = {}
    for level in {lv for lv, _ in wanted}:
        codes = [c for lv, c in wanted if lv == level]
        out.update({(level, u.code): u for u in Unit.objects.filter(election=election, level=level, code__in=codes)})
    return out


def _deployment_rows(election: Election, rows: list[dict], team_codes: set[str], errors: list[CellError]) -> list[dict]:
    for row in rows:
        named = [name for name in LEVEL_OF if row.get(name)]
        if len(named) != 1:
            errors.append(CellError(row["_row"], "station_code", "exactly one of station_code, dec_code, region_code", ", ".join(named) or ""))
            continue
        row["_level"], row["_code"] = LEVEL_OF[named[0]], row[named[0]]
        row["_column"] = named[0]
        if row["team_code"] not in team_codes:
            errors.append(CellError(row["_row"], "team_code", "a team code of the mission", row["team_code"]))
    good = [r for r in rows if "_level" in r]
    units = _units(election, good)
    for row in good:
        if (row["_level"], row["_code"]) not in units:
            errors.append(CellError(row["_row"], row["_column"], "a code of this election's structure", row["_code"]))
    return good


def import_observers(*, actor: Actor, election: Election, path: str | Path,
                     deployments: str | Path | None = None) -> MissionSummary:
    """Import observers (and teams), optionally with a deployments file, all or nothing."""
    rows = parse_table(path, OBSERVER_COLUMNS)
    errors: list[CellError] = []
    _check_observers(election, rows, errors)
    if errors:
        raise TableError(Path(path).name, errors)
    placed: list[dict] = []
    if deployments is not None:
        team_codes = {r["team_code"] for r in rows if r["team_code"]}
        team_codes |= set(Team.objects.filter(election=election).values_list("code", flat=True))
        placed = _deployment_rows(election, parse_table(deployments, DEPLOYMENT_COLUMNS), team_codes, errors)
        if errors:
            raise TableError(Path(deployments).name, errors)
    with transaction.atomic():
        return _write(actor, election, rows, placed)


def import_deployments(*, actor: Actor, election: Election, path: str | Path) -> MissionSummary:
    """Import deployments of existing teams, all or nothing."""
    errors: list[CellError] = []
    team_codes = set(Team.objects.filter(election=election).values_list("code", flat=True))
    placed = _deployment_rows(election, parse_table(path, DEPLOYMENT_COLUMNS), team_codes, errors)
    if errors:
        raise TableError(Path(path).name, errors)
    with transaction.atomic():
        return _write(actor, election, [], placed)


def load_mission(*, actor: Actor, election: Election, observers, deployments) -> MissionSummary:
    """Load a simulated mission: ``observers`` and ``deployments`` are the
    Polars frames of :class:`saylau.simulate.Simulation` (a deployment row names
    a district for STO teams, a region for LTO teams)."""
    rows = [dict(r) for r in observers.iter_rows(named=True)]
    placed = []
    for r in deployments.iter_rows(named=True):
        column = "dec_code" if r.get("district_code") else "region_code"
        code = r.get("district_code") or r["region_code"]
        placed.append({"team_code": r["team_code"], "_level": LEVEL_OF[column], "_code": code})
    with transaction.atomic():
        return _write(actor, election, rows, placed)

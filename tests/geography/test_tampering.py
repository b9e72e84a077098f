"""A station, candidate, member, unit, commission, party or election edited, deleted or
inserted directly in the database is found by ``saylau ledger verify`` and named
(SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from django.db import connection

from saylau import cli
from saylau.core.actors import Actor
from saylau.geography import services
from saylau.geography.models import (
    Candidate,
    Commission,
    CommissionMember,
    Election,
    Party,
    Station,
    Unit,
)
from saylau.ledger import checks
from saylau.ledger.checks import load_snapshots
from saylau.simulate import simulate
from saylau.simulate.load import load

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")
T = {m: m._meta.db_table for m in (Candidate, Commission, CommissionMember, Election, Party, Station, Unit)}


@pytest.fixture
def election():
    load_snapshots()
    election = load(simulate(scale=0.01, seed=11), actor=ACTOR)
    report = checks.verify_database()
    assert report.ok, report.problems
    return election


def _sql(statement: str, params=()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _only(*problems: str) -> None:
    report = checks.verify_database()
    assert not report.ok, "tampering went unnoticed"
    assert report.problems == sorted(problems, key=lambda p: (p.split(" ")[0], "deleted" not in p,
                                                             "inserted" not in p)), str(report)


def _edited(object_type: str, pk) -> str:
    return f"{object_type} {pk}: differs from its last ledger entry (edited directly)"


def _deleted(object_type: str, pk) -> str:
    return f"{object_type} {pk}: in the ledger but missing from the database (deleted directly)"


def _inserted(object_type: str, pk) -> str:
    return f"{object_type} {pk}: in the database but never recorded in the ledger (inserted directly)"


def _station(election) -> Station:
    return Station.objects.filter(unit__election=election, latitude__isnull=False).order_by("pk").first()


def test_an_edited_station_is_found(election):
    station = _station(election)
    _sql(f"UPDATE {T[Station]} SET registered_voters = registered_voters + 1 WHERE id = %s", [station.pk])
    _only(_edited("geography.station", station.pk))


def test_a_station_moved_by_a_hundred_thousandth_of_a_degree_is_found(election):
    station = _station(election)
    _sql(f"UPDATE {T[Station]} SET latitude = latitude + 0.00001 WHERE id = %s", [station.pk])
    _only(_edited("geography.station", station.pk))


def test_a_deleted_station_is_found(election):
    station = _station(election)
    _sql(f"DELETE FROM {T[Station]} WHERE id = %s", [station.pk])
    _only(_deleted("geography.station", station.pk))


def test_an_inserted_station_with_its_unit_is_found(election):
    district = Unit.objects.filter(election=election, level=2).first()
    _sql(f"INSERT INTO {T[Unit]} (election_id, parent_id, level, code, path, name_en, name_ru, name_kk) "
         "VALUES (%s, %s, 3, 'FAKE', %s, 'Fake', '', '')", [election.pk, district.pk, f"{district.path}/FAKE"])
    unit = Unit.objects.get(code="FAKE")
    _sql(f"INSERT INTO {T[Station]} (unit_id, kind, special_kind, registered_voters, area) "
         "VALUES (%s, 'regular', '', 5000, 'urban')", [unit.pk])
    _only(_inserted("geography.unit", unit.pk), _inserted("geography.station", unit.station.pk))


def test_edited_deleted_and_inserted_candidates_are_found(election):
    a, b = Candidate.objects.filter(election=election).order_by("number")[:2]
    _sql(f"UPDATE {T[Candidate]} SET name_kk = 'басқа' WHERE id = %s", [a.pk])
    _only(_edited("geography.candidate", a.pk))
    _sql(f"UPDATE {T[Candidate]} SET name_kk = %s WHERE id = %s", [a.name_kk, a.pk])
    assert checks.verify_database().ok  # put back as it was: nothing to report
    _sql(f"UPDATE {T[Candidate]} SET status = 'refused' WHERE id = %s", [b.pk])
    _only(_edited("geography.candidate", b.pk))
    _sql(f"UPDATE {T[Candidate]} SET status = %s WHERE id = %s", [b.status, b.pk])
    _sql(f"DELETE FROM {T[Candidate]} WHERE id = %s", [b.pk])
    _only(_deleted("geography.candidate", b.pk))
    _sql(f"INSERT INTO {T[Candidate]} (election_id, number, name_en, name_ru, name_kk, nominator, nominating_body, "
         "status, incumbent) VALUES (%s, 42, 'Ghost', '', '', 'self', '', 'registered', %s)", [election.pk, False])
    ghost = Candidate.objects.get(number=42)
    _only(_deleted("geography.candidate", b.pk), _inserted("geography.candidate", ghost.pk))


def test_edited_deleted_and_inserted_members_are_found(election):
    first, second, third = CommissionMember.objects.filter(commission__unit__election=election).order_by("pk")[:3]
    _sql(f"UPDATE {T[CommissionMember]} SET nominating_party_id = NULL, nominating_body = 'akimat' WHERE id = %s",
         [first.pk])
    _sql(f"UPDATE {T[CommissionMember]} SET voting = %s WHERE id = %s", [not second.voting, second.pk])
    _sql(f"DELETE FROM {T[CommissionMember]} WHERE id = %s", [third.pk])
    _sql(f"INSERT INTO {T[CommissionMember]} (commission_id, full_name, role, gender, nominating_body, organisation, "
         "ethnicity, voting) VALUES (%s, 'Planted', 'member', 'male', 'x', '', '', %s)", [first.commission_id, True])
    planted = CommissionMember.objects.get(full_name="Planted")
    _only(_edited("geography.commissionmember", first.pk), _edited("geography.commissionmember", second.pk),
          _deleted("geography.commissionmember", third.pk), _inserted("geography.commissionmember", planted.pk))


def test_members_swapped_between_commissions_are_found(election):
    a = CommissionMember.objects.filter(commission__tier="PEC").order_by("pk").first()
    b = CommissionMember.objects.filter(commission__tier="PEC").exclude(commission=a.commission).order_by("pk").first()
    _sql(f"UPDATE {T[CommissionMember]} SET commission_id = %s WHERE id = %s", [b.commission_id, a.pk])
    _sql(f"UPDATE {T[CommissionMember]} SET commission_id = %s WHERE id = %s", [a.commission_id, b.pk])
    _only(_edited("geography.commissionmember", a.pk), _edited("geography.commissionmember", b.pk))


def test_edited_deleted_and_inserted_units_and_commissions_are_found(election):
    region = Unit.objects.filter(election=election, level=1).order_by("pk").first()
    _sql(f"UPDATE {T[Unit]} SET name_en = 'Renamed' WHERE id = %s", [region.pk])
    district = Unit.objects.filter(election=election, level=2).order_by("pk").first()
    _sql(f"UPDATE {T[Commission]} SET seats = 3 WHERE id = %s", [district.commission.pk])
    _only(_edited("geography.commission", district.commission.pk), _edited("geography.unit", region.pk))

    _sql(f"UPDATE {T[Unit]} SET name_en = %s WHERE id = %s", [region.name_en, region.pk])
    _sql(f"UPDATE {T[Commission]} SET seats = %s WHERE id = %s", [district.commission.seats, district.commission.pk])
    assert checks.verify_database().ok
    station = _station(election)
    unit, commission = station.unit, station.unit.commission
    _sql(f"DELETE FROM {T[CommissionMember]} WHERE commission_id = %s", [commission.pk])
    _sql(f"DELETE FROM {T[Commission]} WHERE id = %s", [commission.pk])
    _sql(f"DELETE FROM {T[Station]} WHERE id = %s", [station.pk])
    _sql(f"DELETE FROM {T[Unit]} WHERE id = %s", [unit.pk])
    report = checks.verify_database()
    assert _deleted("geography.unit", unit.pk) in report.problems
    assert _deleted("geography.commission", commission.pk) in report.problems
    assert _deleted("geography.station", station.pk) in report.problems

    _sql(f"INSERT INTO {T[Unit]} (election_id, parent_id, level, code, path, name_en, name_ru, name_kk) "
         "VALUES (%s, %s, 2, 'DX', %s, 'X', '', '')", [election.pk, region.pk, f"{region.path}/DX"])
    new = Unit.objects.get(code="DX")
    _sql(f"INSERT INTO {T[Commission]} (unit_id, tier, seats) VALUES (%s, 'DEC', 7)", [new.pk])
    report = checks.verify_database()
    assert _inserted("geography.unit", new.pk) in report.problems
    assert _inserted("geography.commission", new.commission.pk) in report.problems


def test_an_election_or_party_edited_directly_is_found(election):
    party = Party.objects.filter(election=election, opposition=False).first()
    _sql(f"UPDATE {T[Party]} SET opposition = %s WHERE id = %s", [True, party.pk])
    _sql(f"UPDATE {T[Election]} SET date = %s WHERE id = %s", ["2011-04-10", election.pk])
    _only(_edited("geography.election", election.pk), _edited("geography.party", party.pk))


def test_the_latest_entry_is_what_counts(election):
    """A change through the services is not tampering; undoing it behind saylau's back is,
    and so is putting back a member the services removed."""
    station = _station(election)
    services.update_station(actor=ACTOR, station=station, registered_voters=station.registered_voters + 10)
    assert checks.verify_database().ok
    _sql(f"UPDATE {T[Station]} SET registered_voters = %s WHERE id = %s", [station.registered_voters, station.pk])
    _only(_edited("geography.station", station.pk))
    _sql(f"UPDATE {T[Station]} SET registered_voters = %s WHERE id = %s", [station.registered_voters + 10, station.pk])
    member = CommissionMember.objects.order_by("pk").first()
    columns = "id, commission_id, full_name, role, gender, nominating_party_id, nominating_body, organisation, " \
              "ethnicity, voting"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {T[CommissionMember]} WHERE id = %s", [member.pk])
        row = cursor.fetchone()
    services.remove_member(actor=ACTOR, member=member, reason="resigned")
    assert checks.verify_database().ok
    _sql(f"INSERT INTO {T[CommissionMember]} ({columns}) VALUES ({', '.join(['%s'] * 10)})", list(row))
    _only(_inserted("geography.commissionmember", member.pk))


def test_the_cli_reports_a_station_edited_directly(election, capsys):
    assert cli.main(["ledger", "verify"]) == 0
    station = _station(election)
    _sql(f"UPDATE {T[Station]} SET area = 'rural', registered_voters = 1 WHERE id = %s", [station.pk])
    assert cli.main(["ledger", "verify"]) == 1
    assert f"geography.station {station.pk}: differs from its last ledger entry" in capsys.readouterr().out

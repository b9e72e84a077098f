"""Every object of the structure has its own ledger entry, written in the same transaction as
the object, by the actor who wrote it (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from saylau.core.actors import Actor
from saylau.geography import selectors, services
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
from saylau.ledger import checks
from saylau.ledger.checks import load_snapshots
from saylau.ledger.core.chain import canonical_json
from saylau.ledger.models import LedgerEntry
from saylau.simulate import simulate
from saylau.simulate.load import load

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("geography-test")
MODELS = {states.ELECTION: Election, states.UNIT: Unit, states.COMMISSION: Commission, states.STATION: Station,
          states.MEMBER: CommissionMember, states.PARTY: Party, states.CANDIDATE: Candidate}


def _entries(object_type: str, event: str | None = None):
    found = LedgerEntry.objects.filter(object_type=object_type)
    return found.filter(event=event) if event else found


def _after(entry: LedgerEntry):
    return json.loads(entry.payload)["after"]


def test_a_loaded_simulation_has_one_entry_per_object_with_its_state():
    load_snapshots()
    sim = simulate(scale=0.02, seed=5)
    election = load(sim, actor=ACTOR)
    for kind, model in MODELS.items():
        objects = {str(o.pk): o for o in model.objects.all()}
        entries = {e.object_id: e for e in _entries(kind.object_type)}
        assert len(objects) > 0 and entries.keys() == objects.keys(), kind.object_type
        for oid, entry in entries.items():
            payload = json.loads(entry.payload)
            assert entry.event == f"{kind.object_type}.created"
            assert payload["actor"]["name"] == "geography-test" and payload["before"] is None
            assert payload["after"] == states.state(kind, objects[oid]), (kind.object_type, oid)
        # what verification reads from the database is the text of the same state
        texts = dict(selectors.state_frame(kind).iter_rows())
        assert texts == {oid: canonical_json(states.state(kind, o)).decode() for oid, o in objects.items()}
    assert len(sim.members) == _entries("geography.commissionmember").count()
    reasons = {json.loads(e.payload)["reason"] for e in _entries("geography.station")}
    assert reasons == {"simulation kz-2011, scale 0.02, seed 5"}
    assert _entries("geography.election").get().object_id == str(election.pk)
    report = checks.verify_database()
    assert report.ok, report.problems


def test_a_rolled_back_write_leaves_neither_rows_nor_entries():
    sim = simulate(scale=0.01, seed=3)
    with pytest.raises(RuntimeError), transaction.atomic():
        load(sim, actor=ACTOR)
        assert LedgerEntry.objects.filter(object_type="geography.station").count() == len(sim.stations)
        raise RuntimeError("stop")
    assert not Unit.objects.exists() and not LedgerEntry.objects.exists()


def test_imported_files_name_themselves_and_coordinates_are_kept_to_five_places(tmp_path):
    load_snapshots()
    election = services.create_election(actor=ACTOR, slug="f", name_en="F", kind="local", date=dt.date(2020, 1, 5))
    (tmp_path / "s.csv").write_text(
        "region_code,region_name_en,district_code,district_name_en,station_code,registered_voters,area,latitude,longitude\n"
        "01,North,D1,Lake,0001,100,urban,53.123456,-69.39\n"
        "01,North,D1,Lake,0002,200,rural,,\n")
    summary = services.import_stations(actor=ACTOR, election=election, path=tmp_path / "s.csv")
    assert summary.created == {"regions": 1, "districts": 1, "stations": 2}
    station = Station.objects.get(unit__code="0001")
    assert station.latitude == Decimal("53.12346") and station.longitude == Decimal("-69.39000")
    entry = _entries("geography.station").get(object_id=str(station.pk))
    assert _after(entry)["latitude_e5"] == 5312346 and json.loads(entry.payload)["reason"] == "import of s.csv"
    assert json.loads(entry.payload)["object"]["repr"] == "Station 0001"
    by_type = {t: _entries(t).count() for t in ("geography.unit", "geography.commission", "geography.station")}
    assert by_type == {"geography.unit": 1 + 1 + 1 + 2, "geography.commission": 5, "geography.station": 2}
    assert checks.verify_database().ok


@pytest.fixture
def world():
    load_snapshots()
    election = load(simulate(scale=0.01, seed=7), actor=ACTOR)
    assert checks.verify_database().ok
    return election


def _one_more(before: int) -> LedgerEntry:
    entries = list(LedgerEntry.objects.filter(sequence__gt=before))
    assert len(entries) == 1, [str(e) for e in entries]
    return entries[0]


def _head() -> int:
    return LedgerEntry.objects.order_by("-sequence").values_list("sequence", flat=True).first() or 0


def test_each_change_is_one_entry_with_before_and_after(world):
    someone = Actor.system("clerk")
    station = Station.objects.filter(unit__election=world, latitude__isnull=False).first()
    head = _head()
    changed = services.update_station(actor=someone, station=station, registered_voters=station.registered_voters + 5,
                                      latitude=43.123456, reason="voter list update")
    entry = _one_more(head)
    payload = json.loads(entry.payload)
    assert entry.event == "geography.station.updated" and payload["actor"]["name"] == "clerk"
    assert payload["before"]["registered_voters"] + 5 == payload["after"]["registered_voters"]
    assert payload["after"]["latitude_e5"] == 4312346 and payload["reason"] == "voter list update"
    assert Station.objects.get(pk=station.pk).latitude == Decimal("43.12346") == changed.latitude

    head = _head()
    services.update_station(actor=someone, station=changed, registered_voters=changed.registered_voters)
    assert _head() == head  # nothing changed, nothing recorded

    with pytest.raises(ValidationError):
        services.update_station(actor=someone, station=changed, kind="special")  # a special station names its kind
    with pytest.raises(ValidationError):
        services.update_station(actor=someone, station=changed, unit=None)  # not changed by this service
    assert _head() == head

    unit = Unit.objects.filter(election=world, level=2).first()
    services.rename_unit(actor=someone, unit=unit, name_kk="Жаңа аудан")
    assert _one_more(head).event == "geography.unit.updated"
    head = _head()
    services.set_commission_seats(actor=someone, commission=unit.commission, seats=9)
    assert _after(_one_more(head))["seats"] == 9
    head = _head()
    party = Party.objects.filter(election=world).first()
    services.update_party(actor=someone, party=party, opposition=not party.opposition)
    assert _one_more(head).event == "geography.party.updated"
    head = _head()
    candidate = Candidate.objects.filter(election=world).first()
    services.update_candidate(actor=someone, candidate=candidate, status="withdrawn", reason="withdrew on 1 April")
    assert _after(_one_more(head))["status"] == "withdrawn"
    head = _head()
    services.update_election(actor=someone, election=world, date="2011-04-10")
    assert _after(_one_more(head))["date"] == "2011-04-10"

    head = _head()
    member = services.add_member(actor=someone, commission=unit.commission, full_name="Gulnar Abenova", role="member",
                                 gender="female", nominating_body="local council")
    entry = _one_more(head)
    assert entry.event == "geography.commissionmember.created" and entry.object_id == str(member.pk)
    head = _head()
    services.update_member(actor=someone, member=member, role="secretary")
    assert _after(_one_more(head))["role"] == "secretary"
    with pytest.raises(ValidationError):
        services.remove_member(actor=someone, member=member, reason=" ")
    head = _head()
    services.remove_member(actor=someone, member=member, reason="resigned")
    entry = _one_more(head)
    assert entry.event == "geography.commissionmember.deleted" and _after(entry) is None
    assert json.loads(entry.payload)["before"]["full_name"] == "Gulnar Abenova"
    assert not CommissionMember.objects.filter(pk=member.pk).exists()
    report = checks.verify_database()
    assert report.ok, report.problems


def test_a_bulk_write_that_names_an_unknown_parent_or_party_writes_nothing(world):
    head = _head()
    with pytest.raises(ValueError, match="no district 'NOPE'"):
        services.write_units(actor=ACTOR, election=world, rows=[
            {"level": 3, "code": "X1", "parent_code": "NOPE", "name_en": "X"}])
    with pytest.raises(ValueError, match="no party 'NOPE'"):
        services.write_candidates(actor=ACTOR, election=world, rows=[
            {"number": 99, "name_en": "X", "nominator": "party", "party_code": "NOPE"}])
    with pytest.raises(ValueError, match="no PEC of a unit '9999'"):
        services.write_commission_members(actor=ACTOR, election=world, rows=[
            {"tier": "PEC", "unit_code": "9999", "full_name": "X", "role": "member", "gender": "male",
             "nominating_body": "x"}])
    assert _head() == head and not Unit.objects.filter(code="X1").exists()
    made = services.write_units(actor=ACTOR, election=world, rows=[
        {"level": 1, "code": "R99", "parent_code": "0", "name_en": ""},
        {"level": 2, "code": "D99", "parent_code": "R99", "name_en": "New district"}])
    assert made == {"region": 1, "district": 1, "station": 0}
    assert Unit.objects.get(code="R99").name_en == "R99" and Unit.objects.get(code="D99").path == "0/R99/D99"
    assert LedgerEntry.objects.filter(sequence__gt=head).count() == 4  # two units, two commissions
    assert checks.verify_database().ok

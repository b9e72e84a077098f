"""Every service of every package runs here and leaves its ledger entry (SQLite and PostgreSQL).

The services are found, not listed: every public function of a ``services``
module (or of a module inside a ``services`` package) that takes ``actor``.
``CALLS`` says how to run each one in a small simulated election and which
ledger events it must append; the test fails when a service is missing from
``CALLS`` (add it with its call when you write it), when a call appends no
entry, an entry by another actor, or not the events it should, and when the
ledger does not verify afterwards (every object vouched for equals its latest
entry). ``DERIVED_ACTOR`` lists the few writers that take no ``actor``
because the actor is who the input names (an SMS sender, a login token's
user); they run and are checked the same way.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import inspect
import json
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import pytest
from django.db import transaction

import saylau
from saylau.core.actors import Actor
from saylau.ledger import checks
from saylau.ledger.checks import load_snapshots
from saylau.ledger.models import LedgerEntry

pytestmark = pytest.mark.django_db
SETUP = Actor.system("world")
ACTOR = Actor.system("every-service")


def discovered() -> dict[str, Callable]:
    """``module:function`` -> every public function of the services modules taking ``actor``."""
    found = {}
    names = [m.name for m in pkgutil.walk_packages(saylau.__path__, "saylau.")
             if re.fullmatch(r"saylau\.\w+\.services(\.\w+)*", m.name)]
    for name in names:
        module = importlib.import_module(name)
        for attr, function in vars(module).items():
            if (not attr.startswith("_") and inspect.isfunction(function) and function.__module__ == name
                    and "actor" in inspect.signature(function).parameters):
                found[f"{name}:{attr}"] = function
    return found


@dataclass
class World:
    tmp: Path
    sim: object = None
    election: object = None
    users: dict = field(default_factory=dict)
    scratch: dict = field(default_factory=dict)

    def file(self, name: str, text: str) -> Path:
        path = self.tmp / name
        path.write_text(text, encoding="utf-8")
        return path


@dataclass(frozen=True)
class Expect:
    events: tuple[str, ...]  # each must be among the events appended (a trailing * matches a prefix)
    actor: Actor = ACTOR


def _user(w: World, name: str) -> Actor:
    return Actor.from_user(w.users[name])


# --- geography ---------------------------------------------------------------------------------------------

def _create_election(w):
    from saylau.geography.services import create_election

    w.scratch["other"] = create_election(actor=ACTOR, slug="other", name_en="Another election", kind="local",
                                         date=dt.date(2012, 1, 1))
    return Expect(("geography.election.created", "geography.unit.created", "geography.commission.created"))


def _write_units(w):
    from saylau.geography.services import write_units

    write_units(actor=ACTOR, election=w.election, rows=[
        {"level": 1, "code": "R9", "parent_code": "0", "name_en": "New region"},
        {"level": 2, "code": "D9", "parent_code": "R9", "name_en": "New district"}])
    return Expect(("geography.unit.created", "geography.commission.created"))


def _write_stations(w):
    from saylau.geography.services import write_stations

    write_stations(actor=ACTOR, election=w.election, rows=[
        {"region_code": "R9", "region_name_en": "New region", "district_code": "D9", "district_name_en": "New district",
         "station_code": "9001", "registered_voters": 1000, "area": "urban", "latitude": 43.25, "longitude": 76.95}])
    return Expect(("geography.unit.created", "geography.commission.created", "geography.station.created"))


def _write_parties(w):
    from saylau.geography.services import write_parties

    write_parties(actor=ACTOR, election=w.election, rows=[{"code": "NEW", "name_en": "New party"}])
    return Expect(("geography.party.created",))


def _write_candidates(w):
    from saylau.geography.services import write_candidates, write_parties

    write_parties(actor=ACTOR, election=w.scratch["other"], rows=[{"code": "NEW", "name_en": "New party"}])
    write_candidates(actor=ACTOR, election=w.scratch["other"], rows=[  # results of w.election have their candidates
        {"number": 9, "name_en": "Ninth", "nominator": "party", "party_code": "NEW"}])
    return Expect(("geography.candidate.created",))


def _write_members(w):
    from saylau.geography.services import write_commission_members

    write_commission_members(actor=ACTOR, election=w.election, rows=[
        {"tier": "PEC", "unit_code": "9001", "full_name": "Aliya S", "role": "chair", "gender": "female",
         "nominating_party": "NEW"}])
    return Expect(("geography.commissionmember.created",))


def _import_stations(w):
    from saylau.geography.services import import_stations

    import_stations(actor=ACTOR, election=w.election, path=w.file("s.csv", (
        "region_code,region_name_en,district_code,district_name_en,station_code,registered_voters,area\n"
        "R9,New region,D9,New district,9002,800,rural\n")))
    return Expect(("geography.unit.created", "geography.commission.created", "geography.station.created"))


def _import_parties(w):
    from saylau.geography.services import import_parties

    import_parties(actor=ACTOR, election=w.election, path=w.file("p.csv", "code,name_en\nNEW2,Newer party\n"))
    return Expect(("geography.party.created",))


def _import_candidates(w):
    from saylau.geography.services import import_candidates

    import_candidates(actor=ACTOR, election=w.scratch["other"], path=w.file("c.csv", "number,name_en,nominator\n10,Tenth,self\n"))
    return Expect(("geography.candidate.created",))


def _import_members(w):
    from saylau.geography.services import import_commission_members

    import_commission_members(actor=ACTOR, election=w.election, path=w.file("m.csv", (
        "tier,unit_code,full_name,role,gender,nominating_body\nPEC,9002,Marat K,member,male,local council\n")))
    return Expect(("geography.commissionmember.created",))


def _station(w, code="9001"):
    from saylau.geography.models import Station

    return Station.objects.get(unit__election=w.election, unit__code=code)


def _update_election(w):
    from saylau.geography.services import update_election

    update_election(actor=ACTOR, election=w.election, name_ru="Выборы", reason="translation")
    return Expect(("geography.election.updated",))


def _rename_unit(w):
    from saylau.geography.services import rename_unit

    rename_unit(actor=ACTOR, unit=_station(w).unit, name_kk="Жаңа учаске")
    return Expect(("geography.unit.updated",))


def _set_seats(w):
    from saylau.geography.services import set_commission_seats

    set_commission_seats(actor=ACTOR, commission=_station(w).unit.commission, seats=9)
    return Expect(("geography.commission.updated",))


def _update_station(w):
    from saylau.geography.services import update_station

    update_station(actor=ACTOR, station=_station(w), registered_voters=1010, reason="register updated")
    return Expect(("geography.station.updated",))


def _add_member(w):
    from saylau.geography.services import add_member

    w.scratch["member"] = add_member(actor=ACTOR, commission=_station(w).unit.commission, full_name="Dana B",
                                     role="member", gender="female", nominating_body="trade union")
    return Expect(("geography.commissionmember.created",))


def _update_member(w):
    from saylau.geography.services import update_member

    update_member(actor=ACTOR, member=w.scratch["member"], role="secretary")
    return Expect(("geography.commissionmember.updated",))


def _remove_member(w):
    from saylau.geography.services import remove_member

    remove_member(actor=ACTOR, member=w.scratch["member"], reason="resigned")
    return Expect(("geography.commissionmember.deleted",))


def _update_party(w):
    from saylau.geography.models import Party
    from saylau.geography.services import update_party

    update_party(actor=ACTOR, party=Party.objects.get(election=w.election, code="NEW"), opposition=True)
    return Expect(("geography.party.updated",))


def _update_candidate(w):
    from saylau.geography.models import Candidate
    from saylau.geography.services import update_candidate

    update_candidate(actor=ACTOR, candidate=Candidate.objects.get(election=w.scratch["other"], number=10), status="refused",
                     reason="signatures")
    return Expect(("geography.candidate.updated",))


# --- ledger --------------------------------------------------------------------------------------------------

def _record(w):
    from saylau.ledger.services import Event, record

    with transaction.atomic():
        record(actor=ACTOR, event=Event("test.note.created", "test.note", 1, after={"n": 1}))
    return Expect(("test.note.created",))


def _record_many(w):
    from saylau.ledger.services import Event, record_many

    with transaction.atomic():
        record_many(actor=ACTOR, events=[Event("test.note.created", "test.note", i, after={"n": i}) for i in (2, 3)])
    return Expect(("test.note.created",))


def _generate_key(w):
    import os
    import tempfile

    from saylau.ledger.services import generate_key

    os.environ["SAYLAU_LEDGER_KEY"] = os.path.join(tempfile.mkdtemp(), "key.json")
    generate_key(actor=ACTOR, name="mission")
    return Expect(("ledger.signingkey.created",))


def _create_checkpoint(w):
    from saylau.ledger.services import create_checkpoint

    _generate_key(w)
    create_checkpoint(actor=ACTOR)
    return Expect(("ledger.checkpoint.created",))


def _record_texts(w):
    from saylau.ledger.services import record_texts

    with transaction.atomic():
        record_texts(actor=ACTOR, rows=pl.DataFrame({"event": ["test.note.created"], "object_type": ["test.note"],
                                                     "object_id": ["4"], "repr": [""], "reason": [""],
                                                     "after": ['{"n":4}']}))
    return Expect(("test.note.created",))


# --- observation ---------------------------------------------------------------------------------------------

def _import_form(w):
    from saylau.observation.core.forms import builtin_form
    from saylau.observation.core.xlsform import workbook_bytes
    from saylau.observation.services import import_form

    newer = workbook_bytes(dataclasses.replace(builtin_form("incident"), version="2099010101"))
    import_form(actor=ACTOR, election=w.election, data=newer)
    return Expect(("observation.form.retired", "observation.form.imported"))


def _seed_forms(w):
    from saylau.observation.services import seed_builtin_forms

    seed_builtin_forms(actor=ACTOR, election=w.scratch["other"])
    return Expect(("observation.form.imported",))


def _set_timezone(w):
    from saylau.observation.services import set_timezone

    set_timezone(actor=ACTOR, election=w.election, timezone="Asia/Qyzylorda")
    return Expect(("observation.settings.changed",))


def _import_observers(w):
    from saylau.observation.services import import_observers

    import_observers(actor=ACTOR, election=w.election, path=w.file("o.csv", (
        "code,full_name,role,state,team_code,language,phone\nX1,Xenia,sto,DE,SX,en,+77019990001\n")),
        deployments=w.file("d.csv", "team_code,dec_code\nSX,D9\n"))
    return Expect(("observation.team.created", "observation.observer.created", "observation.deployment.created"))


def _import_deployments(w):
    from saylau.observation.services import import_deployments

    import_deployments(actor=ACTOR, election=w.election, path=w.file("d2.csv", "team_code,region_code\nSX,R9\n"))
    return Expect(("observation.deployment.created",))


def _load_mission(w):
    from saylau.observation.services import load_mission

    load_mission(actor=ACTOR, election=w.election,
                 observers=pl.DataFrame({"code": ["X2"], "full_name": ["Yuri"], "role": ["lto"], "state": ["FR"],
                                         "team_code": ["LX"]}),
                 deployments=pl.DataFrame({"team_code": ["LX"], "region_code": ["R9"], "district_code": [None]},
                                          schema={"team_code": pl.Utf8, "region_code": pl.Utf8,
                                                  "district_code": pl.Utf8}))
    return Expect(("observation.team.created", "observation.observer.created", "observation.deployment.created"))


def _incident(uuid: str) -> object:
    from saylau.observation.services import SubmissionInput

    return SubmissionInput(uuid=uuid, form="incident", station_code="9001", partial=True,
                           answers={"station_code": "9001", "incident_type": "other"})


def _submission_items(w, prefix: str, n: int) -> list:
    from saylau.observation.services import SubmissionInput

    first = [s for s in w.sim.submissions if s["form"] == "voting"][0]
    return [SubmissionInput(uuid=f"00000000-0000-4000-8000-{prefix}{i:08d}", form="voting",
                            answers={**first["answers"], "station_code": "9001"}, station_code="9001")
            for i in range(n)]


def _submit(w):
    from saylau.observation.services import submit

    result = submit(actor=ACTOR, election=w.election, item=_submission_items(w, "1111", 1)[0], channel="api")
    assert result.outcome == "created", result.errors
    w.scratch["submission"] = result.submission
    return Expect(("observation.submission.accepted",))


def _submit_many(w):
    from saylau.observation.services import submit_many

    results = submit_many(actor=ACTOR, election=w.election, items=_submission_items(w, "2222", 2), channel="api")
    assert [r.outcome for r in results] == ["created", "created"], [r.errors for r in results]
    return Expect(("observation.submission.accepted",))


def _add_files(w):
    from saylau.observation.services import SubmissionInput, import_form, submit
    from saylau.observation.services.ingest import Attachment, add_files
    from tests.observation.helpers import workbook

    import_form(actor=ACTOR, election=w.election, filename="photo.xlsx", data=workbook(
        [["type", "name", "label"], ["text", "station_code", "Station"], ["image", "photo", "Photo"]],
        settings=[["form_id", "version"], ["photo", "1"]]))
    item = SubmissionInput(uuid="00000000-0000-4000-8000-f11e00000001", form="photo",
                           answers={"station_code": "9001", "photo": "p.png"}, files_may_follow=True)
    first = submit(actor=ACTOR, election=w.election, item=item, channel="openrosa")
    assert first.outcome == "created", first.errors
    result = add_files(actor=ACTOR, submission=first.submission, channel="openrosa", item=dataclasses.replace(
        item, files={"p.png": Attachment("p.png", "image/png", b"png")}))
    assert result.outcome == "files_added", result.errors
    return Expect(("observation.submission.files_added",))


def _import_submissions(w):
    from saylau.observation.services import import_submissions

    answers = _submission_items(w, "3333", 1)[0].answers
    columns = [k for k, v in answers.items() if not isinstance(v, list | dict)]
    cells = [str(answers[k]).lower() if isinstance(answers[k], bool) else str(answers[k]) for k in columns]
    import_submissions(actor=ACTOR, election=w.election, form_id="voting", path=w.file(
        "v.csv", ",".join(columns) + "\n" + ",".join(f'"{c}"' for c in cells) + "\n"))
    return Expect(("observation.submission.accepted",))


def _edit_submission(w):
    from saylau.observation.services import edit_submission

    s = w.scratch["submission"]
    edit_submission(actor=ACTOR, submission=s, answers={**s.answers, "pec_members_total": 6}, channel="web",
                    reason="typo")
    return Expect(("observation.submission.edited",))


def _set_status(w):
    from saylau.observation.services import set_status

    set_status(actor=ACTOR, submission=w.scratch["submission"], status="rejected", reason="duplicate visit")
    return Expect(("observation.submission.reviewed",))


def _run_quality_checks(w):
    from saylau.observation.services import run_quality_checks

    run_quality_checks(actor=ACTOR, election=w.election)
    return Expect(("observation.quality.checked",))


def _receive_sms(w):
    from saylau.observation.services.sms import receive_sms

    outcome = receive_sms(phone="+7 (701) 999-00-01", text="V 9001 A1 B0 C0 D0 E0 F0 G0 H0 J0 L0 M1 N7 P3 Q1 R40 S2",
                          uuid="00000000-0000-4000-8000-adf100000001")
    assert outcome.ok, outcome.reply
    return Expect(("observation.submission.accepted",), Actor(name="sms:X1", kind="user"))


# --- results -------------------------------------------------------------------------------------------------

def _ensure_template(w):
    from saylau.results.services import ensure_template

    ensure_template(actor=ACTOR, election=w.election, tolerance_absolute=3)
    return Expect(("results.template.changed",))


def _station_unit(w, code="9001"):
    return _station(w, code).unit


def _lines(valid: int = 90) -> dict:
    return {"registered": 1000, "ballots_received": 120, "issued_in_station": 100, "issued_mobile": 0,
            "issued_early": 0, "cancelled": 20, "found_in_boxes": 100, "invalid": 100 - valid, "valid": valid}


def _votes(w, total: int = 90) -> list[int]:
    from saylau.results.services.protocols import candidate_count

    k = candidate_count(w.election)
    return [total - (k - 1)] + [1] * (k - 1)


def _record_protocol(w):
    from saylau.results.services import record_protocol

    w.scratch["observer_copy"] = record_protocol(
        actor=ACTOR, election=w.election, unit=_station_unit(w), tier="PEC", source="observer", lines=_lines(),
        votes=_votes(w), submission_id="copy-1")
    return Expect(("results.protocol.created",))


def _record_decision(w):
    from saylau.results.services import record_decision

    w.scratch["decision"] = record_decision(actor=ACTOR, election=w.election,
                                            commission=_station_unit(w).parent.commission, number="9/1",
                                            date=dt.date(2011, 4, 4))
    return Expect(("results.decision.created",))


def _official(w, code: str):
    from saylau.results.models import Protocol

    return Protocol.objects.filter(election=w.election, unit__code=code, tier="PEC", source="official").latest("version")


def _correct_protocol(w):
    from saylau.results.services import correct_protocol

    p = _official(w, w.sim.stations["code"][0])
    correct_protocol(actor=ACTOR, protocol=p, lines={"invalid": (p.invalid or 0) + 1}, decision=w.scratch["decision"],
                     reason="recount")
    return Expect(("results.protocol.corrected", "results.correction.created"))


def _import_corrections(w):
    from saylau.results.services import import_corrections

    p = _official(w, w.sim.stations["code"][1])
    from saylau.results.services.protocols import LINES

    frame = pl.DataFrame([{"previous_id": p.pk, **{k: getattr(p, k) for k in LINES}, "invalid": (p.invalid or 0) + 2,
                           "votes": "[" + ",".join(map(str, p.votes)) + "]", "received_at": None,
                           "decision_id": None, "reason": "changed at the DEC"}],
                         schema_overrides={"received_at": pl.Utf8, "decision_id": pl.Int64})
    import_corrections(actor=ACTOR, election=w.election, frame=frame, origin="corrections.csv")
    return Expect(("results.protocolblock.created", "results.protocol.corrected", "results.correction.created"))


def _write_protocols(w):
    from saylau.results.services.bulk import write_protocols
    from saylau.results.services.protocols import LINES

    votes = "[" + ",".join(map(str, _votes(w))) + "]"
    frame = pl.DataFrame([{"unit_id": _station_unit(w).pk, "tier": "PEC", "source": "official", "votes": votes,
                           "received_at": "2011-04-03T16:00:00Z", **{k: _lines().get(k) for k in LINES}}],
                         schema_overrides={k: pl.Int64 for k in LINES})
    write_protocols(actor=ACTOR, election=w.election, frame=frame, origin="hand-made frame")
    return Expect(("results.protocolblock.created", "results.protocol.imported"))


def _pec_file(w, name: str, code: str) -> Path:
    from saylau.results.services.protocols import candidate_count

    k = candidate_count(w.election)
    head = "region_code,district_code,station_code," + ",".join(_lines()) + "," + ",".join(
        f"votes_{i}" for i in range(1, k + 1))
    row = f"R9,D9,{code}," + ",".join(map(str, _lines().values())) + "," + ",".join(map(str, _votes(w)))
    return w.file(name, head + "\n" + row + "\n")


def _import_file(w):
    from saylau.results.services import import_file

    import_file(actor=ACTOR, election=w.election, path=_pec_file(w, "pec.csv", "9003"), preset="saylau",
                create=True)
    return Expect(("geography.unit.created", "geography.commission.created", "results.protocol.imported"))


def _import_frame(w):
    from saylau.results.presets import PRESETS
    from saylau.results.services import import_frame
    from saylau.results.services.importing import parse_protocols, read_strings

    parsed = parse_protocols(read_strings(_pec_file(w, "pec2.csv", "9002")), PRESETS["saylau"], "pec2.csv")
    import_frame(actor=ACTOR, election=w.election, parsed=parsed, tier="PEC", source="official", origin="pec2.csv")
    return Expect(("results.protocolblock.created", "results.protocol.imported"))


def _create_units(w):
    from saylau.results.presets import PRESETS
    from saylau.results.services.importing import parse_protocols, read_strings
    from saylau.results.services.units import create_units

    parsed = parse_protocols(read_strings(_pec_file(w, "pec3.csv", "9004")), PRESETS["saylau"], "pec3.csv")
    with transaction.atomic():
        create_units(actor=ACTOR, election=w.election, parsed=parsed, mapping=PRESETS["saylau"])
    return Expect(("geography.unit.created", "geography.commission.created"))


def _import_observer_frame(w):
    from saylau.results.services import import_observer_frame
    from saylau.results.services.simulation import observed_copies

    copies = observed_copies(w.sim)
    import_observer_frame(actor=ACTOR, election=w.election, frame=copies.head(3))
    return Expect(("results.protocol.imported",))


def _import_observer_copies(w):
    from saylau.results.services import import_observer_copies

    import_observer_copies(actor=ACTOR, election=w.election)
    return Expect(("results.protocol.*",))


def _run_checks(w):
    from saylau.results.services import run_checks

    run_checks(actor=ACTOR, election=w.election)
    return Expect(("results.check.run",))


def _check_frame(w):
    from saylau.results import frames
    from saylau.results.services.checking import check_frame

    frame, k = frames.protocols(w.election)
    check_frame(actor=ACTOR, election=w.election, frame=frame, k=k)
    return Expect(("results.check.run",))


def _tabulate(w):
    from saylau.results.services import tabulate

    tabulate(actor=ACTOR, election=w.election)
    return Expect(("results.tabulation.run",))


def _tabulate_frame(w):
    from saylau.results import frames
    from saylau.results.services.tabulating import tabulate_frame

    frame, k = frames.protocols(w.election)
    tabulate_frame(actor=ACTOR, election=w.election, frame=frame, k=k)
    return Expect(("results.tabulation.run",))


def _check_and_tabulate(w):
    from saylau.results.services import check_and_tabulate

    check_and_tabulate(actor=ACTOR, election=w.election)
    return Expect(("results.check.run", "results.tabulation.run"))


def _publish(w):
    from saylau.results.services import publish

    publish(actor=ACTOR, election=w.election, out_dir=w.tmp / "open-data")
    return Expect(("results.publication.made",))


def _import_simulation(w):
    from saylau.geography.models import Election
    from saylau.results.services import import_simulation
    from saylau.simulate.load import load

    other = load(w.sim, actor=SETUP, slug="kz-copy")
    assert isinstance(other, Election)
    import_simulation(actor=ACTOR, election=other, results=w.sim.results)
    return Expect(("results.template.created", "results.protocolblock.created", "results.protocol.imported",
                   "results.protocol.corrected", "results.correction.created"))


def _key_protocol(w):
    from saylau.results.services.entry import key_protocol

    for clerk in ("asel", "bolat"):
        key_protocol(actor=_user(w, clerk), election=w.election, unit=_station_unit(w, "9002"), lines=_lines(),
                     votes=_votes(w))
    # the last of the two keyings is what this call is checked on
    return Expect(("results.protocol.created", "results.entry.keyed"), _user(w, "bolat"))


def _return_entries(w):
    from saylau.results.services.entry import key_protocol, return_entries

    for clerk, valid in (("asel", 90), ("bolat", 89)):
        key_protocol(actor=_user(w, clerk), election=w.election, unit=_station_unit(w, "9001"),
                     lines=_lines(valid), votes=_votes(w, valid))
    return_entries(actor=_user(w, "zhanar"), election=w.election, unit=_station_unit(w, "9001"), reason="A and B differ")
    return Expect(("results.entry.returned",), _user(w, "zhanar"))


def _accept_entries(w):
    from saylau.results.services.entry import accept_entries

    accept_entries(actor=_user(w, "zhanar"), election=w.election, unit=_station_unit(w, "9002"))
    return Expect(("results.entry.accepted",), _user(w, "zhanar"))


def _correct(w):
    from saylau.results.models import Protocol
    from saylau.results.services.entry import correct

    entered = Protocol.objects.filter(election=w.election, unit__code="9002", source="entered").latest("version")
    correct(actor=_user(w, "zhanar"), protocol=entered, lines={"invalid": 11, "valid": 89},
            votes=_votes(w, 89), commission=_station_unit(w, "9002").parent.commission, number="9/2",
            date=dt.date(2011, 4, 5), reason="recount")
    return Expect(("results.decision.created", "results.protocol.corrected", "results.correction.created"),
                  _user(w, "zhanar"))


# --- web -----------------------------------------------------------------------------------------------------

def _create_user(w):
    from saylau.web.services import create_user

    w.users["xenia"] = create_user(actor=ACTOR, username="xenia", role="observer")
    return Expect(("web.user_created",))


def _set_role(w):
    from saylau.web.services import set_role

    set_role(actor=ACTOR, user=w.users["xenia"], role="analyst")
    return Expect(("web.user_role_changed",))


def _link_observer(w):
    from saylau.observation.models import Observer
    from saylau.web.services import link_observer

    link_observer(actor=ACTOR, user=w.users["xenia"], observer=Observer.objects.get(code="X2"))
    return Expect(("web.observer_linked",))


def _issue_login_token(w):
    from saylau.web.services import issue_login_token

    _, w.scratch["raw"] = issue_login_token(actor=ACTOR, user=w.users["xenia"])
    issue_login_token(actor=ACTOR, user=w.users["xenia"])
    return Expect(("web.login_token_issued",))


def _redeem_login_token(w):
    from saylau.web.services import redeem_login_token

    assert redeem_login_token(raw=w.scratch["raw"]) == w.users["xenia"]
    return Expect(("web.login_token_used",), Actor.from_user(w.users["xenia"]))


def _expire_login_tokens(w):
    from saylau.web.models import LoginToken
    from saylau.web.services import expire_login_tokens

    assert expire_login_tokens(actor=ACTOR, tokens=LoginToken.objects.filter(user=w.users["xenia"])) == 1
    return Expect(("web.login_token_expired",))


def _record_account_change(w):
    from saylau.web.services import account_state, record_account_change

    user = w.users["xenia"]
    before = account_state(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    record_account_change(actor=ACTOR, obj=user, action="updated", before=before)
    record_account_change(actor=ACTOR, obj=user, action="updated", before=account_state(user))  # no change
    user.is_active = True
    user.save(update_fields=["is_active"])
    record_account_change(actor=ACTOR, obj=user, action="updated", before={**before, "is_active": False})
    return Expect(("web.user_updated",))


def _media_outlets(w):
    from saylau.media.services import write_outlets

    write_outlets(actor=ACTOR, election=w.election, rows=[
        {"code": "TV1", "name_en": "Channel One", "kind": "tv", "ownership": "state", "language": "kk"}])
    return Expect(("media.outlet.created",))


def _media_periods(w):
    from saylau.media.services import write_periods

    write_periods(actor=ACTOR, election=w.election, rows=[
        {"code": "campaign", "start": dt.date(2011, 3, 4), "end": dt.date(2011, 4, 1)}])
    return Expect(("media.period.created",))


def _media_slots(w):
    from saylau.media.services import write_slots

    write_slots(actor=ACTOR, election=w.election, rows=[
        {"outlet": "TV1", "code": "evening", "name_en": "Evening news", "programme": "news", "start": "19:00",
         "end": "19:40"}])
    return Expect(("media.slot.created",))


def _media_import_slots(w):
    from saylau.media.services import import_slots

    import_slots(actor=ACTOR, election=w.election, path=w.file(
        "slots.csv", "outlet,code,name_en,days,start,end\nTV1,late,Late news,5,23:30,00:15\n"))
    return Expect(("media.slot.created",))


MEDIA_ROW = {"outlet": "TV1", "aired_at": "2011-03-20 19:05", "programme": "news", "subject": "candidate",
             "candidate": 1, "amount": 60, "tone": "positive", "speech": "direct", "language": "kk"}


def _media_codings(w):
    from saylau.media.services import write_codings

    write_codings(actor=ACTOR, election=w.election, rows=[{**MEDIA_ROW, "coder": "asel"}])
    return Expect(("media.item.created", "media.coding.created"))


def _media_import_outlets(w):
    from saylau.media.services import import_outlets

    import_outlets(actor=ACTOR, election=w.election, path=w.file(
        "outlets.csv", "code,name_en,kind,ownership,language\nNP1,The Paper,print,private,ru\n"))
    return Expect(("media.outlet.created",))


def _media_import_codings(w):
    from saylau.media.services import import_codings

    import_codings(actor=ACTOR, election=w.election, path=w.file(
        "codings.csv", "outlet,aired_at,coder,programme,subject,candidate,amount,tone,language\n"
                       "NP1,2011-03-21 08:00,asel,news,candidate,2,240,negative,ru\n"))
    return Expect(("media.item.created", "media.coding.created"))


def _media_code_item(w):
    from saylau.media.services import code_item

    w.scratch["media_second"] = code_item(actor=ACTOR, election=w.election,
                                          values={**MEDIA_ROW, "coder": "bolat", "tone": "neutral"})
    return Expect(("media.coding.created",))


def _registry_outcome():
    from saylau.registry.core.audit import Finding, Outcome

    pairs = pl.DataFrame({"uid_l": ["V1", "V3"], "uid_r": ["V2", "V4"], "match_weight": [12.5, 1.25],
                          "match_probability": [0.999, 0.7], "source": ["iin", "model"], "status": ["match", "review"],
                          "mw_iin": [10.0, -1.0]})
    flags = pl.DataFrame({"kind": ["deceased", "growth_outlier"], "voter_id": ["V5", ""], "unit_code": ["", "D1"],
                          "detail": ["died 2011-01-01", "100 -> 110 voters"]})
    return Outcome(5, pairs, flags, None, None, pl.DataFrame(), [Finding("duplicate_pairs", 1, 5, "records")])


def _registry_record_audit(w):
    from saylau.registry.services import record_audit

    w.scratch["registry_run"] = record_audit(actor=ACTOR, election=w.election, snapshot="current", previous="",
                                             engine="duckdb", outcome=_registry_outcome())
    return Expect(("registry.auditrun.created", "registry.pair.created", "registry.flag.created"))


def _registry_install_forms(w):
    from saylau.registry.services import install_field_audit_forms

    assert install_field_audit_forms(actor=ACTOR, election=w.election)  # imported through the observation forms service
    return Expect(("observation.form.imported",))


def _registry_decide_pair(w):
    from saylau.registry.services import decide_pair

    pair = w.scratch["registry_run"].pairs.get(voter_l="V3")
    decide_pair(actor=ACTOR, pair=pair, same_person=True, reason="same_person")
    return Expect(("registry.pair.updated",))


def _media_settle(w):
    from saylau.media.services import settle

    settle(actor=ACTOR, coding=w.scratch["media_second"])
    return Expect(("media.coding.updated",))


# --- disputes ----------------------------------------------------------------------------------------------

def _dispute(w, reference: str, **kw):
    from saylau.disputes.models import Case
    from saylau.disputes.services import ensure_default_bases, file_case

    found = Case.objects.filter(election=w.election, reference=reference).first()
    if found:
        return found
    ensure_default_bases(actor=SETUP)
    args = dict(actor=SETUP, election=w.election, body="CEC", complainant_kind="party",
                complainant_name="Free Democrats", respondent="CEC", contested_act="Refusal to register",
                act_date=dt.date(2011, 2, 20), filed_on=dt.date(2011, 2, 24), phase="candidate_registration",
                bases=["kz-election-law"], reference=reference)
    args.update(kw)
    return file_case(**args)


def _define_basis(w):
    from saylau.disputes.services import define_basis

    define_basis(actor=ACTOR, code="test-basis", law="A law", file_amount=5, file_unit="working_days")
    return Expect(("disputes.basis.created",))


def _ensure_default_bases(w):
    from saylau.disputes.services import ensure_default_bases

    ensure_default_bases(actor=ACTOR)  # runs before any other disputes call: the bases are not there yet
    return Expect(("disputes.basis.created",))


def _set_calendar_day(w):
    from saylau.disputes.services import set_calendar_day

    set_calendar_day(actor=ACTOR, date=dt.date(2011, 3, 5), kind="working", note="decree")
    return Expect(("disputes.calendarday.created",))


def _file_case(w):
    from saylau.disputes.services import ensure_default_bases, file_case

    ensure_default_bases(actor=SETUP)
    file_case(actor=ACTOR, election=w.election, body="DEC", complainant_kind="voter", complainant_name="V",
              respondent="PEC", contested_act="Refused a ballot", filed_on=dt.date(2011, 4, 4), phase="election_day",
              links=[("station", "9001")])
    return Expect(("disputes.case.created", "disputes.link.created"))


def _admit(w):
    from saylau.disputes.services import admit

    admit(actor=ACTOR, case=_dispute(w, "EV-1"), on=dt.date(2011, 2, 24))
    return Expect(("disputes.case.admitted",))


def _consider(w):
    from saylau.disputes.services import consider

    consider(actor=ACTOR, case=_dispute(w, "EV-1"), on=dt.date(2011, 2, 25))
    return Expect(("disputes.case.considered",))


def _decide(w):
    from saylau.disputes.services import decide

    decide(actor=ACTOR, case=_dispute(w, "EV-1"), decided_on=dt.date(2011, 2, 26), mode="session",
           outcome="rejected", session_date=dt.date(2011, 2, 26), members_present=7, votes_for=7, votes_against=0)
    return Expect(("disputes.case.decided",))


def _publish_decision(w):
    from saylau.disputes.services import publish_decision

    publish_decision(actor=ACTOR, case=_dispute(w, "EV-1"), published_on=dt.date(2011, 2, 27))
    return Expect(("disputes.case.published",))


def _appeal(w):
    from saylau.disputes.services import appeal

    appeal(actor=ACTOR, case=_dispute(w, "EV-1"), filed_on=dt.date(2011, 2, 28))
    return Expect(("disputes.case.appealed", "disputes.case.created"))


def _return_case(w):
    from saylau.disputes.services import return_case

    return_case(actor=ACTOR, case=_dispute(w, "EV-2"), reason="unsigned")
    return Expect(("disputes.case.returned",))


def _finalise(w):
    from saylau.disputes.services import admit, decide, finalise

    case = admit(actor=SETUP, case=_dispute(w, "EV-3"), on=dt.date(2011, 2, 24))
    decide(actor=SETUP, case=case, decided_on=dt.date(2011, 2, 25), mode="official", official="Chair",
           outcome="rejected")
    finalise(actor=ACTOR, case=case, on=dt.date(2011, 3, 10))
    return Expect(("disputes.case.final",))


def _add_document(w):
    from saylau.disputes.services import add_document

    add_document(actor=ACTOR, case=_dispute(w, "EV-2"), name="complaint.pdf", content=b"%PDF-1.4 x",
                 content_type="application/pdf")
    return Expect(("disputes.document.created",))


def _add_link(w):
    from saylau.disputes.services import add_link

    add_link(actor=ACTOR, case=_dispute(w, "EV-2"), kind="candidate", target="2")
    return Expect(("disputes.link.created",))


def _import_cases(w):
    from saylau.disputes.services import import_cases

    import_cases(actor=ACTOR, election=w.election, path=w.file("cases.csv", (
        "reference,body,complainant_kind,complainant_name,respondent,contested_act,filed_on,phase,decided_on,"
        "decision_mode,official,outcome\n"
        "IMP-1,TEC,observer,O,DEC,Refused access,2011-03-01,campaign,2011-03-03,official,Chair,rejected\n")))
    return Expect(("disputes.case.created", "disputes.case.admitted", "disputes.case.decided"))


def _import_dispute_simulation(w):
    from saylau.disputes.services import import_simulation

    import_simulation(actor=ACTOR, election=w.scratch["other"])
    return Expect(("disputes.case.created", "disputes.case.decided", "disputes.case.appealed",
                   "disputes.case.final"))


# --- nomination --------------------------------------------------------------------------------------------

def _nomination_import_simulation(w):
    from saylau.nomination.services.simulation import import_simulation
    from saylau.registry.core.simulation import simulate_register

    register = simulate_register(0.01, 2011, stations=w.sim.stations)
    w.scratch["register"] = register
    import_simulation(actor=ACTOR, election=w.election, register=register, seed=2011)
    return Expect(("nomination.nominee.created", "nomination.decision.created", "nomination.check.created",
                   "nomination.sheet.created", "nomination.line.created", "nomination.session.created",
                   "nomination.accreditation.created"))


def _create_nominee(w):
    from saylau.nomination.services.nominees import create_nominee

    w.scratch["nominee"] = create_nominee(actor=ACTOR, election=w.election, code="X1", name_en="Xenia One",
                                          nominated_by="self", nominated_on=dt.date(2011, 2, 6))
    return Expect(("nomination.nominee.created",))


def _decide_nominee(w):
    from saylau.nomination.services.nominees import decide

    decide(actor=ACTOR, nominee=w.scratch["nominee"], to_status="documents", number="9/1",
           decided_on=dt.date(2011, 2, 10), votes_for=7, votes_against=0)
    return Expect(("nomination.decision.created", "nomination.nominee.updated"))


def _record_eligibility(w):
    from saylau.nomination.core.eligibility import Facts
    from saylau.nomination.services.nominees import record_eligibility

    record_eligibility(actor=ACTOR, nominee=w.scratch["nominee"], facts=Facts(birth_date=dt.date(1960, 1, 1),
                                                                              citizen_by_birth=True))
    return Expect(("nomination.check.created",))


def _import_nominees(w):
    from saylau.nomination.services.nominees import import_nominees

    import_nominees(actor=ACTOR, election=w.election, path=w.file("nominees.csv", (
        "code,name_en,nominated_by,nominated_on\nX2,Xavier Two,self,2011-02-07\n")))
    return Expect(("nomination.nominee.created",))


def _nomination_lines(w):
    from saylau.nomination.services.signatures import import_lines

    voter = w.scratch["register"].current.row(0, named=True)
    region = w.scratch["register"].stations.filter(pl.col("code") == voter["station"])["region_code"][0]
    import_lines(actor=ACTOR, election=w.election, lines=pl.DataFrame([{
        "line_id": "X1-1", "nominee": "X1", "sheet": "X1-S1", "region_code": region, "collector": "CX",
        "surname": voter["surname"], "given_name": voter["given_name"], "patronymic": voter["patronymic"],
        "iin": voter["iin"], "birth_date": voter["birth_date"], "address": voter["address"],
        "signed_on": dt.date(2011, 2, 12)}]))
    return Expect(("nomination.sheet.created", "nomination.line.created"))


def _verify_lines(w):
    from saylau.nomination.services.signatures import verify_lines

    r = w.scratch["register"]
    verify_lines(actor=ACTOR, election=w.election, register=r.current, stations=r.stations, deaths=r.deaths)
    return Expect(("nomination.line.updated",))


def _run_session(w):
    from saylau.nomination.core.sampling import Plan
    from saylau.nomination.services.signatures import run_session

    r = w.scratch["register"]
    run_session(actor=ACTOR, nominee=w.scratch["nominee"], held_on=dt.date(2011, 2, 25), plan=Plan(0, 0.05),
                required=1, proxy_present=True, register=r.current, stations=r.stations, deaths=r.deaths)
    return Expect(("nomination.session.created", "nomination.line.updated"))


def _import_accreditations(w):
    from saylau.nomination.services.accreditation import import_accreditations

    import_accreditations(actor=ACTOR, election=w.election, path=w.file("accreditation.csv", (
        "kind,full_name,organisation,state\nmedia,Asel Media,Dala News,KZ\n")))
    return Expect(("nomination.accreditation.created",))


def _revoke_accreditation(w):
    from saylau.nomination.models import Accreditation
    from saylau.nomination.services.accreditation import revoke_accreditation

    badge = Accreditation.objects.get(election=w.election, full_name="Asel Media")
    revoke_accreditation(actor=ACTOR, accreditation=badge, reason="badge lost and reported")
    return Expect(("nomination.accreditation.updated",))


GEO, LED, OBS, RES, WEB = ("saylau.geography.services", "saylau.ledger.services", "saylau.observation.services",
                 "saylau.results.services", "saylau.web.services")
DIS = "saylau.disputes.services"
NOM = "saylau.nomination.services"
#: every service, in the order they run, and how: each function calls it and says what it must append
CALLS: dict[str, Callable[[World], Expect]] = {
    f"{GEO}.elections:create_election": _create_election,
    f"{GEO}.structure:write_units": _write_units,
    f"{GEO}.structure:write_stations": _write_stations,
    f"{GEO}.structure:write_parties": _write_parties,
    f"{GEO}.structure:write_candidates": _write_candidates,
    f"{GEO}.structure:write_commission_members": _write_members,
    f"{GEO}.importing:import_stations": _import_stations,
    f"{GEO}.importing:import_parties": _import_parties,
    f"{GEO}.importing:import_candidates": _import_candidates,
    f"{GEO}.importing:import_commission_members": _import_members,
    f"{GEO}.editing:update_election": _update_election,
    f"{GEO}.editing:rename_unit": _rename_unit,
    f"{GEO}.editing:set_commission_seats": _set_seats,
    f"{GEO}.editing:update_station": _update_station,
    f"{GEO}.editing:add_member": _add_member,
    f"{GEO}.editing:update_member": _update_member,
    f"{GEO}.editing:remove_member": _remove_member,
    f"{GEO}.editing:update_party": _update_party,
    f"{GEO}.editing:update_candidate": _update_candidate,
    f"{LED}:record": _record,
    f"{LED}:record_many": _record_many,
    f"{LED}:record_texts": _record_texts,
    f"{LED}:generate_key": _generate_key,
    f"{LED}:create_checkpoint": _create_checkpoint,
    f"{OBS}.forms:import_form": _import_form,
    f"{OBS}.forms:seed_builtin_forms": _seed_forms,
    f"{OBS}.forms:set_timezone": _set_timezone,
    f"{OBS}.mission:import_observers": _import_observers,
    f"{OBS}.mission:import_deployments": _import_deployments,
    f"{OBS}.mission:load_mission": _load_mission,
    f"{OBS}.ingest:submit": _submit,
    f"{OBS}.ingest:submit_many": _submit_many,
    f"{OBS}.ingest:add_files": _add_files,
    f"{OBS}.importing:import_submissions": _import_submissions,
    f"{OBS}.review:edit_submission": _edit_submission,
    f"{OBS}.review:set_status": _set_status,
    f"{OBS}.sms:receive_sms": _receive_sms,
    f"{OBS}.review:run_quality_checks": _run_quality_checks,
    f"{RES}.protocols:ensure_template": _ensure_template,
    f"{RES}.protocols:record_protocol": _record_protocol,
    f"{RES}.protocols:record_decision": _record_decision,
    f"{RES}.protocols:correct_protocol": _correct_protocol,
    f"{RES}.protocols:import_corrections": _import_corrections,
    f"{RES}.bulk:write_protocols": _write_protocols,
    f"{RES}.importing:import_file": _import_file,
    f"{RES}.importing:import_frame": _import_frame,
    f"{RES}.units:create_units": _create_units,
    f"{RES}.observers:import_observer_frame": _import_observer_frame,
    f"{RES}.observers:import_observer_copies": _import_observer_copies,
    f"{RES}.entry:key_protocol": _key_protocol,
    f"{RES}.entry:return_entries": _return_entries,
    f"{RES}.entry:accept_entries": _accept_entries,
    f"{RES}.entry:correct": _correct,
    f"{RES}.checking:run_checks": _run_checks,
    f"{RES}.checking:check_frame": _check_frame,
    f"{RES}.tabulating:tabulate": _tabulate,
    f"{RES}.tabulating:tabulate_frame": _tabulate_frame,
    f"{RES}.chain:check_and_tabulate": _check_and_tabulate,
    f"{RES}.publishing:publish": _publish,
    f"{RES}.simulation:import_simulation": _import_simulation,
    f"{DIS}:define_basis": _define_basis,
    f"{DIS}:ensure_default_bases": _ensure_default_bases,
    f"{DIS}:set_calendar_day": _set_calendar_day,
    f"{DIS}:file_case": _file_case,
    f"{DIS}:admit": _admit,
    f"{DIS}:consider": _consider,
    f"{DIS}:decide": _decide,
    f"{DIS}:publish_decision": _publish_decision,
    f"{DIS}:appeal": _appeal,
    f"{DIS}:return_case": _return_case,
    f"{DIS}:finalise": _finalise,
    f"{DIS}:add_document": _add_document,
    f"{DIS}:add_link": _add_link,
    f"{DIS}:import_cases": _import_cases,
    f"{DIS}:import_simulation": _import_dispute_simulation,
    f"{WEB}:create_user": _create_user,
    f"{WEB}:set_role": _set_role,
    f"{WEB}:link_observer": _link_observer,
    f"{WEB}:issue_login_token": _issue_login_token,
    f"{WEB}:redeem_login_token": _redeem_login_token,
    f"{WEB}:expire_login_tokens": _expire_login_tokens,
    f"{WEB}:record_account_change": _record_account_change,
    "saylau.media.services:write_outlets": _media_outlets,
    "saylau.media.services:write_periods": _media_periods,
    "saylau.media.services:write_slots": _media_slots,
    "saylau.media.services:import_slots": _media_import_slots,
    "saylau.media.services:write_codings": _media_codings,
    "saylau.media.services:import_outlets": _media_import_outlets,
    "saylau.media.services:import_codings": _media_import_codings,
    "saylau.media.services:code_item": _media_code_item,
    "saylau.media.services:settle": _media_settle,
    "saylau.registry.services:record_audit": _registry_record_audit,
    "saylau.registry.services:decide_pair": _registry_decide_pair,
    "saylau.registry.services:install_field_audit_forms": _registry_install_forms,
    f"{NOM}.simulation:import_simulation": _nomination_import_simulation,
    f"{NOM}.nominees:create_nominee": _create_nominee,
    f"{NOM}.nominees:decide": _decide_nominee,
    f"{NOM}.nominees:record_eligibility": _record_eligibility,
    f"{NOM}.nominees:import_nominees": _import_nominees,
    f"{NOM}.signatures:import_lines": _nomination_lines,
    f"{NOM}.signatures:verify_lines": _verify_lines,
    f"{NOM}.signatures:run_session": _run_session,
    f"{NOM}.accreditation:import_accreditations": _import_accreditations,
    f"{NOM}.accreditation:revoke_accreditation": _revoke_accreditation,
}
#: writers without an ``actor`` parameter: the actor is the one their input names
DERIVED_ACTOR = {f"{OBS}.sms:receive_sms", f"{WEB}:redeem_login_token"}


def test_every_service_with_an_actor_is_in_the_table():
    found = discovered()
    assert len(found) > 40  # the walk found the services modules
    missing = sorted(found.keys() - CALLS.keys())
    assert not missing, f"services not exercised by test_every_service.CALLS: {missing}"
    stale = sorted(CALLS.keys() - found.keys() - DERIVED_ACTOR)
    assert not stale, f"CALLS names services that do not exist (or take no actor): {stale}"
    for name in DERIVED_ACTOR:
        module, function = name.split(":")
        params = inspect.signature(getattr(importlib.import_module(module), function)).parameters
        assert "actor" not in params, f"{name} takes an actor now: move it out of DERIVED_ACTOR"


def _world(tmp_path) -> World:
    from saylau.observation.demo import ingest_simulation
    from saylau.results.services import import_simulation
    from saylau.simulate import simulate
    from saylau.simulate.load import load
    from saylau.web.services import create_user

    w = World(tmp=tmp_path, sim=simulate("kz-2011", scale=0.01, seed=2011))
    w.election = load(w.sim, actor=SETUP)
    ingest_simulation(w.sim, w.election, actor=SETUP)
    import_simulation(actor=SETUP, election=w.election, results=w.sim.results)
    for name, role in (("asel", "data_clerk"), ("bolat", "data_clerk"), ("zhanar", "administrator")):
        w.users[name] = create_user(actor=SETUP, username=name, role=role, password=f"{name}-pass-1")
    return w


def _matches(wanted: str, events: set[str]) -> bool:
    return any(e.startswith(wanted[:-1]) for e in events) if wanted.endswith("*") else wanted in events


def test_each_service_appends_its_own_ledger_entries(tmp_path):
    load_snapshots()
    w = _world(tmp_path)
    assert checks.verify_database().ok
    problems = []
    for name, call in CALLS.items():
        before = LedgerEntry.objects.order_by("-sequence").values_list("sequence", flat=True).first()
        expect = call(w)
        appended = list(LedgerEntry.objects.filter(sequence__gt=before).order_by("sequence"))
        if not appended:
            problems.append(f"{name}: no ledger entry")
            continue
        events = {e.event for e in appended}
        for wanted in expect.events:
            if not _matches(wanted, events):
                problems.append(f"{name}: no {wanted} entry among {sorted(events)}")
        last = {e.event: json.loads(e.payload)["actor"] for e in appended}
        want = {"kind": expect.actor.kind, "name": expect.actor.name, "user_id": expect.actor.user_id}
        for event in expect.events:
            for e in events:
                if _matches(event, {e}) and last[e] != want:
                    problems.append(f"{name}: {e} recorded by {last[e]}, not {want}")
    assert not problems, "\n".join(problems)
    report = checks.verify_database()
    assert report.ok, report.problems

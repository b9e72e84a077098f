"""Every importer through its service, on SQLite and PostgreSQL, fed malformed
files: refused by row and column with nothing written (checked inside the
transaction, so a partial write would show), or read whole; never a database
error. A bounded number of files per importer (Hypothesis)."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings

from saylau.core.actors import Actor
from saylau.core.errors import UserError
from saylau.observation.core.xlsform import XLSFormError

from .files import IMPORTERS

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("fuzz")
EXAMPLES = settings(max_examples=int(os.environ.get("FUZZ_DB", "20")), deadline=None,
                    derandomize=not os.environ.get("FUZZ_RANDOM"), database=None,
                    suppress_health_check=list(HealthCheck))


def _election():
    from saylau.geography.services import create_election, write_candidates, write_stations
    from saylau.observation.services import seed_builtin_forms

    e = create_election(actor=ACTOR, slug="fuzz-2011", name_en="Fuzz", kind="presidential", date=dt.date(2011, 4, 3))
    write_stations(actor=ACTOR, election=e, rows=[
        {"region_code": r, "region_name_en": r, "district_code": f"D{r}{d}", "district_name_en": f"D{r}{d}",
         "station_code": f"{r}{d}{s}", "station_name_en": f"{r}{d}{s}", "registered_voters": 1000,
         "area": "urban" if s == 1 else "rural"}
        for r in ("01", "02") for d in (1, 2) for s in (1, 2)], reason="fuzz")
    write_candidates(actor=ACTOR, election=e, rows=[
        {"number": n, "name_en": f"Candidate {n}", "nominator": "self"} for n in (1, 2, 3)], reason="fuzz")
    seed_builtin_forms(actor=ACTOR, election=e)
    return e


def _counts() -> tuple[int, ...]:
    from saylau.geography.models import Station, Unit
    from saylau.ledger.models import LedgerEntry
    from saylau.observation.models import Deployment, FormDefinition, Observer, Submission, Team
    from saylau.results.models import Protocol

    return tuple(m.objects.count() for m in (LedgerEntry, Unit, Station, Protocol, Submission, Observer, Team,
                                             Deployment, FormDefinition))


def _service(name: str, election):
    from saylau.geography.services import import_stations
    from saylau.observation.services import import_form, import_observers, import_submissions
    from saylau.results.services import import_file

    return {
        "stations": lambda p: import_stations(actor=ACTOR, election=election, path=p),
        "observers": lambda p: import_observers(actor=ACTOR, election=election, path=p),
        "submissions": lambda p: import_submissions(actor=ACTOR, election=election, path=p, form_id="voting"),
        "results": lambda p: import_file(actor=ACTOR, election=election, path=p, preset="saylau", create=True),
        "results-ru-cec": lambda p: import_file(actor=ACTOR, election=election, path=p, preset="ru-cec", create=True),
        "results-mexico-2012": lambda p: import_file(actor=ACTOR, election=election, path=p, preset="mexico-2012",
                                                     create=True),
        "forms": lambda p: import_form(actor=ACTOR, election=election, data=p.read_bytes()),
    }[name]


@pytest.mark.parametrize("name", sorted(IMPORTERS))
def test_a_malformed_file_is_refused_whole_or_read_whole(name, tmp_path) -> None:
    election = _election()
    if name == "submissions":  # the teams the file names
        (tmp_path / "o.csv").write_text("code,full_name,role,state,team_code\nOBS1,Aigerim,sto,DE,S0001\n")
        _service("observers", election)(tmp_path / "o.csv")
    service = _service(name, election)
    seen = {"refused": 0, "read": 0}

    @EXAMPLES
    @given(IMPORTERS[name][1])
    def one(file) -> None:
        file_name, raw = file
        path = tmp_path / file_name
        path.write_bytes(raw)
        with transaction.atomic():
            before = _counts()
            try:
                service(path)
                seen["read"] += 1
            except (UserError, XLSFormError, ValidationError) as error:  # TableError is a UserError
                assert _counts() == before, f"{error} but something was written"
                assert "Traceback" not in str(error)
                seen["refused"] += 1
            transaction.set_rollback(True)

    one()
    assert seen["refused"] > 0

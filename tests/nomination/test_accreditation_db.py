"""The accreditation registry through the services (SQLite and PostgreSQL): the limit of proxies per
candidate per station held across imports, badges numbered on, a bad file refused by row and
column with nothing written, an accreditation revoked with its reason."""

from __future__ import annotations

import dataclasses
import datetime as dt

import polars as pl
import pytest

from saylau.core.tabular import TableError
from saylau.ledger import checks
from saylau.ledger.checks import load_snapshots
from saylau.ledger.models import LedgerEntry
from saylau.nomination import selectors, services
from saylau.nomination.core import accreditation
from saylau.nomination.models import Accreditation
from tests.nomination import world_db as w

pytestmark = pytest.mark.django_db


@pytest.fixture
def election():
    e = w.election()
    made = w.nominees(e)
    for to, number, day in (("signatures", "2/A", dt.date(2011, 2, 21)), ("registered", "3/A", dt.date(2011, 3, 1))):
        services.decide(actor=w.ACTOR, nominee=made["A"], to_status=to, number=number, decided_on=day,
                        votes_for=7, votes_against=0)
    return e


def _proxies(names: list[str], station: str = "0101", nominee: str = "A", day: int = 5) -> pl.DataFrame:
    return pl.DataFrame({"kind": "proxy", "full_name": names, "nominee": nominee, "station_code": station,
                         "filed_on": dt.date(2011, 3, day)}).with_columns(pl.col("filed_on").cast(pl.Date))


def test_three_proxies_per_candidate_per_station_across_imports(election):
    got = services.import_accreditations(actor=w.ACTOR, election=election,
                                         applications=_proxies(["P1", "P2", "P3", "P4"]))
    assert got == {"accredited": 3, "refused": 1, "refusals": {"over_limit": 1}}
    fourth = Accreditation.objects.get(full_name="P4")
    assert (fourth.status, fourth.refusal, fourth.badge) == ("refused", "over_limit", "")
    assert list(Accreditation.objects.filter(status="accredited").order_by("badge").values_list("badge", "region_code")) \
        == [("PR-000001", "01"), ("PR-000002", "01"), ("PR-000003", "01")]
    # a later file: the places taken stay taken, even for a filing dated earlier; another station is free
    later = pl.concat([_proxies(["P5"], day=1), _proxies(["P6"], station="0201"), _proxies(["P7"], nominee="B")])
    got = services.import_accreditations(actor=w.ACTOR, election=election, applications=later)
    assert got == {"accredited": 1, "refused": 2, "refusals": {"not_a_candidate": 1, "over_limit": 1}}
    assert Accreditation.objects.get(full_name="P5").refusal == "over_limit"
    assert Accreditation.objects.get(full_name="P6").badge == "PR-000004"
    assert Accreditation.objects.get(full_name="P7").refusal == "not_a_candidate"  # B is not registered
    # a looser limit, as a deployment may set it
    loose = dataclasses.replace(accreditation.KZ_2011, proxies_per_station=5)
    assert services.import_accreditations(actor=w.ACTOR, election=election, applications=_proxies(["P8"]),
                                          limits=loose) == {"accredited": 1, "refused": 0, "refusals": {}}
    assert LedgerEntry.objects.filter(event="nomination.accreditation.created").count() == 8
    assert selectors.accreditation_by_candidate(election, "en") == [
        {"nominee_code": "A", "name": "Aidar Nurpeisov", "incumbent": False, "accredited": 5, "refused": 2},
        {"nominee_code": "B", "name": "Bota Seitova", "incumbent": False, "accredited": 0, "refused": 1}]
    regions = {(r["region_code"], r["kind"]): r["accredited"] for r in selectors.accreditation_by_region(election)}
    assert regions == {("01", "proxy"): 4, ("02", "proxy"): 1}
    load_snapshots()
    assert checks.verify_database().ok


def test_a_bad_file_names_row_and_column_and_writes_nothing(election, tmp_path):
    path = tmp_path / "accreditation.csv"
    path.write_text("kind,full_name,nominee,station_code,filed_on\n"
                    "proxy,P1,A,0101,2011-03-05\n"
                    "proxy,P2,A,9999,2011-03-05\n"
                    "observer,P3,,0101,2011-03-05\n"
                    "proxy,P4,A,0101,5 March\n", encoding="utf-8")
    before = LedgerEntry.objects.count()
    with pytest.raises(TableError) as refused:
        services.import_accreditations(actor=w.ACTOR, election=election, path=path)
    text = str(refused.value)
    assert "row 4, column 'kind': expected one of 'proxy', 'domestic_observer'" in text
    assert "row 5, column 'filed_on': expected a date YYYY-MM-DD or DD.MM.YYYY, got '5 March'" in text
    assert "nothing was imported" in text
    path.write_text("kind,full_name,nominee,station_code,filed_on\n"
                    "proxy,P1,A,0101,2011-03-05\n"
                    "proxy,P2,A,9999,2011-03-05\n", encoding="utf-8")
    with pytest.raises(TableError) as refused:
        services.import_accreditations(actor=w.ACTOR, election=election, path=path)
    assert "row 3, column 'station_code': expected a polling station of kz-2011, got '9999'" in str(refused.value)
    assert Accreditation.objects.count() == 0 and LedgerEntry.objects.count() == before


def test_missing_fields_and_duplicates_are_refused_with_their_reason(election):
    frame = pl.DataFrame({
        "kind": ["domestic_observer", "domestic_observer", "domestic_observer", "international_observer", "media"],
        "full_name": ["D1", "D2", "D1", "I1", "M1"], "organisation": ["League", "", "League", "", ""],
        "iin": ["", "", "", "", ""], "state": ["", "", "", "DE", ""]})
    services.import_accreditations(actor=w.ACTOR, election=election, applications=frame)
    got = {(a.full_name, a.status, a.refusal) for a in Accreditation.objects.all()}
    assert got == {("D1", "accredited", ""), ("D2", "refused", "no_nominator"), ("D1", "refused", "duplicate"),
                   ("I1", "accredited", ""), ("M1", "refused", "missing_field")}
    assert {a.badge for a in Accreditation.objects.filter(status="accredited")} == {"DO-000001", "IO-000001"}


def test_revoke(election):
    services.import_accreditations(actor=w.ACTOR, election=election, applications=_proxies(["P1"]))
    badge = Accreditation.objects.get(full_name="P1")
    with pytest.raises(services.NominationError, match="say why"):
        services.revoke_accreditation(actor=w.ACTOR, accreditation=badge, reason="")
    services.revoke_accreditation(actor=w.ACTOR, accreditation=badge, reason="the candidate withdrew the proxy")
    badge.refresh_from_db()
    assert badge.status == "revoked" and badge.badge == "PR-000001"
    with pytest.raises(services.NominationError, match="PR-000001 is revoked"):
        services.revoke_accreditation(actor=w.ACTOR, accreditation=badge, reason="again")
    entry = LedgerEntry.objects.get(event="nomination.accreditation.updated")
    assert "the candidate withdrew the proxy" in entry.payload
    # the revoked badge's place at the station is free again
    assert services.import_accreditations(actor=w.ACTOR, election=election,
                                          applications=_proxies(["P2", "P3", "P4"]))["accredited"] == 3

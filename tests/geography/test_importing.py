"""Importing the structure: good files land whole, bad files land not at all."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from saylau.core.actors import Actor
from saylau.core.tabular import TableError
from saylau.geography import services as importing  # the file imports
from saylau.geography.models import Candidate, Commission, CommissionMember, Party, Station, Unit
from saylau.geography.services import create_election

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")

STATIONS = """region_code,region_name_en,region_name_kk,district_code,district_name_en,station_code,registered_voters,area,kind,special_kind,latitude,longitude
01,Akmola Region,Ақмола облысы,D01,District 1,0001,1500,urban,regular,,53.28,69.39
01,Akmola Region,Ақмола облысы,D01,District 1,0002,420,rural,regular,,,
01,Akmola Region,Ақмола облысы,D02,District 2,0003,120,rural,special,hospital,,
16,Almaty,Алматы,D03,District 3,0004,2100,urban,regular,,43.24,76.89
"""


@pytest.fixture
def election():
    return create_election(actor=ACTOR, slug="test-2011", name_en="Test election", kind="presidential", date=dt.date(2011, 4, 3))


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_stations_create_the_tree_and_one_commission_per_unit(election, tmp_path):
    summary = importing.import_stations(actor=ACTOR, election=election, path=_write(tmp_path, "s.csv", STATIONS))
    assert summary.created == {"regions": 2, "districts": 3, "stations": 4}
    station = Station.objects.select_related("unit__parent__parent").get(unit__code="0003")
    assert station.kind == "special" and station.special_kind == "hospital" and station.registered_voters == 120
    assert station.unit.parent.code == "D02" and station.unit.parent.parent.name_kk == "Ақмола облысы"
    assert station.unit.path == "0/01/D02/0003"
    assert Commission.objects.filter(unit__election=election).count() == 1 + 2 + 3 + 4
    assert set(Commission.objects.values_list("tier", flat=True)) == {"CEC", "TEC", "DEC", "PEC"}


def test_a_bad_file_names_row_column_and_expectation_and_writes_nothing(election, tmp_path):
    bad = STATIONS.replace("0002,420,rural", "0002,four hundred,rural").replace("0004,2100,urban", "0004,2100,town")
    bad = bad.replace("D03,District 3", "D01,District 1")  # district D01 now claimed by two regions
    with pytest.raises(TableError) as caught:
        importing.import_stations(actor=ACTOR, election=election, path=_write(tmp_path, "s.csv", bad))
    text = str(caught.value)
    assert "row 3, column 'registered_voters': expected a whole number of at least 0, got 'four hundred'" in text
    assert "row 5, column 'area': expected one of 'urban', 'rural', got 'town'" in text
    assert "nothing was imported" in text
    assert Unit.objects.filter(election=election).count() == 1  # only the national unit
    assert Station.objects.count() == 0


def test_cross_row_errors(election, tmp_path):
    dup = STATIONS + "16,Almaty,Алматы,D03,District 3,0004,10,urban,regular,,,\n"
    with pytest.raises(TableError) as caught:
        importing.import_stations(actor=ACTOR, election=election, path=_write(tmp_path, "s.csv", dup))
    assert caught.value.errors[0].row == 6 and caught.value.errors[0].column == "station_code"
    special = STATIONS.replace("special,hospital", "special,")
    with pytest.raises(TableError, match="row 4, column 'special_kind'"):
        importing.import_stations(actor=ACTOR, election=election, path=_write(tmp_path, "s.csv", special))


def test_missing_column_is_reported(election, tmp_path):
    text = STATIONS.replace("registered_voters", "voters")
    with pytest.raises(TableError, match="row 1, column 'registered_voters': expected this column in the header"):
        importing.import_stations(actor=ACTOR, election=election, path=_write(tmp_path, "s.csv", text))


def test_xlsx_and_semicolon_csv(election, tmp_path):
    book = Workbook()
    sheet = book.active
    for line in STATIONS.strip().splitlines():
        sheet.append([int(v) if v.isdigit() and len(v) > 3 and not v.startswith("0") else (v or None) for v in line.split(",")])
    book.save(tmp_path / "s.xlsx")
    importing.import_stations(actor=ACTOR, election=election, path=tmp_path / "s.xlsx")
    assert Station.objects.get(unit__code="0004").registered_voters == 2100
    parties = "code;name_en;name_ru;opposition\nOTAN;Otan Union;Союз Отан;no\nSDP;Social Democrats;;yes\n"
    importing.import_parties(actor=ACTOR, election=election, path=_write(tmp_path, "p.csv", parties))
    assert Party.objects.get(code="SDP").opposition is True


def test_candidates_and_members(election, tmp_path):
    importing.import_stations(actor=ACTOR, election=election, path=_write(tmp_path, "s.csv", STATIONS))
    importing.import_parties(actor=ACTOR, election=election, path=_write(tmp_path, "p.csv", "code,name_en\nOTAN,Otan Union\n"))
    cands = "number,name_en,name_kk,nominator,party_code,nominating_body,status,incumbent\n1,A One,А Бір,party,OTAN,,registered,yes\n2,B Two,,association,,Green Union,registered,no\n3,C Three,,party,NOPE,,nominated,no\n"
    with pytest.raises(TableError, match="row 4, column 'party_code': expected the code of an imported party \\(OTAN\\)"):
        importing.import_candidates(actor=ACTOR, election=election, path=_write(tmp_path, "c.csv", cands))
    assert Candidate.objects.count() == 0
    importing.import_candidates(actor=ACTOR, election=election, path=_write(tmp_path, "c.csv", cands.replace("NOPE", "OTAN")))
    assert Candidate.objects.get(number=1).incumbent and Candidate.objects.get(number=2).nominating_body == "Green Union"
    members = "tier,unit_code,full_name,role,gender,nominating_party,nominating_body,organisation,voting\nPEC,0001,Aliya S,chair,female,OTAN,,School 1,yes\nDEC,D01,Marat K,member,male,,local council,,no\nPEC,9999,X Y,member,male,OTAN,,,yes\n"
    with pytest.raises(TableError, match="row 4, column 'unit_code'"):
        importing.import_commission_members(actor=ACTOR, election=election, path=_write(tmp_path, "m.csv", members))
    importing.import_commission_members(actor=ACTOR, election=election, path=_write(tmp_path, "m.csv", members.replace("9999", "0002")))
    assert CommissionMember.objects.count() == 3
    assert CommissionMember.objects.get(full_name="Marat K").voting is False

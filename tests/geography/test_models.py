from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from saylau.core.actors import Actor
from saylau.geography.models import Election, Station, Unit
from saylau.geography.services import create_election, get_election

pytestmark = pytest.mark.django_db


def test_election_languages_are_checked():
    election = Election(slug="x", name_en="X", kind="presidential", date=dt.date(2020, 1, 1), languages="en,fr")
    with pytest.raises(ValidationError, match="unsupported language"):
        election.full_clean()
    election.languages, election.official_language = "ru,kk", "en"
    with pytest.raises(ValidationError, match="official_language"):
        election.full_clean()


def test_tree_rules_and_names():
    election = create_election(actor=Actor.system("t"), slug="e", name_en="E", name_kk="Е сайлау", kind="local", date=dt.date(2020, 1, 1))
    assert get_election().slug == "e" and get_election("e") == election
    with pytest.raises(LookupError):
        get_election("nope")
    national = Unit.objects.get(election=election, level=0)
    assert national.name("kk") == "Е сайлау" and national.name("ru") == "E"
    station_unit = Unit(election=election, level=3, code="1", path="0/1", name_en="S", parent=national)
    with pytest.raises(ValidationError, match="one level above"):
        station_unit.full_clean()
    region = Unit.objects.create(election=election, level=1, code="R", path="0/R", name_en="R", parent=national)
    station = Station(unit=region, registered_voters=5, area="urban", kind="special")
    with pytest.raises(ValidationError) as caught:
        station.full_clean()
    assert "unit" in caught.value.message_dict and "special_kind" in caught.value.message_dict

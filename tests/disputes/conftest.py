from __future__ import annotations

import datetime as dt

import pytest

from saylau.core.actors import Actor

ACTOR = Actor.system("test")


@pytest.fixture
def election(db):
    return build_election()


def build_election():
    """An election with a station 0101 and candidates 1 to 3, and the default legal bases."""
    from saylau.disputes.services import ensure_default_bases
    from saylau.geography.services import create_election, write_candidates, write_stations

    e = create_election(actor=ACTOR, slug="kz-2011", name_en="Early presidential election", kind="presidential",
                        date=dt.date(2011, 4, 3))
    write_stations(actor=ACTOR, election=e, rows=[
        {"region_code": "01", "region_name_en": "North", "district_code": "D011", "district_name_en": "Lakeside",
         "station_code": "0101", "registered_voters": 1000, "area": "urban"}])
    write_candidates(actor=ACTOR, election=e, rows=[
        {"number": n, "name_en": f"Candidate {n}", "nominator": "self"} for n in (1, 2, 3)])
    ensure_default_bases(actor=ACTOR)
    return e

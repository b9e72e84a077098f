"""Database fixtures for the observation app: an election built through the
services, with a small cast (Aigerim and Boris in team S0001, Dana in S0002,
Erlan the analyst)."""

from __future__ import annotations

import datetime as dt

import pytest

from saylau.core.actors import Actor

ACTOR = Actor.system("tests")


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """OpenRosa authenticates every request with Basic auth: hash test passwords cheaply."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def election(db):
    from saylau.geography.services import create_election, write_candidates, write_stations
    from saylau.observation.services import seed_builtin_forms

    e = create_election(actor=ACTOR, slug="t-2011", name_en="Test election", kind="presidential",
                        date=dt.date(2011, 4, 3))
    write_stations(actor=ACTOR, election=e, rows=[
        {"region_code": r, "region_name_en": r, "district_code": f"D{r}{d}", "district_name_en": f"D{r}{d}",
         "station_code": f"{r}{d}{s}", "station_name_en": f"{r}{d}{s}", "registered_voters": 1000,
         "area": "urban" if s == 1 else "rural"}
        for r in ("01", "02") for d in (1, 2) for s in (1, 2)])
    write_candidates(actor=ACTOR, election=e, rows=[
        {"number": n, "name_en": f"Candidate {n}", "nominator": "self"} for n in (1, 2)])
    seed_builtin_forms(actor=ACTOR, election=e)
    return e


@pytest.fixture
def mission(election, tmp_path):
    from django.contrib.auth.models import Group, User

    from saylau.observation.models import Observer
    from saylau.observation.services import import_observers

    (tmp_path / "observers.csv").write_text(
        "code,full_name,role,state,parliamentarian,team_code,language,phone\n"
        "OBS1,Aigerim,sto,DE,yes,S0001,ru,+77010000001\n"
        "OBS2,Boris,sto,FR,no,S0001,en,+77010000002\n"
        "OBS3,Dana,sto,PL,no,S0002,kk,+77010000003\n"
        "OBS4,Erlan,core,GB,no,,en,\n")
    (tmp_path / "deployments.csv").write_text(
        "team_code,station_code,dec_code,region_code\nS0001,,D011,\nS0002,,,02\n")
    import_observers(actor=ACTOR, election=election, path=tmp_path / "observers.csv",
                     deployments=tmp_path / "deployments.csv")
    users = {}
    for code, name in (("OBS1", "aigerim"), ("OBS2", "boris"), ("OBS3", "dana")):
        users[name] = User.objects.create_user(name, password="pw-" + name)
        Observer.objects.filter(code=code).update(user=users[name])
    users["erlan"] = User.objects.create_user("erlan", password="pw-erlan")
    users["erlan"].groups.add(Group.objects.get_or_create(name="analyst")[0])
    return users

"""Fixtures for the web app: a small election through the services, and the cast
(Aigerim observes for team S0001 at district D011; Erlan is an analyst; Zhanar
administers). Accounts are made with saylau.web.services, the way
``saylau users create`` makes them."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from saylau.core.actors import Actor

ACTOR = Actor.system("tests")
# The live server for the browser tests listens on the loopback address only.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")


def pytest_configure(config) -> None:
    # Until pyproject.toml lists it (--strict-markers): browser tests drive Chromium.
    config.addinivalue_line("markers", "browser: drives Chromium (/usr/bin/chromium) against a live server")


def build_election():
    from saylau.geography.services import create_election, write_stations
    from saylau.observation.services import seed_builtin_forms

    e = create_election(actor=ACTOR, slug="web-2011", name_en="Test election", name_kk="Сынақ сайлауы",
                        kind="presidential", date=dt.date(2011, 4, 3))
    write_stations(actor=ACTOR, election=e, rows=[
        {"region_code": "01", "region_name_en": "North", "district_code": "D011", "district_name_en": "Lakeside",
         "station_code": code, "station_name_en": code, "registered_voters": 1000, "area": "urban"}
        for code in ("0111", "0112")])
    seed_builtin_forms(actor=ACTOR, election=e)
    return e


def build_mission(election, tmp_path, *, password: str | None = None) -> dict:
    from saylau.observation.models import Observer
    from saylau.observation.services import import_observers
    from saylau.web import services

    (tmp_path / "observers.csv").write_text(
        "code,full_name,role,state,parliamentarian,team_code,language,phone\n"
        "OBS1,Aigerim Nurlanqyzy,sto,DE,no,S0001,en,+77010000001\n")
    (tmp_path / "deployments.csv").write_text("team_code,station_code,dec_code,region_code\nS0001,,D011,\n")
    import_observers(actor=ACTOR, election=election, path=tmp_path / "observers.csv",
                     deployments=tmp_path / "deployments.csv")
    aigerim = services.create_user(actor=ACTOR, username="aigerim", role="observer", password=password)
    services.link_observer(actor=ACTOR, user=aigerim, observer=Observer.objects.get(code="OBS1"))
    erlan = services.create_user(actor=ACTOR, username="erlan", role="analyst", password="analyst-pass-1")
    zhanar = services.create_user(actor=ACTOR, username="zhanar", role="administrator", password="admin-pass-1")
    return {"aigerim": aigerim, "erlan": erlan, "zhanar": zhanar}


@pytest.fixture
def election(db):
    return build_election()


@pytest.fixture
def mission(election, tmp_path) -> dict:
    return build_mission(election, tmp_path)


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2's 1,000,000 rounds cost ~0.5 s a login; the tests are about the flows."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

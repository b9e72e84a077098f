"""Fixtures for the forensics tests: the Russian CEC files, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from saylau.forensics import load_stations, preset

DATA = Path(__file__).resolve().parent.parent / "data"
RU = DATA / "ru-kobak"
MX = DATA / "mx-quickcountmx"


@pytest.fixture(scope="session")
def ru2011():
    return load_stations(RU / "2011.csv.zip", preset("ru-kobak-2011"))


@pytest.fixture(scope="session")
def ru2012():
    return load_stations(RU / "2012.csv.zip", preset("ru-kobak-2012"))

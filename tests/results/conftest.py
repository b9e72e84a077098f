"""Fixtures for the results tests: the Mexico 2012 station results."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from saylau.results.core.quickcount.frame import frame_from_table
from saylau.results.core.quickcount.presets import MEXICO_2012

MEXICO_CSV = (Path(__file__).resolve().parent.parent / "data" / "mx-quickcountmx"
              / "mexico_2012_presidential_by_casilla.csv.gz")


@pytest.fixture(scope="session")
def mexico_table() -> pl.DataFrame:
    return pl.read_csv(MEXICO_CSV)


@pytest.fixture(scope="session")
def mexico_frame(mexico_table):
    p = MEXICO_2012
    return frame_from_table(
        mexico_table, id_column=p.id_column, stratum_column=p.stratum_column,
        registered_column=p.registered_column, vote_columns=[*p.candidates, p.denominator],
    )

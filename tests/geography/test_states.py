"""The ledger state of the structure's objects: one definition, two builders that agree byte for byte."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import polars as pl
import pytest

from saylau.geography.core import states
from saylau.ledger.core.chain import canonical_json

AWKWARD = ['plain', 'quote " and \\ backslash', "new\nline\ttab\x01", "Қазақ «тілі» — ё", "", "🗳 ballot", None]


def _dicts(kind: states.Kind, frame: pl.DataFrame) -> list[str]:
    """canonical_json(state(row)) row by row, from the values a model instance would hold."""
    out = []
    for row in frame.iter_rows(named=True):
        values = {c: states.from_e5(v) if f.type == states.E5 else v
                  for f in kind.fields for c, v in [(f.column, row[f.column])]}
        out.append(canonical_json(states.state(kind, values)).decode())
    return out


def _frame(kind: states.Kind, n: int) -> pl.DataFrame:
    columns = {}
    for f in kind.fields:
        if f.type == states.STR:
            columns[f.column] = [AWKWARD[i % len(AWKWARD)] for i in range(n)]
        elif f.type == states.BOOL:
            columns[f.column] = [[True, False, None][i % 3] for i in range(n)]
        elif f.type == states.DATE:
            columns[f.column] = [f"2011-04-{i % 28 + 1:02d}" for i in range(n)]
        else:
            columns[f.column] = [[0, -4325001, 9_000_000_000, None, 17][i % 5] for i in range(n)]
    return pl.DataFrame(columns, schema=kind.schema)


@pytest.mark.parametrize("kind", states.KINDS, ids=lambda k: k.object_type)
def test_the_column_wise_text_is_canonical_json_of_the_state(kind):
    frame = _frame(kind, 35)
    assert states.state_texts(kind, frame).to_list() == _dicts(kind, frame)


def test_states_of_model_like_objects():
    class Station:
        unit_id, kind, special_kind, registered_voters, area = 7, "special", "hospital", 120, "rural"
        latitude, longitude = Decimal("53.28000"), Decimal("-69.39001")

    assert states.state(states.STATION, Station()) == {
        "unit": 7, "kind": "special", "special_kind": "hospital", "registered_voters": 120, "area": "rural",
        "latitude_e5": 5328000, "longitude_e5": -6939001}

    class Election:
        slug, name_en, name_ru, name_kk, kind = "e", "E", "", "", "local"
        date, languages, official_language = dt.date(2020, 1, 5), "en,kk", "kk"

    assert states.state(states.ELECTION, Election())["date"] == "2020-01-05"


def test_coordinates_are_whole_hundred_thousandths():
    assert states.e5(Decimal("43.25001")) == 4325001
    assert states.e5(43.25001) == 4325001  # float noise does not leak in: 43.25001 * 100000 = 4325000.999...
    assert states.e5(-0.000005) == 0 and states.e5(0.000015) == 2  # half to even
    assert states.e5(None) is None and states.from_e5(None) is None
    assert states.from_e5(4325001) == Decimal("43.25001") and str(states.from_e5(-5)) == "-0.00005"

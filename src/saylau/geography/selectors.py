"""Reads of the election's structure.

:func:`region_names`: each region's name in a language, for every page and
chart that lists regions.

:func:`state_frame` reads every object of one kind as the database holds it
now, with its ledger state as canonical JSON text (see
:mod:`saylau.geography.core.states`): ``saylau ledger verify`` compares these
with the latest entry of each object. One plain ``SELECT`` per kind, the same
SQL on SQLite and PostgreSQL: booleans come back as 0/1 and coordinates as
whole hundred-thousandths of a degree, computed by the database from the
five-decimal column.
"""

from __future__ import annotations

import polars as pl
from django.db import connection

from saylau.geography.choices import UnitLevel
from saylau.geography.core import states
from saylau.geography.models import (
    Candidate,
    Commission,
    CommissionMember,
    Election,
    Party,
    Station,
    Unit,
)

MODELS = {
    states.ELECTION: Election, states.UNIT: Unit, states.COMMISSION: Commission, states.STATION: Station,
    states.MEMBER: CommissionMember, states.PARTY: Party, states.CANDIDATE: Candidate,
}
_CHUNK = 100_000


def region_names(election: Election, lang: str) -> dict[str, str]:
    """Region code -> the region's name in ``lang`` (English where it has none), in code order."""
    regions = Unit.objects.filter(election=election, level=UnitLevel.REGION).order_by("code")
    return {u.code: u.name(lang) for u in regions.only("code", "name_en", "name_ru", "name_kk")}


def _sql(kind: states.Kind) -> str:
    model = MODELS[kind]
    quote = connection.ops.quote_name
    parts = [quote(model._meta.pk.column)]
    for f in kind.fields:
        column = quote(model._meta.get_field(f.column).column)
        if f.type == states.BOOL:
            parts.append(f"CASE WHEN {column} THEN 1 ELSE 0 END")
        elif f.type == states.E5:
            parts.append(f"CAST(ROUND({column} * 100000) AS BIGINT)")
        else:
            parts.append(column)
    return f"SELECT {', '.join(parts)} FROM {quote(model._meta.db_table)}"


def rows_frame(kind: states.Kind) -> pl.DataFrame:
    """Every row of ``kind``: ``id`` and the state's columns (:attr:`Kind.schema`)."""
    schema = {"id": pl.Int64, **{f.column: (pl.Int64 if f.type == states.BOOL else states.DTYPES[f.type])
                                 for f in kind.fields}}
    dates = [i + 1 for i, f in enumerate(kind.fields) if f.type == states.DATE]
    parts = []
    with connection.cursor() as cursor:
        cursor.execute(_sql(kind))
        while rows := cursor.fetchmany(_CHUNK):
            if dates:  # a date column comes back as a date (PostgreSQL) or as its ISO text (SQLite)
                rows = [tuple(states.field_value(kind.fields[i - 1], v) if i in dates else v for i, v in enumerate(r))
                        for r in rows]
            parts.append(pl.DataFrame(rows, schema=schema, orient="row"))
    frame = pl.concat(parts) if parts else pl.DataFrame(schema=schema)
    return frame.with_columns(pl.col(f.column).cast(pl.Boolean) for f in kind.fields if f.type == states.BOOL)


def state_frame(kind: states.Kind) -> pl.DataFrame:
    """Every object of ``kind`` as ``object_id`` (text) and ``state`` (canonical JSON text)."""
    rows = rows_frame(kind)
    return rows.select(object_id=pl.col("id").cast(pl.Utf8), state=states.state_expr(kind))

"""What the ledger records of each object of the election's structure.

Each kind of object (election, unit, commission, station, commission member,
party, candidate) has a *state*: the dict its ledger entries carry as
``before``/``after``, and that ``saylau ledger verify`` compares with the row
in the database. The state is defined once, as a list of :class:`Field`, and
built two ways that agree byte for byte: :func:`state` for one object (a
model instance or a mapping), and :func:`state_texts` for a whole Polars frame
at once (bulk imports and verification), which gives
``canonical_json(state(row))`` for every row without a Python loop.

Values are the row's own: foreign keys as ids, booleans as ``true``/``false``,
an election day as ``YYYY-MM-DD``, and coordinates as whole hundred-thousandths
of a degree (``latitude_e5``: 43.25001 is ``4325001``; the column holds five
decimal places), so that no float or decimal text has to agree between Python,
Polars, SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

import polars as pl

from saylau.ledger.core import texts

INT, STR, BOOL, E5, DATE = "int", "str", "bool", "e5", "date"
#: the Polars type of a frame column holding each kind of value (E5: the whole number already)
DTYPES = {INT: pl.Int64, STR: pl.Utf8, BOOL: pl.Boolean, E5: pl.Int64, DATE: pl.Utf8}


@dataclass(frozen=True)
class Field:
    key: str  # the member of the state
    column: str  # the model's attribute (``parent_id``) and the frame's column
    type: str  # INT, STR, BOOL, E5 or DATE


@dataclass(frozen=True)
class Kind:
    """One kind of object: its ledger type (``geography.unit``) and its state's fields."""

    object_type: str
    fields: tuple[Field, ...]

    @property
    def schema(self) -> dict[str, pl.DataType]:
        return {f.column: DTYPES[f.type] for f in self.fields}


def _f(spec: str) -> Field:
    """``key`` / ``key:type`` / ``key=column:type`` -> Field."""
    name, _, kind = spec.partition(":")
    key, _, column = name.partition("=")
    return Field(key, column or key, kind or STR)


def _kind(object_type: str, *specs: str) -> Kind:
    return Kind(object_type, tuple(_f(s) for s in specs))


NAMES = ("name_en", "name_ru", "name_kk")
ELECTION = _kind("geography.election", "slug", *NAMES, "kind", "date:date", "languages", "official_language")
UNIT = _kind("geography.unit", "election=election_id:int", "level:int", "code", "parent=parent_id:int", "path",
             *NAMES)
COMMISSION = _kind("geography.commission", "unit=unit_id:int", "tier", "seats:int")
STATION = _kind("geography.station", "unit=unit_id:int", "kind", "special_kind", "registered_voters:int", "area",
                "latitude_e5=latitude:e5", "longitude_e5=longitude:e5")
MEMBER = _kind("geography.commissionmember", "commission=commission_id:int", "full_name", "role", "gender",
               "nominating_party=nominating_party_id:int", "nominating_body", "organisation", "ethnicity",
               "voting:bool")
PARTY = _kind("geography.party", "election=election_id:int", "code", *NAMES, "in_parliament:bool",
              "opposition:bool")
CANDIDATE = _kind("geography.candidate", "election=election_id:int", "number:int", *NAMES, "nominator",
                  "party=party_id:int", "nominating_body", "status", "incumbent:bool")
KINDS = (ELECTION, UNIT, COMMISSION, STATION, MEMBER, PARTY, CANDIDATE)

_E5 = Decimal(100_000)


def e5(value) -> int | None:
    """A coordinate in whole hundred-thousandths of a degree (half to even), or None."""
    if value is None:
        return None
    if not isinstance(value, Decimal):
        value = Decimal(repr(float(value)))
    return int((value * _E5).to_integral_value(ROUND_HALF_EVEN))


def from_e5(value: int | None) -> Decimal | None:
    """The five-decimal value a coordinate column stores for ``e5(x)``."""
    return None if value is None else Decimal(int(value)).scaleb(-5)


def field_value(field: Field, raw):
    """One column's value as the state holds it."""
    if raw is None:
        return None
    if field.type == INT:
        return int(raw)
    if field.type == BOOL:
        return bool(raw)
    if field.type == E5:
        return e5(raw)
    if field.type == DATE:
        return raw.isoformat() if isinstance(raw, dt.date) else str(raw)
    return str(raw)


def state(kind: Kind, source) -> dict:
    """The state of one object: a model instance or a mapping of its columns."""
    get = source.get if isinstance(source, Mapping) else (lambda c: getattr(source, c))
    return {f.key: field_value(f, get(f.column)) for f in kind.fields}


def _text(field: Field) -> pl.Expr:
    col = pl.col(field.column)
    if field.type in (INT, E5):
        return texts.integers(col)
    if field.type == BOOL:
        return pl.when(col.is_null()).then(pl.lit("null")).when(col).then(pl.lit("true")).otherwise(pl.lit("false"))
    return texts.strings(col.cast(pl.Utf8))


def state_expr(kind: Kind) -> pl.Expr:
    """The expression of each row's state text (its columns and types: :attr:`Kind.schema`)."""
    return texts.obj({f.key: _text(f) for f in kind.fields})


def state_texts(kind: Kind, frame: pl.DataFrame) -> pl.Series:
    """``canonical_json(state(kind, row))`` of every row, built column-wise."""
    return frame.select(state_expr(kind).alias("state"))["state"]

"""What the nomination services share: their error, choice checks, ledger events, and
bulk writes (rows written with ``saylau.db``, one ledger entry per row built column-wise)."""

from __future__ import annotations

import polars as pl

from saylau import db
from saylau.core.actors import Actor
from saylau.core.errors import UserError
from saylau.geography.core.states import Kind, state, state_expr
from saylau.ledger.services import Event, record_texts


class NominationError(UserError, ValueError):
    """A nomination or accreditation step that cannot be taken; the message says why and what to do."""


def choice(value: str, choices, what: str) -> str:
    if value not in choices.values:
        raise NominationError(f"{what} {value!r}: expected one of {', '.join(v for v in choices.values if v)}")
    return value


def created(kind: Kind, obj, reason: str = "") -> Event:
    return Event(f"{kind.object_type}.created", kind.object_type, obj.pk, str(obj), after=state(kind, obj),
                 reason=reason)


def updated(kind: Kind, obj, before: dict, reason: str = "") -> Event:
    return Event(f"{kind.object_type}.updated", kind.object_type, obj.pk, str(obj), before=before,
                 after=state(kind, obj), reason=reason)


def new_ids(model, n: int) -> pl.Series:
    """``n`` ids for new rows of ``model`` (its table locked until the transaction ends)."""
    first = db.reserve_ids(model._meta.db_table, key=model._meta.pk.column)
    return pl.Series("id", range(first, first + n), dtype=pl.Int64)


def entries(kind: Kind, frame: pl.DataFrame, verb: str, description: pl.Expr, reason: str,
            before: pl.Expr | None = None) -> pl.DataFrame:
    """The ledger rows of ``frame`` (``id`` and the kind's columns): ``<type>.<verb>`` with its state after
    (and ``before``, a state text expression, for updates)."""
    columns = dict(event=pl.lit(f"{kind.object_type}.{verb}"), object_type=pl.lit(kind.object_type),
                   object_id=pl.col("id").cast(pl.Utf8), repr=description.cast(pl.Utf8), reason=pl.lit(reason),
                   after=state_expr(kind))
    if before is not None:
        columns["before"] = before
    return frame.select(**columns)


def stored(model, kind: Kind, frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` as the table's columns (its other columns take their model defaults)."""
    fields = model._meta.concrete_fields
    defaults = {f.attname: f.get_default() for f in fields if f.attname not in frame.columns}
    full = frame.with_columns(pl.lit(v).alias(c) for c, v in defaults.items())
    return full.select([f.attname for f in fields]).rename(
        {f.attname: f.column for f in fields if f.attname != f.column})


def write_created(actor: Actor, writes: list[tuple[type, Kind, pl.DataFrame, pl.Expr]], reason: str) -> None:
    """Write new rows of several tables (in order: parents first) with one ``.created`` entry each,
    the entries hashed in the ledger's helper thread while the rows are written. Call inside a transaction."""
    rows = [(model, stored(model, kind, frame)) for model, kind, frame, _ in writes if frame.height]
    ledger = [entries(kind, frame, "created", description, reason)
              for _, kind, frame, description in writes if frame.height]

    def write() -> None:
        for model, frame in rows:
            with db.frame_writer(model._meta.db_table, frame.columns) as put:
                put(frame)

    if ledger:
        record_texts(actor=actor, rows=pl.concat(ledger), meanwhile=write)

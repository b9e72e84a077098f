"""Import protocols from files (CSV, XLSX, gzip or zip) with a column mapping.

The whole file is read and checked first; a bad file raises
:class:`saylau.core.tabular.TableError` naming row, column and what was expected,
and nothing is written. Presets (:mod:`saylau.results.presets`) map the
Russian CEC format, Mexico 2012 and the kz-2011 simulation.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
from django.db import transaction

from saylau.core.actors import Actor
from saylau.core.protocol import LINES, vote_columns, vote_columns_in
from saylau.core.tabular import CellError, TableError
from saylau.geography.choices import UnitLevel
from saylau.geography.models import Election, Unit
from saylau.results import storage
from saylau.results.choices import LEVEL_OF_TIER, ProtocolSource
from saylau.results.presets import PRESETS, ColumnMapping, parse_protocols, read_frame, read_strings  # noqa: F401 - the parsing half is pure
from saylau.results.services.bulk import write_protocols
from saylau.results.services.protocols import ensure_template
from saylau.results.services.units import create_units

MAX_ERRORS = 200


def resolve_units(
    election: Election, parsed: pl.DataFrame, level: int, source_name: str, unit_column: str,
) -> pl.DataFrame:
    """Add ``unit_id`` from the last code column; unknown codes are errors."""
    code_col = f"_unit_{len([c for c in parsed.columns if c.startswith('_unit_')]) - 1}"
    known = storage.read({"code": ("code", pl.Utf8), "unit_id": ("id", pl.Int64)},
                         f"FROM {Unit._meta.db_table} WHERE election_id = {int(election.pk)} AND level = {int(level)}")
    joined = parsed.join(known, left_on=code_col, right_on="code", how="left")
    errors = [CellError(r, unit_column, f"the code of a {UnitLevel(level).label.lower()} of {election.slug}", c)
              for r, c in joined.filter(pl.col("unit_id").is_null()).select("_row", code_col).head(MAX_ERRORS).iter_rows()]
    dup = joined.filter(pl.col(code_col).is_duplicated()).sort("_row")
    seen: dict[str, int] = {}
    for r, c in dup.select("_row", code_col).iter_rows():
        if c in seen:
            errors.append(CellError(r, unit_column, f"a code not used before (row {seen[c]} has it)", c))
        seen.setdefault(c, r)
    if errors:
        raise TableError(source_name, errors[:MAX_ERRORS])
    return joined.sort("_row")


def import_frame(
    *, actor: Actor, election: Election, parsed: pl.DataFrame, tier: str, source: str, origin: str,
    unit_column: str = "unit_code", level: int | None = None,
) -> int:
    """Write parsed protocols (``_unit_*`` codes, lines, ``votes_*``) for one tier and source.

    Refuses (TableError) unknown units, repeated units and units that
    already have a protocol of this tier and source. Returns the number written.
    """
    level = LEVEL_OF_TIER[tier] + (1 if source == ProtocolSource.ENTERED and tier != "PEC" else 0) if level is None else level
    rows = resolve_units(election, parsed, level, origin, unit_column)
    existing = storage.load(election.pk, where=f"p.tier = '{tier}' AND p.source = '{source}'")
    clash = rows.join(existing.select("unit_id"), on="unit_id", how="semi")
    if clash.height:
        code_col = [c for c in rows.columns if c.startswith("_unit_")][-1]
        raise TableError(origin, [CellError(r, unit_column, f"a unit without a {tier} {source} protocol yet", c)
                                  for r, c in clash.select("_row", code_col).head(MAX_ERRORS).iter_rows()])
    k = len(vote_columns_in(rows.columns))
    votes = pl.concat_str([pl.lit("["), pl.concat_str([pl.col(c).cast(pl.Utf8) for c in vote_columns(k)],
                                                      separator=","), pl.lit("]")])
    code_col = [c for c in rows.columns if c.startswith("_unit_")][-1]
    frame = rows.with_columns(
        tier=pl.lit(tier), source=pl.lit(source), votes=votes, unit_code=pl.col(code_col),
        **{k: pl.lit(None, pl.Int64) for k in LINES if k not in rows.columns},
    )
    if "received_at" not in frame.columns:
        frame = frame.with_columns(received_at=pl.lit(None, pl.Utf8))
    return len(write_protocols(actor=actor, election=election, frame=frame, origin=origin))


def import_file(
    *, actor: Actor, election: Election, path: str | Path, preset: str | ColumnMapping,
    tier: str = "PEC", source: str = ProtocolSource.OFFICIAL, create: bool = False,
) -> int:
    """Import one file of protocols; ``create`` builds missing units from the file first."""
    mapping = PRESETS[preset] if isinstance(preset, str) else preset
    name = Path(path).name
    read = read_frame(path)
    table = read.frame
    parsed = parse_protocols(table, mapping, name, read.rows)
    k = len(vote_columns_in(parsed.columns))
    with transaction.atomic():
        if create:
            create_units(actor=actor, election=election, parsed=parsed, mapping=mapping)
        ensure_template(actor=actor, election=election,
                        candidates=mapping.candidate_labels(table.columns, k))
        return import_frame(actor=actor, election=election, parsed=parsed, tier=tier, source=source,
                            origin=name, unit_column=mapping.units[-1])

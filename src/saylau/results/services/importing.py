"""Import protocols from files (CSV, XLSX, gzip or zip) with a column mapping.

The whole file is read and checked first; a bad file raises
:class:`saylau.core.tabular.TableError` naming row, column and what was expected,
and nothing is written. Presets (:mod:`saylau.results.presets`) map the
Russian CEC format, Mexico 2012 and the kz-2011 simulation.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import polars as pl
from django.db import transaction

from saylau.core.actors import Actor
from saylau.core.protocol import LINES, vote_column, vote_columns, vote_columns_in
from saylau.core.tabular import CellError, TableError, decode_text, read_raw
from saylau.geography.choices import UnitLevel
from saylau.geography.models import Election, Unit
from saylau.results import storage
from saylau.results.choices import LEVEL_OF_TIER, ProtocolSource
from saylau.results.presets import PRESETS, ColumnMapping, unit_codes
from saylau.results.services.bulk import write_protocols
from saylau.results.services.protocols import ensure_template
from saylau.results.services.units import create_units

MAX_ERRORS = 200


def read_strings(path: str | Path) -> pl.DataFrame:
    """Every cell of a CSV/XLSX (optionally .gz or a one-file .zip) as text."""
    path = Path(path)
    name = path.name.lower()
    if name.endswith((".xlsx", ".xlsm")):
        header, rows = read_raw(path)
        data = [list(r) + [""] * (len(header) - len(r)) for r in rows]
        return pl.DataFrame(data, schema=[h or f"column_{i + 1}" for i, h in enumerate(header)], orient="row")
    raw = path.read_bytes()
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = [m for m in archive.namelist() if not m.endswith("/")]
            raw = archive.read(members[0])
    elif name.endswith(".gz"):
        raw = gzip.decompress(raw)
    text = decode_text(raw, path.name)
    first = text.split("\n", 1)[0]
    separator = max((",", ";", "\t"), key=first.count)
    return pl.read_csv(io.StringIO(text), infer_schema=False, separator=separator)


def _column(frame: pl.DataFrame, ref: str, errors: list[CellError]) -> str | None:
    if ref.startswith("#"):
        index = int(ref[1:])
        if index < len(frame.columns):
            return frame.columns[index]
        errors.append(CellError(1, f"column {index + 1}", "a column at this position", "missing"))
        return None
    if ref in frame.columns:
        return ref
    errors.append(CellError(1, ref, "this column in the header", "missing"))
    return None


def _numbers(frame: pl.DataFrame, column: str, required: bool, errors: list[CellError]) -> pl.Series:
    text = frame[column].str.strip_chars().str.replace_all(r"[\s\u00a0]", "")
    values = text.cast(pl.Float64, strict=False)
    bad = (text.is_not_null() & (text != "") & (values.is_null() | (values.round(0) != values)))
    if required:
        bad = bad | text.is_null() | (text == "")
    for i in bad.arg_true().head(MAX_ERRORS).to_list():
        errors.append(CellError(i + 2, column, "a whole number", frame[column][i] or ""))
    return values.cast(pl.Int64, strict=False)


def parse_protocols(frame: pl.DataFrame, mapping: ColumnMapping, source: str) -> pl.DataFrame:
    """Turn a text frame into typed protocol columns with ``_row`` and unit codes, or raise."""
    errors: list[CellError] = []
    units = [_column(frame, ref, errors) for ref in mapping.units]
    present = set(frame.columns)
    lines = {k: [_column(frame, ref, errors) for ref in refs] for k, refs in mapping.lines.items()
             if not mapping.optional or all(ref in present for ref in refs)}
    candidates = mapping.candidate_columns(frame.columns)
    if not candidates:
        errors.append(CellError(1, "candidates", "at least one candidate column", "none"))
    if errors:
        raise TableError(source, errors)
    out = {"_row": pl.int_range(2, frame.height + 2, eager=True)}
    columns = []
    for column in units:
        codes = frame[column].str.strip_chars()
        for i in (codes.is_null() | (codes == "")).arg_true().head(MAX_ERRORS).to_list():
            errors.append(CellError(i + 2, column, "a unit code", ""))
        columns.append(codes.fill_null(""))
    for level, (codes, names) in enumerate(unit_codes(frame, columns, mapping.style)):
        out[f"_unit_{level}"] = codes
        out[f"_name_{level}"] = names
    for k, columns in lines.items():
        parts = [_numbers(frame, c, False, errors) for c in columns]
        out[k] = sum(parts[1:], parts[0])
    for i, column in enumerate(candidates):
        out[vote_column(i + 1)] = _numbers(frame, column, True, errors)
    if mapping.received_at and (not mapping.optional or mapping.received_at in present):
        column = _column(frame, mapping.received_at, errors)
        if column:
            parsed = frame[column].str.to_datetime(time_zone="UTC", strict=False)
            for i in (parsed.is_null() & (frame[column] != "")).arg_true().head(MAX_ERRORS).to_list():
                errors.append(CellError(i + 2, column, "a date and time (ISO 8601)", frame[column][i]))
            out["received_at"] = parsed.dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    if errors:
        raise TableError(source, errors[:MAX_ERRORS])
    return pl.DataFrame(out)


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
    table = read_strings(path)
    parsed = parse_protocols(table, mapping, name)
    k = len(vote_columns_in(parsed.columns))
    with transaction.atomic():
        if create:
            create_units(actor=actor, election=election, parsed=parsed, mapping=mapping)
        ensure_template(actor=actor, election=election,
                        candidates=mapping.candidate_labels(table.columns, k))
        return import_frame(actor=actor, election=election, parsed=parsed, tier=tier, source=source,
                            origin=name, unit_column=mapping.units[-1])

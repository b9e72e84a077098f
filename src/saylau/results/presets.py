"""Column mappings (presets) for protocol files: Russian CEC, Mexico 2012, kz-2011.

A mapping says which columns hold the unit codes (region, district, station,
coarsest first), which hold each protocol line (several columns are summed),
and which hold the candidates' votes. A column is named by its header or by
``#<0-based position>``. ``style`` says how unit codes are made from the
columns: ``plain`` (the columns are the codes), ``ru-cec`` (regions and TIKs
numbered in order of appearance, stations ``<region>-<uik>``) or ``mexico``
(``E<state>``, ``E<state>-D<district>``, the casilla id).

:func:`read_frame` and :func:`parse_protocols` read a protocol file with a
mapping, refusing what they cannot read exactly (:class:`TableError` naming
row, column, what was expected and what came): a row of the wrong length, a
missing column, a column the ``saylau`` format does not have, a candidate's
column missing between others (never shifting the next one's votes onto it),
a count that is not a whole number from 0 to :data:`INTEGER_MAX` as written,
a code or name longer than the database holds.

This module imports neither Django nor the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from saylau.core.protocol import LINES, candidate_number, vote_column, vote_columns_in
from saylau.core.tabular import (
    INTEGER_MAX,
    CellError,
    TableError,
    decode_text,
    load_bytes,
    quick_frame,
    read_table,
    whole_number,
)

MAX_ERRORS = 200
#: ``geography.Unit.code``'s length (a test holds them equal)
CODE_LENGTH = 40
#: ``geography.Unit.name_*``'s length (a test holds them equal)
NAME_LENGTH = 200


@dataclass(frozen=True)
class ColumnMapping:
    name: str
    units: tuple[str, ...]
    lines: dict[str, tuple[str, ...]] = field(default_factory=dict)
    candidates: tuple[str, ...] = ()
    candidates_from: int | None = None  # first candidate column position ...
    candidates_skip_last: int = 0  # ... up to the end, minus trailing columns
    labels: tuple[tuple[str, str, str], ...] = ()
    style: str = "plain"
    received_at: str | None = None
    optional: bool = False  # lines (and the arrival time) whose column is absent are left empty
    closed: bool = False  # a column the mapping does not name (nor ``ignored``) is refused
    ignored: tuple[str, ...] = ()  # columns read past on purpose (a publication's bookkeeping)
    # a positional format's header, checked: (position, a pattern its name matches, what it holds);
    # a column dropped or added before a position moves the names and is refused
    headers: tuple[tuple[int, str, str], ...] = ()

    def candidate_columns(self, columns: list[str]) -> list[str]:
        if self.candidates:
            return list(self.candidates)
        if self.candidates_from is None:
            return vote_columns_in(columns)
        return columns[self.candidates_from:len(columns) - self.candidates_skip_last]

    def candidate_labels(self, columns: list[str], k: int) -> list[tuple[int, str, str, str]]:
        if self.labels:
            return [(i + 1, *self.labels[i]) for i in range(k)]
        names = [re.sub(r"^\d+\.\s*", "", c).strip() for c in self.candidate_columns(columns)][:k]
        return [(i + 1, n, n, n) for i, n in enumerate(names)]


def unit_codes(frame: pl.DataFrame, units: list[pl.Series], style: str) -> list[tuple[pl.Series, pl.Series]]:
    """``(codes, names)`` per level, coarsest first, from the unit columns."""
    if style == "ru-cec":
        region, tik, uik = units
        r_code = "R" + _order(region).cast(pl.Utf8).str.zfill(2)
        t_key = region + "\u0000" + tik
        t_code = r_code + "-T" + _order(t_key).cast(pl.Utf8).str.zfill(4)
        return [(r_code, region), (t_code, tik), (r_code + "-" + uik, "UIK " + uik)]
    if style == "mexico":
        state, district, casilla = units
        s_code = "E" + state.str.zfill(2)
        d_code = s_code + "-D" + district.str.zfill(2)
        return [(s_code, "Estado " + state), (d_code, "Distrito federal " + state + "-" + district),
                (casilla, "Casilla " + casilla)]
    return [(u, u) for u in units]


def _order(values: pl.Series) -> pl.Series:
    """1, 2, 3 ... by first appearance."""
    first = pl.DataFrame({"v": values}).with_row_index("i").group_by("v").agg(pl.col("i").min())
    rank = first.sort("i").with_row_index("n", offset=1)
    return pl.DataFrame({"v": values}).join(rank, on="v", how="left", maintain_order="left")["n"]


_RU_LINES = {
    "registered": ("#3",), "ballots_received": ("#4",), "issued_early": ("#5",),
    "issued_in_station": ("#6",), "issued_mobile": ("#7",), "cancelled": ("#8",),
    "found_in_boxes": ("#9", "#10"), "invalid": ("#11",), "valid": ("#12",),
}
_RU_HEADERS = (
    (0, r"region", "the region"), (1, r"tik", "the TIK"), (2, r"uik", "the UIK number"),
    (3, r"избирател.*спис", "registered voters"), (4, r"бюллетен.*получ", "ballots received"),
    (5, r"досрочно", "ballots issued early"), (6, r"выданных.*в помещении", "ballots issued in the station"),
    (7, r"вне помещения", "ballots issued outside it"), (8, r"погашенных.*бюллетен", "ballots cancelled"),
    (9, r"переносных", "ballots in mobile boxes"), (10, r"стационарных", "ballots in stationary boxes"),
    (11, r"недействительных", "invalid ballots"), (12, r"^число действительных", "valid ballots"),
    (20, r"не учтенных", "ballots not counted on receipt"), (-1, r"url", "the protocol's URL"),
)
RU_CEC = ColumnMapping(
    name="ru-cec", units=("region", "tik", "uik"), lines=_RU_LINES, candidates_from=21,
    candidates_skip_last=1, style="ru-cec", headers=_RU_HEADERS,
)
MEXICO_2012 = ColumnMapping(
    name="mexico-2012", units=("edo_id", "distrito_fed_12", "casilla_id"),
    lines={"registered": ("ln",), "found_in_boxes": ("total",), "valid": ("total",)},
    candidates=("pri_pvem", "pan", "panal", "prd_pt_mc", "otros"),
    labels=(("PRI-PVEM (Peña Nieto)",) * 3, ("PAN (Vázquez Mota)",) * 3, ("PANAL (Quadri)",) * 3,
            ("PRD-PT-MC (López Obrador)",) * 3, ("Null and non-registered",) * 3),
    style="mexico",
)
#: a protocol file written by saylau itself (open data, or one tier of the simulation);
#: a publication's ``source``, ``version`` and ``corrected`` say where figures came from,
#: which an import records anew, so they are read past
SAYLAU = ColumnMapping(
    name="saylau", units=("region_code", "district_code", "station_code"),
    lines={k: (k,) for k in LINES},
    received_at="received_at", optional=True, closed=True, ignored=("source", "version", "corrected"),
)
PRESETS = {m.name: m for m in (RU_CEC, MEXICO_2012, SAYLAU)}


# --- reading a file with a mapping ----------------------------------------------

@dataclass(frozen=True)
class ProtocolFile:
    """A protocol file read whole: every cell as text, the header's names as
    columns, and each row's spreadsheet number (the header is row 1)."""

    frame: pl.DataFrame
    rows: list[int]


def read_frame(path: str | Path) -> ProtocolFile:
    """Every cell of a CSV/XLSX (optionally .gz or a one-file .zip) as text,
    its shape checked (:func:`saylau.core.tabular.read_table`; a CSV file
    without quotes column-wise, :func:`saylau.core.tabular.quick_frame`)."""
    path = Path(path)
    text = None
    if path.suffix.lower() not in {".xlsx", ".xlsm"}:
        text = decode_text(load_bytes(path), path.name)
        quick = quick_frame(text, path.name)
        if quick is not None:
            _, rows, frame = quick
            if not rows:
                raise TableError(path.name, [CellError(2, "", "at least one data row", "a header only")])
            return ProtocolFile(frame, rows)
    table = read_table(path, text=text)
    columns = list(table.header)
    if not table.rows:
        raise TableError(table.source, [CellError(2, "", "at least one data row", "a header only")])
    frame = pl.DataFrame([cells for _, cells in table.rows], schema={c: pl.Utf8 for c in columns}, orient="row")
    return ProtocolFile(frame, [n for n, _ in table.rows])


def read_strings(path: str | Path) -> pl.DataFrame:
    """The cells of a protocol file as text (:func:`read_frame` without the row numbers)."""
    return read_frame(path).frame


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


def _numbers(frame: pl.DataFrame, columns: dict[str, bool], rows: pl.Series,
             errors: list[CellError]) -> dict[str, pl.Series]:
    """Whole numbers from 0 to INTEGER_MAX exactly as written, per column
    (``columns``: name -> required); anything else is an error.

    Polars casts text of digits with an optional sign, and nothing else
    (``1.0``, ``1E3``, `` 7``, ``0x10``, other scripts' digits are null; a test
    holds it to that), all columns at once; the few cells it leaves (digits
    grouped by spaces, and the bad ones) are read by :func:`whole_number`."""
    names = list(dict.fromkeys(columns))
    cast = frame.lazy().select(
        [pl.col(c).str.strip_chars().alias(c) for c in names]
        + [pl.col(c).str.strip_chars().cast(pl.Int64, strict=False).alias(f"_v{i}") for i, c in enumerate(names)]
    ).collect()
    out = {}
    for i, column in enumerate(names):
        text, values = cast[column], cast[f"_v{i}"]
        empty = text.is_null() | (text == "")
        odd = (values.is_null() & ~empty) | (values < 0) | (values > INTEGER_MAX)
        if columns[column]:
            odd = odd | empty
        fixes: dict[int, int | None] = {}
        for at in odd.arg_true().to_list():
            cell = text[at] or ""
            value = whole_number(cell) if cell else None
            if value is not None and 0 <= value <= INTEGER_MAX:
                fixes[at] = value  # digits grouped by spaces, as written
                continue
            fixes[at] = None
            if len(errors) < MAX_ERRORS:
                expected = (f"a whole number from 0 to {INTEGER_MAX} (the database's limit)" if value is not None
                            else "a whole number")
                errors.append(CellError(rows[at], column, expected, frame[column][at] or ""))
        if fixes:
            values = values.scatter(list(fixes), list(fixes.values()))
        out[column] = values.alias(column)
    return out


def _candidates(frame: pl.DataFrame, mapping: ColumnMapping, errors: list[CellError]) -> list[str]:
    candidates = mapping.candidate_columns(frame.columns)
    for name in mapping.candidates:  # named by the mapping: each must be there
        if name not in frame.columns:
            errors.append(CellError(1, name, f"this column in the header (a candidate of the {mapping.name} format)",
                                    "missing"))
    if not candidates:
        errors.append(CellError(1, "candidates", "at least one candidate column (votes_1, votes_2 ...)", "none"))
    if not mapping.candidates and mapping.candidates_from is None:  # votes_<n>: every n from 1 up, once
        numbers = [candidate_number(c) for c in candidates]
        for n in range(1, max(numbers, default=0) + 1):
            if n not in numbers:
                errors.append(CellError(1, vote_column(n), f"this column in the header (candidate {n} of "
                                        f"{max(numbers)}: votes_1 to votes_{max(numbers)}, none left out)", "missing"))
    return candidates


def parse_protocols(frame: pl.DataFrame, mapping: ColumnMapping, source: str,
                    rows: list[int] | None = None) -> pl.DataFrame:
    """Turn a text frame into typed protocol columns with ``_row`` and unit codes, or raise.

    ``rows``: each row's spreadsheet number (from :func:`read_frame`); the
    frame's order plus 2 without it."""
    errors: list[CellError] = []
    numbers = pl.Series("_row", rows if rows is not None else range(2, frame.height + 2), dtype=pl.Int64)
    if frame.height == 0:
        raise TableError(source, [CellError(2, "", "at least one data row", "a header only")])
    units = [_column(frame, ref, errors) for ref in mapping.units]
    present = set(frame.columns)
    lines = {k: [_column(frame, ref, errors) for ref in refs] for k, refs in mapping.lines.items()
             if not mapping.optional or all(ref in present for ref in refs)}
    for position, pattern, holds in mapping.headers:
        at = position if position >= 0 else len(frame.columns) + position
        name = frame.columns[at] if 0 <= at < len(frame.columns) else ""
        if not re.search(pattern, name.strip().lower()):
            errors.append(CellError(1, f"column {at + 1}", f"{holds} (a header matching {pattern!r}, "
                                    f"as the {mapping.name} format has it)", name or "no such column"))
    candidates = _candidates(frame, mapping, errors)
    if mapping.closed:
        known = {*mapping.units, *(r for refs in mapping.lines.values() for r in refs), *candidates,
                 *mapping.ignored, *([mapping.received_at] if mapping.received_at else [])}
        for column in frame.columns:
            if column not in known:
                errors.append(CellError(1, column, f"a column of the {mapping.name} format (unit codes, "
                                        f"{', '.join(LINES)}, votes_<n>, received_at)", "a column it does not have"))
    if errors:
        raise TableError(source, errors[:MAX_ERRORS])
    out: dict[str, pl.Series] = {"_row": numbers}
    columns = []
    for column in units:
        codes = frame[column].str.strip_chars()
        for i in (codes.is_null() | (codes == "")).arg_true().head(MAX_ERRORS).to_list():
            errors.append(CellError(numbers[i], column, "a unit code", ""))
        columns.append(codes.fill_null(""))
    for level, (codes, names) in enumerate(unit_codes(frame, columns, mapping.style)):
        column = units[min(level, len(units) - 1)]
        for i in (codes.str.len_chars() > CODE_LENGTH).arg_true().head(MAX_ERRORS).to_list():
            errors.append(CellError(numbers[i], column, f"a code of at most {CODE_LENGTH} characters"
                                    + (f" (it becomes {codes[i][:20]}...)" if mapping.style != "plain" else ""),
                                    frame[column][i]))
        for i in (names.str.len_chars() > NAME_LENGTH).arg_true().head(MAX_ERRORS).to_list():
            errors.append(CellError(numbers[i], column, f"a name of at most {NAME_LENGTH} characters", frame[column][i]))
        out[f"_unit_{level}"] = codes
        out[f"_name_{level}"] = names
    read = _numbers(frame, {**{c: False for refs in lines.values() for c in refs},
                            **{c: True for c in candidates}}, numbers, errors)
    for k, refs in lines.items():
        parts = [read[c] for c in refs]
        total = sum(parts[1:], parts[0])
        if len(parts) > 1:
            for i in (total > INTEGER_MAX).arg_true().head(MAX_ERRORS).to_list():
                errors.append(CellError(numbers[i], " + ".join(refs), "a sum of at most 2147483647 (the database's limit)",
                                        str(total[i])))
        out[k] = total
    for i, column in enumerate(candidates):
        out[vote_column(i + 1)] = read[column].alias(vote_column(i + 1))
    if mapping.received_at and (not mapping.optional or mapping.received_at in present):
        column = _column(frame, mapping.received_at, errors)
        if column:
            out["received_at"] = _times(frame[column], column, numbers, errors)
    if errors:
        raise TableError(source, sorted(errors, key=lambda e: e.row)[:MAX_ERRORS])
    return pl.DataFrame(out)


_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})")


def _times(raw: pl.Series, column: str, rows: pl.Series, errors: list[CellError]) -> pl.Series:
    """ISO 8601 times with their offset (``2011-04-03T20:15:00Z``) as UTC text to the
    second; a time without an offset is refused (whose clock would it be?)."""
    import datetime as dt

    out: list[str | None] = []
    for i, value in enumerate(raw.to_list()):
        text = (value or "").strip()
        if not text:
            out.append(None)
            continue
        stamp = None
        if _TIME.fullmatch(text):
            try:
                stamp = dt.datetime.fromisoformat(text.replace(" ", "T", 1))
            except ValueError:
                stamp = None
        if stamp is None or stamp.tzinfo is None:
            errors.append(CellError(rows[i], column, "a date and time with its offset (ISO 8601, "
                                    "e.g. 2011-04-03T20:15:00Z)", value))
            out.append(None)
            continue
        out.append(stamp.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    return pl.Series(column, out, dtype=pl.Utf8)

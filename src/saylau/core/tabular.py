"""Read CSV and XLSX tables with typed columns and errors people can act on.

A table is parsed whole before anything is written: :func:`parse_table`
either returns every row converted to Python values or raises
:class:`TableError` listing each bad cell as *row, column, what was expected,
what came*. Row numbers are those a spreadsheet shows: the header is row 1.

This module imports neither Django nor the database.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

TRUE_WORDS = {"1", "true", "yes", "y", "да", "иә"}
FALSE_WORDS = {"0", "false", "no", "n", "нет", "жоқ"}
MAX_ERRORS = 200


@dataclass(frozen=True)
class Column:
    """One expected column.

    ``kind`` is ``text``, ``int``, ``float``, ``bool`` or ``choice``; a
    ``choice`` column accepts only ``choices``. ``aliases`` are other header
    names accepted for it (matched case-insensitively, spaces as underscores).
    """

    name: str
    kind: str = "text"
    required: bool = True
    choices: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    minimum: float | None = None
    default: object = None

    def expected(self) -> str:
        if self.kind == "choice":
            return "one of " + ", ".join(repr(c) for c in self.choices if c)
        words = {
            "int": "a whole number",
            "float": "a number",
            "bool": "yes or no",
            "text": "text",
        }[self.kind]
        if self.minimum is not None:
            words += f" of at least {self.minimum:g}"
        return words


@dataclass(frozen=True)
class CellError:
    row: int
    column: str
    expected: str
    got: str

    def __str__(self) -> str:
        where = f"row {self.row}, column '{self.column}'" if self.column else f"row {self.row}"
        return f"{where}: expected {self.expected}, got {self.got!r}"


@dataclass
class TableError(ValueError):
    """A table that cannot be imported; ``errors`` says where and why."""

    source: str
    errors: list[CellError] = field(default_factory=list)

    def __str__(self) -> str:
        shown = "\n".join(f"  {e}" for e in self.errors[:50])
        more = len(self.errors) - 50
        tail = f"\n  ... and {more} more" if more > 0 else ""
        return f"{self.source}: {len(self.errors)} problem(s), nothing was imported\n{shown}{tail}"


def _normal(header: str) -> str:
    return str(header or "").strip().lower().replace(" ", "_").replace("-", "_")


def decode_text(raw: bytes, source: str) -> str:
    """The text of a CSV file's bytes (UTF-8, with or without a byte-order mark).

    Raises :class:`TableError` for an empty file, binary data or another
    encoding, naming the row and what came, instead of guessing: a file in
    Windows-1251 decoded as Latin-1 would import every Cyrillic name garbled."""
    def refuse(row: int, expected: str, got: str) -> TableError:
        return TableError(source, [CellError(row, "", expected, got)])

    if not raw.strip():
        raise refuse(1, "a header row", "an empty file")
    if b"\x00" in raw[:4096]:
        raise refuse(1, "a CSV or XLSX file", "binary data")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = raw[: error.start].count(b"\n") + 1
        line = raw[raw.rfind(b"\n", 0, error.start) + 1:].split(b"\n")[0][:80]
        raise refuse(row, "text in UTF-8 (save the file as CSV UTF-8)",
                     f"another encoding; in Windows-1251 the line reads {line.decode('cp1251', 'replace')!r}") from None


def read_raw(path: str | Path, *, sheet: str | None = None) -> tuple[list[str], Iterator[list[str]]]:
    """Return the header and an iterator of rows of strings from a CSV or XLSX file."""
    path = Path(path)
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return _read_xlsx(path, sheet)
    text = decode_text(path.read_bytes(), path.name)
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, [])
    return [h.strip() for h in header], reader


def _read_xlsx(path: Path, sheet: str | None) -> tuple[list[str], Iterator[list[str]]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    ws = book[sheet] if sheet else book.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, ())]

    def cells() -> Iterator[list[str]]:
        for row in rows:
            yield ["" if v is None else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)) for v in row]
        book.close()

    return header, cells()


def _convert(column: Column, raw: str, row: int, errors: list[CellError]) -> object:
    value = raw.strip()
    if value == "":
        if column.required and column.default is None:
            errors.append(CellError(row, column.name, column.expected(), raw))
        return column.default
    try:
        if column.kind == "int":
            number = float(value.replace("\u00a0", "").replace(" ", ""))
            if not number.is_integer():
                raise ValueError
            result: object = int(number)
        elif column.kind == "float":
            result = float(value.replace(",", "."))
        elif column.kind == "bool":
            if value.lower() in TRUE_WORDS:
                result = True
            elif value.lower() in FALSE_WORDS:
                result = False
            else:
                raise ValueError
        elif column.kind == "choice":
            lowered = value.lower()
            matches = [c for c in column.choices if c.lower() == lowered]
            if not matches:
                raise ValueError
            result = matches[0]
        else:
            result = value
    except ValueError:
        errors.append(CellError(row, column.name, column.expected(), raw))
        return None
    if column.minimum is not None and isinstance(result, int | float) and result < column.minimum:
        errors.append(CellError(row, column.name, column.expected(), raw))
        return None
    return result


def parse_table(
    path: str | Path, columns: Sequence[Column], *, sheet: str | None = None
) -> list[dict]:
    """Parse ``path`` into a list of dicts keyed by column name.

    Each dict also carries ``_row``, the spreadsheet row number. Unknown
    columns are ignored; a missing required column, a blank file or any bad
    cell raises :class:`TableError` with every problem found (up to 200).
    """
    source = Path(path).name
    header, rows = read_raw(path, sheet=sheet)
    errors: list[CellError] = []
    positions: dict[str, int] = {}
    normal = [_normal(h) for h in header]
    for column in columns:
        names = [_normal(column.name), *(_normal(a) for a in column.aliases)]
        found = next((i for i, h in enumerate(normal) if h in names), None)
        if found is None:
            if column.required and column.default is None:
                errors.append(CellError(1, column.name, "this column in the header", "missing"))
        else:
            positions[column.name] = found
    if errors:
        raise TableError(source, errors)
    parsed: list[dict] = []
    for number, cells in enumerate(rows, start=2):
        if not any(str(c).strip() for c in cells):
            continue
        record: dict = {"_row": number}
        for column in columns:
            at = positions.get(column.name)
            raw = cells[at] if at is not None and at < len(cells) else ""
            record[column.name] = _convert(column, str(raw), number, errors)
        parsed.append(record)
        if len(errors) >= MAX_ERRORS:
            break
    if not parsed and not errors:
        errors.append(CellError(2, columns[0].name, "at least one data row", "an empty table"))
    if errors:
        raise TableError(source, errors)
    return parsed

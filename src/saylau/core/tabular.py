"""Read CSV and XLSX tables with typed columns and errors people can act on.

A table is parsed whole before anything is written: :func:`parse_table`
either returns every row converted to Python values or raises
:class:`TableError` listing each bad cell as *row, column, what was expected,
what came*. Row numbers are those a spreadsheet shows: the header is row 1;
row 0 is the file as a whole (missing, unreadable, not a table).

Nothing is guessed or coerced: a whole number is digits (``1.000``, ``1E3``
and ``12.0`` are refused, not read as 1, 1000 and 12) within the range of the
database column it goes to; a header names each column once; every row has
as many cells as the header; a file that is not UTF-8 is read only when
charset-normalizer finds it confidently to be UTF-16 or Windows-1251 (as
Excel exports it), and the encoding assumed is logged.

This module imports neither Django nor the database.
"""

from __future__ import annotations

import csv
import gc
import gzip
import io
import logging
import re
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from saylau.core.errors import UserError

TRUE_WORDS = {"1", "true", "yes", "y", "да", "иә"}
FALSE_WORDS = {"0", "false", "no", "n", "нет", "жоқ"}
MAX_ERRORS = 200
#: the largest value of a database ``integer`` column (PostgreSQL's int4; SQLite
#: would store more, so the same file would land on one and not the other)
INTEGER_MAX = 2_147_483_647
#: ``smallint``: Django's PositiveSmallIntegerField on PostgreSQL
SMALLINT_MAX = 32_767
#: a whole number: digits, optionally signed, optionally grouped by threes with
#: a space, a no-break space or a narrow no-break space (``1 500``, as Russian
#: and Kazakh spreadsheets write it)
WHOLE = re.compile(r"[+-]?(?:[0-9]+|[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+)")
_GROUPING = re.compile(r"[ \u00a0\u202f]")
#: characters no text table holds (C0 controls but tab, line feed, carriage return; DEL)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f])
_LETTERS = re.compile(r"[^\W\d_]+")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32",
                  "utf_16_le": "UTF-16 (little-endian, no byte-order mark)",
                  "utf_16_be": "UTF-16 (big-endian, no byte-order mark)", "cp1251": "Windows-1251"}
log = logging.getLogger("saylau.import")


@dataclass(frozen=True)
class Column:
    """One expected column.

    ``kind`` is ``text``, ``int``, ``float``, ``bool`` or ``choice``; a
    ``choice`` column accepts only ``choices``. ``aliases`` are other header
    names accepted for it (matched case-insensitively, spaces as underscores).
    ``minimum``/``maximum`` bound numbers (an ``int`` column is bounded by
    :data:`INTEGER_MAX` unless it says otherwise); ``max_length`` bounds text
    (the database column's length).
    """

    name: str
    kind: str = "text"
    required: bool = True
    choices: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    minimum: float | None = None
    default: object = None
    maximum: float | None = None
    max_length: int | None = None

    def top(self) -> float | None:
        return INTEGER_MAX if self.kind == "int" and self.maximum is None else self.maximum

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
        if self.maximum is not None:
            words += f" {'and' if self.minimum is not None else 'of'} at most {self.maximum:g}"
        if self.max_length is not None:
            words += f" of at most {self.max_length} characters"
        return words


@dataclass(frozen=True)
class CellError:
    row: int
    column: str
    expected: str
    got: str

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row > 0 else "the file"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: expected {self.expected}, got {_shown(self.got)}"


def _shown(got: str) -> str:
    text = str(got)
    return repr(text if len(text) <= 80 else text[:77] + "...")


@dataclass
class TableError(UserError, ValueError):
    """A table that cannot be imported; ``errors`` says where and why.

    A :class:`~saylau.core.errors.UserError`: the command line prints it and
    exits with status 2."""

    source: str
    errors: list[CellError] = field(default_factory=list)

    def __str__(self) -> str:
        if len(self.errors) == 1:
            return f"{self.source}: {self.errors[0]}; nothing was imported"
        shown = "\n".join(f"  {e}" for e in self.errors[:50])
        more = len(self.errors) - 50
        tail = f"\n  ... and {more} more" if more > 0 else ""
        return f"{self.source}: {len(self.errors)} problem(s), nothing was imported\n{shown}{tail}"


def _refuse(source: str, row: int, expected: str, got: str, column: str = "") -> TableError:
    return TableError(source, [CellError(row, column, expected, got)])


def _normal(header: str) -> str:
    return str(header or "").strip().lower().replace(" ", "_").replace("-", "_")


# --- bytes -----------------------------------------------------------------

def load_bytes(path: str | Path) -> bytes:
    """The bytes of ``path``; a ``.gz`` file or a ``.zip`` holding one file is
    unpacked. A missing, unreadable or broken file raises :class:`TableError`."""
    path = Path(path)
    name = path.name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _refuse(name, 0, f"a file at {path}", "no such file") from None
    except IsADirectoryError:
        raise _refuse(name, 0, "a file", "a directory") from None
    except OSError as error:
        raise _refuse(name, 0, "a readable file", error.strerror or str(error)) from None
    lower = name.lower()
    if lower.endswith(".gz"):
        try:
            return gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as error:
            raise _refuse(name, 0, "a complete gzip file", f"a broken one ({error})") from None
    if lower.endswith(".zip"):
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                members = [m for m in archive.namelist() if not m.endswith("/")]
                if len(members) != 1:
                    raise _refuse(name, 0, "a zip archive holding one file", f"{len(members)} files")
                return archive.read(members[0])
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, zlib.error,
                NotImplementedError, RuntimeError, ValueError) as error:
            if isinstance(error, TableError):
                raise
            raise _refuse(name, 0, "a complete zip archive", f"a broken one ({error})") from None
    return raw


# --- text ------------------------------------------------------------------

@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # a key of ENCODING_NAMES
    how: str = "detected by charset-normalizer"

    @property
    def label(self) -> str:
        return ENCODING_NAMES.get(self.encoding, self.encoding)


def _row_of(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


def _strict(raw: bytes, encoding: str, source: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        row = _row_of(raw[: error.start].decode(encoding, "replace"), error.start)
        raise _refuse(source, row, f"text in {ENCODING_NAMES.get(encoding, encoding)}, as its byte-order mark says",
                      f"bytes that are not ({error.reason})") from None


def _plausible_cyrillic(text: str) -> bool:
    """Windows-1251 decodes any byte; trust it only where no word mixes Latin
    and Cyrillic letters (``Peña`` in Latin-1 reads ``Peсa``) and nothing outside
    the two alphabets appears."""
    for word in _LETTERS.findall(text):
        if word.isascii():
            continue
        cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in word)
        if cyrillic != len(word):
            return False
    return True


def _detect(raw: bytes) -> str | None:
    """UTF-16 without a byte-order mark or Windows-1251, if charset-normalizer
    is confident; else None."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=["utf_16_le", "utf_16_be", "cp1251"]).best()
    if best is None or best.chaos > 0.1:
        return None
    encoding = best.encoding
    if encoding not in ("utf_16_le", "utf_16_be", "cp1251"):
        return None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    if encoding == "cp1251" and not _plausible_cyrillic(text):
        return None
    if encoding != "cp1251" and ("\n" not in text and "," not in text and ";" not in text and "\t" not in text):
        return None
    return encoding


def decode(raw: bytes, source: str) -> Decoded:
    """The text of a file's bytes and the encoding it was read in.

    UTF-8 (with or without a byte-order mark), UTF-16/32 with a byte-order
    mark, and, when charset-normalizer detects them confidently, UTF-16
    without one and Windows-1251. Anything else (an empty file, binary data,
    an encoding that cannot be told) raises :class:`TableError` naming the row
    and what came, rather than importing garbled names."""
    if not raw.strip():
        raise _refuse(source, 1, "a header row", "an empty file")
    encoding = next((e for bom, e in _BOMS if raw.startswith(bom)), None)
    how = "by its byte-order mark"
    if encoding is not None:
        text = _strict(raw, encoding, source)
    elif b"\x00" in raw[:4096]:  # UTF-16 without a byte-order mark, or binary
        encoding, how = _detect(raw), "detected by charset-normalizer"
        if encoding is None or not encoding.startswith("utf_16"):
            raise _refuse(source, raw[: raw.index(b"\x00")].count(b"\n") + 1, "a CSV or XLSX file", "binary data")
        text = raw.decode(encoding)
    else:
        how = "detected by charset-normalizer"
        try:
            text, encoding = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as error:
            encoding = _detect(raw)
            if encoding is None:
                row = raw[: error.start].count(b"\n") + 1
                line = raw[raw.rfind(b"\n", 0, error.start) + 1:].split(b"\n")[0][:80]
                if b"\x00" in raw[:4096]:
                    raise _refuse(source, row, "a CSV or XLSX file", "binary data") from None
                raise _refuse(
                    source, row, "text in UTF-8, UTF-16 or Windows-1251 (save the file as CSV UTF-8)",
                    f"another encoding; in Windows-1251 the line reads {line.decode('cp1251', 'replace')!r}",
                ) from None
            text = raw.decode(encoding)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise _refuse(source, 1, "a header row", "an empty file")
    # in UTF-8 and Windows-1251 a control character is its byte: deleting them all (in C) says
    # whether there is one, without a regular expression over the whole text
    single_byte = encoding in ("utf-8", "utf-8-sig", "cp1251")
    clean = single_byte and len(raw.translate(None, _CONTROL_BYTES)) == len(raw)
    bad = None if clean else _CONTROL.search(text)
    if bad:
        raise _refuse(source, _row_of(text, bad.start()), "a CSV or XLSX file",
                      f"binary data (the control character {bad.group()!r})")
    return Decoded(text, encoding, how)


def decode_text(raw: bytes, source: str) -> str:
    """The text of a CSV file's bytes (see :func:`decode`); an encoding other
    than UTF-8 is logged (logger ``saylau.import``), so the user can check."""
    decoded = decode(raw, source)
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        log.warning("%s: not UTF-8; read as %s (%s)", source, decoded.label, decoded.how)
    return decoded.text


# --- rows ------------------------------------------------------------------

def separator(header_line: str) -> str:
    """The field separator: whichever of comma, semicolon and tab the header
    line holds most of (a comma when it holds none)."""
    counts = {s: header_line.count(s) for s in (",", ";", "\t")}
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] else ","


def _csv_rows(text: str, source: str) -> Iterator[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator(text.split("\n", 1)[0]), strict=True)
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):  # noqa: B007 - the row number is reported below
            yield cells
    except csv.Error as error:
        raise _refuse(source, number + 1, "a well-formed CSV row (quotes closed, fields separated)", str(error)) from None


def read_raw(path: str | Path, *, sheet: str | None = None,
             text: str | None = None) -> tuple[list[str], Iterator[list[str]]]:
    """Return the header and an iterator of rows of strings from a CSV or XLSX
    file (optionally gzip'ed or in a one-file zip; ``text``: the CSV file's
    text, decoded already). Problems raise :class:`TableError`."""
    path = Path(path)
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return _read_xlsx(path, sheet)
    rows = _csv_rows(text if text is not None else decode_text(load_bytes(path), path.name), path.name)
    header = next(rows, [])
    return [h.strip() for h in header], rows


def _read_xlsx(path: Path, sheet: str | None) -> tuple[list[str], Iterator[list[str]]]:
    from openpyxl import load_workbook

    name = path.name
    if not path.is_file():
        load_bytes(path)  # the same answer as for a CSV file
    try:
        book = load_workbook(path, read_only=True, data_only=True)
        ws = book[sheet] if sheet else book.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        header = [_cell(h).strip() for h in next(rows, ())]
    except Exception as error:  # noqa: BLE001 - openpyxl raises a dozen types for a broken workbook
        raise _refuse(name, 0, "a readable XLSX workbook" + (f" with a sheet {sheet!r}" if sheet else ""),
                      f"{type(error).__name__}: {error}") from None

    def cells() -> Iterator[list[str]]:
        number = 1
        try:
            for number, row in enumerate(rows, start=2):  # noqa: B007
                yield [_cell(v) for v in row]
        except Exception as error:  # noqa: BLE001
            raise _refuse(name, number + 1, "a readable XLSX row", f"{type(error).__name__}: {error}") from None
        finally:
            book.close()

    return header, cells()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores every number as a float: 12 is 12.0 there
    text = str(value)
    bad = _CONTROL.search(text)
    if bad:
        raise ValueError(f"a control character {bad.group()!r} in a cell")
    return text


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading a big table makes millions of lists and strings and no cycles:
    the garbage collector's passes over them took a third of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class Table:
    """A table read whole: the header, and the non-blank rows with their
    spreadsheet row numbers, each as long as the header."""

    source: str
    header: list[str]
    rows: list[tuple[int, list[str]]]


def read_table(path: str | Path, *, sheet: str | None = None, errors: list[CellError] | None = None,
               text: str | None = None) -> Table:
    """Read ``path`` whole and check its shape: a header of distinct,
    non-empty names; every row as many cells as the header (an XLSX row's
    empty cells past the header do not count). Raises :class:`TableError`
    with every problem (up to :data:`MAX_ERRORS`) unless ``errors`` is given,
    then appends them to it."""
    path = Path(path)
    source = path.name
    xlsx = path.suffix.lower() in {".xlsx", ".xlsm"}
    header, raw_rows = read_raw(path, sheet=sheet, text=text)
    problems: list[CellError] = []
    if xlsx:
        while header and not header[-1]:
            header.pop()
    _check_header(header, source, problems)
    width = len(header)
    rows: list[tuple[int, list[str]]] = []
    with _collector_paused():
        _rows(raw_rows, width, xlsx, rows, problems)
    if errors is None:
        if problems:
            raise TableError(source, problems[:MAX_ERRORS])
    else:
        errors.extend(problems)
    return Table(source, header, rows)


def _check_header(header: list[str], source: str, problems: list[CellError]) -> None:
    if not header or not any(header):
        raise _refuse(source, 1, "a header row naming the columns", "an empty row")
    seen: dict[str, int] = {}
    for i, name in enumerate(header):
        if not name:
            problems.append(CellError(1, f"column {i + 1}", "a column name", ""))
        elif _normal(name) in seen:
            problems.append(CellError(1, name, f"each column named once (column {seen[_normal(name)] + 1} has this name)",
                                      f"column {i + 1} too"))
        else:
            seen[_normal(name)] = i


def quick_frame(text: str, source: str):
    """A CSV text whose rows hold no quote, checked and read column-wise:
    ``(header, row numbers, frame of text)``, or None when a row has a quote
    or a bare carriage return (then :func:`read_table` reads it, a row at a
    time). The cells of each line are counted with NumPy over the bytes and
    Polars reads the cells; the same checks and the same answers as
    :func:`read_table` (a test holds them equal), many times faster on a big file."""
    import numpy as np
    import polars as pl

    first, _, data = text.partition("\n")
    if '"' in data or data.count("\r") != data.count("\r\n"):
        return None
    sep = separator(first)
    try:
        header = next(csv.reader([first.removesuffix("\r")], delimiter=sep, strict=True), [])
    except csv.Error:
        return None
    header = [h.strip() for h in header]
    problems: list[CellError] = []
    _check_header(header, source, problems)
    body = data.encode("utf-8")
    if body and not body.endswith(b"\n"):
        body += b"\n"
    if not body.strip():
        if problems:
            raise TableError(source, problems)
        return header, [], pl.DataFrame(schema={h: pl.Utf8 for h in header})
    b = np.frombuffer(body, dtype=np.uint8)
    ends = np.flatnonzero(b == 10)  # one per line
    lengths = ends - np.concatenate(([0], ends[:-1] + 1))

    def per_line(positions: np.ndarray) -> np.ndarray:
        return np.diff(np.searchsorted(positions, ends), prepend=0)

    seps = per_line(np.flatnonzero(b == ord(sep)))
    spaces = per_line(np.flatnonzero((b == 32) | (b == 9) | (b == 13))) if sep != "\t" else \
        per_line(np.flatnonzero((b == 32) | (b == 13)))
    filled = lengths - seps - spaces
    keep = filled > 0
    numbers = np.arange(2, len(ends) + 2)[keep]
    widths = seps[keep] + 1
    wrong = widths != len(header)
    for number, width in zip(numbers[wrong][:MAX_ERRORS].tolist(), widths[wrong][:MAX_ERRORS].tolist(), strict=True):
        problems.append(CellError(number, "", f"{len(header)} cells, as the header has",
                                  f"{width} cell{'' if width == 1 else 's'}"))
    if problems:
        raise TableError(source, problems[:MAX_ERRORS])
    try:
        frame = pl.read_csv(body, has_header=False, new_columns=header, separator=sep, quote_char=None,
                            infer_schema=False, empty_string_is_null=False, truncate_ragged_lines=False)
    except pl.exceptions.PolarsError:
        return None
    if frame.height != len(ends):  # Polars saw other lines than NumPy counted: read it the careful way
        return None
    frame = frame.filter(pl.Series(keep)) if not keep.all() else frame
    frame = frame.with_columns(pl.col(h).str.strip_suffix("\r") for h in header[-1:])
    return header, numbers.tolist(), frame


def _rows(raw_rows: Iterator[list[str]], width: int, xlsx: bool, rows: list[tuple[int, list[str]]],
          problems: list[CellError]) -> None:
    for number, cells in enumerate(raw_rows, start=2):
        if not "".join(cells).strip():
            continue
        if xlsx:
            extra = [c for c in cells[width:] if str(c).strip()]
            if extra:
                problems.append(CellError(number, f"column {width + 1}", "no cell right of the header's last column",
                                          extra[0]))
            cells = list(cells[:width]) + [""] * (width - len(cells))
        elif len(cells) != width:
            problems.append(CellError(number, "", f"{width} cells, as the header has",
                                      f"{len(cells)} cell{'' if len(cells) == 1 else 's'}"))
        rows.append((number, cells))
        if len(problems) >= MAX_ERRORS:
            break


# --- typed columns ---------------------------------------------------------

def whole_number(text: str) -> int | None:
    """The whole number ``text`` writes exactly, or None (``1.000``, ``1E3``,
    ``12.0``, ``0x10``, ``½`` are not whole numbers as written)."""
    value = text.strip()
    if not WHOLE.fullmatch(value) or len(value) > 40:
        return None
    return int(_GROUPING.sub("", value))


def _convert(column: Column, raw: str, row: int, errors: list[CellError]) -> object:
    value = raw.strip()
    if value == "":
        if column.required and column.default is None:
            errors.append(CellError(row, column.name, column.expected(), raw))
        return column.default
    try:
        if column.kind == "int":
            result: object = whole_number(value)
            if result is None:
                raise ValueError
        elif column.kind == "float":
            result = float(value.replace(",", "."))
            if result != result or result in (float("inf"), float("-inf")):
                raise ValueError
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
            if column.max_length is not None and len(value) > column.max_length:
                raise ValueError
    except ValueError:
        errors.append(CellError(row, column.name, column.expected(), raw))
        return None
    if isinstance(result, int | float) and not isinstance(result, bool):
        top = column.top()
        if column.minimum is not None and result < column.minimum:
            errors.append(CellError(row, column.name, column.expected(), raw))
            return None
        if top is not None and result > top:
            errors.append(CellError(row, column.name, f"{column.expected()} (at most {int(top)}, the database's limit)"
                                    if column.maximum is None else column.expected(), raw))
            return None
    return result


def parse_table(
    path: str | Path, columns: Sequence[Column], *, sheet: str | None = None,
    errors: list[CellError] | None = None,
) -> list[dict]:
    """Parse ``path`` into a list of dicts keyed by column name.

    Each dict also carries ``_row``, the spreadsheet row number. A column the
    table does not know, a missing required column, a row of the wrong
    length, an empty table or any bad cell raises :class:`TableError` with
    every problem found (up to 200). With ``errors``, problems in the rows are
    appended to it instead and the rows are returned (a bad cell as None), so
    that the caller can add its own checks and report everything at once;
    problems with the header still raise.
    """
    source = Path(path).name
    problems: list[CellError] = []
    table = read_table(path, sheet=sheet, errors=problems)
    header_problems = [e for e in problems if e.row == 1]
    positions: dict[str, int] = {}
    normal = [_normal(h) for h in table.header]
    known: set[int] = set()
    for column in columns:
        names = [_normal(column.name), *(_normal(a) for a in column.aliases)]
        found = [i for i, h in enumerate(normal) if h in names]
        if not found:
            if column.required and column.default is None:
                header_problems.append(CellError(1, column.name, "this column in the header", "missing"))
        elif len(found) > 1:
            header_problems.append(CellError(1, column.name, "this column once",
                                             ", ".join(repr(table.header[i]) for i in found)))
        else:
            positions[column.name] = found[0]
        known.update(found)
    names = ", ".join(c.name for c in columns)
    for i, h in enumerate(table.header):
        if h and i not in known:
            header_problems.append(CellError(1, h, f"one of the columns {names}", "a column this table does not have"))
    if header_problems:
        raise TableError(source, header_problems[:MAX_ERRORS])
    parsed: list[dict] = []
    width = len(table.header)
    for number, cells in table.rows:
        if len(cells) != width:  # reported by read_table: its cells cannot be told apart
            continue
        record: dict = {"_row": number}
        for column in columns:
            at = positions.get(column.name)
            raw = cells[at] if at is not None and at < len(cells) else ""
            record[column.name] = _convert(column, str(raw), number, problems)
        parsed.append(record)
        if len(problems) >= MAX_ERRORS:
            break
    if not table.rows and not problems:
        problems.append(CellError(2, "", "at least one data row", "a header only"))
    if errors is not None:
        errors.extend(problems)
        if not table.rows:
            raise TableError(source, problems[:MAX_ERRORS])
    elif problems:
        raise TableError(source, problems[:MAX_ERRORS])
    return parsed

"""Convert an XLSForm (.xlsx, .xls, .csv, .md) with pyxform, keeping saylau's columns.

pyxform reads the workbook (``xls2json_backends.get_xlsform``), checks it and
builds its survey representation (``xls2json.workbook_to_json``), and writes the
XForm (``builder.create_survey_element_from_dict(...).to_xml()``): saylau accepts
exactly the forms pyxform converts and refuses the rest with pyxform's message,
as :class:`XLSFormError` naming the sheet, row and column where pyxform gives
them. saylau's own ``saylau::`` columns are taken out of the rows before pyxform
sees them (pyxform would read the part after ``::`` as a language) and kept by
question name, (list name, choice name) and settings; :mod:`.survey` puts them
back on the Form.

A form without ``form_id`` takes ``name`` (the file's name without its
extension), as pyxform and ODK Central do; ``data`` when there is no name.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from pyxform.builder import create_survey_element_from_dict
from pyxform.errors import PyXFormError
from pyxform.utils import external_choices_to_csv, has_external_choices
from pyxform.xls2json import workbook_to_json
from pyxform.xls2json_backends import get_xlsform

SAYLAU_PREFIX = "saylau::"
_ROW = re.compile(r"\[row\s*:\s*(\d+)\]\s*")
_SHEET = re.compile(r"(?:on|in) the '?(survey|choices|settings|external_choices|entities)'? sheet", re.I)
#: pyxform messages without a column: the column they are about
_TOPIC = (("unknown question type", "type"), ("list name not in choices", "type"), ("unmatched", "type"),
          ("missing calculation", "calculation"), ("with no name", "name"), ("question with no type", "type"),
          ("duplicate column header", ""))
_QUOTED = re.compile(r"'([^']+)'")
_COLUMN = re.compile(r"the '([^']+)' (?:value|column)|column '([^']+)'|'([^']+)' column", re.I)
_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".csv", ".md"}


class XLSFormError(ValueError):
    """A form saylau (pyxform) refuses: ``sheet``, ``row`` (1-based, 0 if none),
    ``column`` ("" if none) and ``reason``; ``str()`` gives all of them."""

    def __init__(self, sheet: str, row: int, column: str, reason: str) -> None:
        where = sheet + (f" row {row}" if row else "") + (f", column '{column}'" if column else "")
        super().__init__(f"{where}: {reason}")
        self.sheet, self.row, self.column, self.reason = sheet, row, column, reason


@dataclass
class SaylauColumns:
    """The ``saylau::`` cells of a workbook, taken out before pyxform reads it:
    survey cells by question name, choice cells by (list name, choice name),
    settings cells, and the sheet row of each question name (for messages)."""

    survey: dict[str, dict[str, str]] = field(default_factory=dict)
    choices: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    choice_rows: dict[tuple[str, str], int] = field(default_factory=dict)


def _from_pyxform(error: Exception, survey: list[dict[str, Any]] | None = None) -> XLSFormError:
    """pyxform's message with the sheet, row and column it names; an unknown type
    pyxform names without a row is looked up on the survey sheet."""
    text = " ".join(str(error).split()) or type(error).__name__
    row_match = _ROW.search(text)
    row = int(row_match.group(1)) if row_match else 0
    reason = _ROW.sub("", text).strip()
    sheet_match = _SHEET.search(reason)
    sheet = sheet_match.group(1).lower() if sheet_match else ("survey" if row else "workbook")
    column_match = _COLUMN.search(reason)
    column = next((g for g in column_match.groups() if g), "") if column_match else ""
    lowered = reason.lower()
    topic = next((c for key, c in _TOPIC if key in lowered), None)
    if not column and topic:
        column = topic
    if not row and topic == "type" and survey:
        quoted = _QUOTED.search(reason)
        wanted = quoted.group(1) if quoted else ""
        for number, record in enumerate(survey, start=2):
            if wanted and _cell(record, "type") == wanted:
                sheet, row = "survey", number
                break
    return XLSFormError(sheet, row, column, reason)


def _file_type(source: Any) -> str | None:
    if isinstance(source, str | os.PathLike):
        suffix = Path(source).suffix.lower()
        return suffix if suffix in _SUFFIXES else None
    return None


def _key(header: str) -> str:
    return " ".join(header.split()).lower()


def _take_saylau(rows: list[dict[str, Any]] | None) -> list[dict[str, str]]:
    """Remove the saylau:: cells from each row (in place); return them row by row."""
    taken: list[dict[str, str]] = []
    for row in rows or []:
        cells = {}
        for key in [k for k in row if isinstance(k, str) and _key(k).startswith(SAYLAU_PREFIX)]:
            value = row.pop(key)
            if value not in (None, ""):
                cells[SAYLAU_PREFIX + _key(key)[len(SAYLAU_PREFIX):].strip()] = str(value).strip()
        taken.append(cells)
    return taken


def _cell(row: Mapping[str, Any], *names: str) -> str:
    for key, value in row.items():
        if isinstance(key, str) and _key(key) in names and value not in (None, ""):
            return str(value).strip()
    return ""


def split_saylau_columns(book: Any) -> SaylauColumns:
    """Take the saylau:: columns out of pyxform's workbook data (in place)."""
    out = SaylauColumns()
    for header in (book.survey_header, book.choices_header, book.settings_header):
        for row in header or []:
            for key in [k for k in row if _key(k).startswith(SAYLAU_PREFIX)]:
                row.pop(key)
    for number, (row, cells) in enumerate(zip(book.survey or [], _take_saylau(book.survey),
                                              strict=True), start=2):
        name = _cell(row, "name")
        if name:
            out.rows.setdefault(name, number)
            if cells:
                out.survey[name] = cells
    for number, (row, cells) in enumerate(zip(book.choices or [], _take_saylau(book.choices),
                                              strict=True), start=2):
        key = (_cell(row, "list_name", "list name"), _cell(row, "name", "value"))
        out.choice_rows.setdefault(key, number)
        if cells:
            out.choices[key] = cells
    settings = _take_saylau(book.settings)
    out.settings = settings[0] if settings else {}
    return out


@dataclass(frozen=True)
class Converted:
    """What pyxform made of a workbook: its survey JSON, the XForm, the warnings,
    the saylau:: columns and external choices as CSV (select_one_external)."""

    survey: dict[str, Any]
    xform: str
    warnings: tuple[str, ...]
    saylau: SaylauColumns
    itemsets: str | None = None


def _with_header_sheet(error: XLSFormError, source: Any) -> XLSFormError:
    """pyxform names a duplicate column header but not its sheet: find it (xlsx only)."""
    found = re.match(r"Duplicate column header: (.+)$", error.reason)
    if not found:
        return error
    try:
        from openpyxl import load_workbook

        data = io.BytesIO(source) if isinstance(source, bytes) else source
        book = load_workbook(data, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - not an xlsx: keep pyxform's message as it is
        return error
    try:
        for sheet in book.worksheets:
            header = [str(v).strip() for v in next(sheet.iter_rows(max_row=1, values_only=True), ()) if v]
            if header.count(found.group(1)) > 1:
                return XLSFormError(sheet.title, 1, found.group(1), error.reason)
    finally:
        book.close()
    return error


def _default_version(book: Any, version: str) -> None:
    """Give the settings sheet ``version`` when it has none (in pyxform's data, in place)."""
    rows = list(book.settings or [])
    if rows and _cell(rows[0], "version"):
        return
    if not rows:
        rows = [{}]
    rows[0]["version"] = version
    book.settings = rows
    header = list(book.settings_header or [{}])
    header[0] = {**header[0], "version": None}
    book.settings_header = header


def convert_workbook(source: str | os.PathLike[str] | bytes | BinaryIO, name: str | None = None,
                     version: str | None = None) -> Converted:
    """Read and convert with pyxform; raises XLSFormError with pyxform's reason.
    ``name``: the form id when settings has no form_id; ``version``: the version
    when settings has none."""
    if isinstance(source, bytes):
        if not source:
            raise XLSFormError("workbook", 0, "", "not an XLSForm .xlsx workbook (an empty file)")
        data: Any = io.BytesIO(source)
    else:
        data = source
    try:
        book = get_xlsform(data, file_type=_file_type(source))
    except PyXFormError as error:
        refused = _from_pyxform(error)
        raise _with_header_sheet(refused, source) from None
    except Exception as error:  # noqa: BLE001 - the readers raise many types for a broken file
        reason = str(error).splitlines()[0][:200] if str(error) else ""
        raise XLSFormError("workbook", 0, "", f"not an XLSForm .xlsx workbook ({type(error).__name__}"
                                              f"{': ' + reason if reason else ''}), nor an .xls or .csv one") from None
    saylau = split_saylau_columns(book)
    if version:
        _default_version(book, version)
    fallback = book.fallback_form_name or name
    warnings: list[str] = []
    try:
        survey = workbook_to_json(workbook_dict=book, form_name=None, fallback_form_name=fallback,
                                  default_language=None, warnings=warnings)
        itemsets = external_choices_to_csv(workbook_dict=book) \
            if has_external_choices(json_struct=survey) else None
        element = create_survey_element_from_dict(survey)
        xform = element.to_xml(validate=False, pretty_print=True, warnings=warnings)
    except PyXFormError as error:
        raise _from_pyxform(error, list(book.survey or [])) from None
    except Exception as error:  # noqa: BLE001 - pyxform has failed with other types on odd input
        reason = str(error).splitlines()[0][:200] if str(error) else ""
        raise XLSFormError("workbook", 0, "", f"pyxform could not convert this form ({type(error).__name__}"
                                              f"{': ' + reason if reason else ''})") from None
    return Converted(survey, xform, tuple(warnings), saylau, itemsets)

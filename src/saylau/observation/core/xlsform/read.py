"""Read an XLSForm workbook (.xlsx) into a :class:`Form`, checking it on the way.

Every problem raises :class:`XLSFormError` naming the sheet, the 1-based row and
the column, e.g. ``survey row 12, column 'type': unknown type 'integr'``.
Assumptions: the first row of each sheet is the header; wholly empty rows are
skipped; numbers typed into cells (a choice named ``1``) are read as text;
question names are unique across the whole form (``${name}`` needs that).
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Mapping
from typing import BinaryIO

from openpyxl import load_workbook

from saylau.observation.core.xlsform.expr import ExpressionError, compile_expression
from saylau.observation.core.xlsform.model import (
    EXPRESSION_COLUMNS,
    SELECT_TYPES,
    TRANSLATABLE,
    TYPES,
    Choice,
    Form,
    Question,
    Texts,
)

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
_QUESTION_COLUMNS = {"type", "name", "required", "relevant", "constraint", "calculation",
                     "choice_filter", "appearance", "saylau::negative", "saylau::incident",
                     "saylau::metric", "saylau::sms"}
_TYPE_ALIASES = {"datetime": "dateTime", "begin_group": "begin group", "end_group": "end group",
                 "begin_repeat": "begin repeat", "end_repeat": "end repeat"}
Row = tuple[int, dict[str, str]]


class XLSFormError(ValueError):
    """A malformed form: ``sheet``, ``row`` (1-based, 0 if none), ``column``, ``reason``."""

    def __init__(self, sheet: str, row: int, column: str, reason: str) -> None:
        where = sheet + (f" row {row}" if row else "") + (f", column '{column}'" if column else "")
        super().__init__(f"{where}: {reason}")
        self.sheet, self.row, self.column, self.reason = sheet, row, column, reason


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_sheets(source: str | os.PathLike[str] | bytes | BinaryIO) -> dict[str, list[Row]]:
    """Sheet name -> list of (row number, {column: text}) for non-empty rows."""
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    book = load_workbook(source, read_only=True, data_only=True)
    sheets: dict[str, list[Row]] = {}
    try:
        for ws in book.worksheets:
            rows = ws.iter_rows(values_only=True)
            header = [_cell(v) for v in next(rows, ())]
            out: list[Row] = []
            for number, values in enumerate(rows, start=2):
                record = {h: _cell(v) for h, v in zip(header, values, strict=False) if h}
                if any(record.values()):
                    out.append((number, record))
            sheets[ws.title.strip().lower()] = [(0, {h: "" for h in header if h})] + out
    finally:
        book.close()
    return sheets


def read_xlsform(source: str | os.PathLike[str] | bytes | BinaryIO) -> Form:
    """Read and check an XLSForm; returns the Form or raises XLSFormError."""
    return parse_sheets(read_sheets(source))


def _texts(record: Mapping[str, str], column: str) -> Texts:
    out = []
    for key, value in record.items():
        if not value:
            continue
        base, _, lang = key.partition("::")
        if base.strip() == column:
            out.append((lang.strip(), value))
    return tuple(sorted(out))


def _is_known(key: str) -> bool:
    base = key.partition("::")[0].strip()
    return key in _QUESTION_COLUMNS or base in TRANSLATABLE


def _header(sheet: str, rows: list[Row], needed: Iterable[str]) -> list[Row]:
    header = rows[0][1] if rows and rows[0][0] == 0 else {}
    for column in needed:
        if column not in header:
            raise XLSFormError(sheet, 1, column, f"missing column '{column}'")
    return [r for r in rows if r[0] != 0]


def _parse_choices(rows: list[Row]) -> tuple[Choice, ...]:
    body = _header("choices", rows, ("list_name", "name")) if rows else []
    out, seen = [], {}
    for number, rec in body:
        list_name, name = rec.get("list_name", ""), rec.get("name", "")
        for column, value in (("list_name", list_name), ("name", name)):
            if not value:
                raise XLSFormError("choices", number, column, f"empty {column}")
        key = (list_name, name)
        if key in seen:
            raise XLSFormError("choices", number, "name",
                               f"duplicate choice '{name}' in list '{list_name}' "
                               f"(first in choices row {seen[key]})")
        seen[key] = number
        extra = tuple(sorted((k, v) for k, v in rec.items()
                             if v and k not in ("list_name", "name")
                             and k.partition("::")[0].strip() != "label"))
        out.append(Choice(list_name, name, _texts(rec, "label"), extra, number))
    return tuple(out)


def _parse_type(number: int, raw: str) -> tuple[str, str]:
    text = " ".join(raw.split())
    text = _TYPE_ALIASES.get(text, _TYPE_ALIASES.get(text.lower(), text))
    head, _, rest = text.partition(" ")
    if head in SELECT_TYPES:
        if not rest or " " in rest:
            raise XLSFormError("survey", number, "type",
                               f"'{raw}' needs exactly one choice list name")
        return head, rest
    if text not in TYPES:
        raise XLSFormError("survey", number, "type", f"unknown type '{raw}'")
    return text, ""


def _question(number: int, rec: dict[str, str]) -> Question:
    qtype, list_name = _parse_type(number, rec.get("type", ""))
    name = rec.get("name", "")
    if not name and qtype not in ("end group", "end repeat"):
        raise XLSFormError("survey", number, "name", f"a '{qtype}' row needs a name")
    if name and not _NAME.match(name):
        raise XLSFormError("survey", number, "name", f"'{name}' is not a valid XML name")
    if qtype == "calculate" and not rec.get("calculation"):
        raise XLSFormError("survey", number, "calculation", "a calculate row needs a calculation")
    extra = tuple(sorted((k, v) for k, v in rec.items() if v and not _is_known(k)))
    return Question(
        type=qtype, name=name, list_name=list_name,
        labels=_texts(rec, "label"), hints=_texts(rec, "hint"),
        required=rec.get("required", ""), required_messages=_texts(rec, "required_message"),
        relevant=rec.get("relevant", ""), constraint=rec.get("constraint", ""),
        constraint_messages=_texts(rec, "constraint_message"),
        calculation=rec.get("calculation", ""), choice_filter=rec.get("choice_filter", ""),
        appearance=rec.get("appearance", ""),
        negative=tuple(rec.get("saylau::negative", "").split()),
        incident=rec.get("saylau::incident", ""), metric=rec.get("saylau::metric", ""),
        sms=rec.get("saylau::sms", "").upper(), extra=extra, row=number,
    )


def _check_structure(survey: tuple[Question, ...]) -> None:
    stack: list[Question] = []
    names: dict[str, int] = {}
    for q in survey:
        if q.type.startswith("begin "):
            stack.append(q)
        elif q.type.startswith("end "):
            kind = q.type.split()[1]
            if not stack or not stack[-1].type.endswith(kind):
                opened = f"'{stack[-1].type}' '{stack[-1].name}'" if stack else "nothing"
                raise XLSFormError("survey", q.row, "type",
                                   f"'{q.type}' does not match the open {opened}")
            stack.pop()
        if q.name and not q.type.startswith("end "):
            if q.name in names:
                raise XLSFormError("survey", q.row, "name",
                                   f"duplicate name '{q.name}' (first in survey row {names[q.name]})")
            names[q.name] = q.row
    if stack:
        q = stack[-1]
        raise XLSFormError("survey", q.row, "type", f"'{q.type}' '{q.name}' is never closed")


def _check_references(form: Form) -> None:
    names = {q.name for q in form.survey if q.name}
    lists = {c.list_name for c in form.choices}
    for q in form.survey:
        if q.list_name and q.list_name not in lists:
            raise XLSFormError("survey", q.row, "type",
                               f"choices list '{q.list_name}' used in survey row {q.row} "
                               "is not defined")
        for column in EXPRESSION_COLUMNS:
            text = getattr(q, column)
            if not text or (column == "required" and text.lower() in ("yes", "no", "true", "false")):
                continue
            try:
                expression = compile_expression(text)
            except ExpressionError as exc:
                raise XLSFormError("survey", q.row, column, str(exc)) from None
            for ref in sorted(expression.references - names):
                raise XLSFormError("survey", q.row, column, f"unknown question ${{{ref}}}")
        for value in q.negative:
            if q.list_name and value not in {c.name for c in form.choice_list(q.list_name)}:
                raise XLSFormError("survey", q.row, "saylau::negative",
                                   f"'{value}' is not a choice of list '{q.list_name}'")


def parse_sheets(sheets: Mapping[str, list[Row]]) -> Form:
    """Build and check a Form from rows as :func:`read_sheets` returns them."""
    if "survey" not in sheets:
        raise XLSFormError("workbook", 0, "", "no 'survey' sheet")
    body = _header("survey", list(sheets["survey"]), ("type", "name"))
    survey = tuple(_question(number, rec) for number, rec in body)
    _check_structure(survey)
    choices = _parse_choices(list(sheets.get("choices", [])))
    settings_rows = [r for r in sheets.get("settings", []) if r[0] != 0]
    settings = settings_rows[0][1] if settings_rows else {}
    form_id = settings.get("form_id", "") or "data"
    if not _NAME.match(form_id):
        raise XLSFormError("settings", settings_rows[0][0] if settings_rows else 0, "form_id",
                           f"'{form_id}' is not a valid XML name")
    known = ("form_id", "form_title", "version", "default_language")
    form = Form(
        form_id=form_id, title=settings.get("form_title", ""),
        version=settings.get("version", ""), default_language=settings.get("default_language", ""),
        survey=survey, choices=choices,
        settings_extra=tuple(sorted((k, v) for k, v in settings.items() if v and k not in known)),
    )
    _check_references(form)
    return form

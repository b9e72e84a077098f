"""Write a :class:`Form` back to an XLSForm workbook; its XForm XML.

The workbook has survey, choices and settings sheets; translatable columns are
written as ``label::<language>`` in the form's language order; saylau's own
columns (``saylau::...``) and any column saylau keeps but does not interpret
follow. Reading the written workbook gives an equal Form.
"""

from __future__ import annotations

import io
import os
from typing import BinaryIO

from openpyxl import Workbook

from saylau.observation.core.xlsform.model import TRANSLATABLE, Form, Question

_QUESTION_FIELDS = (
    ("type", lambda q: q.type_text), ("name", lambda q: q.name),
    ("required", lambda q: q.required), ("relevant", lambda q: q.relevant),
    ("constraint", lambda q: q.constraint), ("calculation", lambda q: q.calculation),
    ("choice_filter", lambda q: q.choice_filter), ("appearance", lambda q: q.appearance),
)
_SAYLAU_FIELDS = (
    ("saylau::negative", lambda q: " ".join(q.negative)), ("saylau::incident", lambda q: q.incident),
    ("saylau::metric", lambda q: q.metric), ("saylau::sms", lambda q: q.sms),
)
_TEXT_ATTR = {"label": "labels", "hint": "hints", "constraint_message": "constraint_messages",
              "required_message": "required_messages"}


def _text_column(base: str, lang: str) -> str:
    return f"{base}::{lang}" if lang else base


def _survey_table(form: Form, with_saylau: bool) -> tuple[list[str], list[list[str]]]:
    languages = form.languages
    columns: list[tuple[str, object]] = list(_QUESTION_FIELDS)
    for base in TRANSLATABLE:
        attr = _TEXT_ATTR[base]
        used = {lang for q in form.survey for lang, _ in getattr(q, attr)}
        for lang in (lg for lg in languages if lg in used):
            columns.append((_text_column(base, lang),
                            lambda q, a=attr, lg=lang: dict(getattr(q, a)).get(lg, "")))
    if with_saylau:
        columns.extend(_SAYLAU_FIELDS)
    extras = sorted({k for q in form.survey for k, _ in q.extra})
    columns.extend((k, lambda q, key=k: dict(q.extra).get(key, "")) for k in extras)
    used_columns = [(h, get) for h, get in columns
                    if h in ("type", "name") or any(get(q) for q in form.survey)]
    rows = [[get(q) for _, get in used_columns] for q in form.survey]
    return [h for h, _ in used_columns], rows


def _choices_table(form: Form, with_saylau: bool) -> tuple[list[str], list[list[str]]]:
    languages = [lg for lg in form.languages if any(lg == k for c in form.choices for k, _ in c.labels)]
    extras = sorted({k for c in form.choices for k, _ in c.extra
                     if with_saylau or not k.startswith("saylau::")})
    header = ["list_name", "name"] + [_text_column("label", lg) for lg in languages] + extras
    rows = [[c.list_name, c.name] + [dict(c.labels).get(lg, "") for lg in languages]
            + [dict(c.extra).get(k, "") for k in extras] for c in form.choices]
    return header, rows


def _settings_table(form: Form, with_saylau: bool) -> tuple[list[str], list[list[str]]]:
    pairs = [("form_id", form.form_id), ("form_title", form.title), ("version", form.version),
             ("default_language", form.default_language), *form.settings_extra]
    pairs = [(k, v) for k, v in pairs if v and (with_saylau or not k.startswith("saylau::"))]
    return [k for k, _ in pairs], [[v for _, v in pairs]]


def workbook_bytes(form: Form, with_saylau: bool = True) -> bytes:
    """The form as .xlsx bytes; ``with_saylau=False`` leaves out every saylau::
    column (survey, choices and settings sheets)."""
    book = Workbook()
    book.remove(book.active)
    for title, (header, rows) in (("survey", _survey_table(form, with_saylau)),
                                  ("choices", _choices_table(form, with_saylau)),
                                  ("settings", _settings_table(form, with_saylau))):
        sheet = book.create_sheet(title)
        sheet.append(header)
        for row in rows:
            sheet.append([v if v != "" else None for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_xlsform(form: Form, target: str | os.PathLike[str] | BinaryIO) -> None:
    """Write the form as an XLSForm workbook to a path or binary file."""
    data = workbook_bytes(form)
    if hasattr(target, "write"):
        target.write(data)  # type: ignore[union-attr]
    else:
        with open(target, "wb") as fh:
            fh.write(data)


def to_xform(form: Form) -> str:
    """The XForm XML (ODK Collect, Enketo) that pyxform made when the form was
    read; a Form built by hand is converted now (saylau:: columns left out).
    Raises XLSFormError when pyxform cannot convert it."""
    if form.xform:
        return form.xform
    from saylau.observation.core.xlsform.read import read_xlsform

    return read_xlsform(workbook_bytes(form, with_saylau=False), name=form.form_id).xform


def question_path(form: Form, question: Question) -> str:
    """The XForm instance path of a question, e.g. ``/voting/pec/pec_members_total``."""
    stack: list[str] = []
    for q in form.survey:
        if q is question:
            return "/" + "/".join([form.root, *stack, q.name])
        if q.type.startswith("begin "):
            stack.append(q.name)
        elif q.type.startswith("end ") and stack:
            stack.pop()
    raise KeyError(question.name)

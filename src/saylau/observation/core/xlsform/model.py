"""The XLSForm model: frozen dataclasses for a form, its questions and choices.

A form keeps the survey sheet as a flat tuple of rows in sheet order (``begin
group``/``end group`` rows included), which is what XLSForm itself is; helpers
give the nesting where a caller needs it. Translatable columns (``label``,
``hint``, ``constraint_message``, ``required_message``) are kept as tuples of
``(language, text)`` pairs sorted by language, where the language is the part
after ``::`` (``"English (en)"``) or ``""`` for a column without one. Columns
saylau does not interpret are kept in ``extra`` so nothing is lost on export.
Row numbers (``row``) are the 1-based sheet rows and take no part in equality.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

Texts = tuple[tuple[str, str], ...]

VALUE_TYPES = frozenset({
    "integer", "decimal", "text", "select_one", "select_multiple", "date", "time",
    "dateTime", "geopoint", "calculate",
    # every other type pyxform accepts (read.py names them canonically)
    "start", "end", "today", "deviceid", "subscriberid", "simserial", "username", "email",
    "phonenumber", "start-geopoint", "background-geopoint", "image", "audio", "video", "file",
    "background-audio", "audit", "barcode", "range", "geotrace", "geoshape", "rank",
    "acknowledge", "trigger", "select_one_external", "osm", "hidden", "xml-external",
    "csv-external",
})
STRUCTURE_TYPES = frozenset({"begin group", "end group", "begin repeat", "end repeat"})
#: types that hold no answer of their own: notes, and the external instances a form declares
NON_VALUE_TYPES = frozenset({"note", "xml-external", "csv-external"})
TYPES = VALUE_TYPES | STRUCTURE_TYPES | {"note"}
SELECT_TYPES = frozenset({"select_one", "select_multiple", "rank", "select_one_external"})
#: metadata types an ODK client fills itself (never shown as a question)
METADATA_TYPES = frozenset({"start", "end", "today", "deviceid", "subscriberid", "simserial",
                            "username", "email", "phonenumber", "start-geopoint", "audit",
                            "background-audio", "background-geopoint"})
TRANSLATABLE = ("label", "hint", "constraint_message", "required_message")
EXPRESSION_COLUMNS = ("relevant", "constraint", "calculation", "choice_filter", "required")
SAYLAU_COLUMNS = ("saylau::negative", "saylau::incident", "saylau::metric", "saylau::sms")

_LANG_CODE = re.compile(r"\(([A-Za-z\-]+)\)\s*$")


def language_code(language: str) -> str:
    """``"Russian (ru)"`` -> ``"ru"``; a bare code or name is returned lower-cased."""
    m = _LANG_CODE.search(language)
    return (m.group(1) if m else language).strip().lower()


def pick_text(texts: Texts, lang: str = "en") -> str:
    """The text for language code ``lang``; falls back to English, the unnamed
    column, then the first text; empty if there is none."""
    by_code = {language_code(k): v for k, v in texts}
    for key in (lang, "en", ""):
        if by_code.get(key):
            return by_code[key]
    return texts[0][1] if texts else ""


@dataclass(frozen=True)
class Choice:
    """One row of the choices sheet. ``extra`` holds other columns (e.g. a
    column used by a choice_filter, or ``saylau::sms``)."""

    list_name: str
    name: str
    labels: Texts = ()
    extra: tuple[tuple[str, str], ...] = ()
    row: int = field(default=0, compare=False)

    def label(self, lang: str = "en") -> str:
        return pick_text(self.labels, lang) or self.name

    def column(self, name: str) -> str:
        return dict(self.extra).get(name, "")


@dataclass(frozen=True)
class Question:
    """One row of the survey sheet.

    ``type`` is the base type (``select_one``, ``begin group``...), ``list_name``
    the choice list of a select. ``required`` is the raw column (``yes``,
    ``true()`` or an expression). ``negative`` lists the answer values that count
    as negative (``saylau::negative``); ``incident`` is the short incident code
    (``saylau::incident``), ``metric`` the finding metric ids it feeds
    (``saylau::metric``) and ``sms`` its coded-SMS code (``saylau::sms``).
    """

    type: str
    name: str
    list_name: str = ""
    labels: Texts = ()
    hints: Texts = ()
    required: str = ""
    required_messages: Texts = ()
    relevant: str = ""
    constraint: str = ""
    constraint_messages: Texts = ()
    calculation: str = ""
    choice_filter: str = ""
    appearance: str = ""
    negative: tuple[str, ...] = ()
    incident: str = ""
    metric: str = ""
    sms: str = ""
    extra: tuple[tuple[str, str], ...] = ()
    row: int = field(default=0, compare=False)

    @property
    def type_text(self) -> str:
        """The type column as written: ``select_one yes_no``, ``select_one_from_file places.csv``."""
        if not self.list_name:
            return self.type
        if self.list_name.lower().endswith((".csv", ".xml", ".geojson")) and self.type in (
                "select_one", "select_multiple"):
            return f"{self.type}_from_file {self.list_name}"
        return f"{self.type} {self.list_name}"

    @property
    def is_value(self) -> bool:
        """True for rows that hold an answer (not notes, groups or repeats)."""
        return self.type not in NON_VALUE_TYPES and self.type not in STRUCTURE_TYPES

    def label(self, lang: str = "en") -> str:
        return pick_text(self.labels, lang) or self.name

    def hint(self, lang: str = "en") -> str:
        return pick_text(self.hints, lang)

    def constraint_message(self, lang: str = "en") -> str:
        return pick_text(self.constraint_messages, lang)

    def required_message(self, lang: str = "en") -> str:
        return pick_text(self.required_messages, lang)


@dataclass(frozen=True)
class Form:
    """A whole XLSForm: settings, survey rows in order, choice rows in order."""

    form_id: str
    title: str = ""
    version: str = ""
    default_language: str = ""
    survey: tuple[Question, ...] = ()
    choices: tuple[Choice, ...] = ()
    settings_extra: tuple[tuple[str, str], ...] = ()
    #: the root element of the XForm instance (pyxform's survey name, ``data`` by default)
    root: str = field(default="data", compare=False)
    #: the XForm XML pyxform made from the workbook ("" for a form built by hand)
    xform: str = field(default="", compare=False, repr=False)
    #: pyxform's conversion warnings
    warnings: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def sms_code(self) -> str:
        """The form's coded-SMS letter (settings column ``saylau::sms``)."""
        return dict(self.settings_extra).get("saylau::sms", "")

    @property
    def languages(self) -> tuple[str, ...]:
        """Every language named in a translatable column, in first-seen order."""
        seen: dict[str, None] = {}
        for q in self.survey:
            for texts in (q.labels, q.hints, q.constraint_messages, q.required_messages):
                for lang, _ in texts:
                    seen.setdefault(lang, None)
        for c in self.choices:
            for lang, _ in c.labels:
                seen.setdefault(lang, None)
        return tuple(seen)

    def question(self, name: str) -> Question:
        """The survey row named ``name``; KeyError if there is none."""
        for q in self.survey:
            if q.name == name:
                return q
        raise KeyError(f"form {self.form_id!r} has no question {name!r}")

    def questions(self) -> tuple[Question, ...]:
        """The rows that hold answers, in order (repeats' children included)."""
        return tuple(q for q in self.survey if q.is_value)

    def choice_list(self, list_name: str) -> tuple[Choice, ...]:
        return self._choice_lists.get(list_name, ())

    @cached_property
    def _choice_lists(self) -> dict[str, tuple[Choice, ...]]:
        """Choices by list name, in order (made once: validation asks for every select)."""
        lists: dict[str, list[Choice]] = {}
        for c in self.choices:
            lists.setdefault(c.list_name, []).append(c)
        return {name: tuple(rows) for name, rows in lists.items()}

    def container_of(self) -> dict[str, str]:
        """Question name -> name of the innermost enclosing repeat ('' if none)."""
        out: dict[str, str] = {}
        stack: list[tuple[str, str]] = []
        for q in self.survey:
            if q.type in ("begin group", "begin repeat"):
                out[q.name] = next((n for t, n in reversed(stack) if t == "begin repeat"), "")
                stack.append((q.type, q.name))
            elif q.type in ("end group", "end repeat"):
                if stack:
                    stack.pop()
            elif q.name:
                out[q.name] = next((n for t, n in reversed(stack) if t == "begin repeat"), "")
        return out

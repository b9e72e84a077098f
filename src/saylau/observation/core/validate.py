"""Check one submission's answers against its form and return typed answers.

``validate_answers(form, answers, lang)`` walks the survey in order, so that
relevance, constraints and calculations see the answers before them, and
returns either every cleaned answer or every error, never part of them.

Decisions (see docs/forms.md):

* Answers to questions that are not relevant are **dropped**, as ODK does when
  it saves a form, and listed in ``ValidationResult.dropped`` so the caller can
  log them; values given for notes are dropped the same way.
* ``calculate`` rows are always recomputed; a submitted value is replaced.
* Constraints are not checked on empty answers (ODK does the same), nor when
  they read an answer that already has an error (one mistake, one message); required
  applies only when the question (and its groups) are relevant.
* Cleaned types: integer -> int, decimal -> float, text and select_one -> str,
  select_multiple -> space-separated str of distinct values in the order given,
  date -> datetime.date, time -> datetime.time, dateTime -> datetime.datetime,
  geopoint -> tuple of floats, calculate -> its XPath value as str. A repeat is
  a list of dicts. Keys that are not questions of the form are errors.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import ChainMap
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

from saylau.observation.core.xlsform import Form, Question, compile_expression, to_string

_INTEGER = re.compile(r"^[+-]?\d+$")
MESSAGES: dict[str, dict[str, str]] = {
    "required": {"en": "This question is required",
                 "ru": "Это обязательный вопрос",
                 "kk": "Бұл сұраққа жауап беру міндетті"},
    "integer": {"en": "Expected a whole number, got '{value}'",
                "ru": "Ожидалось целое число, получено «{value}»",
                "kk": "Бүтін сан күтілді, алынғаны: «{value}»"},
    "decimal": {"en": "Expected a number, got '{value}'",
                "ru": "Ожидалось число, получено «{value}»",
                "kk": "Сан күтілді, алынғаны: «{value}»"},
    "choice": {"en": "'{value}' is not one of the choices: {choices}",
               "ru": "«{value}» нет среди вариантов ответа: {choices}",
               "kk": "«{value}» жауап нұсқаларының ішінде жоқ: {choices}"},
    "date": {"en": "Expected a date as YYYY-MM-DD, got '{value}'",
             "ru": "Ожидалась дата в формате ГГГГ-ММ-ДД, получено «{value}»",
             "kk": "ЖЖЖЖ-АА-КК пішіміндегі күн күтілді, алынғаны: «{value}»"},
    "time": {"en": "Expected a time as HH:MM, got '{value}'",
             "ru": "Ожидалось время в формате ЧЧ:ММ, получено «{value}»",
             "kk": "СС:ММ пішіміндегі уақыт күтілді, алынғаны: «{value}»"},
    "dateTime": {"en": "Expected a date and time (ISO 8601), got '{value}'",
                 "ru": "Ожидались дата и время (ISO 8601), получено «{value}»",
                 "kk": "Күн мен уақыт (ISO 8601) күтілді, алынғаны: «{value}»"},
    "geopoint": {"en": "Expected 'latitude longitude', got '{value}'",
                 "ru": "Ожидались координаты «широта долгота», получено «{value}»",
                 "kk": "«ендік бойлық» координаттары күтілді, алынғаны: «{value}»"},
    "constraint": {"en": "This answer is not allowed",
                   "ru": "Недопустимый ответ",
                   "kk": "Бұл жауапқа рұқсат етілмейді"},
    "unknown": {"en": "Form '{form}' has no such question",
                "ru": "В форме «{form}» нет такого вопроса",
                "kk": "«{form}» формасында мұндай сұрақ жоқ"},
    "repeat": {"en": "Expected a list of entries",
               "ru": "Ожидался список записей",
               "kk": "Жазбалар тізімі күтілді"},
}


def message(code: str, lang: str, **values: Any) -> str:
    """A built-in validation message in ``lang`` (en, ru, kk; English otherwise)."""
    table = MESSAGES[code]
    return table.get(lang, table["en"]).format(**values)


@dataclass(frozen=True)
class FieldError:
    """One problem: ``field`` is the question name, inside a repeat
    ``repeat[2].name`` (1-based); ``code`` is a key of MESSAGES."""

    field: str
    code: str
    message: str


@dataclass(frozen=True)
class ValidationResult:
    """``answers`` is None exactly when ``errors`` is not empty."""

    answers: dict[str, Any] | None
    errors: tuple[FieldError, ...] = ()
    dropped: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class _Node:
    question: Question
    children: tuple[_Node, ...] = ()


def _tree(form: Form) -> tuple[_Node, ...]:
    root: list[list[_Node]] = [[]]
    opened: list[Question] = []
    for q in form.survey:
        if q.type.startswith("begin "):
            opened.append(q)
            root.append([])
        elif q.type.startswith("end "):
            children = tuple(root.pop())
            root[-1].append(_Node(opened.pop(), children))
        else:
            root[-1].append(_Node(q))
    return tuple(root[0])


def _is_empty(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip() == "") or raw == [] or raw == ()


def _parse(form: Form, q: Question, raw: Any) -> tuple[Any, Any]:
    """(cleaned value, value seen by expressions); raises ValueError(code)."""
    kind = q.type
    if kind == "integer":
        if isinstance(raw, bool):
            raise ValueError("integer")
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        if isinstance(raw, int):
            return raw, raw
        if isinstance(raw, str) and _INTEGER.match(raw.strip()):
            value = int(raw.strip())
            return value, value
        raise ValueError("integer")
    if kind == "decimal":
        try:
            value = float(raw.strip() if isinstance(raw, str) else raw)
        except (TypeError, ValueError):
            raise ValueError("decimal") from None
        if isinstance(raw, bool) or not math.isfinite(value):
            raise ValueError("decimal")
        return value, value
    if kind == "select_one":
        value = to_string(raw).strip()
        return value, value
    if kind == "select_multiple":
        parts = raw if isinstance(raw, list | tuple) else to_string(raw).replace(",", " ").split()
        value = " ".join(dict.fromkeys(to_string(p).strip() for p in parts))
        return value, value
    if kind == "date":
        value = raw if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime) else None
        try:
            value = value or dt.date.fromisoformat(str(raw).strip())
        except ValueError:
            raise ValueError("date") from None
        return value, value.isoformat()
    if kind == "time":
        try:
            value = raw if isinstance(raw, dt.time) else dt.time.fromisoformat(str(raw).strip())
        except ValueError:
            raise ValueError("time") from None
        return value, value.isoformat()
    if kind == "dateTime":
        try:
            value = raw if isinstance(raw, dt.datetime) else dt.datetime.fromisoformat(str(raw).strip())
        except ValueError:
            raise ValueError("dateTime") from None
        return value, value.isoformat()
    if kind == "geopoint":
        try:
            numbers = tuple(float(x) for x in to_string(raw).split())
        except ValueError:
            raise ValueError("geopoint") from None
        if not 2 <= len(numbers) <= 4 or abs(numbers[0]) > 90 or abs(numbers[1]) > 180:
            raise ValueError("geopoint")
        return numbers, to_string(raw).strip()
    value = to_string(raw)
    return value, value


def _required(q: Question, scope: Mapping[str, Any]) -> bool:
    text = q.required.strip()
    if text.lower() in ("", "no", "false", "false()"):
        return False
    if text.lower() in ("yes", "true", "true()"):
        return True
    return compile_expression(text).test(scope)


class _Walker:
    def __init__(self, form: Form, lang: str) -> None:
        self.form, self.lang = form, lang
        self.errors: list[FieldError] = []
        self.dropped: list[str] = []
        self.failed: set[str] = set()  # names with an error: constraints reading them are skipped

    def error(self, path: str, code: str, text: str | None = None, **values: Any) -> None:
        self.failed.add(path.rsplit(".", 1)[-1])
        self.errors.append(FieldError(path, code, text or message(code, self.lang, **values)))

    def walk(self, nodes: tuple[_Node, ...], raw: Mapping[str, Any], scope: MutableMapping[str, Any],
             out: dict[str, Any], relevant: bool, prefix: str) -> None:
        for node in nodes:
            q = node.question
            path = prefix + q.name
            here = relevant and (not q.relevant or compile_expression(q.relevant).test(scope))
            if q.type == "begin group":
                self.walk(node.children, raw, scope, out, here, prefix)
            elif q.type == "begin repeat":
                self.repeat(node, raw.get(q.name), scope, out, here, path)
            elif q.type == "note":
                if not _is_empty(raw.get(q.name)):
                    self.dropped.append(path)
            else:
                self.value(q, raw.get(q.name), scope, out, here, path)

    def repeat(self, node: _Node, raw: Any, scope: MutableMapping[str, Any], out: dict[str, Any],
               relevant: bool, path: str) -> None:
        if _is_empty(raw):
            raw = []
        if not isinstance(raw, list | tuple) or not all(isinstance(r, Mapping) for r in raw):
            self.error(path, "repeat")
            return
        if not relevant:
            if raw:
                self.dropped.append(path)
            return
        entries = []
        names = {n.question.name for n in node.children}
        for i, item in enumerate(raw, start=1):
            inner_scope: MutableMapping[str, Any] = ChainMap({}, scope)
            entry: dict[str, Any] = {}
            self.walk(node.children, item, inner_scope, entry, True, f"{path}[{i}].")
            for key in sorted(set(item) - self._all_names(node.children) - names):
                self.error(f"{path}[{i}].{key}", "unknown", form=self.form.form_id)
            entries.append(entry)
        out[node.question.name] = entries
        scope[node.question.name] = str(len(entries))

    def _all_names(self, nodes: tuple[_Node, ...]) -> set[str]:
        names: set[str] = set()
        for n in nodes:
            if n.question.type == "begin group":
                names |= self._all_names(n.children)
            else:
                names.add(n.question.name)
        return names

    def value(self, q: Question, raw: Any, scope: MutableMapping[str, Any], out: dict[str, Any],
              relevant: bool, path: str) -> None:
        scope[q.name] = ""
        if not relevant:
            if not _is_empty(raw):
                self.dropped.append(path)
            return
        if q.type == "calculate":
            result = to_string(compile_expression(q.calculation).evaluate(scope))
            out[q.name] = scope[q.name] = result
            return
        if _is_empty(raw):
            if _required(q, scope):
                self.error(path, "required", q.required_message(self.lang) or None)
            return
        try:
            cleaned, seen = _parse(self.form, q, raw)
        except ValueError as exc:
            self.error(path, str(exc), value=to_string(raw))
            return
        if q.list_name and not self._choices_ok(q, seen, scope, path):
            return
        scope[q.name] = seen
        constraint = compile_expression(q.constraint) if q.constraint else None
        if constraint and not constraint.references & self.failed \
                and not constraint.test(scope, current=seen):
            self.error(path, "constraint", q.constraint_message(self.lang) or None)
            return
        out[q.name] = cleaned

    def _choices_ok(self, q: Question, seen: str, scope: Mapping[str, Any], path: str) -> bool:
        choices = self.form.choice_list(q.list_name)
        if q.choice_filter:
            test = compile_expression(q.choice_filter)
            choices = tuple(c for c in choices if test.test(scope, choice={"name": c.name, **dict(c.extra)}))
        names = {c.name for c in choices}
        for value in seen.split() or [seen]:
            if value not in names:
                self.error(path, "choice", value=value, choices=" ".join(c.name for c in choices))
                return False
        return True


def validate_answers(form: Form, answers: Mapping[str, Any], lang: str = "en") -> ValidationResult:
    """Check ``answers`` (question name -> value; a repeat -> list of dicts) against ``form``.

    Messages are in ``lang`` (the form's constraint_message/required_message
    translation where the form has one). Returns cleaned answers or errors.
    """
    tree = _tree(form)
    walker = _Walker(form, lang)
    out: dict[str, Any] = {}
    walker.walk(tree, answers, {}, out, True, "")
    known = {q.name for q in form.survey if q.name}
    top = walker._all_names(tree)
    for key in answers:
        if key not in top:
            where = "" if key not in known else " (belongs inside a repeat)"
            walker.error(key, "unknown", message("unknown", lang, form=form.form_id) + where)
    if walker.errors:
        return ValidationResult(None, tuple(walker.errors), tuple(walker.dropped))
    return ValidationResult(out, (), tuple(walker.dropped))

"""Coded SMS: ``V 0123 A2 B1 C0`` -> answers, with a reply in the observer's language.

Format: the form's code (settings ``saylau::sms``), the place code (the form's
first text question: station_code, dec_code or region_code), then pairs of a
question code (``saylau::sms``) and a value. A select's value is the choice's
``saylau::sms`` code (yes=1, no=0, very good=1 ... very bad=4 in the built-in
forms), else its 1-based position; an integer is the number.

Tolerated typos: lower case; Cyrillic letters that look Latin (А В С Е Н К М О Р Т
Х); the letter O for zero in values and place codes (question codes never use
I or O); commas, semicolons, dots and extra spaces; no space between a code and
its value or between pairs (``A2B1C0``).

Only the answers an SMS can carry are checked: types, choices and constraints
via :func:`validate_answers`, and required-ness for coded questions; required
questions without a code (a description, a time) are not demanded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from saylau.observation.core.validate import validate_answers
from saylau.observation.core.xlsform import Form, Question

_LOOKALIKE = str.maketrans("АВСЕНКМОРТХ", "ABCEHKMOPTX")
_PUNCT = re.compile(r"[,;:.]+")
_REPLY = {
    "ok": {"en": "Received {form} {place}: {n} answers. Thank you.",
           "ru": "Принято {form} {place}: ответов {n}. Спасибо.",
           "kk": "{form} {place} қабылданды: {n} жауап. Рахмет."},
    "fail": {"en": "Not accepted: {problems}. Please correct and resend.",
             "ru": "Не принято: {problems}. Исправьте и отправьте снова.",
             "kk": "Қабылданбады: {problems}. Түзетіп, қайта жіберіңіз."},
    "empty": {"en": "empty message", "ru": "пустое сообщение", "kk": "бос хабарлама"},
    "form": {"en": "unknown form code {code} (use {known})",
             "ru": "неизвестный код формы {code} (допустимы: {known})",
             "kk": "белгісіз форма коды {code} (рұқсат етілгені: {known})"},
    "place": {"en": "no station number", "ru": "нет номера участка", "kk": "учаске нөмірі жоқ"},
    "code": {"en": "unknown question code {code}", "ru": "неизвестный код вопроса {code}",
             "kk": "белгісіз сұрақ коды {code}"},
    "novalue": {"en": "{code} has no value", "ru": "у {code} нет значения",
                "kk": "{code} мәні жоқ"},
    "twice": {"en": "{code} given twice", "ru": "{code} указан дважды",
              "kk": "{code} екі рет көрсетілген"},
    "value": {"en": "{code}={value} is not a valid answer",
              "ru": "{code}={value}: недопустимый ответ",
              "kk": "{code}={value}: жарамсыз жауап"},
    "missing": {"en": "missing {codes}", "ru": "нет ответа: {codes}", "kk": "жауап жоқ: {codes}"},
}


@dataclass(frozen=True)
class SmsResult:
    """``answers`` are validated and typed when ``ok``; ``reply`` is the text to send back."""

    ok: bool
    form_id: str
    place: str
    answers: dict[str, Any] = field(default_factory=dict)
    reply: str = ""
    problems: tuple[str, ...] = ()


def _say(key: str, lang: str, **values: Any) -> str:
    table = _REPLY[key]
    return table.get(lang, table["en"]).format(**values)


def _place_question(form: Form) -> Question | None:
    return next((q for q in form.questions() if q.type == "text"), None)


def _choice_value(form: Form, q: Question, value: str) -> str | None:
    choices = form.choice_list(q.list_name)
    for c in choices:
        if c.column("saylau::sms") == value:
            return c.name
    if not any(c.column("saylau::sms") for c in choices) and value.isdigit():
        index = int(value)
        if 1 <= index <= len(choices):
            return choices[index - 1].name
    return None


def _pairs(body: str, codes: Iterable[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(known code, value) pairs and (problem key, code) tuples from the body."""
    known = sorted(codes, key=len, reverse=True)
    pairs, problems, pos = [], [], 0
    while pos < len(body):
        code = next((c for c in known if body.startswith(c, pos)), None)
        if code is None:
            m = re.match(r"[A-Z]+", body[pos:])
            if not m:
                problems.append(("value", body[pos]))
                pos += 1
                continue
            code = m.group(0)
            problems.append(("code", code))
            pos += len(code)
            value = re.match(r"[0-9O]*", body[pos:]).group(0)  # type: ignore[union-attr]
            pos += len(value)
            continue
        pos += len(code)
        value = re.match(r"[0-9O]*", body[pos:]).group(0)  # type: ignore[union-attr]
        pos += len(value)
        if not value:
            problems.append(("novalue", code))
        else:
            pairs.append((code, value.replace("O", "0")))
    return pairs, problems


def parse_sms(text: str, form_set: Mapping[str, Form] | Iterable[Form], lang: str = "en") -> SmsResult:
    """Parse one coded SMS against the forms that have an SMS code."""
    forms = list(form_set.values()) if isinstance(form_set, Mapping) else list(form_set)
    by_code = {f.sms_code.upper(): f for f in forms if f.sms_code}
    clean = _PUNCT.sub(" ", text.upper().translate(_LOOKALIKE)).split()
    if not clean:
        return _fail("", "", [_say("empty", lang)], lang)
    head = re.match(r"^([A-Z]+)([0-9O]*)$", clean[0])
    form_code, glued = (head.group(1), head.group(2)) if head else (clean[0], "")
    form = by_code.get(form_code)
    if form is None:
        known = " ".join(sorted(by_code))
        return _fail("", "", [_say("form", lang, code=form_code, known=known)], lang)
    rest = clean[1:]
    place = glued or (rest.pop(0) if rest else "")
    place = place.replace("O", "0")
    problems: list[str] = []
    if not place or not place[0].isdigit():
        problems.append(_say("place", lang))
    coded = {q.sms: q for q in form.questions() if q.sms}
    pairs, bad = _pairs("".join(rest), coded)
    problems += [_say(key, lang, code=code, value=code) for key, code in bad]
    answers: dict[str, Any] = {}
    place_q = _place_question(form)
    if place_q is not None and place:
        answers[place_q.name] = place
    seen: set[str] = set()
    for code, value in pairs:
        q = coded[code]
        if code in seen:
            problems.append(_say("twice", lang, code=code))
            continue
        seen.add(code)
        if q.list_name:
            name = _choice_value(form, q, value)
            if name is None:
                problems.append(_say("value", lang, code=code, value=value))
                continue
            answers[q.name] = name
        else:
            answers[q.name] = value
    if problems:
        return _fail(form.form_id, place, problems, lang, answers)
    return _validated(form, place, answers, coded, lang)


def sms_form(form: Form) -> Form:
    """The form as an SMS can fill it: required-ness kept only on coded questions
    (and the place). Validate answers parsed from an SMS against this form."""
    return _sms_form(form)


@cache
def _sms_form(form: Form) -> Form:
    """The form with required-ness kept only on coded questions (and the place)."""
    place = _place_question(form)
    survey = tuple(q if q.sms or q is place or not q.required else replace(q, required="")
                   for q in form.survey)
    return replace(form, survey=survey)


def _validated(form: Form, place: str, answers: dict[str, Any], coded: Mapping[str, Question],
               lang: str) -> SmsResult:
    result = validate_answers(_sms_form(form), answers, lang)
    code_of = {q.name: code for code, q in coded.items()}
    missing = [code_of[e.field] for e in result.errors if e.code == "required" and e.field in code_of]
    problems = [f"{code_of.get(e.field, e.field)}: {e.message}" for e in result.errors
                if e.code != "required"]
    if missing:
        problems.append(_say("missing", lang, codes=" ".join(missing)))
    if problems:
        return _fail(form.form_id, place, problems, lang, answers)
    cleaned = result.answers or {}
    reply = _say("ok", lang, form=form.sms_code, place=place, n=len(cleaned) - 1)
    return SmsResult(True, form.form_id, place, dict(cleaned), reply, ())


def _fail(form_id: str, place: str, problems: list[str], lang: str,
          answers: dict[str, Any] | None = None) -> SmsResult:
    reply = _say("fail", lang, problems="; ".join(problems))
    return SmsResult(False, form_id, place, dict(answers or {}), reply, tuple(problems))

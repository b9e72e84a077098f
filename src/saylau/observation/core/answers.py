"""Answer values by question type (what the instance text must look like, and the
typed value saylau keeps) and the validation messages in English, Russian and Kazakh."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from saylau.observation.core.xlsform import Form, Question
from saylau.observation.core.xlsform.xpath import to_string

INTEGER = re.compile(r"^[+-]?\d+$")
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
    "geotrace": {"en": "Expected points 'latitude longitude' separated by ';', got '{value}'",
                 "ru": "Ожидались точки «широта долгота» через «;», получено «{value}»",
                 "kk": "«;» арқылы бөлінген «ендік бойлық» нүктелері күтілді, алынғаны: «{value}»"},
    "number": {"en": "Expected a number, got '{value}'",
               "ru": "Ожидалось число, получено «{value}»",
               "kk": "Сан күтілді, алынғаны: «{value}»"},
    "repeat_count": {"en": "Expected {expected} entries, got {got}",
                     "ru": "Ожидалось записей: {expected}, получено: {got}",
                     "kk": "Күтілген жазбалар саны: {expected}, алынғаны: {got}"},
    "expression": {"en": "The form's logic could not be evaluated: {reason}",
                   "ru": "Не удалось вычислить логику формы: {reason}",
                   "kk": "Форма логикасын есептеу мүмкін болмады: {reason}"},
}


def message(code: str, lang: str, **values: Any) -> str:
    """A built-in validation message in ``lang`` (en, ru, kk; English otherwise)."""
    table = MESSAGES[code]
    return table.get(lang, table["en"]).format(**values)


def is_empty(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip() == "") or raw == [] or raw == ()


def parse_answer(form: Form, q: Question, raw: Any) -> tuple[Any, Any]:
    """(cleaned value, value seen by expressions); raises ValueError(code)."""
    kind = q.type
    if kind in ("start", "end"):
        kind = "dateTime"
    elif kind == "today":
        kind = "date"
    elif kind == "rank":
        kind = "select_multiple"
    if kind == "range":
        text = to_string(raw).strip()
        if INTEGER.match(text):
            return int(text), text
        try:
            value = float(text)
        except ValueError:
            raise ValueError("number") from None
        if not math.isfinite(value):
            raise ValueError("number")
        return value, text
    if kind in ("geotrace", "geoshape"):
        points = [p for p in to_string(raw).split(";") if p.strip()]
        try:
            numbers = [tuple(float(x) for x in p.split()) for p in points]
        except ValueError:
            raise ValueError("geotrace") from None
        if len(points) < 2 or any(not 2 <= len(n) <= 4 or abs(n[0]) > 90 or abs(n[1]) > 180 for n in numbers):
            raise ValueError("geotrace")
        text = ";".join(" ".join(p.split()) for p in points)
        return text, text
    if kind == "integer":
        if isinstance(raw, bool):
            raise ValueError("integer")
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        if isinstance(raw, int):
            return raw, raw
        if isinstance(raw, str) and INTEGER.match(raw.strip()):
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
    if kind in ("select_one", "select_one_external"):
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
        return value, value.isoformat() if isinstance(raw, dt.time) else str(raw).strip()
    if kind == "dateTime":
        try:
            value = raw if isinstance(raw, dt.datetime) else dt.datetime.fromisoformat(
                str(raw).strip().replace("Z", "+00:00"))
        except ValueError:
            raise ValueError("dateTime") from None
        return value, value.isoformat() if isinstance(raw, dt.datetime) else str(raw).strip()
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

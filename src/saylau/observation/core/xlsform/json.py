"""A JSON rendering of a :class:`Form` for the browser app (see docs/observation.md).

The shape mirrors the dataclasses, with groups and repeats nested::

    {"id": "voting", "version": "2011.1", "title": "...", "default_language": "en",
     "languages": ["en", "ru", "kk"], "sms_code": "V",
     "questions": [
        {"name": "station_code", "type": "text", "labels": {"en": "...", "ru": "..."},
         "hints": {}, "required": "yes", "relevant": "", "constraint": "...",
         "constraint_message": {"en": "..."}, "required_message": {},
         "calculation": "", "choice_filter": "", "appearance": "",
         "choices": null, "children": null,
         "saylau": {"negative": [], "incident": "", "metric": "", "sms": ""}},
        {"name": "incidents", "type": "begin group", ..., "children": [...]}]}

Language keys are codes (``"en"``; ``""`` for a column without a language).
``choices`` is a list of ``{"name", "labels", "extra"}`` for selects (the form's
list, unfiltered: apply ``choice_filter`` against ``extra``), else null.
``children`` is a list for ``begin group`` / ``begin repeat``, else null; the
matching ``end`` rows are implied by the nesting.
"""

from __future__ import annotations

from typing import Any

from saylau.observation.core.xlsform.model import Form, Question, Texts, language_code


def _texts(texts: Texts) -> dict[str, str]:
    return {language_code(lang) if lang else "": text for lang, text in texts}


def _question(form: Form, q: Question) -> dict[str, Any]:
    choices = None
    if q.list_name:
        choices = [{"name": c.name, "labels": _texts(c.labels), "extra": dict(c.extra)}
                   for c in form.choice_list(q.list_name)]
    return {
        "name": q.name, "type": q.type, "list_name": q.list_name,
        "labels": _texts(q.labels), "hints": _texts(q.hints),
        "required": q.required, "required_message": _texts(q.required_messages),
        "relevant": q.relevant, "constraint": q.constraint,
        "constraint_message": _texts(q.constraint_messages),
        "calculation": q.calculation, "choice_filter": q.choice_filter, "appearance": q.appearance,
        "choices": choices, "children": None,
        "saylau": {"negative": list(q.negative), "incident": q.incident, "metric": q.metric, "sms": q.sms},
    }


def to_json(form: Form) -> dict[str, Any]:
    """The form as a JSON-ready dict (nested questions); see the module docstring."""
    root: list[dict[str, Any]] = []
    stack: list[list[dict[str, Any]]] = [root]
    for q in form.survey:
        if q.type.startswith("end "):
            if len(stack) > 1:
                stack.pop()
            continue
        node = _question(form, q)
        stack[-1].append(node)
        if q.type.startswith("begin "):
            node["children"] = []
            stack.append(node["children"])
    return {
        "id": form.form_id, "version": form.version, "title": form.title,
        "default_language": language_code(form.default_language) if form.default_language else "",
        "languages": [language_code(lang) for lang in form.languages if lang],
        "sms_code": form.sms_code, "questions": root,
    }

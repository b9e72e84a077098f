"""pyxform's survey JSON (``workbook_to_json``) to saylau's :class:`Form`.

The Form is what findings, quality checks, SMS codes, the statement and the
validator read: survey rows in order (groups and repeats as ``begin``/``end``
rows), choices, settings, plus the ``saylau::`` columns taken out of the
workbook before pyxform read it. Types are named canonically (``photo`` and
``image`` are ``image``; ``select one`` is ``select_one``; a select from a file
keeps the file as its list name). pyxform's generated ``meta`` group is left
out (pyxform adds it again on every conversion); what pyxform generates from
the workbook (``or_other``'s ``<name>_other`` question and ``other`` choice) is
kept, as the XForm has it. Columns saylau does not interpret are kept in
``extra`` under their XLSForm column names.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from saylau.observation.core.xlsform.convert import Converted, SaylauColumns, XLSFormError
from saylau.observation.core.xlsform.model import SAYLAU_COLUMNS, Choice, Form, Question, Texts

_STRUCTURE = {"group": "begin group", "repeat": "begin repeat", "loop": "begin group"}
_ALIASES = {
    "select one": "select_one", "select all that apply": "select_multiple",
    "select one external": "select_one_external", "int": "integer", "string": "text",
    "datetime": "dateTime", "date time": "dateTime", "photo": "image", "picture": "image",
    "gps": "geopoint", "location": "geopoint", "start time": "start", "end time": "end",
    "device id": "deviceid", "imei": "deviceid", "sim id": "simserial",
    "subscriber id": "subscriberid", "phone number": "phonenumber", "select": "select_multiple",
    "select1": "select_one", "select one using": "select_one", "select multiple using": "select_multiple",
    "select all that apply from": "select_multiple", "select multiple from": "select_multiple",
    "date time prompt": "dateTime",
}
_FILE_SUFFIXES = (".csv", ".xml", ".geojson")
_BIND_KNOWN = {"relevant", "constraint", "required", "calculate", "jr:constraintMsg", "jr:requiredMsg"}
_SETTINGS_SKIP = {"type", "name", "children", "choices", "id_string", "title", "version",
                  "default_language", "sms_keyword", "entity_features"}


def canonical_type(pyxform_type: str) -> str:
    """``"photo"`` -> ``"image"``, ``"uri:deviceid"`` -> ``"deviceid"``, ``"select one"`` -> ``"select_one"``."""
    text = " ".join(pyxform_type.split())
    for prefix in ("uri:", "odk:", "q ", "add ", "get "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    if text.endswith(" prompt"):
        text = text[: -len(" prompt")]
    return _ALIASES.get(text, _ALIASES.get(text.lower(), text))


def _texts(value: Any) -> Texts:
    if value in (None, ""):
        return ()
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), str(v)) for k, v in value.items() if v not in (None, "")))
    return (("", str(value)),)


def _flat(value: Any) -> str:
    if isinstance(value, Mapping):
        return " ".join(f"{k}={v}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def _extra(node: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """The columns saylau keeps but does not interpret, under their XLSForm names."""
    out: dict[str, str] = {}
    for key in ("default", "trigger", "query"):
        if node.get(key) not in (None, ""):
            out[key] = _flat(node[key])
    if node.get("parameters"):
        out["parameters"] = _flat(node["parameters"])
    control = node.get("control") or {}
    if control.get("jr:count") not in (None, ""):
        out["repeat_count"] = str(control["jr:count"])
    for key, value in control.items():
        if key not in ("appearance", "jr:count", "bodyless") and value not in (None, ""):
            out[f"body::{key}"] = _flat(value)
    for key, value in (node.get("bind") or {}).items():
        if key not in _BIND_KNOWN and value not in (None, ""):
            out["readonly" if key == "readonly" else f"bind::{key}"] = _flat(value)
    for key, value in (node.get("instance") or {}).items():
        out[f"instance::{key}"] = _flat(value)
    for kind, value in (node.get("media") or {}).items():
        for lang, text in _texts(value):
            out[f"media::{kind}" + (f"::{lang}" if lang else "")] = text
    for lang, text in _texts(node.get("guidance_hint")):
        out["guidance_hint" + (f"::{lang}" if lang else "")] = text
    return tuple(sorted(out.items()))


def _saylau(cells: Mapping[str, str]) -> dict[str, str]:
    return {c: cells.get(c, "") for c in SAYLAU_COLUMNS}


def _question(node: Mapping[str, Any], qtype: str, saylau: SaylauColumns) -> Question:
    bind = node.get("bind") or {}
    control = node.get("control") or {}
    name = str(node.get("name", ""))
    cells = _saylau(saylau.survey.get(name, {}))
    list_name = str(node.get("list_name") or node.get("itemset") or "")
    return Question(
        type=qtype, name=name, list_name=list_name,
        labels=_texts(node.get("label")), hints=_texts(node.get("hint")),
        required=_flat(bind.get("required", "")), required_messages=_texts(bind.get("jr:requiredMsg")),
        relevant=_flat(bind.get("relevant", "")), constraint=_flat(bind.get("constraint", "")),
        constraint_messages=_texts(bind.get("jr:constraintMsg")),
        calculation=_flat(bind.get("calculate", "")), choice_filter=_flat(node.get("choice_filter", "")),
        appearance=_flat(control.get("appearance", "")),
        negative=tuple(cells["saylau::negative"].split()), incident=cells["saylau::incident"],
        metric=cells["saylau::metric"], sms=cells["saylau::sms"].upper(),
        extra=_extra(node), row=saylau.rows.get(name, 0),
    )


def _rows(children: list[Mapping[str, Any]], saylau: SaylauColumns, top: bool) -> Iterator[Question]:
    for node in children:
        kind = str(node.get("type", ""))
        if top and node.get("name") == "meta" and kind == "group":
            continue  # pyxform's generated metadata (instanceID...), made again on each conversion
        if kind in _STRUCTURE:
            begin = _STRUCTURE[kind]
            yield _question(node, begin, saylau)
            yield from _rows(list(node.get("children") or []), saylau, False)
            yield Question(type=begin.replace("begin", "end"), name="")
        else:
            yield _question(node, canonical_type(kind), saylau)


def _choices(survey: Mapping[str, Any], saylau: SaylauColumns) -> tuple[Choice, ...]:
    out = []
    for list_name, items in (survey.get("choices") or {}).items():
        for item in items:
            name = str(item.get("name", ""))
            extra = {k: _flat(v) for k, v in item.items()
                     if k not in ("name", "label", "media") and v not in (None, "")}
            for kind, value in (item.get("media") or {}).items():
                for lang, text in _texts(value):
                    extra[f"media::{kind}" + (f"::{lang}" if lang else "")] = text
            extra.update(saylau.choices.get((list_name, name), {}))
            out.append(Choice(list_name, name, _texts(item.get("label")), tuple(sorted(extra.items())),
                              saylau.choice_rows.get((list_name, name), 0)))
    return tuple(out)


def _settings(survey: Mapping[str, Any], saylau: SaylauColumns) -> tuple[tuple[str, str], ...]:
    pairs = {k: _flat(v) for k, v in survey.items()
             if k not in _SETTINGS_SKIP and not isinstance(v, Mapping | list) and v not in (None, "")}
    if survey.get("name") not in (None, "", "data"):
        pairs["name"] = str(survey["name"])
    pairs.update(saylau.settings)
    return tuple(sorted(pairs.items()))


def _check_saylau(form: Form) -> None:
    """The saylau:: cells must fit the form: negative answers are choices of the question's list."""
    for q in form.survey:
        choices = {c.name for c in form.choice_list(q.list_name)} if q.list_name else set()
        for value in q.negative:
            if q.list_name and choices and value not in choices:
                raise XLSFormError("survey", q.row, "saylau::negative",
                                   f"'{value}' is not a choice of list '{q.list_name}'")


def form_from_survey(converted: Converted) -> Form:
    """The saylau Form of a converted workbook (see the module docstring)."""
    survey, saylau = converted.survey, converted.saylau
    language = str(survey.get("default_language") or "")
    form = Form(
        form_id=str(survey.get("id_string") or survey.get("name") or "data"),
        title=str(survey.get("title") or ""),
        version=str(survey.get("version") or ""),
        default_language="" if language == "default" else language,
        survey=tuple(_rows(list(survey.get("children") or []), saylau, True)),
        choices=_choices(survey, saylau),
        settings_extra=_settings(survey, saylau),
        root=str(survey.get("name") or "data"),
        xform=converted.xform,
        warnings=converted.warnings,
    )
    _check_saylau(form)
    return form

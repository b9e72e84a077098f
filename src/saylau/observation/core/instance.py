"""XForm instance XML, as ODK Collect and Enketo submit it, to an answers dict.

Groups are flattened (their children's answers sit at the top level, as
:func:`saylau.observation.core.validate.validate_answers` expects); each repeat
becomes a list of dicts; empty elements (unanswered questions) are left out;
the ``meta`` children saylau keeps (instanceID, deprecatedID, instanceName,
audit: :data:`saylau.observation.core.validate.META_NAMES`) are answers too,
the others (a client's own bookkeeping) are left out; :func:`instance_meta`
reads the whole ``meta`` block. Elements that are not in the form are kept, so
that validation reports them. Documents with a DOCTYPE are refused (no entities).
The answers shape is the JSON API's (docs/forms.md, "The answers").
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from saylau.observation.core.validate import META_NAMES
from saylau.observation.core.xlsform import Form


class InstanceError(ValueError):
    """An instance that is not well-formed XML or not for this form."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_instance(xml_bytes: bytes | ET.Element) -> ET.Element:
    """The instance's root element (an element is taken as it is: a caller that
    reads several things of one instance parses it once)."""
    if isinstance(xml_bytes, ET.Element):
        return xml_bytes
    head = xml_bytes[:2048].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in xml_bytes.upper():
        raise InstanceError("instance XML must not contain a DOCTYPE or entities")
    try:
        return ET.fromstring(xml_bytes)
    except ET.ParseError as exc:
        raise InstanceError(f"instance XML is not well-formed: {exc}") from None


def _structure(form: Form) -> tuple[set[str], set[str]]:
    groups = {q.name for q in form.survey if q.type == "begin group"}
    repeats = {q.name for q in form.survey if q.type == "begin repeat"}
    return groups, repeats


def _read(element: ET.Element, groups: set[str], repeats: set[str], out: dict[str, Any]) -> None:
    for child in element:
        name = _local(child.tag)
        if name == "meta":
            out.update({_local(m.tag): (m.text or "").strip() for m in child
                        if _local(m.tag) in META_NAMES and (m.text or "").strip()})
            continue
        if name in repeats:
            entry: dict[str, Any] = {}
            _read(child, groups, repeats, entry)
            out.setdefault(name, []).append(entry)
        elif name in groups:
            _read(child, groups, repeats, out)
        elif len(child):
            nested: dict[str, Any] = {}
            _read(child, groups, repeats, nested)
            out[name] = nested
        else:
            text = (child.text or "").strip()
            if text:
                out[name] = text


def instance_to_answers(xml_bytes: bytes | ET.Element, form: Form) -> dict[str, Any]:
    """Answers of an instance document of ``form``; raises InstanceError if the
    root element is neither named after the form id nor carries ``id="<form id>"``."""
    root = parse_instance(xml_bytes)
    if root.get("id") != form.form_id and _local(root.tag) != form.form_id:
        raise InstanceError(f"instance is for form {root.get('id') or _local(root.tag)!r}, "
                            f"not {form.form_id!r}")
    groups, repeats = _structure(form)
    out: dict[str, Any] = {}
    _read(root, groups, repeats, out)
    return out


def instance_meta(xml_bytes: bytes | ET.Element) -> dict[str, str]:
    """The ``meta`` block (e.g. ``{"instanceID": "uuid:..."}``) and the root's
    ``id`` and ``version`` attributes as ``form_id`` and ``form_version``."""
    root = parse_instance(xml_bytes)
    meta: dict[str, str] = {"form_id": root.get("id", _local(root.tag))}
    if root.get("version"):
        meta["form_version"] = root.get("version", "")
    for child in root:
        if _local(child.tag) == "meta":
            meta.update({_local(m.tag): (m.text or "").strip() for m in child})
    return meta


def first_text(root: ET.Element, name: str) -> str:
    """The text of the first element named ``name`` anywhere in the instance ("" if none)."""
    for element in root.iter():
        if _local(element.tag) == name:
            return (element.text or "").strip()
    return ""

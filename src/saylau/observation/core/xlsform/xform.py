"""What the validator needs from an XForm document (as pyxform wrote it).

:func:`xform_model` reads the binds (nodeset -> relevant, constraint,
required, calculate, type...), the body's itemsets (the select's ref -> the
nodeset with its choice_filter predicate and the value ref), the inline
secondary instances (choice lists) and the external ones (``src`` of
select_one_from_file and pulldata CSV files), with namespaces dropped from the
instance elements. :func:`check_expressions` parses every expression once so
that a form whose logic the XPath engine cannot read is refused at import.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from saylau.observation.core.xlsform.xpath import XPathError, compile_xpath

XF = "{http://www.w3.org/2002/xforms}"
H = "{http://www.w3.org/1999/xhtml}"
JR = "{http://openrosa.org/javarosa}"
EXPRESSION_ATTRIBUTES = ("relevant", "constraint", "required", "calculate", "readonly")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _plain(element: ET.Element) -> ET.Element:
    """A copy of ``element`` without namespaces (instance paths are unprefixed)."""
    out = ET.Element(_local(element.tag), {_local(k): v for k, v in element.attrib.items()})
    out.text = element.text
    for child in element:
        out.append(_plain(child))
    return out


@dataclass(frozen=True)
class Itemset:
    """A select's choices: ``nodeset`` (``instance('x')/root/item[...]``), ``value`` ref."""

    nodeset: str
    value: str = "name"


@dataclass
class XFormModel:
    root: str
    binds: dict[str, dict[str, str]] = field(default_factory=dict)
    itemsets: dict[str, Itemset] = field(default_factory=dict)
    instances: dict[str, ET.Element] = field(default_factory=dict)
    external: dict[str, str] = field(default_factory=dict)
    primary: ET.Element | None = None
    counts: dict[str, str] = field(default_factory=dict)  # repeat nodeset -> jr:count expression


def xform_model(xml: str) -> XFormModel:
    """Parse the XForm XML (pyxform's output: trusted, no DTD)."""
    document = ET.fromstring(xml)  # noqa: S314 - our own pyxform output, stored at import
    model = document.find(f"{H}head/{XF}model")
    if model is None:
        raise ValueError("not an XForm: no h:head/model")
    primary_instance = next((i for i in model.findall(f"{XF}instance") if not i.get("id")), None)
    primary = _plain(next(iter(primary_instance))) if primary_instance is not None and len(primary_instance) else None
    out = XFormModel(root=primary.tag if primary is not None else "data", primary=primary)
    for instance in model.findall(f"{XF}instance"):
        name = instance.get("id")
        if not name:
            continue
        if instance.get("src"):
            out.external[name] = instance.get("src", "")
        elif len(instance):
            out.instances[name] = _plain(next(iter(instance)))
    for bind in model.iter(f"{XF}bind"):
        nodeset = " ".join(bind.get("nodeset", "").split())
        out.binds[nodeset] = {_local(k): v for k, v in bind.attrib.items() if k != "nodeset"}
    body = document.find(f"{H}body")
    if body is not None:
        for control in body.iter():
            if control.tag == f"{XF}repeat" and control.get(f"{JR}count"):
                out.counts[" ".join(control.get("nodeset", "").split())] = control.get(f"{JR}count", "")
            itemset = control.find(f"{XF}itemset")
            ref = control.get("ref")
            if itemset is not None and ref:
                value = itemset.find(f"{XF}value")
                out.itemsets[" ".join(ref.split())] = Itemset(
                    itemset.get("nodeset", ""), value.get("ref", "name") if value is not None else "name")
    return out


@dataclass(frozen=True)
class ExpressionProblem:
    path: str
    attribute: str
    reason: str


def check_expressions(model: XFormModel) -> list[ExpressionProblem]:
    """Every bind expression and itemset nodeset the XPath engine cannot parse."""
    problems = []
    for path, attributes in model.binds.items():
        for attribute in EXPRESSION_ATTRIBUTES:
            text = attributes.get(attribute, "")
            if not text or text in ("true()", "false()"):
                continue
            try:
                compile_xpath(text)
            except XPathError as error:
                problems.append(ExpressionProblem(path, attribute, error.reason))
    for path, text in model.counts.items():
        try:
            compile_xpath(text)
        except XPathError as error:
            problems.append(ExpressionProblem(path, "repeat_count", error.reason))
    for path, itemset in model.itemsets.items():
        try:
            compile_xpath(itemset.nodeset)
        except XPathError as error:
            problems.append(ExpressionProblem(path, "choice_filter", error.reason))
    return problems

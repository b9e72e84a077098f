"""What validation needs of a form, made once per form: its questions as a tree with
their XForm binds compiled (relevant, constraint, required, calculate, the itemset
with its choice filter, repeat_count), the choice labels for jr:choice-name, and the
external instances from media files."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from saylau.observation.core.xlsform import Form, Question
from saylau.observation.core.xlsform.write import to_xform
from saylau.observation.core.xlsform.xform import XFormModel, xform_model
from saylau.observation.core.xlsform.xpath import Compiled, compile_xpath

# ---- the plan: the form's tree with its binds, made once per form -----------------

#: children of the XForm ``meta`` group a client may send as answers
META_NAMES = ("instanceID", "deprecatedID", "instanceName", "audit", "entity")
ALWAYS = ("yes", "true", "true()")
NEVER = ("", "no", "false", "false()")


@dataclass
class Node:
    question: Question
    path: str
    children: list[Node] = field(default_factory=list)
    relevant: Compiled | None = None
    constraint: Compiled | None = None
    required: Compiled | None = None
    calculate: Compiled | None = None
    itemset: Compiled | None = None
    itemset_value: str = "name"
    count: Compiled | None = None  # a repeat's repeat_count
    choices: frozenset[str] | None = None
    names: frozenset[str] = frozenset()  # the answer keys this level takes (groups flattened)


@dataclass
class Plan:
    model: XFormModel
    nodes: list[Node]
    names: frozenset[str]
    all_names: frozenset[str]
    calculated: bool = False
    labels: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    #: (expression, the texts it reads) -> its value, for expressions whose value is a
    #: function of those texts (:func:`.xlsform.xpath_reads.reads`); see ``validate._Run.value``
    memo: dict[tuple[str, tuple[str, ...]], Any] = field(default_factory=dict)


def compiled_or_none(text: str | None) -> Compiled | None:
    return compile_xpath(text) if text and text.strip() else None


def level_names(nodes: list[Node]) -> frozenset[str]:
    out: set[str] = set()
    for n in nodes:
        if n.question.type == "begin group":
            out |= level_names(n.children)
        else:
            out.add(n.question.name)
    return frozenset(out)


def build_nodes(form: Form, model: XFormModel) -> list[Node]:
    root: list[list[Node]] = [[]]
    stack: list[Node] = []
    for q in form.survey:
        if q.type.startswith("end "):
            node = stack.pop()
            node.names = level_names(node.children)
            root.pop()
            continue
        parent = stack[-1].path if stack else f"/{model.root}"
        node = Node(q, f"{parent}/{q.name}")
        bind = model.binds.get(node.path, {})
        node.relevant = compiled_or_none(bind.get("relevant"))
        node.constraint = compiled_or_none(bind.get("constraint"))
        node.calculate = compiled_or_none(bind.get("calculate"))
        required = bind.get("required", "")
        node.required = compiled_or_none(required) if q.required.strip().lower() not in ALWAYS + NEVER else None
        node.count = compiled_or_none(model.counts.get(node.path))
        itemset = model.itemsets.get(node.path)
        if q.list_name:
            names = frozenset(c.name for c in form.choice_list(q.list_name))
            node.choices = names or None
            if itemset is not None and ("[" in itemset.nodeset or not names):
                node.itemset, node.itemset_value = compile_xpath(itemset.nodeset), itemset.value
        root[-1].append(node)
        if q.type.startswith("begin "):
            stack.append(node)
            root.append(node.children)
    return root[0]


def plan_of(form: Form) -> Plan:
    plan = form.__dict__.get("_validation_plan")
    if plan is None:
        model = xform_model(form.xform or to_xform(form))
        nodes = build_nodes(form, model)
        names = level_names(nodes)
        plan = Plan(model, nodes, names, frozenset(q.name for q in form.survey if q.name),
                     calculated=any(b.get("calculate") for b in model.binds.values()))
        object.__setattr__(form, "_validation_plan", plan)
    return plan


def choice_labels(form: Form, plan: Plan, lang: str) -> dict[str, dict[str, str]]:
    """question name -> {choice -> label in ``lang``}, for jr:choice-name."""
    if lang not in plan.labels:
        plan.labels[lang] = {q.name: {c.name: c.label(lang) for c in form.choice_list(q.list_name)}
                             for q in form.survey if q.list_name}
    return plan.labels[lang]


def csv_instance(data: bytes) -> ET.Element:
    root = ET.Element("root")
    for row in csv.DictReader(io.StringIO(data.decode("utf-8-sig"))):
        item = ET.SubElement(root, "item")
        for key, value in row.items():
            if key:
                ET.SubElement(item, key.strip()).text = value or ""
    return root


def external_instances(plan: Plan, media: Mapping[str, bytes]) -> dict[str, ET.Element]:
    """The form's external instances (select_one_from_file, pulldata) from its media files."""
    out = {}
    for name, src in plan.model.external.items():
        filename = src.rsplit("/", 1)[-1]
        data = media.get(filename)
        if data is None:
            continue
        if filename.lower().endswith(".csv"):
            out[name] = csv_instance(data)
        elif b"<!DOCTYPE" not in data[:4096].upper() and b"<!ENTITY" not in data.upper():
            try:
                out[name] = ET.fromstring(data)  # noqa: S314 - no DTD, no entities (checked above)
            except ET.ParseError:
                continue
    return out

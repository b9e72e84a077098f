"""Check one submission's answers against its form and return typed answers.

``validate_answers(form, answers, lang)`` builds the XForm instance the answers
stand for and evaluates the form's XForm binds on it with saylau's ODK XPath
engine (:mod:`saylau.observation.core.xlsform.xpath`): relevance (inherited
from groups and repeats), calculations, required and constraints, and the
choices a select offers (its itemset, with the choice_filter). It returns
either every cleaned answer or every error, never part of them.

Decisions (see docs/forms.md):

* The answers shape: question name -> value as the instance holds it; groups
  flattened; a repeat -> a list of dicts; ``meta`` children (instanceID,
  instanceName...) as answers too.
* Answers to questions that are not relevant are **dropped**, as ODK does when
  it saves a form, and listed in ``ValidationResult.dropped``; values given for
  notes are dropped the same way.
* ``calculate`` rows are recomputed and a submitted value is replaced, except
  a calculation that reads the clock or chance (now, today, random, uuid,
  once, pulldata): the value the device computed is kept when sent.
* Constraints are not checked on empty answers (ODK does the same), nor when
  they read an answer that already has an error (one mistake, one message);
  required applies only when the question (and its groups) are relevant.
* Cleaned types: integer -> int, decimal -> float, text and select_one -> str,
  select_multiple and rank -> space-separated str, date and today ->
  datetime.date, time -> datetime.time, dateTime, start and end ->
  datetime.datetime, geopoint -> tuple of floats, range -> int or float,
  calculate -> its XPath value as str, every other type -> str. A repeat is a
  list of dicts. Keys that are not questions of the form are errors.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from saylau.observation.core.answers import MESSAGES, is_empty, message, parse_answer
from saylau.observation.core.validation_plan import (
    ALWAYS,
    META_NAMES,
    NEVER,
    Node,
    Plan,
    choice_labels,
    external_instances,
    plan_of,
)
from saylau.observation.core.xlsform import Form
from saylau.observation.core.xlsform.xpath import (
    Compiled,
    Env,
    XPathError,
    evaluate,
    is_nodes,
    node_string,
    node_tree,
    to_bool,
    to_number,
    to_string,
)

__all__ = ["MESSAGES", "META_NAMES", "FieldError", "ValidationResult", "message", "validate_answers"]


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


# ---- one submission ------------------------------------------------------------------

_MISSING = object()
#: expression values kept per form before the memo starts again
MEMO_LIMIT = 100_000

@dataclass(eq=False)
class _Record:
    """One element of the instance (``kind`` value, group or entry of a repeat), or a
    repeat as a whole (``kind`` repeat, no element of its own)."""

    kind: str
    node: Node
    element: ET.Element | None
    label: str  # the field as errors name it: ``name`` or ``repeat[2].name``
    raw: Any = None
    parent: _Record | None = None
    cleaned: Any = None
    failed: bool = False
    relevant: bool = True


class _Run:
    def __init__(self, form: Form, plan: Plan, lang: str, media: Mapping[str, bytes] | None,
                 now: dt.datetime | None) -> None:
        self.form, self.plan, self.lang = form, plan, lang
        self.errors: list[FieldError] = []
        self.records: list[_Record] = []
        self.failed: set[str] = set()
        instances = dict(plan.model.instances)
        if plan.model.external and media:
            instances.update(external_instances(plan, media))
        self.env = Env(instances=instances, labels=choice_labels(form, plan, lang), media=media or {},
                       now=now, version=form.version)
        self.root = ET.Element(plan.model.root)
        self.document: Any = None
        self.node_of: Mapping[ET.Element, Any] = {}
        self.by_path: dict[str, ET.Element] = {}  # absolute path -> element, outside repeats

    def error(self, label: str, code: str, text: str | None = None, **values: Any) -> None:
        self.failed.add(label.rsplit(".", 1)[-1])
        self.errors.append(FieldError(label, code, text or message(code, self.lang, **values)))

    # -- building the instance --
    def fill(self, nodes: list[Node], raw: Mapping[str, Any], parent: ET.Element,
             owner: _Record | None, prefix: str) -> None:
        for node in nodes:
            q = node.question
            value = raw.get(q.name)
            if q.type == "begin repeat":
                self.repeat(node, value, parent, owner, prefix)
                continue
            element = ET.SubElement(parent, q.name)
            kind = "group" if q.type == "begin group" else "value"
            if not prefix:
                self.by_path[node.path] = element
            record = _Record(kind, node, element, prefix + q.name, value, owner)
            self.records.append(record)
            if kind == "group":
                self.fill(node.children, raw, element, record, prefix)
            elif q.is_value and not is_empty(value):
                try:
                    record.cleaned, seen = parse_answer(self.form, q, value)
                except ValueError as exc:
                    record.failed = True
                    self.error(record.label, str(exc), value=to_string(value))
                    continue
                element.text = to_string(seen)

    def repeat(self, node: Node, value: Any, parent: ET.Element, owner: _Record | None, prefix: str) -> None:
        name = node.question.name
        items = [] if is_empty(value) else value
        record = _Record("repeat", node, None, prefix + name, items, owner)
        self.records.append(record)
        if not isinstance(items, list | tuple) or not all(isinstance(r, Mapping) for r in items):
            record.failed = True
            self.error(record.label, "repeat")
            return
        for i, item in enumerate(items, start=1):
            element = ET.SubElement(parent, name)
            entry = _Record("entry", node, element, f"{prefix}{name}[{i}]", item, record)
            self.records.append(entry)
            self.fill(node.children, item, element, entry, f"{prefix}{name}[{i}].")
            for key in sorted(set(item) - node.names):
                self.error(f"{prefix}{name}[{i}].{key}", "unknown", form=self.form.form_id)

    # -- evaluating --
    def value(self, compiled: Compiled, element: ET.Element) -> Any:
        """The expression's value for ``element``; kept per form for the texts it
        reads when it reads nothing else (so most binds of a checklist are
        evaluated once per combination of answers, and the instance is put in
        elementpath's tree only when one is not kept)."""
        key = self.memo_key(compiled, element)
        if key is not None:
            kept = self.plan.memo.get(key, _MISSING)
            if kept is not _MISSING:
                return kept
        result = self.evaluate(compiled, element)
        if key is not None and not is_nodes(result):
            if len(self.plan.memo) >= MEMO_LIMIT:
                self.plan.memo.clear()
            self.plan.memo[key] = result
        return result

    def memo_key(self, compiled: Compiled, element: ET.Element | None) -> tuple[str, tuple[str, ...]] | None:
        if compiled.reads is None:
            return None
        texts = []
        for path in compiled.reads:
            target = element if path == "." else self.by_path.get(path)
            if target is None or len(target):
                return None  # inside a repeat, a group's value, or no such element: evaluate it
            texts.append(target.text or "")
        return compiled.text, tuple(texts)

    def evaluate(self, compiled: Compiled, element: ET.Element) -> Any:
        if self.document is None:
            self.document, self.node_of = node_tree(self.root)
        node = self.node_of.get(element)
        self.env.current = node  # current(): the node the expression is for
        return evaluate(compiled, self.document, node, self.env)

    def settle(self) -> None:
        """Calculations and relevance; once more when a calculation may read a later
        answer or an answer was blanked for not being relevant (it may change the rest)."""
        for _ in range(2):
            if self.plan.calculated:
                self.calculate()
            if not self.relevance() and not self.plan.calculated:
                return

    def calculate(self) -> None:
        for r in self.records:
            c = r.node.calculate
            if c is None or r.kind != "value" or r.element is None:
                continue
            if not r.relevant:
                r.element.text = None
                continue
            if c.volatile and not is_empty(r.raw) and not r.failed:
                continue
            result = self.value(c, r.element)
            if is_nodes(result):
                result = node_string(result[0]) if result else ""
            r.element.text = to_string(result)

    def relevance(self) -> bool:
        """Relevance of every record; True when an answer was blanked for not being relevant."""
        blanked = False
        for r in self.records:
            inherited = r.parent.relevant if r.parent is not None else True
            if r.kind == "repeat":
                r.relevant = inherited and (r.node.relevant is None or not r.raw or any(
                    e.relevant for e in self.records if e.parent is r))
                continue
            r.relevant = inherited and (r.node.relevant is None
                                        or to_bool(self.value(r.node.relevant, r.element)))
            if not r.relevant and r.element is not None:
                for element in r.element.iter():
                    if len(element) == 0 and element.text:
                        element.text = None
                        blanked = True
        return blanked

    # -- checking --
    def check(self, r: _Record) -> None:
        q, node = r.node.question, r.node
        text = (r.element.text or "") if r.element is not None else ""
        if text == "":
            if self.required(r):
                self.error(r.label, "required", q.required_message(self.lang) or None)
            return
        if q.list_name and not self.choices_ok(r, text):
            return
        if node.constraint is not None and not self.reads_failed(q.constraint) \
                and not to_bool(self.value(node.constraint, r.element)):
            self.error(r.label, "constraint", q.constraint_message(self.lang) or None)

    def check_count(self, r: _Record) -> None:
        """A repeat with repeat_count has exactly that many entries (as ODK makes them)."""
        context = r.parent.element if r.parent is not None and r.parent.element is not None else self.root
        expected = to_number(self.value(r.node.count, context))
        got = sum(1 for e in self.records if e.parent is r)
        if expected == expected and int(expected) != got:
            self.error(r.label, "repeat_count", expected=int(expected), got=got)

    def required(self, r: _Record) -> bool:
        text = r.node.question.required.strip().lower()
        if text in NEVER:
            return False
        if r.node.required is None:
            return text in ALWAYS
        return to_bool(self.value(r.node.required, r.element))

    def reads_failed(self, expression: str) -> bool:
        return any(f"${{{name}}}" in expression or f"/{name}" in expression for name in self.failed)

    def choices_ok(self, r: _Record, text: str) -> bool:
        node = r.node
        names: frozenset[str] | set[str] | None = node.choices
        if node.itemset is not None and self.reads_failed(node.question.choice_filter):
            return True  # filtered by an answer that has an error already: one mistake, one message
        if node.itemset is not None:
            try:
                items = self.value(node.itemset, r.element)
            except XPathError:
                items = None  # an external list without its media file: not checked
            if is_nodes(items):
                names = {node_string(v) for v in (_child(item, node.itemset_value) for item in items)
                         if v is not None}
            elif node.choices is None:
                return True
        if names is None:
            return True
        for value in text.split() or [text]:
            if value not in names:
                listed = list(dict.fromkeys(c.name for c in self.form.choice_list(node.question.list_name)
                                            if c.name in names))
                self.error(r.label, "choice", value=value, choices=" ".join(listed or sorted(names)))
                return False
        return True


def _child(item: Any, name: str) -> Any:
    for child in item:
        if getattr(child, "name", None) == name:
            return child
    return None


def _is_checked(r: _Record) -> bool:
    q = r.node.question
    return r.kind == "value" and r.relevant and not r.failed and q.is_value and q.type != "calculate"


def _output(run: _Run) -> tuple[dict[str, Any], list[str]]:
    """The cleaned answers of relevant questions, and the fields dropped for not being relevant."""
    out: dict[str, Any] = {}
    dropped: list[str] = []
    where: dict[int, dict[str, Any]] = {}
    for r in run.records:
        q = r.node.question
        parent_relevant = r.parent is None or r.parent.relevant
        target = where.get(id(r.parent), out) if r.parent is not None else out
        if r.kind == "repeat":
            if r.relevant:
                target[q.name] = []
                where[id(r)] = target
            elif r.raw and parent_relevant or r.raw and r.parent is None:
                dropped.append(r.label)
            elif r.raw and not _dropped_above(r, dropped):
                dropped.append(r.label)
            continue
        if r.kind == "entry":
            if r.relevant:
                entry: dict[str, Any] = {}
                target[q.name].append(entry)
                where[id(r)] = entry
            elif r.parent.relevant and r.raw:
                dropped.append(r.label)
            continue
        if r.kind == "group":
            where[id(r)] = target
            continue
        if q.type == "note" or not q.is_value:
            if not is_empty(r.raw):
                dropped.append(r.label)
            continue
        if not r.relevant:
            if not is_empty(r.raw) and not _dropped_above(r, dropped):
                dropped.append(r.label)
            continue
        text = r.element.text or ""
        if q.type == "calculate" or (r.node.calculate is not None and is_empty(r.raw)):
            target[q.name] = text
        elif text != "":
            target[q.name] = r.cleaned
    return out, dropped


def _dropped_above(r: _Record, dropped: list[str]) -> bool:
    parent = r.parent
    while parent is not None:
        if parent.kind in ("repeat", "entry") and parent.label in dropped:
            return True
        parent = parent.parent
    return False


def validate_answers(form: Form, answers: Mapping[str, Any], lang: str = "en", *,
                     media: Mapping[str, bytes] | None = None, now: dt.datetime | None = None) -> ValidationResult:
    """Check ``answers`` (question name -> value; a repeat -> list of dicts) against ``form``.

    Messages are in ``lang`` (the form's constraint_message/required_message
    translation where the form has one). ``media``: the form's attached files
    (CSV for select_one_from_file and pulldata); ``now``: the clock for today()
    and now(). Returns cleaned answers or errors.
    """
    plan = plan_of(form)
    run = _Run(form, plan, lang, media, now)
    run.fill(plan.nodes, answers, run.root, None, "")
    meta = ET.SubElement(run.root, "meta")
    for name in META_NAMES:
        if not is_empty(answers.get(name)):
            ET.SubElement(meta, name).text = to_string(answers[name]).strip()
    for key in answers:
        if key not in plan.names and key not in META_NAMES:
            where = "" if key not in plan.all_names else " (belongs inside a repeat)"
            run.error(key, "unknown", message("unknown", lang, form=form.form_id) + where)
    try:
        run.settle()
        for r in run.records:
            if _is_checked(r):
                run.check(r)
            elif r.kind == "repeat" and r.relevant and r.node.count is not None and not r.failed:
                run.check_count(r)
    except XPathError as error:
        run.error(error.expression, "expression", reason=error.reason)
    if run.errors:
        order = {r.label: i for i, r in enumerate(run.records)}
        errors = sorted(run.errors, key=lambda e: order.get(e.field, len(order)))
        return ValidationResult(None, tuple(errors), ())
    out, dropped = _output(run)
    for name in META_NAMES:
        if not is_empty(answers.get(name)):
            out[name] = to_string(answers[name]).strip()
    return ValidationResult(out, (), tuple(dropped))

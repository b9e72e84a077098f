"""Values of ODK XPath: XPath 1.0 conversions and comparisons on untyped instance text,
dates as days since 1970-01-01 (the ODK XForms specification), the evaluation environment."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree as ET

import elementpath
from elementpath import XPathContext
from elementpath.xpath_nodes import XPathNode

JR = "http://openrosa.org/javarosa"
ODK_NS = "http://www.opendatakit.org/xforms"
ORX = "http://openrosa.org/xforms"
NAMESPACES = {"jr": JR, "odk": ODK_NS, "orx": ORX}
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
NUMBER = re.compile(r"^\s*-?(\d+(\.\d*)?|\.\d+)\s*$")
DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d")
TIME = re.compile(r"^(\d\d):(\d\d)(?::(\d\d(?:\.\d+)?))?(Z|[+-]\d\d:?\d\d)?$")
CURLY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
#: functions whose value changes from one evaluation to the next (or keeps the first one)
VOLATILE = ("now(", "today(", "random(", "randomize(", "uuid(", "once(", "pulldata(")


class XPathError(ValueError):
    """An expression that does not parse, or fails when evaluated: ``expression``, ``reason``."""

    def __init__(self, expression: str, reason: str) -> None:
        super().__init__(f"{reason} in {expression!r}")
        self.expression, self.reason = expression, reason


@dataclass
class Env:
    """What an evaluation sees besides the instance.

    ``instances``: secondary instance id -> root element (``<root><item>...``);
    ``current``: the node ``current()`` returns (the node the expression is for);
    ``labels``: question name -> {choice name -> label}, for ``jr:choice-name``;
    ``media``: file name -> bytes (CSV for ``pulldata``); ``now``: the clock;
    ``version``: the form version."""

    instances: Mapping[str, ET.Element] = field(default_factory=dict)
    current: Any = None
    labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    media: Mapping[str, bytes] = field(default_factory=dict)
    now: dt.datetime | None = None
    version: str = ""
    _docs: dict[str, Any] = field(default_factory=dict, repr=False)
    _csv: dict[str, list[dict[str, str]]] = field(default_factory=dict, repr=False)

    def clock(self) -> dt.datetime:
        return self.now or dt.datetime.now().astimezone()

    def document(self, name: str) -> Any:
        if name not in self._docs:
            root = self.instances.get(name)
            if root is None:
                return None
            self._docs[name] = elementpath.get_node_tree(ET.ElementTree(root))
        return self._docs[name]

    def csv_rows(self, name: str) -> list[dict[str, str]]:
        if name not in self._csv:
            data = self.media.get(name) or self.media.get(f"{name}.csv")
            text = data.decode("utf-8-sig") if data else ""
            self._csv[name] = list(csv.DictReader(io.StringIO(text))) if text else []
        return self._csv[name]


class Context(XPathContext):
    """An XPath context that carries the ODK :class:`Env` (copied with the context)."""

    env: Env


# ---- values ------------------------------------------------------------------

def is_nodes(v: Any) -> bool:
    return isinstance(v, list)


def node_string(node: Any) -> str:
    if isinstance(node, XPathNode):
        return node.string_value
    return to_string(node)


def to_string(v: Any) -> str:
    """XPath string(): the first node's text for a node-set; numbers without ``.0``."""
    if isinstance(v, list):
        return node_string(v[0]) if v else ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float) or type(v).__name__ == "Decimal":
        x = float(v)
        if math.isnan(x):
            return "NaN"
        if math.isinf(x):
            return "Infinity" if x > 0 else "-Infinity"
        if x.is_integer() and abs(x) < 1e21:
            return str(int(x))
        return repr(x)
    if isinstance(v, XPathNode):
        return v.string_value
    return "" if v is None else str(v)


def string_to_number(text: str) -> float:
    """number() of a string, as ODK: a number; a date or dateTime in days since 1970-01-01; else NaN."""
    s = text.strip()
    if NUMBER.match(s):
        return float(s)
    if DATE.match(s):
        try:
            return float((dt.date.fromisoformat(s) - dt.date(1970, 1, 1)).days)
        except ValueError:
            return math.nan
    if DATETIME.match(s):
        moment = parse_datetime(s)
        return math.nan if moment is None else (moment - EPOCH).total_seconds() / 86400
    return math.nan


def parse_datetime(s: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(s.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def to_number(v: Any) -> float:
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if isinstance(v, int | float) or type(v).__name__ == "Decimal":
        return float(v)
    return string_to_number(to_string(v))


def to_bool(v: Any) -> bool:
    if isinstance(v, list):
        return bool(v)
    if isinstance(v, bool):
        return v
    if isinstance(v, int | float) or type(v).__name__ == "Decimal":
        x = float(v)
        return x == x and x != 0
    return to_string(v) != ""


def is_number(v: Any) -> bool:
    return not isinstance(v, bool) and (isinstance(v, int | float) or type(v).__name__ == "Decimal")


def strings(v: Any) -> list[str]:
    """Every value an argument holds: each node's text for a node-set, else the one value."""
    return [node_string(n) for n in v] if isinstance(v, list) else [to_string(v)]


_RELATIONAL: dict[str, Callable[[float, float], bool]] = {
    "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}


def _compare_atoms(op: str, a: Any, b: Any) -> bool:
    if op in ("=", "!="):
        if isinstance(a, bool) or isinstance(b, bool):
            same = to_bool(a) == to_bool(b)
        elif is_number(a) or is_number(b):
            same = to_number(a) == to_number(b)
        else:
            same = to_string(a) == to_string(b)
        return same if op == "=" else not same
    x, y = to_number(a), to_number(b)
    return not (math.isnan(x) or math.isnan(y)) and _RELATIONAL[op](x, y)


def compare(op: str, a: Any, b: Any) -> bool:
    """XPath 1.0 comparison (section 3.4), node-sets included."""
    if is_nodes(a) and is_nodes(b):
        right = strings(b)
        return any(_compare_atoms(op, x, y) for x in strings(a) for y in right)
    if is_nodes(a) or is_nodes(b):
        nodes, other, flip = (a, b, False) if is_nodes(a) else (b, a, True)
        if isinstance(other, bool):
            return _compare_atoms(op, *((other, to_bool(nodes)) if flip else (to_bool(nodes), other)))
        for text in strings(nodes):
            value: Any = to_number(text) if is_number(other) else text
            if _compare_atoms(op, *((other, value) if flip else (value, other))):
                return True
        return False
    return _compare_atoms(op, a, b)


def arithmetic(op: str, a: Any, b: Any) -> float:
    x, y = to_number(a), to_number(b)
    if op == "+":
        return x + y
    if op == "-":
        return x - y
    if op == "*":
        return x * y
    if op == "div":
        if y == 0:
            return math.nan if x == 0 or math.isnan(x) else math.copysign(math.inf, x) * math.copysign(1, y)
        return x / y
    if y == 0 or math.isinf(x) or math.isnan(x) or math.isnan(y):
        return math.nan
    return math.fmod(x, y)

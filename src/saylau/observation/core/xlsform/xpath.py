"""ODK XPath: XPath 1.0 (elementpath's parser) with the ODK XForms functions.

The expressions are those of the XForm that pyxform writes (``${name}``
already made into paths). :func:`compile_xpath` parses once (cached);
:func:`evaluate` runs a compiled expression on an instance document with a
context node and an :class:`Env` (secondary instances, ``current()``, the
form's choices for ``jr:choice-name``, media CSV for ``pulldata``, the clock).

Semantics follow the ODK XForms specification
(https://getodk.github.io/xforms-spec/#xpath-functions) where it departs from
XPath 1.0: a date (``YYYY-MM-DD``) or dateTime converts to a number as days
since 1970-01-01, so date arithmetic and ordering work; ``concat``,
``min``, ``max``, ``join`` accept node-sets; ``position(node)`` is the node's
index among its same-named siblings; ``round`` takes digits; ``if`` evaluates
only the branch it takes. Comparisons and arithmetic follow XPath 1.0 exactly
(an empty answer is "" and compares false with ``= < >``, ``NaN`` in
arithmetic), implemented here rather than by elementpath's XPath 2.0-minded
operators. tests/data/xpath-vectors.json holds the cases the browser engine
must agree on.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import io
import math
import random as _random
import re
import secrets
import uuid as _uuid
from collections.abc import Callable, Iterable, Mapping
from copy import copy
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from xml.etree import ElementTree as ET

import elementpath
from elementpath import XPath1Parser, XPathContext
from elementpath.exceptions import ElementPathError
from elementpath.xpath_nodes import ElementNode, XPathNode

JR = "http://openrosa.org/javarosa"
ODK_NS = "http://www.opendatakit.org/xforms"
ORX = "http://openrosa.org/xforms"
NAMESPACES = {"jr": JR, "odk": ODK_NS, "orx": ORX}
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_NUMBER = re.compile(r"^\s*-?(\d+(\.\d*)?|\.\d+)\s*$")
_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d")
_TIME = re.compile(r"^(\d\d):(\d\d)(?::(\d\d(?:\.\d+)?))?(Z|[+-]\d\d:?\d\d)?$")
_CURLY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
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
    if _NUMBER.match(s):
        return float(s)
    if _DATE.match(s):
        try:
            return float((dt.date.fromisoformat(s) - dt.date(1970, 1, 1)).days)
        except ValueError:
            return math.nan
    if _DATETIME.match(s):
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


def _is_number(v: Any) -> bool:
    return not isinstance(v, bool) and (isinstance(v, int | float) or type(v).__name__ == "Decimal")


def _strings(v: Any) -> list[str]:
    """Every value an argument holds: each node's text for a node-set, else the one value."""
    return [node_string(n) for n in v] if isinstance(v, list) else [to_string(v)]


_RELATIONAL: dict[str, Callable[[float, float], bool]] = {
    "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}


def _compare_atoms(op: str, a: Any, b: Any) -> bool:
    if op in ("=", "!="):
        if isinstance(a, bool) or isinstance(b, bool):
            same = to_bool(a) == to_bool(b)
        elif _is_number(a) or _is_number(b):
            same = to_number(a) == to_number(b)
        else:
            same = to_string(a) == to_string(b)
        return same if op == "=" else not same
    x, y = to_number(a), to_number(b)
    return not (math.isnan(x) or math.isnan(y)) and _RELATIONAL[op](x, y)


def compare(op: str, a: Any, b: Any) -> bool:
    """XPath 1.0 comparison (section 3.4), node-sets included."""
    if is_nodes(a) and is_nodes(b):
        right = _strings(b)
        return any(_compare_atoms(op, x, y) for x in _strings(a) for y in right)
    if is_nodes(a) or is_nodes(b):
        nodes, other, flip = (a, b, False) if is_nodes(a) else (b, a, True)
        if isinstance(other, bool):
            return _compare_atoms(op, *((other, to_bool(nodes)) if flip else (to_bool(nodes), other)))
        for text in _strings(nodes):
            value: Any = to_number(text) if _is_number(other) else text
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


# ---- the parser ----------------------------------------------------------------

class ODKParser(XPath1Parser):
    """XPath 1.0 with ODK's functions and XPath 1.0 operators on untyped instance text."""

    symbol_table = dict(XPath1Parser.symbol_table)
    DEFAULT_NAMESPACES = {**XPath1Parser.DEFAULT_NAMESPACES, **NAMESPACES}
    #: a path may continue after a function (``instance('x')/root/item``, ``current()/../a``),
    #: as XPath 1.0's FilterExpr '/' RelativeLocationPath allows
    PATH_STEP_LABELS = (*XPath1Parser.PATH_STEP_LABELS, "function")


def _arg(token: Any, context: Any, index: int) -> Any:
    argument = token[index]
    if argument.symbol in _LITERALS:
        return argument.value
    return argument.evaluate(copy(context))


_LITERALS = frozenset({"(string)", "(integer)", "(float)", "(decimal)"})


def _env(context: Any) -> Env:
    env = getattr(context, "env", None)
    return env if env is not None else Env()


def _override(symbol: str, evaluate: Callable[..., Any], **attributes: Any) -> None:
    base = ODKParser.symbol_table[symbol]
    ODKParser.symbol_table[symbol] = type(f"ODK{base.__name__}", (base,), {"evaluate": evaluate, **attributes})


def _comparison(op: str) -> Callable[..., bool]:
    def evaluate(self: Any, context: Any = None) -> bool:
        return compare(op, _arg(self, context, 0), _arg(self, context, 1))
    return evaluate


def _arith(op: str) -> Callable[..., float]:
    base = XPath1Parser.symbol_table[op].evaluate

    def evaluate(self: Any, context: Any = None) -> Any:
        if op == "*" and len(self) != 2:
            return base(self, context)  # the * name test
        if len(self) == 1:
            x = to_number(_arg(self, context, 0))
            return -x if op == "-" else x
        return arithmetic(op, _arg(self, context, 0), _arg(self, context, 1))
    return evaluate


for _op in ("=", "!=", "<", "<=", ">", ">="):
    _override(_op, _comparison(_op))
for _op in ("+", "-", "*", "div", "mod"):
    _override(_op, _arith(_op))


FUNCTIONS: dict[str, tuple[int, int | None]] = {}


def _function(name: str, low: int, high: int | None, *, raw: bool = False) -> Callable[[Callable[..., Any]], Any]:
    """Register ``name`` (``jr:choice-name`` with its prefix) with ``low``..``high`` arguments.
    The implementation gets the evaluated arguments, or with ``raw=True`` ``(token, context)``."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        prefix, _, local = name.rpartition(":")
        nargs = low if low == high else (low, high)

        if raw:
            def evaluate(self: Any, context: Any = None) -> Any:
                return fn(self, context)
        else:
            def evaluate(self: Any, context: Any = None) -> Any:
                return fn(*(_arg(self, context, i) for i in range(len(self))), env=_env(context))

        if local in ODKParser.symbol_table and not prefix:
            _override(local, evaluate, nargs=nargs)
        else:
            token = ODKParser.function(local, prefix=prefix or None, nargs=nargs)
            token.evaluate = evaluate
        FUNCTIONS[name] = (low, high)
        return fn
    return register


# -- logic, strings --------------------------------------------------------------

@_function("if", 3, 3, raw=True)
def _if(token: Any, context: Any) -> Any:
    return _arg(token, context, 1 if to_bool(_arg(token, context, 0)) else 2)


@_function("coalesce", 2, 2)
def _coalesce(a: Any, b: Any, env: Env) -> str:
    first = to_string(a)
    return first if first != "" else to_string(b)


@_function("selected", 2, 2)
def _selected(values: Any, value: Any, env: Env) -> bool:
    return to_string(value).strip() in to_string(values).split()


@_function("selected-at", 2, 2)
def _selected_at(values: Any, index: Any, env: Env) -> str:
    parts, i = to_string(values).split(), to_number(index)
    return parts[int(i)] if not math.isnan(i) and 0 <= int(i) < len(parts) else ""


@_function("count-selected", 1, 1)
def _count_selected(values: Any, env: Env) -> float:
    return float(len(to_string(values).split()))


@_function("count-non-empty", 1, 1)
def _count_non_empty(values: Any, env: Env) -> float:
    return float(sum(1 for s in _strings(values) if s != ""))


@_function("boolean-from-string", 1, 1)
def _boolean_from_string(value: Any, env: Env) -> bool:
    return to_string(value).strip() in ("true", "1")


@_function("concat", 0, None)
def _concat(*values: Any, env: Env) -> str:
    return "".join("".join(_strings(v)) for v in values)


@_function("join", 1, None)
def _join(separator: Any, *values: Any, env: Env) -> str:
    return to_string(separator).join(s for v in values for s in _strings(v))


@_function("string", 0, 1, raw=True)
def _string(token: Any, context: Any) -> str:
    if len(token) == 0:
        return node_string(context.item) if context is not None and context.item is not None else ""
    return to_string(_arg(token, context, 0))


@_function("number", 0, 1, raw=True)
def _number(token: Any, context: Any) -> float:
    if len(token) == 0:
        return string_to_number(node_string(context.item)) if context is not None else math.nan
    return to_number(_arg(token, context, 0))


@_function("substr", 2, 3)
def _substr(text: Any, start: Any, end: Any = None, *, env: Env) -> str:
    s, a = to_string(text), to_number(start)
    if math.isnan(a):
        return ""
    b = len(s) if end is None else to_number(end)
    return "" if math.isnan(b) else s[max(int(a), 0): max(int(b), 0)]


@_function("ends-with", 2, 2)
def _ends_with(text: Any, suffix: Any, env: Env) -> bool:
    return to_string(text).endswith(to_string(suffix))


@_function("starts-with", 2, 2)
def _starts_with(text: Any, prefix: Any, env: Env) -> bool:
    return to_string(text).startswith(to_string(prefix))


@_function("contains", 2, 2)
def _contains(text: Any, part: Any, env: Env) -> bool:
    return to_string(part) in to_string(text)


@_function("string-length", 0, 1, raw=True)
def _string_length(token: Any, context: Any) -> float:
    if len(token) == 0:
        return float(len(node_string(context.item))) if context is not None else 0.0
    return float(len(to_string(_arg(token, context, 0))))


@_function("regex", 2, 2)
def _regex(text: Any, pattern: Any, env: Env) -> bool:
    try:
        return re.search(to_string(pattern), to_string(text)) is not None
    except re.error:
        return False


@_function("uuid", 0, 1)
def _uuid_fn(length: Any = None, *, env: Env) -> str:
    if length is None:
        return str(_uuid.uuid4())
    n = to_number(length)
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return "" if math.isnan(n) else "".join(secrets.choice(alphabet) for _ in range(max(int(n), 0)))


@_function("digest", 2, 3)
def _digest(text: Any, algorithm: Any, encoding: Any = "base64", *, env: Env) -> str:
    name = to_string(algorithm).lower().replace("-", "")
    if name not in ("md5", "sha1", "sha256", "sha384", "sha512"):
        return ""
    raw = hashlib.new(name, to_string(text).encode("utf-8")).digest()
    return raw.hex() if to_string(encoding).lower() == "hex" else base64.b64encode(raw).decode("ascii")


@_function("base64-decode", 1, 1)
def _base64_decode(text: Any, env: Env) -> str:
    try:
        return base64.b64decode(to_string(text), validate=True).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return ""


# -- numbers ------------------------------------------------------------------------

def _numbers(values: Iterable[Any]) -> list[float]:
    return [string_to_number(s) if isinstance(v, list) else to_number(v)
            for v in values for s in (_strings(v) if isinstance(v, list) else [None])]


@_function("sum", 1, 1)
def _sum(values: Any, env: Env) -> float:
    return float(sum(_numbers([values]))) if is_nodes(values) else to_number(values)


@_function("min", 1, None)
def _min(*values: Any, env: Env) -> float:
    numbers = _numbers(values)
    return math.nan if not numbers or any(math.isnan(x) for x in numbers) else min(numbers)


@_function("max", 1, None)
def _max(*values: Any, env: Env) -> float:
    numbers = _numbers(values)
    return math.nan if not numbers or any(math.isnan(x) for x in numbers) else max(numbers)


@_function("int", 1, 1)
def _int(value: Any, env: Env) -> float:
    x = to_number(value)
    return x if math.isnan(x) or math.isinf(x) else float(math.trunc(x))


@_function("round", 1, 2)
def _round(value: Any, digits: Any = 0, *, env: Env) -> float:
    x, d = to_number(value), to_number(digits)
    if math.isnan(x) or math.isinf(x) or math.isnan(d):
        return x if not math.isnan(d) else math.nan
    scale = 10.0 ** int(d)
    return math.floor(x * scale + 0.5) / scale


def _math(name: str, fn: Callable[..., float], arity: int = 1) -> None:
    def impl(*values: Any, env: Env) -> float:
        try:
            return float(fn(*(to_number(v) for v in values)))
        except (ValueError, OverflowError):
            return math.nan
    _function(name, arity, arity)(impl)


for _name, _fn in (("sqrt", math.sqrt), ("exp", math.exp), ("exp10", lambda x: 10.0 ** x),
                   ("log", math.log), ("log10", math.log10), ("abs", abs), ("sin", math.sin),
                   ("cos", math.cos), ("tan", math.tan), ("asin", math.asin), ("acos", math.acos),
                   ("atan", math.atan)):
    _math(_name, _fn)
_math("pow", lambda x, y: x ** y, 2)
_math("atan2", math.atan2, 2)
_math("pi", lambda: math.pi, 0)


@_function("random", 0, 0)
def _random_fn(env: Env) -> float:
    return _random.random()  # noqa: S311 - form logic, not security


@_function("checklist", 2, None)
def _checklist(low: Any, high: Any, *values: Any, env: Env) -> bool:
    count = sum(1 for v in values for item in (v if is_nodes(v) else [v]) if to_bool(
        node_string(item) if isinstance(item, XPathNode) else item))
    lo, hi = to_number(low), to_number(high)
    return (lo < 0 or count >= lo) and (hi < 0 or count <= hi)


@_function("weighted-checklist", 2, None)
def _weighted_checklist(low: Any, high: Any, *pairs: Any, env: Env) -> bool:
    total = sum(to_number(pairs[i + 1]) for i in range(0, len(pairs) - 1, 2) if to_bool(pairs[i]))
    lo, hi = to_number(low), to_number(high)
    return (lo < 0 or total >= lo) and (hi < 0 or total <= hi)


# -- dates and times ----------------------------------------------------------------

def _as_datetime(value: Any, env: Env) -> dt.datetime | None:
    if _is_number(value):
        x = float(value)
        return None if math.isnan(x) or math.isinf(x) else EPOCH + dt.timedelta(days=x)
    s = to_string(value).strip()
    if _DATE.match(s):
        try:
            return dt.datetime.combine(dt.date.fromisoformat(s), dt.time(), tzinfo=dt.UTC)
        except ValueError:
            return None
    if _DATETIME.match(s):
        return parse_datetime(s)
    x = string_to_number(s)
    return None if math.isnan(x) else EPOCH + dt.timedelta(days=x)


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


@_function("today", 0, 0)
def _today(env: Env) -> str:
    return env.clock().date().isoformat()


@_function("now", 0, 0)
def _now(env: Env) -> str:
    return _iso(env.clock())


@_function("date", 1, 1)
def _date(value: Any, env: Env) -> str:
    moment = _as_datetime(value, env)
    return "" if moment is None else moment.date().isoformat()


@_function("date-time", 1, 1)
def _date_time(value: Any, env: Env) -> str:
    moment = _as_datetime(value, env)
    return "" if moment is None else _iso(moment)


@_function("decimal-date-time", 1, 1)
def _decimal_date_time(value: Any, env: Env) -> float:
    moment = _as_datetime(value, env)
    return math.nan if moment is None else (moment - EPOCH).total_seconds() / 86400


@_function("decimal-time", 1, 1)
def _decimal_time(value: Any, env: Env) -> float:
    m = _TIME.match(to_string(value).strip())
    if not m:
        return math.nan
    hours, minutes, seconds = int(m.group(1)), int(m.group(2)), float(m.group(3) or 0)
    zone = m.group(4) or "Z"
    offset = 0 if zone == "Z" else (int(zone[1:3]) * 60 + int(zone[-2:])) * (1 if zone[0] == "+" else -1)
    return ((hours * 3600 + minutes * 60 + seconds - offset * 60) / 86400) % 1.0


def _format(value: Any, pattern: Any, env: Env) -> str:
    moment = _as_datetime(value, env)
    if moment is None:
        return ""
    out, text, i = [], to_string(pattern), 0
    codes = {"Y": f"{moment.year:04d}", "y": f"{moment.year % 100:02d}", "m": f"{moment.month:02d}",
             "n": str(moment.month), "b": _MONTHS[moment.month - 1], "d": f"{moment.day:02d}",
             "e": str(moment.day), "a": _DAYS[moment.weekday()], "H": f"{moment.hour:02d}",
             "h": str(moment.hour), "M": f"{moment.minute:02d}", "S": f"{moment.second:02d}",
             "3": f"{moment.microsecond // 1000:03d}"}
    while i < len(text):
        if text[i] == "%" and i + 1 < len(text) and text[i + 1] in codes:
            out.append(codes[text[i + 1]])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


_function("format-date", 2, 2)(_format)
_function("format-date-time", 2, 2)(_format)


# -- nodes, repeats, instances -----------------------------------------------------------

@_function("current", 0, 0, raw=True)
def _current(token: Any, context: Any) -> list[Any]:
    node = _env(context).current
    return [node] if node is not None else []


@_function("instance", 1, 1, raw=True)
def _instance(token: Any, context: Any) -> list[Any]:
    name = to_string(_arg(token, context, 0))
    document = _env(context).document(name)
    if document is None:
        raise XPathError(f"instance('{name}')", f"the form has no instance '{name}'")
    return [document]


@_function("position", 0, 1, raw=True)
def _position(token: Any, context: Any) -> float:
    if len(token) == 0:
        return float(context.position) if context is not None else 1.0
    nodes = _arg(token, context, 0)
    if not is_nodes(nodes) or not nodes or not isinstance(nodes[0], ElementNode):
        return math.nan
    node = nodes[0]
    parent = node.parent
    if parent is None:
        return 1.0
    same = [c for c in parent if isinstance(c, ElementNode) and c.name == node.name]
    return float(next(i for i, c in enumerate(same, start=1) if c is node))


def _ancestors(node: Any) -> set[int]:
    out = set()
    while node is not None:
        out.add(id(node))
        node = node.parent
    return out


@_function("indexed-repeat", 3, None, raw=True)
def _indexed_repeat(token: Any, context: Any) -> list[Any]:
    nodes = _arg(token, context, 0)
    if not is_nodes(nodes):
        return []
    for i in range(1, len(token) - 1, 2):
        repeats = _arg(token, context, i)
        index = to_number(_arg(token, context, i + 1))
        if not is_nodes(repeats) or math.isnan(index) or not 1 <= int(index) <= len(repeats):
            return []
        chosen = id(repeats[int(index) - 1])
        nodes = [n for n in nodes if chosen in _ancestors(n)]
    return nodes[:1]


@_function("count", 1, 1)
def _count(values: Any, env: Env) -> float:
    return float(len(values)) if is_nodes(values) else math.nan


@_function("randomize", 1, 2)
def _randomize(values: Any, seed: Any = None, *, env: Env) -> list[Any]:
    items = list(values) if is_nodes(values) else []
    rng = _random.Random(to_number(seed)) if seed is not None else _random.Random()  # noqa: S311
    rng.shuffle(items)
    return items


@_function("once", 1, 1, raw=True)
def _once(token: Any, context: Any) -> Any:
    node = _env(context).current
    existing = node_string(node) if node is not None else ""
    return existing if existing != "" else _arg(token, context, 0)


@_function("jr:choice-name", 2, 2)
def _choice_name(value: Any, path: Any, env: Env) -> str:
    name = re.split(r"[/\s]+", to_string(path).strip())[-1] if to_string(path).strip() else ""
    return env.labels.get(name, {}).get(to_string(value).strip(), "")


@_function("pulldata", 4, 4)
def _pulldata(name: Any, column: Any, key_column: Any, key: Any, env: Env) -> str:
    col, key_col, wanted = to_string(column), to_string(key_column), to_string(key)
    for row in env.csv_rows(to_string(name)):
        if row.get(key_col) == wanted:
            return row.get(col) or ""
    return ""


@_function("version", 0, 0)
def _version(env: Env) -> str:
    return env.version


def _points(value: Any) -> list[tuple[float, float]]:
    out = []
    for text in _strings(value):
        for part in text.split(";"):
            numbers = part.split()
            if len(numbers) >= 2:
                out.append((float(numbers[0]), float(numbers[1])))
    return out


_EARTH = 6378137.0  # metres, as ODK's area() and distance()


@_function("distance", 1, None)
def _distance(*values: Any, env: Env) -> float:
    points = [p for v in values for p in _points(v)]
    total = 0.0
    for (la1, lo1), (la2, lo2) in zip(points, points[1:], strict=False):
        p1, p2 = math.radians(la1), math.radians(la2)
        dp, dl = p2 - p1, math.radians(lo2 - lo1)
        h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        total += 2 * _EARTH * math.asin(min(1.0, math.sqrt(h)))
    return total if len(points) >= 2 else math.nan


@_function("area", 1, 1)
def _area(value: Any, env: Env) -> float:
    points = _points(value)
    if len(points) < 3:
        return math.nan
    total = 0.0
    for (la1, lo1), (la2, lo2) in zip(points, points[1:] + points[:1], strict=False):
        total += math.radians(lo2 - lo1) * (2 + math.sin(math.radians(la1)) + math.sin(math.radians(la2)))
    return abs(total * _EARTH * _EARTH / 2)


ODKParser.build()


# ---- compiling and evaluating --------------------------------------------------------

@dataclass(frozen=True)
class Compiled:
    """A parsed expression: its text and elementpath's root token."""

    text: str
    token: Any
    volatile: bool


@lru_cache(maxsize=8192)
def compile_xpath(text: str) -> Compiled:
    """Parse once (cached); raises XPathError naming the expression."""
    clean = text.translate(_CURLY).strip()
    try:
        token = ODKParser(namespaces=NAMESPACES).parse(clean)
    except ElementPathError as error:
        raise XPathError(text, _reason(error)) from None
    except (ValueError, TypeError, KeyError) as error:
        raise XPathError(text, str(error) or type(error).__name__) from None
    return Compiled(text, token, any(name in clean for name in VOLATILE))


def _reason(error: Exception) -> str:
    message = getattr(error, "message", "") or str(error)
    return re.sub(r"^\[?err:\w+\]?\s*", "", str(message)).strip()


def node_tree(root: ET.Element) -> tuple[Any, Mapping[ET.Element, Any]]:
    """elementpath's document for an instance, and element -> its node."""
    document = elementpath.get_node_tree(ET.ElementTree(root))
    return document, document.elements


def evaluate(compiled: Compiled | str, document: Any, node: Any = None, env: Env | None = None) -> Any:
    """The raw value (node list, str, float, bool) of an expression with ``node`` as
    the context item (and ``current()`` unless ``env.current`` is set)."""
    if isinstance(compiled, str):
        compiled = compile_xpath(compiled)
    env = env or Env()
    if env.current is None and node is not None:
        env = _with_current(env, node)
    context = Context(document, item=node if node is not None else document)
    context.env = env
    try:
        return compiled.token.evaluate(context)
    except XPathError:
        raise
    except (ElementPathError, ValueError, TypeError, ZeroDivisionError, OverflowError) as error:
        raise XPathError(compiled.text, _reason(error)) from None


def _with_current(env: Env, node: Any) -> Env:
    clone = copy(env)
    clone.current = node
    return clone


def evaluate_on(expression: str, instance: str | ET.Element, context_path: str = "",
                instances: Mapping[str, str | ET.Element] | None = None, **env: Any) -> Any:
    """Evaluate on an instance given as XML (as the shared test vectors do):
    ``context_path`` is an absolute path (``/data/r[2]/x``) of the context node."""
    root = ET.fromstring(instance) if isinstance(instance, str) else instance
    document, _ = node_tree(root)
    node: Any = None
    if context_path:
        found = evaluate(compile_xpath(context_path), document)
        node = found[0] if is_nodes(found) and found else None
    secondary = {k: ET.fromstring(v) if isinstance(v, str) else v for k, v in (instances or {}).items()}
    return evaluate(compile_xpath(expression), document, node, Env(instances=secondary, **env))

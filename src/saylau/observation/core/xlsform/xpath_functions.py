"""The ODK XForms function library (https://getodk.github.io/xforms-spec/#xpath-functions)
registered on :class:`.xpath_parser.ODKParser`; importing this module registers them."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import math
import random as _random
import re
import secrets
import uuid as _uuid
from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from elementpath.xpath_nodes import ElementNode, XPathNode

from saylau.observation.core.xlsform.xpath_parser import argument, env_of, odk_function
from saylau.observation.core.xlsform.xpath_values import (
    DATE,
    DATETIME,
    DAYS,
    EPOCH,
    MONTHS,
    TIME,
    Env,
    XPathError,
    is_nodes,
    is_number,
    node_string,
    parse_datetime,
    string_to_number,
    strings,
    to_bool,
    to_number,
    to_string,
)

# -- logic, strings --------------------------------------------------------------

@odk_function("if", 3, 3, raw=True)
def _if(token: Any, context: Any) -> Any:
    return argument(token, context, 1 if to_bool(argument(token, context, 0)) else 2)


@odk_function("coalesce", 2, 2)
def _coalesce(a: Any, b: Any, env: Env) -> str:
    first = to_string(a)
    return first if first != "" else to_string(b)


@odk_function("selected", 2, 2)
def _selected(values: Any, value: Any, env: Env) -> bool:
    return to_string(value).strip() in to_string(values).split()


@odk_function("selected-at", 2, 2)
def _selected_at(values: Any, index: Any, env: Env) -> str:
    parts, i = to_string(values).split(), to_number(index)
    return parts[int(i)] if not math.isnan(i) and 0 <= int(i) < len(parts) else ""


@odk_function("count-selected", 1, 1)
def _count_selected(values: Any, env: Env) -> float:
    return float(len(to_string(values).split()))


@odk_function("count-non-empty", 1, 1)
def _count_non_empty(values: Any, env: Env) -> float:
    return float(sum(1 for s in strings(values) if s != ""))


@odk_function("boolean-from-string", 1, 1)
def _boolean_from_string(value: Any, env: Env) -> bool:
    return to_string(value).strip() in ("true", "1")


@odk_function("concat", 0, None)
def _concat(*values: Any, env: Env) -> str:
    return "".join("".join(strings(v)) for v in values)


@odk_function("join", 1, None)
def _join(separator: Any, *values: Any, env: Env) -> str:
    return to_string(separator).join(s for v in values for s in strings(v))


@odk_function("string", 0, 1, raw=True)
def _string(token: Any, context: Any) -> str:
    if len(token) == 0:
        return node_string(context.item) if context is not None and context.item is not None else ""
    return to_string(argument(token, context, 0))


@odk_function("number", 0, 1, raw=True)
def _number(token: Any, context: Any) -> float:
    if len(token) == 0:
        return string_to_number(node_string(context.item)) if context is not None else math.nan
    return to_number(argument(token, context, 0))


@odk_function("substr", 2, 3)
def _substr(text: Any, start: Any, end: Any = None, *, env: Env) -> str:
    s, a = to_string(text), to_number(start)
    if math.isnan(a):
        return ""
    b = len(s) if end is None else to_number(end)
    return "" if math.isnan(b) else s[max(int(a), 0): max(int(b), 0)]


@odk_function("ends-with", 2, 2)
def _ends_with(text: Any, suffix: Any, env: Env) -> bool:
    return to_string(text).endswith(to_string(suffix))


@odk_function("starts-with", 2, 2)
def _starts_with(text: Any, prefix: Any, env: Env) -> bool:
    return to_string(text).startswith(to_string(prefix))


@odk_function("contains", 2, 2)
def _contains(text: Any, part: Any, env: Env) -> bool:
    return to_string(part) in to_string(text)


@odk_function("string-length", 0, 1, raw=True)
def _string_length(token: Any, context: Any) -> float:
    if len(token) == 0:
        return float(len(node_string(context.item))) if context is not None else 0.0
    return float(len(to_string(argument(token, context, 0))))


@odk_function("regex", 2, 2)
def _regex(text: Any, pattern: Any, env: Env) -> bool:
    try:
        return re.search(to_string(pattern), to_string(text)) is not None
    except re.error:
        return False


@odk_function("uuid", 0, 1)
def _uuid_fn(length: Any = None, *, env: Env) -> str:
    if length is None:
        return str(_uuid.uuid4())
    n = to_number(length)
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return "" if math.isnan(n) else "".join(secrets.choice(alphabet) for _ in range(max(int(n), 0)))


@odk_function("digest", 2, 3)
def _digest(text: Any, algorithm: Any, encoding: Any = "base64", *, env: Env) -> str:
    name = to_string(algorithm).lower().replace("-", "")
    if name not in ("md5", "sha1", "sha256", "sha384", "sha512"):
        return ""
    raw = hashlib.new(name, to_string(text).encode("utf-8")).digest()
    return raw.hex() if to_string(encoding).lower() == "hex" else base64.b64encode(raw).decode("ascii")


@odk_function("base64-decode", 1, 1)
def _base64_decode(text: Any, env: Env) -> str:
    try:
        return base64.b64decode(to_string(text), validate=True).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return ""


# -- numbers ------------------------------------------------------------------------

def _numbers(values: Iterable[Any]) -> list[float]:
    return [string_to_number(s) if isinstance(v, list) else to_number(v)
            for v in values for s in (strings(v) if isinstance(v, list) else [None])]


@odk_function("sum", 1, 1)
def _sum(values: Any, env: Env) -> float:
    return float(sum(_numbers([values]))) if is_nodes(values) else to_number(values)


@odk_function("min", 1, None)
def _min(*values: Any, env: Env) -> float:
    numbers = _numbers(values)
    return math.nan if not numbers or any(math.isnan(x) for x in numbers) else min(numbers)


@odk_function("max", 1, None)
def _max(*values: Any, env: Env) -> float:
    numbers = _numbers(values)
    return math.nan if not numbers or any(math.isnan(x) for x in numbers) else max(numbers)


@odk_function("int", 1, 1)
def _int(value: Any, env: Env) -> float:
    x = to_number(value)
    return x if math.isnan(x) or math.isinf(x) else float(math.trunc(x))


@odk_function("round", 1, 2)
def _round(value: Any, digits: Any = 0, *, env: Env) -> float:
    x, d = to_number(value), to_number(digits)
    if math.isnan(x) or math.isinf(x) or math.isnan(d):
        return x if not math.isnan(d) else math.nan
    # half away from zero, as ODK's engines do (JavaRosa's BigDecimal HALF_UP, Web Forms), not
    # XPath 1.0's half toward +infinity: round(-2.5) is -3
    exponent = Decimal(1).scaleb(-int(d))
    return float(Decimal(repr(x)).quantize(exponent, rounding=ROUND_HALF_UP))


def _math(name: str, fn: Callable[..., float], arity: int = 1) -> None:
    def impl(*values: Any, env: Env) -> float:
        try:
            return float(fn(*(to_number(v) for v in values)))
        except (ValueError, OverflowError):
            return math.nan
    odk_function(name, arity, arity)(impl)


for _name, _fn in (("sqrt", math.sqrt), ("exp", math.exp), ("exp10", lambda x: 10.0 ** x),
                   ("log", math.log), ("log10", math.log10), ("abs", abs), ("sin", math.sin),
                   ("cos", math.cos), ("tan", math.tan), ("asin", math.asin), ("acos", math.acos),
                   ("atan", math.atan)):
    _math(_name, _fn)
_math("pow", lambda x, y: x ** y, 2)
_math("atan2", math.atan2, 2)
_math("pi", lambda: math.pi, 0)


@odk_function("random", 0, 0)
def _random_fn(env: Env) -> float:
    return _random.random()


@odk_function("checklist", 2, None)
def _checklist(low: Any, high: Any, *values: Any, env: Env) -> bool:
    count = sum(1 for v in values for item in (v if is_nodes(v) else [v]) if to_bool(
        node_string(item) if isinstance(item, XPathNode) else item))
    lo, hi = to_number(low), to_number(high)
    return (lo < 0 or count >= lo) and (hi < 0 or count <= hi)


@odk_function("weighted-checklist", 2, None)
def _weighted_checklist(low: Any, high: Any, *pairs: Any, env: Env) -> bool:
    total = sum(to_number(pairs[i + 1]) for i in range(0, len(pairs) - 1, 2) if to_bool(pairs[i]))
    lo, hi = to_number(low), to_number(high)
    return (lo < 0 or total >= lo) and (hi < 0 or total <= hi)


# -- dates and times ----------------------------------------------------------------

def _as_datetime(value: Any, env: Env) -> dt.datetime | None:
    if is_number(value):
        x = float(value)
        return None if math.isnan(x) or math.isinf(x) else EPOCH + dt.timedelta(days=x)
    s = to_string(value).strip()
    if DATE.match(s):
        try:
            return dt.datetime.combine(dt.date.fromisoformat(s), dt.time(), tzinfo=dt.UTC)
        except ValueError:
            return None
    if DATETIME.match(s):
        return parse_datetime(s)
    x = string_to_number(s)
    return None if math.isnan(x) else EPOCH + dt.timedelta(days=x)


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


@odk_function("today", 0, 0)
def _today(env: Env) -> str:
    return env.clock().date().isoformat()


@odk_function("now", 0, 0)
def _now(env: Env) -> str:
    return _iso(env.clock())


@odk_function("date", 1, 1)
def _date(value: Any, env: Env) -> str:
    moment = _as_datetime(value, env)
    return "" if moment is None else moment.date().isoformat()


@odk_function("date-time", 1, 1)
def _date_time(value: Any, env: Env) -> str:
    moment = _as_datetime(value, env)
    return "" if moment is None else _iso(moment)


@odk_function("decimal-date-time", 1, 1)
def _decimal_date_time(value: Any, env: Env) -> float:
    moment = _as_datetime(value, env)
    return math.nan if moment is None else (moment - EPOCH).total_seconds() / 86400


@odk_function("decimal-time", 1, 1)
def _decimal_time(value: Any, env: Env) -> float:
    m = TIME.match(to_string(value).strip())
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
             "n": str(moment.month), "b": MONTHS[moment.month - 1], "d": f"{moment.day:02d}",
             "e": str(moment.day), "a": DAYS[moment.weekday()], "H": f"{moment.hour:02d}",
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


odk_function("format-date", 2, 2)(_format)
odk_function("format-date-time", 2, 2)(_format)


# -- nodes, repeats, instances -----------------------------------------------------------

@odk_function("current", 0, 0, raw=True)
def _current(token: Any, context: Any) -> list[Any]:
    node = env_of(context).current
    return [node] if node is not None else []


@odk_function("instance", 1, 1, raw=True)
def _instance(token: Any, context: Any) -> list[Any]:
    name = to_string(argument(token, context, 0))
    document = env_of(context).document(name)
    if document is None:
        raise XPathError(f"instance('{name}')", f"the form has no instance '{name}'")
    return [document]


@odk_function("position", 0, 1, raw=True)
def _position(token: Any, context: Any) -> float:
    if len(token) == 0:
        return float(context.position) if context is not None else 1.0
    nodes = argument(token, context, 0)
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


@odk_function("indexed-repeat", 3, None, raw=True)
def _indexed_repeat(token: Any, context: Any) -> list[Any]:
    nodes = argument(token, context, 0)
    if not is_nodes(nodes):
        return []
    for i in range(1, len(token) - 1, 2):
        repeats = argument(token, context, i)
        index = to_number(argument(token, context, i + 1))
        if not is_nodes(repeats) or math.isnan(index) or not 1 <= int(index) <= len(repeats):
            return []
        chosen = id(repeats[int(index) - 1])
        nodes = [n for n in nodes if chosen in _ancestors(n)]
    return nodes[:1]


@odk_function("count", 1, 1)
def _count(values: Any, env: Env) -> float:
    return float(len(values)) if is_nodes(values) else math.nan


@odk_function("randomize", 1, 2)
def _randomize(values: Any, seed: Any = None, *, env: Env) -> list[Any]:
    items = list(values) if is_nodes(values) else []
    rng = _random.Random(to_number(seed)) if seed is not None else _random.Random()
    rng.shuffle(items)
    return items


@odk_function("once", 1, 1, raw=True)
def _once(token: Any, context: Any) -> Any:
    node = env_of(context).current
    existing = node_string(node) if node is not None else ""
    return existing if existing != "" else argument(token, context, 0)


@odk_function("jr:choice-name", 2, 2)
def _choice_name(value: Any, path: Any, env: Env) -> str:
    name = re.split(r"[/\s]+", to_string(path).strip())[-1] if to_string(path).strip() else ""
    return env.labels.get(name, {}).get(to_string(value).strip(), "")


@odk_function("pulldata", 4, 4)
def _pulldata(name: Any, column: Any, key_column: Any, key: Any, env: Env) -> str:
    col, key_col, wanted = to_string(column), to_string(key_column), to_string(key)
    for row in env.csv_rows(to_string(name)):
        if row.get(key_col) == wanted:
            return row.get(col) or ""
    return ""


@odk_function("version", 0, 0)
def _version(env: Env) -> str:
    return env.version


def _points(value: Any) -> list[tuple[float, float]]:
    out = []
    for text in strings(value):
        for part in text.split(";"):
            numbers = part.split()
            if len(numbers) >= 2:
                out.append((float(numbers[0]), float(numbers[1])))
    return out


_EARTH = 6378137.0  # metres, as ODK's area() and distance()


@odk_function("distance", 1, None)
def _distance(*values: Any, env: Env) -> float:
    points = [p for v in values for p in _points(v)]
    total = 0.0
    for (la1, lo1), (la2, lo2) in zip(points, points[1:], strict=False):
        p1, p2 = math.radians(la1), math.radians(la2)
        dp, dl = p2 - p1, math.radians(lo2 - lo1)
        h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        total += 2 * _EARTH * math.asin(min(1.0, math.sqrt(h)))
    return total if len(points) >= 2 else math.nan


@odk_function("area", 1, 1)
def _area(value: Any, env: Env) -> float:
    points = _points(value)
    if len(points) < 3:
        return math.nan
    total = 0.0
    for (la1, lo1), (la2, lo2) in zip(points, points[1:] + points[:1], strict=False):
        total += math.radians(lo2 - lo1) * (2 + math.sin(math.radians(la1)) + math.sin(math.radians(la2)))
    return abs(total * _EARTH * _EARTH / 2)

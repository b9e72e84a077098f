"""A small evaluator for the XPath subset XLSForm uses in relevant, constraint,
calculation and choice_filter columns.

Supported: ``${name}``, ``.`` (the current answer), bare names (columns of the
choice being filtered, in a choice_filter), numbers, quoted strings, ``and``,
``or``, ``not()``, ``= != < <= > >=``, ``+ - * div mod``, unary minus and the
functions ``selected count-selected string-length regex if coalesce int number
today concat string true false round``.

Values follow XPath 1.0 as ODK applies it: an empty answer is the empty string;
comparing a string with a number converts the string to a number, so an empty
answer compares false with ``= < <= > >=`` (NaN) and true with ``!=``; arithmetic
with an empty answer gives NaN. Two ISO dates (or times) compare as text, which
orders them correctly.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

Value = str | float | int | bool
Getter = Callable[["Scope"], Value]

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<ref>\$\{\s*(?P<refname>[A-Za-z_][\w.\-]*)\s*\})
      | (?P<number>\d+(?:\.\d*)?|\.\d+)
      | (?P<string>'[^']*'|"[^"]*")
      | (?P<op>!=|<=|>=|=|<|>|\+|-|\*|\(|\)|,)
      | (?P<dot>\.)
      | (?P<name>[A-Za-z_][\w\-]*(?::[A-Za-z_][\w\-]*)?)
    )""",
    re.VERBOSE,
)
_INFIX = {"or": 1, "and": 2, "=": 3, "!=": 3, "<": 4, "<=": 4, ">": 4, ">=": 4,
          "+": 5, "-": 5, "*": 6, "div": 6, "mod": 6}
_ISO = re.compile(r"^\d{4}-\d\d-\d\d(T[\d:.]+.*)?$|^\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?$")


class ExpressionError(ValueError):
    """An expression that cannot be parsed or evaluated; names the position."""

    def __init__(self, expression: str, position: int, message: str) -> None:
        super().__init__(f"{message} at character {position + 1} of {expression!r}")
        self.expression = expression
        self.position = position
        self.reason = message


@dataclass(frozen=True)
class Token:
    kind: str  # ref, number, string, op, dot, name, end
    text: str
    position: int


@dataclass(frozen=True)
class Scope:
    """What an expression sees: answers by name, the current answer, and for a
    choice_filter the columns of the choice under test."""

    values: Mapping[str, Any]
    current: Any = ""
    choice: Mapping[str, Any] | None = None


def tokenize(expression: str) -> list[Token]:
    """Split ``expression`` into tokens; raises ExpressionError on a stray character."""
    tokens, pos = [], 0
    text = expression.rstrip()
    while pos < len(text):
        while text[pos].isspace():
            pos += 1
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ExpressionError(expression, pos, f"unexpected character {text[pos]!r}")
        kind = m.lastgroup if m.lastgroup != "refname" else "ref"
        if m.group("ref"):
            tokens.append(Token("ref", m.group("refname"), m.start("ref")))
        else:
            start = m.start(kind)
            tokens.append(Token(kind, m.group(kind), start))
        pos = m.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


# ---- value conversions -------------------------------------------------------

def to_string(v: Any) -> str:
    """XPath string(): empty for None, 'true'/'false', integers without '.0'."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        if math.isnan(v):
            return "NaN"
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, dt.date | dt.time):
        return v.isoformat()
    return str(v)


def to_number(v: Any) -> float:
    """XPath number(): NaN for empty or non-numeric text."""
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if isinstance(v, int | float):
        return float(v)
    s = to_string(v).strip()
    try:
        return float(s) if s and s.lower() not in ("nan", "inf", "-inf", "infinity") else math.nan
    except ValueError:
        return math.nan


def to_bool(v: Any) -> bool:
    """XPath boolean(): non-empty text, non-zero non-NaN number."""
    if isinstance(v, bool):
        return v
    if isinstance(v, int | float):
        return v == v and v != 0
    return to_string(v) != ""


def _is_num(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return to_bool(a) == to_bool(b)
    if _is_num(a) or _is_num(b):
        return to_number(a) == to_number(b)
    return to_string(a) == to_string(b)


def _ordered(op: str, a: Any, b: Any) -> bool:
    if not (_is_num(a) or _is_num(b)):
        sa, sb = to_string(a), to_string(b)
        if _ISO.match(sa) and _ISO.match(sb):
            return {"<": sa < sb, "<=": sa <= sb, ">": sa > sb, ">=": sa >= sb}[op]
    x, y = to_number(a), to_number(b)
    if math.isnan(x) or math.isnan(y):
        return False
    return {"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y}[op]


def _divide(x: float, y: float) -> float:
    if y == 0:
        return math.nan if x == 0 or math.isnan(x) else math.copysign(math.inf, x)
    return x / y


def _arith(op: str, a: Any, b: Any) -> float:
    x, y = to_number(a), to_number(b)
    if op == "+":
        return x + y
    if op == "-":
        return x - y
    if op == "*":
        return x * y
    if op == "div":
        return _divide(x, y)
    return math.fmod(x, y) if y != 0 and not math.isinf(x) else math.nan


# ---- functions ---------------------------------------------------------------

def _int(v: Any) -> float:
    x = to_number(v)
    return x if math.isnan(x) or math.isinf(x) else float(math.trunc(x))


def _regex(s: Any, pattern: Any) -> bool:
    try:
        return re.search(to_string(pattern), to_string(s)) is not None
    except re.error:
        return False


def _round(v: Any, digits: Any = 0) -> float:
    x, d = to_number(v), int(to_number(digits) or 0)
    if math.isnan(x):
        return x
    scale = 10.0 ** d
    return math.floor(x * scale + 0.5) / scale


_FUNCTIONS: dict[str, tuple[int, int, Callable[..., Value]]] = {
    # name: (min args, max args, implementation)
    "selected": (2, 2, lambda s, v: to_string(v).strip() in to_string(s).split()),
    "count-selected": (1, 1, lambda s: float(len(to_string(s).split()))),
    "string-length": (1, 1, lambda s: float(len(to_string(s)))),
    "regex": (2, 2, _regex),
    "coalesce": (2, 2, lambda a, b: a if to_string(a) != "" else b),
    "int": (1, 1, _int),
    "number": (1, 1, to_number),
    "string": (1, 1, to_string),
    "today": (0, 0, lambda: dt.date.today().isoformat()),
    "not": (1, 1, lambda v: not to_bool(v)),
    "true": (0, 0, lambda: True),
    "false": (0, 0, lambda: False),
    "concat": (1, 99, lambda *a: "".join(to_string(x) for x in a)),
    "round": (1, 2, _round),
}


# ---- Pratt parser compiling to closures --------------------------------------

class _Parser:
    def __init__(self, expression: str) -> None:
        self.expression = expression
        self.tokens = tokenize(expression)
        self.i = 0
        self.refs: set[str] = set()

    def peek(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def fail(self, tok: Token, message: str) -> ExpressionError:
        return ExpressionError(self.expression, tok.position, message)

    def expect(self, text: str) -> None:
        tok = self.take()
        if tok.text != text or tok.kind not in ("op",):
            raise self.fail(tok, f"expected {text!r}, found {tok.text or 'end'!r}")

    def parse(self, rbp: int = 0) -> Getter:
        left = self.prefix(self.take())
        while True:
            tok = self.peek()
            op = tok.text if tok.kind in ("op", "name") else ""
            bp = _INFIX.get(op, 0)
            if bp <= rbp:
                return left
            self.take()
            left = self.infix(op, left, self.parse(bp))

    def prefix(self, tok: Token) -> Getter:
        if tok.kind == "number":
            value = float(tok.text)
            return lambda s: value
        if tok.kind == "string":
            text = tok.text[1:-1]
            return lambda s: text
        if tok.kind == "ref":
            name = tok.text
            self.refs.add(name)
            return lambda s: _lookup(s.values, name)
        if tok.kind == "dot":
            return lambda s: "" if s.current is None else s.current
        if tok.kind == "op" and tok.text == "(":
            inner = self.parse()
            self.expect(")")
            return inner
        if tok.kind == "op" and tok.text == "-":
            operand = self.parse(7)
            return lambda s: -to_number(operand(s))
        if tok.kind == "name":
            if self.peek().text == "(" and self.peek().kind == "op":
                return self.call(tok)
            column = tok.text
            return lambda s: _lookup(s.choice or {}, column)
        raise self.fail(tok, f"unexpected {tok.text or 'end of expression'!r}")

    def call(self, tok: Token) -> Getter:
        self.take()  # (
        args: list[Getter] = []
        if not (self.peek().kind == "op" and self.peek().text == ")"):
            args.append(self.parse())
            while self.peek().kind == "op" and self.peek().text == ",":
                self.take()
                args.append(self.parse())
        self.expect(")")
        name = tok.text
        if name == "if":
            if len(args) != 3:
                raise self.fail(tok, "if() takes 3 arguments")
            c, a, b = args
            return lambda s: a(s) if to_bool(c(s)) else b(s)
        if name not in _FUNCTIONS:
            raise self.fail(tok, f"unknown function {name}()")
        low, high, fn = _FUNCTIONS[name]
        if not low <= len(args) <= high:
            raise self.fail(tok, f"{name}() takes {low}..{high} arguments, got {len(args)}")
        return lambda s: fn(*(g(s) for g in args))

    def infix(self, op: str, left: Getter, right: Getter) -> Getter:
        if op == "or":
            return lambda s: to_bool(left(s)) or to_bool(right(s))
        if op == "and":
            return lambda s: to_bool(left(s)) and to_bool(right(s))
        if op == "=":
            return lambda s: _equal(left(s), right(s))
        if op == "!=":
            return lambda s: not _equal(left(s), right(s))
        if op in ("<", "<=", ">", ">="):
            return lambda s: _ordered(op, left(s), right(s))
        return lambda s: _arith(op, left(s), right(s))


def _lookup(values: Mapping[str, Any], name: str) -> Any:
    v = values.get(name)
    return "" if v is None else v


@dataclass(frozen=True)
class Expression:
    """A compiled expression: its text, the ``${names}`` it reads, and ``evaluate``."""

    text: str
    references: frozenset[str]
    getter: Getter

    def evaluate(self, values: Mapping[str, Any], current: Any = "",
                 choice: Mapping[str, Any] | None = None) -> Value:
        """The raw XPath value (str, float or bool) of the expression."""
        return self.getter(Scope(values, current, choice))

    def test(self, values: Mapping[str, Any], current: Any = "",
             choice: Mapping[str, Any] | None = None) -> bool:
        """The expression as a boolean, as relevant/constraint use it."""
        return to_bool(self.evaluate(values, current, choice))


@lru_cache(maxsize=4096)
def compile_expression(text: str) -> Expression:
    """Parse ``text`` once (cached); raises ExpressionError if it is malformed."""
    parser = _Parser(text)
    getter = parser.parse()
    tail = parser.peek()
    if tail.kind != "end":
        raise parser.fail(tail, f"unexpected {tail.text!r}")
    return Expression(text, frozenset(parser.refs), getter)


def evaluate(text: str, values: Mapping[str, Any], current: Any = "",
             choice: Mapping[str, Any] | None = None) -> Value:
    """Compile (cached) and evaluate ``text`` against ``values``."""
    return compile_expression(text).evaluate(values, current, choice)

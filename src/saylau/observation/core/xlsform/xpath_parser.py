"""The ODK XPath parser: elementpath's XPath 1.0 parser with XPath 1.0 operators on
instance text, and the registry the ODK functions (:mod:`.xpath_functions`) add to."""

from __future__ import annotations

from collections.abc import Callable
from copy import copy
from typing import Any

from elementpath import XPath1Parser

from saylau.observation.core.xlsform.xpath_values import (
    NAMESPACES,
    Env,
    arithmetic,
    compare,
    to_number,
)

# ---- the parser ----------------------------------------------------------------

class ODKParser(XPath1Parser):
    """XPath 1.0 with ODK's functions and XPath 1.0 operators on untyped instance text."""

    symbol_table = dict(XPath1Parser.symbol_table)
    DEFAULT_NAMESPACES = {**XPath1Parser.DEFAULT_NAMESPACES, **NAMESPACES}
    #: a path may continue after a function (``instance('x')/root/item``, ``current()/../a``),
    #: as XPath 1.0's FilterExpr '/' RelativeLocationPath allows
    PATH_STEP_LABELS = (*XPath1Parser.PATH_STEP_LABELS, "function")


def argument(token: Any, context: Any, index: int) -> Any:
    argument = token[index]
    if argument.symbol in LITERALS:
        return argument.value
    return argument.evaluate(copy(context))


LITERALS = frozenset({"(string)", "(integer)", "(float)", "(decimal)"})


def env_of(context: Any) -> Env:
    env = getattr(context, "env", None)
    return env if env is not None else Env()


def override(symbol: str, evaluate: Callable[..., Any], **attributes: Any) -> None:
    base = ODKParser.symbol_table[symbol]
    ODKParser.symbol_table[symbol] = type(f"ODK{base.__name__}", (base,), {"evaluate": evaluate, **attributes})


def _comparison(op: str) -> Callable[..., bool]:
    def evaluate(self: Any, context: Any = None) -> bool:
        return compare(op, argument(self, context, 0), argument(self, context, 1))
    return evaluate


def _arith(op: str) -> Callable[..., float]:
    base = XPath1Parser.symbol_table[op].evaluate

    def evaluate(self: Any, context: Any = None) -> Any:
        if op == "*" and len(self) != 2:
            return base(self, context)  # the * name test
        if len(self) == 1:
            x = to_number(argument(self, context, 0))
            return -x if op == "-" else x
        return arithmetic(op, argument(self, context, 0), argument(self, context, 1))
    return evaluate


for _op in ("=", "!=", "<", "<=", ">", ">="):
    override(_op, _comparison(_op))
for _op in ("+", "-", "*", "div", "mod"):
    override(_op, _arith(_op))


FUNCTIONS: dict[str, tuple[int, int | None]] = {}


def odk_function(name: str, low: int, high: int | None, *, raw: bool = False) -> Callable[[Callable[..., Any]], Any]:
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
                return fn(*(argument(self, context, i) for i in range(len(self))), env=env_of(context))

        if local in ODKParser.symbol_table and not prefix:
            override(local, evaluate, nargs=nargs)
        else:
            token = ODKParser.function(local, prefix=prefix or None, nargs=nargs)
            token.evaluate = evaluate
        FUNCTIONS[name] = (low, high)
        return fn
    return register

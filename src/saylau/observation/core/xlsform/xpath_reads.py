"""What an expression reads: the instance values its result depends on.

Most binds of an observation checklist are small functions of one or two
answers (``/data/a = 'yes'``, ``. >= 0 and . <= /data/total``). When an
expression reads nothing but the text of absolute paths without predicates
and of the context node (``.``), through literals, operators and functions
whose result depends on their arguments alone, its value is a function of
those texts: :func:`reads` names them, and a caller may keep the value for
the same texts (validation does, per form: :mod:`saylau.observation.core.validate`).
Anything else (relative steps, predicates, ``current()``, ``instance()``,
the clock, chance, labels, positions, node-set functions) gives ``None``:
evaluate it every time.
"""

from __future__ import annotations

from typing import Any

from saylau.observation.core.xlsform.xpath_parser import LITERALS

#: operators on the values of their operands (``*`` only with two operands: alone it is a name test)
OPERATORS = frozenset({"and", "or", "=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "div", "mod"})
#: functions whose value depends on their arguments' values alone
PURE = frozenset({
    "not", "true", "false", "boolean", "boolean-from-string", "number", "string", "string-length",
    "concat", "contains", "starts-with", "ends-with", "substr", "regex", "selected", "selected-at",
    "count-selected", "int", "round", "if", "coalesce", "abs", "pow", "sqrt",
})
#: of those, the ones that read the context node when given no argument
CONTEXT_DEFAULT = frozenset({"number", "string", "string-length"})
CONTEXT = "."


def reads(token: Any) -> tuple[str, ...] | None:
    """The absolute paths (``/data/a``) and ``"."`` whose texts determine the
    value of ``token``'s expression, sorted; None when it may depend on more."""
    found: set[str] = set()
    return tuple(sorted(found)) if _walk(token, found) else None


def _walk(token: Any, found: set[str]) -> bool:
    symbol = token.symbol
    if symbol in LITERALS:
        return True
    if symbol == ".":
        found.add(CONTEXT)
        return True
    if symbol == "/":
        path = _absolute(token)
        if path is None:
            return False
        found.add(path)
        return True
    if getattr(token, "label", "") == "function":
        if symbol not in PURE:
            return False
        if len(token) == 0 and symbol in CONTEXT_DEFAULT:
            found.add(CONTEXT)
        return all(_walk(child, found) for child in token)
    if symbol in OPERATORS and (symbol != "*" or len(token) == 2) and len(token) in (1, 2):
        return all(_walk(child, found) for child in token)
    return False


def _absolute(token: Any) -> str | None:
    """``/a/b/c`` for an absolute path of plain names, else None."""
    names: list[str] = []
    while token.symbol == "/":
        if len(token) == 1:
            child = token[0]
            if child.symbol != "(name)":
                return None
            names.append(child.value)
            return "/" + "/".join(reversed(names))
        if len(token) != 2 or token[1].symbol != "(name)":
            return None
        names.append(token[1].value)
        token = token[0]
    return None

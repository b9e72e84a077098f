"""The XPath-subset evaluator: every operator and function, ODK's empty-answer rules."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from saylau.observation.core.xlsform import ExpressionError, compile_expression, evaluate

V = {"a": 7, "b": "3", "e": "", "s": "red green", "t": "hello", "d": "2026-11-20",
     "flag": "yes"}


@pytest.mark.parametrize(("text", "expected"), [
    ("1", 1.0), ("2.5", 2.5), (".5", 0.5), ("'x'", "x"), ('"y"', "y"),
    ("${a}", 7), ("${b}", "3"), ("${missing}", ""),
    ("${a} + ${b}", 10.0), ("${a} - 2", 5.0), ("${a} * 2", 14.0), ("${a} div 2", 3.5),
    ("${a} mod 3", 1.0), ("-7 mod 3", -1.0), ("-${a}", -7.0), ("2 + 3 * 4", 14.0),
    ("(2 + 3) * 4", 20.0), ("10 - 4 - 3", 3.0), ("12 div 2 div 3", 2.0),
    ("${a} = 7", True), ("${b} = 3", True), ("${b} = '3'", True), ("${a} != 7", False),
    ("${a} < 8", True), ("${a} <= 7", True), ("${a} > 7", False), ("${a} >= 7", True),
    ("'abc' = 'abc'", True), ("'abc' != 'abd'", True),
    ("1 = 1 and 2 = 3", False), ("1 = 1 or 2 = 3", True), ("not(1 = 2)", True),
    ("1 = 2 or 2 = 2 and 3 = 4", False), ("${flag} = 'yes' and ${a} > 5", True),
    ("selected(${s}, 'green')", True), ("selected(${s}, 'blue')", False),
    ("selected(${s}, 'gre')", False), ("count-selected(${s})", 2.0), ("count-selected(${e})", 0.0),
    ("string-length(${t})", 5.0), ("string-length(${e})", 0.0),
    ("regex(${t}, '^h.l+o$')", True), ("regex(${t}, '^[0-9]+$')", False),
    ("if(${a} > 5, 'big', 'small')", "big"), ("if(${e} = '', 1, 2)", 1.0),
    ("coalesce(${e}, ${t})", "hello"), ("coalesce(${t}, 'x')", "hello"),
    ("int(7.9)", 7.0), ("int(-7.9)", -7.0), ("int(${b})", 3.0), ("number('4.5')", 4.5),
    ("number('x') = number('x')", False), ("concat(${t}, '-', ${a})", "hello-7"),
    ("round(2.5)", 3.0), ("true() and not(false())", True),
    ("${d} < '2026-12-01'", True), ("${d} >= '2026-11-21'", False),
])
def test_cases(text: str, expected: object) -> None:
    assert evaluate(text, V) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("${e} = 3", False), ("${e} < 3", False), ("${e} > 3", False), ("${e} >= 0", False),
    ("${e} <= 0", False), ("${e} != 3", True), ("${e} = ''", True), ("${e} != ''", False),
])
def test_empty_answers_compare_as_in_odk(text: str, expected: bool) -> None:
    assert evaluate(text, V) is expected


@pytest.mark.parametrize("text", ["${e} + 1", "${e} * 2", "${t} - 1", "-${e}", "number(${e})",
                                  "int(${e})"])
def test_arithmetic_with_empty_gives_nan(text: str) -> None:
    assert math.isnan(evaluate(text, V))


def test_division_by_zero_and_mod_zero() -> None:
    assert evaluate("1 div 0", V) == math.inf
    assert evaluate("-1 div 0", V) == -math.inf
    assert math.isnan(evaluate("0 div 0", V))
    assert math.isnan(evaluate("5 mod 0", V))


def test_current_value_today_and_choice_columns() -> None:
    assert evaluate(". >= 0 and . <= 30", V, current=31) is False
    assert evaluate(". >= 0 and . <= 30", V, current="12") is True
    assert evaluate(". <= ${a}", V, current="") is False
    assert evaluate("today()", V) == dt.date.today().isoformat()
    assert evaluate("region = ${flag}", V, choice={"region": "yes"}) is True
    assert evaluate("region = ${flag}", V, choice={"region": "no"}) is False


def test_references_are_collected() -> None:
    expr = compile_expression("selected(${s}, 'x') and ${a} > count-selected(${s})")
    assert expr.references == {"s", "a"}
    assert expr.test(V) is False


@pytest.mark.parametrize(("text", "position"), [
    ("1 +", 3), ("(1 + 2", 6), ("${a} ? 2", 5), ("foo(1)", 0), ("if(1, 2)", 0),
    ("string-length()", 0), ("1 2", 2),
])
def test_malformed_expressions_name_the_position(text: str, position: int) -> None:
    with pytest.raises(ExpressionError) as info:
        compile_expression(text)
    assert info.value.position == position
    assert f"at character {position + 1} of" in str(info.value)

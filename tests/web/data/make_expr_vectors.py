"""Regenerate expr_vectors.json from the Python evaluator (the reference).

Run from the repository root: ``.venv/bin/python tests/web/data/make_expr_vectors.py``.
Do it only on purpose (a new function or rule): tests/web/test_expr_vectors.py
then holds both the Python and the JavaScript evaluator to the new file.
"""

import json
import math
from pathlib import Path

from saylau.observation.core.xlsform import ExpressionError, compile_expression, evaluate

OUT = Path(__file__).resolve().parent / "expr_vectors.json"

V = {"a": 7, "b": "3", "e": "", "s": "red green", "t": "hello", "d": "2026-11-20",
     "flag": "yes", "x": 2.5, "neg": -4, "kk": "Қазақ тілі әңгіме", "tm": "08:30", "zero": 0,
     "big": 12345678901234567890, "dt": "2026-11-20T08:00:00+06:00", "sp": "  a   b  "}
CASES = [
 "1", "2.5", ".5", "5.", "'x'", '"y"', "${a}", "${b}", "${missing}", "${e}",
 "${a} + ${b}", "${a} - 2", "${a} * 2", "${a} div 2", "${a} mod 3", "-7 mod 3", "7 mod -3", "-${a}",
 "2 + 3 * 4", "(2 + 3) * 4", "10 - 4 - 3", "12 div 2 div 3", "2 - -3", "--2", "1 div 3", "2 div 3 * 3",
 "${a} = 7", "${b} = 3", "${b} = '3'", "${a} != 7", "${a} < 8", "${a} <= 7", "${a} > 7", "${a} >= 7",
 "'abc' = 'abc'", "'abc' != 'abd'", "'abc' < 'abd'", "'10' < '9'", "'10' < 9",
 "1 = 1 and 2 = 3", "1 = 1 or 2 = 3", "not(1 = 2)", "1 = 2 or 2 = 2 and 3 = 4",
 "${flag} = 'yes' and ${a} > 5", "true() = 1", "false() = ''", "true() = 'false'", "1 = true()",
 "true() < 2", "true() + true()", "'true' = true()",
 "selected(${s}, 'green')", "selected(${s}, 'blue')", "selected(${s}, 'gre')", "selected(${s}, ' red ')",
 "selected(${sp}, 'b')", "count-selected(${s})", "count-selected(${e})", "count-selected(${sp})",
 "string-length(${t})", "string-length(${e})", "string-length(${kk})", "string-length(${a})",
 "regex(${t}, '^h.l+o$')", "regex(${t}, '^[0-9]+$')", "regex(${a}, '^[0-9]+$')", "regex(${t}, '(')",
 "regex(${kk}, 'әңгіме')", "regex('+77011234567', '^\\+7[0-9]{10}$')",
 "if(${a} > 5, 'big', 'small')", "if(${e} = '', 1, 2)", "if(${e}, 'y', 'n')", "if('0', 'y', 'n')", "if(0, 'y', 'n')",
 "coalesce(${e}, ${t})", "coalesce(${t}, 'x')", "coalesce(${e}, ${e})",
 "int(7.9)", "int(-7.9)", "int(${b})", "int(-0.5)", "int('x')", "number('4.5')", "number(' 12 ')", "number('1e3')",
 "number('0x10')", "number('1_000')", "number('inf')", "number('-infinity')", "number(true())",
 "number('x') = number('x')", "number('x') != number('x')",
 "concat(${t}, '-', ${a})", "concat(${x})", "concat(1 div 4)", "concat(0.1 + 0.2)", "concat(1 div 0)",
 "concat(0 - 1 div 0)", "concat(0.00001)", "concat(100000000000000000)", "concat(0 div 0)",
 "concat(-0.0)", "concat(true())", "concat(${neg} * 1.5)", "string(2 div 4)", "string(${e})",
 "round(2.5)", "round(-2.5)", "round(2.449, 1)", "round(1234.5678, 2)", "round(1250, -2)", "round(${e})",
 "true() and not(false())", "${d} < '2026-12-01'", "${d} >= '2026-11-21'", "${tm} < '09:00'",
 "${tm} > '8:00'", "${d} = '2026-11-20'", "${dt} > '2026-11-20T07:59:00+06:00'",
 "${e} = 3", "${e} < 3", "${e} > 3", "${e} >= 0", "${e} <= 0", "${e} != 3", "${e} = ''", "${e} != ''",
 "${e} + 1", "${e} * 2", "${t} - 1", "-${e}", "number(${e})", "int(${e})", "${e} = 0",
 "1 div 0", "-1 div 0", "0 div 0", "5 mod 0", "5.5 mod 2", "${x} * 2 = 5", "${zero} = ''", "${zero} = 0",
 "${neg} < 0 and ${neg} > -5", "${kk} = 'Қазақ тілі әңгіме'", "${kk} != ''",
 "  ${a}  =  7  ", "${ a } = 7", "${a}=7and${a}>6", "${a} = 7 and(${a} > 6)",
 "div = 3", "region = ${flag}", "region != 'no'",
 ". >= 0 and . <= 30", ". = ''", ". + 1", "string-length(.) <= 5", "selected(., 'b')",
 "string-length(today())", "today() > '2020-01-01'", "regex(today(), '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')",
]
CURRENT = {". >= 0 and . <= 30": ["31", "12", 31, ""], ". = ''": ["", "x"], ". + 1": ["4", ""],
           "string-length(.) <= 5": ["hello", "hello!"], "selected(., 'b')": ["a b", "c"]}
CHOICE = {"div = 3": [{"div": "3"}, {"div": "4"}], "region = ${flag}": [{"region": "yes"}, {"region": "no"}, {}],
          "region != 'no'": [{"region": "no"}, {}]}
ERRORS = ["1 +", "(1 + 2", "${a} ? 2", "foo(1)", "if(1, 2)", "string-length()", "1 2", "", "   ",
          "'unclosed", "${a} = = 1", "concat(", "round(1, 2, 3)", "not()", "1 +* 2", "${}", "a(b", ")",
          "selected(${s})", "today(1)", "  1 ]"]

def enc(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, float) and not math.isfinite(v):
        return {"number": "NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity")}
    return v

vectors = []
for text in CASES:
    currents = CURRENT.get(text, [None])
    choices = CHOICE.get(text, [None])
    for cur in currents:
        for ch in choices:
            r = evaluate(text, V, "" if cur is None else cur, ch)
            item = {"expression": text, "expected": enc(r), "type": type(r).__name__.replace("int", "number").replace("float", "number")}
            if cur is not None:
                item["current"] = cur
            if ch is not None:
                item["choice"] = ch
            vectors.append(item)
errors = []
for text in ERRORS:
    try:
        compile_expression(text)
    except ExpressionError as e:
        errors.append({"expression": text, "position": e.position})
    else:
        raise SystemExit(f"no error for {text!r}")
json.dump({"about": "Shared test vectors for the XLSForm expression evaluators: saylau/observation/xlsform/expr.py (reference) and saylau/web/static/web/js/expr.js. Each vector evaluates expression against values (and current, choice); errors name the 0-based position of the first bad token. Non-finite numbers are written {\"number\": \"NaN\"}. Regenerate only on purpose: tests/web/test_expr_vectors.py checks both evaluators against this file.",
           "values": V, "vectors": vectors, "errors": errors}, OUT.open("w", encoding="utf-8"), ensure_ascii=False, indent=1)
print(f"{len(vectors)} vectors, {len(errors)} errors -> {OUT}")  # noqa: T201

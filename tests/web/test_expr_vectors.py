"""The browser's evaluator (expr.js) and the server's (expr.py) agree on every shared vector.

tests/web/data/expr_vectors.json holds expressions, the answers they read and
the value XPath gives; both evaluators are checked against it, so a change to
either one that the other does not follow fails here.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
from pathlib import Path

import pytest

from saylau.observation.core.xlsform import ExpressionError, compile_expression, evaluate
from saylau.observation.core.xlsform.expr import _FUNCTIONS

HERE = Path(__file__).resolve().parent
VECTORS = HERE / "data" / "expr_vectors.json"
DATA = json.loads(VECTORS.read_text(encoding="utf-8"))


def _encode(value):
    if isinstance(value, float) and not math.isfinite(value):
        return {"number": "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")}
    return value


def _type(value) -> str:
    return "bool" if isinstance(value, bool) else "number" if isinstance(value, int | float) else "str"


def _same(got, got_type: str, vector: dict) -> bool:
    return got_type == vector["type"] and got == vector["expected"]


def test_vectors_cover_every_function_and_operator() -> None:
    texts = " ".join(v["expression"] for v in DATA["vectors"])
    for name in [*_FUNCTIONS, "if"]:
        assert f"{name}(" in texts, f"no vector calls {name}()"
    for op in (" or ", " and ", "!=", "<=", ">=", " div ", " mod ", "*", "-", "+", "${", "."):
        assert op in texts, f"no vector uses {op!r}"
    assert len(DATA["vectors"]) >= 150 and len(DATA["errors"]) >= 15


@pytest.mark.parametrize("vector", DATA["vectors"], ids=lambda v: v["expression"])
def test_python_evaluator_matches_vector(vector: dict) -> None:
    got = evaluate(vector["expression"], DATA["values"], vector.get("current", ""), vector.get("choice"))
    assert _same(_encode(got), _type(got), vector), f"{vector['expression']!r}: got {got!r}"


@pytest.mark.parametrize("vector", DATA["errors"], ids=lambda v: v["expression"] or "<empty>")
def test_python_evaluator_rejects_at_position(vector: dict) -> None:
    with pytest.raises(ExpressionError) as info:
        compile_expression(vector["expression"])
    assert info.value.position == vector["position"]


@pytest.fixture(scope="module")
def javascript_results() -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed to test the browser's expression evaluator: install nodejs")
    done = subprocess.run([node, str(HERE / "expr_vectors.cjs"), str(VECTORS)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_javascript_evaluator_matches_every_vector(javascript_results: dict) -> None:
    mismatches = []
    for vector, result in zip(DATA["vectors"], javascript_results["vectors"], strict=True):
        if "error" in result or not _same(result["got"], result["type"], vector):
            mismatches.append(f"{vector['expression']!r} current={vector.get('current')!r} "
                              f"choice={vector.get('choice')!r}: expected {vector['expected']!r} "
                              f"({vector['type']}), JavaScript gave {result}")
    assert not mismatches, "\n".join(mismatches)


def test_javascript_evaluator_rejects_at_the_same_positions(javascript_results: dict) -> None:
    mismatches = [f"{v['expression']!r}: expected position {v['position']}, JavaScript gave {r}"
                  for v, r in zip(DATA["errors"], javascript_results["errors"], strict=True)
                  if r["position"] != v["position"]]
    assert not mismatches, "\n".join(mismatches)

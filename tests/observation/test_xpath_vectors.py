"""saylau's ODK XPath engine against the shared vectors (tests/data/xpath-vectors.json).

The vectors' expected values were written by hand from the XPath 1.0 and ODK
XForms specifications; the browser's XForm engine runs the same file, so the
server and the client agree on every one of them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from saylau.observation.core.xlsform.xpath import (
    FUNCTIONS,
    XPathError,
    compile_xpath,
    evaluate_on,
    to_bool,
    to_string,
)

DATA = json.loads((Path(__file__).resolve().parents[1] / "data" / "xpath-vectors.json").read_text("utf-8"))


def _id(vector: dict) -> str:
    return f"{vector['expression']} @ {vector['context']}"


@pytest.mark.parametrize("vector", DATA["vectors"], ids=_id)
def test_vector(vector: dict) -> None:
    value = evaluate_on(vector["expression"], vector["instance"], vector["context"],
                        vector.get("secondary"), labels=DATA["labels"])
    assert (to_string(value), to_bool(value)) == (vector["expected"], vector["boolean"])


@pytest.mark.parametrize("expression", [e["expression"] for e in DATA["errors"]])
def test_refused(expression: str) -> None:
    with pytest.raises(XPathError):
        compile_xpath(expression)


def test_every_function_has_a_vector() -> None:
    texts = " ".join(v["expression"] for v in DATA["vectors"])
    missing = [name for name in FUNCTIONS if f"{name}(" not in texts]
    assert missing == []
    assert len(DATA["vectors"]) >= 150

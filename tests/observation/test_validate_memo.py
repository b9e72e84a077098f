"""Validation keeps the value of a bind that reads only answers' texts, per form:
the same results as evaluating every time, and no elementpath tree when every
value is kept."""

from __future__ import annotations

import random

import pytest

from saylau.observation.core import validate
from saylau.observation.core.forms import builtin_form
from saylau.observation.core.validate import validate_answers
from saylau.observation.core.xlsform import read_xlsform
from saylau.observation.core.xlsform.xpath import compile_xpath

from .helpers import YES_NO, workbook
from .test_pyxform_validate import GOOD, NOW, SURVEY
from .test_validate import GOOD_VOTING

READS = {
    "/data/a = 'yes' and /data/b > 3": ("/data/a", "/data/b"),
    ". <= /data/total": (".", "/data/total"),
    "not(selected(., 'none') and count-selected(.) > 1)": (".",),
    "if(/data/a = 1, 2, 3)": ("/data/a",),
    "string-length()": (".",),
    "2 * 3": (),
    "/data/r[2]/x": None,  # a predicate
    "../x": None,  # relative
    "current()/../x": None,
    "count(/data/r)": None,  # a node-set function
    "jr:choice-name(/data/a, '/data/a')": None,  # labels
    "instance('l')/root/item[name=/data/a]": None,
    ". <= today()": None,  # the clock
    "random()": None,
    "/data/a | /data/b": None,
    "*": None,
}


@pytest.mark.parametrize(("expression", "expected"), list(READS.items()))
def test_what_an_expression_reads(expression: str, expected) -> None:
    assert compile_xpath(expression).reads == expected


def _outcome(result) -> tuple:
    return result.ok, result.answers, [(e.field, e.code, e.message) for e in result.errors], result.dropped


def _voting(rng: random.Random) -> dict:
    answers = {**GOOD_VOTING, "unauthorised_persons_present": rng.choice(["yes", "no"]),
               "pec_members_total": str(rng.randint(-1, 32)), "pec_members_women": rng.randint(-1, 12),
               "voters_in_station": str(rng.randint(-2, 40))}
    if rng.random() < 0.3:
        del answers["unauthorised_persons_directing"]
    return answers


def _household(rng: random.Random) -> dict:
    n = rng.randint(0, 3)
    people = [{"pname": rng.choice(["Aida", "", "Bek"]), "age": str(rng.randint(0, 130))}
              for _ in range(rng.randint(0, 3))]
    return {**GOOD, "n": str(n), "people": people, "ok": rng.choice(["yes", "no"]),
            "visit": rng.choice(["2026-12-01", "2026-11-01", "2026-12-06"])}


@pytest.mark.parametrize("kind", ["voting", "household"])
def test_kept_values_give_the_same_results_as_evaluating_every_time(kind: str, monkeypatch) -> None:
    if kind == "voting":
        form, make = builtin_form("voting"), _voting
    else:
        form, make = read_xlsform(workbook(SURVEY, YES_NO, [["form_id", "version"], ["household", "3"]])), _household
    rng = random.Random(2011)
    cases = [make(rng) for _ in range(300)]
    kept = [_outcome(validate_answers(form, a, lang, now=NOW)) for a in cases for lang in ("en", "kk")]
    assert any(not o[0] for o in kept) and any(o[0] for o in kept)  # both outcomes are exercised
    monkeypatch.setattr(validate._Run, "memo_key", lambda self, compiled, element: None)
    fresh = [_outcome(validate_answers(form, a, lang, now=NOW)) for a in cases for lang in ("en", "kk")]
    assert kept == fresh


def test_a_repeated_combination_of_answers_builds_no_tree(monkeypatch) -> None:
    form = builtin_form("voting")
    first = validate_answers(form, GOOD_VOTING)

    def no_tree(root):
        raise AssertionError("every value of this form's binds is kept for these answers")

    monkeypatch.setattr(validate, "node_tree", no_tree)
    again = validate_answers(form, {**GOOD_VOTING, "station_code": "0999"})
    assert again.ok and _outcome(again)[2:] == _outcome(first)[2:]
    with pytest.raises(AssertionError, match="kept"):  # an answer the memo has not seen is evaluated
        validate_answers(form, {**GOOD_VOTING, "voters_in_station": "123457"})

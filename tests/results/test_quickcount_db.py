"""Quick count from the database: the observers' copies expose the turnout inflation."""

from __future__ import annotations

import pytest

from saylau import cli
from saylau.results import selectors

from .helpers import kz

pytestmark = pytest.mark.django_db


def _by_name(result):
    return {i["name"]: i for i in result["estimates"]}


def test_observers_copies_expose_the_inflated_turnout_and_official_figures_agree_with_themselves(capsys):
    sim, election, counts = kz(1.0)
    observed = _by_name(selectors.quick_count(election, source="observer"))
    turnout = observed["turnout"]
    official_turnout = selectors.totals(election)["turnout"]
    assert turnout["official"] == pytest.approx(official_turnout)
    assert not turnout["inside"] and official_turnout > turnout["upper"] + 0.05
    honest = sim.results["counted_found_in_boxes"].sum() / sim.results["counted_registered"].sum()
    assert turnout["lower"] - 0.02 < honest < turnout["upper"] + 0.02  # the count as observed, with stuffing
    sampled = selectors.quick_count(election, source="official", seed=7, n=900)
    assert sampled["seed"] == 7 and sampled["stations"] == 900
    assert all(i["inside"] or abs(i["z"]) < 3.5 for i in sampled["estimates"])  # a sample of the official data
    assert selectors.quick_count(election, source="official", seed=7, n=900) == sampled  # the seed redraws it
    assert cli.main(["quickcount", "run", "--election", election.slug, "--source", "observer"]) == 0
    out = capsys.readouterr().out
    assert "turnout" in out and "OUTSIDE" in out and f"{counts['observer']:,} of" in out

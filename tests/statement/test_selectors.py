"""The statement from the database equals the statement from the simulation it was loaded from."""

from __future__ import annotations

import argparse

import pytest

from saylau.core.actors import Actor
from saylau.observation.core.findings import ReviewFilter
from saylau.simulate import simulate
from saylau.simulate.load import load
from saylau.statement import commands
from saylau.statement.core.simulation import inputs_from_simulation
from saylau.statement.selectors import collect

from .conftest import Page

pytestmark = pytest.mark.django_db


def _key(findings):
    return sorted((f.metric.id, f.group, f.numerator, f.denominator) for f in findings)


@pytest.fixture
def loaded():
    from saylau.observation.demo import ingest_simulation
    from saylau.results.services.simulation import import_simulation

    actor = Actor.system("test")
    sim = simulate(scale=0.03, seed=23)
    election = load(sim, actor=actor)
    ingest_simulation(sim, election, actor=actor)
    import_simulation(actor=actor, election=election, results=sim.results)
    return sim, election


def test_collect_matches_simulation_and_command_writes_it(loaded, tmp_path, capsys):
    """One database load for both checks (loading is the slow part)."""
    sim, election = loaded
    db, direct = collect(election), inputs_from_simulation(sim)
    assert _key(db.findings) == _key(direct.findings) and len(db.findings) >= 25
    assert _key(db.findings_by_region) == _key(direct.findings_by_region)
    assert db.mission == direct.mission
    assert db.composition == direct.composition
    assert db.results == direct.results
    assert db.publication is not None and db.publication.stations == len(sim.stations)
    assert (db.stations.votes == direct.stations.votes).all()
    assert [c.name("kk") for c in db.candidates] == sim.candidates["name_kk"].to_list()
    assert db.region_names == direct.region_names
    assert db.official_language == "en" and db.date == "2011-04-03"

    args = argparse.Namespace(election=election.slug, lang="en", format="html",
                              narrative=None, sample_narrative=True, normalise_kazakh=False,
                              out=str(tmp_path))
    assert commands.run(args) == 0
    printed = capsys.readouterr().out.split()
    assert printed == [str(tmp_path / "statement-en.html")]
    page = Page((tmp_path / "statement-en.html").read_text("utf-8"))
    by_metric = {f["metric"]: f for f in page.figures}
    expected = {f.metric.id: f for f in direct.findings}
    for metric in ("voting.assessment_negative", "counting.assessment_negative"):
        assert (int(by_metric[metric]["numerator"]), int(by_metric[metric]["denominator"])) == \
            (expected[metric].numerator, expected[metric].denominator)
    # a total is a count: the DECs it was reported from are its context, not its denominator
    total = by_metric["tabulation.protocols_completed_at_dec"]
    assert (int(total["numerator"]), total["denominator"], total["unit"]) == \
        (expected["tabulation.protocols_completed_at_dec"].numerator, "", "protocols")
    # every finding from the database records the review filter its frame was read with
    assert {f.review for f in db.findings} == {ReviewFilter(("new", "flagged", "verified"),
                                                            ("rejected",))}
    assert all(p.review == db.findings[0].review for p in db.mission.observed)
    notes = [n for n in page.notes.values() if "metric voting.assessment_negative" in n]
    assert notes and all("submissions counted: new, flagged, verified (not counted: rejected)"
                         in n for n in notes)
    assert by_metric["results.published"]["denominator"] == str(len(sim.stations))
    bad = argparse.Namespace(**{**vars(args), "election": "nope"})
    from saylau.core.errors import NoElection

    with pytest.raises(NoElection, match="election list"):  # the command line turns it into one line, exit 2
        commands.run(bad)

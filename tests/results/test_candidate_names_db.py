"""Candidates are shown and published by ballot number and name, not as
``votes_<n>``: in ``saylau results check|tabulate`` and ``saylau quickcount run``
(in the language of ``--lang``), and in the open data (a candidates table and
a Data Package descriptor beside the stations, whose vote columns stay
``votes_<n>``). Without names, the ballot number alone."""

from __future__ import annotations

import datetime as dt
import json
import re

import polars as pl
import pytest

from saylau import cli
from saylau.geography.services import create_election
from saylau.results import selectors, services
from saylau.results.models import Publication
from saylau.results.services.publishing import FILES

from .helpers import ACTOR, kz

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain():
    sim, election, _ = kz(0.02)
    return sim, election


def _names(sim, lang: str) -> list[str]:
    return sim.candidates.sort("number")[f"name_{lang}"].to_list()


def test_commands_name_the_candidates_in_the_chosen_language(chain, capsys):
    sim, election = chain
    ru, kk = _names(sim, "ru"), _names(sim, "kk")
    assert cli.main(["results", "check", "--tabulate", "--election", election.slug, "--lang", "ru"]) == 0
    out = capsys.readouterr().out
    assert "votes_" not in out
    run = selectors.latest_check(election)
    leader = int(run.winner["leader"].removeprefix("votes_"))
    runner = int(run.winner["runner_up"].removeprefix("votes_"))
    assert f"{leader} {ru[leader - 1]} leads {runner} {ru[runner - 1]} by " in out
    totals = selectors.latest_tabulation(election).summary["totals"]
    for n, name in enumerate(ru, start=1):  # the national totals, each candidate by number and name
        assert re.search(rf"^ *{n} {name}  {totals[f'votes_{n}']:,}$", out, re.M), name
    # the stored reason names them in English, whatever the language of the command
    assert f"{leader} {_names(sim, 'en')[leader - 1]} leads" in run.winner["reason"]

    assert cli.main(["results", "tabulate", "--election", election.slug, "--lang", "kk"]) == 0
    out = capsys.readouterr().out
    assert all(f"{n} {name}  " in out for n, name in enumerate(kk, start=1)) and "votes_" not in out

    assert cli.main(["quickcount", "run", "--election", election.slug, "--lang", "kk"]) == 0
    out = capsys.readouterr().out
    assert all(f"{n} {name}: " in out for n, name in enumerate(kk, start=1)) and "votes_" not in out
    assert "turnout: " in out


def test_open_data_carries_the_candidates_names_beside_stable_vote_columns(chain, tmp_path):
    sim, election = chain
    publication = services.publish(actor=ACTOR, election=election, out_dir=tmp_path,
                                   until=dt.datetime(2011, 4, 3, 23, 0, tzinfo=dt.UTC))
    assert set(publication.files) == set(FILES) == {p.name for p in tmp_path.iterdir()}
    stations = pl.read_csv(tmp_path / "stations.csv")
    assert [c for c in stations.columns if c.startswith("votes_")] == ["votes_1", "votes_2", "votes_3", "votes_4"]
    candidates = pl.read_csv(tmp_path / "candidates.csv")
    assert candidates.columns == ["number", "column", "name_en", "name_ru", "name_kk"]
    assert candidates["number"].to_list() == [1, 2, 3, 4]
    assert candidates["column"].to_list() == [c for c in stations.columns if c.startswith("votes_")]
    for lang in ("en", "ru", "kk"):
        assert candidates[f"name_{lang}"].to_list() == _names(sim, lang)
    assert pl.read_parquet(tmp_path / "candidates.parquet").equals(candidates)
    assert pl.read_json(tmp_path / "candidates.json").equals(candidates)

    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["path"]: r for r in package["resources"]}
    assert set(resources) == set(FILES) - {"datapackage.json"}
    fields = resources["stations.csv"]["schema"]["fields"]
    assert [f["name"] for f in fields] == stations.columns  # every column, in order, documented
    assert all(f["description"] for f in fields)
    first = next(f for f in fields if f["name"] == "votes_1")
    en, ru, kk = (_names(sim, lang)[0] for lang in ("en", "ru", "kk"))
    assert first["title"] == f"1 {en}" and ru in first["description"] and kk in first["description"]
    assert next(f for f in fields if f["name"] == "valid")["type"] == "integer"
    assert [f["name"] for f in resources["candidates.json"]["schema"]["fields"]] == candidates.columns
    # the publication (and its ledger entry) vouch for every file, the descriptor included
    stored = Publication.objects.get(pk=publication.pk).files
    assert stored["candidates.csv"] and stored["datapackage.json"]


def test_without_names_a_candidate_is_its_ballot_number(tmp_path, capsys):
    """A protocol file whose candidate columns are only ``votes_<n>`` (the ``saylau``
    preset) gives no names: commands and open data show the ballot number."""
    election = create_election(actor=ACTOR, slug="nameless", name_en="Nameless", kind="presidential",
                               date=dt.date(2011, 4, 3))
    path = tmp_path / "protocols.csv"
    pl.DataFrame({"region_code": ["01", "01"], "district_code": ["D1", "D1"], "station_code": ["S1", "S2"],
                  "registered": [100, 200], "valid": [60, 150], "votes_1": [40, 50], "votes_2": [20, 100]}
                 ).write_csv(path)
    assert services.import_file(actor=ACTOR, election=election, path=path, preset="saylau", create=True) == 2
    assert [(c.number, c.name("en"), c.label("ru")) for c in selectors.candidates(election)] == [
        (1, "", "1"), (2, "", "2")]
    assert cli.main(["results", "tabulate", "--election", election.slug]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^ +1  90$", out, re.M) and re.search(r"^ +2  120$", out, re.M) and "votes_" not in out
    services.publish(actor=ACTOR, election=election, out_dir=tmp_path / "open",
                     until=dt.datetime(2030, 1, 1, tzinfo=dt.UTC))
    candidates = pl.read_csv(tmp_path / "open" / "candidates.csv", schema_overrides={"name_en": pl.Utf8})
    assert candidates["name_en"].fill_null("").to_list() == ["", ""]
    package = json.loads((tmp_path / "open" / "datapackage.json").read_text(encoding="utf-8"))
    fields = package["resources"][0]["schema"]["fields"]
    assert next(f for f in fields if f["name"] == "votes_2")["title"] == "2"


def test_names_from_the_file_header_when_the_election_has_no_candidates(tmp_path):
    """The Russian CEC files name the candidates in their header: the template keeps
    those names and they are shown when the election has no candidates of its own."""
    import zipfile

    from .test_importing_db import DATA

    with zipfile.ZipFile(DATA / "ru-kobak" / "2012.csv.zip") as z:
        text = z.read(z.namelist()[0]).decode("utf-8")
    path = tmp_path / "ru.csv"
    path.write_text("\n".join(text.splitlines()[:41]) + "\n", encoding="utf-8")
    election = create_election(actor=ACTOR, slug="ru-2012-names", name_en="ru", kind="presidential",
                               date=dt.date(2012, 3, 4))
    services.import_file(actor=ACTOR, election=election, path=path, preset="ru-cec", create=True)
    labels = selectors.candidate_labels(election, "kk")
    assert labels["votes_5"] == "5 Путин Владимир Владимирович"
    assert len(labels) == 5 and all(re.fullmatch(rf"{n} \S.+", labels[f"votes_{n}"]) for n in range(1, 6))

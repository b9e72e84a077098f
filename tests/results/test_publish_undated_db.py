"""``saylau results publish`` after an import without arrival times (the Russian CEC's
files): the explicit rule is that such protocols are in every publication, with
``received_at`` empty, and the command says how many; none is dropped silently."""

from __future__ import annotations

import polars as pl
import pytest

from saylau import cli

from .test_importing_db import DATA, _election, _head_zip

pytestmark = pytest.mark.django_db


def _run(argv, capsys):
    capsys.readouterr()
    status = cli.main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_protocols_without_arrival_time_are_published_and_counted(tmp_path, capsys) -> None:
    from saylau.results.selectors import published_stations

    path, lines = _head_zip(DATA / "ru-kobak" / "2012.csv.zip", tmp_path, 40)
    election = _election()
    assert _run(["results", "import", str(path), "--preset", "ru-cec", "--create-units", "--election", election.slug],
                capsys)[0] == 0
    for argv, out_dir in ((["results", "publish", "--out", str(tmp_path / "now")], tmp_path / "now"),
                          (["results", "publish", "--out", str(tmp_path / "cut"), "--until", "2012-03-04T18:00:00Z"],
                           tmp_path / "cut")):
        status, out, err = _run(argv, capsys)
        assert status == 0, err
        assert "published 40 stations" in out and "40 of them have no arrival time" in out
        stations = pl.read_csv(out_dir / "stations.csv", infer_schema_length=0)
        assert stations.height == 40 and stations["received_at"].null_count() == 40
        # the figures are the file's: registered voters (4th column) station by station
        registered = sorted(int(line.split(",")[3]) for line in lines[1:])
        assert sorted(stations["registered"].cast(int).to_list()) == registered
    assert published_stations(election).height == 40  # the portal reads the same rule


def test_publish_before_any_protocol_says_what_to_import_and_writes_nothing(tmp_path, capsys) -> None:
    _election()
    status, out, err = _run(["results", "publish", "--out", str(tmp_path / "pub")], capsys)
    assert status == 2 and out == ""
    (line,) = err.splitlines()
    assert "no protocols for election 'ru-2012' yet: import them first" in line
    assert not (tmp_path / "pub").exists()
    status, _, err = _run(["results", "publish", "--out", str(tmp_path / "pub"), "--until", "tonight"], capsys)
    assert status == 2 and "--until: expected an ISO time" in err

"""Protocol files: Russian CEC, Mexico 2012, XLSX; bad files name row, column and what was expected."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import zipfile

import polars as pl
import pytest
from openpyxl import Workbook

from saylau import cli
from saylau.core.tabular import TableError
from saylau.geography.models import Unit
from saylau.geography.services import create_election
from saylau.ledger import checks
from saylau.ledger.checks import load_snapshots
from saylau.results import selectors, services
from saylau.results.models import Protocol

from .helpers import ACTOR, kz

pytestmark = pytest.mark.django_db
DATA = __import__("pathlib").Path(__file__).resolve().parents[1] / "data"


def _election(slug="ru-2012"):
    return create_election(actor=ACTOR, slug=slug, name_en=slug, kind="presidential", date=dt.date(2012, 3, 4))


def _head_zip(source, tmp_path, rows: int, edit=None):
    with zipfile.ZipFile(source) as z:
        text = z.read(z.namelist()[0]).decode("utf-8")
    lines = text.splitlines()[: rows + 1]
    if edit:
        lines = edit(lines)
    out = tmp_path / source.name
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("part.csv", "\n".join(lines) + "\n")
    return out, lines


def test_russian_cec_file_creates_the_tree_and_keeps_every_line(tmp_path):
    path, lines = _head_zip(DATA / "ru-kobak" / "2012.csv.zip", tmp_path, 3000)
    election = _election()
    n = services.import_file(actor=ACTOR, election=election, path=path, preset="ru-cec", create=True)
    assert n == 3000 and Unit.objects.filter(election=election, level=3).count() == 3000
    frame = pl.read_csv(io.StringIO("\n".join(lines)), infer_schema_length=0)
    totals = selectors.totals(election, "pec")
    assert totals["registered"] == frame[:, 3].cast(int).sum()
    assert totals["votes"][5] == frame[:, 25].cast(int).sum()  # Putin, the fifth candidate column
    labels = list(election.protocol_template.lines.filter(candidate_number=5).values_list("label_en", flat=True))
    assert labels == ["Путин Владимир Владимирович"]
    region = Unit.objects.get(election=election, level=1, code="R01")
    assert region.name_en.startswith("Республика Адыгея") and region.children.count() > 1
    run = services.run_checks(actor=ACTOR, election=election)
    assert run.checked == 3000 and set(run.counts) >= {"VALID_INVALID", "CANDIDATES_VALID", "RECEIVED_BALANCE"}
    load_snapshots()
    assert checks.verify_database().ok


def test_a_bad_file_names_row_column_and_expectation_and_writes_nothing(tmp_path):
    def spoil(lines):
        cells = lines[5].split(",")
        cells[3] = "12x"  # registered voters of the 5th data row (spreadsheet row 6)
        lines[5] = ",".join(cells)
        return lines

    path, _ = _head_zip(DATA / "ru-kobak" / "2011.csv.zip", tmp_path, 50, spoil)
    election = _election("ru-2011")
    with pytest.raises(TableError) as error:
        services.import_file(actor=ACTOR, election=election, path=path, preset="ru-cec", create=True)
    problem = error.value.errors[0]
    assert problem.row == 6 and "внесенных в список" in problem.column and problem.expected == "a whole number"
    assert problem.got == "12x" and "nothing was imported" in str(error.value)
    assert not Unit.objects.filter(election=election, level=3).exists() and not Protocol.objects.exists()


def test_unknown_stations_and_repeated_imports_are_refused(tmp_path):
    sim, election, _ = kz(0.02, observers=False)
    good = sim.results.head(3).select(region_code=pl.lit("01"), district_code=pl.lit("D001"),
                                      station_code="station_code", registered="counted_registered",
                                      valid="counted_valid", votes_1="counted_votes_1", votes_2="counted_votes_2")
    bad = pl.concat([good, good.head(1).with_columns(station_code=pl.lit("nowhere"))])
    path = tmp_path / "copies.csv"
    bad.write_csv(path)
    with pytest.raises(TableError) as error:
        services.import_file(actor=ACTOR, election=election, path=path, preset="saylau", source="observer")
    assert [(e.row, e.column, e.got) for e in error.value.errors] == [(5, "station_code", "nowhere")]
    good.write_csv(path)
    assert services.import_file(actor=ACTOR, election=election, path=path, preset="saylau", source="observer") == 3
    with pytest.raises(TableError, match="without a PEC observer protocol yet"):
        services.import_file(actor=ACTOR, election=election, path=path, preset="saylau", source="observer")


def test_mexico_gzip_and_xlsx(tmp_path):
    with gzip.open(DATA / "mx-quickcountmx" / "mexico_2012_presidential_by_casilla.csv.gz", "rt") as fh:
        head = [next(fh) for _ in range(801)]
    path = tmp_path / "mexico.csv.gz"
    path.write_bytes(gzip.compress("".join(head).encode()))
    election = _election("mx-2012")
    assert services.import_file(actor=ACTOR, election=election, path=path, preset="mexico-2012", create=True) == 800
    frame = pl.read_csv(io.StringIO("".join(head)))
    assert selectors.totals(election, "pec")["votes"][1] == frame["pri_pvem"].sum()
    assert Unit.objects.get(election=election, level=3, code="1").parent.code == "E01-D01"

    book = Workbook()
    sheet = book.active
    sheet.append(["region_code", "district_code", "station_code", "registered", "valid", "votes_1", "votes_2"])
    sheet.append(["01", "D1", "S1", 100, 60, 40, 20])
    sheet.append(["01", "D1", "S2", 100, "sixty", 40, 20])
    xlsx = tmp_path / "p.xlsx"
    book.save(xlsx)
    other = _election("xlsx")
    with pytest.raises(TableError) as error:
        services.import_file(actor=ACTOR, election=other, path=xlsx, preset="saylau", create=True)
    assert [(e.row, e.column, e.got) for e in error.value.errors] == [(3, "valid", "sixty")]
    sheet["E3"] = 60
    book.save(xlsx)
    assert services.import_file(actor=ACTOR, election=other, path=xlsx, preset="saylau", create=True) == 2


def test_cli_imports_the_simulation_and_runs_the_chain(tmp_path, capsys):
    from saylau.simulate.load import load

    from .helpers import simulation

    sim = simulation(0.02)
    election = load(sim, actor=ACTOR)
    parquet = tmp_path / "results.parquet"
    sim.results.write_parquet(parquet)
    argv = ["results", "import", str(parquet), "--preset", "kz-2011", "--election", election.slug]
    from saylau.ledger.models import LedgerEntry
    from saylau.ledger.services import current_head

    before = current_head()[0]
    assert cli.main(argv) == 0
    printed = capsys.readouterr().out
    first, last = before + 1, current_head()[0]
    assert f"ledger entries (receipts)  {first:,}-{last:,}" in printed  # one entry, and receipt, per protocol
    from saylau.results.models import Protocol

    in_range = LedgerEntry.objects.filter(sequence__range=(first, last), object_type="results.protocol")
    assert in_range.count() == Protocol.objects.filter(election=election).count() > 0
    assert cli.main(["results", "check", "--election", election.slug]) == 0
    assert cli.main(["results", "tabulate", "--election", election.slug]) == 0
    assert cli.main(["results", "publish", "--election", election.slug, "--out", str(tmp_path / "open"),
                     "--until", "2011-04-03T16:00:00Z"]) == 0
    out = printed + capsys.readouterr().out
    assert "PEC protocols" in out and "quarantined" in out and "discrepancies (entered)" in out
    assert pl.read_json(tmp_path / "open" / "stations.json").height > 0
    assert cli.main(argv) == 2
    assert "already has PEC protocols" in capsys.readouterr().err
    assert cli.main(["results", "check", "--tabulate", "--election", election.slug]) == 0
    out = capsys.readouterr().out
    assert "quarantined" in out and "discrepancies (entered)" in out


def test_the_bulk_writer_refuses_units_of_another_election_and_missing_superseded_protocols():
    """The protocol table keeps no foreign keys (they cost more than the rows on
    PostgreSQL); the bulk writer checks what it wrote in one query instead, and a
    reference that does not hold leaves nothing behind."""
    from django.db import IntegrityError, transaction

    from saylau.ledger.models import LedgerEntry
    from saylau.results.services.bulk import write_protocols

    ours, theirs = _election("ours"), _election("theirs")
    from saylau.geography.services import national_unit

    foreign = national_unit(theirs)
    home = national_unit(ours)
    from saylau.core.protocol import LINES

    lines = {k: 1 for k in LINES}

    def frame(unit_id, supersedes=None):
        return pl.DataFrame({"unit_id": [unit_id], "tier": ["CEC"], "source": ["official"], "votes": ["[1]"],
                             "received_at": [None], "supersedes_id": [supersedes], **{k: [v] for k, v in lines.items()}},
                            schema_overrides={"received_at": pl.Utf8, "supersedes_id": pl.Int64, **{k: pl.Int64 for k in lines}})

    entries = LedgerEntry.objects.count()
    for bad in (frame(foreign.pk), frame(10**9), frame(home.pk, supersedes=10**9)):
        with pytest.raises(IntegrityError, match="1 of 1 protocols"), transaction.atomic():
            write_protocols(actor=ACTOR, election=ours, frame=bad, origin="test")
    assert not Protocol.objects.exists() and LedgerEntry.objects.count() == entries
    with transaction.atomic():
        [first] = write_protocols(actor=ACTOR, election=ours, frame=frame(home.pk), origin="test")
    assert Protocol.objects.get(pk=first).unit_id == home.pk

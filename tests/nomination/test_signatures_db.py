"""Signature sheets and lines in the database: import all or nothing with row and column,
every line checked against the register with the reason worked out by hand, and
verification sessions (full and sample) with their ledger entries (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from saylau.core.tabular import TableError
from saylau.ledger import checks
from saylau.ledger.checks import load_snapshots
from saylau.ledger.models import LedgerEntry
from saylau.nomination import selectors, services
from saylau.nomination.core import sampling
from saylau.nomination.models import SignatureLine, SignatureSheet, VerificationSession
from tests.nomination import world_db as w

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    e = w.election()
    return e, w.nominees(e)


def _entries(event: str) -> int:
    return LedgerEntry.objects.filter(event=event).count()


def test_import_writes_sheets_and_lines_with_an_entry_each(world):
    e, _ = world
    counts = services.import_lines(actor=w.ACTOR, election=e, lines=w.lines(), source="sheets.csv")
    assert counts == {"sheets": 4, "lines": 12}
    assert SignatureSheet.objects.get(nominee__code="A", number="1").lines == 8
    assert _entries("nomination.line.created") == 12 and _entries("nomination.sheet.created") == 4
    line = SignatureLine.objects.get(line_id="A03")
    assert line.address == "" and line.valid is None and line.birth_date == dt.date(1988, 9, 9)
    load_snapshots()
    assert checks.verify_database().ok


def test_a_bad_file_names_row_and_column_and_writes_nothing(world, tmp_path):
    e, _ = world
    good = w.lines().head(3).with_columns(pl.col("birth_date", "signed_on").dt.strftime("%d.%m.%Y"))
    path = tmp_path / "sheets.csv"
    bad = good.with_columns(
        signed_on=pl.Series(["12.02.2011", "2011-02-30", "12.02.2011"]),
        nominee=pl.Series(["A", "A", "Z"]))
    bad.write_csv(path)
    before = LedgerEntry.objects.count()
    with pytest.raises(TableError) as refused:
        services.import_lines(actor=w.ACTOR, election=e, path=path)
    text = str(refused.value)
    assert "row 3, column 'signed_on': expected a date YYYY-MM-DD or DD.MM.YYYY, got '2011-02-30'" in text
    assert "nothing was imported" in text
    assert SignatureLine.objects.count() == 0 and LedgerEntry.objects.count() == before
    # the dates read, the nominee does not: refused by the database check, by row and column
    bad.with_columns(signed_on=pl.lit("12.02.2011")).write_csv(path)
    with pytest.raises(TableError) as refused:
        services.import_lines(actor=w.ACTOR, election=e, path=path)
    assert "row 4, column 'nominee': expected a nominee of kz-2011" in str(refused.value)
    assert SignatureLine.objects.count() == 0 and SignatureSheet.objects.count() == 0
    # a sheet that changes region part way
    good.with_columns(region_code=pl.Series(["01", "02", "01"])).write_csv(path)
    with pytest.raises(TableError) as refused:
        services.import_lines(actor=w.ACTOR, election=e, path=path)
    assert "row 3, column 'region_code': expected the sheet's region '01' (as on row 2), got '02'" in str(refused.value)
    good.write_csv(path)
    assert services.import_lines(actor=w.ACTOR, election=e, path=path) == {"sheets": 1, "lines": 3}
    with pytest.raises(TableError) as refused:  # the same sheet again
        services.import_lines(actor=w.ACTOR, election=e, path=path)
    assert "column 'sheet': expected a sheet not imported before" in str(refused.value)


def test_verify_gives_every_line_its_reason(world):
    e, _ = world
    services.import_lines(actor=w.ACTOR, election=e, lines=w.lines())
    counts = services.verify_lines(actor=w.ACTOR, election=e, register=w.register(), stations=w.stations(),
                                   deaths=w.deaths())
    got = {r.line_id: (r.valid, r.reason or None) for r in SignatureLine.objects.all()}
    assert got == {k: (v is None, v) for k, v in w.EXPECTED.items()}
    assert counts == {"lines": 12, "valid": 3, "invalid": 9, "changed": 12}
    assert SignatureLine.objects.get(line_id="A01").voter_id == "V1"
    assert _entries("nomination.line.updated") == 12
    # again: nothing changes, no entry
    again = services.verify_lines(actor=w.ACTOR, election=e, register=w.register(), stations=w.stations(),
                                  deaths=w.deaths())
    assert again["changed"] == 0 and _entries("nomination.line.updated") == 12
    a = selectors.get_nominee(e, "A")
    reasons = {r["reason"]: r["lines"] for r in selectors.signatures_by_reason(a, "en")}
    assert reasons == {"missing_field": 1, "outside_window": 1, "not_found": 1, "deceased": 1, "under_age": 1,
                       "other_region": 1, "duplicate_in_nominee": 1}
    assert list(reasons) == ["missing_field", "outside_window", "not_found", "deceased", "under_age",
                             "other_region", "duplicate_in_nominee"]  # precedence order
    assert selectors.signatures_by_reason(a, "kk")[0]["label"] != selectors.signatures_by_reason(a, "en")[0]["label"]
    by_region = {r["region_code"]: (r["lines"], r["valid"]) for r in selectors.signatures_by_region(a)}
    assert by_region == {"01": (9, 2)}
    load_snapshots()
    assert checks.verify_database().ok


def test_collectors_are_checked_when_given(world):
    e, _ = world
    services.import_lines(actor=w.ACTOR, election=e, lines=w.lines())
    services.verify_lines(actor=w.ACTOR, election=e, register=w.register(), stations=w.stations(),
                          deaths=w.deaths(), collectors={"C1", "C2"})
    assert SignatureLine.objects.get(line_id="B02").reason == "collector_not_accredited"
    assert SignatureLine.objects.get(line_id="A01").valid is True


def test_a_full_session_counts_exactly(world):
    e, nominees = world
    services.import_lines(actor=w.ACTOR, election=e, lines=w.lines())
    plan = sampling.Plan(first=0, tolerated=0.05)
    [s] = services.run_session(actor=w.ACTOR, nominee=nominees["A"], held_on=dt.date(2011, 2, 25), plan=plan,
                               required=2, proxy_present=False, register=w.register(), stations=w.stations(),
                               deaths=w.deaths())
    # nine lines, two valid (A01, A02) and one duplicate of A01 (A09): seven invalid, two voters
    assert (s.mode, s.stage, s.sampled, s.lines, s.invalid) == ("full", 1, 9, 9, 7)
    assert s.invalid_by_reason["duplicate_in_nominee"] == 1 and s.duplicates == 1
    assert (s.projected_valid, s.projected_low, s.projected_high) == (2, 2, 2)
    assert s.decision == "refused_invalid_share" and s.proxy_present is False
    assert SignatureLine.objects.filter(nominee=nominees["A"], session=s).count() == 9
    assert _entries("nomination.session.created") == 1
    load_snapshots()
    assert checks.verify_database().ok


def test_a_sample_session_is_seeded_and_two_stage(world):
    e, nominees = world
    services.import_lines(actor=w.ACTOR, election=e, lines=w.lines())
    plan = sampling.Plan(first=4, tolerated=0.2, second=3, seed=5)
    made = services.run_session(actor=w.ACTOR, nominee=nominees["A"], held_on=dt.date(2011, 2, 25), plan=plan,
                                required=1, proxy_present=True, register=w.register(), stations=w.stations(),
                                deaths=w.deaths())
    drawn = sampling.draw(sorted(w.EXPECTED)[:9], plan, 1)
    first = made[0]
    assert first.sampled == 4 and first.mode == "sample"
    assert set(SignatureLine.objects.filter(session=first).values_list("line_id", flat=True)) == set(drawn)
    bad = sum(1 for i in drawn if w.EXPECTED[i] is not None and w.EXPECTED[i] != "duplicate_in_nominee"
              or w.EXPECTED[i] == "duplicate_in_nominee" and "A01" in drawn)
    assert first.invalid == bad
    assert len(made) == 2 and made[0].decision == "second_stage"  # at least 2 of 4 invalid: over 20 %
    assert made[1].stage == 2 and made[1].sampled == 3
    assert made[1].decision in ("refused_invalid_share", "refused_too_few")
    with pytest.raises(services.NominationError, match="has a verification on 2011-02-25 already"):
        services.run_session(actor=w.ACTOR, nominee=nominees["A"], held_on=dt.date(2011, 2, 25), plan=plan,
                             required=1, proxy_present=True, register=w.register(), stations=w.stations())
    assert VerificationSession.objects.count() == 2

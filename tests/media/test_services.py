"""Media services and selectors on the database (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from saylau.core.tabular import TableError
from saylau.ledger import checks
from saylau.media import selectors, services
from saylau.media.core import analysis as A
from saylau.media.demo import load_simulation
from saylau.media.models import Coding, Item, Outlet

from .conftest import ACTOR, OUTLETS_CSV

pytestmark = pytest.mark.django_db


def test_simulation_through_the_services_gives_the_truth(world):
    _, election = world
    sim = load_simulation(election, actor=ACTOR)
    assert Item.objects.filter(outlet__election=election).count() == sim.truth["items"]
    assert Coding.objects.filter(item__outlet__election=election).count() == sim.truth["items"] + sim.truth[
        "double_coded"]
    report = selectors.report(election)
    incumbent = str(sim.truth["incumbent"])
    for outlet, truth in sim.truth["news"].items():
        assert A.value(report.news, outlet=outlet, subject_ref=incumbent) == A.Share(
            truth["numerator"], truth["denominator"])
    alphas = {a.variable: a for a in selectors.alphas(election)}
    assert alphas["tone"].items == sim.truth["double_coded"]
    checks.load_snapshots()
    assert checks.verify_database().ok


def test_import_from_csv_and_its_errors(world, tmp_path):
    _, election = world
    (tmp_path / "outlets.csv").write_text(OUTLETS_CSV, encoding="utf-8")
    services.import_outlets(actor=ACTOR, election=election, path=tmp_path / "outlets.csv")
    assert Outlet.objects.get(election=election, code="NP1").unit == "cm2"
    bad = tmp_path / "bad.csv"
    head = "outlet,aired_at,coder,programme,subject,candidate,party,amount,tone,speech,language\n"
    bad.write_text(head + "TV1,2011-03-20 19:08,asel,news,candidate,1,,-3,cheerful,direct,kk\n", encoding="utf-8")
    with pytest.raises(TableError) as caught:  # cells of the wrong type: found while reading
        services.import_codings(actor=ACTOR, election=election, path=bad)
    text = str(caught.value)
    assert "bad.csv" in text and "nothing was imported" in text
    assert "row 2, column 'amount'" in text and "'-3'" in text and "row 2, column 'tone'" in text
    bad.write_text(head
        + "TV1,2011-03-20 19:05,asel,news,candidate,1,,95,positive,direct,kk\n"
        + "TV9,2011-03-20 19:06,asel,news,candidate,1,,95,positive,direct,kk\n"
        + "TV1,20 March,asel,news,candidate,1,,95,positive,direct,kk\n"
        + "TV1,2011-03-20 19:07,asel,news,candidate,,,95,positive,direct,kk\n"
        + "TV1,2011-03-20 19:08,asel,news,candidate,7,,95,positive,direct,kk\n", encoding="utf-8")
    with pytest.raises(TableError) as caught:  # cells that do not fit the election: found before writing
        services.import_codings(actor=ACTOR, election=election, path=bad)
    text = str(caught.value)
    assert "bad.csv: 4 problem(s), nothing was imported" in text
    assert "row 3, column 'outlet': expected the code of a monitored outlet (NP1, TV1), got 'TV9'" in text
    assert "row 4, column 'aired_at'" in text and "'20 March'" in text
    assert "row 5, column 'candidate': expected the candidate's ballot number" in text
    assert "row 6, column 'candidate': expected a candidate's ballot number (1, 2, 3, 4), got '7'" in text
    assert not Item.objects.filter(outlet__election=election).exists()  # nothing half-written
    good = tmp_path / "good.csv"
    good.write_text(
        "outlet,aired_at,coder,programme,subject,candidate,party,amount,tone,speech,language\n"
        "TV1,2011-03-20 19:05,asel,news,candidate,1,,95,positive,direct,kk\n"
        "TV1,2011-03-20 19:05,bolat,news,candidate,1,,90,neutral,direct,kk\n"
        "NP1,2011-03-21T08:00+06:00,asel,news,candidate,2,,240,negative,,ru\n", encoding="utf-8")
    assert services.import_codings(actor=ACTOR, election=election, path=good) == {"items": 2, "codings": 3}
    item = Item.objects.get(outlet__code="TV1")
    assert item.aired_at == dt.datetime(2011, 3, 20, 13, 5, tzinfo=dt.UTC)  # 19:05 in Almaty
    assert item.code == "TV1-20110320T130500Z"
    assert list(item.codings.order_by("coder").values_list("coder", "final")) == [("asel", True), ("bolat", False)]
    with pytest.raises(TableError, match="has not coded this item"):  # the same file again
        services.import_codings(actor=ACTOR, election=election, path=good)
    assert Coding.objects.filter(item__outlet__election=election).count() == 3


def test_settle_a_disagreement_changes_what_is_analysed(world, tmp_path):
    _, election = world
    (tmp_path / "outlets.csv").write_text(OUTLETS_CSV, encoding="utf-8")
    services.import_outlets(actor=ACTOR, election=election, path=tmp_path / "outlets.csv")
    base = {"outlet": "TV1", "aired_at": "2011-03-20 19:05", "programme": "news", "subject": "candidate",
            "candidate": 1, "amount": 60, "speech": "direct", "language": "kk"}
    services.code_item(actor=ACTOR, election=election, values={**base, "coder": "asel", "tone": "positive"})
    second = services.code_item(actor=ACTOR, election=election,
                                values={**base, "coder": "bolat", "tone": "negative"})
    found = selectors.disagreements(election)
    assert [d["variables"] for d in found] == [["tone"]]
    tone = A.tone(selectors.items_frame(election))
    assert tone["tone"].to_list() == ["positive"]
    services.settle(actor=ACTOR, coding=second)
    tone = A.tone(selectors.items_frame(election))
    assert tone["tone"].to_list() == ["negative"]
    with pytest.raises(ValueError, match="already the one analysed"):
        services.settle(actor=ACTOR, coding=second)
    checks.load_snapshots()
    assert checks.verify_database().ok


def test_period_of_an_item_is_its_local_date(world, tmp_path):
    _, election = world
    (tmp_path / "outlets.csv").write_text(OUTLETS_CSV, encoding="utf-8")
    services.import_outlets(actor=ACTOR, election=election, path=tmp_path / "outlets.csv")
    services.write_periods(actor=ACTOR, election=election, rows=[
        {"code": "w1", "start": dt.date(2011, 3, 14), "end": dt.date(2011, 3, 20)},
        {"code": "w2", "start": dt.date(2011, 3, 21), "end": dt.date(2011, 3, 27)}])
    base = {"outlet": "TV1", "programme": "news", "subject": "administration", "amount": 30, "tone": "neutral",
            "language": "kk", "coder": "asel"}
    # 23:30 on 20 March in Almaty is 17:30 UTC on the 20th; 00:30 on the 21st is 18:30 UTC on the 20th
    services.code_item(actor=ACTOR, election=election, values={**base, "aired_at": "2011-03-20 23:30"})
    services.code_item(actor=ACTOR, election=election, values={**base, "aired_at": "2011-03-21 00:30"})
    frame = selectors.items_frame(election).sort("item")
    assert frame["period"].to_list() == ["w1", "w2"]
    with pytest.raises(ValueError, match="after it ends"):
        services.write_periods(actor=ACTOR, election=election, rows=[
            {"code": "w3", "start": dt.date(2011, 3, 28), "end": dt.date(2011, 3, 27)}])
    assert pl.Series(["x"]).len() == 1


def test_import_from_xlsx(world, tmp_path):
    from openpyxl import Workbook

    _, election = world
    (tmp_path / "outlets.csv").write_text(OUTLETS_CSV, encoding="utf-8")
    services.import_outlets(actor=ACTOR, election=election, path=tmp_path / "outlets.csv")
    book = Workbook()
    sheet = book.active
    sheet.append(["outlet", "aired_at", "coder", "programme", "subject", "candidate", "amount", "tone", "language"])
    sheet.append(["TV1", "2011-03-20 19:05:00", "asel", "paid", "candidate", 1, 30, "positive", "ru"])
    sheet.append(["NP1", "2011-03-21 08:00", "asel", "news", "other", None, "many", "neutral", "ru"])
    book.save(tmp_path / "codings.xlsx")
    with pytest.raises(TableError, match=r"row 3, column 'amount': expected a whole number of at least 1, got 'many'"):
        services.import_codings(actor=ACTOR, election=election, path=tmp_path / "codings.xlsx")
    sheet["G3"] = 120
    book.save(tmp_path / "codings.xlsx")
    assert services.import_codings(actor=ACTOR, election=election, path=tmp_path / "codings.xlsx") == {
        "items": 2, "codings": 2}
    paid = A.paid_editorial(selectors.items_frame(election))
    assert A.value(paid, outlet="TV1", group="paid") == A.Share(30, 30)


def test_programme_slots(world, tmp_path):
    from saylau.media.models import Slot

    _, election = world
    (tmp_path / "outlets.csv").write_text(OUTLETS_CSV, encoding="utf-8")
    services.import_outlets(actor=ACTOR, election=election, path=tmp_path / "outlets.csv")
    bad = tmp_path / "slots.csv"
    bad.write_text("outlet,code,name_en,programme,days,start,end\n"
                   "TV1,evening,Evening news,news,12345,19:00,19:40\n"
                   "TV9,late,Late news,news,1234567,23:30,00:15\n"
                   "TV1,late,Late news,news,1238,23:30,00:15\n"
                   "TV1,noon,Noon,news,1234567,noon,12:30\n", encoding="utf-8")
    with pytest.raises(TableError) as caught:
        services.import_slots(actor=ACTOR, election=election, path=bad)
    text = str(caught.value)
    assert "row 3, column 'outlet'" in text and "row 4, column 'days'" in text and "row 5, column 'start'" in text
    assert not Slot.objects.exists()
    bad.write_text("outlet,code,name_en,programme,days,start,end\n"
                   "TV1,evening,Evening news,news,12345,19:00,19:40\n"
                   "TV1,late,Late news,news,5,23:30,00:15\n", encoding="utf-8")
    evening, late = services.import_slots(actor=ACTOR, election=election, path=bad)
    friday = dt.datetime(2011, 3, 18, 19, 10)  # a Friday
    assert evening.covers(friday) and not evening.covers(friday + dt.timedelta(days=1))
    assert late.covers(dt.datetime(2011, 3, 18, 23, 45)) and late.covers(dt.datetime(2011, 3, 19, 0, 5))
    assert not late.covers(dt.datetime(2011, 3, 18, 0, 5))  # Thursday night's slot does not exist
    checks.load_snapshots()
    assert checks.verify_database().ok

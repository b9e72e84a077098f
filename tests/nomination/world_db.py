"""A small election for the nomination database tests, built through the services: two
regions (01, 02), a station each, a register of eight voters with real IINs, a deaths
list, and two nominees whose documents were accepted on 10 February 2011 (the kz-2011
calendar: signatures collected from 11 to 20 February)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from saylau.core.actors import Actor
from saylau.registry.core import iin

ACTOR = Actor.system("test")
DAY = dt.date(2011, 4, 3)
ACCEPTED = dt.date(2011, 2, 10)
WINDOW = (dt.date(2011, 2, 11), dt.date(2011, 2, 20))


def _iin(birth: dt.date, sex: str, serial: int) -> str:
    while (number := iin.make(birth, sex, serial)) is None:
        serial += 1
    return number


#: voter_id -> (surname, given_name, patronymic, sex, birth_date, station)
VOTERS = {
    "V1": ("Ахметов", "Ерлан", "Серикович", "M", dt.date(1970, 5, 4), "0101"),
    "V2": ("Иванова", "Мария", "Петровна", "F", dt.date(1965, 1, 20), "0101"),
    "V3": ("Сейткали", "Айгерим", "", "F", dt.date(1988, 9, 9), "0101"),
    "V4": ("Петров", "Олег", "Иванович", "M", dt.date(1950, 3, 3), "0201"),
    "V5": ("Жумабаев", "Нурлан", "Болатович", "M", dt.date(1993, 3, 1), "0101"),  # 18 on 1 March 2011
    "V6": ("Ким", "Виктор", "Сергеевич", "M", dt.date(1940, 7, 7), "0101"),  # died 1 February 2011
    "V7": ("Омарова", "Динара", "Каримовна", "F", dt.date(1980, 12, 12), "0101"),
    "V8": ("Смагулов", "Тимур", "Асанович", "M", dt.date(1975, 6, 6), "0201"),
}


def register() -> pl.DataFrame:
    rows = [{"voter_id": v, "iin": _iin(b, s, 100 + i), "surname": sn, "given_name": gn, "patronymic": pn or None,
             "sex": s, "birth_date": b, "address": f"Street {i}", "station": st, "date_added": dt.date(2010, 1, 1)}
            for i, (v, (sn, gn, pn, s, b, st)) in enumerate(VOTERS.items())]
    return pl.DataFrame(rows)


def stations() -> pl.DataFrame:
    return pl.DataFrame({"code": ["0101", "0201"], "district_code": ["D011", "D021"], "region_code": ["01", "02"],
                         "kind": ["regular", "regular"]})


def deaths() -> pl.DataFrame:
    reg = register().filter(pl.col("voter_id") == "V6")
    return reg.select("iin", "surname", "given_name", "patronymic", "birth_date",
                      date_of_death=pl.lit(dt.date(2011, 2, 1)))


def election():
    from saylau.geography.services import create_election, write_stations

    e = create_election(actor=ACTOR, slug="kz-2011", name_en="Early presidential election", kind="presidential",
                        date=DAY)
    write_stations(actor=ACTOR, election=e, rows=[
        {"region_code": r, "region_name_en": name, "district_code": f"D{r}1", "district_name_en": f"{name} district",
         "station_code": f"{r}01", "registered_voters": 1000, "area": "urban"}
        for r, name in (("01", "North"), ("02", "South"))])
    return e


def nominees(e):
    """Nominees A (self) and B (an association), each with its documents accepted on 10 February."""
    from saylau.nomination import services

    made = {}
    for code, name, by, body in (("A", "Aidar Nurpeisov", "self", ""), ("B", "Bota Seitova", "association",
                                                                        "Green Steppe")):
        n = services.create_nominee(actor=ACTOR, election=e, code=code, name_en=name, nominated_by=by,
                                    nominating_body=body, nominated_on=dt.date(2011, 2, 6))
        services.decide(actor=ACTOR, nominee=n, to_status="documents", number=f"1/{code}", decided_on=ACCEPTED,
                        votes_for=7, votes_against=0, members_present=7)
        made[code] = n
    return made


def line(line_id: str, voter: str | None, *, nominee: str = "A", sheet: str = "1", region: str = "01",
         signed: dt.date = dt.date(2011, 2, 12), collector: str = "C1", **change) -> dict:
    """A signature line copying voter ``voter`` of the register (``change`` overrides fields)."""
    reg = {r["voter_id"]: r for r in register().iter_rows(named=True)}
    v = reg.get(voter) or {"surname": "Неизвестный", "given_name": "Аноним", "patronymic": None,
                           "iin": _iin(dt.date(1960, 2, 2), "M", 9000), "birth_date": dt.date(1960, 2, 2),
                           "address": "Nowhere 1"}
    row = {"line_id": line_id, "nominee": nominee, "sheet": sheet, "region_code": region, "collector": collector,
           "surname": v["surname"], "given_name": v["given_name"], "patronymic": v["patronymic"], "iin": v["iin"],
           "birth_date": v["birth_date"], "address": v["address"], "signed_on": signed}
    row.update(change)
    return row


#: line -> the reason it is invalid (None: valid), by the rules, worked out by hand
EXPECTED = {
    "A01": None,                      # V1, exactly as on the register
    "A02": None,                      # V2 with the patronymic left out (optional)
    "A03": "missing_field",           # V3 without an address
    "A04": "outside_window",          # V7, signed on 21 February: a day after the window closed
    "A05": "not_found",               # nobody on the register
    "A06": "deceased",                # V6 died on 1 February, signed on 12 February
    "A07": "under_age",               # V5 turned 18 on 1 March, signed on 12 February
    "A08": "other_region",            # V4 votes in region 02, the sheet is region 01's
    "A09": "duplicate_in_nominee",    # V1 again, later (13 February)
    "B01": "signed_for_two",          # V1 for B on 14 February, after A01 on 12 February
    "B02": None,                      # V8 in region 02
    "B03": "unreadable_field",        # V7's surname as '???'
}


def lines() -> pl.DataFrame:
    rows = [
        line("A01", "V1"), line("A02", "V2", patronymic=None), line("A03", "V3", address=None),
        line("A04", "V7", signed=dt.date(2011, 2, 21)), line("A05", None), line("A06", "V6"), line("A07", "V5"),
        line("A08", "V4"), line("A09", "V1", signed=dt.date(2011, 2, 13), sheet="2"),
        line("B01", "V1", nominee="B", signed=dt.date(2011, 2, 14), collector="C2"),
        line("B02", "V8", nominee="B", sheet="3", region="02", collector="C3"),
        line("B03", "V7", nominee="B", surname="???", collector="C2"),
    ]
    return pl.DataFrame(rows, schema={"line_id": pl.Utf8, "nominee": pl.Utf8, "sheet": pl.Utf8,
                                      "region_code": pl.Utf8, "collector": pl.Utf8, "surname": pl.Utf8,
                                      "given_name": pl.Utf8, "patronymic": pl.Utf8, "iin": pl.Utf8,
                                      "birth_date": pl.Date, "address": pl.Utf8, "signed_on": pl.Date})

"""The statement's candidate registration, campaign and observers sentences on a small
election built through ``saylau.nomination``'s services, against figures computed by
hand from the fixture below (not from the code under test).

The fixture (``build_world``; the web pages' tests use it too):

* three nominees: N01 (self-nominated, the incumbent) registered after three decisions;
  N02 (a public association's) refused on the language test; N03 withdrew;
* N01's eight signature lines: five valid, one not in the register (``not_found``),
  one with no address (``missing_field``), one signed before the collection window
  (``outside_window``). The commission struck four lines: the three invalid ones,
  with a reason recorded only for the line without an address, and one valid line
  with no reason. So the commissions recorded no reason for 3 of 4 lines struck, and 1 of
  the 4 was valid;
* one full check of N01's lines, the proxy absent: 5 valid of 8 (3 invalid: 37.5 per cent, under the 50
  per cent tolerated), 5 required: enough;
* applications for accreditation: four proxies of N01 at one station (the limit is
  three: the fourth is refused), one of N02 (not a candidate: refused), two domestic
  observers of a public association, one international observer, one journalist.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from saylau.core.actors import Actor

ACTOR = Actor.system("tests")
DAY = dt.date(2011, 4, 3)
WINDOW = (dt.date(2011, 2, 20), dt.date(2011, 3, 1))
PEOPLE = [  # surname, given name, patronymic, sex, birth date, serial
    ("Abenov", "Arman", "Serikovich", "M", dt.date(1960, 5, 1), 1),
    ("Baimukhanova", "Dana", "Erlanovna", "F", dt.date(1975, 7, 12), 2),
    ("Chernov", "Ivan", "Petrovich", "M", dt.date(1950, 1, 30), 3),
    ("Dzhaksybekova", "Aigul", "Maratovna", "F", dt.date(1988, 11, 3), 4),
    ("Ermekov", "Timur", "Askarovich", "M", dt.date(1992, 2, 14), 5),
    ("Fazylova", "Madina", "Kairatovna", "F", dt.date(1969, 9, 9), 6),
    ("Galiev", "Rustam", "Nurlanovich", "M", dt.date(1981, 3, 21), 7),
]


def _iin(birth: dt.date, sex: str, serial: int) -> str:
    from saylau.registry.core import iin

    for s in range(serial, serial + 50):
        made = iin.make(birth, sex, s * 7)
        if made is not None:
            return made
    raise AssertionError("no IIN")


def register_frames() -> tuple[pl.DataFrame, pl.DataFrame]:
    """The voter register (registry.core.simulation.COLUMNS) and the stations with their regions."""
    rows = []
    for i, (surname, given, patronymic, sex, birth, serial) in enumerate(PEOPLE):
        rows.append({"voter_id": f"V{i + 1:03d}", "iin": _iin(birth, sex, serial), "surname": surname,
                     "given_name": given, "patronymic": patronymic, "sex": sex, "birth_date": birth,
                     "address": f"{i + 1} Abai street", "station": "0111", "date_added": dt.date(2010, 1, 1)})
    register = pl.DataFrame(rows)
    stations = pl.DataFrame({"code": ["0111", "0112", "0211"], "region_code": ["01", "01", "02"]})
    return register, stations


def build_world() -> dict:
    from saylau.geography.services import create_election, write_stations
    from saylau.nomination import services
    from saylau.nomination.core.eligibility import Check
    from saylau.nomination.core.sampling import Plan
    from saylau.nomination.core.signatures import Rules

    election = create_election(actor=ACTOR, slug="nom-2011", name_en="Test election", name_ru="Тестовые выборы",
                               name_kk="Сынақ сайлауы", kind="presidential", date=DAY)
    write_stations(actor=ACTOR, election=election, rows=[
        {"region_code": region, "region_name_en": name, "region_name_ru": name_ru, "region_name_kk": name_kk,
         "district_code": f"D{code[:3]}", "district_name_en": f"District {code[:3]}", "station_code": code,
         "station_name_en": code, "registered_voters": 1000, "area": "urban"}
        for region, name, name_ru, name_kk, code in (
            ("01", "North", "Север", "Солтүстік", "0111"), ("01", "North", "Север", "Солтүстік", "0112"),
            ("02", "South", "Юг", "Оңтүстік", "0211"))])
    n1 = services.create_nominee(actor=ACTOR, election=election, code="N01", name_en="Aidar Bekov",
                                 name_ru="Айдар Беков", name_kk="Айдар Беков", nominated_by="self",
                                 nominated_on=dt.date(2011, 2, 10), incumbent=True)
    n2 = services.create_nominee(actor=ACTOR, election=election, code="N02", name_en="Dana Sadykova",
                                 name_ru="Дана Садыкова", name_kk="Дана Садықова", nominated_by="association",
                                 nominating_body="Green Steppe", nominated_on=dt.date(2011, 2, 11))
    n3 = services.create_nominee(actor=ACTOR, election=election, code="N03", name_en="Serik Omarov",
                                 name_ru="Серик Омаров", name_kk="Серік Омаров", nominated_by="self",
                                 nominated_on=dt.date(2011, 2, 12))
    services.record_eligibility(actor=ACTOR, nominee=n1, checks=[
        Check("age", "passed", "born 1950-01-30: 61 on election day"),
        Check("language", "passed", "language commission, protocol 4 of 2011-02-18")])
    services.record_eligibility(actor=ACTOR, nominee=n2, checks=[
        Check("language", "failed", "language commission: 28 errors in the written test")])
    vote = {"members_present": 7, "votes_for": 7, "votes_against": 0}
    services.decide(actor=ACTOR, nominee=n1, to_status="documents", number="3/11", decided_on=dt.date(2011, 2, 19),
                    **vote)
    services.decide(actor=ACTOR, nominee=n1, to_status="signatures", number="5/20", decided_on=dt.date(2011, 3, 2),
                    **vote)
    services.decide(actor=ACTOR, nominee=n2, to_status="refused", number="4/15", decided_on=dt.date(2011, 2, 21),
                    ground="language", reason="failed the Kazakh language test", members_present=7, votes_for=6,
                    votes_against=1, published_on=dt.date(2011, 2, 22))
    services.decide(actor=ACTOR, nominee=n3, to_status="withdrawn", number="4/16", decided_on=dt.date(2011, 2, 21),
                    **vote)
    register, stations = register_frames()
    lines = []
    for i, person in enumerate(register.head(5).iter_rows(named=True)):  # five valid lines
        lines.append({"line_id": f"L{i + 1}", "surname": person["surname"], "given_name": person["given_name"],
                      "patronymic": person["patronymic"], "iin": person["iin"], "birth_date": person["birth_date"],
                      "address": person["address"], "signed_on": dt.date(2011, 2, 25), "struck": i == 0,
                      "struck_reason": ""})
    sixth = register.row(5, named=True)
    seventh = register.row(6, named=True)
    lines += [
        {"line_id": "L6", "surname": "Nobody", "given_name": "Ghost", "patronymic": "", "iin": _iin(
            dt.date(1970, 1, 1), "M", 900), "birth_date": dt.date(1970, 1, 1), "address": "nowhere",
         "signed_on": dt.date(2011, 2, 25), "struck": True, "struck_reason": ""},
        {"line_id": "L7", "surname": sixth["surname"], "given_name": sixth["given_name"],
         "patronymic": sixth["patronymic"], "iin": sixth["iin"], "birth_date": sixth["birth_date"], "address": "",
         "signed_on": dt.date(2011, 2, 25), "struck": True, "struck_reason": "missing_field"},
        {"line_id": "L8", "surname": seventh["surname"], "given_name": seventh["given_name"],
         "patronymic": seventh["patronymic"], "iin": seventh["iin"], "birth_date": seventh["birth_date"],
         "address": seventh["address"], "signed_on": dt.date(2011, 2, 1), "struck": True, "struck_reason": ""},
    ]
    frame = pl.DataFrame([{"nominee": "N01", "sheet": "S1", "region_code": "01", "collector": "C1", **row}
                          for row in lines]).with_columns(pl.col("birth_date", "signed_on").cast(pl.Date))
    services.import_lines(actor=ACTOR, election=election, lines=frame, source="fixture")
    rules = Rules(window_start=WINDOW[0], window_end=WINDOW[1], election_day=DAY)
    services.verify_lines(actor=ACTOR, election=election, register=register, stations=stations, rules=rules)
    services.run_session(actor=ACTOR, nominee=n1, held_on=dt.date(2011, 3, 3), plan=Plan(first=0, tolerated=0.5),
                         required=5, proxy_present=False, register=register, stations=stations, rules=rules)
    services.decide(actor=ACTOR, nominee=n1, to_status="registered", number="6/25", decided_on=dt.date(2011, 3, 4),
                    ground="registered_enough", **vote)
    applications = pl.DataFrame([
        *({"kind": "proxy", "full_name": f"Proxy {i}", "nominee": "N01", "station_code": "0111"} for i in range(4)),
        {"kind": "proxy", "full_name": "Proxy of N02", "nominee": "N02", "station_code": "0211"},
        {"kind": "domestic_observer", "full_name": "Asel Domestic", "organisation": "Fair Elections",
         "station_code": "0111"},
        {"kind": "domestic_observer", "full_name": "Bolat Domestic", "organisation": "Fair Elections",
         "station_code": "0211"},
        {"kind": "international_observer", "full_name": "Anna International", "state": "DE", "region_code": "02"},
        {"kind": "media", "full_name": "Marat Journalist", "organisation": "Steppe News", "region_code": "01"},
    ])
    services.import_accreditations(actor=ACTOR, election=election, applications=applications, source="fixture")
    return {"election": election, "nominees": (n1, n2, n3)}


@pytest.mark.django_db
def test_statement_sentences_equal_the_hand_computed_figures():
    from saylau.statement.core.compose import compose
    from saylau.statement.selectors import collect

    world = build_world()
    inputs = collect(world["election"])
    s = inputs.nomination
    assert s is not None
    assert (s.nominees, dict(s.by_status)) == (3, {"registered": 1, "refused": 1, "withdrawn": 1})
    assert (s.lines_checked, s.invalid, dict(s.invalid_by_reason)) == (
        8, 3, {"not_found": 1, "missing_field": 1, "outside_window": 1})
    assert (s.struck, s.struck_without_reason) == (4, 3)
    (sample,) = s.samples
    assert (sample.code, sample.lines, sample.sampled, sample.invalid, sample.estimate, sample.required,
            sample.decision) == ("N01", 8, 8, 3, 5.0, 5, "registered_enough")
    assert [(dict(n)["en"], k, inc) for n, k, inc in s.proxies_by_candidate] == [("Aidar Bekov", 3, True)]
    assert (s.proxies_refused, s.proxies_over_limit) == (2, 1)
    assert dict(s.accredited) == {"domestic_observer": 2, "international_observer": 1, "media": 1}
    assert (s.refused_documents, s.refused_signatures, s.struck_valid) == (1, 0, 1)  # N02 on language; line L1
    assert dict(s.domestic_by_nominator) == {"association": 2}
    expected = {
        "en": ("Of the three nominees, one was registered as a candidate, one was refused registration and one "
               "withdrew.",
               "The mission checked eight supporting signatures of one nominee against the voter register and found "
               "three invalid, each for a stated reason: a required field is empty 1; signed outside the collection "
               "period 1; ",
               "Territorial commissions recorded no reason for three of four invalidated signatures.",
               "Of the signatures they invalidated, one was valid by the mission's check against the voter register.",
               "Candidates registered three proxies, three of them for the incumbent, Aidar Bekov.",
               "Accreditation was refused to two proxies, one of them over the limit of three per candidate per "
               "polling station."),
        "ru": ("для 3 из них причина не указана.", "Айдар Беков: проверены все представленные подписи (8), "
               "недействительных — 3; расчётное число действительных подписей — 5 (95-процентный интервал: 5–5), "
               "требуется — 5. Решение по правилу: достаточно действительных подписей."),
        "kk": ("Аумақтық комиссиялар жарамсыз деп таныған қолтаңбалар саны – 4, оның ішінде 3 қолтаңба бойынша себеп "
               "көрсетілмеген.",),
    }
    for lang, pieces in expected.items():
        doc = compose(inputs, lang)
        text = " ".join("".join(p if isinstance(p, str) else p.text for p in sentence)
                        for section in doc.sections for sentence in section.sentences)
        for piece in pieces:
            assert piece in text, (lang, piece, text)

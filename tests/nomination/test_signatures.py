"""Support signatures checked against the register: each reason on a
hand-made line, the precedence when several apply, the matcher's rule (a
name misspelt, in another script or with another ending still matches; an
IIN under another person's name does not), and the simulation's ground truth
(every line of a small simulated nomination verified)."""

import datetime as dt

import polars as pl
import pytest

from saylau.core.errors import UserError
from saylau.nomination.core import signatures
from saylau.nomination.core.reasons import DECISIONS, REASONS
from saylau.nomination.core.signatures import LINE_COLUMNS, Rules
from saylau.registry.core import iin

D = dt.date


def _iin(born: dt.date, sex: str, serial: int) -> str:
    number = iin.make(born, sex, serial)
    return number if number else iin.make(born, sex, serial + 1)


PEOPLE = [  # voter_id, surname, given name, patronymic, sex, born, station
    ("V1", "Жақсыбеков", "Ерлан", "Нұрланұлы", "M", D(1986, 12, 6), "S1"),
    ("V2", "Иванова", "Анна", "Петровна", "F", D(1990, 1, 1), "S1"),
    ("V3", "Сейтқалиев", "Нұрлан", "Асқарұлы", "M", D(1975, 5, 5), "S2"),
    ("V4", "Омарова", "Айгүл", "Серікқызы", "F", D(1993, 3, 1), "S1"),  # 18 on 1 March 2011
    ("V5", "Петров", "Сергей", "Иванович", "M", D(1950, 7, 7), "S1"),  # died 15 February 2011
    ("V6", "Жақсыбекова", "Гүлнар", "Маратқызы", "F", D(1988, 8, 8), "S1"),  # V1's wife
]
REGISTER = pl.DataFrame(
    [(v, _iin(b, sex, 10 + k), s, g, p, sex, b, f"address {v}", st, D(2000, 1, 1))
     for k, (v, s, g, p, sex, b, st) in enumerate(PEOPLE)],
    schema=["voter_id", "iin", "surname", "given_name", "patronymic", "sex", "birth_date", "address", "station",
            "date_added"], orient="row")
IIN = dict(zip(REGISTER["voter_id"], REGISTER["iin"], strict=True))
STATIONS = pl.DataFrame({"code": ["S1", "S2"], "region_code": ["R1", "R2"]})
DEATHS = pl.DataFrame({"iin": [IIN["V5"]], "surname": ["Петров"], "given_name": ["Сергей"],
                       "patronymic": ["Иванович"], "birth_date": [D(1950, 7, 7)], "date_of_death": [D(2011, 2, 15)]})
RULES = Rules(window_start=D(2011, 2, 10), window_end=D(2011, 3, 10), election_day=D(2011, 4, 3))
OUTSIDER_IIN = _iin(D(1980, 6, 6), "M", 4242)  # valid, on no one's record


def broken(number: str) -> str:
    """The number with its last (check) digit wrong."""
    return number[:11] + str((int(number[11]) + 1) % 10)


def line(voter: str | None = "V1", **changes) -> dict:
    """A line written by a register voter exactly as the register has him (or changed)."""
    row = {"line_id": None, "nominee": "A", "sheet": "1", "region_code": "R1", "collector": "C1",
           "surname": None, "given_name": None, "patronymic": None, "iin": None, "birth_date": None,
           "address": "ул. Мира, 1", "signed_on": D(2011, 2, 20)}
    if voter:
        r = REGISTER.filter(pl.col("voter_id") == voter).row(0, named=True)
        row.update({k: r[k] for k in ("surname", "given_name", "patronymic", "iin", "birth_date")})
        row["region_code"] = STATIONS.filter(pl.col("code") == r["station"])["region_code"].item()
    row.update(changes)
    return row


def check(*rows: dict, rules=RULES, collectors=None, deaths=DEATHS) -> pl.DataFrame:
    frame = pl.DataFrame([{**r, "line_id": r["line_id"] or f"L{i + 1:02d}"}
                          for i, r in enumerate(rows)],
                         schema={c: (pl.Date if c in ("birth_date", "signed_on") else pl.String) for c in LINE_COLUMNS})
    return signatures.verify(frame, REGISTER, stations=STATIONS, rules=rules, deaths=deaths, collectors=collectors)


def reasons(*rows: dict, **kw) -> list[str | None]:
    return check(*rows, **kw)["reason"].to_list()


def test_reasons_and_decisions_have_three_languages():
    assert list(REASONS) == ["missing_field", "unreadable_field", "outside_window", "collector_not_accredited",
                             "not_found", "deceased", "under_age", "other_region", "duplicate_in_nominee",
                             "signed_for_two"]
    for table in (REASONS, DECISIONS):
        for code, (en, ru, kk) in table.items():
            assert en and ru and kk and len({en, ru, kk}) == 3, code


def test_a_clean_line_is_valid_and_names_its_voter():
    out = check(line("V1"), line("V3"))
    assert out.columns == ["line_id", "voter_id", "valid", "reason", "matched_by"]
    assert out.rows() == [("L01", "V1", True, None, "iin"), ("L02", "V3", True, None, "iin")]


# --- the matcher's rule ---------------------------------------------------------

def test_names_written_differently_still_match():
    out = check(
        # passport Latin and a broken check digit: found by names and birth date
        line("V1", surname="Zhaksybekov", given_name="Yerlan", patronymic=None, iin=broken(IIN["V1"])),
        # Russian look-alikes of the Kazakh letters, the right IIN
        line("V3", surname="Сейткалиев", given_name="Нурлан", patronymic="Аскарович"),
        # the masculine ending, an IIN of 9 digits (an ID card number): by names
        line("V2", surname="Иванов", iin="012345678"),
        # a letter left out of the surname, the right IIN
        line("V4", surname="Омрова", signed_on=D(2011, 3, 2)),
        # surname and given name swapped, no usable IIN
        line("V3", line_id="L5", surname="Нұрлан", given_name="Сейтқалиев", iin="7505053000"),
    )
    assert out["voter_id"].to_list() == ["V1", "V3", "V2", "V4", "V3"]
    assert out["matched_by"].to_list() == ["names", "iin", "names", "iin", "names"]
    # V3 twice for nominee A: the second (same day, larger line_id) is the duplicate
    assert out["reason"].to_list() == [None, None, None, None, "duplicate_in_nominee"]


def test_an_iin_under_another_persons_name_is_not_that_voter():
    out = check(
        # V2's number under a name that is not hers, born the day the IIN says: not V2, on no list
        line(None, surname="Омаров", given_name="Бауыржан", iin=IIN["V2"], birth_date=D(1990, 1, 1)),
        # V2's number with her given name and a new (married) surname: V2 (one name agrees)
        line("V2", surname="Петрова"),
        # V6 writes her husband's IIN: her own names and birth date find her, not him
        line("V6", iin=IIN["V1"]),
    )
    assert out["voter_id"].to_list() == [None, "V2", "V6"]
    assert out["reason"].to_list() == ["not_found", None, None]


def _valid_slip(number: str) -> str:
    """Another valid number one digit of the serial away (the 11th digit weighs 11, nothing
    modulo 11, so a slip there keeps the check digit unless the second weighting applies)."""
    for k in range(10, 6, -1):
        for d in "0123456789":
            other = number[:k] + d + number[k + 1:]
            if other != number and iin.valid_array(pl.Series([other]))[0]:
                return other
    raise AssertionError(number)


def test_a_mistyped_iin_that_is_still_valid_still_finds_its_voter():
    slip = _valid_slip(IIN["V3"])
    assert sum(a != b for a, b in zip(slip, IIN["V3"], strict=True)) == 1
    out = check(line("V3", iin=slip), line("V1", line_id="L9", iin=IIN["V1"][:5] + IIN["V1"][6] + IIN["V1"][5]
                                                    + IIN["V1"][7:]))
    assert out["voter_id"].to_list() == ["V3", "V1"] and out["reason"].to_list() == [None, None]


def test_a_namesake_with_another_valid_iin_is_another_person():
    # the same names and birth date as V1 but a valid IIN that is not V1's: two people
    assert reasons(line("V1", iin=_iin(D(1986, 12, 6), "M", 777))) == ["not_found"]
    # the same line without its IIN is missing a field, not V1
    assert reasons(line("V1", iin=None)) == ["missing_field"]


def test_close_keys_and_slips_by_hand():
    from saylau.registry.core import matching

    pairs = matching.close_keys(pl.Series(["ahmetov", "li", "sadikov"]),
                                pl.Series(["ahmetov", "ahmtov", "ahmteov", "ahmetav", "ahmet", "lee", "li", "sadikova"]))
    close = {(a, b) for a, b in pairs.iter_rows()}
    # one letter out, two neighbours swapped, one letter replaced; not two letters out, not a short key
    assert {("ahmetov", x) for x in ("ahmetov", "ahmtov", "ahmteov", "ahmetav")} <= close
    assert ("ahmetov", "ahmet") not in close and ("li", "lee") not in close and ("li", "li") in close
    assert ("sadikov", "sadikova") in close  # a letter added
    slips = pl.DataFrame({"a": ["861206312341", "861206312341", "861206312341", "861206312341", "86120631234"],
                          "b": ["861206312341", "861206312371", "861206313241", "861206352391", "861206312341"]})
    got = slips.select(matching.one_slip(pl.col("a"), pl.col("b"))).to_series().to_list()
    # equal; one digit; two neighbours swapped; two digits apart (not neighbours swapped); a short number
    assert got == [True, True, True, False, False]


# --- each reason ----------------------------------------------------------------

@pytest.mark.parametrize("field", ["surname", "given_name", "iin", "birth_date", "address", "signed_on"])
def test_missing_field(field):
    assert reasons(line("V1", **{field: None})) == ["missing_field"]
    if field not in ("birth_date", "signed_on"):
        assert reasons(line("V1", **{field: "  "})) == ["missing_field"]


def test_a_missing_patronymic_is_not_a_fault():
    assert reasons(line("V1", patronymic=None)) == [None]


def test_unreadable_field():
    assert reasons(
        line("V1", surname="???"),
        line("V3", given_name="--"),
        # a broken IIN and names that find no one
        line(None, surname="Ахметов", given_name="Болат", iin="8512?1300123", birth_date=D(1985, 12, 1)),
        line(None, surname="Ахметов", given_name="Болат", iin=broken(OUTSIDER_IIN),
             birth_date=D(1980, 6, 6)),
    ) == ["unreadable_field"] * 4


def test_a_date_written_as_text():
    frame = pl.DataFrame([line("V1"), line("V3")], schema_overrides={"line_id": pl.String}).with_columns(
        line_id=pl.Series(["L1", "L2"]), birth_date=pl.Series(["06.12.1986", "31.02.1975"]),
        signed_on=pl.Series(["2011-02-20", "2011-02-20"]))
    out = signatures.verify(frame, REGISTER, stations=STATIONS, rules=RULES)
    assert out["reason"].to_list() == [None, "unreadable_field"]


def test_outside_window_bounds_are_inside():
    assert reasons(line("V1", signed_on=D(2011, 2, 9)), line("V3", signed_on=D(2011, 2, 10)),
                   line("V2", signed_on=D(2011, 3, 10)), line("V6", signed_on=D(2011, 3, 11))) == [
        "outside_window", None, None, "outside_window"]


def test_collector_not_accredited():
    rows = [line("V1", collector="C1"), line("V3", collector="C9"), line("V2", collector=None)]
    assert reasons(*rows, collectors={"C1"}) == [None, "collector_not_accredited", "collector_not_accredited"]
    assert reasons(*rows, collectors=None) == [None, None, None]


def test_not_found():
    assert reasons(line(None, surname="Ахметов", given_name="Болат", iin=OUTSIDER_IIN, birth_date=D(1980, 6, 6))) == [
        "not_found"]


def test_deceased_only_when_signed_after_death():
    # died 15 February: signed on the 14th valid, on the 15th or later in a dead man's name
    assert reasons(line("V5", signed_on=D(2011, 2, 14)), line("V5", nominee="B", signed_on=D(2011, 2, 15)),
                   line("V5", nominee="C", signed_on=D(2011, 2, 16)),
                   rules={"A": RULES, "B": RULES, "C": RULES}) == [None, "deceased", "deceased"]
    # a deaths list without dates: any match is a death
    assert reasons(line("V5"), deaths=DEATHS.drop("date_of_death")) == ["deceased"]
    # found by names (a typo in the IIN) on the deaths list too
    assert reasons(line("V5", iin=broken(IIN["V5"]))) == ["deceased"]


def test_under_age_on_the_day_signed():
    # V4 born 1 March 1993: 17 on 28 February 2011, 18 on 1 March
    assert reasons(line("V4", signed_on=D(2011, 2, 28))) == ["under_age"]
    assert reasons(line("V4", signed_on=D(2011, 3, 1))) == [None]
    # a minimum age of 21: under age either day
    older = Rules(RULES.window_start, RULES.window_end, RULES.election_day, minimum_age=21)
    assert reasons(line("V4", signed_on=D(2011, 3, 1)), rules=older) == ["under_age"]
    # the register's birth date counts, not the one written on the line
    assert reasons(line("V4", signed_on=D(2011, 2, 28), birth_date=D(1990, 3, 1))) == ["under_age"]


def test_other_region():
    assert reasons(line("V3", region_code="R1"), line("V1", region_code="R2")) == ["other_region", "other_region"]


def test_duplicates_within_a_nominee_the_earliest_counts():
    out = check(line("V1", line_id="L1", signed_on=D(2011, 2, 12)), line("V1", line_id="L2", signed_on=D(2011, 2, 11)),
                line("V1", line_id="L3", signed_on=D(2011, 2, 11)))
    assert out["reason"].to_list() == ["duplicate_in_nominee", None, "duplicate_in_nominee"]


def test_signed_for_two_nominees():
    rows = [line("V1", line_id="L1", nominee="A", signed_on=D(2011, 2, 12)),
            line("V1", line_id="L2", nominee="B", signed_on=D(2011, 2, 11)),
            line("V3", line_id="L3", nominee="A", signed_on=D(2011, 2, 11)),
            line("V3", line_id="L4", nominee="B", signed_on=D(2011, 2, 11))]
    both = {"A": RULES, "B": RULES}
    assert reasons(*rows, rules=both) == ["signed_for_two", None, None, "signed_for_two"]
    free = Rules(RULES.window_start, RULES.window_end, RULES.election_day, one_nominee_only=False)
    assert reasons(*rows, rules=free) == [None, None, None, None]


def test_each_nominee_has_its_own_window():
    late = Rules(D(2011, 2, 15), D(2011, 2, 25), RULES.election_day)
    rules = {"A": RULES, "B": late}
    assert reasons(line("V1", nominee="A", signed_on=D(2011, 2, 12)), line("V3", nominee="B", signed_on=D(2011, 2, 12)),
                   rules=rules) == [None, "outside_window"]
    with pytest.raises(UserError, match="no verification rules for nominee"):
        check(line("V1", nominee="C"), rules=rules)


# --- precedence -----------------------------------------------------------------

def test_precedence_first_reason_wins():
    outsider = {"surname": "Ахметов", "given_name": "Болат", "iin": OUTSIDER_IIN, "birth_date": D(1980, 6, 6)}
    rows = [
        # missing address, outside the window, a collector not accredited, not on the register
        line(None, **outsider, address=None, signed_on=D(2011, 1, 1), collector="C9"),
        # unreadable name, outside the window
        line("V1", surname="???", signed_on=D(2011, 1, 1)),
        # outside the window, a collector not accredited, another region
        line("V3", region_code="R1", signed_on=D(2011, 3, 20), collector="C9"),
        # a collector not accredited, not found
        line(None, **outsider, collector="C9"),
        # not found (no one) in another region's sheet
        line(None, **outsider, region_code="R2"),
        # dead, and another region
        line("V5", region_code="R2", signed_on=D(2011, 2, 20)),
        # under age and another region
        line("V4", region_code="R2", signed_on=D(2011, 2, 20)),
    ]
    assert reasons(*rows, collectors={"C1"}) == [
        "missing_field", "unreadable_field", "outside_window", "collector_not_accredited", "not_found", "deceased",
        "under_age"]


def test_a_line_struck_for_another_reason_does_not_take_the_voters_place():
    # V1's first line is outside the window: his second counts; his line for B is then signed_for_two
    rows = [line("V1", line_id="L1", signed_on=D(2011, 2, 9)), line("V1", line_id="L2", signed_on=D(2011, 2, 12)),
            line("V1", line_id="L3", nominee="B", signed_on=D(2011, 2, 13)),
            line("V1", line_id="L4", signed_on=D(2011, 2, 14))]
    assert reasons(*rows, rules={"A": RULES, "B": RULES}) == [
        "outside_window", None, "signed_for_two", "duplicate_in_nominee"]


# --- errors for people ----------------------------------------------------------

def test_bad_frames_say_what_is_wrong():
    frame = pl.DataFrame([{**line("V1"), "line_id": "L1"}])
    with pytest.raises(UserError, match="lack the column.*address"):
        signatures.verify(frame.drop("address"), REGISTER, stations=STATIONS, rules=RULES)
    with pytest.raises(UserError, match="line_id must be unique; repeated: L1"):
        signatures.verify(pl.concat([frame, frame]), REGISTER, stations=STATIONS, rules=RULES)
    with pytest.raises(UserError, match="1 signature line.*no nominee.*line\\(s\\) 1"):
        signatures.verify(frame.with_columns(nominee=pl.lit(" ")), REGISTER, stations=STATIONS, rules=RULES)


# --- the simulation's ground truth ----------------------------------------------

@pytest.fixture(scope="module")
def simulated():
    from saylau.nomination.core.simulation import simulate_nomination
    from saylau.registry.core.simulation import simulate_register

    register = simulate_register(0.01, seed=2011)
    return register, simulate_nomination(register, seed=2011)


def test_every_simulated_line_gets_its_true_reason(simulated):
    register, sim = simulated
    accredited = set(sim.collectors.filter(pl.col("accredited"))["collector"].to_list())
    rules = {n: sim.signature_rules(n) for n in sim.lines["nominee"].unique().to_list()}
    out = signatures.verify(sim.lines, register.current, stations=register.stations, rules=rules,
                            deaths=register.deaths, collectors=accredited)
    assert out["line_id"].to_list() == sim.lines["line_id"].to_list()
    both = out.join(sim.truth_lines.select("line_id", true_voter="voter_id", truth="reason"), on="line_id")
    assert len(both) == len(sim.lines) > 5_000
    found, true = ~both["valid"], both["truth"].is_not_null()
    precision = (found & true).sum() / found.sum()
    recall = (found & true).sum() / true.sum()
    assert precision >= 0.99 and recall >= 0.99, (precision, recall)
    right = (both["reason"].fill_null("valid") == both["truth"].fill_null("valid")).mean()
    assert right >= 0.999, both.filter(both["reason"].fill_null("valid") != both["truth"].fill_null("valid"))
    # every reason is in the simulation, and found
    assert set(both["truth"].drop_nulls().unique()) == set(REASONS)
    valid = both.filter("valid")
    assert (valid["voter_id"] == valid["true_voter"]).mean() >= 0.999


def test_full_checks_give_the_true_decisions(simulated):
    from saylau.nomination.core import sampling

    register, sim = simulated
    accredited = set(sim.collectors.filter(pl.col("accredited"))["collector"].to_list())
    rules = {n: sim.signature_rules(n) for n in sim.lines["nominee"].unique().to_list()}
    verdicts = sim.lines.select("line_id", "nominee", "region_code").join(
        signatures.verify(sim.lines, register.current, stations=register.stations, rules=rules,
                          deaths=register.deaths, collectors=accredited), on="line_id")
    regions = sorted(register.stations["region_code"].unique().to_list())
    rule = sampling.SpreadRule(sim.required, 2 / 3, sim.per_region)
    decided = {}
    for (nominee,), part in verdicts.group_by("nominee"):
        plan = sampling.Plan(first=len(part), tolerated=sim.tolerated)
        decided[nominee] = sampling.decide(plan, [part], total_lines=len(part), required=sim.required, rule=rule,
                                           regions=regions).code
    truth = dict(sim.truth_nominees.filter(pl.col("decision").is_not_null()).select("nominee", "decision").iter_rows())
    assert decided == truth
    assert set(truth.values()) == {"registered_enough", "refused_too_few", "refused_invalid_share", "refused_spread"}

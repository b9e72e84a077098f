"""House-style numbers in English, Russian and Kazakh (hand-written expectations)."""

from __future__ import annotations

import pytest

from saylau.core.wording import (
    NBSP,
    NOUN_KEYS,
    format_int,
    noun,
    number_words,
    percent,
    plural_ru,
    proportion_phrase,
    quantity,
)

# --- number_words --------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "en", "ru", "kk"),
    [
        (0, "zero", "ноль", "нөл"),
        (1, "one", "один", "бір"),
        (2, "two", "два", "екі"),
        (3, "three", "три", "үш"),
        (4, "four", "четыре", "төрт"),
        (5, "five", "пять", "бес"),
        (6, "six", "шесть", "алты"),
        (7, "seven", "семь", "жеті"),
        (8, "eight", "восемь", "сегіз"),
        (9, "nine", "девять", "тоғыз"),
        (10, "ten", "десять", "он"),
    ],
)
def test_number_words_zero_to_ten(n: int, en: str, ru: str, kk: str) -> None:
    assert number_words(n, "en") == en
    assert number_words(n, "ru") == ru
    assert number_words(n, "kk") == kk


def test_number_words_russian_gender() -> None:
    assert [number_words(1, "ru", gender=g) for g in "mfn"] == ["один", "одна", "одно"]
    assert [number_words(2, "ru", gender=g) for g in "mfn"] == ["два", "две", "два"]
    assert number_words(5, "ru", gender="f") == "пять"
    # gender is ignored outside Russian
    assert number_words(1, "en", gender="f") == "one"
    assert number_words(2, "kk", gender="f") == "екі"


def test_number_words_above_ten_are_digits() -> None:
    assert number_words(11, "en") == "11"
    assert number_words(16, "kk") == "16"
    assert number_words(1445, "en") == "1,445"
    assert number_words(9725, "ru") == f"9{NBSP}725"
    assert number_words(-3, "en") == "-3"


def test_number_words_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError):
        number_words(3, "de")
    with pytest.raises(ValueError):
        number_words(3, "ru", gender="x")


# --- format_int ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "en", "ru_kk"),
    [
        (0, "0", "0"),
        (7, "7", "7"),
        (999, "999", "999"),
        (1000, "1,000", "1\u00a0000"),
        (1445, "1,445", "1\u00a0445"),
        (9725, "9,725", "9\u00a0725"),
        (91010, "91,010", "91\u00a0010"),
        (525000, "525,000", "525\u00a0000"),
        (9181700, "9,181,700", "9\u00a0181\u00a0700"),
        (-28902, "-28,902", "-28\u00a0902"),
    ],
)
def test_format_int(n: int, en: str, ru_kk: str) -> None:
    assert format_int(n, "en") == en
    assert format_int(n, "ru") == ru_kk
    assert format_int(n, "kk") == ru_kk


def test_format_int_separator_is_no_break_space() -> None:
    text = format_int(9725, "kk")
    assert text[1] == "\u00a0"
    assert " " not in text


# --- plural_ru and percent -----------------------------------------------------------

FORMS = ("процент", "процента", "процентов")


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "процентов"),
        (1, "процент"),
        (2, "процента"),
        (4, "процента"),
        (5, "процентов"),
        (11, "процентов"),
        (12, "процентов"),
        (14, "процентов"),
        (20, "процентов"),
        (21, "процент"),
        (22, "процента"),
        (25, "процентов"),
        (101, "процент"),
        (111, "процентов"),
        (112, "процентов"),
        (122, "процента"),
        (1001, "процент"),
        (-21, "процент"),
    ],
)
def test_plural_ru(n: int, expected: str) -> None:
    assert plural_ru(n, *FORMS) == expected


@pytest.mark.parametrize(
    ("value", "digits", "en", "ru", "kk"),
    [
        (9.0, 0, "9 per cent", "9 процентов", "9 пайыз"),
        (0, 0, "0 per cent", "0 процентов", "0 пайыз"),
        (1, 0, "1 per cent", "1 процент", "1 пайыз"),
        (2, 0, "2 per cent", "2 процента", "2 пайыз"),
        (5, 0, "5 per cent", "5 процентов", "5 пайыз"),
        (11, 0, "11 per cent", "11 процентов", "11 пайыз"),
        (12, 0, "12 per cent", "12 процентов", "12 пайыз"),
        (14, 0, "14 per cent", "14 процентов", "14 пайыз"),
        (21, 0, "21 per cent", "21 процент", "21 пайыз"),
        (22, 0, "22 per cent", "22 процента", "22 пайыз"),
        (25, 0, "25 per cent", "25 процентов", "25 пайыз"),
        (101, 0, "101 per cent", "101 процент", "101 пайыз"),
        (111, 0, "111 per cent", "111 процентов", "111 пайыз"),
        (30.4, 1, "30.4 per cent", "30,4 процента", "30,4 пайыз"),
        (44.5, 1, "44.5 per cent", "44,5 процента", "44,5 пайыз"),
        (73.1, 1, "73.1 per cent", "73,1 процента", "73,1 пайыз"),
        (1.0, 1, "1.0 per cent", "1,0 процента", "1,0 пайыз"),
        (0.7, 1, "0.7 per cent", "0,7 процента", "0,7 пайыз"),
        (16.666, 2, "16.67 per cent", "16,67 процента", "16,67 пайыз"),
    ],
)
def test_percent(value: float, digits: int, en: str, ru: str, kk: str) -> None:
    assert percent(value, "en", digits) == en
    assert percent(value, "ru", digits) == ru
    assert percent(value, "kk", digits) == kk


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [
        (0.5, 0, "1 per cent"),  # banker's rounding would give 0
        (2.5, 0, "3 per cent"),  # banker's rounding would give 2
        (20.5, 0, "21 per cent"),
        (30.35, 1, "30.4 per cent"),
        (2.675, 2, "2.68 per cent"),  # binary float is 2.67499..., written 2.675
        (-2.5, 0, "-3 per cent"),  # away from zero
        (-0.4, 0, "0 per cent"),  # no "-0"
        (9.4999, 0, "9 per cent"),
    ],
)
def test_percent_rounds_half_away_from_zero(value: float, digits: int, expected: str) -> None:
    assert percent(value, "en", digits) == expected


def test_percent_rounding_drives_russian_declension() -> None:
    assert percent(20.6, "ru") == "21 процент"
    assert percent(21.5, "ru") == "22 процента"
    assert percent(4.5, "ru") == "5 процентов"


def test_percent_rejects_non_finite_and_negative_digits() -> None:
    with pytest.raises(ValueError):
        percent(float("nan"), "en")
    with pytest.raises(ValueError):
        percent(5, "en", -1)


def test_percent_groups_thousands() -> None:
    assert percent(1234.5, "en", 1) == "1,234.5 per cent"
    assert percent(1234.5, "ru", 1) == f"1{NBSP}234,5 процента"


# --- proportion_phrase ----------------------------------------------------------


@pytest.mark.parametrize(
    ("num", "den", "en", "ru", "kk"),
    [
        (1, 2, "half", "половина", "жартысы"),
        (50, 100, "half", "половина", "жартысы"),
        (1, 3, "a third", "треть", "үштен бірі"),
        (2, 3, "two thirds", "две трети", "үштен екісі"),
        (1, 4, "a quarter", "четверть", "төрттен бірі"),
        (3, 4, "three of four", "три из четырёх", "төрттен үші"),
        (1, 5, "one of every five", "в каждом пятом", "әрбір бесінші"),
        (1, 6, "one of every six", "в каждом шестом", "әрбір алтыншы"),
        (1, 7, "one of every seven", "в каждом седьмом", "әрбір жетінші"),
        (1, 8, "one of every eight", "в каждом восьмом", "әрбір сегізінші"),
        (1, 9, "one of every nine", "в каждом девятом", "әрбір тоғызыншы"),
        (1, 10, "one of every ten", "в каждом десятом", "әрбір оныншы"),
    ],
)
def test_proportion_phrase_exact(num: int, den: int, en: str, ru: str, kk: str) -> None:
    assert proportion_phrase(num, den, "en") == en
    assert proportion_phrase(num, den, "ru") == ru
    assert proportion_phrase(num, den, "kk") == kk


@pytest.mark.parametrize(
    ("num", "den", "expected"),
    [
        (16, 97, "one of every six"),  # 0.165 vs 0.1667
        (132, 800, "one of every six"),  # 0.165
        (52, 100, "half"),
        (46, 100, "half"),  # 8 per cent below 1/2
        (74, 100, "three of four"),
        (70, 100, "two thirds"),  # nearer 2/3 (5 %) than 3/4 (6.7 %)
        (105, 1000, "one of every ten"),  # nearer 1/10 than 1/9
        (115, 1000, "one of every nine"),
    ],
)
def test_proportion_phrase_within_tolerance(num: int, den: int, expected: str) -> None:
    assert proportion_phrase(num, den, "en") == expected


@pytest.mark.parametrize(
    ("num", "den"),
    [
        (44, 100),  # 12 per cent below 1/2
        (56, 100),
        (40, 100),  # between 1/3 and 1/2, 20 per cent from each
        (85, 100),
        (1, 1),
        (5, 100),
        (0, 10),
        (3, 0),
        (-1, 4),
    ],
)
def test_proportion_phrase_none(num: int, den: int) -> None:
    for lang in ("en", "ru", "kk"):
        assert proportion_phrase(num, den, lang) is None


# --- nouns -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "ru_forms", "en_forms", "kk"),
    [
        (
            "polling_station",
            ("участок", "участка", "участков"),
            ("polling station", "polling stations"),
            "учаске",
        ),
        (
            "observer",
            ("наблюдатель", "наблюдателя", "наблюдателей"),
            ("observer", "observers"),
            "бақылаушы",
        ),
        ("case", ("случай", "случая", "случаев"), ("case", "cases"), "оқиға"),
        ("count", ("подсчёт", "подсчёта", "подсчётов"), ("count", "counts"), "санау"),
        ("complaint", ("жалоба", "жалобы", "жалоб"), ("complaint", "complaints"), "шағым"),
        (
            "commission",
            ("комиссия", "комиссии", "комиссий"),
            ("commission", "commissions"),
            "комиссия",
        ),
    ],
)
def test_noun_forms(
    key: str, ru_forms: tuple[str, str, str], en_forms: tuple[str, str], kk: str
) -> None:
    one, few, many = ru_forms
    expected_ru = {
        0: many,
        1: one,
        2: few,
        4: few,
        5: many,
        11: many,
        12: many,
        14: many,
        21: one,
        22: few,
        25: many,
        101: one,
        111: many,
    }
    for n, form in expected_ru.items():
        assert noun(n, "ru", key) == form, n
    assert noun(1, "en", key) == en_forms[0]
    for n in (0, 2, 5, 11, 21, 101):
        assert noun(n, "en", key) == en_forms[1]
        assert noun(n, "kk", key) == kk
    assert noun(1, "kk", key) == kk


def test_noun_keys_and_unknown_key() -> None:
    assert set(NOUN_KEYS) == {
        "polling_station",
        "observer",
        "case",
        "count",
        "complaint",
        "commission",
    }
    with pytest.raises(KeyError):
        noun(3, "en", "ballot")


@pytest.mark.parametrize(
    ("n", "lang", "key", "expected"),
    [
        (6, "en", "polling_station", "six polling stations"),
        (1, "en", "observer", "one observer"),
        (0, "en", "complaint", "zero complaints"),
        (12, "en", "complaint", "12 complaints"),
        (1445, "en", "polling_station", "1,445 polling stations"),
        (1, "ru", "complaint", "одна жалоба"),
        (2, "ru", "commission", "две комиссии"),
        (2, "ru", "polling_station", "два участка"),
        (5, "ru", "case", "пять случаев"),
        (21, "ru", "observer", "21 наблюдатель"),
        (22, "ru", "complaint", "22 жалобы"),
        (9725, "ru", "polling_station", f"9{NBSP}725 участков"),
        (6, "kk", "polling_station", "алты учаске"),
        (12, "kk", "complaint", "12 шағым"),
        (128, "kk", "case", "128 оқиға"),
    ],
)
def test_quantity(n: int, lang: str, key: str, expected: str) -> None:
    assert quantity(n, lang, key) == expected


def test_docstring_examples() -> None:
    import doctest

    import saylau.core.wording.numbers as module

    assert doctest.testmod(module).failed == 0

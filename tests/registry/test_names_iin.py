"""The name normaliser and the IIN on hand-made cases (not computed by the code under test)."""

import datetime as dt

import polars as pl
import pytest

from saylau.registry.core import iin, names


@pytest.mark.parametrize("a,b", [
    ("Әйгерім", "Айгерим"),          # ә/а, і/и
    ("Қайрат", "Кайрат"),            # қ/к
    ("Ғалым", "Галым"),              # ғ/г
    ("Аңсар", "Ансар"),              # ң/н
    ("Өмірзақ", "Омирзак"),          # ө/о
    ("Ұлан", "Улан"),                # ұ/у
    ("Үміт", "Умит"),                # ү/у
    ("Һасен", "Хасен"),              # һ/х
    ("Ёлкин", "Елкин"),              # ё/е
    ("Қайрат", "Kairat"),            # Cyrillic vs passport Latin
    ("Қайрат", "Qaırat"),            # vs Kazakh Latin 2021
    ("Жанар", "Zhanar"),             # ж = zh
    ("Жақсыбеков", "Dzhaksybekov"),  # ж = dzh, ы = y
    ("Ерлан", "Yerlan"),             # е = ye
    ("Юлия", "Yuliya"),              # ю = yu, я = ya
    ("Хасенов", "Khasenov"),         # х = kh
    ("Алла", "Ала"),                 # doubled letter
])
def test_interchanged_letters_give_one_key(a, b):
    assert names.key(a) == names.key(b)


@pytest.mark.parametrize("a,b", [
    ("Абенова", "Абенов"), ("Калиева", "Kaliyev"), ("Пушкина", "Пушкин"),
    ("Достоевская", "Достоевский"), ("Ахметжанқызы", "Ахметжанұлы"),
])
def test_gendered_surname_endings_fall_together(a, b):
    assert names.surname_key(a) == names.surname_key(b)


@pytest.mark.parametrize("a,b", [
    ("Айгерим", "Айдос"), ("Абенов", "Абилов"), ("Серик", "Сергей"), ("Иванов", "Иванова-Петрова-x"),
])
def test_different_names_stay_apart(a, b):
    if "-" in b:
        assert names.surname_parts(b)[0] == "ivanov"
        return
    assert names.key(a) != names.key(b)


def test_given_names_keep_their_gender():
    # Александр and Александра are two people; only surnames fold endings
    assert names.given_key("Александра") != names.given_key("Александр")


def test_double_surname_parts():
    assert names.surname_parts("Абенова-Смагулова") == ("abenov", "smagulov")
    assert names.surname_parts("Абенова") == ("abenov", None)


@pytest.mark.parametrize("written,father", [
    ("Нұрланұлы", "nurlan"), ("Нұрланқызы", "nurlan"), ("Нурланович", "nurlan"), ("Нурлановна", "nurlan"),
    ("Nurlanovich", "nurlan"), ("Серікович", "serik"), ("", None), (None, None),
])
def test_patronymic_key_is_the_fathers_name(written, father):
    assert names.patronymic_key(written) == father


def test_latin_2021_letters():
    assert names.latin("Әйгерім") == "Äigerım"
    assert names.latin("Қайрат Ұлықбекұлы") == "Qairat Ūlyqbekūly"
    assert names.latin("Шәмші Жаңғыр") == "Şämşı Jañğyr"
    assert names.latin("Өмірзақ Үсенов") == "Ömırzaq Üsenov"
    assert names.latin(None) is None


def test_column_wise_equals_one_by_one():
    raw = ["Абенова-Смагулова", "Жақсыбеков", "Yerlan", None, "Қалиева"]
    frame = names.with_keys(pl.DataFrame({"surname": raw, "given_name": raw, "patronymic": raw}))
    assert frame["surname_key"].to_list() == [names.surname_parts(x)[0] for x in raw]
    assert frame["surname_key2"].to_list() == [names.surname_parts(x)[1] for x in raw]
    assert frame["given_key"].to_list() == [names.given_key(x) for x in raw]
    assert frame["patronymic_key"].to_list() == [names.patronymic_key(x) for x in raw]


# --- IIN ---------------------------------------------------------------------

def test_check_digit_by_hand():
    # 8 6 1 2 0 6 3 1 2 3 4 weighted 1..11: 8+12+3+8+0+36+21+8+18+30+44 = 188; 188 mod 11 = 1
    assert iin.check_digit("86120631234") == 1
    parsed = iin.parse("861206312341")
    assert parsed.birth_date == dt.date(1986, 12, 6) and parsed.sex == "M"


def test_check_digit_second_weights_by_hand():
    # 0 0 0 0 0 0 3 0 0 0 2: first weights 3*7 + 2*11 = 43, 43 mod 11 = 10 -> second weights
    # 3*9 + 2*2 = 31, 31 mod 11 = 9
    assert iin.check_digit("00000030002") == 9


def test_never_issued_number():
    # 5 at position 1 and 6 at position 10: first weights 5*1 + 6*10 = 65 = 10 (mod 11);
    # second weights 5*3 + 6*1 = 21 = 10 (mod 11): no check digit, never issued
    assert iin.check_digit("50000000060") is None


def test_published_example_is_valid():
    # the example in the kz-iin-validator library's documentation
    assert iin.parse("061211600012").birth_date == dt.date(2006, 12, 11)


@pytest.mark.parametrize("bad,words", [
    ("86120631234", "12 digits"), ("861206312342", "check digit"), ("861306312341", "YYMMDD"),
    ("861206712341", "7th digit"),
])
def test_bad_numbers_say_why(bad, words):
    with pytest.raises(ValueError, match=words):
        iin.parse(bad)


def test_column_wise_iin_equals_one_by_one():
    numbers = ["861206312341", "061211600012", "861206312342", "12", None, "861306312345"]

    def ok(x):
        try:
            iin.parse(x)
            return True
        except (ValueError, TypeError):
            return False

    valid = iin.valid_array(pl.Series(numbers, dtype=pl.String))
    # valid_array does not check the date: the last one is well formed but month 13
    assert valid.tolist() == [True, True, False, False, False, True]
    assert [ok(x) for x in numbers] == [True, True, False, False, False, False]
    assert iin.birth_dates(pl.Series(numbers, dtype=pl.String)).to_list() == [
        dt.date(1986, 12, 6), dt.date(2006, 12, 11), dt.date(1986, 12, 6), None, None, None]


def test_make_round_trips():
    for serial in range(0, 50):
        number = iin.make(dt.date(1990, 2, 28), "F", serial)
        if number is not None:
            assert iin.parse(number).sex == "F"

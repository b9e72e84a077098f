"""House-style numbers, percentages, proportions and counted nouns.

Pure functions used by findings sentences and the statement, in the three
languages of a saylau statement: ``"en"`` (official), ``"ru"`` and ``"kk"``.

House style (see ``docs/wording.md``):

* Whole numbers from zero to ten are written in words, 11 and above in digits
  (:data:`WORDS_UP_TO`).
* Thousands are grouped: ``1,445`` in English, ``1 445`` in Russian and Kazakh
  with a no-break space (U+00A0), four-digit numbers included (``9 725``).
* Percentages: ``9 per cent`` (OSCE house style, never ``%``), ``9 процентов``
  with Russian declension, ``9 пайыз``; decimal point in English, decimal comma
  in Russian and Kazakh; rounding is half away from zero.
* Russian nouns after numbers take the singular, the genitive singular or the
  genitive plural (:func:`plural_ru`); Kazakh nouns stay singular after
  numerals; English nouns are plural unless the number is exactly one.

The module imports nothing outside the standard library.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

__all__ = [
    "LANGUAGES",
    "NBSP",
    "NOUN_KEYS",
    "PROPORTION_TOLERANCE",
    "WORDS_UP_TO",
    "format_int",
    "noun",
    "number_words",
    "percent",
    "plural_ru",
    "proportion_phrase",
    "quantity",
]

LANGUAGES: tuple[str, ...] = ("en", "ru", "kk")
"""The languages of a statement, official language first."""

NBSP = "\u00a0"
"""No-break space, the Russian and Kazakh thousands separator."""

WORDS_UP_TO = 10
"""Largest whole number written in words; larger numbers are written in digits."""

PROPORTION_TOLERANCE = 0.10
"""Relative tolerance of :func:`proportion_phrase`: a ratio matches a simple
fraction ``t`` when ``abs(ratio - t) <= PROPORTION_TOLERANCE * t``."""

_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    "ru": (
        "ноль",
        "один",
        "два",
        "три",
        "четыре",
        "пять",
        "шесть",
        "семь",
        "восемь",
        "девять",
        "десять",
    ),
    "kk": ("нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "он"),
}

# Russian numerals that agree in gender: (masculine, feminine, neuter).
_RU_GENDERED: dict[int, tuple[str, str, str]] = {
    1: ("один", "одна", "одно"),
    2: ("два", "две", "два"),
}
_GENDERS = ("m", "f", "n")

_THOUSANDS_SEPARATOR = {"en": ",", "ru": NBSP, "kk": NBSP}
_DECIMAL_MARK = {"en": ".", "ru": ",", "kk": ","}


def _check_lang(lang: str) -> None:
    if lang not in _WORDS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {LANGUAGES}")


def _group(digits: str, separator: str) -> str:
    """Group a string of ASCII digits by thousands from the right."""
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(parts)


def format_int(n: int, lang: str) -> str:
    """Format a whole number in digits with the language's thousands separator.

    >>> format_int(1445, "en")
    '1,445'
    >>> format_int(9725, "ru") == "9\\u00a0725"
    True

    Negative numbers keep a leading hyphen-minus (``-1,445``).
    """
    _check_lang(lang)
    n = int(n)
    sign = "-" if n < 0 else ""
    return sign + _group(str(abs(n)), _THOUSANDS_SEPARATOR[lang])


def number_words(n: int, lang: str, *, gender: str = "m") -> str:
    """Write ``n`` the house way: words for 0..10, digits (:func:`format_int`) above.

    ``gender`` (``"m"``, ``"f"`` or ``"n"``) matters only for Russian 1 and 2:
    ``один/одна/одно``, ``два/две/два``. English and Kazakh ignore it.

    >>> number_words(9, "kk")
    'тоғыз'
    >>> number_words(2, "ru", gender="f")
    'две'
    >>> number_words(12, "en")
    '12'
    """
    _check_lang(lang)
    if gender not in _GENDERS:
        raise ValueError(f"gender must be one of {_GENDERS}, not {gender!r}")
    n = int(n)
    if not 0 <= n <= WORDS_UP_TO:
        return format_int(n, lang)
    if lang == "ru" and n in _RU_GENDERED:
        return _RU_GENDERED[n][_GENDERS.index(gender)]
    return _WORDS[lang][n]


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    """Pick the Russian noun form that follows the whole number ``n``.

    ``one`` after 1, 21, 101 ... (not 11, 111); ``few`` after 2-4, 22-24 ...
    (not 12-14); ``many`` otherwise, including 0 and 5-20.

    >>> plural_ru(21, "процент", "процента", "процентов")
    'процент'
    >>> plural_ru(12, "участок", "участка", "участков")
    'участков'
    """
    n = abs(int(n))
    if n % 100 in (11, 12, 13, 14):
        return many
    if n % 10 == 1:
        return one
    if n % 10 in (2, 3, 4):
        return few
    return many


def _round_half_away(value: float, digits: int) -> Decimal:
    """Round ``value`` to ``digits`` decimals, halves away from zero.

    The float goes through its shortest ``repr`` so that ``2.675`` rounds to
    ``2.68`` as written, not as stored in binary.
    """
    if digits < 0:
        raise ValueError("digits must be zero or positive")
    if not math.isfinite(value):
        raise ValueError(f"cannot write {value!r} as a percentage")
    quantum = Decimal(1).scaleb(-digits)
    rounded = Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0"
    return rounded


def _format_decimal(number: Decimal, lang: str) -> str:
    text = f"{number:f}"
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, _, fraction = text.partition(".")
    out = sign + _group(whole, _THOUSANDS_SEPARATOR[lang])
    if fraction:
        out += _DECIMAL_MARK[lang] + fraction
    return out


def percent(value: float, lang: str, digits: int = 0) -> str:
    """Write a percentage (``9.0`` means nine per cent) in house style.

    Digits are always used, rounded half away from zero to ``digits`` decimals.
    English: ``"9 per cent"``, ``"30.4 per cent"``. Russian: ``"1 процент"``,
    ``"2 процента"``, ``"5 процентов"``, ``"21 процент"``; with a decimal part
    the genitive singular, ``"30,4 процента"``. Kazakh: ``"9 пайыз"``,
    ``"30,4 пайыз"``.

    >>> percent(30.35, "ru", 1)
    '30,4 процента'
    """
    _check_lang(lang)
    rounded = _round_half_away(value, digits)
    number = _format_decimal(rounded, lang)
    if lang == "en":
        return f"{number} per cent"
    if lang == "kk":
        return f"{number} пайыз"
    if digits > 0:
        return f"{number} процента"
    return f"{number} {plural_ru(int(rounded), 'процент', 'процента', 'процентов')}"


# --- proportions --------------------------------------------------------------

_ORDINALS_RU = {5: "пятом", 6: "шестом", 7: "седьмом", 8: "восьмом", 9: "девятом", 10: "десятом"}
_ORDINALS_KK = {
    5: "бесінші",
    6: "алтыншы",
    7: "жетінші",
    8: "сегізінші",
    9: "тоғызыншы",
    10: "оныншы",
}

_PROPORTIONS: dict[Fraction, dict[str, str]] = {
    Fraction(1, 2): {"en": "half", "ru": "половина", "kk": "жартысы"},
    Fraction(1, 3): {"en": "a third", "ru": "треть", "kk": "үштен бірі"},
    Fraction(2, 3): {"en": "two thirds", "ru": "две трети", "kk": "үштен екісі"},
    Fraction(1, 4): {"en": "a quarter", "ru": "четверть", "kk": "төрттен бірі"},
    Fraction(3, 4): {"en": "three of four", "ru": "три из четырёх", "kk": "төрттен үші"},
    **{
        Fraction(1, k): {
            "en": f"one of every {_WORDS['en'][k]}",
            "ru": f"в каждом {_ORDINALS_RU[k]}",
            "kk": f"әрбір {_ORDINALS_KK[k]}",
        }
        for k in range(5, 11)
    },
}


def proportion_phrase(numerator: int, denominator: int, lang: str) -> str | None:
    """Name a simple proportion in words, or return ``None``.

    The ratio ``numerator / denominator`` matches a target ``t`` among 1/2 ...
    1/10, 2/3 and 3/4 when it lies within :data:`PROPORTION_TOLERANCE`
    (relative, 10 per cent) of ``t``; when two targets match, the nearer one in
    relative terms wins. Zero or negative counts and ratios matching nothing
    give ``None``, and the caller writes the figures instead.

    The phrase is bare; ``docs/wording.md`` shows how it composes into a
    sentence. In short:

    * en: ``"one of every six"`` and ``"three of four"`` precede the noun
      (``"in one of every six polling stations observed"``); ``"half"``,
      ``"a third"``, ``"two thirds"`` and ``"a quarter"`` take ``"of the"``.
    * ru: ``"в каждом шестом"`` is the masculine prepositional with ``в``
      (``"в каждом шестом из наблюдавшихся участков"``; use ``на`` for
      ``участок`` if preferred, and ``в каждой шестой`` for feminine nouns);
      ``"половина"``, ``"треть"``, ``"четверть"``, ``"две трети"`` and
      ``"три из четырёх"`` are nominative.
    * kk: ``"әрбір алтыншы"`` follows a genitive plural and takes the
      possessive and case endings (``"бақыланған учаскелердің әрбір
      алтыншысында"``); ``"жартысы"``, ``"үштен бірі"``, ``"төрттен үші"`` are
      already possessive (``"... учаскелердің жартысында"``).

    >>> proportion_phrase(16, 97, "en")
    'one of every six'
    >>> proportion_phrase(1, 4, "ru")
    'четверть'
    """
    _check_lang(lang)
    if numerator <= 0 or denominator <= 0:
        return None
    ratio = numerator / denominator
    best: tuple[float, Fraction] | None = None
    for target in _PROPORTIONS:
        t = float(target)
        error = abs(ratio - t) / t
        if error <= PROPORTION_TOLERANCE and (best is None or error < best[0]):
            best = (error, target)
    if best is None:
        return None
    return _PROPORTIONS[best[1]][lang]


# --- nouns --------------------------------------------------------------------


@dataclass(frozen=True)
class _Noun:
    en: tuple[str, str]  # singular, plural
    ru: tuple[str, str, str]  # after 1, after 2-4, after 5-20 (and 0)
    ru_gender: str
    kk: str  # Kazakh nouns stay singular after numerals


_LEXICON: dict[str, _Noun] = {
    "polling_station": _Noun(
        ("polling station", "polling stations"), ("участок", "участка", "участков"), "m", "учаске"
    ),
    "observer": _Noun(
        ("observer", "observers"), ("наблюдатель", "наблюдателя", "наблюдателей"), "m", "бақылаушы"
    ),
    "case": _Noun(("case", "cases"), ("случай", "случая", "случаев"), "m", "оқиға"),
    "count": _Noun(("count", "counts"), ("подсчёт", "подсчёта", "подсчётов"), "m", "санау"),
    "complaint": _Noun(("complaint", "complaints"), ("жалоба", "жалобы", "жалоб"), "f", "шағым"),
    "commission": _Noun(
        ("commission", "commissions"), ("комиссия", "комиссии", "комиссий"), "f", "комиссия"
    ),
}

NOUN_KEYS: tuple[str, ...] = tuple(_LEXICON)
"""Keys accepted by :func:`noun` and :func:`quantity`."""


def _entry(key: str) -> _Noun:
    try:
        return _LEXICON[key]
    except KeyError:
        raise KeyError(f"unknown noun {key!r}; known: {', '.join(_LEXICON)}") from None


def noun(n: int, lang: str, key: str) -> str:
    """The form of lexicon noun ``key`` that follows the number ``n``.

    Keys: ``polling_station``, ``observer``, ``case``, ``count``,
    ``complaint``, ``commission``. English is plural unless ``n`` is 1 (so
    ``0 polling stations``); Russian follows :func:`plural_ru`; Kazakh stays
    singular after numerals.

    >>> noun(22, "ru", "polling_station")
    'участка'
    >>> noun(5, "kk", "polling_station")
    'учаске'
    """
    _check_lang(lang)
    entry = _entry(key)
    if lang == "en":
        return entry.en[0] if abs(int(n)) == 1 else entry.en[1]
    if lang == "ru":
        return plural_ru(n, *entry.ru)
    return entry.kk


def quantity(n: int, lang: str, key: str) -> str:
    """A number with its noun, in house style: ``"six polling stations"``.

    The number comes from :func:`number_words` (Russian gender taken from the
    lexicon: ``"две жалобы"``), the noun from :func:`noun`. The space between
    them is a normal space.

    >>> quantity(2, "ru", "complaint")
    'две жалобы'
    >>> quantity(1445, "en", "polling_station")
    '1,445 polling stations'
    """
    entry = _entry(key)
    return f"{number_words(n, lang, gender=entry.ru_gender)} {noun(n, lang, key)}"

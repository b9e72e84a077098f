"""House-style sentences for findings in English, Russian and Kazakh.

Numbers, percentages and simple proportions come from :mod:`saylau.core.wording`.
Each metric carries its event phrase per language (``Metric.phrase``):

* en: a clause that starts the sentence, "Voting was assessed negatively";
* ru: a clause that follows "где" (or "в которых"), "голосование было оценено
  отрицательно"; Russian sentences are built so that the number stays in the
  nominative or accusative ("Доля ... составила 9 процентов"), because the
  wording module gives the forms that follow a number, not the other cases;
* kk: a predicate that ends the sentence, "дауыс беру теріс бағаланды"; the
  place takes the locative ("28 сайлау учаскесінде", "... 9 пайызында").

A ``total`` metric's phrase is a noun phrase instead (en plural, ru genitive
plural, kk genitive plural); its sentence gives the count and, as its context,
the places (or observations) it was reported from, never a share of them
("Observers reported 49 PEC protocols completed on DEC premises in the 115
district election commissions observed."). A ``ratio`` metric's phrase is the
whole sentence with ``{share}`` where the percentage goes (in Kazakh it takes
the possessive: "73 пайызы").
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from saylau.core.wording import number_words, percent, proportion_phrase

if TYPE_CHECKING:
    from saylau.observation.core.findings import Finding


@dataclass(frozen=True)
class _Place:
    en: tuple[str, str]  # singular, plural
    en_share: str        # "polling stations observed"
    en_in: str           # "in the {n} {noun} observed": the context of a total
    ru_count: str        # "избирательных участков"
    ru_share: str        # "наблюдавшихся избирательных участков"
    ru_where: str        # "где"
    ru_masculine: bool   # may take "в каждом шестом"
    kk_share: str        # genitive plural, "Байқалған сайлау учаскелерінің"
    kk_loc: str          # locative singular, "сайлау учаскесінде"


_STATION = _Place(("polling station", "polling stations"), "polling stations observed",
                  "in the {n} {noun} observed", "избирательных участков",
                  "наблюдавшихся избирательных участков", "где", True,
                  "Байқалған сайлау учаскелерінің", "сайлау учаскесінде")
_DEC = _Place(("district election commission", "district election commissions"),
              "district election commissions observed", "in the {n} {noun} observed",
              "окружных избирательных комиссий",
              "наблюдавшихся окружных избирательных комиссий", "где", False,
              "Байқалған округтік сайлау комиссияларының", "округтік сайлау комиссиясында")
_OBSERVATION = _Place(("observation", "observations"), "observations", "in {n} {noun}",
                      "наблюдений", "наблюдений", "в которых", True, "Байқаулардың", "байқауда")
_COUNT = _Place(("count", "counts"), "counts observed", "in the {n} {noun} observed", "подсчётов",
                "наблюдавшихся подсчётов",
                "при которых", True, "Байқалған дауыс санаулардың", "дауыс санауда")
_EN_OF_THE = ("half", "a third", "two thirds", "a quarter")
_NONE = {"en": "{event}: no observations.", "ru": "Нет наблюдений ({event}).",
         "kk": "Байқаулар жоқ ({event})."}


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _place(finding: Finding) -> _Place:
    """What the rows are: every observation (a count, at counting) or each place once."""
    if finding.metric.sample == "observation":
        return _COUNT if finding.metric.form == "counting" else _OBSERVATION
    return _DEC if finding.metric.form == "tabulation" else _STATION


def _kk_locative(phrase: str) -> str:
    """Locative of a Kazakh proportion: 'әрбір алтыншы' -> 'әрбір алтыншысында',
    'жартысы' -> 'жартысында', 'үштен бірі' -> 'үштен бірінде'."""
    back = [c for c in phrase if c in "аоұыяё"]
    front = [c for c in phrase if c in "әеөүіэ"]
    last_back = phrase.rfind(back[-1]) if back else -1
    last_front = phrase.rfind(front[-1]) if front else -1
    is_back = last_back > last_front
    if phrase.startswith("әрбір"):
        return phrase + ("сында" if is_back else "сінде")
    return phrase + ("нда" if is_back else "нде")


def _share(finding: Finding, lang: str, event: str, place: _Place) -> str:
    n, d = finding.numerator, finding.denominator
    phrase = proportion_phrase(n, d, lang) if finding.metric.style == "proportion" else None
    if lang == "ru" and phrase and not (phrase.startswith("в каждом") and place.ru_masculine):
        phrase = None
    if lang == "en":
        if phrase:
            joined = f"{phrase} of the {place.en_share}" if phrase in _EN_OF_THE else \
                f"{phrase} {place.en_share}"
            return f"{_cap(event)} in {joined}."
        return f"{_cap(event)} in {percent(100 * n / d, 'en')} of {place.en_share}."
    if lang == "ru":
        if phrase:
            return f"{_cap(event)} {phrase} из {place.ru_share}."
        return (f"Доля {place.ru_share}, {place.ru_where} {event}, составила "
                f"{percent(100 * n / d, 'ru')}.")
    amount = _kk_locative(phrase) if phrase else percent(100 * n / d, "kk") + "ында"
    return f"{place.kk_share} {amount} {event}."


def _count(finding: Finding, lang: str, event: str, place: _Place) -> str:
    n = finding.numerator
    if lang == "en":
        noun = place.en[0] if n == 1 else place.en[1]
        amount = "no" if n == 0 else number_words(n, "en")
        return f"{_cap(event)} in {amount} {noun}."
    if lang == "ru":
        return (f"Число {place.ru_count}, {place.ru_where} {event}, составило "
                f"{number_words(n, 'ru')}.")
    return _cap(f"{number_words(n, 'kk')} {place.kk_loc} {event}.")


def _total(finding: Finding, lang: str, event: str, place: _Place) -> str:
    """A count and the places (or observations) it was reported from: never a share."""
    n, m = finding.numerator, finding.denominator
    if lang == "en":
        noun = place.en[0] if m == 1 else place.en[1]
        where = place.en_in.format(n=number_words(m, "en"), noun=noun)
        return f"Observers reported {number_words(n, 'en')} {event} {where}."
    if lang == "ru":
        return (f"Число {event}, по сообщениям наблюдателей, составило {number_words(n, 'ru')}; "
                f"число {place.ru_share} — {number_words(m, 'ru')}.")
    return (f"Бақылаушылардың хабарлауынша, {event} саны {number_words(n, 'kk')} болды; "
            f"{place.kk_share[:1].lower() + place.kk_share[1:]} саны – {number_words(m, 'kk')}.")


def render(finding: Finding, lang: str = "en") -> str:
    """The finding's sentence in ``lang``; uses the metric's phrase in that language."""
    phrases = dict(finding.metric.phrase)
    event = phrases.get(lang) or phrases.get("en") or finding.metric.id
    place = _place(finding)
    if finding.metric.kind == "total" and finding.denominator:
        return _total(finding, lang, event, place)
    if finding.metric.kind == "ratio" and finding.denominator:
        share = percent(100 * finding.share, lang) + ("ы" if lang == "kk" else "")
        return _cap(event.format(share=share)) + "."
    if finding.denominator == 0 or finding.metric.kind == "total" or math.isnan(finding.share):
        return _NONE.get(lang, _NONE["en"]).format(event=event)
    if finding.metric.style == "count" or finding.metric.kind == "count_incident":
        return _count(finding, lang, event, place)
    return _share(finding, lang, event, place)

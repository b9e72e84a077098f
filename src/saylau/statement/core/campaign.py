"""Generated sentences on candidates, media, complaints and observers (en, ru, kk).

Same rules as :mod:`saylau.statement.core.generated`: every number is a
:class:`~saylau.statement.core.model.Figure`, and no data gives no sentence.
"""

from __future__ import annotations

from saylau.core.wording import format_int, number_words, percent, quantity
from saylau.statement.core import labels as L
from saylau.statement.core.inputs import Candidate, Complaints, MediaShare, MissionSummary
from saylau.statement.core.model import Figure, Sentence, sentence


def candidates(items: tuple[Candidate, ...], lang: str) -> list[Sentence]:
    if not items:
        return []
    registered = [c for c in items if c.status == "registered"]
    if not registered:
        return []
    n, d = len(registered), len(items)
    text = number_words(n, lang)
    if lang == "en":
        text = text[:1].upper() + text[1:]  # the sentence starts with it
    f = Figure("candidates.registered", n, d if d != n else None, "candidates", text)
    names = [c.name(lang) for c in sorted(registered, key=lambda c: c.number)]
    joined = _join(names, lang)
    out = [sentence({
        "en": "{n} candidates were registered: " + joined + ".",
        "ru": "Число зарегистрированных кандидатов — {n}: " + joined + ".",
        "kk": "Тіркелген кандидаттар саны – {n}: " + joined + ".",
    }[lang], n=f)]
    incumbent = [c for c in registered if c.incumbent]
    if incumbent:
        out.append(({
            "en": f"{incumbent[0].name('en')} is the incumbent.",
            "ru": f"Кандидат {incumbent[0].name('ru')} занимает эту должность в настоящее время.",
            "kk": f"{incumbent[0].name('kk')} – қазіргі лауазым иесі.",
        }[lang],))
    return out


def _join(names: list[str], lang: str) -> str:
    if len(names) < 2:
        return "".join(names)
    word = {"en": " and ", "ru": " и ", "kk": " және "}[lang]
    return ", ".join(names[:-1]) + word + names[-1]


def media(items: tuple[MediaShare, ...], names: dict[int, str], lang: str) -> list[Sentence]:
    """Per outlet, the candidate with the largest share of its news coverage."""
    out: list[Sentence] = []
    for outlet in items:
        total = sum(v for _, v in outlet.coverage)
        if total <= 0:
            continue
        number, value = max(outlet.coverage, key=lambda x: x[1])
        name = names.get(number, str(number))
        f = Figure(f"media.coverage_share.{number}", round(value), round(total), "coverage",
                   percent(100 * value / total, lang))
        kk_end = "ын" if lang == "kk" else ""
        out.append(sentence({
            "en": outlet.outlet + " gave {f} of its news coverage of the candidates to "
                  + name + ".",
            "ru": "Доля освещения кандидата " + name + " в новостях " + outlet.outlet
                  + " составила {f}.",
            "kk": outlet.outlet + " жаңалықтарда кандидаттарды көрсету уақытының {f}" + kk_end
                  + " " + name + " кандидатқа берді.",
        }[lang], f=f))
    return out


def complaints(c: Complaints | None, lang: str) -> list[Sentence]:
    if c is None or not c.by_body:
        return []
    out: list[Sentence] = []
    for body, n in c.by_body:
        f = Figure(f"complaints.{body}", n, None, "complaints", number_words(n, lang))
        out.append(sentence({
            "en": "Complaints lodged with the " + body + " before election day: {f}.",
            "ru": "Число жалоб, поданных в " + body + " до дня выборов, — {f}.",
            "kk": "Сайлау күніне дейін " + body + " органына берілген шағымдар саны – {f}.",
        }[lang], f=f))
    total = sum(n for _, n in c.by_body)
    if c.upheld is not None and total:
        f = Figure("complaints.upheld", c.upheld, total, "complaints",
                   number_words(c.upheld, lang))
        out.append(sentence({
            "en": "Complaints upheld: {f}.",
            "ru": "Число удовлетворённых жалоб — {f}.",
            "kk": "Қанағаттандырылған шағымдар саны – {f}.",
        }[lang], f=f))
    return out


def mission(m: MissionSummary | None, lang: str) -> list[Sentence]:
    """The international mission: observers by role, states, parliamentarians."""
    if m is None or m.total <= 0:
        return []
    # Kazakh: "бақылаушы", as the findings' sentences write it (wording's lexicon has "бақылаушы")
    text = f"{number_words(m.total, lang)} бақылаушы" if lang == "kk" else \
        quantity(m.total, lang, "observer")
    total = Figure("mission.observers", m.total, None, "observers", text)
    parts: list = []
    if lang == "en":
        parts += ["The mission deployed ", total]
        if m.states:
            parts += [" from ", Figure("mission.states", m.states, None, "states",
                                       number_words(m.states, lang)),
                      " participating State" + ("s" if m.states != 1 else "")]
    elif lang == "ru":
        parts += ["Численность миссии — ", total]
        if m.states:
            parts += ["; число представленных государств-участников — ",
                      Figure("mission.states", m.states, None, "states",
                             number_words(m.states, lang))]
    else:
        parts += ["Миссия құрамында "]
        if m.states:
            parts += [Figure("mission.states", m.states, None, "states",
                             number_words(m.states, lang)), " қатысушы мемлекеттен "]
        parts += [total, " болды"]
    parts.append(".")
    out: list[Sentence] = [tuple(parts)]
    roles = [(r, n) for r, n in m.observers if r in L.ROLES and n > 0]
    if roles:
        head = {"en": "By role: ", "ru": "По составу: ", "kk": "Құрамы: "}[lang]
        parts = [head]
        for i, (role, n) in enumerate(roles):
            if i:
                parts.append(", ")
            parts += [L.pick(L.ROLES[role], lang) + {"en": " ", "ru": " — ", "kk": " – "}[lang],
                      Figure(f"mission.observers.{role}", n, m.total, "observers",
                             number_words(n, lang))]
        if m.parliamentarians:
            parts += [{"en": "; parliamentarians ", "ru": "; парламентарии — ",
                       "kk": "; парламентшілер – "}[lang],
                      Figure("mission.parliamentarians", m.parliamentarians, m.total,
                             "observers", number_words(m.parliamentarians, lang))]
        parts.append(".")
        out.append(tuple(parts))
    return out


def domestic(m: MissionSummary | None, lang: str) -> list[Sentence]:
    if m is None or not m.domestic_observers:
        return []
    out: list[Sentence] = []
    for organisation, n in m.domestic_observers:
        f = Figure(f"domestic.{organisation}", n, None, "observers", format_int(n, lang))
        out.append(sentence({
            "en": "Domestic observers accredited from " + organisation + ": {f}.",
            "ru": "Число аккредитованных отечественных наблюдателей от " + organisation
                  + " — {f}.",
            "kk": organisation + " ұсынған аккредиттелген отандық бақылаушылар саны – {f}.",
        }[lang], f=f))
    return out

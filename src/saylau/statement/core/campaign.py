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


#: bodies as each sentence below names them: en (with its article), ru (accusative after "в"),
#: kk (dative); another body's code is printed as it is
COMPLAINT_BODIES = {
    "CEC": ("the Central Election Commission", "ЦИК", "ОСК-ға"),
    "court_district": ("district courts", "районные суды", "аудандық соттарға"),
    "court_regional": ("regional courts", "областные суды", "облыстық соттарға"),
    "court_supreme": ("the Supreme Court", "Верховный суд", "Жоғарғы сотқа"),
}


def complaints(c: Complaints | None, lang: str) -> list[Sentence]:
    """Complaints per body before election day, and, from saylau.disputes, how the CEC
    decided them, whether it published its answers, the courts' outcomes and the cases
    refused on the conflicting deadline."""
    if c is None or not c.by_body:
        return []
    out: list[Sentence] = []
    i = {"en": 0, "ru": 1, "kk": 2}[lang]
    counts = dict(c.by_body)
    for body, n in c.by_body:
        f = Figure(f"complaints.{body}", n, None, "complaints", number_words(n, lang))
        named = COMPLAINT_BODIES.get(body)
        where = named[i] if named else (body if lang != "kk" else body + " органына")
        out.append(sentence({
            "en": "Complaints lodged with " + where + " before election day: {f}.",
            "ru": "Число жалоб, поданных в " + where + " до дня выборов, — {f}.",
            "kk": "Сайлау күніне дейін " + where + " берілген шағымдар саны – {f}.",
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
    cec = counts.get("CEC")
    if cec and c.cec_in_session is not None:
        n = c.cec_in_session
        text = ({"en": "none", "ru": "ни одной", "kk": "ешқайсысын"}[lang] if n == 0
                else number_words(n, lang))
        f = Figure("complaints.cec_in_session", n, cec, "complaints", text)
        out.append(sentence({
            "en": "The CEC decided {f} of these complaints by a vote in a session, as the law requires.",
            "ru": ("ЦИК не рассмотрела {f} из этих жалоб путём голосования на заседании, как того требует закон."
                   if n == 0 else
                   "ЦИК рассмотрела {f} из этих жалоб путём голосования на заседании, как того требует закон."),
            "kk": ("ОСК бұл шағымдардың {f} заң талап еткендей алқалы отырыста дауыс беру арқылы шешкен жоқ."
                   if n == 0 else
                   "ОСК бұл шағымдардың {f} заң талап еткендей алқалы отырыста дауыс беру арқылы шешті."),
        }[lang], f=f))
    if cec and c.cec_published is not None:
        n = c.cec_published
        text = ({"en": "none", "ru": "ни одного", "kk": "ешқайсысын"}[lang] if n == 0
                else number_words(n, lang))
        f = Figure("complaints.cec_published", n, cec, "complaints", text)
        out.append(sentence({
            "en": "It published {f} of its answers to them.",
            "ru": "ЦИК не опубликовала {f} из своих ответов на них." if n == 0 else
                  "ЦИК опубликовала {f} из своих ответов на них.",
            "kk": "ОСК оларға берген жауаптарының {f} жарияламады." if n == 0 else
                  "ОСК оларға берген жауаптарының {f} жариялады.",
        }[lang], f=f))
    if c.courts and c.courts_rejected is not None:
        n, d = c.courts_rejected, c.courts
        if n == d:
            f = Figure("complaints.courts_rejected", n, d, "complaints", quantity(n, lang, "complaint"))
            out.append(sentence({
                "en": "All {f} decided by the courts were rejected or not considered.",
                "ru": "Все решённые судами жалобы ({f}) были отклонены или не рассмотрены.",
                "kk": "Соттар шешкен шағымдардың барлығы ({f}) қанағаттандырылмады немесе қаралмады.",
            }[lang], f=f))
        else:
            text = {"en": f"{format_int(n, lang)} of {format_int(d, lang)}",
                    "ru": f"{format_int(n, lang)} из {format_int(d, lang)}",
                    "kk": f"{format_int(d, lang)} шағымның {format_int(n, lang)}"}[lang]
            f = Figure("complaints.courts_rejected", n, d, "complaints", text)
            out.append(sentence({
                "en": "The courts rejected or did not consider {f} complaints they decided.",
                "ru": "Суды отклонили или не рассмотрели {f} решённых ими жалоб.",
                "kk": "Соттар өздері шешкен {f} қанағаттандырмады немесе қарамады.",
            }[lang], f=f))
    if c.wrong_deadline:
        n = c.wrong_deadline
        f = Figure("complaints.wrong_deadline", n, None, "complaints", quantity(n, lang, "complaint"))
        out.append(sentence({
            "en": "Courts refused to consider {f} as filed too late under one legal basis, although "
                  "they were filed on time under another that applied.",
            "ru": "Суды не стали рассматривать {f}, сочтя срок пропущенным по одному правовому основанию, "
                  "хотя по другому применимому основанию срок не был пропущен.",
            "kk": "Соттар {f} бойынша істі қараудан бас тартты: олар бір құқықтық негіз бойынша мерзімі өткен "
                  "деп танылды, алайда қолданылуға тиіс басқа негіз бойынша мерзімінде берілген.",
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

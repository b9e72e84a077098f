"""Sentences generated from data, per section, in English, Russian and Kazakh.

Each function takes :class:`~saylau.statement.core.inputs.StatementInputs` (or a
part of it) and a language and returns sentences whose numbers are
:class:`~saylau.statement.core.model.Figure` objects. No data gives no sentence.
Numbers follow the house style of :mod:`saylau.core.wording`.
"""

from __future__ import annotations

from dataclasses import replace

from saylau.core.wording import format_int, number_words, percent, proportion_phrase, quantity
from saylau.observation.core.findings import Finding
from saylau.statement.core import labels as L
from saylau.statement.core.inputs import (
    Composition,
    MissionSummary,
    Publication,
    ResultsTotals,
    StatementInputs,
)
from saylau.statement.core.model import Figure, Filter, Sentence, mark, sentence

WOMEN_METRICS = ("voting.women_members", "voting.chair_women")
OBSERVER_METRICS = ("voting.party_observers_present",)


def sample_unit(finding: Finding) -> str:
    """What the finding's rows are, as a key of ``labels.UNITS``: each polling station or
    DEC observed once, or every observation (every count, at counting)."""
    m = finding.metric
    if m.sample == "observation":
        return "counts" if m.form == "counting" else "observations"
    return "decs" if m.form == "tabulation" else "stations"


def finding_unit(finding: Finding) -> str:
    """What the finding's numerator counts, as a key of ``labels.UNITS``."""
    unit = finding.metric.unit
    if unit == "members":  # members present in the stations observed
        return "pec_members_present"
    if unit == "protocols":
        return "protocols"
    return sample_unit(finding)


def finding_filter(finding: Finding) -> Filter:
    """The filter the finding was computed with: the review statuses its frame was
    read with (none recorded: no review filter), its form, conditions and group."""
    review = finding.review
    return Filter(statuses=review.statuses if review else (),
                  excluded=review.excluded if review else (), form=finding.metric.form,
                  where=finding.metric.filters, group=finding.group)


def finding_figure(finding: Finding, text: str) -> Figure:
    """The finding as a figure printed as ``text``: a share with its interval, or a count
    (a ``total``: its places or observations are its context, not its denominator)."""
    m = finding.metric
    n, d = finding.numerator, finding.denominator
    interval = m.kind in ("ratio", "n_of_m", "share_negative_assessment")
    low = finding.low if interval else None
    high = finding.high if interval else None
    if not m.is_share:
        return Figure(m.id, n, None, finding_unit(finding), text, base=d,
                      base_unit=sample_unit(finding), filter=finding_filter(finding))
    return Figure(m.id, n, d, finding_unit(finding), text, low, high,
                  filter=finding_filter(finding))


def finding_sentence(finding: Finding, lang: str) -> Sentence:
    """The finding's own house-style sentence with its number marked as a figure."""
    text = finding.sentence(lang)
    n, d = finding.numerator, finding.denominator
    needles: list[tuple[str, bool]] = []
    if finding.metric.style == "proportion":
        needles.append((proportion_phrase(n, d, lang) or "", True))
    if d and finding.metric.is_share and finding.metric.kind != "count_incident" \
            and finding.metric.style != "count":
        needles.append((percent(100 * n / d, lang), True))
    needles.append((number_words(n, lang), False))
    if lang == "en" and n == 0:
        needles.append(("no", False))
    return mark(text, needles, lambda found: finding_figure(finding, found))


def phase_findings(inputs: StatementInputs, phase: str, lang: str) -> list[Sentence]:
    skip = WOMEN_METRICS + OBSERVER_METRICS
    return [finding_sentence(f, lang) for f in inputs.findings
            if f.metric.form == phase and f.denominator and f.metric.id not in skip]


def named_findings(inputs: StatementInputs, ids: tuple[str, ...], lang: str) -> list[Sentence]:
    by_id = {f.metric.id: f for f in inputs.findings}
    return [finding_sentence(by_id[i], lang) for i in ids if i in by_id and by_id[i].denominator]


def _share(metric: str, n: int, d: int, unit: str, lang: str, digits: int = 0) -> Figure:
    return Figure(metric, n, d, unit, percent(100 * n / d, lang, digits))


def _count(metric: str, n: int, unit: str, lang: str, d: int | None = None,
           text: str | None = None) -> Figure:
    return Figure(metric, n, d, unit, text if text is not None else number_words(n, lang))


# -- phases observed ------------------------------------------------------------------------

_OBSERVED = {
    "en": {"opening": "Opening was observed in {n}.", "voting": "Voting was observed in {n}.",
           "counting": "Counting was observed in {n}.",
           "tabulation": "Tabulation was observed in {n}."},
    "ru": {"opening": "Число избирательных участков, где наблюдалось открытие, — {n}.",
           "voting": "Число избирательных участков, где наблюдалось голосование, — {n}.",
           "counting": "Число избирательных участков, где наблюдался подсчёт голосов, — {n}.",
           "tabulation": "Число окружных избирательных комиссий, где наблюдалось сведение "
                         "результатов, — {n}."},
    "kk": {"opening": "Учаскелердің ашылуы {n} сайлау учаскесінде байқалды.",
           "voting": "Дауыс беру {n} сайлау учаскесінде байқалды.",
           "counting": "Дауыстарды санау {n} сайлау учаскесінде байқалды.",
           "tabulation": "Нәтижелерді жинақтау {n} округтік сайлау комиссиясында байқалды."},
}


def observed(mission: MissionSummary | None, phase: str, lang: str) -> list[Sentence]:
    """'Voting was observed in 1,470 polling stations.' (denominator: all stations)."""
    if mission is None:
        return []
    for p in mission.observed:
        if p.phase != phase or p.places <= 0:
            continue
        n = p.places
        if lang == "en":
            if p.unit == "decs":
                noun = "district election commission" + ("" if n == 1 else "s")
                text = f"{number_words(n, 'en')} {noun}"
            else:
                text = quantity(n, "en", "polling_station")
        else:
            text = number_words(n, lang)
        unit = "commissions" if p.unit == "decs" else "all_stations"
        figure = _count(f"mission.observed.{phase}", n, unit, lang, p.of or None, text)
        form = "tabulation" if p.unit == "decs" else phase
        figure = replace(figure, filter=Filter(
            statuses=p.review.statuses if p.review else (),
            excluded=p.review.excluded if p.review else (), form=form))
        return [sentence(_OBSERVED[lang][phase], n=figure)]
    return []


# -- results --------------------------------------------------------------------------------

def results(totals: ResultsTotals | None, publication: Publication | None,
            lang: str) -> list[Sentence]:
    out: list[Sentence] = []
    if totals is not None and totals.registered > 0:
        t = _share("results.turnout", totals.ballots_issued, totals.registered, "registered",
                   lang, 1)
        out.append(sentence({
            "en": "According to the preliminary official results, turnout was {t}.",
            "ru": "По предварительным официальным данным, явка составила {t}.",
            "kk": "Алдын ала ресми деректер бойынша сайлаушылардың қатысуы {t} болды.",
        }[lang], t=t))
        for c in totals.candidates if totals.valid > 0 else ():
            share = _share(f"results.share.{c.number}", c.votes, totals.valid, "valid", lang, 1)
            kk_end = "ын" if lang == "kk" else ""
            out.append(sentence({
                "en": "{name} received {s} of the valid votes.",
                "ru": "Доля действительных голосов, поданных за кандидата {name}, составила {s}.",
                "kk": "{name} жарамды дауыстардың {s}" + kk_end + " алды.",
            }[lang], name=c.name(lang), s=share))
    if publication is not None and publication.stations > 0:
        p = publication
        if p.stations_published:
            s = _share("results.published", p.stations_published, p.stations, "all_stations",
                       lang)
            out.append(sentence({
                "en": "Results by polling station had been published for {s} of polling "
                      "stations.",
                "ru": "Доля избирательных участков, результаты по которым опубликованы, "
                      "составила {s}.",
                "kk": "Сайлау учаскелерінің {s}ы бойынша нәтижелер жарияланды.",
            }[lang], s=s))
        else:
            f = _count("results.published", 0, "all_stations", lang, p.stations,
                       "no" if lang == "en" else None)
            out.append(sentence({
                "en": "Results by polling station had been published for {f} polling stations.",
                "ru": "Число избирательных участков, результаты по которым опубликованы, — {f}.",
                "kk": "Учаскелер бойынша нәтижелері жарияланған сайлау учаскелерінің саны – {f}.",
            }[lang], f=f))
        if p.election_night is False:
            out.append(({
                "en": "No results by polling station were published on election night.",
                "ru": "В ночь выборов результаты по избирательным участкам опубликованы не были.",
                "kk": "Сайлау түні учаскелер бойынша нәтижелер жарияланбады.",
            }[lang],))
    return out


def registered(totals: ResultsTotals | None, lang: str) -> list[Sentence]:
    if totals is None or totals.registered <= 0:
        return []
    f = _count("results.registered", totals.registered, "registered", lang,
               text=format_int(totals.registered, lang))
    return [sentence({
        "en": "According to the preliminary official results, {n} voters were registered.",
        "ru": "По предварительным официальным данным, число зарегистрированных избирателей "
              "составило {n}.",
        "kk": "Алдын ала ресми деректер бойынша тіркелген сайлаушылар саны {n} болды.",
    }[lang], n=f)]


# -- composition ----------------------------------------------------------------------------

def administration(c: Composition | None, lang: str) -> list[Sentence]:
    if c is None or not c.tiers:
        return []
    figures = {t.tier: _count(f"composition.{t.tier}.commissions", t.commissions, "commissions",
                              lang, text=number_words(t.commissions, lang, gender="f"))
               for t in c.tiers}  # Russian: "комиссия" is feminine ("одна")
    head = {"en": "Election commissions by tier: ", "ru": "Число избирательных комиссий: ",
            "kk": "Сайлау комиссияларының саны: "}[lang]
    parts: list = [head]
    for i, t in enumerate(c.tiers):
        if i:
            parts.append(", ")
        parts += [L.pick(L.TIER_NAMES[t.tier], lang) + {"en": " ", "ru": " — ", "kk": " – "}[lang],
                  figures[t.tier]]
    parts.append(".")
    out: list[Sentence] = [tuple(parts)]
    total = sum(t.commissions for t in c.tiers)
    with_opposition = sum(t.commissions_with_opposition for t in c.tiers)
    if c.opposition_parties and total:
        s = _share("composition.opposition_commissions", with_opposition, total, "commissions",
                   lang)
        out.append(sentence({
            "en": "Members nominated by opposition parties sat on {s} of commissions.",
            "ru": "Доля комиссий, в состав которых входили члены, выдвинутые оппозиционными "
                  "партиями, составила {s}.",
            "kk": "Комиссиялардың {s}ында оппозициялық партиялар ұсынған мүшелер болды.",
        }[lang], s=s))
    return out


def women(c: Composition | None, lang: str) -> list[Sentence]:
    out: list[Sentence] = []
    for t in c.tiers if c else ():
        if not t.members:
            continue
        tier = L.pick(L.TIER_NAMES[t.tier], lang)
        m = _share(f"composition.{t.tier}.women_members", t.women_members, t.members, "members",
                   lang, 1)
        out.append(sentence({
            "en": "Women made up {m} of " + tier + " members.",
            "ru": "Доля женщин среди членов " + tier + " составила {m}.",
            "kk": tier + " мүшелерінің {m}ы – әйелдер.",
        }[lang], m=m))
        if t.chairs < 2:
            continue
        metric = f"composition.{t.tier}.women_chairs"
        if t.chairs <= 100:
            text = {"en": f"{number_words(t.women_chairs, 'en')} of {format_int(t.chairs, 'en')}",
                    "ru": f"{number_words(t.women_chairs, 'ru', gender='f')} из "
                          f"{format_int(t.chairs, 'ru')}",
                    "kk": f"{number_words(t.women_chairs, 'kk')} "
                          f"({format_int(t.chairs, 'kk')} ішінен)"}[lang]
            f = _count(metric, t.women_chairs, "chairs", lang, t.chairs, text)
            out.append(sentence({
                "en": "Women chaired {f} " + tier + "s.",
                "ru": "Женщины возглавляли {f} " + tier + ".",
                "kk": "Әйел төрағалары бар " + tier + " саны – {f}.",
            }[lang], f=f))
        else:
            f = _share(metric, t.women_chairs, t.chairs, "chairs", lang)
            out.append(sentence({
                "en": "Women chaired {f} of " + tier + "s.",
                "ru": "Доля " + tier + ", которые возглавляли женщины, составила {f}.",
                "kk": tier + " төрағаларының {f}ы – әйелдер.",
            }[lang], f=f))
    return out


def minorities(c: Composition | None, lang: str, shown: int = 4) -> list[Sentence]:
    if c is None or not c.ethnicity_recorded:
        return []
    known = [(label, n) for label, n in c.ethnicity if label in L.ETHNICITY and n > 0][:shown]
    if not known:
        return []
    figures = [_share(f"composition.ethnicity.{label}", n, c.ethnicity_recorded,
                      "members_recorded", lang, 1) for label, n in known]
    names = [L.pick(L.ETHNICITY[label], lang) for label, _ in known]
    parts: list = []
    if lang == "en":
        parts.append("Of the commission members whose ethnicity is recorded, ")
        for i, (f, name) in enumerate(zip(figures, names, strict=True)):
            sep = "" if i == 0 else (" and " if i == len(figures) - 1 else ", ")
            parts += [sep, f, f" are {name}" if i == 0 else f" {name}"]
    elif lang == "ru":
        parts.append("Среди членов комиссий, чья национальность указана, ")
        for i, (f, name) in enumerate(zip(figures, names, strict=True)):
            parts += ["" if i == 0 else ", ", f"{name} составляют " if i == 0 else f"{name} — ",
                      f]
    else:
        parts.append("Ұлты көрсетілген комиссия мүшелерінің ")
        for i, (f, name) in enumerate(zip(figures, names, strict=True)):
            parts += ["" if i == 0 else ", ", f, f"ы – {name}"]
    parts.append(".")
    return [tuple(p for p in parts if p != "")]

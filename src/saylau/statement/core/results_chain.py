"""The statement's results-chain section (issue #20): sentences in English, Russian and Kazakh.

What the section says, each number a :class:`~saylau.statement.core.model.Figure`
with its numerator, its denominator (what a share is a share of) and a link
to its drill-down page in the web application:

* how often the protocol sources differ: the district commission's entry
  and the observers' copy, each against the precinct commission's signed
  protocol (stations that differ, of the stations where both exist), and the
  largest differences, each station linked to its portal page;
* corrections made without a formal decision, of all corrections;
* the protocols the arithmetic checks quarantined, of those checked, by rule
  (the rules' labels in the reader's language);
* the quick count from the observers' copies against the official result:
  the estimate, its 95 per cent interval, whether the official figure lies
  inside, and what the interval means and does not mean;
* what forensics found on the official station results, with its caveat.

The inputs are :class:`ResultsChain` (filled by ``statement.selectors.results_chain``
from the results package); :func:`forensics_summary` computes the forensics
part from station arrays. Pure: no Django.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

import numpy as np

from saylau.core import protocol
from saylau.core.wording import format_int, percent
from saylau.results.core.checks import rule_label
from saylau.statement.core.model import Figure, Link, Part, Sentence, sentence

#: the quick count's items are named as :func:`saylau.results.quickcount_db.run` names them
TURNOUT = "turnout"


@dataclass(frozen=True)
class Difference:
    """One station's largest difference: ``line`` of the source compared (``value``)
    against the precinct commission's protocol (``pec``)."""

    station: str
    line: str
    value: int
    pec: int

    @property
    def difference(self) -> int:
        return self.value - self.pec


@dataclass(frozen=True)
class SourceComparison:
    """The stations where a source (``entered``: the DEC's entry; ``observer``: the
    observers' copy) differs from the PEC protocol, of the ``compared`` stations that have both."""

    kind: str
    compared: int
    differing: int
    biggest: tuple[Difference, ...] = ()


@dataclass(frozen=True)
class Corrections:
    """Corrections of entered protocols; ``examples``: stations corrected without a decision."""

    total: int
    without_decision: int
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuarantineSummary:
    """The latest check: protocols checked and quarantined, and protocols failing each rule."""

    checked: int
    quarantined: int
    by_rule: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Estimate:
    """A quick-count estimate and the official figure, each as the ratio of two sums:
    over the sample (``numerator``/``denominator``) and over every station (``official_*``)."""

    name: str  # "turnout" or "votes_<n>"
    estimate: float
    lower: float
    upper: float
    numerator: int
    denominator: int
    official_numerator: int
    official_denominator: int

    @property
    def official(self) -> float:
        return self.official_numerator / self.official_denominator

    @property
    def inside(self) -> bool:
        return self.lower <= self.official <= self.upper


@dataclass(frozen=True)
class QuickCount:
    """The quick count from the observers' copies: ``copies`` in the sample, ``stations`` in the frame."""

    copies: int
    stations: int
    confidence: float
    turnout: Estimate | None = None
    leader: Estimate | None = None  # the official leader's share of the valid votes


@dataclass(frozen=True)
class ForensicsSummary:
    """A few forensics figures of the official station results (shares of valid votes)."""

    stations: int
    turnout_100: int  # stations with turnout at or above 100 per cent
    candidate_all: int  # stations where one candidate has every valid vote
    winner_votes: int
    excess_votes: int  # Shpilkin: the winner's votes above the clean turnout peak
    tested: int  # stations in the integer-percentage test
    integer_observed: int
    integer_expected: float
    integer_p: float


@dataclass(frozen=True)
class ResultsChain:
    """Everything the section says; ``election`` is the slug the links name."""

    election: str = ""
    comparisons: tuple[SourceComparison, ...] = ()
    corrections: Corrections | None = None
    quarantine: QuarantineSummary | None = None
    quick_count: QuickCount | None = None
    forensics: ForensicsSummary | None = None

    @property
    def empty(self) -> bool:
        return not (self.comparisons or self.corrections or self.quarantine or self.quick_count
                    or self.forensics)


# -- forensics ------------------------------------------------------------------------------

_SUMMARIES: dict[str, ForensicsSummary | None] = {}  # digest of the arrays -> summary (a few kept)


def forensics_summary(registered, issued, valid, invalid, votes, winner_index: int,
                      seed: int = 0, replicates: int = 1000) -> ForensicsSummary | None:
    """Extreme stations, Shpilkin's excess votes and integer percentages
    (:mod:`saylau.forensics`) of station arrays, shares of valid votes; None without stations.

    The same arrays always give the same summary (the seed is fixed), so a process keeps
    the last few by a digest of the arrays: the statement page does not rerun the
    integer-percentage test's 1,000 replicates while the results stay the same."""
    arrays = [np.ascontiguousarray(a, dtype=np.int64) for a in (registered, issued, valid, invalid, votes)]
    digest = hashlib.sha256(repr((winner_index, seed, replicates, arrays[4].shape)).encode())
    for a in arrays:
        digest.update(a.tobytes())
    key = digest.hexdigest()
    if key not in _SUMMARIES:
        while len(_SUMMARIES) >= 4:
            _SUMMARIES.pop(next(iter(_SUMMARIES)))
        _SUMMARIES[key] = _summary(*arrays, winner_index, seed, replicates)
    return _SUMMARIES[key]


def _summary(registered, issued, valid, invalid, votes, winner_index: int, seed: int,
             replicates: int) -> ForensicsSummary | None:
    from saylau import forensics as fx

    usable = registered > 0
    if not usable.any():
        return None
    stations = fx.stations_from_arrays(
        registered[usable], np.asarray(issued)[usable], np.asarray(valid)[usable],
        np.asarray(invalid)[usable], np.asarray(votes)[usable]).with_share_of("valid")
    stations = replace(stations, winner_index=int(winner_index))
    extremes = fx.extreme_stations(stations)
    excess = fx.shpilkin(stations)
    integer = fx.integer_percentages(stations, replicates=replicates, seed=seed)
    return ForensicsSummary(
        stations=stations.n, turnout_100=extremes.turnout_at_or_above_100,
        candidate_all=extremes.any_candidate_100, winner_votes=int(stations.winner_votes.sum()),
        excess_votes=int(round(excess.excess_votes)), tested=integer.stations,
        integer_observed=integer.either.observed, integer_expected=float(integer.either.null_mean),
        integer_p=float(integer.either.p_value))


# -- links ----------------------------------------------------------------------------------

def _q(election: str) -> str:
    return f"?election={election}" if election else ""


def _with(path: str, election: str, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in (("election", election), *params.items()) if v)
    return path + (f"?{query}" if query else "")


def discrepancies_link(election: str, kind: str) -> str:
    """Every discrepancy of ``kind`` in the latest tabulation (the table of discrepancies)."""
    return _with("/tables/discrepancies/", election, kind=kind)


def protocols_link(election: str, **filters: str) -> str:
    """The current protocols, filtered (``check=quarantined``, ``reason=<rule>``, ``corrected=true``,
    ``without_decision=true``)."""
    return _with("/tables/protocols/", election, **filters)


def station_link(election: str, code: str) -> str:
    return f"/portal/stations/{code}/{_q(election)}"


def quickcount_link(election: str) -> str:
    return f"/dashboards/quick-count/{_q(election)}"


def forensics_link(election: str) -> str:
    return f"/dashboards/forensics/{_q(election)}"


# -- wording --------------------------------------------------------------------------------

def _count(metric: str, n: int, d: int | None, unit: str, lang: str, link: str) -> Figure:
    return Figure(metric, int(n), None if d is None else int(d), unit, format_int(int(n), lang), link=link)


def _share(metric: str, n: int, d: int, unit: str, lang: str, link: str, digits: int = 1) -> Figure:
    return Figure(metric, int(n), int(d), unit, percent(100 * n / d, lang, digits), link=link)


def _signed(n: int, lang: str) -> str:
    return ("+" if n > 0 else "−" if n < 0 else "") + format_int(abs(n), lang)


_COMPARED = {
    "entered": {
        "en": "At {n} of the {d} polling stations where both exist ({s}), the figures the district election "
              "commission entered into the results system differed from the protocol the precinct election "
              "commission signed.",
        "ru": "На {n} из {d} избирательных участков, по которым есть оба документа ({s}), данные, введённые "
              "окружной избирательной комиссией в систему подсчёта, расходились с протоколом, подписанным "
              "участковой избирательной комиссией.",
        "kk": "Екі құжат та бар {d} сайлау учаскесінің {n} учаскесінде ({s}) округтік сайлау комиссиясы "
              "нәтижелер жүйесіне енгізген деректер учаскелік сайлау комиссиясы қол қойған хаттамадан "
              "өзгеше болды.",
    },
    "observer": {
        "en": "At {n} of the {d} polling stations where observers copied the protocol ({s}), their copy "
              "differed from the protocol the precinct election commission submitted.",
        "ru": "На {n} из {d} избирательных участков, где наблюдатели сняли копию протокола ({s}), копия "
              "расходилась с протоколом, представленным участковой избирательной комиссией.",
        "kk": "Бақылаушылар хаттама көшірмесін алған {d} сайлау учаскесінің {n} учаскесінде ({s}) көшірме "
              "учаскелік сайлау комиссиясы тапсырған хаттамадан өзгеше болды.",
    },
}
_BIGGEST = {"en": ("The largest differences: ", "polling station {code}", "; "),
            "ru": ("Наибольшие расхождения: ", "участок {code}", "; "),
            "kk": ("Ең үлкен айырмалар: ", "{code} учаскесі", "; ")}
_VOTES_FOR = {"en": "votes for {name}", "ru": "голоса за кандидата {name}", "kk": "{name} алған дауыстар"}


def line_name(line: str, lang: str, names: dict[int, str]) -> str:
    """A protocol line in ``lang``: its label, or '<candidate>'s votes'."""
    number = protocol.candidate_number(line)
    if number is not None:
        return _VOTES_FOR[lang].format(name=names.get(number) or f"№ {number}")
    if line in protocol.LINE_LABELS:
        label = protocol.line_label(line, lang)
        return label[:1].lower() + label[1:]  # inside a sentence
    return line


def comparison(c: SourceComparison, election: str, lang: str, names: dict[int, str]) -> list[Sentence]:
    if c.compared <= 0 or c.kind not in _COMPARED:
        return []
    unit = "stations_entered" if c.kind == "entered" else "stations_copied"
    link = discrepancies_link(election, c.kind)
    metric = f"results.differ.{c.kind}"
    out = [sentence(_COMPARED[c.kind][lang], n=_count(metric, c.differing, c.compared, unit, lang, link),
                    d=_count(f"results.compared.{c.kind}", c.compared, None, unit, lang, link),
                    s=_share(f"{metric}.share", c.differing, c.compared, unit, lang, link))]
    if c.biggest and c.differing:
        head, station, sep = _BIGGEST[lang]
        parts: list[Part] = [head]
        for i, b in enumerate(c.biggest):
            if i:
                parts.append(sep)
            before, after = station.split("{code}")
            parts += [before, Link(b.station, station_link(election, b.station)), after,
                      ", " + line_name(b.line, lang, names) + ", ",
                      Figure(f"results.difference.{c.kind}", b.difference, None, "line_difference",
                             _signed(b.difference, lang), link=station_link(election, b.station))]
        parts.append(".")
        out.append(tuple(p for p in parts if p != ""))
    return out


_CORRECTIONS = {
    "en": ("Of the {d} corrections made to protocols after they were entered, {n} ({s}) were made without a "
           "formal decision of the commission", ", for example at polling stations ", " and ", "."),
    "ru": ("Из {d} исправлений, внесённых в протоколы после их ввода, {n} ({s}) сделаны без официального "
           "решения комиссии", ", например на участках ", " и ", "."),
    "kk": ("Енгізілгеннен кейін хаттамаларға жасалған {d} түзетудің {n} түзетуі ({s}) комиссияның ресми "
           "шешімінсіз жасалды", ", мысалы, ", " және ", " учаскелерінде."),
}


def corrections(c: Corrections | None, election: str, lang: str) -> list[Sentence]:
    if c is None or c.total <= 0:
        return []
    text, lead, last_sep, end = _CORRECTIONS[lang]
    link = protocols_link(election, corrected="true")
    without = protocols_link(election, without_decision="true")
    head = sentence(text, n=_count("results.corrections.without_decision", c.without_decision, c.total,
                                   "corrections", lang, without),
                    d=_count("results.corrections", c.total, None, "corrections", lang, link),
                    s=_share("results.corrections.without_decision.share", c.without_decision, c.total,
                             "corrections", lang, without))
    parts: list[Part] = list(head)
    if c.examples and c.without_decision:
        parts.append(lead)
        for i, code in enumerate(c.examples):
            if i:
                parts.append(last_sep if i == len(c.examples) - 1 else ", ")
            parts.append(Link(code, station_link(election, code)))
        parts.append(end)
    else:
        parts.append(".")
    return [tuple(parts)]


_QUARANTINE = {
    "en": ("The arithmetic checks held back {n} of the {d} protocols checked ({s}) until they are explained",
           ": ", "{label} ({n})", "; "),
    "ru": ("Арифметические проверки задержали до выяснения {n} из {d} проверенных протоколов ({s})",
           ": ", "{label} — {n}", "; "),
    "kk": ("Арифметикалық тексерулер тексерілген {d} хаттаманың {n} хаттамасын ({s}) себебі анықталғанша "
           "ұстап қалды", ": ", "{label} – {n}", "; "),
}


def quarantine(q: QuarantineSummary | None, election: str, lang: str) -> list[Sentence]:
    if q is None or q.checked <= 0:
        return []
    text, lead, item, sep = _QUARANTINE[lang]
    link = protocols_link(election, check="quarantined")
    parts: list[Part] = list(sentence(
        text, n=_count("results.quarantined", q.quarantined, q.checked, "protocols_checked", lang, link),
        d=_count("results.checked", q.checked, None, "protocols_checked", lang, link),
        s=_share("results.quarantined.share", q.quarantined, q.checked, "protocols_checked", lang, link)))
    rules = [(code, n) for code, n in q.by_rule if n > 0]
    if rules and q.quarantined:
        parts.append(lead)
        for i, (code, n) in enumerate(rules):
            if i:
                parts.append(sep)
            parts += list(sentence(item, label=rule_label(code, lang),
                                   n=_count(f"results.rule.{code}", n, q.checked, "protocols_checked", lang,
                                            protocols_link(election, check="quarantined", reason=code))))
    parts.append(".")
    return [tuple(p for p in parts if p != "")]


_QC_TURNOUT = {
    "en": "The mission's quick count, from the observers' copies of {n} protocols, estimated turnout at {e} "
          "(95 per cent interval {i}); the official turnout, {o}, lies {where}.",
    "ru": "Параллельный подсчёт миссии по копиям {n} протоколов, снятым наблюдателями, оценил явку в {e} "
          "(95-процентный интервал {i}); официальная явка, {o}, находится {where}.",
    "kk": "Миссияның бақылаушылар алған {n} хаттама көшірмесі бойынша жедел есебі сайлаушылардың қатысуын {e} "
          "деп бағалады (95 пайыздық аралық {i}); ресми қатысу ({o}) {where}.",
}
_QC_LEADER = {
    "en": "It estimated {name}'s share of the valid votes at {e} (95 per cent interval {i}); the official "
          "share, {o}, lies {where}.",
    "ru": "Доля действительных голосов за кандидата {name} оценена в {e} (95-процентный интервал {i}); "
          "официальная доля, {o}, находится {where}.",
    "kk": "{name} алған жарамды дауыстардың үлесі {e} деп бағаланды (95 пайыздық аралық {i}); ресми үлес "
          "({o}) {where}.",
}
_WHERE = {"en": ("inside this interval", "outside it"),
          "ru": ("внутри этого интервала", "за его пределами"),
          "kk": ("осы аралықтың ішінде жатыр", "осы аралықтан тыс жатыр")}
_QC_MEANING = {
    "en": "The interval covers sampling error only: if the copies are accurate and the stations observed "
          "represent all stations, intervals drawn this way contain the true figure in 95 samples of 100. "
          "The stations observed were not drawn at random. An official figure outside the interval is a "
          "reason to examine the results, not proof that they were falsified; one inside it does not show "
          "that every station's result is right.",
    "ru": "Интервал учитывает только ошибку выборки: если копии точны, а наблюдавшиеся участки представляют "
          "все участки, построенные так интервалы содержат истинное значение в 95 выборках из 100. "
          "Наблюдавшиеся участки не отбирались случайно. Официальный результат за пределами интервала — "
          "повод проверить результаты, но не доказательство фальсификации; результат внутри интервала не "
          "означает, что верен результат каждого участка.",
    "kk": "Аралық тек іріктеу қателігін ескереді: көшірмелер дәл болса және байқалған учаскелер барлық "
          "учаскелерді дұрыс бейнелесе, осылай құрылған аралықтар 100 іріктеменің 95-інде шынайы мәнді "
          "қамтиды. Байқалған учаскелер кездейсоқ таңдалмаған. Ресми нәтиженің аралықтан тыс болуы "
          "нәтижелерді тексеруге негіз болады, бірақ бұрмалаудың дәлелі емес; аралықтың ішінде болуы әр "
          "учаскенің нәтижесі дұрыс екенін көрсетпейді.",
}


def _interval(low: float, high: float, lang: str) -> str:
    return percent(100 * low, lang, 1).split(" ")[0] + "–" + percent(100 * high, lang, 1)


def _estimate_figures(e: Estimate, what: str, unit: str, lang: str, link: str) -> dict[str, Figure]:
    metric = f"quickcount.{what}"
    return {
        "e": Figure(metric, e.numerator, e.denominator, "qc_share", percent(100 * e.estimate, lang, 1),
                    e.lower, e.upper, link=link),
        "i": Figure(f"{metric}.interval", e.numerator, e.denominator, "qc_share",
                    _interval(e.lower, e.upper, lang), e.lower, e.upper, link=link),
        "o": Figure(f"{metric}.official", e.official_numerator, e.official_denominator, unit,
                    percent(100 * e.official, lang, 1), link=link),
    }


def quick_count(q: QuickCount | None, election: str, lang: str, names: dict[int, str]) -> list[Sentence]:
    if q is None or (q.turnout is None and q.leader is None):
        return []
    link = quickcount_link(election)
    out: list[Sentence] = []
    n = _count("quickcount.copies", q.copies, q.stations, "all_stations", lang, link)
    if q.turnout is not None:
        where = _WHERE[lang][0 if q.turnout.inside else 1]
        out.append(sentence(_QC_TURNOUT[lang], n=n, where=where,
                            **_estimate_figures(q.turnout, "turnout", "registered", lang, link)))
    if q.leader is not None:
        number = protocol.candidate_number(q.leader.name)
        name = names.get(number) if number is not None else None
        where = _WHERE[lang][0 if q.leader.inside else 1]
        out.append(sentence(_QC_LEADER[lang], name=name or f"№ {number}", where=where,
                            **_estimate_figures(q.leader, f"share.{number}", "valid", lang, link)))
    out.append((_QC_MEANING[lang],))
    return out


_F_TURNOUT = {
    "en": "Turnout of 100 per cent or more was reported at {n} of the {d} polling stations in the official "
          "results; the number of polling stations where one candidate received every valid vote was {a}.",
    "ru": "Явка 100 процентов и выше указана на {n} из {d} избирательных участков в официальных результатах; "
          "число участков, где все действительные голоса получил один кандидат, — {a}.",
    "kk": "Ресми нәтижелердегі {d} сайлау учаскесінің {n} учаскесінде қатысу 100 пайыз немесе одан жоғары "
          "болды; барлық жарамды дауысты бір кандидат алған учаскелер саны – {a}.",
}
_F_SHPILKIN = {
    "en": "Shpilkin's method takes the most common turnout as that of honest polling stations; by it, {n} of "
          "the winner's {d} votes ({s}) came from turnout above that level.",
    "ru": "Метод Шпилькина считает честной наиболее частую явку; по этому методу {n} из {d} голосов "
          "победителя ({s}) приходятся на явку выше этого уровня.",
    "kk": "Шпилькин әдісі ең жиі кездесетін қатысуды адал учаскелердің қатысуы деп есептейді; осы әдіс "
          "бойынша жеңімпаздың {d} дауысының {n} дауысы ({s}) осы деңгейден жоғары қатысудан келді.",
}
_F_INTEGER = {
    "en": "At {n} of the {d} polling stations tested, the turnout or the winner's share is a whole percentage, "
          "against about {e} expected by chance; ",
    "ru": "На {n} из {d} проверенных избирательных участков явка или доля победителя составляет целое число "
          "процентов, тогда как случайно ожидается около {e}; ",
    "kk": "Тексерілген {d} сайлау учаскесінің {n} учаскесінде қатысу немесе жеңімпаздың үлесі бүтін пайызға "
          "тең, ал кездейсоқ жағдайда шамамен {e} учаскеде күтіледі; ",
}
_F_CHANCE = {
    "en": ("chance alone is unlikely to explain the difference.", "chance can explain the difference."),
    "ru": ("такую разницу трудно объяснить случайностью.", "такая разница объяснима случайностью."),
    "kk": ("мұндай айырманы кездейсоқтықпен түсіндіру қиын.", "бұл айырманы кездейсоқтықпен түсіндіруге болады."),
}
_F_CAVEAT = {
    "en": "These are statistical anomalies, not proof of fraud: honest elections also produce unusual turnout "
          "and vote shares, and the tests only point to polling stations worth examining against their "
          "protocols and the observers' reports.",
    "ru": "Это статистические аномалии, а не доказательство фальсификаций: необычная явка и доли голосов "
          "встречаются и на честных выборах, а тесты лишь указывают участки, которые стоит проверить по их "
          "протоколам и отчётам наблюдателей.",
    "kk": "Бұл – статистикалық ауытқулар, бұрмалаудың дәлелі емес: әдеттен тыс қатысу мен дауыс үлестері адал "
          "сайлауда да кездеседі, ал тесттер хаттамалары мен бақылаушылардың есептері бойынша тексеруге "
          "тұрарлық учаскелерді ғана көрсетеді.",
}
#: a p-value below this is called unlikely to be chance alone
SIGNIFICANCE = 0.01


def forensics(f: ForensicsSummary | None, election: str, lang: str) -> list[Sentence]:
    if f is None or f.stations <= 0:
        return []
    link = forensics_link(election)
    out = [sentence(_F_TURNOUT[lang],
                    n=_count("forensics.turnout_100", f.turnout_100, f.stations, "stations_examined", lang, link),
                    d=_count("forensics.stations", f.stations, None, "stations_examined", lang, link),
                    a=_count("forensics.candidate_all", f.candidate_all, f.stations, "stations_examined", lang,
                             link))]
    if f.winner_votes > 0:
        out.append(sentence(_F_SHPILKIN[lang],
                            n=_count("forensics.shpilkin_excess", f.excess_votes, f.winner_votes, "votes_winner",
                                     lang, link),
                            d=_count("forensics.winner_votes", f.winner_votes, None, "votes_winner", lang, link),
                            s=_share("forensics.shpilkin_excess.share", f.excess_votes, f.winner_votes,
                                     "votes_winner", lang, link)))
    if f.tested > 0:
        expected = int(round(f.integer_expected))
        head = sentence(_F_INTEGER[lang],
                        n=_count("forensics.integer", f.integer_observed, f.tested, "stations_tested", lang, link),
                        d=_count("forensics.tested", f.tested, None, "stations_tested", lang, link),
                        e=_count("forensics.integer.expected", expected, f.tested, "stations_tested", lang, link))
        chance = _F_CHANCE[lang][0 if f.integer_p < SIGNIFICANCE and f.integer_observed > f.integer_expected
                                 else 1]
        out.append((*head[:-1], head[-1] + chance) if isinstance(head[-1], str) else (*head, chance))
    out.append((_F_CAVEAT[lang],))
    return out


def sentences(chain: ResultsChain | None, lang: str, names: dict[int, str] | None = None) -> list[Sentence]:
    """The section's sentences; ``names``: candidate number -> name in ``lang``."""
    if chain is None:
        return []
    names = names or {}
    out: list[Sentence] = []
    for c in chain.comparisons:
        out += comparison(c, chain.election, lang, names)
    out += corrections(chain.corrections, chain.election, lang)
    out += quarantine(chain.quarantine, chain.election, lang)
    out += quick_count(chain.quick_count, chain.election, lang, names)
    out += forensics(chain.forensics, chain.election, lang)
    return out

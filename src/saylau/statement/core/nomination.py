"""Candidate registration, proxies and accredited observers in the statement (issue #17):
sentences in English, Russian and Kazakh from a :class:`NominationSummary`.

The summary is filled by ``saylau.statement.selectors.nomination`` from
``saylau.nomination`` (nominees and their decisions, the mission's check of the
signature lines against the voter register, the commissions' own record of
the lines they struck, the verification sessions and the accreditation
registry). Every number is a :class:`~saylau.statement.core.model.Figure`
with its numerator, denominator and metric id; a part with no data gives no
sentence. Counts that a Russian or Kazakh case ending would fall on are
written in digits, and each sentence names what it counts in the nominative
("Число ... — N"), so no noun has to agree with a number.

Pure Python: no Django. Reasons, statuses, decisions and kinds are named by
the labels of ``saylau.nomination.core``.
"""

from __future__ import annotations

from dataclasses import dataclass

from saylau.core.wording import format_int, number_words
from saylau.nomination.core import labels as NL
from saylau.nomination.core import reasons as NR
from saylau.statement.core.labels import pick
from saylau.statement.core.model import Figure, Sentence, merge_text, sentence

Names = tuple[tuple[str, str], ...]  # ((lang, name), ...)


def name_in(names: Names, lang: str) -> str:
    values = dict(names)
    return values.get(lang) or values.get("en") or ""


def _lower(text: str) -> str:
    """A label inside a sentence: its first letter in lower case (not an abbreviation's)."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class SampleCheck:
    """A nominee's decisive verification session: ``sampled`` of the ``lines`` submitted
    checked (all of them when ``sampled == lines``), ``invalid`` of those invalid; the
    projected number of valid signatures with its 95 per cent interval; ``required``
    valid signatures needed; ``decision`` a code of ``nomination.core.reasons.DECISIONS``."""

    nominee: Names
    lines: int
    sampled: int
    invalid: int
    estimate: float
    low: float
    high: float
    required: int
    decision: str
    code: str = ""  # the nominee's code: its page in the web application


@dataclass(frozen=True)
class NominationSummary:
    """What the statement says about candidate registration, proxies and observers.

    ``by_status``: nominees by their current status (``nomination.core.labels.STATUS``).
    ``lines_checked`` / ``invalid_by_reason``: the mission's check of the signature
    lines against the voter register (each invalid line has exactly one reason).
    ``struck`` / ``struck_without_reason`` / ``struck_valid``: lines the territorial
    commissions struck, and of those the lines for which they recorded no reason and the
    lines the mission's check found valid. ``refused_documents`` / ``refused_signatures``:
    the refused nominees by what the refusal rested on. ``sessions`` /
    ``sessions_with_proxy``: the territorial commissions' verification sessions (their own
    record), and those with the nominee's proxy present. ``proxies_by_candidate``: accredited proxies per registered candidate
    ``(names, proxies, incumbent)``; ``proxies_refused``: filings refused, of which
    ``proxies_over_limit`` over the limit of ``proxy_limit`` per candidate and station.
    ``accredited``: accredited persons by kind (``ACCREDITATION_KIND``) other than
    proxies; ``domestic_by_nominator``: domestic observers by who nominated them
    (``NOMINATED_BY``); ``restricted_reports`` / ``restricted_accredited``: reports of
    observers restricted on election day, and of those the reports whose observer is
    accredited. ``election``: the election's slug, for the links to the web pages."""

    nominees: int = 0
    by_status: tuple[tuple[str, int], ...] = ()
    refused_documents: int = 0  # of the refused, on an eligibility check or the documents
    refused_signatures: int = 0  # of the refused, on the signatures
    nominees_checked: int = 0
    lines_checked: int = 0
    invalid_by_reason: tuple[tuple[str, int], ...] = ()
    struck: int = 0
    struck_without_reason: int = 0
    struck_valid: int = 0  # struck by the commissions although the mission's check found them valid
    sessions: int = 0
    sessions_with_proxy: int = 0
    samples: tuple[SampleCheck, ...] = ()
    proxies_by_candidate: tuple[tuple[Names, int, bool], ...] = ()
    proxies_refused: int = 0
    proxies_over_limit: int = 0
    proxy_limit: int = 0
    accredited: tuple[tuple[str, int], ...] = ()
    domestic_by_nominator: tuple[tuple[str, int], ...] = ()
    restricted_reports: int = 0
    restricted_accredited: int = 0
    election: str = ""

    @property
    def invalid(self) -> int:
        return sum(n for _, n in self.invalid_by_reason)

    @property
    def proxies(self) -> int:
        return sum(n for _, n, _ in self.proxies_by_candidate)

    def status(self, code: str) -> int:
        return dict(self.by_status).get(code, 0)

    def link(self, path: str) -> str:
        return f"{path}?election={self.election}" if self.election else ""


def _digits(metric: str, n: int, d: int | None, unit: str, lang: str, link: str = "") -> Figure:
    return Figure(metric, n, d, unit, format_int(n, lang), link=link)


def _words(metric: str, n: int, d: int | None, unit: str, lang: str, link: str = "") -> Figure:
    return Figure(metric, n, d, unit, number_words(n, lang), link=link)


def _prose(metric: str, n: int, d: int | None, unit: str, lang: str, link: str = "") -> Figure:
    """A count inside an English sentence in house style (words up to ten); in Russian and Kazakh
    in digits, since a case ending may fall on it."""
    return Figure(metric, n, d, unit, number_words(n, "en") if lang == "en" else format_int(n, lang), link=link)


# -- candidate registration --------------------------------------------------------------------

#: the refusals split by what they rested on, after the number refused
_SPLIT = {
    "en": " ({d} on the eligibility checks and documents, {s} on the signatures)",
    "ru": " (по итогам проверки документов и требований — {d}, по подписям — {s})",
    "kk": " (құжаттар мен талаптарды тексеру бойынша – {d}, қолтаңбалар бойынша – {s})",
}
_NOMINEES = {
    "ru": ("Число выдвинутых кандидатов — {n}; зарегистрированы — {r}", ", в регистрации отказано — {f}",
           ", сняли свои кандидатуры — {w}", ", ещё не рассмотрены — {p}", "."),
    "kk": ("Ұсынылған үміткерлер саны – {n}; кандидат ретінде тіркелгендері – {r}",
           ", тіркеуден бас тартылғандары – {f}", ", кандидатурасын қайтарып алғандары – {w}",
           ", әлі шешім шықпағандары – {p}", "."),
}


def _en(n: int, one: str, many: str) -> str:
    """The English form that follows the number ``n``."""
    return one if n == 1 else many


def _nominees_en(n: int, registered: int, refused: int, withdrawn: int, pending: int):
    head = "Of the {n} " + _en(n, "nominee", "nominees") + ", {r} " + _en(
        registered, "was registered as a candidate", "were registered as candidates")
    tail = []
    if refused:
        tail.append(("{f} " + _en(refused, "was", "were") + " refused registration{split}", "f"))
    if withdrawn:
        tail.append(("{w} withdrew", "w"))
    if pending:
        tail.append(("{p} " + _en(pending, "was", "were") + " still awaiting a decision", "p"))
    for i, (text, _) in enumerate(tail):
        head += (" and " if i == len(tail) - 1 else ", ") + text
    return head + ".", [key for _, key in tail]


def nominees(s: NominationSummary | None, lang: str) -> list[Sentence]:
    """'Of the 22 nominees, four were registered as candidates, 15 were refused registration
    and three withdrew.'"""
    if s is None or not s.nominees:
        return []
    link = s.link("/candidates/")
    registered, refused, withdrawn = s.status("registered"), s.status("refused"), s.status("withdrawn")
    pending = s.nominees - registered - refused - withdrawn
    figures = {"n": _prose("nomination.nominees", s.nominees, None, "nominees", lang, link),
               "r": _words("nomination.registered", registered, s.nominees, "nominees", lang, link),
               "f": _words("nomination.refused", refused, s.nominees, "nominees", lang, link),
               "w": _words("nomination.withdrawn", withdrawn, s.nominees, "nominees", lang, link),
               "p": _words("nomination.pending", pending, s.nominees, "nominees", lang, link)}
    if lang == "en":
        template, keys = _nominees_en(s.nominees, registered, refused, withdrawn, pending)
    else:
        head, ref, wd, pend, end = _NOMINEES[lang]
        parts = [(ref + "{split}", "f", refused), (wd, "w", withdrawn), (pend, "p", pending)]
        template = head + "".join(text for text, _, n in parts if n) + end
        keys = [key for _, key, n in parts if n]
    split = bool(refused and s.refused_documents and s.refused_signatures
                 and s.refused_documents + s.refused_signatures == refused)
    if split:
        template = template.replace("{split}", _SPLIT[lang])
        figures["d"] = _prose("nomination.refused_documents", s.refused_documents, refused, "nominees", lang, link)
        figures["s"] = _prose("nomination.refused_signatures", s.refused_signatures, refused, "nominees", lang, link)
        keys += ["d", "s"]
    template = template.replace("{split}", "")
    return [sentence(template, **{k: figures[k] for k in ("n", "r", *keys)})]


_CHECKED = {
    "en": ("The mission checked {lines} supporting {signatures} of {k} {nominees} against the voter register and "
           "found {invalid} invalid", ", each for a stated reason: "),
    "ru": ("Число подписей в поддержку выдвинутых кандидатов (всего {k}), сверенных миссией со списками "
           "избирателей, — {lines}; недействительных — {invalid}", ", у каждой указана причина: "),
    "kk": ("Миссия сайлаушылар тізімімен салыстырған қолтаңбалар саны – {lines} ({k} үміткер); жарамсыздары – {invalid}",
           ", әрқайсысының себебі көрсетілген: "),
}


def signatures_checked(s: NominationSummary, lang: str) -> list[Sentence]:
    """The mission's check of the lines against the register: invalid lines by reason."""
    if not s.lines_checked:
        return []
    invalid = s.invalid
    head, because = _CHECKED[lang]
    if lang == "en":
        head = head.replace("{signatures}", _en(s.lines_checked, "signature", "signatures")).replace(
            "{nominees}", _en(s.nominees_checked, "nominee", "nominees"))
    parts: list = list(sentence(
        head + (because if invalid else ""),
        lines=_prose("signatures.checked", s.lines_checked, None, "signature_lines", lang),
        invalid=_prose("signatures.invalid", invalid, s.lines_checked, "signature_lines", lang),
        k=_prose("signatures.nominees_checked", s.nominees_checked, None, "nominees", lang)))
    known = list(NR.REASONS)
    reasons = sorted(((code, n) for code, n in s.invalid_by_reason if n),
                     key=lambda x: known.index(x[0]) if x[0] in known else len(known))
    dash = {"en": " ", "ru": " — ", "kk": " – "}[lang]
    for i, (code, n) in enumerate(reasons):
        if i:
            parts.append("; ")
        label = _lower(pick(NR.REASONS[code], lang)) if code in NR.REASONS else code
        parts += [label + dash, _digits(f"signatures.invalid.{code}", n, invalid, "signature_lines", lang)]
    parts.append(".")
    return [tuple(merge_text(parts))]


def commissions_record(s: NominationSummary, lang: str) -> list[Sentence]:
    """'Territorial commissions recorded no reason for N of M invalidated signatures.'
    and the proxies' presence at the verification sessions."""
    out: list[Sentence] = []
    if s.struck:
        m = _prose("signatures.struck", s.struck, None, "signatures_struck", lang)
        n = _prose("signatures.struck_without_reason", s.struck_without_reason, s.struck, "signatures_struck", lang)
        if s.struck_without_reason:
            text = {"en": ("Territorial commissions recorded no reason for {n} of {m} invalidated signatures."
                           if s.struck > 1 else
                           "Territorial commissions invalidated {m} signature and recorded no reason for it."),
                    "ru": "Число подписей, признанных территориальными комиссиями недействительными, — {m}; "
                          "для {n} из них причина не указана.",
                    "kk": "Аумақтық комиссиялар жарамсыз деп таныған қолтаңбалар саны – {m}, оның ішінде {n} қолтаңба "
                          "бойынша себеп көрсетілмеген."}[lang]
        else:
            text = {"en": ("Territorial commissions recorded a reason for each of the {m} invalidated signatures."
                           if s.struck > 1 else
                           "Territorial commissions invalidated {m} signature and recorded its reason."),
                    "ru": "Число подписей, признанных территориальными комиссиями недействительными, — {m}; "
                          "причина указана для каждой из них.",
                    "kk": "Аумақтық комиссиялар жарамсыз деп таныған қолтаңбалар саны – {m}; олардың әрқайсысы "
                          "бойынша себеп көрсетілген."}[lang]
        out.append(sentence(text, n=n, m=m) if "{n}" in text else sentence(text, m=m))
        if s.struck_valid:
            k = _prose("signatures.struck_valid", s.struck_valid, s.struck, "signatures_struck", lang)
            out.append(sentence({
                "en": "Of the signatures they invalidated, {k} " + _en(s.struck_valid, "was", "were")
                      + " valid by the mission's check against the voter register.",
                "ru": "Из подписей, признанных ими недействительными, действительны по проверке миссии по списку "
                      "избирателей — {k}.",
                "kk": "Олар жарамсыз деп таныған қолтаңбалардың ішінде миссияның сайлаушылар тізімі бойынша "
                      "тексеруінде жарамды болғандары – {k}.",
            }[lang], k=k))
    if s.sessions:
        total = _prose("signatures.sessions", s.sessions, None, "sessions", lang)
        p = s.sessions_with_proxy
        present = Figure("signatures.sessions_with_proxy", p, s.sessions, "sessions",
                         ({"en": "none", "ru": "0", "kk": "0"}[lang] if p == 0 else
                          number_words(p, "en") if lang == "en" else format_int(p, lang)))
        out.append(sentence({
            "en": "Territorial commissions held {s} signature verification "
                  + _en(s.sessions, "session", "sessions") + "; the nominee's proxy was present at {p}.",
            "ru": "Число заседаний территориальных комиссий по проверке подписей — {s}, из них с участием "
                  "доверенного лица кандидата — {p}.",
            "kk": "Аумақтық комиссиялардың қолтаңбаларды тексеру отырыстарының саны – {s}, оның ішінде үміткердің "
                  "сенім білдірілген өкілі қатысқандары – {p}.",
        }[lang], p=present, s=total))
    return out


def samples(s: NominationSummary, lang: str) -> list[Sentence]:
    """Per nominee, the sample the commission checked, the projection with its 95 per cent
    interval, the number required and the decision the rule gives."""
    out: list[Sentence] = []
    for c in s.samples:
        key = f"signatures.sample.{c.code or name_in(c.nominee, 'en')}"
        link = s.link(f"/candidates/{c.code}/") if c.code else ""
        sampled = _prose(f"{key}.sampled", c.sampled, c.lines, "signature_lines", lang, link)
        lines = _prose(f"{key}.lines", c.lines, None, "signature_lines", lang, link)
        invalid = _prose(f"{key}.invalid", c.invalid, c.sampled, "signatures_sampled", lang, link)
        est = Figure(f"{key}.projected_valid", round(c.estimate), c.lines, "signatures_projected",
                     format_int(round(c.estimate), lang), link=link)
        interval = Figure(f"{key}.interval", round(c.low), c.lines, "signatures_projected",
                          f"{format_int(round(c.low), lang)}–{format_int(round(c.high), lang)}", link=link)
        required = _digits(f"{key}.required", c.required, None, "signatures_required", lang)
        decision = (_lower(pick(NR.DECISIONS[c.decision], lang)) if c.decision in NR.DECISIONS else c.decision
                    ).replace(": ", " – ")  # 'refused – too few valid signatures' after 'Decision under the rule:'

        name = name_in(c.nominee, lang)
        full = c.sampled >= c.lines
        text = {
            "en": ("{name}: of a random sample of {sampled} of the {lines} signatures submitted, {invalid} were "
                   "invalid" if not full else
                   "{name}: all {lines} signatures submitted were checked and {invalid} were invalid") +
                  "; the projected number of valid signatures is {est} (95 per cent interval {interval}), against "
                  "{required} required. Decision under the rule: " + decision + ".",
            "ru": ("{name}: подписей в выборке — {sampled} из {lines}" if not full else
                   "{name}: проверены все представленные подписи ({lines})") +
                  ", недействительных — {invalid}; расчётное число действительных подписей — {est} "
                  "(95-процентный интервал: {interval}), требуется — {required}. Решение по правилу: " + decision + ".",
            "kk": ("{name}: іріктемедегі қолтаңбалар – {lines} ішінен {sampled}" if not full else
                   "{name}: ұсынылған қолтаңбалардың барлығы тексерілді ({lines})") +
                  ", жарамсыздары – {invalid}; жарамды қолтаңбалардың есептік саны – {est} (95 пайыздық аралық: "
                  "{interval}), талап етілетіні – {required}. Ереже бойынша шешім: " + decision + ".",
        }[lang]
        fields = {"name": name, "lines": lines, "invalid": invalid, "est": est, "interval": interval,
                  "required": required}
        if not full:
            fields["sampled"] = sampled
        out.append(sentence(text, **fields))
    return out


def signatures(s: NominationSummary | None, lang: str) -> list[Sentence]:
    """The candidate registration section's sentences on supporting signatures."""
    if s is None:
        return []
    return signatures_checked(s, lang) + commissions_record(s, lang) + samples(s, lang)


# -- campaign: proxies --------------------------------------------------------------------------

def proxies(s: NominationSummary | None, lang: str) -> list[Sentence]:
    """'Candidates registered 31,916 proxies, 28,902 of them for the incumbent, NAME.' Then by
    candidate, and the filings refused over the limit."""
    if s is None or not s.proxies:
        return []
    link = s.link("/accreditation/")
    total = _prose("accreditation.proxies", s.proxies, None, "proxies", lang, link)
    proxies_en = _en(s.proxies, "proxy", "proxies")
    out: list[Sentence] = []
    incumbent = next(((names, n) for names, n, inc in s.proxies_by_candidate if inc), None)
    if incumbent is not None:
        names, n = incumbent
        f = _prose("accreditation.proxies.incumbent", n, s.proxies, "proxies", lang, link)
        out.append(sentence({
            "en": "Candidates registered {total} " + proxies_en + ", {n} of them for the incumbent, "
                  + name_in(names, "en") + ".",
            "ru": "Число зарегистрированных доверенных лиц кандидатов — {total}, из них доверенных лиц кандидата "
                  + name_in(names, "ru") + ", занимающего эту должность, — {n}.",
            "kk": "Кандидаттардың тіркелген сенім білдірілген өкілдерінің саны – {total}, оның ішінде қазіргі "
                  "лауазым иесі " + name_in(names, "kk") + " өкілдері – {n}.",
        }[lang], total=total, n=f))
    else:
        out.append(sentence({"en": "Candidates registered {total} " + proxies_en + ".",
                             "ru": "Число зарегистрированных доверенных лиц кандидатов — {total}.",
                             "kk": "Кандидаттардың тіркелген сенім білдірілген өкілдерінің саны – {total}."}[lang],
                            total=total))
    if len(s.proxies_by_candidate) > 1:
        parts: list = [{"en": "Proxies by candidate: ", "ru": "Доверенные лица по кандидатам: ",
                        "kk": "Кандидаттар бойынша сенім білдірілген өкілдер: "}[lang]]
        dash = {"en": " ", "ru": " — ", "kk": " – "}[lang]
        for i, (names, n, _) in enumerate(s.proxies_by_candidate):
            if i:
                parts.append("; ")
            parts += [name_in(names, lang) + dash,
                      _digits(f"accreditation.proxies.{name_in(names, 'en')}", n, s.proxies, "proxies", lang, link)]
        parts.append(".")
        out.append(tuple(merge_text(parts)))
    if s.proxies_refused:
        refused = _prose("accreditation.proxies_refused", s.proxies_refused, None, "proxy_filings", lang, link)
        if s.proxies_over_limit and s.proxy_limit:
            over = _prose("accreditation.proxies_over_limit", s.proxies_over_limit, s.proxies_refused,
                           "proxy_filings", lang, link)
            limit = format_int(s.proxy_limit, lang) if lang != "en" else number_words(s.proxy_limit, "en")
            out.append(sentence({
                "en": "Accreditation was refused to {refused} " + _en(s.proxies_refused, "proxy", "proxies")
                      + ", {over} of them over the limit of " + limit
                      + " per candidate per polling station.",
                "ru": "Число доверенных лиц, которым отказано в регистрации, — {refused}, из них сверх предела ("
                      + limit + " на кандидата на участке) — {over}.",
                "kk": "Тіркеуден бас тартылған сенім білдірілген өкілдер саны – {refused}, оның ішінде шектен "
                      "тыс (бір учаскеде бір кандидатқа " + limit + ") – {over}.",
            }[lang], refused=refused, over=over))
        else:
            out.append(sentence({
                "en": "Accreditation was refused to {refused} " + _en(s.proxies_refused, "proxy", "proxies") + ".",
                "ru": "Число доверенных лиц, которым отказано в регистрации, — {refused}.",
                "kk": "Тіркеуден бас тартылған сенім білдірілген өкілдер саны – {refused}.",
            }[lang], refused=refused))
    return out


# -- observers ----------------------------------------------------------------------------------

#: accreditation kinds and who nominated domestic observers, as the sentences below name them (plural)
KINDS = {
    "domestic_observer": ("domestic observers", "отечественные наблюдатели", "отандық бақылаушылар"),
    "international_observer": ("international observers", "международные наблюдатели",
                               "халықаралық бақылаушылар"),
    "media": ("media representatives", "представители СМИ", "БАҚ өкілдері"),
}
NOMINATORS = {
    "party": ("nominated by political parties", "выдвинутые политическими партиями", "саяси партиялар ұсынғандар"),
    "association": ("nominated by public associations", "выдвинутые общественными объединениями",
                    "қоғамдық бірлестіктер ұсынғандар"),
}

def observers(s: NominationSummary | None, lang: str) -> list[Sentence]:
    """Accredited observers and media by kind; domestic observers by who nominated them;
    reports of observers restricted on election day and whether those observers were accredited."""
    if s is None:
        return []
    out: list[Sentence] = []
    link = s.link("/accreditation/")
    kinds = [(k, n) for k, n in s.accredited if n and k != "proxy"]
    if kinds:
        total = sum(n for _, n in kinds)
        parts: list = [{"en": "Accredited observers and media representatives: ",
                        "ru": "Аккредитованные наблюдатели и представители СМИ: ",
                        "kk": "Аккредиттелген бақылаушылар мен БАҚ өкілдері: "}[lang]]
        dash = {"en": " ", "ru": " — ", "kk": " – "}[lang]
        for i, (kind, n) in enumerate(kinds):
            if i:
                parts.append("; ")
            label = pick(KINDS[kind], lang) if kind in KINDS else (
                _lower(pick(NL.ACCREDITATION_KIND[kind], lang)) if kind in NL.ACCREDITATION_KIND else kind)
            parts += [label + dash, _digits(f"accreditation.{kind}", n, total, "accredited", lang, link)]
        parts.append(".")
        out.append(tuple(merge_text(parts)))
    by = [(k, n) for k, n in s.domestic_by_nominator if n]
    if by:
        domestic = sum(n for _, n in by)
        parts = [{"en": "Domestic observers accredited: ",
                  "ru": "Аккредитованные отечественные наблюдатели: ",
                  "kk": "Аккредиттелген отандық бақылаушылар: "}[lang]]
        dash = {"en": " ", "ru": " — ", "kk": " – "}[lang]
        for i, (code, n) in enumerate(by):
            if i:
                parts.append("; ")
            label = pick(NOMINATORS[code], lang) if code in NOMINATORS else code
            parts += [label + dash, _digits(f"accreditation.domestic_observer.{code}", n, domestic, "accredited",
                                            lang, link)]
        parts.append(".")
        out.append(tuple(merge_text(parts)))
    if s.restricted_reports:
        r = _prose("accreditation.restricted_reports", s.restricted_reports, None, "restriction_reports", lang)
        a = _prose("accreditation.restricted_accredited", s.restricted_accredited, s.restricted_reports,
                    "restriction_reports", lang)
        out.append(sentence({
            "en": "Observers reported restrictions on their work in {r} " + _en(s.restricted_reports, "report",
                                                                                 "reports")
                  + " on election day; the observer was accredited in {a} of them.",
            "ru": "Число сообщений об ограничении работы наблюдателей в день выборов — {r}, из них от "
                  "аккредитованных наблюдателей — {a}.",
            "kk": "Сайлау күні бақылаушылардың жұмысын шектеу туралы хабарламалар саны – {r}, оның ішінде "
                  "аккредиттелген бақылаушылардан – {a}.",
        }[lang], r=r, a=a))
    return out

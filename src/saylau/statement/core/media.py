"""The statement's media section from media monitoring: sentences and charts (en, ru, kk).

:class:`MediaMonitoring` is what ``saylau.statement.selectors.media`` reads from
the media package (the tables of its :class:`~saylau.media.core.analysis.MediaReport`
as rows, the outlets' names and Krippendorff's alpha per variable). Every number in a
sentence is a :class:`~saylau.statement.core.model.Figure` with its numerator
and denominator in seconds (or items) and the filter of the codings it was
computed from, so the footnote traces it:

* per outlet, the incumbent's share of its news coverage of the candidates
  and the share of that coverage that was positive or neutral;
* the incumbent's positive coverage in an official role outside news, in
  hours, over the monitored broadcasters;
* paid advertising bought by the incumbent's campaign, in hours and as a
  share of all paid advertising monitored on the broadcasters;
* how many items were coded twice, and the alpha of the coders' agreement on
  tone and on subject.

Charts: stacked bars of each outlet's editorial time by subject, and of the
tone of each candidate's news coverage. Pure: no Django.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from saylau.core.wording import format_int, percent
from saylau.media.core import analysis, codes
from saylau.media.core.reliability import Alpha
from saylau.statement.core.model import Figure, Filter, Sentence, sentence

TONE_COLOURS = {"positive": "#3b8a4a", "neutral": "#b8b8b8", "negative": "#b03a2e"}


Rows = tuple[dict, ...]
TABLES = ("news", "news_tone", "editorial", "paid", "official_tone", "outlets")


@dataclass(frozen=True, eq=False)
class MediaMonitoring:
    """The media monitoring behind the statement's media section.

    ``tables``: the tables of a :class:`~saylau.media.core.analysis.MediaReport`
    named in :data:`TABLES`, as rows (plain dicts, so that the statement's worker
    processes need no data-frame library); ``outlets``: ``(code, ((lang, name),
    ...))`` in the order shown; ``candidates``: ballot number -> ``((lang,
    name), ...)``; ``incumbent``: the incumbent's ballot number (None: the
    sentences name, per outlet, the candidate with the largest share).
    """

    tables: dict[str, Rows]
    outlets: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    candidates: dict[int, tuple[tuple[str, str], ...]]
    incumbent: int | None = None
    alphas: tuple[Alpha, ...] = ()

    @classmethod
    def from_report(cls, report: analysis.MediaReport, **kwargs) -> MediaMonitoring:
        return cls(tables={t: tuple(getattr(report, t).to_dicts()) for t in TABLES}, **kwargs)

    @property
    def empty(self) -> bool:
        return not self.tables.get("outlets")

    def outlet_name(self, code: str, lang: str) -> str:
        names = dict(dict(self.outlets).get(code, ()))
        return names.get(lang) or names.get("en") or code

    def candidate_name(self, ref: str, lang: str) -> str:
        names = dict(self.candidates.get(int(ref), ())) if ref.isdigit() else {}
        return names.get(lang) or names.get("en") or ref


def _rows(rows: Rows, **keys) -> list[dict]:
    return [r for r in rows if all(r[k] == v for k, v in keys.items())]


def value(rows: Rows, **keys) -> analysis.Share | None:
    """The share of the one row matching ``keys`` (as :func:`analysis.value` on a frame)."""
    found = _rows(rows, **keys)
    if len(found) > 1:
        raise ValueError(f"{len(found)} rows match {keys}")
    return analysis.Share(found[0]["numerator"], found[0]["denominator"]) if found else None


def share_sum(rows: Rows, column: str, values: tuple[str, ...], **keys) -> analysis.Share | None:
    """The rows matching ``keys`` whose ``column`` is in ``values``, summed."""
    found = _rows(rows, **keys)
    if not found:
        return None
    return analysis.Share(sum(r["numerator"] for r in found if r[column] in values), found[0]["denominator"])


def hours_text(seconds: int, lang: str) -> str:
    """'2.1 hours', '2,1 часа', '2,1 сағат' (one decimal, the language's decimal mark)."""
    value = f"{analysis.hours(seconds):.1f}"
    if lang == "en":
        return f"{value} hours"
    value = value.replace(".", ",")
    return f"{value} часа" if lang == "ru" else f"{value} сағат"


def _filter(**where: tuple) -> Filter:
    return Filter(where=(("coding", ("final",)), *where.items()))


def _figure(metric: str, share: analysis.Share, unit: str, text: str, f: Filter) -> Figure:
    return Figure(metric, share.numerator, share.denominator, unit, text, filter=f)


def news(m: MediaMonitoring, lang: str) -> list[Sentence]:
    """Per outlet: 'State channel A devoted 19 per cent of its news coverage of the
    candidates to X, 92 per cent of it positive or neutral.'"""
    out: list[Sentence] = []
    for code, _ in m.outlets:
        rows = _rows(m.tables["news"], outlet=code)
        if not rows:
            continue
        ref = str(m.incumbent) if m.incumbent is not None else max(rows, key=lambda r: r["numerator"])[
            "subject_ref"]
        share = value(m.tables["news"], outlet=code, subject_ref=ref)
        if share is None:
            continue
        tone = share_sum(m.tables["news_tone"], "tone", ("positive", "neutral"), outlet=code, subject_ref=ref)
        where = _filter(outlet=(code,), programme=("news",), subject=("candidate",))
        s = _figure(f"media.news_share.{code}.{ref}", share, "media_news", percent(share.percent, lang),
                    where)
        t = _figure(f"media.news_tone.{code}.{ref}", tone, "media_subject_news",
                    percent(tone.percent, lang), where)
        outlet, name = m.outlet_name(code, lang), m.candidate_name(ref, lang)
        out.append(sentence({
            "en": outlet + " devoted {s} of its news coverage of the candidates to " + name
                  + ", {t} of it positive or neutral.",
            "ru": outlet + " посвятил кандидату " + name + " {s} времени, отведённого кандидатам "
                  "в новостях; {t} этого времени — позитивного или нейтрального характера.",
            "kk": outlet + " жаңалықтарда кандидаттарға берілген уақыттың {s}ын " + name
                  + " кандидатқа арнады, оның {t}ы оң немесе бейтарап сипатта болды.",
        }[lang], s=s, t=t))
    return out


def official_and_paid(m: MediaMonitoring, lang: str) -> list[Sentence]:
    """The incumbent's positive official-role coverage outside news, and the paid
    advertising bought by the incumbent's campaign, on the monitored broadcasters."""
    if m.incumbent is None:
        return []
    ref, out = str(m.incumbent), []
    name = m.candidate_name(ref, lang)
    official = share_sum(m.tables["official_tone"], "tone", ("positive",), subject_kind="official",
                         subject_ref=ref)
    if official is not None and official.numerator > 0:
        h = _figure(f"media.official_role_positive.{ref}", official, "media_official",
                    hours_text(official.numerator, lang), _filter(programme=("official_role",)))
        out.append(sentence({
            "en": "Outside news, the monitored broadcasters gave " + name + " {h} of positive coverage "
                  "in an official role.",
            "ru": "Вне новостей контролируемые телеканалы уделили кандидату " + name + " {h} "
                  "позитивного освещения в официальной роли.",
            "kk": "Жаңалықтардан тыс бақыланған арналар " + name + " кандидаттың ресми қызметін "
                  "оң сипатта {h} көрсетті.",
        }[lang], h=h))
    paid = value(m.tables["paid"], subject_kind="candidate", subject_ref=ref)
    if paid is not None and paid.denominator:
        where = _filter(programme=("paid",))
        h = _figure(f"media.paid_hours.{ref}", paid, "media_paid", hours_text(paid.numerator, lang), where)
        s = _figure(f"media.paid_share.{ref}", paid, "media_paid", percent(paid.percent, lang), where)
        out.append(sentence({
            "en": "The campaign of " + name + " bought {h} of paid political advertising, {s} of all paid "
                  "advertising on the monitored broadcasters.",
            "ru": "Штаб кандидата " + name + " приобрёл {h} платной политической агитации — {s} всей "
                  "платной агитации на контролируемых телеканалах.",
            "kk": name + " кандидаттың штабы {h} ақылы саяси үгіт сатып алды, бұл бақыланған "
                  "арналардағы барлық ақылы үгіттің {s}ы.",
        }[lang], h=h, s=s))
    return out


def reliability(m: MediaMonitoring, lang: str) -> list[Sentence]:
    """'255 items were coded twice by different monitors; Krippendorff's alpha of their
    agreement was 0.72 on tone and 0.97 on subject.'"""
    by = {a.variable: a for a in m.alphas if a.alpha is not None and a.items}
    if "tone" not in by:
        return []
    tone = by["tone"]
    n = Figure("media.double_coded", tone.items, None, "media_items", format_int(tone.items, lang))

    def alpha(a: Alpha) -> Figure:
        text = f"{a.alpha:.2f}" if lang == "en" else f"{a.alpha:.2f}".replace(".", ",")
        return Figure(f"media.alpha.{a.variable}", a.items, None, "media_items", text)

    subject = by.get("subject")
    tail = {"en": (" and {b} on subject", ""), "ru": (" и {b} по субъекту", ""),
            "kk": (", субъект бойынша {b}", "")}[lang][0 if subject else 1]
    template = {
        "en": "{n} items were coded twice by different monitors; Krippendorff's alpha of their "
              "agreement was {a} on tone" + tail + ".",
        "ru": "Число материалов, закодированных дважды разными мониторами, — {n}; альфа "
              "Криппендорфа их согласия составила {a} по тональности" + tail + ".",
        "kk": "Әртүрлі мониторлар екі рет кодтаған материалдар саны – {n}; олардың келісімінің "
              "Криппендорф альфасы реңк бойынша {a}" + tail + ".",
    }[lang]
    figures = {"n": n, "a": alpha(tone)}
    if subject:
        figures["b"] = alpha(subject)
    return [sentence(template, **figures)]


def sentences(m: MediaMonitoring | None, lang: str) -> list[Sentence]:
    if m is None or m.empty:
        return []
    return news(m, lang) + official_and_paid(m, lang) + reliability(m, lang)


def chart_ids(m: MediaMonitoring | None) -> tuple[str, ...]:
    if m is None or m.empty:
        return ()
    return tuple(c for c, table in (("media_subjects", "editorial"), ("media_tone", "news_tone"))
                 if m.tables.get(table))


# -- charts ---------------------------------------------------------------------------------

SUBJECT_ORDER = ("candidate", "party", "official", "administration", "other")


def subject_label(m: MediaMonitoring, kind: str, ref: str, lang: str) -> str:
    if kind == "candidate" and ref:
        return m.candidate_name(ref, lang)
    if kind == "official" and ref:
        return f"{codes.pick(codes.SUBJECTS['official'], lang)}: {m.candidate_name(ref, lang)}"
    if kind == "party" and ref:
        return ref
    return codes.pick(codes.SUBJECTS[kind], lang)


def subjects_matrix(m: MediaMonitoring, lang: str) -> tuple[list[str], list[str], np.ndarray]:
    """Outlet names, subject labels and the per cent of each outlet's editorial time
    per subject (rows: outlets; columns: subjects)."""
    rows = m.tables["editorial"]
    keys = sorted({(r["subject_kind"], r["subject_ref"]) for r in rows},
                  key=lambda kr: (SUBJECT_ORDER.index(kr[0]), int(kr[1]) if kr[1].isdigit() else 0, kr[1]))
    present = {r["outlet"] for r in rows}
    outlets = [code for code, _ in m.outlets if code in present]
    shares = np.zeros((len(outlets), len(keys)))
    index = {k: j for j, k in enumerate(keys)}
    row = {o: i for i, o in enumerate(outlets)}
    for r in rows:
        if r["outlet"] in row:
            shares[row[r["outlet"]], index[(r["subject_kind"], r["subject_ref"])]] = 100 * r["share"]
    return ([m.outlet_name(o, lang) for o in outlets], [subject_label(m, k, r, lang) for k, r in keys], shares)


def tone_matrix(m: MediaMonitoring, lang: str) -> tuple[list[str], np.ndarray]:
    """Candidates and the per cent of their news coverage in each tone (positive, neutral,
    negative), over every outlet measured in seconds."""
    seconds = {r["outlet"] for r in m.tables["outlets"] if r["unit"] == "seconds"}
    sums: dict[tuple[str, str], int] = {}
    for r in m.tables["news_tone"]:
        if r["outlet"] in seconds:
            key = (r["subject_ref"], r["tone"])
            sums[key] = sums.get(key, 0) + r["numerator"]
    refs = sorted({ref for ref, _ in sums}, key=lambda r: int(r) if r.isdigit() else 0)
    out = np.zeros((len(refs), 3))
    for (ref, tone), n in sums.items():
        out[refs.index(ref), list(codes.TONES).index(tone)] = n
    totals = out.sum(axis=1, keepdims=True)
    return [m.candidate_name(r, lang) for r in refs], 100 * out / np.where(totals > 0, totals, 1)


def draw_subjects(m: MediaMonitoring, lang: str, plt) -> object:
    names, subjects, shares = subjects_matrix(m, lang)
    fig, ax = plt.subplots(figsize=(6.2, 1.2 + 0.32 * len(names)))
    left = np.zeros(len(names))
    colours = plt.get_cmap("tab10")
    for j, label in enumerate(subjects):
        ax.barh(range(len(names)), shares[:, j], left=left, color=colours(j % 10), label=label, height=0.6)
        left += shares[:, j]
    ax.set_yticks(range(len(names)), names)
    ax.set_xlim(0, 100)
    ax.invert_yaxis()  # the first outlet on top
    ax.set_xlabel({"en": "per cent of editorial time", "ru": "процент редакционного времени",
                   "kk": "редакциялық уақыт, пайыз"}[lang])
    ax.legend(fontsize=6, ncol=2, loc="upper center", bbox_to_anchor=(0.5, -0.3), frameon=False)
    return fig


def draw_tone(m: MediaMonitoring, lang: str, plt) -> object:
    names, shares = tone_matrix(m, lang)
    fig, ax = plt.subplots(figsize=(6.2, 1.2 + 0.32 * len(names)))
    left = np.zeros(len(names))
    for j, tone in enumerate(codes.TONES):
        ax.barh(range(len(names)), shares[:, j], left=left, color=TONE_COLOURS[tone],
                label=codes.pick(codes.TONES[tone], lang), height=0.6)
        left += shares[:, j]
    ax.set_yticks(range(len(names)), names)
    ax.set_xlim(0, 100)
    ax.invert_yaxis()
    ax.set_xlabel({"en": "per cent of the candidate's news time", "ru": "процент новостного времени кандидата",
                   "kk": "кандидаттың жаңалықтардағы уақыты, пайыз"}[lang])
    ax.legend(fontsize=6, ncol=3, loc="upper center", bbox_to_anchor=(0.5, -0.3), frameon=False)
    return fig

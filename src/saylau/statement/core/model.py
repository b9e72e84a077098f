"""The composed statement: sections of narrative, generated sentences and figures.

A :class:`Figure` is one number in the text with its provenance (metric id,
numerator, denominator, unit, and the :class:`Filter` of the data it was
computed from); a sentence is a tuple of plain strings and figures. Pure Python.
"""

from __future__ import annotations

import math
import re
import string
from dataclasses import dataclass

from saylau.core.wording import format_int, percent
from saylau.statement.core import labels as L


@dataclass(frozen=True)
class Filter:
    """Which submissions a figure was computed from, as the data path applied it.

    ``statuses`` are the review statuses read and counted and ``excluded`` those
    left out (empty both when the data was not read from reviewed submissions,
    e.g. a simulation); ``form`` the form read; ``where`` the metric's
    conditions on rows (``(("urban", (True,)),)``); ``group`` the group the
    figure is for (``("region_code", "R01")``), None for the whole.
    """

    statuses: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    form: str = ""
    where: tuple[tuple[str, tuple], ...] = ()
    group: tuple[str, object] | None = None

    def parts(self, lang: str) -> list[str]:
        """The filter in words, one part per condition (empty if there is none)."""
        counted, left_out, form, group = L.FILTER[lang]
        out: list[str] = []
        if self.statuses:
            text = counted.format(statuses=L.statuses(self.statuses, lang))
            if self.excluded:
                text += " " + left_out.format(statuses=L.statuses(self.excluded, lang))
            out.append(text)
        if self.form:
            out.append(form.format(form=self.form))
        conditions = list(self.where)
        if self.group is not None:
            conditions.append((self.group[0], (self.group[1],)))
        for column, values in conditions:
            shown = ", ".join(str(v) for v in values)
            out.append(group.format(column=L.pick(L.COLUMNS.get(column, (column,) * 3), lang),
                                    value=shown))
        return out

    def text(self, lang: str) -> str:
        return "; ".join(self.parts(lang))


@dataclass(frozen=True)
class Figure:
    """A number as printed (``text``) with what it was computed from.

    ``denominator`` is ``None`` for a plain count; ``low``/``high`` are a 95
    per cent interval of the share, when the metric has one. A count reported
    from places or observations (a finding of kind ``total``) names them in
    ``base`` (how many) and ``base_unit``: its context, never its denominator.
    ``filter`` is the filter of the data it was computed from (None when it
    was not computed from submissions, e.g. official results).
    """

    metric: str
    numerator: int
    denominator: int | None
    unit: str
    text: str
    low: float | None = None
    high: float | None = None
    base: int | None = None
    base_unit: str = ""
    filter: Filter | None = None
    link: str = ""  # URL path of the figure's drill-down in the web application ("" for none)

    def footnote(self, lang: str, web_url: str = "") -> str:
        """'Unit: polling stations observed; 132 of 1,470; submissions counted: new,
        flagged, verified (not rejected); form voting; metric voting.negative.'

        A figure with a ``link`` ends with its drill-down, ``web_url`` + the path
        ('details: /dashboards/results/?kind=entered')."""
        unit, of, metric, interval = L.FOOTNOTE[lang]
        parts = [unit.format(unit=L.pick(L.UNITS[self.unit], lang))]
        n = format_int(self.numerator, lang)
        if self.denominator is not None:
            parts.append(of.format(n=n, d=format_int(self.denominator, lang)))
        else:
            parts.append(n)
        if self.base is not None:
            parts.append(L.REPORTED_FROM[lang].format(
                n=format_int(self.base, lang), unit=L.pick(L.UNITS[self.base_unit], lang)))
        if self.filter is not None:
            parts += self.filter.parts(lang)
        parts.append(metric.format(metric=self.metric))
        if self.low is not None and self.high is not None and not (
                math.isnan(self.low) or math.isnan(self.high)):
            low = percent(100 * self.low, lang, 1).split(" ")[0]
            parts.append(interval.format(low=low, high=percent(100 * self.high, lang, 1)))
        if self.link:
            parts.append(L.LINK[lang].format(url=web_url.rstrip("/") + self.link))
        return "; ".join(parts) + "."


@dataclass(frozen=True)
class Link:
    """A name in a sentence (a polling station's code) that links to its page in the web
    application: ``url`` is a path ('/portal/stations/01-001/?election=kz-2011')."""

    text: str
    url: str


Part = str | Figure | Link
Sentence = tuple[Part, ...]


@dataclass(frozen=True)
class Section:
    id: str
    level: int
    title: str
    narrative: str = ""  # HTML converted from the analysts' Markdown
    sentences: tuple[Sentence, ...] = ()
    charts: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.narrative.strip() or self.sentences or self.charts)


@dataclass(frozen=True)
class Document:
    lang: str
    title: str
    election: str
    mission: str
    date: str
    official_note: str
    sections: tuple[Section, ...]

    def figures(self) -> list[Figure]:
        return [p for s in self.sections for sentence in s.sentences for p in sentence
                if isinstance(p, Figure)]


def sentence(template: str, **figures: Part) -> Sentence:
    """Split ``template`` at ``{name}`` fields into text and the named parts.

    >>> sentence("Turnout was {t}.", t="90 per cent")
    ('Turnout was ', '90 per cent', '.')
    """
    parts: list[Part] = []
    for literal, field, _, _ in string.Formatter().parse(template):
        if literal:
            parts.append(literal)
        if field is not None:
            parts.append(figures[field])
    return tuple(merge_text(parts))


def merge_text(parts: list[Part]) -> list[Part]:
    """``parts`` with neighbouring strings joined (figures stay apart)."""
    out: list[Part] = []
    for p in parts:
        if isinstance(p, str) and out and isinstance(out[-1], str):
            out[-1] += p
        else:
            out.append(p)
    return out


def mark(text: str, needles: list[tuple[str, bool]], figure_of) -> Sentence:
    """Wrap the first of ``needles`` found in ``text`` as a figure.

    Each needle is ``(text, suffix_allowed)``: a percentage may take a Kazakh
    case ending ('9 пайызында'), a number word may not ('бір' in 'бірнеше').
    ``figure_of(found_text)`` makes the :class:`Figure`. When no needle is
    found the figure is appended in brackets, so a number is never lost.
    """
    for needle, suffix in needles:
        if not needle:
            continue
        tail = "" if suffix else r"(?!\w)"
        match = re.search(r"(?<!\w)" + re.escape(needle) + tail, text, flags=re.IGNORECASE)
        if match:
            found = match.group(0)
            parts = [text[:match.start()], figure_of(found), text[match.end():]]
            return tuple(p for p in parts if p != "")
    first = needles[0][0] if needles else ""
    return (text.rstrip(". ") + " (", figure_of(first), ").")

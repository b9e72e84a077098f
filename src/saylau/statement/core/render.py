"""Render a composed statement as one self-contained HTML file, and as PDF.

The HTML carries its stylesheet inline and its charts as ``data:`` PNG images,
so it opens anywhere with no network. Every figure is a
``<span class="figure" data-metric=... data-numerator=... data-denominator=...>``
followed, at the end of its sentence, by a numbered note (unit, numerator and
denominator, metric id). For print the notes become page footnotes (CSS
``float: footnote``), and ``@page`` rules add the mission's name as a header
and page numbers. Pure Python (WeasyPrint for PDF); no Django.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Mapping
from importlib import resources

from saylau.statement.core import labels as L
from saylau.statement.core.model import Document, Figure, Link, Section, Sentence

_e = html.escape


def stylesheet() -> str:
    return resources.files("saylau.statement").joinpath("statement.css").read_text("utf-8")


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def page_css(doc: Document) -> str:
    """@page rules: the mission's name in the header, 'Page n / N' at the foot."""
    page = L.PAGE[doc.lang]
    return (
        "@page { size: A4; margin: 22mm 18mm 20mm 18mm;\n"
        f"  @top-left {{ content: {_css_string(doc.mission)}; font-size: 7.5pt; color: #2f5d8a;"
        " font-family: 'DejaVu Sans', 'Noto Sans', sans-serif; }\n"
        f"  @top-right {{ content: {_css_string(doc.election)}; font-size: 7pt; color: #666;"
        " font-family: 'DejaVu Sans', 'Noto Sans', sans-serif; width: 55%; text-align: right; }\n"
        f"  @bottom-center {{ content: {_css_string(page + ' ')} counter(page) \" / \" "
        "counter(pages); font-size: 8pt; color: #444;"
        " font-family: 'DejaVu Sans', 'Noto Sans', sans-serif; }\n"
        "  @footnote { border-top: 0.5pt solid #999; padding-top: 2mm; }\n}\n"
        "@media print { body { max-width: none; padding: 0; } }\n"
    )


class _Notes:
    """The notes of one document; ``web_url``: where the web application is (None: the
    figures' drill-down paths are printed in their notes, not linked)."""

    def __init__(self, lang: str, for_print: bool, web_url: str | None = None) -> None:
        self.lang, self.for_print, self.web_url = lang, for_print, web_url
        self.items: list[str] = []

    def href(self, path: str) -> str | None:
        """The address of a drill-down ``path``, or None when links are not rendered."""
        if not path or self.web_url is None or self.for_print:
            return None
        return self.web_url.rstrip("/") + path

    def ref(self, figure: Figure) -> str:
        text = figure.footnote(self.lang, self.web_url or "")
        if self.for_print:
            return f'<span class="footnote">{_e(text)}</span>'
        self.items.append(text)
        n = len(self.items)
        return f'<sup class="fn-ref"><a href="#fn-{n}" id="fnref-{n}">{n}</a></sup>'


def figure_html(f: Figure) -> str:
    denominator = "" if f.denominator is None else str(f.denominator)
    return (f'<span class="figure" data-metric="{_e(f.metric)}" data-numerator="{f.numerator}" '
            f'data-denominator="{denominator}" data-unit="{_e(f.unit)}">{_e(f.text)}</span>')


def _linked(html_text: str, href: str | None, css: str) -> str:
    return html_text if href is None else f'<a class="{css}" href="{_e(href)}">{html_text}</a>'


def part_html(p, notes: _Notes) -> str:
    """A figure (linked to its drill-down when it has one and links are rendered), a
    :class:`Link` (its text, linked likewise) or escaped text."""
    if isinstance(p, Figure):
        return _linked(figure_html(p), notes.href(p.link), "drill-down")
    if isinstance(p, Link):
        return _linked(_e(p.text), notes.href(p.url), "drill-down")
    return _e(p)


def sentence_html(parts: Sentence, notes: _Notes) -> str:
    body = "".join(part_html(p, notes) for p in parts)
    refs = [notes.ref(p) for p in parts if isinstance(p, Figure)]
    return body + '<sup class="fn-sep">,</sup>'.join(refs)


def _chart_html(section: Section, chart_id: str, png: bytes, lang: str) -> str:
    title = L.pick(L.CHART[chart_id], lang)
    data = base64.b64encode(png).decode("ascii")
    return (f'<figure class="chart" id="chart-{chart_id}">'
            f'<img alt="{_e(title)}" src="data:image/png;base64,{data}">'
            f"<figcaption>{_e(title)}</figcaption></figure>")


def section_html(section: Section, charts: Mapping[str, bytes], notes: _Notes) -> str:
    tag = "h2" if section.level == 1 else "h3"
    out = [f'<section id="{section.id}" class="level-{section.level}">',
           f"<{tag}>{_e(section.title)}</{tag}>"]
    if section.narrative.strip():
        out.append(f'<div class="narrative">{section.narrative}</div>')
    if section.sentences:
        out.append('<div class="generated">')
        out += [f"<p>{sentence_html(s, notes)}</p>" for s in section.sentences]
        out.append("</div>")
    for chart_id in section.charts:
        if chart_id in charts:
            out.append(_chart_html(section, chart_id, charts[chart_id], notes.lang))
    out.append("</section>")
    return "\n".join(out)


def render_html(doc: Document, charts: Mapping[str, bytes] | None = None, *,
                for_print: bool = False, web_url: str | None = "") -> str:
    """The statement as a self-contained HTML document.

    ``charts`` maps a chart id to PNG bytes. ``for_print=True`` writes the
    notes as CSS footnotes (for WeasyPrint) instead of a list at the end.
    ``web_url``: the web application's address; a figure with a drill-down
    links to ``web_url`` + its path (the default "" gives root-relative
    links, for the page the web application serves); None links nothing
    (a file read apart from the application: each note prints the path).
    In print the drill-down is the note's last part, never a link.
    """
    charts = charts or {}
    notes = _Notes(doc.lang, for_print, web_url)
    body = [section_html(s, charts, notes) for s in doc.sections]
    if notes.items:
        items = "\n".join(f'<li id="fn-{i}">{_e(t)} <a href="#fnref-{i}">↩</a></li>'
                          for i, t in enumerate(notes.items, 1))
        body.append(f'<section id="notes"><h2>{_e(L.NOTES[doc.lang])}</h2>'
                    f'<ol class="notes">{items}</ol></section>')
    issued = f'<p class="issued">{_e(doc.date)}</p>' if doc.date else ""
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{doc.lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(doc.mission)}: {_e(doc.title)}</title>",
        f"<style>\n{stylesheet()}\n{page_css(doc)}</style>",
        "</head>",
        f'<body class="statement lang-{doc.lang}">',
        f'<header class="masthead"><p class="mission">{_e(doc.mission)}</p></header>',
        f"<h1>{_e(doc.title)}</h1>",
        f'<p class="election">{_e(doc.election)}</p>',
        issued,
        f'<p class="official-note" id="official-note">{_e(doc.official_note)}</p>',
        f'<p class="data-note">{_e(L.DATA_NOTE[doc.lang])}</p>',
        *body,
        "</body>",
        "</html>",
    ])


def render_pdf(doc: Document, charts: Mapping[str, bytes] | None = None, *,
               web_url: str | None = None) -> bytes:
    """The statement as PDF bytes (WeasyPrint), with footnotes, header and page numbers;
    each drill-down printed in its footnote (``web_url`` + path)."""
    import weasyprint

    return weasyprint.HTML(string=render_html(doc, charts, for_print=True, web_url=web_url)).write_pdf()

"""Write statements to files: compose, draw the charts, render HTML and PDF.

:func:`write_statements` is what the command line and the demo call. Each
language is independent, so with more than one core they render in parallel
processes. Pure Python; no Django.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from saylau.statement.core import charts as C
from saylau.statement.core.compose import compose
from saylau.statement.core.inputs import StatementInputs
from saylau.statement.core.labels import LANGS
from saylau.statement.core.render import render_html, render_pdf

log = logging.getLogger(__name__)
FORMATS = ("html", "pdf")


def file_name(lang: str, fmt: str, stem: str = "statement") -> str:
    return f"{stem}-{lang}.{fmt}"


def write_language(inputs: StatementInputs, lang: str, formats: Sequence[str], out_dir: Path,
                   narrative: Mapping[tuple[str, str], str] | None = None,
                   stem: str = "statement", web_url: str | None = None) -> list[Path]:
    """Compose and render one language; returns the files written. ``web_url``: the web
    application's address, to link each figure to its drill-down (None: the notes print the paths)."""
    doc = compose(inputs, lang, narrative)
    wanted = {c for s in doc.sections for c in s.charts}
    charts = {c: C.draw(c, inputs, lang) for c in sorted(wanted)}
    written = []
    if "html" in formats:
        path = out_dir / file_name(lang, "html", stem)
        path.write_text(render_html(doc, charts, web_url=web_url), encoding="utf-8")
        written.append(path)
    if "pdf" in formats:
        path = out_dir / file_name(lang, "pdf", stem)
        path.write_bytes(render_pdf(doc, charts, web_url=web_url))
        written.append(path)
    log.info("statement %s: %s", lang, ", ".join(p.name for p in written))
    return written


def write_statements(inputs: StatementInputs, out_dir: Path | str, *,
                     langs: Sequence[str] = LANGS, formats: Sequence[str] = FORMATS,
                     narrative: Mapping[tuple[str, str], str] | None = None,
                     stem: str = "statement", workers: int | None = None,
                     web_url: str | None = None) -> list[Path]:
    """Write ``<stem>-<lang>.<format>`` for each language and format into ``out_dir``.

    ``workers`` defaults to the number of cores (at most one per language);
    ``workers=1`` renders in this process.
    """
    unknown = [x for x in langs if x not in LANGS] + [x for x in formats if x not in FORMATS]
    if unknown:
        raise ValueError(f"unsupported language or format: {', '.join(unknown)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    workers = workers or min(len(langs), os.cpu_count() or 1)
    if workers <= 1 or len(langs) <= 1:
        return [p for lang in langs
                for p in write_language(inputs, lang, formats, out, narrative, stem, web_url)]
    # spawned, not forked: a fork after Polars (or any library) has started threads can deadlock
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        jobs = [pool.submit(write_language, inputs, lang, formats, out, dict(narrative or {}),
                            stem, web_url) for lang in langs]
        return [p for job in jobs for p in job.result()]

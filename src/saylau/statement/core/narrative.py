"""The analysts' narrative: Markdown files ``<section>.<lang>.md`` in one directory.

``section`` is one of :data:`saylau.statement.core.labels.SECTION_IDS` and ``lang``
one of ``en``, ``ru``, ``kk``. Raw HTML in the Markdown is not passed through
(it is escaped), so narrative cannot pull in outside resources by markup; links
are kept as written. Kazakh text copied from a PDF can be cleaned first with
:func:`saylau.core.wording.normalise_pdf_text` (``normalise_kazakh=True``).
Pure Python (markdown-it-py); no Django.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from markdown_it import MarkdownIt

from saylau.core.wording import normalise_pdf_text
from saylau.statement.core.labels import LANGS, SECTION_IDS

log = logging.getLogger(__name__)
#: the visible marker every sample-narrative file starts with, in its own language
SAMPLE_MARKERS = {"en": "Sample text for a simulated election",
                  "ru": "Образец текста для смоделированных выборов",
                  "kk": "Модельденген сайлауға арналған үлгі мәтін"}
SAMPLE_MARKER = SAMPLE_MARKERS["en"]


def markdown_html(text: str) -> str:
    """CommonMark to HTML, tables enabled, raw HTML escaped."""
    return MarkdownIt("commonmark", {"html": False}).enable("table").render(text)


def read_texts(directory: Path | str) -> dict[tuple[str, str], str]:
    """The Markdown source of every ``<section>.<lang>.md`` file in ``directory``."""
    texts: dict[tuple[str, str], str] = {}
    for path in sorted(Path(directory).glob("*.md")):
        parts = path.name.split(".")
        if len(parts) != 3 or parts[0] not in SECTION_IDS or parts[1] not in LANGS:
            log.warning("narrative: ignoring %s (expected <section>.<lang>.md with section in "
                        "%s)", path.name, ", ".join(SECTION_IDS))
            continue
        texts[(parts[0], parts[1])] = path.read_text(encoding="utf-8")
    return texts


def read_narrative(directory: Path | str, *, normalise_kazakh: bool = False
                   ) -> dict[tuple[str, str], str]:
    """``{(section, lang): html}`` from a directory of Markdown files."""
    out = {}
    for (section, lang), text in read_texts(directory).items():
        if lang == "kk" and normalise_kazakh:
            text = normalise_pdf_text(text)
        out[(section, lang)] = markdown_html(text)
    log.info("narrative: %d files from %s", len(out), directory)
    return out


def sample_directory() -> Path:
    """The sample narrative for the simulated kz-2011 election shipped with saylau."""
    return Path(str(resources.files("saylau.statement").joinpath("sample_narrative")))

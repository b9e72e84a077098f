"""Language utilities for findings sentences and the statement (en, ru, kk).

Pure Python: no Django, no database. ``numbers`` holds the house style for
numbers, percentages, proportions and counted nouns; ``kazakh`` cleans Kazakh
text extracted from PDFs. See ``docs/wording.md``.
"""

from __future__ import annotations

from saylau.core.wording.kazakh import normalise_pdf_text, unwrap_lines
from saylau.core.wording.numbers import (
    LANGUAGES,
    NBSP,
    NOUN_KEYS,
    PROPORTION_TOLERANCE,
    WORDS_UP_TO,
    format_int,
    noun,
    number_words,
    percent,
    plural_ru,
    proportion_phrase,
    quantity,
)

__all__ = [
    "LANGUAGES",
    "NBSP",
    "NOUN_KEYS",
    "PROPORTION_TOLERANCE",
    "WORDS_UP_TO",
    "format_int",
    "normalise_pdf_text",
    "noun",
    "number_words",
    "percent",
    "plural_ru",
    "proportion_phrase",
    "quantity",
    "unwrap_lines",
]

"""Language utilities for findings sentences and the statement (en, ru, kk).

Pure Python: no Django, no database. ``numbers`` holds the house style for
numbers, percentages, proportions and counted nouns; ``kazakh`` cleans Kazakh
text extracted from PDFs. See ``docs/wording.md``.
"""

from __future__ import annotations

from saylau.core.wording import numbers
from saylau.core.wording.kazakh import normalise_pdf_text, unwrap_lines
from saylau.core.wording.numbers import *  # noqa: F403  (the public names are numbers.__all__)

__all__ = [*numbers.__all__, "normalise_pdf_text", "unwrap_lines"]

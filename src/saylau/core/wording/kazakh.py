"""Clean up Kazakh text extracted from PDF statements.

Text copied out of the PDFs of past statements shows three kinds of damage,
all present in ``tests/data/kk-statement/`` (the Kazakh preliminary statement
on Kazakhstan's early presidential election of 3 April 2011):

1. **Doubled schwa.** Every ``ә``/``Ә`` comes out as a Latin schwa followed by
   the Cyrillic one (``нəәтижелер``, ``ƏӘділет``). :func:`fix_schwa` keeps the
   Cyrillic letter; a lone Latin schwa standing next to Cyrillic letters (and
   no Latin letter) becomes the Cyrillic letter of the same case.
2. **Hard-wrapped lines** with page furniture: running heads repeated on every
   page, footnotes after a separator line of spaces, spurious empty lines
   inside footnotes. :func:`unwrap_lines` rebuilds paragraphs.
3. **Hyphens at line ends.** In this file every one of them is a real hyphen
   (``ЕҚЫҰ-``/``на``, ``дай-``/``дамайларын``), but generic PDF text also has
   word-processor hyphenation (``сайлау-``/``шылар``). :func:`unwrap_lines`
   decides which is which; the rule is in :func:`_keep_line_end_hyphen`.

:func:`normalise_pdf_text` runs all of it. The rules, with examples, are in
``docs/wording.md``. Standard library only.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable

__all__ = [
    "KNOWN_PAIRED_WORDS",
    "fix_schwa",
    "fix_suffix_hyphens",
    "normalise_pdf_text",
    "strip_running_heads",
    "unwrap_lines",
]

LATIN_SCHWA = "\u0259"  # ə
LATIN_CAPITAL_SCHWA = "\u018f"  # Ə
CYRILLIC_SCHWA = "\u04d9"  # ә
CYRILLIC_CAPITAL_SCHWA = "\u04d8"  # Ә

KNOWN_PAIRED_WORDS: frozenset[tuple[str, str]] = frozenset(
    {
        ("аты", "жөн"),
        ("ата", "ана"),
        ("дау", "дамай"),
        ("егжей", "тегжей"),
        ("жан", "жақ"),
        ("іс", "әрекет"),
        ("қадыр", "қасиет"),
        ("қарым", "қатынас"),
        ("қорқыт", "үркіт"),
        ("қорқыту", "үркіту"),
        ("пікір", "талас"),
        ("ой", "пікір"),
        ("бала", "шаға"),
    }
)
"""Kazakh paired words written with a hyphen: (first part, stem of the second).

A line-end hyphen between such parts is always kept. The document's own
in-line compounds are consulted as well, so the list only needs the common ones.
"""

# A line that ends a sentence: final . ! ? : (possibly before a closing quote or
# bracket), optionally followed by a footnote number and a stray full stop, as in
# "тартты. 3", "мəәлімдеді.10", "байқады.6.".
_SENTENCE_END = re.compile(r"[.!?:…][»\")]?(?:\s?\d{1,2}\.?)?$")
# A numbered item or footnote: "1 Басқа", "4      ОСК", "12) ...", "3. ...".
_NUMBERED = re.compile(r"^\d{1,3}(?:[.)]\s*|\s+)\S")
# A bulleted item: "- Нэйл Саймон", "– ...", "• ...".
_BULLET = re.compile(r"^[-–—•]\s+\S")
# A word ending in a hyphen at the end of a line (not a free-standing dash).
_LINE_END_HYPHEN = re.compile(r"(\w+)-$")
_FIRST_WORD = re.compile(r"^(\w+)")
_SPACES = re.compile(r"[ \t]+")
# Footnote separator: a line of nothing but spaces, at least this long.
_SEPARATOR_MIN = 20
# A line shorter than this share of the median line length ends its paragraph.
_SHORT_LINE = 0.55


# --- schwa --------------------------------------------------------------------


def _is_cyrillic_letter(ch: str) -> bool:
    return ch.isalpha() and "\u0400" <= ch <= "\u04ff"


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and ch <= "\u024f" and ch not in (LATIN_SCHWA, LATIN_CAPITAL_SCHWA)


def fix_schwa(text: str) -> str:
    """Undo the PDF's doubled and misplaced schwas.

    * A Latin schwa (``ə`` U+0259 or ``Ə`` U+018F) directly before a Cyrillic
      schwa (``ә`` U+04D9 or ``Ә`` U+04D8) is dropped: ``нəәтиже`` -> ``нәтиже``,
      ``ƏӘділет`` -> ``Әділет``. The Cyrillic letter keeps its case.
    * A remaining Latin schwa becomes the Cyrillic letter of the same case when
      a neighbouring character is a Cyrillic letter and neither neighbour is a
      Latin letter (``нəтиже`` -> ``нәтиже``; ``Əliyev`` is left alone).
    """
    text = re.sub(
        f"[{LATIN_SCHWA}{LATIN_CAPITAL_SCHWA}](?=[{CYRILLIC_SCHWA}{CYRILLIC_CAPITAL_SCHWA}])",
        "",
        text,
    )
    if LATIN_SCHWA not in text and LATIN_CAPITAL_SCHWA not in text:
        return text
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch not in (LATIN_SCHWA, LATIN_CAPITAL_SCHWA):
            continue
        neighbours = [text[j] for j in (i - 1, i + 1) if 0 <= j < len(text)]
        if any(_is_latin_letter(c) for c in neighbours):
            continue
        if any(_is_cyrillic_letter(c) for c in neighbours):
            chars[i] = CYRILLIC_SCHWA if ch == LATIN_SCHWA else CYRILLIC_CAPITAL_SCHWA
    return "".join(chars)


# --- hyphens ------------------------------------------------------------------


def _is_abbreviation(word: str) -> bool:
    """``ОСК``, ``ЕҚЫҰ``, ``БАҚ``: two or more letters, all capitals."""
    return len(word) >= 2 and word.isalpha() and word.isupper()


def fix_suffix_hyphens(text: str) -> str:
    """Close up stray spaces around the hyphen that attaches a case ending to an
    abbreviation: ``АСК- лары`` -> ``АСК-лары``, ``БАҚ -ның`` -> ``БАҚ-ның``.

    Only an all-capital abbreviation followed by a lowercase ending of at most six
    letters qualifies, so a dash between words (``пайызы - орыс``) is untouched.
    """

    def repl(m: re.Match[str]) -> str:
        left, right = m.group(1), m.group(2)
        if _is_abbreviation(left) and right.isalpha() and right.islower() and len(right) <= 6:
            return f"{left}-{right}"
        return m.group(0)

    return re.sub(r"(\w+)(?: -|- )(\w+)\b", repl, text)


class _Vocabulary:
    """Words and hyphenated compounds that occur inside lines of a document."""

    def __init__(self, lines: Iterable[str]) -> None:
        words: set[str] = set()
        compounds: set[tuple[str, str]] = set()
        for line in lines:
            body = _LINE_END_HYPHEN.sub("", line.strip())  # drop the dangling fragment
            for token in re.findall(r"\w+(?:-\w+)*", body.lower()):
                parts = token.split("-")
                words.update(parts)
                if len(parts) == 2:
                    compounds.add((parts[0], parts[1]))
        self.words = words
        self.compounds = compounds

    def has_word_starting(self, prefix: str) -> bool:
        return any(w.startswith(prefix) for w in self.words)


def _common_stem(a: str, b: str, size: int) -> bool:
    size = min(size, len(a), len(b))
    return size > 0 and a[:size] == b[:size]


def _keep_line_end_hyphen(left: str, right: str, vocabulary: _Vocabulary | None) -> bool:
    """Decide whether ``left-`` at a line end and ``right`` on the next line form
    a hyphenated word (keep the hyphen) or one word split by hyphenation (drop it).

    In order:

    1. Keep after a number or an abbreviation: ``79-мүшелік``, ``ЕҚЫҰ-на``,
       ``ОСК-нан``, ``БАҚ-дағы`` (Kazakh attaches endings to these with a hyphen).
    2. Keep before a capital letter or a digit: ``Алматы-Астана``, ``2010-2011``.
    3. Keep a known paired word (:data:`KNOWN_PAIRED_WORDS`) or a compound the
       document itself writes with a hyphen inside a line, same first part and
       same first four letters of the second (``дай-дамайларын``).
    4. Drop when the document uses the joined word inside a line (same
       beginning: all of ``left`` and three letters of ``right``):
       ``сайлау-``/``шылар`` -> ``сайлаушылар``.
    5. Keep when ``right`` is, elsewhere in the document, the second part of a
       hyphenated compound (first four letters).
    6. Otherwise drop: a lowercase fragment after a lowercase fragment is taken
       to be hyphenation.
    """
    if left[-1].isdigit() or _is_abbreviation(left):
        return True
    if right[0].isupper() or right[0].isdigit():
        return True
    lo_left, lo_right = left.lower(), right.lower()
    for first, second in KNOWN_PAIRED_WORDS:
        if lo_left == first and lo_right.startswith(second):
            return True
    if vocabulary is not None:
        if any(a == lo_left and _common_stem(b, lo_right, 4) for a, b in vocabulary.compounds):
            return True
        if vocabulary.has_word_starting(lo_left + lo_right[:3]):
            return False
        if any(_common_stem(b, lo_right, 4) for _, b in vocabulary.compounds):
            return True
    return False


# --- page furniture -------------------------------------------------------------


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", _SPACES.sub(" ", line.strip()))


def strip_running_heads(text: str, *, min_repeats: int = 3, min_length: int = 25) -> str:
    """Remove running heads and feet: lines repeated on several pages.

    A line is furniture when, with digits masked (``бет: 11`` equals ``бет: 12``)
    and spaces collapsed, it has at least ``min_length`` characters and occurs at
    least ``min_repeats`` times. All its occurrences become empty lines (so that
    a page break still reads as one), except one on the first non-blank line of
    the text (the title, which the running head repeats).
    """
    lines = text.split("\n")
    counts = Counter(
        key for key in (_furniture_key(line) for line in lines) if len(key) >= min_length
    )
    furniture = {key for key, n in counts.items() if n >= min_repeats}
    if not furniture:
        return text
    first = next((i for i, line in enumerate(lines) if line.strip()), -1)
    kept = [
        line if i == first or _furniture_key(line) not in furniture else ""
        for i, line in enumerate(lines)
    ]
    return "\n".join(kept)


# --- paragraphs -----------------------------------------------------------------


def _is_heading(line: str) -> bool:
    """An all-capital line such as ``БАСТАПҚЫ НӘТИЖЕЛЕР`` or ``САЙЛАУ КҮНІ``."""
    letters = [c for c in line if c.isalpha()]
    return (
        len(letters) >= 4 and all(c.isupper() for c in letters) and not _SENTENCE_END.search(line)
    )


def _ends_sentence(line: str) -> bool:
    """Whether ``line`` ends a sentence (see ``_SENTENCE_END``).

    A full stop after a word of one or two letters is an abbreviation, not a
    sentence end: ``2011ж. 17`` (year, then a date), ``Н.``.
    """
    m = _SENTENCE_END.search(line)
    if not m:
        return False
    if line[m.start()] == ".":
        letters = re.search(r"(?<![^\W\d_])([^\W\d_]+)$", line[: m.start()])
        if letters and len(letters.group(1)) <= 2:
            return False
    return True


def unwrap_lines(text: str) -> str:
    """Rejoin hard-wrapped lines into paragraphs, one paragraph per line,
    paragraphs separated by one empty line.

    Lines are stripped and runs of spaces and tabs collapsed (no-break spaces
    are kept). Between two consecutive non-blank lines a new paragraph starts:

    * at a heading (an all-capital line), which is a paragraph of its own;
    * at a bulleted line (``- ``, ``– ``, ``• ``);
    * at a numbered line (``1 ``, ``12 ``, ``3. ``, ``4) ``) when the previous
      line ends a sentence, so that ``... учаскелерінің`` / ``88 пайызында``
      still joins;
    * after a short line (under 55 per cent of the median line length), such
      as the lines of an address;
    * after blank lines (empty or spaces only), unless there is a single blank
      inside a broken sentence: the line before it does not end a sentence and
      the line after it starts with a lowercase letter.

    A line ending in a word plus hyphen always continues on the next non-blank
    line (across at most one blank), without a space; whether the hyphen stays
    is decided by :func:`_keep_line_end_hyphen`.

    **Footnotes.** A line of at least 20 spaces is the separator above a page's
    footnotes. After it, footnotes are paragraphs that start with their number;
    a single blank line inside a footnote is ignored. The footnote block ends at
    a heading, at two or more blank lines (a page break) or at a lowercase line
    after a sentence end. When the body paragraph above the separator stopped in
    mid-sentence, the first body line after the footnotes continues it, so the
    footnotes end up after that paragraph.
    """
    raw = text.split("\n")
    vocabulary = _Vocabulary(raw)
    lengths = [len(line.strip()) for line in raw if line.strip()]
    short = _SHORT_LINE * statistics.median(lengths) if lengths else 0.0

    paragraphs: list[str] = []
    cur: int | None = None  # index of the paragraph being built
    prev = ""  # the last source line added to it
    blanks = 0  # blank lines since prev (since the separator, in footnotes)
    in_notes = False  # inside a footnote block
    separator_seen = False  # a separator line since prev
    pending: int | None = None  # body paragraph broken off by footnotes

    def join_to(index: int, tail: str, line: str) -> None:
        hyphen = _LINE_END_HYPHEN.search(tail)
        first = _FIRST_WORD.match(line)
        text_ = paragraphs[index]
        if hyphen and first:
            keep = _keep_line_end_hyphen(hyphen.group(1), first.group(1), vocabulary)
            paragraphs[index] = (text_ if keep else text_[:-1]) + line
        else:
            paragraphs[index] = f"{text_} {line}"

    for source in raw:
        if not source.strip():
            if len(source) >= _SEPARATOR_MIN:
                if not in_notes:
                    pending = cur if cur is not None and not _ends_sentence(prev) else None
                in_notes, separator_seen, blanks = True, True, 0
            else:
                blanks += 1
            continue
        line = _SPACES.sub(" ", source.strip())
        starts = (_is_heading(line), bool(_BULLET.match(line)), bool(_NUMBERED.match(line)))
        new_block = any(starts[:2]) or (starts[2] and (blanks > 0 or _ends_sentence(prev)))
        join = False
        resume: int | None = None  # body paragraph to continue after footnotes
        left_notes = False
        if in_notes and not separator_seen:
            leaves = (
                starts[0]
                or blanks >= 2
                or (blanks == 0 and _ends_sentence(prev) and line[0].islower())
            )
            if leaves:
                in_notes, left_notes = False, True
                if pending is not None and not new_block:
                    resume = pending
                pending = None
            elif blanks == 1:
                join = not starts[2]
        if resume is not None:
            join_to(resume, paragraphs[resume], line)
            cur, prev = resume, line
        elif cur is not None and not separator_seen and not left_notes:
            hyphen = _LINE_END_HYPHEN.search(prev) and _FIRST_WORD.match(line)
            if in_notes and blanks == 1:
                pass  # decided above
            elif hyphen and blanks <= 1:
                join = True
            elif new_block or _is_heading(prev):
                join = False
            elif blanks == 0:
                join = len(prev) >= short
            elif blanks == 1:
                join = not _ends_sentence(prev) and line[0].islower()
            if join:
                join_to(cur, prev, line)
                prev = line
            else:
                paragraphs.append(line)
                cur, prev = len(paragraphs) - 1, line
        else:
            paragraphs.append(line)
            cur, prev = len(paragraphs) - 1, line
        blanks = 0
        separator_seen = False
    return "\n\n".join(paragraphs)


def normalise_pdf_text(text: str) -> str:
    """Normalise Kazakh text extracted from a PDF.

    In order: unify line ends; :func:`fix_schwa`; :func:`strip_running_heads`;
    :func:`unwrap_lines` (rejoining words hyphenated across lines);
    :func:`fix_suffix_hyphens`. The result has one paragraph per line with an
    empty line between paragraphs and ends with a newline (unless empty).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = fix_schwa(text)
    text = strip_running_heads(text)
    text = unwrap_lines(text)
    text = fix_suffix_hyphens(text)
    return text + "\n" if text else text

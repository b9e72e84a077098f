"""One name normaliser for matching voters across scripts.

A name as written (Kazakh or Russian Cyrillic, or a Latin spelling from a
passport or an older register) becomes

* its **Latin form** in the Kazakh Latin alphabet of 2021 (the alphabet of
  Presidential Decree No. 637 of 26 October 2017 as amended by the 2021
  proposal: ä, ğ, ı, ñ, ö, ş, ū, ü, q), shown to people beside the Cyrillic;
  letters only Russian uses are written as is common practice (ц ts, ч ch,
  щ şş, ю iu, я ia, ё io); and
* a **key** in plain ASCII for matching, in which the letters clerks
  interchange fall together (ә/а, қ/к, ғ/г, ң/н, ө/о, ұ/ү/у, һ/х, і/и/й/ы,
  ё/е/э), Latin digraphs of older spellings fall onto the same letters
  (``zh``/``dzh`` = ж, ``kh`` = х, ``ye`` = е, ``yu`` = ю, ``ya`` = я,
  ``y`` = й/ы), doubled letters are written once and, for surnames and
  patronymics, the gendered endings fall together (-ов/-ова, -ев/-ева,
  -ин/-ина, -ский/-ская, -ұлы/-қызы; -ович/-овна).

No maintained library transliterates Kazakh to the 2021 alphabet (iuliia and
cyrtranslit cover Russian and other languages' schemes), so the table is
here, with its source, and tested letter by letter.

Everything is a Polars expression so that 9 million names are normalised
column-wise; :func:`key` and :func:`latin` apply the same expressions to one
name. Double surnames (``Абенова-Смагулова``) give a first and a second part;
swapped given names and surnames are a comparison between two records (the
model's ``swapped`` level), not a property of one.
"""

from __future__ import annotations

import polars as pl

#: Cyrillic -> Kazakh Latin (2021). Lower case; upper case is lowered first.
LATIN_2021 = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "io", "ж": "j",
    "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ", "о": "o",
    "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h",
    "һ": "h", "ц": "ts", "ч": "ch", "ш": "ş", "щ": "şş", "ъ": "", "ы": "y", "і": "ı", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}
#: Cyrillic -> the matching key's letters (the interchanged pairs fall together).
KEY_CYRILLIC = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "j",
    "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o",
    "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "h",
    "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "і": "i", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}
#: Latin letters with diacritics (2021 alphabet, Turkish-style and older Kazakh Latin) -> key letters.
KEY_LATIN_LETTERS = {
    "ä": "a", "á": "a", "ğ": "g", "ǵ": "g", "ı": "i", "i̇": "i", "í": "i", "ñ": "n", "ń": "n", "ö": "o",
    "ó": "o", "ş": "sh", "ș": "sh", "ū": "u", "ü": "u", "ú": "u", "ý": "i", "ç": "ch", "q": "k",
    "w": "u", "x": "h", "'": "", "’": "", "`": "",
}
#: Latin digraphs of passport and older register spellings, applied in this order.
KEY_DIGRAPHS = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("yu", "iu"), ("ya", "ia"), ("yo", "e"),
                ("ye", "e"), ("y", "i"))
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_DOUBLES = {c + c: c for c in _LETTERS}
#: surname endings, feminine -> masculine form, on the key (checked longest first)
SURNAME_ENDINGS = (("skaia", "ski"), ("ova", "ov"), ("eva", "ev"), ("ina", "in"),
                   ("kizi", "uli"))
#: patronymic endings removed to leave the father's name (Russian and Kazakh forms)
PATRONYMIC_ENDINGS = ("ovich", "evich", "ovna", "evna", "ichna", "inichna", "ich", "uli", "kizi")


def _clean(expr: pl.Expr) -> pl.Expr:
    return (expr.cast(pl.String).str.normalize("NFC").str.to_lowercase().str.strip_chars()
            .str.replace_all(r"[\s\u00a0]+", " "))


def latin_expr(expr: pl.Expr) -> pl.Expr:
    """The name in the Kazakh Latin alphabet of 2021, capitalised word by word."""
    return _clean(expr).str.replace_many(LATIN_2021).str.to_titlecase()


def _fold(expr: pl.Expr) -> pl.Expr:
    out = _clean(expr).str.replace_many(KEY_CYRILLIC).str.replace_many(KEY_LATIN_LETTERS)
    for old, new in KEY_DIGRAPHS:
        out = out.str.replace_all(old, new, literal=True)
    out = out.str.replace_all(r"[^a-z\- ]", "")
    # twice: "nnn" -> "nn" -> "n"
    return out.str.replace_many(_DOUBLES).str.replace_many(_DOUBLES).str.strip_chars(" -")


def _endings(expr: pl.Expr, endings) -> pl.Expr:
    """The first matching ending (longest first) replaced; each branch reads
    ``expr`` once, so the expression stays small."""
    branches = [
        pl.when(expr.str.ends_with(old)).then(expr.str.strip_suffix(old) + pl.lit(new))
        for old, new in sorted(endings, key=lambda e: -len(e[0]))
    ]
    return pl.coalesce([*branches, expr])


def given_key_expr(expr: pl.Expr) -> pl.Expr:
    """A given name's key (first word only: ``Анна-Мария`` keys as ``ana``)."""
    return _fold(expr).str.replace_all(" ", "-").str.split_exact("-", 1).struct.field("field_0")


def fold_ending_expr(expr: pl.Expr) -> pl.Expr:
    """A key with a surname ending folded (for comparing a given-name column
    with a surname column when the two were swapped)."""
    return _endings(expr, SURNAME_ENDINGS)


def with_keys(frame: pl.LazyFrame | pl.DataFrame) -> pl.LazyFrame | pl.DataFrame:
    """Add the Latin forms and keys to a register frame with ``surname``,
    ``given_name`` and ``patronymic``: ``surname_key`` (the first part of the
    surname, its ending folded), ``surname_key2`` (a double surname's second
    part), ``given_key``, ``given_fold`` (the given name's key with a surname
    ending folded, to find swapped names) and ``patronymic_key`` (the
    father's name).

    Names repeat (a register of 9 million has tens of thousands of distinct
    surnames), so each distinct name is normalised once and joined back."""
    lazy = frame.lazy()
    parts = pl.col("_s").str.split_exact("-", 1)
    surnames = (
        lazy.select(pl.col("surname").unique()).drop_nulls()
        .with_columns(surname_latin=latin_expr(pl.col("surname")),
                      _s=_fold(pl.col("surname")).str.replace_all(" ", "-"))
        .with_columns(_s0=parts.struct.field("field_0"), _s1=parts.struct.field("field_1"))
        .with_columns(
            surname_key=_endings(pl.col("_s0"), SURNAME_ENDINGS),
            surname_key2=pl.when(pl.col("_s1").str.len_chars() > 0).then(_endings(pl.col("_s1"), SURNAME_ENDINGS)),
        ).drop("_s", "_s0", "_s1")
    )
    given = (
        lazy.select(pl.col("given_name").unique()).drop_nulls()
        .with_columns(given_latin=latin_expr(pl.col("given_name")), given_key=given_key_expr(pl.col("given_name")))
        .with_columns(given_fold=_endings(pl.col("given_key"), SURNAME_ENDINGS))
    )
    patronymics = (
        lazy.select(pl.col("patronymic").unique()).drop_nulls()
        .with_columns(patronymic_latin=latin_expr(pl.col("patronymic")),
                      _p=_fold(pl.col("patronymic")).str.replace_all(r"[ \-]", ""))
        .with_columns(_p=_endings(pl.col("_p"), tuple((e, "") for e in PATRONYMIC_ENDINGS)))
        .with_columns(patronymic_key=pl.when(pl.col("_p").str.len_chars() > 0).then(pl.col("_p"))).drop("_p")
    )
    out = (lazy.join(surnames, on="surname", how="left", maintain_order="left")
           .join(given, on="given_name", how="left", maintain_order="left")
           .join(patronymics, on="patronymic", how="left", maintain_order="left"))
    return out.collect() if isinstance(frame, pl.DataFrame) else out


def _keys_of(name: str | None, column: str) -> pl.DataFrame:
    return with_keys(pl.DataFrame({column: [name]}, schema={column: pl.String}).with_columns(
        **{c: pl.lit(name, dtype=pl.String) for c in ("surname", "given_name", "patronymic") if c != column}))


def latin(name: str | None) -> str | None:
    return pl.select(latin_expr(pl.lit(name, dtype=pl.String))).item()


def key(name: str | None) -> str | None:
    """The plain matching key of a name (no ending folded)."""
    return pl.select(_fold(pl.lit(name, dtype=pl.String))).item()


def given_key(name: str | None) -> str | None:
    return _keys_of(name, "given_name")["given_key"].item()


def surname_key(name: str | None) -> str | None:
    return _keys_of(name, "surname")["surname_key"].item()


def surname_parts(name: str | None) -> tuple[str | None, str | None]:
    row = _keys_of(name, "surname").row(0, named=True)
    return row["surname_key"], row["surname_key2"]


def patronymic_key(name: str | None) -> str | None:
    return _keys_of(name, "patronymic")["patronymic_key"].item()

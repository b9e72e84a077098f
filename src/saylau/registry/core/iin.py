"""Kazakhstan's individual identification number (IIN, ЖСН / ИИН).

Twelve digits: the birth date ``YYMMDD``; the 7th digit gives the century and
sex (1/2: born 1800-1899, 3/4: 1900-1999, 5/6: 2000-2099; odd male, even
female); four digits of a serial number; the 12th a check digit. The check
digit is the sum of the first eleven digits weighted 1, 2, ..., 11, modulo 11;
when that is 10, the sum is weighted again with 3, 4, ..., 11, 1, 2; when it
is still 10 the number is not issued. Source: Resolution of the Government of
Kazakhstan No. 565 of 11 June 2003 and its rules on forming identification
numbers (adilet.zan.kz P030000565_ and P070000406_); the same rule is in the
OECD's page on Kazakhstan's tax identification numbers.

Both a per-number API (:func:`check_digit`, :func:`parse`) and column-wise
versions over NumPy (:func:`valid_array`, :func:`birth_dates`) used on
millions of voters; tests hold them equal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import polars as pl

W1 = np.arange(1, 12)
W2 = np.array([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])
#: 7th digit -> (first year of the century, sex)
CENTURY = {1: (1800, "M"), 2: (1800, "F"), 3: (1900, "M"), 4: (1900, "F"), 5: (2000, "M"), 6: (2000, "F")}


def check_digit(first11: str) -> int | None:
    """The check digit of the first eleven digits, or None when no digit fits
    (the number is never issued)."""
    if len(first11) != 11 or not first11.isdigit():
        raise ValueError(f"expected 11 digits, got {first11!r}")
    d = np.array([int(c) for c in first11])
    c = int(d @ W1) % 11
    if c == 10:
        c = int(d @ W2) % 11
    return None if c == 10 else c


@dataclass(frozen=True)
class IIN:
    number: str
    birth_date: dt.date
    sex: str  # "M" or "F"


def parse(number: str) -> IIN:
    """Parse an IIN; ``ValueError`` saying what is wrong with it."""
    text = str(number).strip()
    if len(text) != 12 or not text.isdigit():
        raise ValueError(f"expected 12 digits, got {text!r}")
    century = CENTURY.get(int(text[6]))
    if century is None:
        raise ValueError(f"{text}: the 7th digit (century and sex) must be 1 to 6, got {text[6]}")
    try:
        born = dt.date(century[0] + int(text[:2]), int(text[2:4]), int(text[4:6]))
    except ValueError:
        raise ValueError(f"{text}: the first six digits are not a date YYMMDD") from None
    expected = check_digit(text[:11])
    if expected is None or expected != int(text[11]):
        raise ValueError(f"{text}: the check digit should be {expected if expected is not None else 'none (never issued)'}, "
                         f"got {text[11]}")
    return IIN(text, born, century[1])


def make(birth: dt.date, sex: str, serial: int) -> str | None:
    """The IIN of a birth date, sex and 4-digit serial, or None when the serial gives no check digit."""
    base = (birth.year // 100) * 100
    code = {1800: 1, 1900: 3, 2000: 5}[base] + (1 if sex == "F" else 0)
    head = f"{birth:%y%m%d}{code}{serial:04d}"
    c = check_digit(head)
    return None if c is None else head + str(c)


# --- column-wise ------------------------------------------------------------

def digits(numbers: pl.Series) -> tuple[np.ndarray, np.ndarray]:
    """A (n, 12) uint8 matrix of the digits and a mask of the rows that are 12 digits."""
    # column-wise in Polars, a digit position at a time: no Python string per number (at 9 million
    # numbers the strings and their bytes took gigabytes)
    s = numbers.cast(pl.String).fill_null("")
    ok_s = s.str.contains(r"^[0-9]{12}$")
    padded = pl.select(pl.when(ok_s).then(s).otherwise(pl.lit("000000000000"))).to_series()
    d = np.empty((len(s), 12), dtype=np.uint8)
    for i in range(12):
        d[:, i] = padded.str.slice(i, 1).cast(pl.UInt8).to_numpy()
    return d, ok_s.to_numpy()


def check_digits(d: np.ndarray) -> np.ndarray:
    """Check digit of each row of a digit matrix (-1 where none fits)."""
    # a column at a time: the matrix product copied the (n, 11) slice and its results
    c = np.zeros(len(d), dtype=np.int64)
    c2 = np.zeros(len(d), dtype=np.int64)
    for k in range(11):
        column = d[:, k].astype(np.int64)
        c += column * int(W1[k])
        c2 += column * int(W2[k])
    c, c2 = c % 11, c2 % 11
    c = np.where(c == 10, c2, c)
    return np.where(c == 10, -1, c)


def valid_array(numbers: pl.Series) -> np.ndarray:
    """True where the number is 12 digits with a valid century digit and check digit (no date check)."""
    return valid_of(*digits(numbers))


def valid_of(d: np.ndarray, ok: np.ndarray) -> np.ndarray:
    """:func:`valid_array` of a digit matrix and its mask (:func:`digits`)."""
    return ok & (d[:, 6] >= 1) & (d[:, 6] <= 6) & (check_digits(d) == d[:, 11])


def birth_dates(numbers: pl.Series) -> pl.Series:
    """The birth date each IIN encodes (null where it encodes none)."""
    return birth_dates_of(*digits(numbers))


def birth_dates_of(d: np.ndarray, ok: np.ndarray) -> pl.Series:
    """:func:`birth_dates` of a digit matrix and its mask (:func:`digits`)."""
    d = d[:, :7].astype(np.int64)
    c = d[:, 6]
    base = np.select([(c == 1) | (c == 2), (c == 3) | (c == 4), (c == 5) | (c == 6)], [1800, 1900, 2000], 0)
    year = base + d[:, 0] * 10 + d[:, 1]
    month = d[:, 2] * 10 + d[:, 3]
    day = d[:, 4] * 10 + d[:, 5]
    good = ok & (base > 0)
    stamp = np.where(good, year * 10000 + month * 100 + day, 0)
    return (pl.Series("iin_birth", stamp).cast(pl.String)
            .str.strptime(pl.Date, "%Y%m%d", strict=False)
            if len(stamp) else pl.Series("iin_birth", [], dtype=pl.Date))

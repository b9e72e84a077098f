"""The frequency of a whole name, not of its parts multiplied.

Splink adjusts an exact agreement on a name for how common that name is
(term frequencies), one field at a time: two records agreeing on surname,
given name and patronymic get the product of the three fields' frequencies
as the chance that two people share that name. The parts are not
independent (a Russian surname goes with Russian given names and
patronymics, a given name with one sex), so a common Russian or Kazakh full
name is far more common than the product says (about ten times for a
Russian one) and its namesakes look like duplicates, more so as the
register grows: namesakes multiply with the square of the register,
duplicates with the register.

:func:`adjust` replaces, for a pair agreeing exactly on two or three of the
name fields, the product of those fields' frequencies by the frequency of
the combination itself, counted over the records (each adjustment is the
match weight's part ``mw_name_frequency``, in bits). A pair agreeing on one
name field or none is left as it is.
"""

from __future__ import annotations

import itertools
import math

import polars as pl

#: the name fields whose exact agreement carries a term-frequency adjustment
FIELDS = ("surname_key", "given_key", "patronymic_key")
#: pairs are scored down to this many bits under the lower threshold before the adjustment, which
#: raises a pair whose whole name is rarer than its parts say (a pair below it by more is lost)
MARGIN_BITS = 3.0


def adjust(pairs: pl.DataFrame, records: pl.DataFrame) -> pl.DataFrame:
    """``pairs`` (``uid_l``, ``uid_r``, ``match_weight``, ``match_probability``) with the
    whole-name correction added to the match weight and the probability recomputed;
    ``records``: ``uid`` and the :data:`FIELDS` of every record scored."""
    recs = records.select("uid", *FIELDS)
    n = {f: max(recs[f].count(), 1) for f in FIELDS}
    keyed = pairs.select("uid_l", "uid_r").join(
        recs.rename({c: f"{c}_l" for c in recs.columns}), on="uid_l", how="left").join(
        recs.rename({c: f"{c}_r" for c in recs.columns}), on="uid_r", how="left")
    exact = {f: (pl.col(f"{f}_l") == pl.col(f"{f}_r")).fill_null(False) for f in FIELDS}
    keyed = keyed.with_columns(**{f"_eq_{f}": e for f, e in exact.items()})
    parts = []
    for size in (3, 2):
        for combo in itertools.combinations(FIELDS, size):
            others = [f for f in FIELDS if f not in combo]
            which = pl.all_horizontal(*[pl.col(f"_eq_{f}") for f in combo]) & ~pl.any_horizontal(
                *[pl.col(f"_eq_{f}") for f in others] or [pl.lit(False)])
            chosen = keyed.filter(which)
            if chosen.is_empty():
                continue
            parts.append(_correction(chosen, recs, combo, n))
    correction = (pl.concat(parts) if parts else
                  pl.DataFrame(schema={"uid_l": pl.String, "uid_r": pl.String, "mw_name_frequency": pl.Float64}))
    out = pairs.join(correction, on=["uid_l", "uid_r"], how="left").with_columns(
        pl.col("mw_name_frequency").fill_null(0.0))
    weight = pl.col("match_weight") + pl.col("mw_name_frequency")
    return out.with_columns(match_weight=weight, match_probability=1.0 - 1.0 / (1.0 + pl.lit(2.0).pow(weight)))


def _correction(chosen: pl.DataFrame, recs: pl.DataFrame, combo: tuple[str, ...], n: dict) -> pl.DataFrame:
    """log2 of the fields' frequencies multiplied over the combination's frequency, for pairs
    agreeing exactly on the ``combo`` fields (the left record's values)."""
    whole = recs.drop_nulls(list(combo))
    joint = whole.group_by(list(combo)).len("n_joint")
    keys = [f"{f}_l" for f in combo]
    out = chosen.select("uid_l", "uid_r", *keys).join(joint, left_on=keys, right_on=list(combo), how="left")
    log_parts = pl.lit(0.0)
    for f in combo:
        single = recs.group_by(f).len(f"n_{f}").drop_nulls(f)
        out = out.join(single, left_on=f"{f}_l", right_on=f, how="left")
        log_parts = log_parts + (pl.col(f"n_{f}") / n[f]).log(2)
    log_joint = (pl.col("n_joint") / max(len(whole), 1)).log(2)
    return out.select("uid_l", "uid_r", mw_name_frequency=(log_parts - log_joint).fill_null(0.0))


def weight_of(probability: float) -> float:
    """The match weight (bits) of a match probability."""
    return math.log2(probability / (1.0 - probability))

"""Agreement between coders: Krippendorff's alpha per variable, and the disagreements.

A share of items is coded twice (or more) by different coders. Their codings,
one row per coder and item (:data:`CODING_SCHEMA`), give per variable a
reliability matrix, coders by items, that the maintained ``krippendorff``
package turns into alpha (nominal for the codes, ratio for the amount): 1 is
perfect agreement, 0 agreement no better than chance. Only items coded by at
least two coders count (the others are not pairable). :func:`disagreements`
lists, item by item, the variables on which the coders differ, for a
supervisor to settle. Pure: no Django.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from saylau.media.core import codes

CODING_SCHEMA: dict[str, pl.DataType] = {
    "item": pl.Utf8, "coder": pl.Utf8, "programme": pl.Utf8, "subject": pl.Utf8,
    "tone": pl.Utf8, "speech": pl.Utf8, "language": pl.Utf8, "amount": pl.Int64,
}


@dataclass(frozen=True)
class Alpha:
    """Krippendorff's alpha of one variable over ``items`` items coded by at least two of
    ``coders`` coders (``pairs``: the pairable values); ``alpha`` is None when it is
    undefined (fewer than two items, or one value only: no variation to agree on)."""

    variable: str
    level: str
    alpha: float | None
    items: int
    coders: int
    values: int

    def label(self, lang: str) -> str:
        return codes.pick(codes.VARIABLE_LABELS[self.variable], lang)


def multiply_coded(codings: pl.DataFrame) -> pl.DataFrame:
    """The codings of items coded by at least two different coders."""
    counts = codings.group_by("item").agg(n=pl.col("coder").n_unique())
    keep = counts.filter(pl.col("n") >= 2)["item"]
    return codings.filter(pl.col("item").is_in(keep.implode()))


def matrix(codings: pl.DataFrame, variable: str) -> np.ndarray:
    """The reliability matrix of ``variable``: coders by items, NaN where a coder did not
    code the item; nominal values become integer codes (their order does not matter)."""
    frame = codings.select("item", "coder", variable)
    if frame.schema[variable] == pl.Utf8:
        frame = frame.with_columns(pl.col(variable).cast(pl.Categorical).to_physical()
                                   .cast(pl.Float64))
    wide = frame.with_columns(pl.col(variable).cast(pl.Float64)).pivot(
        on="item", index="coder", values=variable, aggregate_function="first")
    return wide.drop("coder").to_numpy().astype(float)


def alpha(codings: pl.DataFrame, variable: str, level: str | None = None) -> Alpha:
    """Krippendorff's alpha of ``variable`` over the multiply coded items of ``codings``."""
    import krippendorff

    level = level or codes.VARIABLES[variable]
    data = multiply_coded(codings)
    items = data["item"].n_unique()
    coders = data["coder"].n_unique()
    if items < 2:
        return Alpha(variable, level, None, items, coders, len(data))
    m = matrix(data, variable)
    values = int(np.isfinite(m).sum())
    try:
        a = float(krippendorff.alpha(reliability_data=m, level_of_measurement=level))
    except ValueError:  # one value only in the whole matrix: alpha is undefined
        return Alpha(variable, level, None, items, coders, values)
    return Alpha(variable, level, None if np.isnan(a) else a, items, coders, values)


def alphas(codings: pl.DataFrame) -> list[Alpha]:
    """Alpha of every coded variable (:data:`codes.VARIABLES`), in that order."""
    return [alpha(codings, v, level) for v, level in codes.VARIABLES.items()]


def disagreements(codings: pl.DataFrame) -> pl.DataFrame:
    """One row per multiply coded item and variable on which its coders differ:
    ``item``, ``variable``, ``coders`` and ``values`` (lists, in the coders' order)."""
    data = multiply_coded(codings).sort("item", "coder")
    parts = []
    for variable in codes.VARIABLES:
        grouped = data.group_by("item", maintain_order=True).agg(
            coders=pl.col("coder"), values=pl.col(variable).cast(pl.Utf8),
            distinct=pl.col(variable).n_unique())
        parts.append(grouped.filter(pl.col("distinct") > 1)
                     .select("item", pl.lit(variable).alias("variable"), "coders", "values"))
    schema = {"item": pl.Utf8, "variable": pl.Utf8, "coders": pl.List(pl.Utf8),
              "values": pl.List(pl.Utf8)}
    out = pl.concat(parts) if parts else pl.DataFrame(schema=schema)
    return out.sort("item", "variable")

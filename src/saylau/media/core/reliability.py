"""Agreement between coders: Krippendorff's alpha per variable, and the disagreements.

A share of items is coded twice (or more) by different coders. Their codings,
one row per coder and item (:data:`CODING_SCHEMA`), give per variable a
reliability matrix, coders by items, that the maintained ``krippendorff``
package turns into alpha for the nominal codes; the amount's ratio alpha is
computed here from the pairable values (:func:`metric_alpha`, held equal to the
package's by the tests) because the package's units-by-values-by-values array
does not fit thousands of distinct durations: 1 is
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
    def dense(column: pl.Series) -> np.ndarray:  # 0, 1, 2... in the order of the values
        return (column.fill_null("").rank("dense") - 1).cast(pl.Int64).to_numpy()

    item_index, coder_index = dense(codings["item"]), dense(codings["coder"])
    values = codings[variable]
    numbers = dense(values).astype(float) if values.dtype == pl.Utf8 else values.cast(pl.Float64).to_numpy()
    out = np.full((int(coder_index.max(initial=-1)) + 1, int(item_index.max(initial=-1)) + 1), np.nan)
    out[coder_index, item_index] = numbers
    return out


def metric_alpha(data: np.ndarray, level: str) -> float:
    """Krippendorff's alpha of an interval or ratio reliability matrix (coders by units),
    computed from its pairable values without the units-by-values-by-values array the
    ``krippendorff`` package builds (20,000 units of 300 distinct durations would need
    14 GB). Equal to the package's result (tests/media/test_core.py); nominal and
    ordinal data go to the package."""
    if level not in ("interval", "ratio"):
        raise ValueError(f"metric_alpha computes interval and ratio alpha, not {level}")

    def delta(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        if level == "interval":
            return (a - b) ** 2
        total = a + b
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(total == 0, 0.0, ((a - b) / np.where(total == 0, 1, total)) ** 2)

    present = np.isfinite(data)
    m_u = present.sum(axis=0)
    keep = m_u >= 2
    data, present, m_u = data[:, keep], present[:, keep], m_u[keep]
    n = int(m_u.sum())
    if n < 2:
        return float("nan")
    observed = 0.0
    coders = data.shape[0]
    weight = 1.0 / (m_u - 1)
    for i in range(coders):
        for j in range(coders):
            if i == j:
                continue
            both = present[i] & present[j]
            observed += float((delta(data[i, both], data[j, both]) * weight[both]).sum())
    observed /= n
    values, counts = np.unique(data[present], return_counts=True)
    counts = counts.astype(float)
    expected = 0.0
    for start in range(0, len(values), 2048):  # value pairs in blocks, memory bounded
        block = values[start:start + 2048]
        expected += float((counts[start:start + 2048, None] * counts[None, :]
                           * delta(block[:, None], values[None, :])).sum())
    expected /= n * (n - 1)
    if expected == 0:
        return float("nan")
    return 1.0 - observed / expected


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
    if level in ("interval", "ratio"):
        a = metric_alpha(m, level)
    else:
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

"""Column mappings (presets) for protocol files: Russian CEC, Mexico 2012, kz-2011.

A mapping says which columns hold the unit codes (region, district, station,
coarsest first), which hold each protocol line (several columns are summed),
and which hold the candidates' votes. A column is named by its header or by
``#<0-based position>``. ``style`` says how unit codes are made from the
columns: ``plain`` (the columns are the codes), ``ru-cec`` (regions and TIKs
numbered in order of appearance, stations ``<region>-<uik>``) or ``mexico``
(``E<state>``, ``E<state>-D<district>``, the casilla id).

This module imports neither Django nor the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import polars as pl

from saylau.core.protocol import LINES, vote_columns_in


@dataclass(frozen=True)
class ColumnMapping:
    name: str
    units: tuple[str, ...]
    lines: dict[str, tuple[str, ...]] = field(default_factory=dict)
    candidates: tuple[str, ...] = ()
    candidates_from: int | None = None  # first candidate column position ...
    candidates_skip_last: int = 0  # ... up to the end, minus trailing columns
    labels: tuple[tuple[str, str, str], ...] = ()
    style: str = "plain"
    received_at: str | None = None
    optional: bool = False  # lines (and the arrival time) whose column is absent are left empty

    def candidate_columns(self, columns: list[str]) -> list[str]:
        if self.candidates:
            return list(self.candidates)
        if self.candidates_from is None:
            return vote_columns_in(columns)
        return columns[self.candidates_from:len(columns) - self.candidates_skip_last]

    def candidate_labels(self, columns: list[str], k: int) -> list[tuple[int, str, str, str]]:
        if self.labels:
            return [(i + 1, *self.labels[i]) for i in range(k)]
        names = [re.sub(r"^\d+\.\s*", "", c).strip() for c in self.candidate_columns(columns)][:k]
        return [(i + 1, n, n, n) for i, n in enumerate(names)]


def unit_codes(frame: pl.DataFrame, units: list[pl.Series], style: str) -> list[tuple[pl.Series, pl.Series]]:
    """``(codes, names)`` per level, coarsest first, from the unit columns."""
    if style == "ru-cec":
        region, tik, uik = units
        r_code = "R" + _order(region).cast(pl.Utf8).str.zfill(2)
        t_key = region + "\u0000" + tik
        t_code = r_code + "-T" + _order(t_key).cast(pl.Utf8).str.zfill(4)
        return [(r_code, region), (t_code, tik), (r_code + "-" + uik, "UIK " + uik)]
    if style == "mexico":
        state, district, casilla = units
        s_code = "E" + state.str.zfill(2)
        d_code = s_code + "-D" + district.str.zfill(2)
        return [(s_code, "Estado " + state), (d_code, "Distrito federal " + state + "-" + district),
                (casilla, "Casilla " + casilla)]
    return [(u, u) for u in units]


def _order(values: pl.Series) -> pl.Series:
    """1, 2, 3 ... by first appearance."""
    first = pl.DataFrame({"v": values}).with_row_index("i").group_by("v").agg(pl.col("i").min())
    rank = first.sort("i").with_row_index("n", offset=1)
    return pl.DataFrame({"v": values}).join(rank, on="v", how="left", maintain_order="left")["n"]


_RU_LINES = {
    "registered": ("#3",), "ballots_received": ("#4",), "issued_early": ("#5",),
    "issued_in_station": ("#6",), "issued_mobile": ("#7",), "cancelled": ("#8",),
    "found_in_boxes": ("#9", "#10"), "invalid": ("#11",), "valid": ("#12",),
}
RU_CEC = ColumnMapping(
    name="ru-cec", units=("region", "tik", "uik"), lines=_RU_LINES, candidates_from=21,
    candidates_skip_last=1, style="ru-cec",
)
MEXICO_2012 = ColumnMapping(
    name="mexico-2012", units=("edo_id", "distrito_fed_12", "casilla_id"),
    lines={"registered": ("ln",), "found_in_boxes": ("total",), "valid": ("total",)},
    candidates=("pri_pvem", "pan", "panal", "prd_pt_mc", "otros"),
    labels=(("PRI-PVEM (Peña Nieto)",) * 3, ("PAN (Vázquez Mota)",) * 3, ("PANAL (Quadri)",) * 3,
            ("PRD-PT-MC (López Obrador)",) * 3, ("Null and non-registered",) * 3),
    style="mexico",
)
#: a protocol file written by saylau itself (open data, or one tier of the simulation)
SAYLAU = ColumnMapping(
    name="saylau", units=("region_code", "district_code", "station_code"),
    lines={k: (k,) for k in LINES},
    received_at="received_at", optional=True,
)
PRESETS = {m.name: m for m in (RU_CEC, MEXICO_2012, SAYLAU)}

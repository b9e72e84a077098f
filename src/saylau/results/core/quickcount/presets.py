"""Column mappings of known data sets, for the command line and the tests."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Preset:
    """Which columns of a station table mean what.

    ``denominator`` is the column the shares are of (``total`` for Mexico:
    the published shares are of all votes cast, null votes included).
    """

    name: str
    id_column: str
    stratum_column: str
    registered_column: str
    candidates: tuple[str, ...]
    denominator: str
    leading: tuple[str, ...]


MEXICO_2012 = Preset(
    name="mexico-2012",
    id_column="casilla_id",
    stratum_column="estrato",
    registered_column="ln",
    candidates=("pri_pvem", "pan", "panal", "prd_pt_mc", "otros"),
    denominator="total",
    leading=("pri_pvem", "prd_pt_mc", "pan"),
)

PRESETS = {MEXICO_2012.name: MEXICO_2012}

"""A schematic tile map of Kazakhstan's 16 regions (the 2011 structure: 14 oblasts
and the cities of Almaty and Astana), coloured by one figure per region.

Each region is a square tile placed roughly where it lies (west to east,
north to south); the tiles are not boundaries, so the map needs no boundary
data set and works offline. It is drawn as inline SVG by the template
``web/portal/_map.html`` (fill colours as SVG attributes, which the site's
Content-Security-Policy allows), with a legend and the same figures in a
table as its text alternative. Pure code: no Django.

Region codes are those of the ``kz-2011`` profile
(:data:`saylau.simulate.core.profile_kz2011.REGIONS`); an election whose
regions are not all in :data:`LAYOUT` gets no map (:func:`tile_map` returns None).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

#: region code -> (column, row) on a 6 x 5 grid, west to east and north to south; a
#: region clearly west or north of another (by its centre) is in an earlier column
#: or row (tests/web/test_charts.py holds that)
LAYOUT: dict[str, tuple[int, int]] = {
    "13": (3, 0),  # North Kazakhstan
    "08": (2, 1),  # Kostanay
    "01": (3, 1),  # Akmola
    "12": (4, 1),  # Pavlodar
    "05": (0, 2),  # West Kazakhstan
    "02": (1, 2),  # Aktobe
    "15": (3, 2),  # Astana (city)
    "07": (4, 2),  # Karaganda
    "14": (5, 2),  # East Kazakhstan
    "04": (0, 3),  # Atyrau
    "09": (2, 3),  # Kyzylorda
    "03": (5, 3),  # Almaty Region
    "10": (0, 4),  # Mangystau
    "11": (2, 4),  # South Kazakhstan
    "06": (3, 4),  # Zhambyl
    "16": (4, 4),  # Almaty (city)
}
#: three-letter tags shown in the tiles, by language (the full names are in the tile's title and table)
TAGS: dict[str, dict[str, str]] = {
    "en": {"01": "AKM", "02": "AKT", "03": "ALM", "04": "ATY", "05": "WKO", "06": "ZHA", "07": "KAR", "08": "KOS",
           "09": "KZY", "10": "MAN", "11": "SKO", "12": "PAV", "13": "NKO", "14": "EKO", "15": "AST", "16": "ALA"},
    "ru": {"01": "АКМ", "02": "АКТ", "03": "АЛМ", "04": "АТР", "05": "ЗКО", "06": "ЖАМ", "07": "КАР", "08": "КОС",
           "09": "КЗЛ", "10": "МАН", "11": "ЮКО", "12": "ПАВ", "13": "СКО", "14": "ВКО", "15": "АСТ", "16": "АЛА"},
    "kk": {"01": "АҚМ", "02": "АҚТ", "03": "АЛМ", "04": "АТЫ", "05": "БҚО", "06": "ЖАМ", "07": "ҚАР", "08": "ҚОС",
           "09": "ҚЫЗ", "10": "МАҢ", "11": "ОҚО", "12": "ПАВ", "13": "СҚО", "14": "ШҚО", "15": "АСТ", "16": "АЛА"},
}
#: five classes, light to dark (ColorBrewer "Blues", 5 classes); "no figure" is grey
PALETTE = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
MISSING = "#d9d9d9"
TILE = 64
GAP = 4


@dataclass(frozen=True)
class Tile:
    code: str
    name: str
    tag: str
    value: float | None
    x: int
    y: int
    fill: str
    dark: bool  # white text on this fill

    @property
    def size(self) -> int:
        return TILE

    @property
    def cx(self) -> int:
        return self.x + TILE // 2


@dataclass(frozen=True)
class Band:
    low: float
    high: float
    fill: str


@dataclass(frozen=True)
class TileMap:
    tiles: tuple[Tile, ...]
    legend: tuple[Band, ...]
    width: int
    height: int
    missing: bool  # some region has no figure


def bands(values: list[float], classes: int = len(PALETTE)) -> list[tuple[float, float]]:
    """``classes`` equal bands over the values' range, widened outwards to whole
    percentage points (shares in [0, 1]); one band when all values are equal."""
    low = math.floor(min(values) * 100) / 100
    high = math.ceil(max(values) * 100) / 100
    if high <= low:
        return [(low, high)]
    step = (high - low) / classes
    return [(low + i * step, low + (i + 1) * step) for i in range(classes)]


def _band_index(value: float, limits: list[tuple[float, float]]) -> int:
    for i, (_, high) in enumerate(limits):
        if value <= high + 1e-12:
            return i
    return len(limits) - 1


def tile_map(values: Mapping[str, float | None], names: Mapping[str, str], lang: str = "en") -> TileMap | None:
    """The tile map of ``values`` (region code -> share in [0, 1], None when the
    region has no figure); ``names``: region code -> name in ``lang``. None if a
    region of ``names`` has no place in :data:`LAYOUT` (not the kz-2011 regions)."""
    if not names or any(code not in LAYOUT for code in names):
        return None
    known = [float(v) for v in values.values() if v is not None and not math.isnan(float(v))]
    limits = bands(known) if known else []
    palette = PALETTE if len(limits) > 1 else PALETTE[2:3]
    tags = TAGS.get(lang, TAGS["en"])
    tiles = []
    for code, name in names.items():
        column, row = LAYOUT[code]
        value = values.get(code)
        if value is not None and math.isnan(float(value)):
            value = None
        index = _band_index(float(value), limits) if value is not None else -1
        fill = palette[index] if index >= 0 else MISSING
        tiles.append(Tile(code, name, tags.get(code, code), None if value is None else float(value),
                          GAP + column * (TILE + GAP), GAP + row * (TILE + GAP), fill,
                          fill in PALETTE[3:]))
    legend = tuple(Band(lo, hi, palette[i]) for i, (lo, hi) in enumerate(limits))
    columns = 1 + max(c for c, _ in LAYOUT.values())
    rows = 1 + max(r for _, r in LAYOUT.values())
    return TileMap(tuple(tiles), legend, GAP + columns * (TILE + GAP), GAP + rows * (TILE + GAP),
                   any(t.value is None for t in tiles))

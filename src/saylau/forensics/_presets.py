"""Ready column mappings for published station-level files.

Column names are given as unique substrings (see ``resolve_column``), because
the CEC wording differs slightly between years.
"""

from __future__ import annotations

import polars as pl

from saylau.core.errors import UserError
from saylau.forensics._io import ColumnError, ColumnMapping, resolve_column, resolve_columns

_RU_PROTOCOL = dict(
    registered="в список избирателей",
    given=(
        "бюллетеней, выданных избирателям, проголосовавшим досрочно",
        "бюллетеней, выданных избирателям в помещении",
        "бюллетеней, выданных избирателям вне помещения",
    ),
    valid="Число действительных избирательных бюллетеней",
    invalid="Число недействительных избирательных бюллетеней",
    units=("region", "tik"),
    station_id=("region", "tik", "uik"),
)

PRESETS: dict[str, ColumnMapping] = {
    # Duma, 4 December 2011 (github.com/dkobak/elections, data/2011.csv.zip)
    "ru-kobak-2011": ColumnMapping(
        candidates=(
            "СПРАВЕДЛИВАЯ РОССИЯ", "Либерально-демократическая", "ПАТРИОТЫ РОССИИ",
            "Коммунистическая партия", "ЯБЛОКО", "ЕДИНАЯ РОССИЯ", "ПРАВОЕ ДЕЛО",
        ),
        winner="ЕДИНАЯ РОССИЯ",
        **_RU_PROTOCOL,
    ),
    # President, 4 March 2012 (data/2012.csv.zip); the 2012 wording of the
    # issued-ballot lines differs, hence the shorter substrings.
    "ru-kobak-2012": ColumnMapping(
        candidates=("Жириновский", "Зюганов", "Миронов", "Прохоров", "Путин"),
        winner="Путин",
        **{**_RU_PROTOCOL, "given": (
            "проголосовавшим досрочно", "выданных в помещении", "выданных вне помещения",
        )},
    ),
    # Mexico, president, 1 July 2012, by casilla (github.com/tereom/quickcountmx).
    # No separate ballots-issued line: given = ballots counted ("total");
    # "otros" (null ballots and write-ins) is treated as invalid.
    "mx-2012": ColumnMapping(
        registered="ln",
        candidates=("pri_pvem", "pan", "panal", "prd_pt_mc"),
        given=("total",),
        invalid="otros",
        winner="pri_pvem",
        units=("edo_id", "distrito_fed_17"),
        station_id=("casilla_id",),
    ),
}


class UnknownPreset(UserError, KeyError):
    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def preset(name: str) -> ColumnMapping:
    """The named preset mapping (:class:`UnknownPreset`, a ``KeyError``, lists the known names)."""
    try:
        return PRESETS[name]
    except KeyError:
        raise UnknownPreset(f"unknown preset {name!r}; known: {', '.join(sorted(PRESETS))} "
                            "(or auto)") from None


_ORDER = (("registered", "registered voters", False), ("given", "ballots issued", True),
          ("valid", "valid ballots", False), ("invalid", "invalid ballots", False),
          ("candidates", "candidates", True), ("winner", "winner", False),
          ("units", "units", True), ("station_id", "station id", True),
          ("latitude", "latitude", False), ("longitude", "longitude", False))


def check_mapping(frame: pl.DataFrame, mapping: ColumnMapping, name: str = "") -> None:
    """Raise :class:`ColumnError` naming the first column of ``mapping`` the frame lacks."""
    prefix = f"preset {name}: " if name else ""
    try:
        for attr, what, many in _ORDER:
            value = getattr(mapping, attr)
            if many:
                resolve_columns(frame, value, what)
            elif value:
                resolve_column(frame, value, what)
    except ColumnError as error:
        raise ColumnError(prefix + str(error)) from None


def detect_preset(frame: pl.DataFrame) -> str:
    """The one preset whose every column the frame has (:class:`ColumnError` otherwise)."""
    fits = []
    for name, mapping in PRESETS.items():
        try:
            check_mapping(frame, mapping)
        except ColumnError:
            continue
        fits.append(name)
    if len(fits) == 1:
        return fits[0]
    if fits:  # a later year's preset is usually a loosened copy of an earlier one
        raise ColumnError(f"the file fits presets {', '.join(fits)}; name one with --preset")
    raise ColumnError("no preset fits the file's columns ("
                      + ", ".join(repr(c) for c in frame.columns[:8])
                      + (", ..." if frame.width > 8 else "")
                      + "); give the columns with --registered and --candidate")

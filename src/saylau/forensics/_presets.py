"""Ready column mappings for published station-level files.

Column names are given as unique substrings (see ``resolve_column``), because
the CEC wording differs slightly between years.
"""

from __future__ import annotations

from saylau.forensics._io import ColumnMapping

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


def preset(name: str) -> ColumnMapping:
    """The named preset mapping (``KeyError`` lists the known names)."""
    try:
        return PRESETS[name]
    except KeyError:
        raise KeyError(f"unknown preset {name!r}; known: {', '.join(sorted(PRESETS))}") from None

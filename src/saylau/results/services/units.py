"""Create the unit tree (region > district > station) named in a protocol file."""

from __future__ import annotations

import polars as pl

from saylau.core.actors import Actor
from saylau.core.tabular import CellError, TableError
from saylau.geography.choices import UnitLevel
from saylau.geography.models import Election
from saylau.geography.services import national_unit, write_units
from saylau.results.presets import ColumnMapping


def create_units(*, actor: Actor, election: Election, parsed: pl.DataFrame, mapping: ColumnMapping) -> dict[str, int]:
    """Add the regions, districts and stations of ``parsed`` that the election lacks.

    ``parsed`` carries ``_unit_0.._unit_2`` codes and ``_name_*`` names,
    coarsest first. Runs in the caller's transaction; the units and their
    commissions are written by :func:`saylau.geography.services.write_units`,
    one ledger entry each.
    """
    levels = len([c for c in parsed.columns if c.startswith("_unit_")])
    if levels != 3:
        raise TableError(mapping.name, [CellError(1, "units", "region, district and station columns", f"{levels} column(s)")])
    national = national_unit(election).code
    name = pl.col("_name").str.slice(0, 200)
    rows = pl.concat([
        parsed.select(level=pl.lit(int(level), pl.Int64), code=pl.col(f"_unit_{i}"),
                      parent_code=pl.col(f"_unit_{i - 1}") if i else pl.lit(national), _name=pl.col(f"_name_{i}"))
        .unique(subset="code", keep="first", maintain_order=True)
        for i, level in enumerate((UnitLevel.REGION, UnitLevel.DISTRICT, UnitLevel.STATION))
    ]).select("level", "code", "parent_code", name_en=pl.when(name.is_null() | (name == "")).then(
        pl.col("code").str.slice(0, 200)).otherwise(name), name_ru=name.fill_null(""))
    return write_units(actor=actor, election=election, rows=rows, reason=f"units named in {mapping.name} file")

"""Create the unit tree (region > district > station) named in a protocol file."""

from __future__ import annotations

import polars as pl

from saylau.core.actors import Actor
from saylau.core.tabular import CellError, TableError
from saylau.geography.choices import TIER_OF_LEVEL, UnitLevel
from saylau.geography.models import Commission, Election, Unit
from saylau.geography.services import national_unit
from saylau.ledger.services import Event, record
from saylau.results.presets import ColumnMapping

BATCH = 5000


def create_units(*, actor: Actor, election: Election, parsed: pl.DataFrame, mapping: ColumnMapping) -> dict[str, int]:
    """Add the regions, districts and stations of ``parsed`` that the election lacks.

    ``parsed`` carries ``_unit_0.._unit_2`` codes and ``_name_*`` names,
    coarsest first. Runs in the caller's transaction; appends one ledger
    entry with the counts.
    """
    levels = len([c for c in parsed.columns if c.startswith("_unit_")])
    if levels != 3:
        raise TableError(mapping.name, [CellError(1, "units", "region, district and station columns", f"{levels} column(s)")])
    national = national_unit(election)
    parents = {national.code: national}
    created = {}
    parent_col = None
    for i, level in enumerate((UnitLevel.REGION, UnitLevel.DISTRICT, UnitLevel.STATION)):
        cols = [f"_unit_{i}", f"_name_{i}"] + ([parent_col] if parent_col else [])
        wanted = parsed.select(cols).unique(subset=f"_unit_{i}", keep="first", maintain_order=True)
        existing = dict(Unit.objects.filter(election=election, level=level).values_list("code", "id"))
        units = {}
        new = []
        for row in wanted.iter_rows():
            code, name = row[0], row[1]
            if code in existing:
                continue
            parent = parents[row[2]] if parent_col else national
            unit = Unit(election=election, level=level, code=code, parent=parent, path=f"{parent.path}/{code}",
                        name_en=(name or code)[:200], name_ru=(name or "")[:200])
            new.append(unit)
            units[code] = unit
        Unit.objects.bulk_create(new, batch_size=BATCH)
        Commission.objects.bulk_create([Commission(unit=u, tier=TIER_OF_LEVEL[level]) for u in new], batch_size=BATCH)
        if level != UnitLevel.STATION:
            parents = {**{u.code: u for u in Unit.objects.filter(election=election, level=level)}}
        created[UnitLevel(level).label.lower()] = len(new)
        parent_col = f"_unit_{i}"
    record(actor=actor, event=Event("results.units.created", "geography.election", election.pk, election.slug,
                                    None, None, reason=f"units named in {mapping.name} file", extra=created))
    return created

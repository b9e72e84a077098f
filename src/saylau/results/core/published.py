"""What the public portal says about published results, computed from the
per-station table the publication holds (pure: Polars and NumPy only).

- :func:`overview`: national totals (stations, registered voters, ballots
  issued, turnout, valid and invalid ballots) and each candidate's votes and
  share **of valid ballots** (the denominator the statement names too);
- :func:`by_region`: the same per region, one row each;
- :func:`differing`: the stations where the district commission's entry
  differs from the precinct commission's own protocol, and which lines.

Turnout and shares are those of :mod:`saylau.core.protocol`.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from saylau.core import protocol


def overview(stations: pl.DataFrame) -> dict:
    """Totals over the published stations and the candidates' votes and shares."""
    total = protocol.totals(stations)
    votes = {int(n): int(v) for n, v in total.votes.items()}
    valid = total.valid
    return {
        "stations": total.stations, "registered": total.registered, "issued": total.issued,
        "turnout": None if np.isnan(total.turnout) else float(total.turnout),
        "valid": valid, "invalid": total.invalid,
        "candidates": [{"number": n, "votes": v, "share": (v / valid) if valid else None}
                       for n, v in sorted(votes.items())],
    }


def by_region(stations: pl.DataFrame) -> pl.DataFrame:
    """One row per region: ``region_code, stations, registered, issued, turnout,
    valid, votes_<n>, share_<n>`` (shares of valid ballots)."""
    votes = protocol.vote_columns_in(stations.columns)
    grouped = stations.group_by("region_code").agg(
        pl.len().alias("stations"),
        *[pl.col(c).fill_null(0).sum() for c in ("registered", "valid", *votes)],
        protocol.issued_expr(stations.columns).sum().alias("issued"),
    )
    return grouped.with_columns(
        pl.when(pl.col("registered") > 0).then(pl.col("issued") / pl.col("registered")).alias("turnout"),
        *[pl.when(pl.col("valid") > 0).then(pl.col(c) / pl.col("valid")).alias(c.replace("votes_", "share_"))
          for c in votes],
    ).sort("region_code")


def differing(pec: pl.DataFrame, entered: pl.DataFrame, key: str = "unit_id") -> pl.DataFrame:
    """The ``key`` of every station whose district entry differs from its
    precinct protocol (both exist, and a line or a candidate's votes differ;
    a line empty in one and filled in the other differs), with ``lines``: the
    codes of the lines that differ."""
    columns = [c for c in (*protocol.LINES, *protocol.vote_columns_in(pec.columns)) if c in entered.columns]
    both = pec.select(key, *columns).join(entered.select(key, *columns), on=key, suffix="_e")
    if not columns or both.is_empty():
        return pl.DataFrame(schema={key: both.schema.get(key, pl.Utf8), "lines": pl.List(pl.Utf8)})
    named = [pl.when(pl.col(c).ne_missing(pl.col(f"{c}_e"))).then(pl.lit(c)) for c in columns]
    out = both.select(key, pl.concat_list(named).list.drop_nulls().alias("lines"))
    return out.filter(pl.col("lines").list.len() > 0)

"""The register checks besides duplicates (issue #16, deliverable 4).

* :func:`implausible`: age over 110 or under 18 on election day, an IIN that
  fails its check digit or disagrees with the date of birth or the sex, and
  addresses with many more voters than the area's norm;
* :func:`growth`: growth between two snapshots by district (and region)
  against the national rate, outliers ranked by a robust z-score;
* :func:`population_ratio`: registered voters per district against the
  adult population;
* :func:`deceased`: voters on the deaths list;
* :func:`special_on_home`: voters on a special station's list who are still
  on a regular (home) list — the risk SYNOPSIS §2 names.

Each returns a Polars frame: one row per flagged record or unit, with what
was found, so that the audit's flags and findings are built from the same
rows.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

from saylau.registry.core import iin as iin_mod
from saylau.registry.core import names

MAX_AGE = 110
MIN_AGE = 18
#: an address is crowded when it holds more than this many voters and more
#: than CROWDED_FACTOR times the 99th percentile of voters per address in its district
CROWDED_MIN = 10
CROWDED_FACTOR = 4.0
#: growth outliers: robust z-score at least this (median and MAD across districts)
GROWTH_Z = 5.0
#: and at least this many percentage points above the national rate
GROWTH_EXCESS = 0.01
REASONS = ("over_110", "under_18", "iin_check_digit", "iin_birth_date", "iin_sex", "crowded_address")


def age_years(birth: pl.Expr, day: pl.Expr | dt.date) -> pl.Expr:
    """Whole years from ``birth`` to ``day`` (a date, or a column of dates), column-wise:
    the day and month have to be reached."""
    d = day if isinstance(day, pl.Expr) else pl.lit(day)
    before = (d.dt.month() < birth.dt.month()) | ((d.dt.month() == birth.dt.month()) & (d.dt.day() < birth.dt.day()))
    return d.dt.year().cast(pl.Int32) - birth.dt.year().cast(pl.Int32) - before.cast(pl.Int32)


def implausible(register: pl.DataFrame, stations: pl.DataFrame, election_day: dt.date) -> pl.DataFrame:
    """One row per (voter, reason): ``voter_id``, ``reason``, ``detail``."""
    r = register.select("voter_id", "iin", "sex", "birth_date", "station", "address")
    d, ok = iin_mod.digits(r["iin"])  # once for the three uses (9 million numbers)
    valid = pl.Series(iin_mod.valid_of(d, ok))
    encoded = iin_mod.birth_dates_of(d, ok)
    code = pl.col("century")
    r = r.with_columns(age=age_years(pl.col("birth_date"), election_day), valid=valid, encoded=encoded,
                       century=pl.Series(d[:, 6]))
    del d
    r = r.with_columns(iin_sex=pl.when(code.is_in([1, 3, 5])).then(pl.lit("M"))
                       .when(code.is_in([2, 4, 6])).then(pl.lit("F")).otherwise(pl.lit(""))).drop("century")
    flags = [
        r.filter(pl.col("age") > MAX_AGE).select("voter_id", reason=pl.lit("over_110"),
                                                  detail=pl.format("age {}", "age")),
        r.filter(pl.col("age") < MIN_AGE).select("voter_id", reason=pl.lit("under_18"),
                                                  detail=pl.format("age {}", "age")),
        r.filter(pl.col("iin").is_not_null() & ~pl.col("valid")).select(
            "voter_id", reason=pl.lit("iin_check_digit"), detail=pl.col("iin")),
        r.filter(pl.col("valid") & (pl.col("encoded") != pl.col("birth_date"))).select(
            "voter_id", reason=pl.lit("iin_birth_date"),
            detail=pl.format("IIN {} encodes {}, born {}", "iin", "encoded", "birth_date")),
        r.filter(pl.col("valid") & pl.col("sex").is_in(["M", "F"]) & (pl.col("iin_sex") != pl.col("sex"))).select(
            "voter_id", reason=pl.lit("iin_sex"), detail=pl.format("IIN {} encodes sex {}, recorded {}", "iin", "iin_sex", "sex")),
    ]
    crowded = crowded_addresses(register, stations)
    if len(crowded):
        flags.append(register.join(crowded, on=["station", "address"]).select(
            "voter_id", reason=pl.lit("crowded_address"),
            detail=pl.format("{} voters at this address (district norm {})", "voters", "norm")))
    return pl.concat([f.with_columns(pl.col("detail").cast(pl.String)) for f in flags]).sort("voter_id", "reason")


def crowded_addresses(register: pl.DataFrame, stations: pl.DataFrame) -> pl.DataFrame:
    """Addresses with more voters than the district's norm allows: ``station``, ``address``, ``voters``, ``norm``."""
    # counted by a 64-bit hash of station and address (grouping 9 million pairs of strings took
    # 1.4 GB); the few addresses over the norm are then counted again by their text, so a
    # collision of two hashes cannot make an address crowded
    keyed = register.drop_nulls("address").select("station", "address", h=pl.struct("station", "address").hash())
    per = (keyed.group_by("h").agg(voters=pl.len(), station=pl.col("station").first())
           .join(stations.select(pl.col("code").alias("station"), "district_code"), on="station", how="left"))
    norm = per.group_by("district_code").agg(norm=pl.col("voters").quantile(0.99, "higher"))
    per = per.join(norm, on="district_code", how="left")
    over = per.filter((pl.col("voters") > CROWDED_MIN) & (pl.col("voters") > CROWDED_FACTOR * pl.col("norm")))
    exact = (keyed.join(over.select("h", "norm"), on="h").group_by("station", "address")
             .agg(voters=pl.len(), norm=pl.col("norm").first()))
    return exact.filter((pl.col("voters") > CROWDED_MIN) & (pl.col("voters") > CROWDED_FACTOR * pl.col("norm"))).select(
        "station", "address", pl.col("voters").cast(pl.UInt32), pl.col("norm").cast(pl.Int64)).sort(
        "voters", "station", "address", descending=[True, False, False])


def growth(previous: pl.DataFrame, current: pl.DataFrame, stations: pl.DataFrame, level: str = "district_code") -> pl.DataFrame:
    """Voters before and now by unit, growth, its excess over the national rate
    and a robust z-score (median and MAD across units); ``outlier`` when
    z >= GROWTH_Z and the excess is at least GROWTH_EXCESS; ranked by z."""
    st = stations.select(pl.col("code").alias("station"), "district_code", "region_code")
    now = current.select("station").join(st, on="station", how="left").group_by(level).len("now")
    before = previous.select("station").join(st, on="station", how="left").group_by(level).len("before")
    g = now.join(before, on=level, how="full", coalesce=True).fill_null(0).with_columns(
        growth=pl.when(pl.col("before") > 0).then(pl.col("now") / pl.col("before") - 1))
    national = len(current) / len(previous) - 1 if len(previous) else 0.0
    values = g["growth"].drop_nulls().to_numpy()
    median = float(np.median(values)) if len(values) else 0.0
    mad = float(np.median(np.abs(values - median))) * 1.4826 if len(values) else 0.0
    mad = mad or 1e-9
    g = g.with_columns(national=pl.lit(national), excess=pl.col("growth") - national,
                       z=(pl.col("growth") - median) / mad)
    return g.with_columns(outlier=(pl.col("z") >= GROWTH_Z) & (pl.col("excess") >= GROWTH_EXCESS)).sort(
        "z", descending=True, nulls_last=True)


def population_ratio(current: pl.DataFrame, stations: pl.DataFrame, population: pl.DataFrame) -> pl.DataFrame:
    """Registered voters per district over its adult population, highest first; ``over`` when above 1."""
    st = stations.select(pl.col("code").alias("station"), "district_code")
    reg = current.select("station").join(st, on="station", how="left").group_by("district_code").len("registered")
    out = reg.join(population, on="district_code", how="left").with_columns(
        ratio=pl.col("registered") / pl.col("adults"))
    return out.with_columns(over=pl.col("ratio") > 1.0).sort("ratio", descending=True, nulls_last=True)


def deceased(current: pl.DataFrame, deaths: pl.DataFrame) -> pl.DataFrame:
    """Voters whose IIN is on the deaths list (and whether the birth date agrees)."""
    d = deaths.select("iin", pl.col("birth_date").alias("death_birth"), "date_of_death").unique("iin")
    return current.join(d, on="iin").select(
        "voter_id", "iin", "station", "date_of_death",
        birth_agrees=(pl.col("birth_date") == pl.col("death_birth"))).sort("voter_id")


def special_on_home(current: pl.DataFrame, stations: pl.DataFrame) -> pl.DataFrame:
    """Records at a regular station of a voter who is also on a special station's list
    (the same IIN and birth date, and the same surname or given name by key):
    ``voter_id`` (the home-list record), ``special_voter_id``, ``iin``, the two stations.
    A shared IIN with another name is a different finding (an IIN written wrongly),
    left to deduplication."""
    kinds = stations.select(pl.col("code").alias("station"), "kind")
    r = (current.select("voter_id", "iin", "station", "birth_date", "surname", "given_name").drop_nulls("iin")
         .join(kinds, on="station", how="left"))
    special = r.filter(pl.col("kind") == "special")
    home = r.filter(pl.col("kind") != "special").join(special.select("iin"), on="iin", how="semi")
    special = special.join(home.select("iin"), on="iin", how="semi")
    keyed = names.with_keys(pl.concat([special, home]).with_columns(patronymic=pl.lit(None, pl.String)))
    keys = keyed.select("voter_id", "surname_key", "given_key")
    special = special.join(keys, on="voter_id").select(
        pl.col("voter_id").alias("special_voter_id"), "iin", pl.col("station").alias("special_station"),
        pl.col("birth_date").alias("special_birth"), pl.col("surname_key").alias("s_key"),
        pl.col("given_key").alias("g_key"))
    home = home.join(keys, on="voter_id")
    pairs = home.join(special, on="iin").filter(
        (pl.col("birth_date") == pl.col("special_birth"))
        & ((pl.col("surname_key") == pl.col("s_key")) | (pl.col("given_key") == pl.col("g_key"))))
    return pairs.select("voter_id", "special_voter_id", "iin", "station", "special_station").sort("voter_id")

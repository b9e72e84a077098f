"""Field audits of the register: seeded samples and error rates with 95 %
intervals that account for the clustered sample.

*List to people*: entries drawn from the register are visited at their
address; an entry is an error when the voter is unknown there or has died.

*People to list*: at stations drawn the same way, enumerators start a random
walk at a seeded address of the station's area and interview the adults they
meet; each person is looked up in the register (:func:`look_up`, through the
register's matcher :mod:`saylau.registry.core.matching`) and is an error when not on
the list at all, or listed at another station. The sample is two-stage: stations drawn with probability
proportional to size (systematic PPS, seeded), then the same number of
entries at each, so that every entry has the same chance and the estimate
is the plain share. Its variance is that of a ratio estimator over clusters
(stations are the primary units):

    p = sum(y_i) / sum(n_i),
    var(p) = k / (k - 1) * sum((y_i - p n_i)^2) / (sum n_i)^2,

with k stations, y_i errors among n_i entries at station i; the interval is
p +/- t(k-1, 0.975) * sqrt(var) (Kish, *Survey Sampling*, 1965, §6.3 and
§6.4; Cochran, *Sampling Techniques*, 1977, §11.8). The design effect is
that variance over the simple random sample's p(1-p)/n.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl
from scipy import stats

OUTCOMES = ("found", "unknown_at_address", "deceased")
ERRORS = ("unknown_at_address", "deceased")
P2L_OUTCOMES = ("listed_here", "listed_elsewhere", "not_listed")
P2L_ERRORS = ("listed_elsewhere", "not_listed")


@dataclass(frozen=True)
class Estimate:
    errors: int
    sampled: int
    clusters: int
    rate: float
    low: float
    high: float
    design_effect: float


def pps_stations(sizes: pl.DataFrame, n_clusters: int, seed: int) -> list[str]:
    """Systematic PPS draw of ``n_clusters`` stations from ``sizes`` (``station``, ``voters``), seeded."""
    s = sizes.sort("station")
    cum = np.cumsum(s["voters"].to_numpy())
    total = cum[-1]
    step = total / n_clusters
    start = np.random.default_rng(seed).uniform(0, step)
    points = start + step * np.arange(n_clusters)
    idx = np.searchsorted(cum, points, side="right")
    return s["station"].to_numpy()[np.unique(idx)].tolist()


def list_to_people_sample(register: pl.DataFrame, *, clusters: int = 100, per_cluster: int = 10,
                          seed: int = 16) -> pl.DataFrame:
    """The entries to visit: ``voter_id``, ``station``, ``address`` (seeded; the same seed, the same sample)."""
    sizes = register.group_by("station").len("voters").filter(pl.col("voters") >= per_cluster)
    chosen = pps_stations(sizes, clusters, seed)
    pool = register.filter(pl.col("station").is_in(chosen)).sort("voter_id")
    key = np.random.default_rng(seed + 1).random(len(pool))
    return (pool.with_columns(_k=pl.Series(key)).with_columns(_r=pl.col("_k").rank("ordinal").over("station"))
            .filter(pl.col("_r") <= per_cluster).select("voter_id", "station", "address")
            .sort("station", "voter_id"))


def people_to_list_sample(register: pl.DataFrame, *, clusters: int = 100, per_cluster: int = 10,
                          seed: int = 16) -> pl.DataFrame:
    """The interviews to make: ``station``, ``interview`` (1..per_cluster) and the
    ``start_address`` of the random walk (a register address of the station, seeded).
    Stations are drawn by systematic PPS with another stream than the list-to-people
    sample's, so the two audits visit different places."""
    sizes = register.group_by("station").len("voters").filter(pl.col("voters") >= per_cluster)
    chosen = pps_stations(sizes, clusters, seed + 2)
    pool = register.filter(pl.col("station").is_in(chosen)).select("station", "address").drop_nulls().unique()
    pool = pool.sort("station", "address")
    key = np.random.default_rng(seed + 3).random(len(pool))
    start = (pool.with_columns(_k=pl.Series(key)).sort("station", "_k").group_by("station", maintain_order=True)
             .first().select("station", pl.col("address").alias("start_address")))
    return (start.join(pl.DataFrame({"interview": np.arange(1, per_cluster + 1)}), how="cross")
            .select("station", "interview", "start_address").sort("station", "interview"))


def look_up(people: pl.DataFrame, register: pl.DataFrame) -> pl.DataFrame:
    """Each person met in the field (``station``, ``surname``, ``given_name``,
    ``patronymic``, ``birth_date``, ``iin`` or null) with ``outcome``: listed at
    this station, listed at another, or not listed. A person is on the list when
    the register's matcher (:mod:`saylau.registry.core.matching`: by IIN with a
    name that agrees, or by the names across scripts, endings and typos and the
    birth date) finds an entry; listed here when any entry found is at this station."""
    from saylau.registry.core import matching

    hits = matching.candidates(people, register, keep=("station",)).rename({"station": "_at"})
    rows = people.select(pl.col("station")).with_row_index("row")
    here = hits.join(rows, on="row").group_by("row").agg(here=(pl.col("_at") == pl.col("station")).any())
    out = rows.join(here, on="row", how="left", maintain_order="left").with_columns(
        outcome=pl.when(pl.col("here")).then(pl.lit("listed_here"))
        .when(pl.col("here").is_not_null()).then(pl.lit("listed_elsewhere")).otherwise(pl.lit("not_listed")))
    return people.with_columns(outcome=out["outcome"])


def estimates(answers: pl.DataFrame, errors: tuple[str, ...], *, outcome: str = "outcome",
              cluster: str = "station") -> dict[str, Estimate]:
    """One estimate per error outcome and one for any of them (``"any"``), each
    with its clustered interval (:func:`estimate`)."""
    out = {}
    for name in errors:
        out[name] = estimate(answers.with_columns(error=pl.col(outcome) == name), cluster=cluster)
    out["any"] = estimate(answers.with_columns(error=pl.col(outcome).is_in(list(errors))), cluster=cluster)
    return out


def estimate(answers: pl.DataFrame, *, error: str = "error", cluster: str = "station", level: float = 0.95) -> Estimate:
    """The error rate of a clustered sample with its interval (see the module)."""
    per = answers.group_by(cluster).agg(y=pl.col(error).cast(pl.Int64).sum(), n=pl.len())
    y = per["y"].to_numpy().astype(float)
    n = per["n"].to_numpy().astype(float)
    k = len(per)
    total = n.sum()
    p = y.sum() / total if total else 0.0
    if k < 2:
        return Estimate(int(y.sum()), int(total), k, float(p), float("nan"), float("nan"), float("nan"))
    var = k / (k - 1) * ((y - p * n) ** 2).sum() / total ** 2
    t = stats.t.ppf(0.5 + level / 2, k - 1)
    half = t * np.sqrt(var)
    srs = p * (1 - p) / total
    deff = var / srs if srs > 0 else float("nan")
    return Estimate(int(y.sum()), int(total), k, float(p), float(max(0.0, p - half)), float(min(1.0, p + half)),
                    float(deff))


def answers_from_truth(sample: pl.DataFrame, *, deceased: set[str], fictitious: set[str], moved: set[str],
                       seed: int = 16, not_home: float = 0.0) -> pl.DataFrame:
    """Simulated field answers for a list-to-people sample: what an enumerator finds, drawn from the truth."""
    ids = sample["voter_id"].to_list()
    outcome = ["deceased" if v in deceased else "unknown_at_address" if (v in fictitious or v in moved) else "found"
               for v in ids]
    out = sample.with_columns(outcome=pl.Series(outcome, dtype=pl.String))
    return out.with_columns(error=pl.col("outcome").is_in(list(ERRORS)))


def people_met(sample: pl.DataFrame, residents: pl.DataFrame, *, seed: int = 16) -> pl.DataFrame:
    """Simulated interviews of a people-to-list sample: at each station, as many
    adults as the sample has interviews, drawn at random from the station's
    ``residents`` (the simulation's truth: ``station``, ``surname``,
    ``given_name``, ``patronymic``, ``birth_date``, ``iin``; listed or not). The
    person gives the IIN or not (half do)."""
    rng = np.random.default_rng(seed + 4)
    per = sample.group_by("station").len("k")
    pool = residents.join(per, on="station").sort("station", "iin", "surname", "given_name", nulls_last=True)
    pool = pool.with_columns(_k=pl.Series(rng.random(len(pool)))).with_columns(
        _r=pl.col("_k").rank("ordinal").over("station"))
    met = pool.filter(pl.col("_r") <= pl.col("k")).sort("station", "_r")
    met = met.with_columns(interview=pl.col("_r").cast(pl.Int64), iin=pl.when(pl.Series(rng.random(len(met)) < 0.5))
                           .then(pl.col("iin")).otherwise(None))
    return met.select("station", "interview", "surname", "given_name", "patronymic", "birth_date", "iin")

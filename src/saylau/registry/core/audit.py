"""The whole register audit on frames: deduplication, the checks, and the
figures the statement uses (each with its numerator and denominator).

The inputs are the register's frames (the current snapshot, optionally the
previous (its ``station`` column is all that is read), the stations, the
deaths list and the adult population); the
output, :class:`Outcome`, holds the pairs (matches and the review queue),
the flags (one row per record or unit found), the growth tables and the
findings. Nothing here reads or writes files or the database.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl

from saylau.registry.core import checks, dedupe, fieldaudit


@dataclass(frozen=True)
class Finding:
    key: str
    numerator: int
    denominator: int
    unit: str  # what is counted: "records", "districts", "pairs"
    low: float | None = None
    high: float | None = None

    @property
    def share(self) -> float:
        return self.numerator / self.denominator if self.denominator else 0.0


@dataclass
class Outcome:
    records: int
    pairs: pl.DataFrame  # uid_l, uid_r, match_weight, match_probability, source, status, mw_* parts
    flags: pl.DataFrame  # kind, voter_id, unit_code, detail
    growth_districts: pl.DataFrame | None
    growth_regions: pl.DataFrame | None
    duplicates_by_region: pl.DataFrame
    findings: list[Finding]
    seconds: dict = field(default_factory=dict)
    model: dict = field(default_factory=dict, repr=False)


def run(current: pl.DataFrame, stations: pl.DataFrame, *, election_day: dt.date, previous: pl.DataFrame | None = None,
        deaths: pl.DataFrame | None = None, population: pl.DataFrame | None = None, db_api=None,
        lower: float = dedupe.LOWER, upper: float = dedupe.UPPER,
        progress: Callable[[str], None] | None = None) -> Outcome:
    say = progress or (lambda _s: None)
    t: dict[str, float] = {}
    start = time.perf_counter()
    say("normalising names")
    prepared = dedupe.prepare(current)
    t["prepare"] = time.perf_counter() - start
    result = dedupe.run([prepared], db_api=db_api, lower=lower, progress=say)
    del prepared  # the model's frame (2 GB at 9.2 million voters) is not needed by the checks
    t.update({f"dedupe_{k}": v for k, v in result.seconds.items() if k != "total"})
    mark = time.perf_counter()
    pairs = result.pairs.with_columns(status=dedupe.status_expr(upper))
    say("checking records")
    flag_parts = [checks.implausible(current, stations, election_day).select(
        pl.col("reason").alias("kind"), "voter_id", unit_code=pl.lit(""), detail="detail")]
    dead = None
    if deaths is not None:
        dead = checks.deceased(current, deaths)
        flag_parts.append(dead.select(kind=pl.lit("deceased"), voter_id="voter_id", unit_code=pl.lit(""),
                                      detail=pl.format("died {}", "date_of_death")))
    special = checks.special_on_home(current, stations)
    flag_parts.append(special.select(kind=pl.lit("special_on_home"), voter_id="voter_id", unit_code=pl.lit(""),
                                     detail=pl.format("also {} at special station {}", "special_voter_id", "special_station")))
    growth_d = growth_r = None
    if previous is not None:
        growth_d = checks.growth(previous, current, stations, "district_code")
        growth_r = checks.growth(previous, current, stations, "region_code")
        flag_parts.append(growth_d.filter("outlier").select(
            kind=pl.lit("growth_outlier"), voter_id=pl.lit(""), unit_code="district_code",
            detail=pl.format("{} -> {} voters", "before", "now")))
    over = None
    if population is not None:
        over = checks.population_ratio(current, stations, population)
        flag_parts.append(over.filter("over").select(
            kind=pl.lit("over_population"), voter_id=pl.lit(""), unit_code="district_code",
            detail=pl.format("{} voters, {} adults", "registered", "adults")))
    flags = pl.concat([f.with_columns(pl.all().cast(pl.String)) for f in flag_parts])
    t["checks"] = time.perf_counter() - mark

    # duplicates by region: the region of the first record of each matched pair
    st = stations.select(pl.col("code").alias("station"), "region_code")
    where = current.select(pl.col("voter_id").alias("uid_l"), "station").join(st, on="station", how="left")
    matched = pairs.filter(pl.col("status") == "match")
    by_region = (matched.join(where, on="uid_l", how="left").group_by("region_code").len("duplicate_pairs")
                 .join(current.select("station").join(st, on="station", how="left").group_by("region_code").len("voters"),
                       on="region_code", how="full", coalesce=True).fill_null(0).sort("region_code"))
    n = len(current)
    involved = pl.concat([matched["uid_l"], matched["uid_r"]]).n_unique() if len(matched) else 0
    findings = [
        Finding("duplicate_records", involved, n, "records"),
        Finding("duplicate_pairs", len(matched), n, "records"),
        Finding("review_pairs", int((pairs["status"] == "review").sum()), n, "records"),
        Finding("special_on_home", len(special), n, "records"),
        Finding("implausible", flags.filter(pl.col("kind").is_in(list(checks.REASONS)))["voter_id"].n_unique(), n,
                "records"),
    ]
    if dead is not None:
        findings.append(Finding("deceased", len(dead), n, "records"))
    if growth_d is not None:
        findings.append(Finding("growth_outliers", int(growth_d["outlier"].sum()), len(growth_d), "districts"))
        findings.append(Finding("growth", n - len(previous), len(previous), "records"))
    if over is not None:
        findings.append(Finding("over_population", int(over["over"].sum()), len(over), "districts"))
    t["total"] = time.perf_counter() - start
    return Outcome(n, pairs, flags, growth_d, growth_r, by_region, findings, t, result.model)


def field_findings(list_to_people: pl.DataFrame | None, people_to_list: pl.DataFrame | None,
                   register: pl.DataFrame) -> list[Finding]:
    """The field audits' error rates, each with its 95 % interval over the clustered
    sample (:mod:`saylau.registry.core.fieldaudit`). ``list_to_people``: ``station``,
    ``voter_id``, ``outcome``; ``people_to_list``: ``station`` and the person as met
    (``surname``, ``given_name``, ``patronymic``, ``birth_date``, ``iin``), looked up
    in ``register`` here. An audit with fewer than two stations answered gives nothing."""
    out: list[Finding] = []
    parts = []
    if list_to_people is not None and list_to_people["station"].n_unique() >= 2:
        parts.append(("field_l2p", list_to_people, fieldaudit.ERRORS, "entries"))
    if people_to_list is not None and people_to_list["station"].n_unique() >= 2:
        parts.append(("field_p2l", fieldaudit.look_up(people_to_list, register), fieldaudit.P2L_ERRORS, "people"))
    for prefix, answers, errors, unit in parts:
        for name, e in fieldaudit.estimates(answers, errors).items():
            out.append(Finding(f"{prefix}_{name}", e.errors, e.sampled, unit, e.low, e.high))
    return out

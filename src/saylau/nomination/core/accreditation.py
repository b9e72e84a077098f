"""Accreditation of candidates' proxies, domestic and international observers and media:
limits as data, each filing validated, badges numbered, counts per candidate and region.

A filing is a row with ``accreditation_id``, ``kind`` (codes of
:data:`labels.ACCREDITATION_KIND`), ``full_name``, ``iin`` (may be null),
``nominee`` (a proxy's candidate), ``party`` and ``organisation`` (who
nominated a domestic observer; an outlet; the mission), ``state``,
``station_code``, ``region_code`` and ``filed_on``.

:func:`validate` takes the filings **in the order filed** (``filed_on``, then
``accreditation_id``) and gives each one ``accredited`` or ``refused`` with one
reason of :data:`labels.REFUSAL`, the first that applies, in this order:

``missing_field``
    no name; a proxy without a candidate or a polling station; an international
    observer without a state; media without an outlet.
``not_a_candidate``
    a proxy of someone who is not a registered candidate (when ``candidates`` is given).
``no_nominator``
    a domestic observer that no party or public association nominated.
``not_a_voter``
    a proxy or domestic observer whose IIN is not on the register (when ``voters`` is given).
``duplicate``
    the same person (IIN, or the name when there is no IIN) already accredited
    in the same kind: the earlier filing stands.
``over_limit``
    a proxy beyond ``Limits.proxies_per_station`` for the same candidate at the
    same station: the first filed are accredited, the later ones refused (a
    refused filing takes no place). The same for domestic observers of one
    nominating organisation when ``Limits.observers_per_station`` is set.

Accredited filings get a badge number, ``<PREFIX>-<n>`` numbered in the order
filed within each kind.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from saylau.nomination.core.labels import REFUSAL

__all__ = ["BADGE_PREFIX", "COLUMNS", "KINDS", "KZ_2011", "Limits", "REFUSAL", "by_candidate", "by_kind", "by_region",
           "refusals", "validate"]
KINDS = ("proxy", "domestic_observer", "international_observer", "media")
BADGE_PREFIX = {"proxy": "PR", "domestic_observer": "DO", "international_observer": "IO", "media": "MD"}
COLUMNS = ("accreditation_id", "kind", "full_name", "iin", "nominee", "party", "organisation", "state",
           "station_code", "region_code", "filed_on")


@dataclass(frozen=True)
class Limits:
    proxies_per_station: int = 3  # per candidate per polling station (SYNOPSIS §4)
    observers_per_station: int | None = None  # per nominating organisation per station; None: no limit


KZ_2011 = Limits()


def _blank(column: str) -> pl.Expr:
    return pl.col(column).is_null() | (pl.col(column).cast(pl.String).str.strip_chars() == "")


def validate(frame: pl.DataFrame, limits: Limits = KZ_2011, *, candidates=None, voters=None) -> pl.DataFrame:
    """``frame`` with ``status``, ``refusal`` (null when accredited) and ``badge`` (null when refused), in
    its own row order. ``candidates``: the registered candidates' codes (proxies of others are refused);
    ``voters``: the register's IINs (proxies and domestic observers not on it are refused)."""
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"accreditation filings lack the column(s) {', '.join(missing)}")
    unknown = sorted(set(frame["kind"].drop_nulls().unique().to_list()) - set(KINDS))
    if unknown:
        raise ValueError(f"unknown kind(s) {', '.join(unknown)}: expected one of {', '.join(KINDS)}")
    f = frame.with_row_index("_row").sort("filed_on", "accreditation_id", nulls_last=True)
    kind = pl.col("kind")
    person = pl.when(_blank("iin")).then(pl.lit("name:") + pl.col("full_name").str.to_lowercase()
                                         .str.replace_all(r"\s+", " ").str.strip_chars()).otherwise(pl.col("iin"))
    rules = [
        ("missing_field", _blank("full_name") | kind.is_null()
         | ((kind == "proxy") & (_blank("nominee") | _blank("station_code")))
         | ((kind == "international_observer") & _blank("state"))
         | ((kind == "media") & _blank("organisation"))),
        ("not_a_candidate", (kind == "proxy") & ~pl.col("nominee").is_in(list(candidates))
         if candidates is not None else pl.lit(False)),
        ("no_nominator", (kind == "domestic_observer") & _blank("party") & _blank("organisation")),
        ("not_a_voter", kind.is_in(["proxy", "domestic_observer"])
         & (_blank("iin") | ~pl.col("iin").is_in(list(voters))) if voters is not None else pl.lit(False)),
    ]
    refusal = pl.lit(None, pl.String)
    for code, cond in reversed(rules):
        refusal = pl.when(cond).then(pl.lit(code)).otherwise(refusal)
    f = f.with_columns(refusal=refusal, _person=person)
    # duplicates: among the filings not refused so far, a person's second and later filings of a kind
    ok = pl.col("refusal").is_null()
    f = f.with_columns(_n=pl.when(ok).then(pl.int_range(pl.len()).over(["kind", "_person", "refusal"])))
    f = f.with_columns(refusal=pl.when(ok & (pl.col("_n") > 0)).then(pl.lit("duplicate")).otherwise("refusal"))
    # limits: places taken in the order filed by the filings still standing
    ok = pl.col("refusal").is_null()
    org = pl.coalesce(pl.when(~_blank("party")).then(pl.col("party")), pl.col("organisation"))
    place = pl.when(ok).then(pl.int_range(pl.len()).over(["kind", "nominee", "station_code", "refusal"]))
    f = f.with_columns(_place=place, _place_obs=pl.when(ok).then(
        pl.int_range(pl.len()).over(["kind", org, "station_code", "refusal"])))
    over = (kind == "proxy") & (pl.col("_place") >= limits.proxies_per_station)
    if limits.observers_per_station is not None:
        over = over | ((kind == "domestic_observer") & ~_blank("station_code")
                       & (pl.col("_place_obs") >= limits.observers_per_station))
    f = f.with_columns(refusal=pl.when(ok & over).then(pl.lit("over_limit")).otherwise("refusal"))
    ok = pl.col("refusal").is_null()
    f = f.with_columns(status=pl.when(ok).then(pl.lit("accredited")).otherwise(pl.lit("refused")))
    f = f.with_columns(_badge_no=pl.when(ok).then(pl.int_range(1, pl.len() + 1).over(["kind", "status"])))
    f = f.with_columns(badge=pl.when(ok).then(pl.format(
        "{}-{}", kind.replace_strict(BADGE_PREFIX, default=""), pl.col("_badge_no").cast(pl.String).str.zfill(6))))
    return f.sort("_row").drop("_row", "_person", "_n", "_place", "_place_obs", "_badge_no")


def by_candidate(validated: pl.DataFrame) -> pl.DataFrame:
    """Proxies per candidate: ``nominee``, ``accredited``, ``refused``."""
    return _count(validated.filter(pl.col("kind") == "proxy"), ["nominee"])


def by_region(validated: pl.DataFrame) -> pl.DataFrame:
    """Filings per region and kind: ``region_code``, ``kind``, ``accredited``, ``refused``."""
    return _count(validated, ["region_code", "kind"])


def by_kind(validated: pl.DataFrame) -> pl.DataFrame:
    return _count(validated, ["kind"])


def refusals(validated: pl.DataFrame) -> pl.DataFrame:
    """Refused filings per kind and reason: ``kind``, ``refusal``, ``filings``."""
    return (validated.filter(pl.col("status") == "refused").group_by("kind", "refusal").len("filings")
            .sort("kind", "refusal"))


def _count(frame: pl.DataFrame, by: list[str]) -> pl.DataFrame:
    return (frame.group_by(by).agg(accredited=(pl.col("status") == "accredited").sum().cast(pl.Int64),
                                   refused=(pl.col("status") == "refused").sum().cast(pl.Int64))
            .sort(by, nulls_last=True))

"""The accreditation registry: applications imported in bulk and validated against the
limits (:func:`saylau.nomination.core.accreditation.validate`), badges numbered, and
an accreditation revoked; one ledger entry per row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
from django.db import transaction

from saylau import db
from saylau.core.actors import Actor
from saylau.core.tabular import MAX_ERRORS, CellError, TableError
from saylau.geography.choices import UnitLevel
from saylau.geography.core.states import state
from saylau.geography.models import Election, Party, Unit
from saylau.ledger.services import record_many
from saylau.nomination import selectors
from saylau.nomination.choices import AccreditationKind, AccreditationStatus
from saylau.nomination.core import states
from saylau.nomination.models import Accreditation, Nominee
from saylau.nomination.writes import NominationError, new_ids, updated, write_created

COLUMNS = ("reference", "kind", "full_name", "iin", "role", "nominee", "party", "organisation", "state",
           "station_code", "region_code", "filed_on", "observer")
#: the filings accredited before, in a validation: filed before any new one, so they keep their places
EARLIER = dt.date(1, 1, 1)


def _codes(frame: pl.DataFrame, column: str, known, expected: str) -> list[CellError]:
    bad = frame.filter((pl.col(column) != "") & ~pl.col(column).is_in(list(known))).select("row", column)
    return [CellError(int(r), column, expected, v) for r, v in bad.head(MAX_ERRORS).iter_rows()]


def _station_regions(election: Election) -> dict[str, str]:
    return {code: path.split("/")[1] for code, path in
            Unit.objects.filter(election=election, level=UnitLevel.STATION).values_list("code", "path")
            if path.count("/") >= 1}


def _filings(frame: pl.DataFrame) -> pl.DataFrame:
    """The filings as validate reads them: ``accreditation_id`` the order they came in."""
    return frame.select(pl.col("_order").cast(pl.Utf8).str.zfill(12).alias("accreditation_id"), "kind", "full_name",
                        *[pl.col(c).replace("", None) for c in ("iin", "nominee", "party", "organisation", "state",
                                                                "station_code", "region_code")],
                        pl.col("filed_on").cast(pl.Date))


def import_accreditations(*, actor: Actor, election: Election, applications: pl.DataFrame | None = None,
                          path: str | Path | None = None, limits=None, voters: set[str] | None = None,
                          source: str = "") -> dict[str, int]:
    """Applications for accreditation (a file, :func:`saylau.nomination.importing.read_accreditations`, or a
    frame of its columns), validated against ``limits`` (:data:`saylau.nomination.core.accreditation.KZ_2011`
    by default) together with those accredited before, which keep their places
    (:func:`saylau.nomination.core.accreditation.validate`: in the order filed; proxies only of registered
    candidates; with ``voters``, the register's IINs, proxies and domestic observers must be voters). Each is
    accredited, with a badge numbered on from the election's, or refused with its reason. A reference that
    names nothing (a nominee, party, station or observer unknown) refuses the whole file, by row and column.
    Returns how many were ``accredited`` and ``refused``."""
    from saylau.nomination import importing
    from saylau.nomination.core import accreditation as rules

    kinds = tuple(AccreditationKind.values)
    if path is not None:
        applications = importing.read_accreditations(path, kinds=kinds)
        source = source or Path(path).name
    if applications is None or applications.is_empty():
        raise NominationError("no applications: give a file or a frame with at least one row")
    source = source or "frame"
    limits = limits or rules.KZ_2011
    frame = applications
    if "row" not in frame.columns:
        frame = frame.with_row_index("row", offset=2).with_columns(pl.col("row").cast(pl.Int64))
    frame = frame.with_columns([pl.lit("").alias(c) for c in COLUMNS if c not in frame.columns and c != "filed_on"]
                               + ([pl.lit(None, pl.Date).alias("filed_on")] if "filed_on" not in frame.columns else []))
    frame = frame.with_columns([pl.col(c).cast(pl.Utf8).fill_null("") for c in COLUMNS if c != "filed_on"])
    nominees = dict(Nominee.objects.filter(election=election).values_list("code", "pk"))
    parties = dict(Party.objects.filter(election=election).values_list("code", "pk"))
    from saylau.observation.models import Observer

    observers = dict(Observer.objects.filter(election=election).values_list("code", "pk"))
    stations = _station_regions(election)
    problems = _codes(frame, "nominee", nominees, f"a nominee of {election.slug}")
    problems += _codes(frame, "party", parties, f"a party of {election.slug}")
    problems += _codes(frame, "observer", observers, f"an observer of the mission in {election.slug}")
    if stations:
        problems += _codes(frame, "station_code", stations, f"a polling station of {election.slug}")
    problems += [CellError(int(r), "kind", "one of " + ", ".join(kinds), str(v)) for r, v in
                 frame.filter(~pl.col("kind").is_in(list(kinds))).select("row", "kind").head(MAX_ERRORS).iter_rows()]
    if problems:
        raise TableError(source, sorted(problems, key=lambda e: (e.row, e.column))[:MAX_ERRORS])
    frame = frame.with_columns(region_code=pl.when(pl.col("region_code") == "")
                               .then(pl.col("station_code").replace_strict(stations, default=""))
                               .otherwise(pl.col("region_code")))
    registered = set(Nominee.objects.filter(election=election, status="registered").values_list("code", flat=True))
    with transaction.atomic():
        db.lock_table(Accreditation._meta.db_table)
        before = selectors.accreditation_frame(election).filter(pl.col("status") == "accredited")
        earlier = before.select(*[pl.col(c) if c in before.columns else pl.lit("").alias(c)
                                  for c in COLUMNS if c != "filed_on"],
                                filed_on=pl.lit(EARLIER, pl.Date)).with_columns(pl.col(pl.Utf8).fill_null(""))
        both = pl.concat([earlier.select(*COLUMNS), frame.select(*COLUMNS)], how="vertical_relaxed")
        both = both.with_row_index("_order")
        judged = rules.validate(_filings(both), limits, candidates=registered, voters=voters).tail(frame.height)
        frame = frame.with_columns(status=judged["status"], refusal=judged["refusal"].fill_null(""))
        frame = frame.with_columns(id=new_ids(Accreditation, frame.height))
        frame = _badges(election, frame, rules.BADGE_PREFIX)
        frame = frame.with_columns(
            election_id=pl.lit(election.pk, pl.Int64),
            nominee_id=pl.col("nominee").replace_strict(nominees, default=None, return_dtype=pl.Int64),
            party_id=pl.col("party").replace_strict(parties, default=None, return_dtype=pl.Int64),
            observer_id=pl.col("observer").replace_strict(observers, default=None, return_dtype=pl.Int64),
            filed_on=pl.col("filed_on").cast(pl.Date))
        write_created(actor, [(Accreditation, states.ACCREDITATION,
                               frame.select(["id", *[f.column for f in states.ACCREDITATION.fields]]),
                               pl.concat_str([pl.col("badge"), pl.lit(" "), pl.col("full_name")]))],
                      reason=f"imported from {source}")
    counts = dict(frame.group_by("status").len().iter_rows())
    why = dict(frame.filter(pl.col("status") == "refused").group_by("refusal").len().sort("refusal").iter_rows())
    return {"accredited": counts.get("accredited", 0), "refused": counts.get("refused", 0), "refusals": why}


def _badges(election: Election, frame: pl.DataFrame, prefixes: dict[str, str]) -> pl.DataFrame:
    """Badge numbers for the accredited rows: the kind's prefix and a number continuing the kind's in the election."""
    used: dict[str, int] = {}
    for badge in Accreditation.objects.filter(election=election).exclude(badge="").values_list("badge", flat=True):
        head, _, number = badge.rpartition("-")
        if number.isdigit():
            used[head] = max(used.get(head, 0), int(number))
    accredited = pl.col("status") == "accredited"
    prefix = pl.col("kind").replace_strict(prefixes, default="X")
    start = prefix.replace_strict({p: used.get(p, 0) for p in prefixes.values()}, default=0, return_dtype=pl.Int64)
    number = accredited.cast(pl.Int64).cum_sum().over("kind") + start
    return frame.with_columns(badge=pl.when(accredited).then(
        pl.format("{}-{}", prefix, number.cast(pl.Utf8).str.zfill(6))).otherwise(pl.lit("")))


def revoke_accreditation(*, actor: Actor, accreditation: Accreditation, reason: str) -> Accreditation:
    """Withdraw an accreditation (the badge stays on record, its status ``revoked``); the reason is recorded."""
    if not reason:
        raise NominationError("say why the accreditation is revoked")
    with transaction.atomic():
        obj = Accreditation.objects.select_for_update().get(pk=accreditation.pk)
        if obj.status != AccreditationStatus.ACCREDITED:
            raise NominationError(f"{obj.badge or obj.full_name} is {obj.status}: only an accreditation can be revoked")
        before = state(states.ACCREDITATION, obj)
        obj.status = AccreditationStatus.REVOKED
        obj.save(update_fields=["status"])
        record_many(actor=actor, events=[updated(states.ACCREDITATION, obj, before, reason=reason)])
    return obj

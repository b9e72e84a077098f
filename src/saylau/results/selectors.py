"""Permission-aware reads of the results chain.

Anyone may read published per-station results and the official totals;
protocols of every source, quarantine and discrepancies need a signed-in
user with ``results.view_protocol`` (staff and superusers have it).
"""

from __future__ import annotations

import polars as pl
from django.db.models import Exists, OuterRef, QuerySet

from saylau.geography.models import Election
from saylau.results import frames
from saylau.results.choices import LINES
from saylau.results.models import (
    CheckRun,
    Discrepancy,
    Protocol,
    Publication,
    Quarantine,
    TabulationRun,
)

SOURCES = ("official", "pec", "entered", "observer")


def can_view_all(user) -> bool:
    """Staff, holders of ``results.view_protocol`` and the analyst roles see every protocol."""
    from saylau.observation.selectors import can_see_all

    return bool(user and user.is_authenticated and (user.has_perm("results.view_protocol") or can_see_all(user)))


def current_protocols(election: Election) -> QuerySet[Protocol]:
    newer = Protocol.objects.filter(supersedes=OuterRef("pk"))
    return Protocol.objects.filter(election=election).exclude(Exists(newer))


def visible_protocols(user, election: Election) -> QuerySet[Protocol]:
    """Current protocols the user may read (none for the public: use published results)."""
    qs = current_protocols(election).select_related("unit")
    return qs if can_view_all(user) else qs.none()


def protocol_history(protocol: Protocol) -> list[Protocol]:
    """Every version of the protocol's unit, tier and source, oldest first."""
    return list(Protocol.objects.filter(unit_id=protocol.unit_id, tier=protocol.tier, source=protocol.source)
                .select_related("correction__decision").order_by("version"))


def latest_publication(election: Election) -> Publication | None:
    return Publication.objects.filter(election=election).first()


def published_stations(election: Election) -> pl.DataFrame:
    """Per-station results as last published (empty before any publication)."""
    from saylau.results.services.publishing import station_table

    publication = latest_publication(election)
    if publication is None:
        return station_table(election).head(0)
    return station_table(election, publication.until)


def _figures(frame: pl.DataFrame, source: str) -> pl.DataFrame:
    if source == "official":
        return frames.station_figures(frame)
    if source == "pec":
        return frames.pick(frame, "PEC", "official")
    if source == "entered":
        return frames.pick(frame, "DEC", "entered")
    if source == "observer":
        return frames.pick(frame, "PEC", "observer")
    raise ValueError(f"unknown source {source!r}; one of {', '.join(SOURCES)}")


def totals(election: Election, source: str = "official") -> dict:
    """Sums over the stations of one source.

    ``official``: the figures the results system holds (DEC-entered where
    entered, else the PEC protocol); ``pec``: PEC protocols as signed;
    ``entered``; ``observer``: observers' copies. Returns ``stations``,
    ``registered``, ``issued`` (in station + mobile + early), ``valid``,
    ``invalid``, ``votes`` (candidate number -> votes) and ``turnout``
    (issued / registered, None without registered voters).
    """
    frame, k = frames.protocols(election)
    figures = _figures(frame, source)
    total = {c: int(figures[c].fill_null(0).sum()) for c in [*LINES, *frames.vote_columns(k)]}
    issued = total["issued_in_station"] + total["issued_mobile"] + total["issued_early"]
    return {
        "source": source, "stations": figures.height, "registered": total["registered"], "issued": issued,
        "valid": total["valid"], "invalid": total["invalid"],
        "votes": {i: total[f"votes_{i}"] for i in range(1, k + 1)},
        "turnout": issued / total["registered"] if total["registered"] else None,
    }


def publication_status(election: Election) -> dict:
    """Protocols received and published so far, first and last arrival (UTC)."""
    frame, _ = frames.protocols(election)
    figures = frames.station_figures(frame)
    arrived = figures.filter(pl.col("received_at").is_not_null())["received_at"]
    publication = latest_publication(election)
    published = 0
    if publication is not None:
        stamp = publication.until.strftime("%Y-%m-%dT%H:%M:%SZ")
        published = int((arrived <= stamp).sum())
    stations = frames.units(election).filter(pl.col("level") == 3).height
    return {
        "stations": stations, "protocols_received": arrived.len(), "protocols_published": published,
        "first_arrival": arrived.min(), "last_arrival": arrived.max(),
        "last_publication": publication.created_at if publication else None,
    }


def latest_check(election: Election) -> CheckRun | None:
    return CheckRun.objects.filter(election=election).first()


def quarantined(user, election: Election) -> QuerySet[Quarantine]:
    run = latest_check(election)
    if run is None or not can_view_all(user):
        return Quarantine.objects.none()
    return run.quarantines.select_related("protocol__unit")


def latest_tabulation(election: Election) -> TabulationRun | None:
    return TabulationRun.objects.filter(election=election).first()


def discrepancies(user, election: Election, kind: str | None = None) -> QuerySet[Discrepancy]:
    run = latest_tabulation(election)
    if run is None or not can_view_all(user):
        return Discrepancy.objects.none()
    qs = run.discrepancies.select_related("unit")
    return qs.filter(kind=kind) if kind else qs


def quick_count(election: Election, *, source: str = "observer", seed: int | None = None,
                n: int | None = None, confidence: float = 0.95) -> dict:
    """Quick count from the database; see :func:`saylau.results.quickcount_db.run`."""
    from saylau.results.quickcount_db import run

    return run(election, source=source, seed=seed, n=n, confidence=confidence)


def entry_pairs(election: Election) -> list[dict]:
    """Stations whose entries A and B both wait for a supervisor, by station code:
    ``{"unit", "a", "b", "differences": {line: [A, B]}}`` (no differences: they agree)."""
    from saylau.results.choices import ProtocolSource
    from saylau.results.services.entry import differences

    waiting = (Protocol.objects.filter(election=election, source__in=[ProtocolSource.ENTRY_A, ProtocolSource.ENTRY_B],
                                       superseded_by__isnull=True, review_as_a__isnull=True,
                                       review_as_b__isnull=True)
               .select_related("unit", "data_entry__clerk"))
    by_unit: dict[int, dict] = {}
    for p in waiting:
        by_unit.setdefault(p.unit_id, {"unit": p.unit})["a" if p.source == ProtocolSource.ENTRY_A else "b"] = p
    pairs = [{**row, "differences": differences(row["a"], row["b"])}
             for row in by_unit.values() if "a" in row and "b" in row]
    return sorted(pairs, key=lambda row: row["unit"].code)


def entries_waiting_for_b(election: Election) -> int:
    """Stations keyed once (entry A) in their current round."""
    from saylau.results.choices import ProtocolSource

    b_waiting = Protocol.objects.filter(election=election, source=ProtocolSource.ENTRY_B, superseded_by__isnull=True,
                                        review_as_b__isnull=True).values("unit_id")
    return (Protocol.objects.filter(election=election, source=ProtocolSource.ENTRY_A, superseded_by__isnull=True,
                                    review_as_a__isnull=True).exclude(unit_id__in=b_waiting).count())

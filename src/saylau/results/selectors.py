"""Permission-aware reads of the results chain.

Anyone may read published per-station results and the official totals;
protocols of every source, quarantine and discrepancies need a signed-in
user with ``results.view_protocol`` (staff and superusers have it).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import polars as pl
from django.db.models import Count, Exists, OuterRef, QuerySet

from saylau.core import protocol
from saylau.geography.models import Candidate, Election
from saylau.results import frames
from saylau.results.models import (
    CheckRun,
    Discrepancy,
    Protocol,
    ProtocolLine,
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


def station_figures(election: Election, source: str = "official") -> tuple[pl.DataFrame, int]:
    """Per-station figures of one source (see :func:`totals`) with ``votes_1..k``
    columns, and ``k``; one read of the current protocols."""
    frame, k = frames.protocols(election)
    return _figures(frame, source), k


def station_sources(election: Election, *sources: str) -> tuple[dict[str, pl.DataFrame], int]:
    """:func:`station_figures` of several sources from one read of the protocols."""
    frame, k = frames.protocols(election)
    return {source: _figures(frame, source) for source in sources}, k


def totals(election: Election, source: str = "official") -> dict:
    """Sums over the stations of one source (:func:`saylau.core.protocol.totals`).

    ``official``: the figures the results system holds (DEC-entered where
    entered, else the PEC protocol); ``pec``: PEC protocols as signed;
    ``entered``; ``observer``: observers' copies. Returns ``stations``,
    ``registered``, ``issued`` (in station + mobile + early), ``valid``,
    ``invalid``, ``votes`` (candidate number -> votes) and ``turnout``
    (issued / registered, None without registered voters).
    """
    figures, k = station_figures(election, source)
    total = protocol.totals(figures)
    turnout = total.turnout
    return {
        "source": source, "stations": total.stations, "registered": total.registered, "issued": total.issued,
        "valid": total.valid, "invalid": total.invalid,
        "votes": {n: total.votes.get(n, 0) for n in range(1, k + 1)},
        "turnout": None if math.isnan(turnout) else turnout,
    }


def candidates(election: Election) -> list[protocol.CandidateName]:
    """The candidates on the ballot, in ballot order, with their names in en/ru/kk.

    The numbers are those of the protocol template's candidate lines (the
    election's candidates while there is no template). A name is the
    candidate's (geography), else the label the template was imported with;
    a line whose label is only its column or number (a file with ``votes_<n>``
    columns) has no name, and the candidate is shown by the ballot number.
    Two queries.
    """
    people = {c.number: c for c in Candidate.objects.filter(election=election)}
    lines = {n: (code, en, ru, kk) for n, code, en, ru, kk in ProtocolLine.objects.filter(
        template__election=election, candidate_number__isnull=False).values_list(
        "candidate_number", "code", "label_en", "label_ru", "label_kk")}
    out = []
    for number in sorted(lines or people):
        person = people.get(number)
        if person is not None:
            names = {lang: getattr(person, f"name_{lang}") or "" for lang in protocol.LANGS}
        else:
            code, *labels = lines[number]
            names = {lang: label for lang, label in zip(protocol.LANGS, labels, strict=True)
                     if _is_name(label, number)}
        out.append(protocol.CandidateName(number, names))
    return out



def candidate_table(election: Election) -> pl.DataFrame:
    """The candidates of the station tables' vote columns (number, column, names in
    en/ru/kk): the open data's ``candidates`` table."""
    return protocol.candidates_frame(candidates(election))

def _is_name(label: str, number: int) -> bool:
    text = (label or "").strip()
    return bool(text) and text not in (str(number), f"#{number}") and protocol.candidate_number(text) is None


def candidate_labels(election: Election, lang: str = "en") -> dict[str, str]:
    """``{votes_<n>: "<n> <name>"}`` in ``lang`` (the number alone without a name)."""
    return protocol.candidate_labels(candidates(election), lang)


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


def line_checks(election: Election, lines: Mapping[str, int | None]) -> tuple[tuple, list[str]]:
    """The arithmetic checks (:func:`saylau.results.core.checks.check_protocols`,
    with the election's tolerances) on one protocol given as ``{line: value}``
    (``votes_<n>`` included; None for an empty line): ``(failures, rules run)``."""
    from saylau.results.core.checks import check_protocols
    from saylau.results.services.checking import tolerances_of

    data = {c: [float("nan") if v is None else float(v)] for c, v in lines.items()}
    report = check_protocols(data, protocol.vote_columns_in(lines), tolerances=tolerances_of(election))
    return report.failures(0), sorted(report.masks)


def latest_check(election: Election) -> CheckRun | None:
    return CheckRun.objects.filter(election=election).first()


def run_quarantines(run: CheckRun | None) -> QuerySet[Quarantine]:
    """The protocols a check run quarantined, with their units. No permission
    check: :func:`quarantined` is the one for users."""
    if run is None:
        return Quarantine.objects.none()
    return run.quarantines.select_related("protocol__unit")


def quarantined(user, election: Election) -> QuerySet[Quarantine]:
    """The latest check's quarantine, for users who may read every protocol."""
    if not can_view_all(user):
        return Quarantine.objects.none()
    return run_quarantines(latest_check(election))


def latest_tabulation(election: Election) -> TabulationRun | None:
    return TabulationRun.objects.filter(election=election).first()


def run_discrepancies(run: TabulationRun | None, kind: str | None = None) -> QuerySet[Discrepancy]:
    """The discrepancies a tabulation run found, of one ``kind`` or all, with their
    units. No permission check: :func:`discrepancies` is the one for users."""
    if run is None:
        return Discrepancy.objects.none()
    qs = run.discrepancies.select_related("unit")
    return qs.filter(kind=kind) if kind else qs


def discrepancy_counts(run: TabulationRun | None) -> dict[str, int]:
    """Discrepancies of a tabulation run by kind."""
    if run is None:
        return {}
    return dict(run.discrepancies.values_list("kind").annotate(n=Count("id")).order_by())


def discrepancies(user, election: Election, kind: str | None = None) -> QuerySet[Discrepancy]:
    """The latest tabulation's discrepancies, for users who may read every protocol."""
    if not can_view_all(user):
        return Discrepancy.objects.none()
    return run_discrepancies(latest_tabulation(election), kind)


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


def portal_overview(election: Election, lang: str = "en") -> dict:
    """What the public portal shows of the latest publication: the published
    stations (``stations``, as :func:`published_stations`), national totals and
    candidates (:func:`saylau.results.core.published.overview`, shares of
    valid ballots), one row per region with its name in ``lang``, and per
    published station whether its figures fail an arithmetic check
    (``failing``: station code -> rule codes) and whether the district's entry
    differs from the precinct's protocol (``differing``: station code -> lines).
    Protocols that arrived after the publication are not read. One read of the
    protocols and one of the units."""
    from saylau.geography.models import Unit
    from saylau.results.core.checks import as_columns, check_protocols
    from saylau.results.core.published import by_region, differing, overview
    from saylau.results.services.checking import tolerances_of
    from saylau.results.services.publishing import station_rows

    publication = latest_publication(election)
    frame, k = frames.protocols(election)
    units = frames.units(election)
    until = publication.until if publication is not None else None
    stations = station_rows(frame, k, units, until)
    if publication is None:
        stations = stations.head(0)
    names = {code: {"en": en, "ru": ru, "kk": kk} for code, en, ru, kk in Unit.objects.filter(
        election=election, level=1).values_list("code", "name_en", "name_ru", "name_kk")}
    regions = [{**row, "name": (names.get(row["region_code"], {}).get(lang) or names.get(row["region_code"], {})
                                .get("en") or row["region_code"])} for row in by_region(stations).iter_rows(named=True)]
    votes = protocol.vote_columns_in(stations.columns)
    report = check_protocols(as_columns(stations.select(*protocol.LINES, *votes)), votes,
                             tolerances=tolerances_of(election))
    codes = stations["station_code"].to_list()
    failing = {codes[i]: report.codes(i) for i in np.flatnonzero(report.failed)}
    differ: dict[str, list[str]] = {}
    if publication is not None and not stations.is_empty():
        stamp = publication.until.strftime("%Y-%m-%dT%H:%M:%SZ")
        cut = frame.filter(pl.col("received_at").is_null() | (pl.col("received_at") <= stamp))
        station_codes = units.filter(pl.col("level") == 3).select("unit_id", station_code="code")
        found = differing(_figures(cut, "pec"), _figures(cut, "entered")).join(station_codes, on="unit_id")
        differ = dict(zip(found["station_code"].to_list(), found["lines"].to_list(), strict=True))
    return {"stations": stations, "overview": overview(stations), "regions": regions, "failing": failing,
            "differing": differ}


#: the protocols of a station the portal puts side by side: (tier, source, key)
STATION_SOURCES = (("PEC", "official", "pec"), ("DEC", "entered", "entered"), ("PEC", "observer", "observer"))


def station_protocols(election: Election, unit, until=None) -> dict[str, Protocol]:
    """The current version of each of a station's protocols (the precinct's own,
    the district's entry, the observers' copy) received by ``until`` (arrival
    unknown counts as received): ``{"pec"|"entered"|"observer": Protocol}``."""
    from django.db.models import Q

    qs = Protocol.objects.filter(election=election, unit=unit)
    if until is not None:
        qs = qs.filter(Q(received_at__isnull=True) | Q(received_at__lte=until))
    latest: dict[str, Protocol] = {}
    for p in qs.order_by("version"):
        for tier, source, key in STATION_SOURCES:
            if p.tier == tier and p.source == source:
                latest[key] = p
    return latest

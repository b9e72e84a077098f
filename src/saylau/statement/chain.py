"""The results-chain section's reads (Django): :func:`results_chain` gathers a
:class:`~saylau.statement.core.results_chain.ResultsChain` from the results package.

- differences between protocol sources: the stations with a discrepancy of kind
  ``entered`` or ``observer`` in the latest tabulation (its stored
  ``units_with_discrepancies``, the rows ``results.selectors.run_discrepancies``
  lists on the results dashboard), of the stations where both protocols exist
  now, and each kind's largest differences (one per station; in a candidate's
  votes first, then in any line);
- corrections (``results.models.Correction``) with and without a decision;
- the latest check's quarantine (``CheckRun.checked``, ``quarantined`` and the
  protocols failing each rule, ``counts``);
- the quick count from the observers' copies (the estimator of
  ``results.selectors.quick_count(source="observer")``, on the frames already
  read) with the sums behind each ratio;
- forensics of the official station figures
  (:func:`~saylau.statement.core.results_chain.forensics_summary`).

Each part is left out when its source holds nothing. Called by
:func:`saylau.statement.selectors.collect` with the frames it has read.
"""

from __future__ import annotations

import numpy as np
import polars as pl
from django.db.models import Case, Count, Q, Value, When
from django.db.models.functions import Abs

from saylau.core import protocol
from saylau.geography.models import Election
from saylau.statement.core import results_chain as rc
from saylau.statement.core.inputs import StationResults

#: the largest differences named per source
BIGGEST = 3
#: stations corrected without a decision named as examples
EXAMPLES = 3


def _both(a: pl.DataFrame, b: pl.DataFrame) -> int:
    if a.is_empty() or b.is_empty():
        return 0
    return a.select("unit_id").join(b.select("unit_id"), on="unit_id", how="semi").height


def comparisons(election: Election, sources: dict[str, pl.DataFrame]) -> tuple[rc.SourceComparison, ...]:
    """The DEC's entries and the observers' copies against the PEC protocols, as the
    latest tabulation found them."""
    from saylau.results import selectors

    run = selectors.latest_tabulation(election)
    if run is None:
        return ()
    units = run.summary.get("units_with_discrepancies", {})
    out = []
    for kind in ("entered", "observer"):
        compared = _both(sources["pec"], sources[kind])
        if not compared:
            continue
        biggest: list[rc.Difference] = []
        seen: set[int] = set()
        # the candidates' votes first (they change the result), then any line, largest first
        votes_first = Case(When(line__startswith=protocol.VOTES_PREFIX, then=Value(0)), default=Value(1))
        rows = (selectors.run_discrepancies(run, kind).annotate(size=Abs("difference"), rank=votes_first)
                .order_by("rank", "-size", "unit__code", "line")[:200])
        for d in rows:
            if d.unit_id in seen:
                continue
            seen.add(d.unit_id)
            # entered: official = the DEC's entry, expected = the PEC protocol;
            # observer: official = the PEC protocol, expected = the observers' copy
            value, pec = (d.official, d.expected) if kind == "entered" else (d.expected, d.official)
            biggest.append(rc.Difference(d.unit.code, d.line, int(value), int(pec)))
            if len(biggest) == BIGGEST:
                break
        out.append(rc.SourceComparison(kind, compared, int(units.get(kind, 0)), tuple(biggest)))
    return tuple(out)


def corrections(election: Election) -> rc.Corrections | None:
    from saylau.results.models import Correction

    qs = Correction.objects.filter(protocol__election=election)
    counts = qs.aggregate(total=Count("id"), without=Count("id", filter=Q(without_decision=True)))
    if not counts["total"]:
        return None
    examples = (qs.filter(without_decision=True).order_by("protocol__unit__code")
                .values_list("protocol__unit__code", flat=True).distinct()[:EXAMPLES])
    return rc.Corrections(int(counts["total"]), int(counts["without"]), tuple(examples))


def quarantine(election: Election) -> rc.QuarantineSummary | None:
    from saylau.results import selectors

    check = selectors.latest_check(election)
    if check is None:
        return None
    rules = sorted(((code, int(n)) for code, n in (check.counts or {}).items() if n),
                   key=lambda r: (-r[1], r[0]))
    return rc.QuarantineSummary(int(check.checked), int(check.quarantined), tuple(rules))


def _parts(frame: pl.DataFrame, numerator: str) -> tuple[np.ndarray, np.ndarray]:
    """Per station, the ratio's numerator and denominator: ballots issued and registered
    voters for the turnout, a candidate's votes and the valid votes for a share."""
    if numerator == rc.TURNOUT:
        return (np.asarray(protocol.issued(frame), dtype=np.float64),
                frame["registered"].fill_null(0).to_numpy().astype(np.float64))
    return (frame[numerator].fill_null(0).to_numpy().astype(np.float64),
            frame["valid"].fill_null(0).to_numpy().astype(np.float64))


def quick_count(sources: dict[str, pl.DataFrame], confidence: float = 0.95) -> rc.QuickCount | None:
    """The quick count from the observers' copies, as ``results.quickcount_db.run(source=
    "observer")`` makes it (the cluster ratio estimator over the copies, the finite
    population correction for every station with figures), from the frames already read;
    None with fewer than two copies."""
    from saylau.results.core.quickcount import estimators as est

    official, copies = sources["official"], sources["observer"]
    if copies.height < 2 or official.is_empty():
        return None
    shares = protocol.totals(official).shares()
    leader = protocol.vote_column(max(shares, key=shares.get)) if shares else None
    estimates: dict[str, rc.Estimate] = {}
    for name in (rc.TURNOUT, leader):
        if name is None or name not in (rc.TURNOUT, *copies.columns):
            continue
        y, x = _parts(copies, name)
        oy, ox = _parts(official, name)
        if not x.sum() > 0 or not ox.sum() > 0:
            continue
        item = est.cluster_ratio({name: y}, x, population_size=official.height, confidence=confidence).items[0]
        estimates[name] = rc.Estimate(name, float(item.estimate), float(item.lower), float(item.upper),
                                      int(y.sum()), int(x.sum()), int(oy.sum()), int(ox.sum()))
    if not estimates:
        return None
    return rc.QuickCount(copies=copies.height, stations=official.height, confidence=confidence,
                         turnout=estimates.get(rc.TURNOUT), leader=estimates.get(leader) if leader else None)


def forensics(stations: StationResults | None) -> rc.ForensicsSummary | None:
    if stations is None or not len(stations.registered):
        return None
    return rc.forensics_summary(stations.registered, stations.issued, stations.valid, stations.invalid,
                                stations.votes, stations.winner_index)


def results_chain(election: Election, sources: dict[str, pl.DataFrame],
                  stations: StationResults | None) -> rc.ResultsChain | None:
    """The results chain of ``election`` from the frames of ``sources`` (``official``,
    ``pec``, ``entered``, ``observer``: ``results.selectors.station_sources``); None when empty."""
    chain = rc.ResultsChain(
        election=election.slug, comparisons=comparisons(election, sources), corrections=corrections(election),
        quarantine=quarantine(election), quick_count=quick_count(sources),
        forensics=forensics(stations))
    return None if chain.empty else chain

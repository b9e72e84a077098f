"""What the dashboards compute: coverage, quick-count convergence and the
fingerprint of the official results. The findings and the submissions behind
each (the drill-down) come from the findings evaluator itself
(``evaluate(..., ids=True)`` over ``observation.selectors.findings_frame``).

Each function reads with a fixed number of queries whatever the size of the
election (no query per row); the tests hold the findings and coverage pages
to that.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import polars as pl
from django.db.models import Count

from saylau.geography.models import Election, Unit
from saylau.geography.selectors import region_names
from saylau.observation.models import Submission, Team
from saylau.observation.selectors import reviewed

PHASES = ("opening", "voting", "counting")


def current_election(slug: str | None = None) -> Election | None:
    """The election named by ``slug``, else the most recent one (None if there is none)."""
    qs = Election.objects.order_by("-date", "-id")
    if slug:
        return qs.filter(slug=slug).first()
    return qs.first()


def line_labels(election, lang: str) -> dict[str, str]:
    """The label of every protocol line in ``lang``: the fixed lines
    (:data:`saylau.core.protocol.LINE_LABELS`), then ``votes_<n>`` as the
    candidate's name (``results.selectors.candidates``; the ballot number when
    the name is not known). Two queries."""
    from saylau.core import protocol
    from saylau.results import selectors

    labels = {line: protocol.line_label(line, lang) for line in protocol.LINES}
    labels.update({c.column: c.name(lang) or c.label(lang) for c in selectors.candidates(election)})
    return labels


@dataclass(frozen=True)
class RegionCoverage:
    region_code: str
    region_name: str
    stations: int
    observed: dict[str, int]

    @property
    def cells(self) -> list[tuple[int, float | None]]:
        """Per phase (:data:`PHASES` order): stations observed and their share of the
        region's stations (None for a region without stations)."""
        return [(self.observed[p], self.observed[p] / self.stations if self.stations else None) for p in PHASES]


def coverage(election: Election, lang: str = "en") -> list[RegionCoverage]:
    """Distinct stations observed per region and phase, next to the region's number
    of stations; a station counts as observed by the submissions the review
    policy counts (``observation.selectors.review_filter``: never a rejected
    one), as ``mission_summary`` counts them. Three queries."""
    regions = region_names(election, lang)
    totals: Counter[str] = Counter()
    for path in Unit.objects.filter(election=election, level=3).values_list("path", flat=True):
        parts = path.split("/")
        totals[parts[1] if len(parts) > 1 else ""] += 1
    observed: dict[str, dict[str, int]] = {}
    rows = (reviewed(Submission.objects.filter(election=election, form_code__in=PHASES))
            .exclude(station_code="").values("region_code", "form_code").annotate(n=Count("station_code", distinct=True))
            .order_by())
    for row in rows:
        observed.setdefault(row["region_code"], {})[row["form_code"]] = row["n"]
    return [RegionCoverage(code, name, totals.get(code, 0), {p: observed.get(code, {}).get(p, 0) for p in PHASES})
            for code, name in regions.items()]


def silent_teams(election: Election) -> list[Team]:
    """Observer teams with no submission at all, with their members (two queries).
    Every submission counts here, rejected ones too: a team that reported is not silent."""
    return list(Team.objects.filter(election=election).annotate(n=Count("submissions")).filter(n=0)
                .prefetch_related("members").order_by("code"))


@dataclass(frozen=True)
class ConvergencePoint:
    copies: int
    received_at: object
    name: str
    estimate: float
    lower: float
    upper: float


def convergence(election: Election, *, steps: int = 12, confidence: float = 0.95) -> dict:
    """The quick count as observers' protocol copies arrive: for growing prefixes of
    the copies ordered by arrival, the leading candidate's share of valid votes
    and the turnout, each with its interval (cluster ratio estimator, as
    :func:`saylau.results.quickcount_db.run` uses for observers' copies).
    Returns ``{"points": [...], "official": {...}, "leader": "votes_i"}``."""
    from saylau.core import protocol
    from saylau.results import selectors
    from saylau.results.core.quickcount import estimators as est

    figures, k = selectors.station_sources(election, "official", "observer")
    official = figures["official"]
    copies = figures["observer"].sort("received_at", "unit_id", nulls_last=True)
    out: dict = {"points": [], "official": {}, "leader": "", "copies": copies.height}
    total = protocol.totals(official)
    if not k or official.is_empty() or total.valid == 0:
        return out
    shares = {protocol.vote_column(n): share for n, share in total.shares().items()}
    leader = max(shares, key=shares.get)
    out.update(official={"leader": shares[leader], "turnout": total.turnout}, leader=leader)
    n = copies.height
    if n < 2:
        return out
    sizes = sorted({int(x) for x in np.linspace(2, n, num=min(steps, n - 1))})
    population = official.height
    for size in sizes:
        part = copies.head(size)
        share = est.cluster_ratio({leader: part[leader].fill_null(0).to_numpy()},
                                  part["valid"].fill_null(0).to_numpy(), population_size=population,
                                  confidence=confidence).items[0]
        rate = est.cluster_ratio({"turnout": protocol.issued(part)}, part["registered"].fill_null(0).to_numpy(),
                                 population_size=population, confidence=confidence).items[0]
        at = part["received_at"][-1]
        for name, item in (("leader", share), ("turnout", rate)):
            out["points"].append(ConvergencePoint(size, at, name, item.estimate, item.lower, item.upper))
    return out


def fingerprint_png(election: Election, title: str = "") -> bytes | None:
    """The election fingerprint (turnout against the winner's share) of the
    official station results as PNG, or None when there are none."""
    from saylau import forensics
    from saylau.core import protocol
    from saylau.results import selectors

    figures, k = selectors.station_figures(election)
    figures = figures.filter(pl.col("registered").fill_null(0) > 0)
    if figures.is_empty() or not k:
        return None
    a = protocol.station_arrays(figures)
    labels = selectors.candidate_labels(election)
    stations = forensics.stations_from_arrays(
        a.registered, a.issued, a.valid, a.invalid, a.votes,
        candidates=[labels.get(c, c) for c in a.columns])
    return forensics.fingerprint_png(forensics.fingerprint(stations), title=title)


def answer_rows(submission, lang: str = "en") -> list[tuple[str, str, str]]:
    """A submission's answers as its form words them in ``lang``:
    ``(question name, question label, answer label)`` in the form's order (a
    select's code is replaced by its choice's label; several for
    ``select_multiple``); answers the form does not know come last, as stored."""
    form = submission.form.form
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    answers = submission.answers or {}
    for q in form.questions():
        if q.name not in answers:
            continue
        seen.add(q.name)
        value = answers[q.name]
        if q.list_name and value not in (None, ""):
            labels = {c.name: c.label(lang) for c in form.choice_list(q.list_name)}
            codes = str(value).split() if q.type == "select_multiple" else [str(value)]
            text = ", ".join(labels.get(c, c) for c in codes)
        else:
            text = "" if value is None else str(value)
        rows.append((q.name, q.label(lang), text))
    rows += [(k, k, "" if v is None else str(v)) for k, v in answers.items() if k not in seen]
    return rows


def choice_labels(election, form_id: str, question: str, lang: str = "en") -> dict[str, str]:
    """``{code: label}`` of a select question of the election's active version of
    form ``form_id``, in the form's order and in ``lang``; empty if the form or
    question is missing."""
    from saylau.observation.models import FormDefinition

    definition = FormDefinition.objects.filter(election=election, form_id=form_id, active=True).first()
    if definition is None:
        return {}
    form = definition.form
    try:
        q = form.question(question)
    except KeyError:
        return {}
    return {c.name: c.label(lang) for c in form.choice_list(q.list_name)} if q.list_name else {}

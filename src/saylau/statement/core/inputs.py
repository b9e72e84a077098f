"""What a statement is made from: frozen dataclasses, filled by ``collect`` (database)
or ``simulation`` (a :class:`~saylau.simulate.Simulation`), read by ``compose``.

Pure Python and NumPy: no Django. Every optional part may be ``None`` or empty;
a section then renders its narrative only, with no generated sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from saylau.observation.core.findings import Finding, ReviewFilter

if TYPE_CHECKING:
    from saylau.statement.core.media import MediaMonitoring
    from saylau.statement.core.nomination import NominationSummary
    from saylau.statement.core.results_chain import ResultsChain

TIERS = ("CEC", "TEC", "DEC", "PEC")


@dataclass(frozen=True)
class TierComposition:
    """Members and chairs of the commissions of one tier.

    ``commissions_with_opposition`` counts commissions with at least one member
    nominated by a party marked ``opposition``.
    """

    tier: str
    commissions: int
    members: int
    women_members: int
    chairs: int
    women_chairs: int
    commissions_with_opposition: int = 0


@dataclass(frozen=True)
class Composition:
    """Commission composition: one row per tier (CEC first) and member ethnicity.

    ``ethnicity`` holds ``(label, members)`` pairs, largest first, over the
    members whose ethnicity is recorded; ``ethnicity_recorded`` is their total.
    """

    tiers: tuple[TierComposition, ...] = ()
    ethnicity: tuple[tuple[str, int], ...] = ()
    ethnicity_recorded: int = 0
    opposition_parties: int = 0


@dataclass(frozen=True)
class ObservedPhase:
    """Places a phase was observed in (``places``) out of how many exist (``of``, 0 = unknown);
    ``review``: the review statuses of the submissions counted (None: not filtered);
    provenance, left out of comparisons."""

    phase: str
    places: int
    unit: str  # "stations" or "decs"
    of: int = 0
    review: ReviewFilter | None = field(default=None, compare=False)


@dataclass(frozen=True)
class MissionSummary:
    """The international mission and where it observed (``observers`` by role)."""

    observers: tuple[tuple[str, int], ...] = ()  # ("core", 15), ("lto", 28), ("sto", 350)
    states: int = 0
    parliamentarians: int = 0
    observed: tuple[ObservedPhase, ...] = ()
    domestic_observers: tuple[tuple[str, int], ...] = ()  # (organisation or kind, observers)

    @property
    def total(self) -> int:
        return sum(n for _, n in self.observers)


@dataclass(frozen=True)
class CandidateVotes:
    number: int
    names: tuple[tuple[str, str], ...]  # (lang, name)
    votes: int

    def name(self, lang: str) -> str:
        names = dict(self.names)
        return names.get(lang) or names.get("en") or str(self.number)


@dataclass(frozen=True)
class ResultsTotals:
    """National totals of one results source (``official`` by default)."""

    registered: int
    ballots_issued: int
    valid: int
    invalid: int
    candidates: tuple[CandidateVotes, ...] = ()
    stations: int = 0
    source: str = "official"


@dataclass(frozen=True)
class Publication:
    """Whether station-level results are public: ``stations_published`` of ``stations``."""

    stations: int
    stations_published: int
    election_night: bool | None = None


@dataclass(frozen=True)
class Candidate:
    number: int
    names: tuple[tuple[str, str], ...]
    nominator: str  # party, association, self
    status: str  # nominated, registered, refused, withdrawn
    incumbent: bool = False

    def name(self, lang: str) -> str:
        names = dict(self.names)
        return names.get(lang) or names.get("en") or str(self.number)


@dataclass(frozen=True)
class MediaShare:
    """One outlet's news coverage: ``seconds`` (or any unit) per candidate number."""

    outlet: str
    coverage: tuple[tuple[int, float], ...]


@dataclass(frozen=True)
class Complaints:
    """Complaints lodged before election day, per body, and how many were upheld."""

    by_body: tuple[tuple[str, int], ...]  # ("CEC", 12), ("courts", 15)
    upheld: int | None = None
    # counted by saylau.disputes.core.stats (None: not known); ``before`` the day they are counted to
    cec_in_session: int | None = None  # of the CEC's complaints, decided by a vote in a session
    cec_published: int | None = None  # of the CEC's complaints, answers published
    courts: int | None = None  # complaints to courts decided
    courts_rejected: int | None = None  # of those, rejected or not considered
    wrong_deadline: int | None = None  # refused on a deadline they missed, though on time under another basis
    before: str = ""


@dataclass(frozen=True, eq=False)
class StationResults:
    """Station-level official results, for the fingerprint chart."""

    registered: np.ndarray
    issued: np.ndarray
    valid: np.ndarray
    invalid: np.ndarray
    votes: np.ndarray  # (stations, candidates)
    winner_index: int = 0


@dataclass(frozen=True, eq=False)
class StatementInputs:
    """Everything the statement's generated sentences and charts are made from.

    ``findings`` are whole-frame observation findings; ``findings_by_region``
    the same metrics grouped by ``region_code``; ``region_names`` maps a
    region code to ``((lang, name), ...)``. ``mission_name`` and
    ``election_name`` are ``((lang, text), ...)``.
    """

    election_name: tuple[tuple[str, str], ...]
    mission_name: tuple[tuple[str, str], ...]
    findings: tuple[Finding, ...] = ()
    findings_by_region: tuple[Finding, ...] = ()
    region_names: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    mission: MissionSummary | None = None
    results: ResultsTotals | None = None
    publication: Publication | None = None
    composition: Composition | None = None
    candidates: tuple[Candidate, ...] = ()
    media: tuple[MediaShare, ...] = ()
    media_monitoring: MediaMonitoring | None = None  # from saylau.media (statement.core.media)
    complaints: Complaints | None = None
    stations: StationResults | None = None
    results_chain: ResultsChain | None = None  # statement.core.results_chain (issue #20)
    nomination: NominationSummary | None = None  # statement.core.nomination (issue #17)
    official_language: str = "en"
    date: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def text(self, attribute: str, lang: str) -> str:
        values = dict(getattr(self, attribute))
        return values.get(lang) or values.get("en") or ""

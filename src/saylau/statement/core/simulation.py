"""Statement inputs straight from a :class:`~saylau.simulate.Simulation` (no database).

Used by tests, benchmarks and notebooks; the database path is
:mod:`saylau.statement.selectors`. The frame has the shape of
``saylau.observation.selectors.submissions_frame``: one row per submission,
metadata columns, then one column per scalar answer; ``hour`` is the local
hour (UTC+6, Astana) of ``submitted_at``.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from saylau.core import protocol
from saylau.observation.core.findings import evaluate_all
from saylau.statement.core import labels as L
from saylau.statement.core.inputs import (
    TIERS,
    Candidate,
    CandidateVotes,
    Composition,
    MissionSummary,
    ObservedPhase,
    ResultsTotals,
    StatementInputs,
    StationResults,
    TierComposition,
)

META = ("submission_id", "form", "station_code", "dec_code", "region_code", "urban",
        "submitted_at", "team_code")
LOCAL_OFFSET = dt.timedelta(hours=6)


def frame_from_submissions(submissions: list[dict]) -> pl.DataFrame:
    """Submissions (dicts with ``answers``) as the findings frame."""
    rows = []
    for s in submissions:
        at = dt.datetime.fromisoformat(s["submitted_at"])
        row = {"submission_id": s["uuid"], "form": s["form"],
               "station_code": s.get("station_code") or None, "dec_code": s.get("dec_code") or None,
               "region_code": s.get("region_code") or None, "urban": s.get("urban"),
               "submitted_at": at, "team_code": s.get("team_code", ""),
               "hour": (at + LOCAL_OFFSET).hour}
        for key, value in s["answers"].items():
            if key not in row and not isinstance(value, list | dict):
                row[key] = value
        rows.append(row)
    return pl.DataFrame(rows, infer_schema_length=None)


def composition_from_members(members: pl.DataFrame, commissions: pl.DataFrame,
                             parties: pl.DataFrame) -> Composition:
    """Women among members and chairs per tier, opposition presence and ethnicity."""
    opposition = set(parties.filter(pl.col("opposition"))["code"].to_list())
    tiers = []
    for tier in TIERS:
        m = members.filter(pl.col("tier") == tier)
        n_commissions = int((commissions["tier"] == tier).sum())
        if not n_commissions and not len(m):
            continue
        chairs = m.filter(pl.col("role") == "chair")
        with_opposition = m.filter(pl.col("nominating_party").is_in(list(opposition)))
        tiers.append(TierComposition(
            tier=tier, commissions=n_commissions, members=len(m),
            women_members=int((m["gender"] == "female").sum()), chairs=len(chairs),
            women_chairs=int((chairs["gender"] == "female").sum()),
            commissions_with_opposition=with_opposition["unit_code"].n_unique(),
        ))
    recorded = members.filter(pl.col("ethnicity") != "")
    counts = recorded.group_by("ethnicity").len().sort(["len", "ethnicity"],
                                                       descending=[True, False])
    return Composition(
        tiers=tuple(tiers),
        ethnicity=tuple((str(e), int(n)) for e, n in counts.iter_rows()),
        ethnicity_recorded=len(recorded), opposition_parties=len(opposition),
    )


def station_results(results: pl.DataFrame, *, prefix: str = "official_") -> StationResults | None:
    """Station figures for the fingerprint chart (:func:`saylau.core.protocol.station_arrays`)
    of a frame of one row per station, its columns named ``<prefix><line>``;
    None for an empty frame."""
    if results is None or results.is_empty():
        return None
    a = protocol.station_arrays(results, prefix=prefix)
    return StationResults(a.registered, a.issued, a.valid, a.invalid, a.votes, a.leader)


def _names(row: dict) -> tuple[tuple[str, str], ...]:
    return tuple((lang, row[f"name_{lang}"]) for lang in L.LANGS if row.get(f"name_{lang}"))


def inputs_from_simulation(sim, *, frame: pl.DataFrame | None = None,
                           election_name: tuple[tuple[str, str], ...] | None = None
                           ) -> StatementInputs:
    """Everything the statement needs, from the simulation's frames."""
    frame = frame if frame is not None else frame_from_submissions(sim.submissions)
    findings = tuple(evaluate_all(frame))
    assessment = [m for m in {f.metric.id: f.metric for f in findings}.values()
                  if m.kind == "share_negative_assessment"]
    by_region = tuple(evaluate_all(frame, assessment, by="region_code"))
    observers = sim.observers
    by_role = observers.group_by("role").len()
    role_counts = dict(zip(by_role["role"].to_list(), by_role["len"].to_list(), strict=True))
    observed = []
    for phase in ("opening", "voting", "counting"):
        codes = frame.filter((pl.col("form") == phase) & pl.col("station_code").is_not_null())
        observed.append(ObservedPhase(phase, codes["station_code"].n_unique(), "stations",
                                      len(sim.stations)))
    decs = frame.filter((pl.col("form") == "tabulation") & pl.col("dec_code").is_not_null())
    observed.append(ObservedPhase("tabulation", decs["dec_code"].n_unique(), "decs",
                                  len(sim.districts)))
    mission = MissionSummary(
        observers=tuple((r, int(role_counts[r])) for r in ("core", "lto", "sto") if r in role_counts),
        states=observers["state"].n_unique(),
        parliamentarians=int(observers["parliamentarian"].sum()), observed=tuple(observed))
    r = sim.results
    stations = station_results(r)
    candidate_rows = list(sim.candidates.iter_rows(named=True))
    total = protocol.totals(r, prefix="official_")
    results = ResultsTotals(
        registered=total.registered, ballots_issued=total.issued, valid=total.valid, invalid=total.invalid,
        candidates=tuple(CandidateVotes(c["number"], _names(c), total.votes[c["number"]])
                         for c in candidate_rows),
        stations=total.stations,
    )
    return StatementInputs(
        election_name=election_name or (
            ("en", "Early presidential election, 3 April 2011 (simulated)"),
            ("ru", "Внеочередные президентские выборы, 3 апреля 2011 г. (симуляция)"),
            ("kk", "Кезектен тыс президент сайлауы, 2011 жылғы 3 сәуір (симуляция)")),
        mission_name=tuple(zip(L.LANGS, L.MISSION_DEFAULT, strict=True)),
        findings=findings, findings_by_region=by_region,
        region_names={row["code"]: _names(row) for row in sim.regions.iter_rows(named=True)},
        mission=mission, results=results,
        composition=composition_from_members(sim.members, sim.commissions, sim.parties),
        candidates=tuple(Candidate(c["number"], _names(c), c["nominator"], c["status"],
                                   bool(c["incumbent"])) for c in candidate_rows),
        stations=stations, date="2011-04-03",
        results_chain=_forensics_only(stations),
    )


def _forensics_only(stations: StationResults | None):
    """The results chain a simulation alone gives: forensics of its official station results
    (the protocols' differences, corrections, checks and quick count need the results chain's database)."""
    from saylau.statement.core.results_chain import ResultsChain, forensics_summary

    if stations is None:
        return None
    summary = forensics_summary(stations.registered, stations.issued, stations.valid, stations.invalid,
                                stations.votes, stations.winner_index)
    return ResultsChain(forensics=summary) if summary is not None else None

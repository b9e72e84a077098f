"""The statement's reads: :func:`collect` builds :class:`StatementInputs` from the
database (Django).

Commission composition, candidates and regions come from the geography
models; findings and the mission from ``saylau.observation.selectors``;
results from ``saylau.results.selectors``. A section whose source has no
data is left out, so the statement renders from what exists.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import polars as pl

from saylau.geography.choices import UnitLevel
from saylau.geography.models import Candidate, Commission, CommissionMember, Election, Party, Unit
from saylau.observation.core.findings import evaluate_all
from saylau.observation.selectors import findings_frame, mission_summary
from saylau.statement.core import labels as L
from saylau.statement.core.inputs import (
    Candidate as CandidateInput,
)
from saylau.statement.core.inputs import (
    CandidateVotes,
    MissionSummary,
    ObservedPhase,
    Publication,
    ResultsTotals,
    StatementInputs,
)
from saylau.statement.core.simulation import composition_from_members, station_results


def _names(obj) -> tuple[tuple[str, str], ...]:
    return tuple((lang, obj.name(lang)) for lang in L.LANGS if obj.name(lang))


def composition(election: Election):
    """Women, chairs, opposition presence and ethnicity per tier, from CommissionMember."""
    rows = CommissionMember.objects.filter(commission__unit__election=election).values_list(
        "commission__tier", "commission__unit__code", "role", "gender",
        "nominating_party__code", "ethnicity")
    members = pl.DataFrame(list(rows), orient="row", schema={
        "tier": pl.Utf8, "unit_code": pl.Utf8, "role": pl.Utf8, "gender": pl.Utf8,
        "nominating_party": pl.Utf8, "ethnicity": pl.Utf8})
    members = members.with_columns(pl.col("nominating_party").fill_null(""),
                                   pl.col("ethnicity").fill_null(""))
    commissions = pl.DataFrame(
        list(Commission.objects.filter(unit__election=election).values_list("tier", "unit__code")),
        orient="row", schema={"tier": pl.Utf8, "unit_code": pl.Utf8})
    parties = pl.DataFrame(list(Party.objects.filter(election=election).values_list(
        "code", "opposition")), orient="row", schema={"code": pl.Utf8, "opposition": pl.Boolean})
    if members.is_empty() and commissions.is_empty():
        return None
    return composition_from_members(members, commissions, parties)


def observation(election: Election) -> dict[str, Any]:
    """Findings (whole and by region) and the mission summary, under the review
    policy (``observation.selectors.findings_frame``); every finding and place
    count records the review filter it was read with."""
    frame, review = findings_frame(election)
    out: dict[str, Any] = {}
    if not frame.is_empty():
        findings = tuple(evaluate_all(frame, review=review))
        assessment = list({f.metric.id: f.metric for f in findings
                           if f.metric.kind == "share_negative_assessment"}.values())
        out["findings"] = findings
        out["findings_by_region"] = tuple(evaluate_all(frame, assessment, by="region_code",
                                                       review=review))
    summary = mission_summary(election)  # places observed under the same policy as ``review``
    stations = Unit.objects.filter(election=election, level=UnitLevel.STATION).count()
    decs = Unit.objects.filter(election=election, level=UnitLevel.DISTRICT).count()
    observed = [ObservedPhase(phase, int(n), "stations", stations, review)
                for phase, n in summary.get("stations_observed", {}).items()]
    if summary.get("decs_observed"):
        observed.append(ObservedPhase("tabulation", int(summary["decs_observed"]), "decs", decs,
                                      review))
    roles = summary.get("observers_by_role", {})
    out["mission"] = MissionSummary(
        observers=tuple((r, int(roles[r])) for r in ("core", "lto", "sto") if roles.get(r)),
        states=int(summary.get("states", 0)),
        parliamentarians=int(summary.get("parliamentarians", 0)), observed=tuple(observed))
    return out


def results(election: Election, candidates: list[Candidate],
            sources: dict | None = None) -> dict[str, Any]:
    """Official totals, publication status and station figures.

    ``saylau.results.selectors.station_figures(election)`` gives the figures
    the results system holds per station (DEC-entered where entered, else the
    PEC protocol), read once (``sources["official"]`` when the caller read
    them with ``station_sources``); the totals and the station arrays are
    :func:`saylau.core.protocol.totals` and ``station_arrays`` of them, the
    sums ``selectors.totals`` gives; ``publication_status`` the protocols
    received and published.
    """
    from saylau.core import protocol
    from saylau.results import selectors

    out: dict[str, Any] = {}
    figures = sources["official"] if sources is not None else selectors.station_figures(election, "official")[0]
    totals = protocol.totals(figures)
    if not totals.stations or not totals.registered:
        return out
    out["results"] = ResultsTotals(
        registered=totals.registered, ballots_issued=totals.issued, valid=totals.valid,
        invalid=totals.invalid,
        candidates=tuple(CandidateVotes(c.number, _names(c), totals.votes[c.number])
                         for c in candidates if c.number in totals.votes),
        stations=totals.stations)
    status = selectors.publication_status(election)
    if status.get("stations") and status.get("protocols_received"):
        out["publication"] = Publication(stations=int(status["stations"]),
                                         stations_published=int(status["protocols_published"]))
    out["stations"] = station_results(figures, prefix="")
    return out


def media(election: Election, candidates: list[Candidate]) -> dict[str, Any]:
    """The media section's inputs from ``saylau.media.selectors``: the analysis of the
    final codings (one per item), the outlets' names and the coders' alpha."""
    from saylau.media import selectors as media_selectors
    from saylau.statement.core.media import MediaMonitoring

    report = media_selectors.report(election)
    if report.empty:
        return {}
    incumbent = next((c.number for c in candidates if c.incumbent), None)
    return {"media_monitoring": MediaMonitoring.from_report(
        report, outlets=tuple((o.code, _names(o)) for o in media_selectors.outlets(election)),
        candidates={c.number: _names(c) for c in candidates}, incumbent=incumbent,
        alphas=tuple(media_selectors.alphas(election)))}


def disputes(election: Election) -> dict[str, Any]:
    """The complaints section's inputs from ``saylau.disputes``: cases filed before
    election day, counted by :func:`saylau.disputes.core.stats.summarise`."""
    from saylau.disputes import selectors as dispute_selectors
    from saylau.disputes.core import stats
    from saylau.statement.core.inputs import Complaints

    frame = dispute_selectors.case_frame(election)
    if frame.is_empty():
        return {}
    s = stats.summarise(frame, election.date)
    by_body = tuple((body, n) for body, n in (("CEC", s.cec), ("court_district", s.district_court),
                                              ("court_regional", s.regional_court),
                                              ("court_supreme", s.supreme_court)) if n)
    if not by_body:
        return {}
    return {"complaints": Complaints(
        by_body=by_body, cec_in_session=s.cec_in_session, cec_published=s.cec_published, courts=s.courts_decided,
        courts_rejected=s.courts_rejected_or_not_considered, wrong_deadline=s.wrong_deadline,
        before=election.date.isoformat())}


def register_audit(election: Election) -> dict[str, Any] | None:
    """The voter registration section's inputs from ``saylau.registry``: the latest
    register audit's findings (numerator, denominator, unit each), or None."""
    from saylau.registry import selectors as registry_selectors

    return registry_selectors.findings(election)


def nomination(election: Election):
    """The candidate registration, campaign and observers sections' inputs from
    ``saylau.nomination`` (:class:`~saylau.statement.core.nomination.NominationSummary`),
    or None when the election has neither nominees nor accreditations.

    The counts are ``nomination.selectors.statement_figures`` (``nomination.core.stats``, the
    figures the package's tests hold to the simulation's truth); this adds what the sentences
    name besides: the candidates' names, the nominees whose lines were checked, each nominee's
    decisive check by the rule, the domestic observers by who nominated them and the reports of
    observers restricted on election day."""
    from saylau.nomination import selectors as ns
    from saylau.nomination.core import stats
    from saylau.nomination.models import Nominee, SignatureLine
    from saylau.statement.core.nomination import NominationSummary, SampleCheck

    figures = ns.statement_figures(election)
    accreditations = ns.accreditations(election)
    if figures is None and not accreditations.exists():
        return None
    accreditation = (figures.accreditation if figures is not None
                     else stats.accreditation_stats(ns.accreditation_frame(election), None))
    named = {n.code: n for n in Nominee.objects.filter(election=election)}
    samples = []
    checks = ns.election_sessions(election).filter(source="check")  # saylau's check, as the rule runs it
    for nominee, chosen in _decisive_sessions(checks):
        last = chosen[-1]
        samples.append(SampleCheck(
            nominee=_names(nominee), lines=last.lines, sampled=sum(s.sampled for s in chosen),
            invalid=sum(s.invalid for s in chosen), estimate=float(last.projected_valid),
            low=float(last.projected_low), high=float(last.projected_high), required=last.required,
            decision=last.decision, code=nominee.code))
    domestic = accreditations.filter(kind="domestic_observer", status="accredited")
    restricted = ns.access_restrictions(election)
    summary = NominationSummary(
        proxies_by_candidate=tuple((_names(named[code]), n, named[code].incumbent) for code, n in sorted(
            accreditation.proxies_by_candidate.items(), key=lambda x: (-x[1], x[0])) if code in named and n),
        proxies_refused=accreditation.proxies_refused,
        proxies_over_limit=accreditation.refused_by_reason.get("over_limit", 0),
        proxy_limit=_proxy_limit(),
        accredited=tuple((kind, n) for kind, n in accreditation.observers_by_kind.items() if n),
        domestic_by_nominator=tuple((code, n) for code, n in (
            ("party", domestic.filter(party__isnull=False).count()),
            ("association", domestic.filter(party__isnull=True).count())) if n),
        restricted_reports=len({r["submission"] for r in restricted}),
        restricted_accredited=len({r["submission"] for r in restricted if r.get("accreditation_id")}),
        election=election.slug)
    if figures is None:
        return summary
    n, sig = figures.nominees, figures.signatures
    checked_nominees = (SignatureLine.objects.filter(nominee__election=election, valid__isnull=False)
                        .values("nominee").distinct().count())
    return replace(
        summary, nominees=n.nominees, by_status=tuple((code, k) for code, k in (
            ("registered", n.registered), ("refused", n.refused_documents + n.refused_signatures),
            ("withdrawn", n.withdrawn)) if k),
        refused_documents=n.refused_documents, refused_signatures=n.refused_signatures,
        nominees_checked=checked_nominees, lines_checked=sig.checked,
        invalid_by_reason=tuple((r, k) for r, k in sig.invalid_by_reason.items() if k),
        struck=sig.struck, struck_without_reason=sig.struck_without_reason, struck_valid=sig.struck_valid,
        sessions=sig.sessions, sessions_with_proxy=sig.sessions_with_proxy, samples=tuple(samples))


def _decisive_sessions(sessions):
    """Per nominee (``sessions`` in order of nominee, day and stage), the sessions of its latest
    verification: the last session and, when it is a second stage, the stages before it that it
    continues (the decision rests on all of them)."""
    by_nominee: dict[int, list] = {}
    for s in sessions:
        by_nominee.setdefault(s.nominee_id, []).append(s)
    for items in by_nominee.values():
        last = items[-1]
        chosen = [last]
        if last.stage > 1:
            earlier = [s for s in items[:-1] if s.stage < last.stage]
            chosen = earlier[-(last.stage - 1):] + chosen if earlier else chosen
        yield last.nominee, chosen


def _proxy_limit() -> int:
    """The most proxies a candidate may have at one polling station under the rules in force."""
    from saylau.nomination.core import accreditation

    return accreditation.KZ_2011.proxies_per_station


def results_chain_sources() -> tuple[str, ...]:
    """The protocol sources :func:`collect` reads once, for the results and the results chain."""
    return ("official", "pec", "entered", "observer")


def collect(election: Election, *, mission_name: tuple[tuple[str, str], ...] | None = None
            ) -> StatementInputs:
    """Everything the statement of ``election`` can say from the database."""
    candidates = list(Candidate.objects.filter(election=election).order_by("number"))
    regions = {u.code: _names(u) for u in
               Unit.objects.filter(election=election, level=UnitLevel.REGION)}
    parts: dict[str, Any] = {}
    parts.update(observation(election))
    from saylau.results import selectors as results_selectors
    from saylau.statement.chain import results_chain

    sources, _ = results_selectors.station_sources(election, *results_chain_sources())
    parts.update(results(election, candidates, sources))
    chain = results_chain(election, sources, parts.get("stations"))
    if chain is not None:
        parts["results_chain"] = chain
    parts.update(disputes(election))
    parts.update(media(election, candidates))
    audit = register_audit(election)
    if audit:
        parts.setdefault("extra", {})["register_audit"] = audit
    summary = nomination(election)
    if summary is not None:
        parts["nomination"] = summary
    return StatementInputs(
        election_name=_names(election),
        mission_name=mission_name or tuple(zip(L.LANGS, L.MISSION_DEFAULT, strict=True)),
        region_names=regions,
        composition=composition(election),
        candidates=tuple(CandidateInput(c.number, _names(c), c.nominator, c.status, c.incumbent)
                         for c in candidates),
        official_language=election.official_language,
        date=election.date.isoformat(),
        **parts,
    )


#: the inputs of the last few statements by (election, mission name, ledger head): see :func:`cached_collect`
_COLLECTED: dict[tuple, StatementInputs] = {}


def ledger_head() -> tuple[int, str]:
    """The ledger's last sequence number and hash: every change of state appends an entry
    (docs/architecture.md, *Writes, reads and the ledger*), so the head changes with the data."""
    from saylau.ledger.models import LedgerHead

    head = LedgerHead.objects.values_list("sequence", "hash").first()
    return (int(head[0]), str(head[1])) if head else (0, "")


def cached_collect(election: Election, *, mission_name: tuple[tuple[str, str], ...] | None = None
                   ) -> StatementInputs:
    """:func:`collect`, kept in this process until the ledger's head moves (for the statement
    page, which renders the statement on every request). A change written around the services,
    with no ledger entry, is not seen until the next one; ``collect`` reads afresh."""
    key = (election.pk, mission_name, ledger_head())
    if key not in _COLLECTED:
        inputs = collect(election, mission_name=mission_name)
        while len(_COLLECTED) >= 2:
            _COLLECTED.pop(next(iter(_COLLECTED)))
        _COLLECTED[key] = inputs
    return _COLLECTED[key]

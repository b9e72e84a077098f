"""The kz-2011 nomination simulation (:func:`saylau.nomination.core.simulation.simulate_nomination`)
loaded through the services, as the election bodies' own record would be: nominees, their
eligibility checks and status decisions, signature sheets and lines with what the territorial
commissions struck (and whether they recorded why), the commissions' verification sessions
(whether the nominee's proxy attended), and the accreditation filings."""

from __future__ import annotations

from types import SimpleNamespace

import polars as pl
from django.db import transaction

from saylau.core.actors import Actor
from saylau.geography.models import Candidate, Election
from saylau.ledger.services import record_many
from saylau.nomination.choices import SessionMode, SessionSource
from saylau.nomination.core import states
from saylau.nomination.models import Nominee, SignatureLine, VerificationSession
from saylau.nomination.services.accreditation import import_accreditations
from saylau.nomination.services.nominees import create_nominee, decide, record_eligibility
from saylau.nomination.services.signatures import import_lines
from saylau.nomination.writes import NominationError, created

#: the mission's roles (observation) as the accreditation records them
MISSION_ROLES = {"core": "core", "coordinator": "core", "lto": "long_term", "sto": "short_term"}


def _commission_sessions(actor: Actor, election: Election, sim) -> int:
    """The territorial commissions' verification sessions as they recorded them: the lines of a
    region, how many they struck and with which reasons recorded, whether the proxy attended."""
    nominees = {n.code: n for n in Nominee.objects.filter(election=election)}
    official = sim.official.with_columns(pl.col("reason_recorded").fill_null("unrecorded"))
    reasons = (official.filter(pl.col("struck")).group_by("nominee", "region_code", "reason_recorded").len())
    by_place: dict[tuple[str, str], dict[str, int]] = {}
    for nominee, region, reason, n in reasons.iter_rows():
        by_place.setdefault((nominee, region), {})[reason] = int(n)
    events = []
    for r in sim.sessions.iter_rows(named=True):
        lines, struck = int(r["lines"]), int(r["struck"])
        session = VerificationSession(
            nominee=nominees[r["nominee"]], body=r["body"], region_code=r["region_code"],
            source=SessionSource.COMMISSION, held_on=r["held_on"], mode=SessionMode.FULL, stage=1,
            required=sim.required, proxy_present=bool(r["proxy_present"]), lines=lines, sampled=lines,
            invalid=struck, invalid_by_reason=by_place.get((r["nominee"], r["region_code"]), {}),
            projected_valid=lines - struck, projected_low=lines - struck, projected_high=lines - struck,
            decision="")
        session.full_clean(exclude=["nominee"])
        session.save()
        events.append(created(states.SESSION, session, reason="the commission's record (simulation)"))
    record_many(actor=actor, events=events)
    return len(events)


def _international(election: Election, filings: pl.DataFrame) -> pl.DataFrame:
    """The international observers' filings: the mission's own observers (observation package) when the
    election has them, so that what they report links to their accreditation; else the simulation's."""
    from saylau.observation.models import Observer

    mission = list(Observer.objects.filter(election=election).order_by("code"))
    if not mission:
        return filings
    first = filings["filed_on"].min()
    return pl.DataFrame({
        "accreditation_id": [f"M{o.code}" for o in mission], "kind": ["international_observer"] * len(mission),
        "full_name": [o.full_name for o in mission], "iin": [""] * len(mission), "nominee": [""] * len(mission),
        "party": [""] * len(mission), "organisation": ["OSCE/ODIHR"] * len(mission),
        "state": [o.state for o in mission], "role": [MISSION_ROLES.get(o.role, o.role) for o in mission],
        "station_code": [""] * len(mission), "region_code": [""] * len(mission), "filed_on": [first] * len(mission),
        "observer": [o.code for o in mission]})


def import_simulation(*, actor: Actor, election: Election, sim=None, register=None, seed: int = 2011) -> dict:
    """Load a nomination simulation (``sim``; or simulated from ``register``, a
    :class:`~saylau.registry.core.simulation.RegisterSimulation`, with ``seed``) into ``election``.
    Everything in one transaction; refused when the election has nominees already."""
    from saylau.nomination.core.simulation import simulate_nomination

    if sim is None:
        if register is None:
            raise NominationError("give the simulation, or the register simulation to simulate it from")
        sim = simulate_nomination(register, seed=seed)
    if Nominee.objects.filter(election=election).exists():
        raise NominationError(f"{election.slug} has nominees already: the simulation loads into an election "
                              "without any")
    candidates = {c.number: c for c in Candidate.objects.filter(election=election)}
    with transaction.atomic():
        made = {}
        for n in sim.nominees.iter_rows(named=True):
            made[n["nominee"]] = create_nominee(
                actor=actor, election=election, code=n["nominee"], name_en=n["name_en"], name_ru=n["name_ru"],
                name_kk=n["name_kk"], nominated_by=n["nominated_by"], nominated_on=n["nominated_on"],
                party=n["party"] or None, nominating_body=n["nominating_body"] or "", incumbent=bool(n["incumbent"]))
        for code, part in sim.checks.group_by("nominee", maintain_order=True):
            record_eligibility(actor=actor, nominee=made[code[0]], rules_name=sim.rules.code, checks=[
                SimpleNamespace(code=r["check"], outcome=r["outcome"], evidence=r["evidence"],
                                evidence_ru=r["evidence_ru"], evidence_kk=r["evidence_kk"])
                for r in part.iter_rows(named=True)])
        numbers = dict(sim.nominees.select("nominee", "candidate_number").iter_rows())
        for h in sim.history.filter(pl.col("to_status") != "nominated").iter_rows(named=True):
            number = numbers.get(h["nominee"])
            decide(actor=actor, nominee=Nominee.objects.get(pk=made[h["nominee"]].pk), to_status=h["to_status"],
                   number=h["number"], decided_on=h["decided_on"], votes_for=h["votes_for"],
                   votes_against=h["votes_against"], members_present=h["members_present"], body=h["body"],
                   ground=h["ground"] or "", reason=h["reason"] or "", published_on=h["published_on"],
                   candidate=candidates.get(number) if h["to_status"] == "registered" else None)
        lines = sim.lines.join(sim.official.select("line_id", "struck", struck_reason="reason_recorded"),
                               on="line_id", how="left", maintain_order="left")
        counts = import_lines(actor=actor, election=election, lines=lines, source="simulation")
        sessions = _commission_sessions(actor, election, sim)
        filings = pl.concat([sim.proxies, sim.observers.filter(pl.col("kind") != "international_observer"),
                             _international(election, sim.observers.filter(
                                 pl.col("kind") == "international_observer"))], how="diagonal_relaxed")
        filings = filings.rename({"accreditation_id": "reference"}).sort("filed_on", "reference", maintain_order=True)
        voters = set(register.current["iin"].to_list()) if register is not None else None
        accredited = import_accreditations(actor=actor, election=election, applications=filings, voters=voters,
                                           source="simulation")
    return {"nominees": len(made), "registered": sum(1 for n in Nominee.objects.filter(election=election)
                                                       if n.status == "registered"),
            "signature lines": counts["lines"], "commission sessions": sessions,
            "accredited": accredited["accredited"], "refused": accredited["refused"],
            "struck": SignatureLine.objects.filter(nominee__election=election, struck=True).count()}

"""Run the arithmetic checks and quarantine the protocols that fail."""

from __future__ import annotations

import hashlib

import numpy as np
import polars as pl
from django.db import transaction
from django.utils import timezone

from saylau.core import protocol
from saylau.core.actors import Actor
from saylau.geography.models import Election
from saylau.ledger.services import Event, record
from saylau.results import frames, selectors
from saylau.results.core.checks import Tolerances, check_protocols, could_change_winner
from saylau.results.models import CheckRun, ProtocolTemplate, Quarantine


def tolerances_of(election: Election) -> Tolerances:
    t = ProtocolTemplate.objects.filter(election=election).first()
    if t is None:
        return Tolerances()
    return Tolerances(absolute=t.tolerance_absolute, relative=t.tolerance_relative,
                      registered_absolute=t.registered_absolute, registered_relative=t.registered_relative,
                      max_turnout=t.max_turnout)


def quarantine_digest(pairs) -> str:
    """SHA-256 over ``protocol_id|codes`` lines in protocol order."""
    text = "\n".join(f"{p}|{c}" for p, c in sorted(pairs))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def run_state(run: CheckRun, digest: str) -> dict:
    return {"election": run.election_id, "checked": run.checked, "quarantined": run.quarantined,
            "counts": run.counts, "winner": run.winner, "tolerances": run.tolerances, "digest": digest}


@transaction.atomic
def run_checks(*, actor: Actor, election: Election) -> CheckRun:
    """Check every current protocol; quarantine the failing ones with their reasons.

    Also works out whether the quarantined station figures could change the
    winner (clean totals against the quarantined valid votes).
    """
    frame, k = frames.protocols(election, columns=frames.FIGURES)
    return check_frame(actor=actor, election=election, frame=frame, k=k)


def check_frame(*, actor: Actor, election: Election, frame: pl.DataFrame, k: int) -> CheckRun:
    """:func:`run_checks` on protocols the caller has just read in its transaction
    (``frames.protocols``)."""
    tolerances = tolerances_of(election)
    cols = protocol.line_columns(k)
    report = check_protocols(frames.arrays(frame, cols), protocol.vote_columns(k), tolerances=tolerances,
                             ids=frame["id"].to_numpy())
    failing = np.flatnonzero(report.failed)
    quarantines = [(int(report.ids[i]), ",".join(report.codes(int(i))),
                    [{"code": f.code, "reason": f.reason} for f in report.failures(int(i))]) for i in failing]
    winner = {}
    if k >= 2:
        figures = frames.station_figures(frame)
        held = figures["id"].is_in(pl.Series(report.ids[failing]).implode())
        clean = figures.filter(~held)
        totals = {protocol.vote_column(n): float(v) for n, v in protocol.totals(clean).votes.items()}
        check = could_change_winner(totals, float(protocol.totals(figures.filter(held)).valid),
                                    labels=selectors.candidate_labels(election, "en"))  # stored reasons are in English
        winner = {"leader": check.leader, "runner_up": check.runner_up, "margin": check.margin,
                  "leader_votes": check.leader_votes, "runner_up_votes": check.runner_up_votes,
                  "quarantined_votes": check.quarantined, "could_change": check.could_change, "reason": check.reason}
    run = CheckRun(election=election, created_at=timezone.now(), checked=report.n_protocols,
                   quarantined=len(quarantines), counts=report.counts(), winner=winner,
                   tolerances=dict(vars(tolerances)))
    run.full_clean()
    run.save()
    Quarantine.objects.bulk_create([Quarantine(run=run, protocol_id=p, codes=c, reasons=r) for p, c, r in quarantines],
                                   batch_size=2000)
    digest = quarantine_digest((p, c) for p, c, _ in quarantines)
    record(actor=actor, event=Event("results.check.run", "results.checkrun", run.pk, str(run), None,
                                    run_state(run, digest)))
    return run

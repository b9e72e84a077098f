"""Demo step: load the simulated mission, ingest every simulated submission
through the ingestion service, run the quality checks and compute findings."""

from __future__ import annotations

import logging

from saylau.core.steps import DemoContext, Step, SummaryRow

log = logging.getLogger(__name__)
HEADLINES = ("voting.assessment_negative", "voting.ballot_stuffing", "counting.assessment_negative",
             "tabulation.protocols_completed_at_dec")


def ingest_simulation(sim, election, *, actor) -> dict[str, int]:
    """Store the simulation's mission and submissions; returns counts by outcome."""
    from saylau.observation.services import (
        SubmissionInput,
        load_mission,
        seed_builtin_forms,
        set_timezone,
        submit_many,
    )

    seed_builtin_forms(actor=actor, election=election)
    set_timezone(actor=actor, election=election, timezone="Asia/Almaty")
    load_mission(actor=actor, election=election, observers=sim.observers, deployments=sim.deployments)
    items = [SubmissionInput(uuid=s["uuid"], form=s["form"], answers=s["answers"], station_code=s["station_code"],
                             dec_code=s["dec_code"], region_code=s["region_code"], submitted_at=s["submitted_at"],
                             team_code=s["team_code"]) for s in sim.submissions]
    counts: dict[str, int] = {}
    for start in range(0, len(items), 5000):
        for result in submit_many(actor=actor, election=election, items=items[start:start + 5000],
                                  channel="simulation"):
            counts[result.outcome] = counts.get(result.outcome, 0) + 1
            if not result.ok:
                log.warning("simulated submission refused: %s", result.errors)
    return counts


def _observation(ctx: DemoContext) -> list[SummaryRow]:
    from saylau.core.actors import Actor
    from saylau.observation.core.findings import evaluate_all
    from saylau.observation.selectors import mission_summary, submissions_frame
    from saylau.observation.services import run_quality_checks

    actor = Actor.system("demo")
    counts = ingest_simulation(ctx.simulation, ctx.election, actor=actor)
    flags = run_quality_checks(actor=actor, election=ctx.election)
    findings = evaluate_all(submissions_frame(ctx.election))
    ctx.extra["findings"] = findings
    summary = mission_summary(ctx.election)
    rows = [
        SummaryRow("submissions stored", f"{counts.get('created', 0):,}", "database"),
        SummaryRow("submissions refused", f"{counts.get('invalid', 0) + counts.get('forbidden', 0):,}", "log"),
        SummaryRow("quality flags", f"{len(flags):,}", "database"),
        SummaryRow("observers (states, MPs)", f"{summary['observers']:,} ({summary['states']}, "
                   f"{summary['parliamentarians']})", "database"),
    ]
    for f in findings:
        if f.metric.id in HEADLINES and f.group is None:
            rows.append(SummaryRow(f.metric.id, f.sentence("en"), "saylau findings"))
    return rows


STEPS = [Step(20, "observation", _observation)]

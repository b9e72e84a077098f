"""Demo step: the results chain on the simulated election."""

from __future__ import annotations

from saylau.core.steps import DemoContext, Step, SummaryRow


def _results(ctx: DemoContext) -> list[SummaryRow]:
    from saylau.core.actors import Actor
    from saylau.results import selectors, services
    from saylau.results.services.simulation import observed_copies

    actor = Actor.system("demo")
    election = ctx.election
    counts = services.import_simulation(actor=actor, election=election, results=ctx.simulation.results)
    try:
        copies = services.import_observer_copies(actor=actor, election=election)
    except ImportError:  # observation app absent: the simulation's copies
        copies = services.import_observer_frame(actor=actor, election=election, frame=observed_copies(ctx.simulation))
    check, run = services.check_and_tabulate(actor=actor, election=election)
    try:
        quick = selectors.quick_count(election, source="observer")
        t = next(i for i in quick["estimates"] if i["name"] == "turnout")
        turnout = (f"{100 * t['lower']:.1f}-{100 * t['upper']:.1f} % vs official {100 * t['official']:.1f} % "
                   f"({'inside' if t['inside'] else 'OUTSIDE'})")
    except ValueError as error:  # too few copies at a very small scale
        turnout = f"not estimated: {error}"
    out = ctx.out_dir / "results"
    publication = services.publish(actor=actor, election=election, out_dir=out)
    s = run.summary
    rows = [SummaryRow(k, f"{v:,}", "database") for k, v in counts.items()]
    rows += [
        SummaryRow("observer copies", f"{copies:,}", "database"),
        SummaryRow("protocols quarantined", f"{check.quarantined:,} of {check.checked:,}", "database"),
        SummaryRow("stations whose DEC entry differs from the PEC protocol",
                   f"{s['units_with_discrepancies']['entered']:,}", "database"),
        SummaryRow("stations whose observer copy differs", f"{s['units_with_discrepancies']['observer']:,}", "database"),
        SummaryRow("quick count turnout (observers' copies)", turnout, "database"),
        SummaryRow("stations published", f"{publication.stations:,}", str(out)),
    ]
    return rows


STEPS = [Step(30, "results chain", _results)]

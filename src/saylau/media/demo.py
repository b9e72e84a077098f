"""Demo step: the kz-2011 media monitoring loaded through the services and analysed."""

from __future__ import annotations

from saylau.core.steps import DemoContext, Step, SummaryRow


def load_simulation(election, *, actor, seed: int = 2011):
    """Write the simulated monitoring of ``election``'s candidates (outlets, the campaign
    period, every coding) through the services; returns the :class:`MediaSimulation`."""
    from saylau.geography.models import Candidate
    from saylau.media import services
    from saylau.media.core.simulation import simulate_media

    candidates = list(Candidate.objects.filter(election=election).values_list("number", "incumbent"))
    sim = simulate_media(candidates, seed=seed)
    services.write_outlets(actor=actor, election=election, rows=sim.outlets.to_dicts(), origin="simulation")
    services.write_periods(actor=actor, election=election, rows=sim.periods.to_dicts())
    services.write_slots(actor=actor, election=election, rows=sim.slots.to_dicts(), origin="simulation")
    services.write_codings(actor=actor, election=election, rows=sim.codings.to_dicts(), origin="simulation")
    return sim


def _media(ctx: DemoContext) -> list[SummaryRow]:
    from saylau.core.actors import Actor
    from saylau.media import selectors
    from saylau.media.core import analysis

    sim = load_simulation(ctx.election, actor=Actor.system("demo"), seed=ctx.seed)
    report = selectors.report(ctx.election)
    rows = [SummaryRow("media items coded", f"{sim.truth['items']:,} ({sim.truth['double_coded']:,} twice)",
                       "database")]
    incumbent = str(sim.truth["incumbent"])
    for outlet in sim.truth["news"]:
        share = analysis.value(report.news, outlet=outlet, subject_ref=incumbent)
        rows.append(SummaryRow(f"incumbent's share of {outlet}'s news on candidates",
                               f"{share.percent:.0f} % ({share.numerator:,} of {share.denominator:,} s)",
                               "database"))
    tone = {a.variable: a for a in selectors.alphas(ctx.election)}["tone"]
    rows.append(SummaryRow("Krippendorff's alpha, tone", f"{tone.alpha:.3f} ({tone.items} items)", "database"))
    return rows


STEPS = [Step(45, "media monitoring", _media)]

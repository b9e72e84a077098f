"""Demo step: simulate kz-2011 and load it."""

from __future__ import annotations

from saylau.core.steps import DemoContext, Step, SummaryRow


def _simulate(ctx: DemoContext) -> list[SummaryRow]:
    from saylau.core.actors import Actor
    from saylau.simulate import simulate
    from saylau.simulate.load import load, write_files

    sim = simulate("kz-2011", scale=ctx.scale, seed=ctx.seed)
    ctx.simulation = sim
    ctx.election = load(sim, actor=Actor.system("demo"))
    where = write_files(sim, ctx.data_dir / "simulation" / ctx.election.slug)
    stored = {"regions", "districts", "stations", "special stations", "registered voters", "commissions", "commission members", "candidates"}
    rows = [SummaryRow(k, f"{v:,}", "database" if k in stored else str(where)) for k, v in sim.summary().items()]
    truth = sim.truth
    rows += [
        SummaryRow("voting visits (distinct stations)", f"{truth['voting']['observations']:,} ({truth['voting']['stations']:,})", str(where)),
        SummaryRow("counts observed", f"{truth['counting']['observations']:,}", str(where)),
        SummaryRow("DEC tabulations observed", f"{truth['tabulation']['decs']:,}", str(where)),
    ]
    return rows


STEPS = [Step(10, "simulate kz-2011", _simulate)]

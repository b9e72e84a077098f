"""Demo step: the kz-2011 register audited end to end.

The demo runs the register at 1/100 of its size (91,817 voters, the
simulation's stations): the Fellegi-Sunter model's training is the same at
any size, and the whole of ``saylau demo`` must finish within five minutes on
two cores; the full 9,181,700 voters are the benchmark's
(benchmarks/bench_registry.py, docs/registry.md).
"""

from __future__ import annotations

from saylau.core.steps import DemoContext, Step, SummaryRow

SCALE = 0.01


def _register(ctx: DemoContext) -> list[SummaryRow]:
    from saylau.core.actors import Actor
    from saylau.registry import opendata, services, store
    from saylau.registry.core import audit, dedupe, fieldaudit
    from saylau.registry.core.simulation import simulate_register

    stations = None
    if ctx.simulation is not None and abs(ctx.scale - SCALE) < 1e-9:
        stations = ctx.simulation.stations
    sim = simulate_register(SCALE, ctx.seed, stations=stations)
    store.write_snapshot(ctx.data_dir, "previous", sim.previous)
    store.write_snapshot(ctx.data_dir, "current", sim.current)
    store.write_table(ctx.data_dir, "stations", sim.stations)
    store.write_table(ctx.data_dir, "deaths", sim.deaths)
    store.write_table(ctx.data_dir, "population", sim.population)
    store.set_meta(ctx.data_dir, current="current", previous="previous", simulated=True, scale=SCALE, seed=ctx.seed)
    outcome = audit.run(sim.current, sim.stations, election_day=ctx.election.date, previous=sim.previous,
                        deaths=sim.deaths, population=sim.population)
    run = services.record_audit(actor=Actor.system("demo"), election=ctx.election, snapshot="current",
                                previous="previous", engine="duckdb", outcome=outcome)
    score = dedupe.score(outcome.pairs.filter(outcome.pairs["status"] == "match"), sim.truth["pairs"])
    out = opendata.write(outcome, ctx.out_dir / "registry", ctx.election.slug)
    sample = fieldaudit.list_to_people_sample(sim.current, clusters=80, per_cluster=10, seed=ctx.seed)
    fictitious = set()
    answers = fieldaudit.answers_from_truth(sample, deceased=set(sim.truth["deceased"]), fictitious=fictitious,
                                            moved=set())
    est = fieldaudit.estimate(answers)
    outliers = sorted(outcome.growth_districts.filter("outlier")["district_code"].to_list())
    return [
        SummaryRow("register audited (1/100 of kz-2011)", f"{outcome.records:,} voters, {outcome.seconds['total']:.0f} s",
                   "data dir/registry"),
        SummaryRow("duplicates: pairs / review queue", f"{run.matches:,} / {run.review:,}", "database"),
        SummaryRow("duplicates against the truth", f"precision {score.precision:.3f}, recall {score.recall:.3f}", ""),
        SummaryRow("growth outliers (truth)", f"{', '.join(outliers)} ({', '.join(sim.truth['inflated_districts'])})", ""),
        SummaryRow("field audit: deceased on the list", f"{est.rate * 100:.1f}% ({est.low * 100:.1f}-{est.high * 100:.1f}%)",
                   f"{est.sampled} entries at {est.clusters} stations"),
        SummaryRow("open data of the register audit", "aggregates only", str(out)),
    ]


STEPS = [Step(37, "voter register audit", _register)]

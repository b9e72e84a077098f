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
    from saylau.registry.core import audit, dedupe
    from saylau.registry.core.simulation import simulate_register

    stations = None
    if ctx.simulation is not None and abs(ctx.scale - SCALE) < 1e-9:
        stations = ctx.simulation.stations
    sim = simulate_register(SCALE, ctx.seed, stations=stations)
    ctx.extra["register"] = sim  # the candidates' signatures are drawn from the same voters
    store.write_snapshot(ctx.data_dir, "previous", sim.previous)
    store.write_snapshot(ctx.data_dir, "current", sim.current)
    store.write_table(ctx.data_dir, "stations", sim.stations)
    store.write_table(ctx.data_dir, "deaths", sim.deaths)
    store.write_table(ctx.data_dir, "population", sim.population)
    store.set_meta(ctx.data_dir, current="current", previous="previous", simulated=True, scale=SCALE, seed=ctx.seed)
    outcome = audit.run(sim.current, sim.stations, election_day=ctx.election.date, previous=sim.previous,
                        deaths=sim.deaths, population=sim.population)
    actor = Actor.system("demo")
    field, stored = _field_audits(ctx, sim, actor)
    outcome.findings.extend(field)
    run = services.record_audit(actor=actor, election=ctx.election, snapshot="current",
                                previous="previous", engine="duckdb", outcome=outcome)
    score = dedupe.score(outcome.pairs.filter(outcome.pairs["status"] == "match"), sim.truth["pairs"])
    out = opendata.write(outcome, ctx.out_dir / "registry", ctx.election.slug)
    by_key = {f.key: f for f in field}
    outliers = sorted(outcome.growth_districts.filter("outlier")["district_code"].to_list())
    return [
        SummaryRow("register audited (1/100 of kz-2011)", f"{outcome.records:,} voters, {outcome.seconds['total']:.0f} s",
                   "data dir/registry"),
        SummaryRow("duplicates: pairs / review queue", f"{run.matches:,} / {run.review:,}", "database"),
        SummaryRow("duplicates against the truth", f"precision {score.precision:.3f}, recall {score.recall:.3f}", ""),
        SummaryRow("growth outliers (truth)", f"{', '.join(outliers)} ({', '.join(sim.truth['inflated_districts'])})", ""),
        *(SummaryRow(text, f"{f.share * 100:.1f}% ({f.low * 100:.1f}-{f.high * 100:.1f}%; truth {truth * 100:.1f}%)",
                     f"{f.denominator} {f.unit} at {stations} stations, answers through the observation forms")
          for key, text, truth, stations in (
              ("field_l2p_any", "field audit, list to people: entries in error", stored["l2p_truth"], stored["l2p_stations"]),
              ("field_p2l_not_listed", "field audit, people to list: adults not on the list", stored["p2l_truth"],
               stored["p2l_stations"]))
          if (f := by_key.get(key)) is not None),
        SummaryRow("open data of the register audit", "aggregates only", str(out)),
    ]


def _field_audits(ctx: DemoContext, sim, actor) -> tuple[list, dict]:
    """Both field audits as a mission runs them: the forms imported into the election,
    seeded samples, answers drawn from the simulation's truth sent through the
    observation channel (as submissions of the two forms), read back and estimated."""
    import uuid

    from saylau.observation.services import SubmissionInput, submit_many
    from saylau.registry import forms, selectors, services
    from saylau.registry.core import audit, fieldaudit
    from saylau.registry.core.simulation import residents

    services.install_field_audit_forms(actor=actor, election=ctx.election)
    t = sim.truth
    l2p = fieldaudit.answers_from_truth(
        fieldaudit.list_to_people_sample(sim.current, clusters=80, per_cluster=10, seed=ctx.seed),
        deceased=set(t["deceased"]), fictitious=set(t["fictitious"]), moved=set(t["moved_duplicates"]))
    people = residents(sim)
    met = fieldaudit.people_met(fieldaudit.people_to_list_sample(sim.current, clusters=80, per_cluster=10,
                                                                 seed=ctx.seed), people, seed=ctx.seed)
    space = uuid.UUID("5a7a0016-0000-4000-8000-000000000016")
    items = [SubmissionInput(uuid=str(uuid.uuid5(space, f"l2p-{ctx.seed}-{r['voter_id']}")), form=forms.LIST_TO_PEOPLE,
                             station_code=r["station"],
                             answers={"station_code": r["station"], "voter_id": r["voter_id"], "outcome": r["outcome"]})
             for r in l2p.iter_rows(named=True)]
    for r in met.iter_rows(named=True):
        answers = {"station_code": r["station"], "interview": r["interview"], "surname": r["surname"],
                   "given_name": r["given_name"], "birth_date": r["birth_date"].isoformat()}
        answers.update({k: r[k] for k in ("patronymic", "iin") if r[k]})
        items.append(SubmissionInput(uuid=str(uuid.uuid5(space, f"p2l-{ctx.seed}-{r['station']}-{r['interview']}")),
                                     form=forms.PEOPLE_TO_LIST, station_code=r["station"], answers=answers))
    submit_many(actor=actor, election=ctx.election, items=items, channel="simulation")
    back_l2p, back_p2l = selectors.field_answers(ctx.election)
    field = audit.field_findings(back_l2p, back_p2l, sim.current)
    errors = set(t["deceased"]) | set(t["fictitious"]) | set(t["moved_duplicates"])
    stored = {"l2p_truth": sim.current["voter_id"].is_in(list(errors)).mean(),
              "p2l_truth": float((~people["listed"]).mean()),
              "l2p_stations": 0 if back_l2p is None else back_l2p["station"].n_unique(),
              "p2l_stations": 0 if back_p2l is None else back_p2l["station"].n_unique()}
    return field, stored


STEPS = [Step(37, "voter register audit", _register)]

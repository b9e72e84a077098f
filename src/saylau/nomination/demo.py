"""Demo step: the kz-2011 nomination, signatures and accreditation, checked end to end.

The register audit's step (37) writes the register at 1/100 of its size; this step
simulates the same register again (same seed, same stations: the same voters),
loads the nomination simulation through the services (the bodies' own record: the
decisions, what the territorial commissions struck, whether the proxies attended,
the accreditation filings), checks every signature line against the register, runs
the sample verification of every nominee that submitted signatures, and writes the
open data (aggregates and public acts only).
"""

from __future__ import annotations

import math

from saylau.core.steps import DemoContext, Step, SummaryRow

SCALE = 0.01


def plan_for(lines: int, tolerated: float, seed: int):
    """The demo's sampling plan: half the lines; a fifth more when the first half holds too many invalid."""
    from saylau.nomination.core import sampling

    return sampling.Plan(first=math.ceil(lines / 2), tolerated=tolerated, second=math.ceil(lines / 5), seed=seed)


def _nomination(ctx: DemoContext) -> list[SummaryRow]:
    import datetime as dt
    import json

    import polars as pl

    from saylau.core.actors import Actor
    from saylau.nomination import selectors, services
    from saylau.nomination.core import sampling
    from saylau.nomination.core.simulation import PROXIES, PROXIES_INCUMBENT, simulate_nomination
    from saylau.nomination.models import Nominee
    from saylau.registry.core.simulation import simulate_register

    stations = ctx.simulation.stations if ctx.simulation is not None and abs(ctx.scale - SCALE) < 1e-9 else None
    register = ctx.extra.get("register") or simulate_register(SCALE, ctx.seed, stations=stations)
    sim = simulate_nomination(register, seed=ctx.seed)
    actor = Actor.system("demo")
    election = ctx.election
    counts = services.import_simulation(actor=actor, election=election, sim=sim, register=register)
    collectors = set(sim.collectors.filter(pl.col("accredited"))["collector"].to_list())
    checked = services.verify_lines(actor=actor, election=election, register=register.current,
                                    stations=register.stations, deaths=register.deaths, collectors=collectors)
    found = selectors.lines_frame(election).select("line_id", found="reason")
    both = sim.truth_lines.join(found, on="line_id")
    truly, flagged = both["reason"].is_not_null(), both["found"].is_not_null()
    hits = int((truly & flagged).sum())
    precision, recall = hits / max(int(flagged.sum()), 1), hits / max(int(truly.sum()), 1)

    rule = sampling.SpreadRule(required=sim.required, regions_share=2 / 3, per_region=sim.per_region)
    truth = {r["nominee"]: r["decision"] for r in sim.truth_nominees.iter_rows(named=True) if r["decision"]}
    agree = 0
    for code in sorted(truth):
        nominee = Nominee.objects.get(election=election, code=code)
        held = sim.nominees.filter(pl.col("nominee") == code)["submitted_on"][0] + dt.timedelta(days=3)
        made = services.run_session(actor=actor, nominee=nominee, held_on=held,
                                    plan=plan_for(nominee.signature_lines.count(), sim.tolerated, ctx.seed),
                                    required=sim.required, proxy_present=False, register=register.current,
                                    stations=register.stations, deaths=register.deaths, collectors=collectors,
                                    spread_rule=rule)
        agree += made[-1].decision == truth[code]
    record = selectors.official_record(election)
    proxies = {r["nominee_code"]: r["accredited"] for r in selectors.accreditation_by_candidate(election)}
    out = ctx.out_dir / "nomination"
    out.mkdir(parents=True, exist_ok=True)
    data = selectors.open_data(election)
    for name, rows in data.items():
        if rows:
            pl.DataFrame(rows, infer_schema_length=None).write_csv(out / f"{name}.csv")
    (out / "nomination.json").write_text(json.dumps({"election": election.slug, **data}, ensure_ascii=False,
                                                    indent=1, default=str), encoding="utf-8")
    return [
        SummaryRow("nominees / registered", f"{counts['nominees']} / {counts['registered']}", "database"),
        SummaryRow("signature lines checked against the register",
                   f"{checked['lines']:,}: {checked['invalid']:,} invalid; precision {precision:.3f}, "
                   f"recall {recall:.3f} against the truth", "database"),
        SummaryRow("sample verifications deciding as the truth", f"{agree} of {len(truth)}", "database"),
        SummaryRow("struck by the commissions without a recorded reason",
                   f"{record['without_reason']:,} of {record['struck']:,}", "database"),
        SummaryRow("commission sessions with the nominee's proxy present",
                   f"{record['proxy_present']} of {record['sessions']}",
                   "database"),
        SummaryRow("proxies accredited (the incumbent's)",
                   f"{sum(proxies.values()):,} ({proxies.get('N01', 0):,}); statement x {SCALE:g}: "
                   f"{round(PROXIES * SCALE):,} ({round(PROXIES_INCUMBENT * SCALE):,})", "database"),
        SummaryRow("open data of nomination", "aggregates and decisions", str(out)),
    ]


STEPS = [Step(38, "candidates, signatures and accreditation", _nomination)]

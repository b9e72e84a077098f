"""Demo step: the kz-2011 complaints and appeals through the process, and the statement's figures."""

from __future__ import annotations

from saylau.core.steps import DemoContext, Step, SummaryRow


def _disputes(ctx: DemoContext) -> list[SummaryRow]:
    from saylau.core.actors import Actor
    from saylau.disputes import selectors, services
    from saylau.disputes.core import stats

    election = ctx.election
    counts = services.import_simulation(actor=Actor.system("demo"), election=election, seed=ctx.seed)
    s = stats.summarise(selectors.case_frame(election), election.date)
    out = ctx.out_dir / "disputes"
    out.mkdir(parents=True, exist_ok=True)
    rows = selectors.public_rows(election)
    (out / "disputes.csv").write_text(selectors.open_data_csv(rows), encoding="utf-8")
    (out / "disputes.json").write_text(selectors.open_data_json(rows, election.slug), encoding="utf-8")
    return [
        SummaryRow("complaints and appeals", f"{counts['cases']} ({counts['appeals']} appeals)", "database"),
        SummaryRow("to the CEC before election day / decided in session / published",
                   f"{s.cec} / {s.cec_in_session} / {s.cec_published}", "database"),
        SummaryRow("to district courts / Supreme Court; rejected or not considered",
                   f"{s.district_court} / {s.supreme_court}; {s.courts_rejected_or_not_considered}", "database"),
        SummaryRow("refused on the conflicting deadline", str(s.wrong_deadline), "database"),
        SummaryRow("open data of cases", f"{len(rows)} rows", str(out)),
    ]


STEPS = [Step(35, "complaints and appeals", _disputes)]

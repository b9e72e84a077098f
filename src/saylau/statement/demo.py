"""Demo step: the statement of preliminary findings in en, ru, kk as HTML and PDF."""

from __future__ import annotations

from saylau.core.steps import DemoContext, Step, SummaryRow


def _statement(ctx: DemoContext) -> list[SummaryRow]:
    from saylau.statement.core.build import write_statements
    from saylau.statement.core.narrative import read_narrative, sample_directory
    from saylau.statement.selectors import collect

    inputs = collect(ctx.election)
    narrative = read_narrative(sample_directory())
    paths = write_statements(inputs, ctx.out_dir / "statement", narrative=narrative)
    figures = sum(1 for f in inputs.findings if f.denominator)
    return [SummaryRow(f"statement ({p.suffix[1:].upper()}, {p.stem.rsplit('-', 1)[1]})",
                       f"{p.stat().st_size / 1024:,.0f} KiB", str(p)) for p in paths] + [
        SummaryRow("statement findings with data", f"{figures:,}", str(ctx.out_dir / "statement"))]


STEPS = [Step(50, "statement", _statement)]

"""Demo step: forensics on the simulated official station results."""

from __future__ import annotations

from saylau.core import protocol
from saylau.core.steps import DemoContext, Step, SummaryRow


def official_stations(sim):
    """The simulation's official station protocols as forensics :class:`Stations`."""
    from saylau import forensics as fx

    a = protocol.station_arrays(sim.results, prefix="official_")
    names = [str(n) for n in sim.candidates.sort("number")["name_en"]]
    return fx.stations_from_arrays(
        a.registered, a.issued, a.valid, a.invalid, a.votes,
        candidates=names, winner=names[0], units={"region": sim.stations["region_code"].to_numpy()},
    )


def _forensics(ctx: DemoContext) -> list[SummaryRow]:
    from saylau import forensics as fx

    stations = official_stations(ctx.simulation)
    report = fx.analyse(stations, title="kz-2011 simulation: official station results", seed=ctx.seed)
    html, _ = fx.write_report(report, ctx.out_dir / "forensics", stations)
    basic = {t.name: t for t in report.basic.tests}
    return [
        SummaryRow("official turnout / winner share", f"{report.turnout:.2f}% / {report.winner_share:.2f}%", str(html)),
        SummaryRow("turnout-share correlation [95% CI]", f"{basic['Corr'].value:.3f} [{basic['Corr'].ci_low:.3f}, {basic['Corr'].ci_high:.3f}]", str(html)),
        SummaryRow("Shpilkin excess votes", f"{report.shpilkin.excess_votes:,.0f}", str(html)),
        SummaryRow("integer-percentage excess (p)", f"{report.integer.either.excess:.1f} (p={report.integer.either.p_value:.3f})", str(html)),
    ]


STEPS = [Step(40, "forensics", _forensics)]

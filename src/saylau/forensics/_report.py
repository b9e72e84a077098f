"""Self-contained HTML report (plots as base64 PNG) and JSON of every statistic."""

from __future__ import annotations

import base64
import json
from html import escape
from pathlib import Path

import numpy as np

from saylau.forensics._fingerprint import fingerprint_png, histogram_png
from saylau.forensics._io import Stations
from saylau.forensics._suite import ForensicsReport


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{data}">'


def _num(x, digits=3) -> str:
    if x is None or (isinstance(x, float) and not np.isfinite(x)):
        return "–"
    if isinstance(x, int | np.integer):
        return f"{x:,}"
    return f"{x:,.{digits}f}"


def _table(header, rows) -> str:
    head = "".join(f"<th>{escape(str(h))}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


_STYLE = """body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}
table{border-collapse:collapse;margin:1em 0;font-size:90%}td,th{border:1px solid #ccc;
padding:3px 6px;text-align:right}th{background:#eee}td:first-child{text-align:left}
.yes{color:#b00;font-weight:bold}img{max-width:100%}"""


def render_html(report: ForensicsReport, stations: Stations | None = None,
                pages: list[tuple[str, str]] | None = None) -> str:
    """The report as one HTML page; pass ``stations`` to include the histograms."""
    r = report
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(r.title)}"
             f"</title><style>{_STYLE}</style></head><body>",
             f"<h1>Election forensics: {escape(r.title)}</h1>",
             f"<p>{r.stations:,} stations analysed; turnout {r.turnout:.2f}%, "
             f"{escape(r.winner)} {r.winner_share:.2f}% (sums over all readable rows). "
             f"Seed {r.seed}. {len(r.problems)} problem(s) in the input.</p>"]
    parts.append("<h2>Fingerprint</h2>" + _img(fingerprint_png(r.fingerprint, r.title),
                                                   "fingerprint"))
    parts.append(f"<p>Excess kurtosis of the log-odds of the winner's share: "
                 f"{_num(r.fingerprint.logodds_kurtosis)} ({r.fingerprint.logodds_n:,} stations)."
                 "</p>")
    if r.klimek:
        k = r.klimek
        parts.append("<h3>Klimek fraud model</h3>" + _table(
            ["parameter", "mean over repeats", "sd"],
            [["f_i (incremental)", _num(k.f_i), _num(k.f_i_sd)],
             ["f_e (extreme)", _num(k.f_e, 4), _num(k.f_e_sd, 4)],
             ["alpha", _num(k.alpha, 2), _num(k.alpha_sd, 2)],
             ["theta", _num(k.theta, 2), _num(k.theta_sd, 2)]]))
    ip = r.integer
    parts.append(f"<h2>Integer percentages</h2><p>{ip.stations:,} stations, "
                 f"{ip.replicates:,} binomial null replicates.</p>" + _table(
                     ["quantity", "observed", "null mean", "null sd", "excess", "p-value"],
                     [[c.quantity, c.observed, _num(c.null_mean, 1), _num(c.null_sd, 1),
                       _num(c.excess, 1), _num(c.p_value, 4)]
                      for c in (ip.turnout, ip.share, ip.either)]))
    sp = r.shpilkin
    parts.append("<h2>Shpilkin excess votes</h2>" + _table(
        ["clean peak turnout %", "clean share %", "excess votes", "official share %",
         "corrected share %"],
        [[_num(sp.peak_turnout, 2), _num(sp.clean_share, 2), _num(sp.excess_votes, 0),
          _num(sp.official_share, 2), _num(sp.corrected_share, 2)]]))
    if stations is not None:
        parts.append(_img(histogram_png(100 * stations.turnout, stations.registered,
                                        bins=np.arange(0, 100.5, 0.5), xlabel="turnout, %",
                                        title="Registered voters by turnout",
                                        marks=[sp.peak_turnout]), "turnout"))
    parts.append("<h2>Basic tests (Kalinin-Mebane)</h2>" + _table(
        ["test", "what", "value", "95% low", "95% high", "null", "significant"],
        [[t.name, t.description, _num(t.value, 4), _num(t.ci_low, 4), _num(t.ci_high, 4),
          f"{t.null_low:g}" if t.null_low == t.null_high else f"[{t.null_low:g}, {t.null_high:g}]",
          ("yes" if t.significant else "no") + (f" (p={t.p_value:.3g})" if t.p_value is not None
                                                 else "")] for t in r.basic.tests]))
    if r.unit_basic is not None:
        parts.append(_unit_basic_html(r.unit_basic))
    rows = []
    for rz in (r.rozenas_share, r.rozenas_turnout):
        rows.append([rz.quantity, rz.observed, _num(rz.null_mean, 1),
                     f"{_num(rz.null_low, 0)}–{_num(rz.null_high, 0)}", _num(rz.excess, 1),
                     _num(rz.p_value, 4)])
    parts.append("<h2>Coarse fractions (Rozenas RKD)</h2><p>Fractions: "
                 + escape(", ".join(r.rozenas_share.fractions)) + "</p>" + _table(
                     ["quantity", "observed", "null mean", "95% envelope", "excess", "p-value"],
                     rows))
    for unit, unit_rows in r.units.items():
        parts.append(f"<h2>By {escape(unit)}</h2>" + _table(
            ["unit", "stations", "turnout %", "share %", "integer obs", "integer exp", "z",
             "excess votes", "excess pp", "corr"],
            [[u.unit, u.stations, _num(u.turnout, 2), _num(u.share, 2), u.integer_observed,
              _num(u.integer_expected, 1), _num(u.integer_z, 2), _num(u.excess_votes, 0),
              _num(u.excess_share_pp, 2), _num(u.corr, 2)] for u in unit_rows[:50]]))
    if r.mixture is not None:
        parts.append(_mixture_html(r.mixture))
    if r.spatial is not None:
        parts.append(_spatial_html(r.spatial))
    if r.extremes is not None:
        parts.append(_extremes_html(r.extremes))
    pages = _anomaly_pages(r) if pages is None else pages
    parts.append(f"<h2 id='stations'>Stations to look at</h2><p>{len(r.anomalies):,} station(s) "
                 f"with at least one reason, most suspicious first"
                 + (f"; {len(pages)} pages of {PAGE:,}: "
                    + " ".join(f"<a href='{escape(name)}'>{k + 1}</a>"
                               for k, (name, _) in enumerate(pages))
                    if len(pages) > 1 else "")
                 + ". The JSON report holds the whole list.</p>"
                 + _anomaly_table(r.anomalies[:PAGE]))
    if r.problems:
        parts.append("<h2>Input problems</h2>" + _table(
            ["row", "column", "value", "expected"],
            [[p.row, p.column, p.value, p.expected] for p in r.problems[:500]]))
    parts.append("</body></html>")
    return "\n".join(parts)


PAGE = 500  # stations per page of the anomaly list


def _unit_basic_html(ub) -> str:
    from saylau.forensics._unit_basic import EFTOOLKIT_NAMES, TESTS

    d = ub.definitions
    head = ["unit", "quantity", *[EFTOOLKIT_NAMES.get(t, t) for t in TESTS], "Obs"]
    out = [f"<h2 id='basic-units'>Basic tests per unit, on turnout and every candidate</h2>"
           f"<p>Definitions: <b>{escape(d.name)}</b> (LastC and C05s on counts &ge; "
           f"{d.last_digit_min}; {d.kurtosis} kurtosis; Sobyanin-Sukhovolsky as "
           f"{'the slope of votes/registered on turnout' if d.sobyanin == 'slope' else 'EFToolkit: slope of share on turnout minus mean share'}; "
           f"{'percentile' if d.interval == 'percentile' else 'basic (EFToolkit)'} bootstrap "
           f"intervals at {100 * ub.level:g}% from {ub.replicates:,} replicates; DipT "
           f"{'is the p-value' if d.dip == 'p-value' else 'is the dip statistic, its p-value beside it'}). "
           "Each unit has a row of values and a row of intervals, as in EFToolkit; "
           "<span class='yes'>red</span>: the interval excludes the null (dip: p &lt; "
           f"{1 - ub.level:.2g}). The same tables are written as CSV beside this page.</p>"]
    for level, rows in ub.rows.items():
        body = []
        for row in rows:
            values, intervals = [], []
            for t in TESTS:
                e = row.estimates.get(t)
                if e is None:
                    values.append("<td>–</td>")
                    intervals.append("<td></td>")
                    continue
                cls = " class='yes'" if e.significant else ""
                extra = (f" (p={e.p_value:.3g})" if t == "DipT" and e.p_value is not None
                         and d.dip != "p-value" else "")
                values.append(f"<td{cls}>{_num(e.value, 3)}{extra}</td>")
                intervals.append(f"<td>({_num(e.ci_low, 3)}, {_num(e.ci_high, 3)})</td>"
                                 if np.isfinite(e.ci_low) else "<td></td>")
            body.append(f"<tr><td>{escape(row.unit)}</td><td>{escape(row.quantity)}</td>"
                        + "".join(values) + f"<td>{row.obs:,}</td></tr>"
                        f"<tr><td></td><td></td>{''.join(intervals)}<td></td></tr>")
        out.append(f"<h3>{escape(level)}</h3><table><thead><tr>"
                   + "".join(f"<th>{escape(h)}</th>" for h in head)
                   + "</tr></thead><tbody>" + "".join(body) + "</tbody></table>")
    return "\n".join(out)


def csv_name(level: str) -> str:
    import re

    return "forensics-basic-" + (re.sub(r"[^\w.-]+", "_", level).strip("_") or "level") + ".csv"


def write_unit_basic_csv(ub, out_dir) -> list[Path]:
    """One CSV per level in EFToolkit's layout (``BasicElectionForensics``'s table)."""
    import csv

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for level in ub.rows:
        path = out / csv_name(level)
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(ub.table(level))
        paths.append(path)
    return paths


def _anomaly_table(rows) -> str:
    return _table(
        ["row", "station", "unit", "registered", "turnout %", "share %", "excess", "reasons"],
        [[a.row, a.label, a.unit, a.registered, _num(a.turnout, 2), _num(a.share, 2),
          _num(a.excess_votes, 0), "; ".join(a.reasons)] for a in rows])


def _anomaly_pages(report: ForensicsReport) -> list[tuple[str, str]]:
    """(file name, HTML) for every page of the anomaly list after the first."""
    rows = report.anomalies
    if len(rows) <= PAGE:
        return []
    count = (len(rows) + PAGE - 1) // PAGE
    names = [f"forensics-stations-{k + 1}.html" for k in range(count)]
    out = []
    for k, name in enumerate(names):
        links = " ".join(f"<a href='{escape(n)}'>{j + 1}</a>" if j != k else f"<b>{j + 1}</b>"
                         for j, n in enumerate(names))
        body = (f"<!doctype html><html><head><meta charset='utf-8'><title>"
                f"{escape(report.title)}: stations {k * PAGE + 1}–{min(len(rows), (k + 1) * PAGE)}"
                f"</title><style>{_STYLE}</style></head><body><p><a href='forensics.html'>"
                f"report</a> · pages: {links}</p>"
                f"<h1>Stations to look at, {k * PAGE + 1:,}–{min(len(rows), (k + 1) * PAGE):,} "
                f"of {len(rows):,}</h1>" + _anomaly_table(rows[k * PAGE:(k + 1) * PAGE])
                + "</body></html>")
        out.append((name, body))
    return out


def _spatial_html(sp) -> str:
    from saylau.forensics._spatial import spatial_map_png

    rows = []
    for v in sp.variables.values():
        hot = sum(c.kind == "hot" for c in v.local)
        cold = sum(c.kind == "cold" for c in v.local)
        rows.append([v.name, _num(v.moran_i, 3), _num(v.moran_expected, 3), _num(v.moran_z, 2),
                     _num(v.moran_p, 3), hot, cold])
    out = [f"<h2 id='spatial'>Spatial clustering by {escape(sp.level)}</h2>"
           f"<p>{len(sp.places):,} places; neighbours: {escape(sp.neighbours)}, row-standardised; "
           f"{sp.permutations:,} permutations. Anomaly = share of a place's stations on the list "
           "of stations to look at."
           + (f" Left out without a neighbour: {escape(', '.join(sp.islands))}." if sp.islands
              else "") + "</p>",
           _table(["variable", "Moran's I", "expected", "z", "p (perm.)", "hot spots",
                   "cold spots"], rows)]
    for name in ("anomaly", "turnout"):
        if sp.variables[name].local:
            png = spatial_map_png(sp, name)
            if png:
                out.append(_img(png, f"map of {name}"))
    spots = [[c.place, v.name, c.kind, _num(c.value, 3), _num(c.z, 2), _num(c.p_value, 3)]
             for v in sp.variables.values() for c in v.local if c.kind]
    if spots:
        out.append("<h3>Hot and cold spots (local Getis-Ord G*)</h3>"
                   + _table(["place", "variable", "spot", "value", "z", "p"], spots[:PAGE]))
    return "\n".join(out)


def _mixture_html(m) -> str:
    p = m.parameters
    ci = m.intervals

    def cell(name, digits=3):
        lo_hi = ci.get(name)
        return [_num(getattr(p, name), digits),
                f"({_num(lo_hi[0], digits)}, {_num(lo_hi[1], digits)})" if lo_hi else "–"]

    rows = [["f_i (incremental fraud)", *cell("f_i")], ["f_e (extreme fraud)", *cell("f_e", 4)],
            ["honest turnout mean", *cell("mu_t")], ["honest turnout sd", *cell("sigma_t")],
            ["honest share mean", *cell("mu_v")], ["honest share sd", *cell("sigma_v")],
            ["theta (incremental magnitude)", *cell("theta")],
            ["alpha (stealing exponent)", _num(p.alpha, 1), "profile"]]
    return ("<h2 id='mixture'>Finite mixture model (Mebane-Egami)</h2>"
            f"<p>{m.stations:,} stations; EM {'converged' if m.converged else 'stopped'} after "
            f"{m.iterations} iterations; {m.bootstrap} bootstrap refits give the "
            f"{100 * m.level:g}% intervals. Likelihood ratio against no fraud: "
            f"{_num(m.likelihood_ratio, 1)}; expected stations with fraud: "
            f"{_num(m.fraud_stations, 0)}.</p>"
            + _table(["parameter", "estimate", "interval"], rows))


def _extremes_html(x) -> str:
    denominator = "valid ballots" if x.share_of == "valid" else "valid + invalid ballots"
    head = _table(
        ["what", "stations"],
        [["turnout exactly 100%", x.turnout_100],
         ["turnout above 100% (left out of the other tests)", x.turnout_above_100],
         ["turnout at or above 100%", x.turnout_at_or_above_100],
         ["  their registered voters", x.registered_at_or_above_100],
         ["  their ballots issued", x.given_at_or_above_100],
         [f"one candidate with all {denominator}", x.any_candidate_100],
         *[[f"  {c}", k] for c, k in x.candidate_100.items() if k],
         ["both at once", x.turnout_and_candidate_100]])
    names = list(x.listed[0].votes) if x.listed else []
    rows = [[e.row, e.label, e.registered, e.given, e.valid, e.invalid,
             *[e.votes[c] for c in names], _num(e.turnout, 2), "; ".join(e.reasons)]
            for e in x.listed[:PAGE]]
    more = (f"<p>The first {PAGE:,} of {len(x.listed):,} by source row; the JSON report "
            "lists them all.</p>" if len(x.listed) > PAGE else "")
    return (f"<h2 id='extremes'>Stations at 100%</h2><p>Of {x.stations:,} stations; "
            f"shares are of {denominator}.</p>" + head + more
            + _table(["row", "station", "registered", "issued", "valid", "invalid", *names,
                      "turnout %", "why"], rows))


def write_report(report: ForensicsReport, out_dir: str | Path,
                 stations: Stations | None = None) -> tuple[Path, Path]:
    """Write ``forensics.html`` and ``forensics.json`` into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    html_path, json_path = out / "forensics.html", out / "forensics.json"
    pages = _anomaly_pages(report)
    html_path.write_text(render_html(report, stations, pages), encoding="utf-8")
    for name, body in pages:
        (out / name).write_text(body, encoding="utf-8")
    if report.unit_basic is not None:
        write_unit_basic_csv(report.unit_basic, out)
    # compact: the complete station lists make the file large, and indenting
    # would send it through the slow pure-Python encoder
    json_path.write_text(json.dumps(report.to_dict(), ensure_ascii=False, separators=(",", ":"),
                                    allow_nan=False), encoding="utf-8")
    return html_path, json_path

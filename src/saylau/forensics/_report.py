"""Self-contained HTML report (plots as base64 PNG) and JSON of every statistic."""

from __future__ import annotations

import base64
import json
import re
from html import escape
from pathlib import Path

import numpy as np

from saylau.forensics._fingerprint import fingerprint_png, histogram_png
from saylau.forensics._io import Stations
from saylau.forensics._labels import check, number, phrase, test_text, text
from saylau.forensics._suite import ForensicsReport


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{data}">'


_LANG = ["en"]  # the language of the page being written (set by render_html)


def _num(x, digits=3) -> str:
    return number(x, _LANG[0], digits)


def _t(key: str, **fields) -> str:
    return text(key, _LANG[0], **fields)


def _cell(c) -> str:
    return _num(c) if isinstance(c, int | np.integer) and not isinstance(c, bool) else str(c)


def _table(header, rows) -> str:
    head = "".join(f"<th>{escape(str(h))}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(_cell(c))}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


_STYLE = """body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}
table{border-collapse:collapse;margin:1em 0;font-size:90%}td,th{border:1px solid #ccc;
padding:3px 6px;text-align:right}th{background:#eee}td:first-child{text-align:left}
.yes{color:#b00;font-weight:bold}img{max-width:100%}"""


def render_html(report: ForensicsReport, stations: Stations | None = None,
                pages: list[tuple[str, str]] | None = None, lang: str = "en") -> str:
    """The report as one HTML page in ``lang`` (en, ru, kk); pass ``stations``
    to include the histograms."""
    _LANG[0] = check(lang)
    r = report
    parts = [f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>"
             f"{escape(r.title)}</title><style>{_STYLE}</style></head><body>",
             f"<h1>{_t('title')}: {escape(r.title)}</h1>",
             "<p>" + escape(_t("summary", stations=_num(r.stations), turnout=_num(r.turnout, 2),
                               winner=r.winner, share=_num(r.winner_share, 2), seed=r.seed,
                               problems=_num(len(r.problems)))) + "</p>"]
    parts.append(f"<h2>{_t('fingerprint')}</h2>" + _img(fingerprint_png(
        r.fingerprint, r.title, labels=(_t("turnout_pct"), _t("share_pct"), _t("stations"))),
        _t("fingerprint")))
    parts.append("<p>" + escape(_t("logodds", k=_num(r.fingerprint.logodds_kurtosis),
                                   n=_num(r.fingerprint.logodds_n))) + "</p>")
    if r.klimek:
        k = r.klimek
        parts.append(f"<h3>{_t('klimek')}</h3>" + _table(
            [_t("parameter"), _t("mean_repeats"), _t("sd")],
            [[_t("f_i"), _num(k.f_i), _num(k.f_i_sd)],
             [_t("f_e"), _num(k.f_e, 4), _num(k.f_e_sd, 4)],
             ["α", _num(k.alpha, 2), _num(k.alpha_sd, 2)],
             ["θ", _num(k.theta, 2), _num(k.theta_sd, 2)]]))
    ip = r.integer
    parts.append(f"<h2>{_t('integer')}</h2><p>"
                 + escape(_t("integer_intro", n=_num(ip.stations), r=_num(ip.replicates)))
                 + "</p>" + _table(
                     [_t("quantity"), _t("observed"), _t("null_mean"), _t("null_sd"),
                      _t("excess"), _t("p_value")],
                     [[_t(c.quantity), c.observed, _num(c.null_mean, 1), _num(c.null_sd, 1),
                       _num(c.excess, 1), _num(c.p_value, 4)]
                      for c in (ip.turnout, ip.share, ip.either)]))
    sp = r.shpilkin
    parts.append(f"<h2>{_t('shpilkin')}</h2>" + _table(
        [_t("peak"), _t("clean_share"), _t("excess_votes"), _t("official_share"),
         _t("corrected_share")],
        [[_num(sp.peak_turnout, 2), _num(sp.clean_share, 2), _num(sp.excess_votes, 0),
          _num(sp.official_share, 2), _num(sp.corrected_share, 2)]]))
    if stations is not None:
        parts.append(_img(histogram_png(100 * stations.turnout, stations.registered,
                                        bins=np.arange(0, 100.5, 0.5),
                                        xlabel=_t("turnout_pct"),
                                        title=_t("registered_by_turnout"),
                                        marks=[sp.peak_turnout]), _t("turnout")))
    m = r.unit_basic.definitions.last_digit_min if r.unit_basic is not None else 100
    parts.append(f"<h2>{_t('basic')}</h2>" + _table(
        [_t("test"), _t("what"), _t("value"), _t("low", level=95), _t("high", level=95),
         _t("null"), _t("significant")],
        [[t.name, _t("dip_description") if t.name == "DipT" else test_text(
            t.name, lang, t.description, m), _num(t.value, 4), _num(t.ci_low, 4),
          _num(t.ci_high, 4), _null(t.null_low, t.null_high),
          _t("yes" if t.significant else "no") + (f" (p={_num(t.p_value, 3)})"
                                                  if t.p_value is not None else "")]
         for t in r.basic.tests]))
    if r.unit_basic is not None:
        parts.append(_unit_basic_html(r.unit_basic))
    rows = []
    for rz in (r.rozenas_share, r.rozenas_turnout):
        rows.append([_t(rz.quantity), rz.observed, _num(rz.null_mean, 1),
                     f"{_num(rz.null_low, 0)}–{_num(rz.null_high, 0)}", _num(rz.excess, 1),
                     _num(rz.p_value, 4)])
    parts.append(f"<h2>{_t('rozenas')}</h2><p>{_t('fractions')}: "
                 + escape(", ".join(r.rozenas_share.fractions)) + "</p>" + _table(
                     [_t("quantity"), _t("observed"), _t("null_mean"), _t("envelope"),
                      _t("excess"), _t("p_value")], rows))
    for unit, unit_rows in r.units.items():
        parts.append(f"<h2>{escape(_t('by_unit', unit=unit))}</h2>" + _table(
            [_t("unit"), _t("stations"), _t("turnout_col"), _t("share_col"), _t("integer_obs"),
             _t("integer_exp"), "z", _t("excess_votes"), _t("excess_pp"), _t("corr")],
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
    parts.append(f"<h2 id='stations'>{_t('look')}</h2><p>"
                 + escape(_t("look_intro", n=_num(len(r.anomalies))))
                 + (escape(_t("look_pages", k=_num(len(pages)), page=_num(PAGE)))
                    + " ".join(f"<a href='{escape(name)}'>{k + 1}</a>"
                               for k, (name, _) in enumerate(pages))
                    if len(pages) > 1 else "")
                 + escape(_t("look_json")) + "</p>"
                 + _anomaly_table(r.anomalies[:PAGE]))
    if r.problems:
        parts.append(f"<h2>{_t('problems')}</h2>" + _table(
            [_t("row"), _t("column"), _t("value"), _t("expected_col")],
            [[str(p.row), p.column, p.value, phrase(p.expected, lang)] for p in r.problems[:500]]))
    parts.append("</body></html>")
    return "\n".join(parts)


def _null(lo: float, hi: float) -> str:
    return _num(lo, 4).rstrip("0").rstrip(".,") if lo == hi else (
        f"[{_num(lo, 0)}, {_num(hi, 0)}]")


PAGE = 500  # stations per page of the anomaly list


def _unit_basic_html(ub) -> str:
    from saylau.forensics._unit_basic import EFTOOLKIT_NAMES, NATIONAL, TESTS, TURNOUT

    d = ub.definitions
    head = [_t("unit"), _t("quantity"), *[EFTOOLKIT_NAMES.get(t, t) for t in TESTS], "Obs"]
    intro = _t("unit_basic_intro", name=escape(d.name), m=_num(d.last_digit_min),
               kurt=_t("kurt_excess" if d.kurtosis == "excess" else "kurt_raw"),
               sob=_t("sob_slope" if d.sobyanin == "slope" else "sob_eftoolkit"),
               interval=_t("interval_percentile" if d.interval == "percentile"
                           else "interval_basic"),
               level=_num(100 * ub.level, 0), reps=_num(ub.replicates),
               dip=_t("dip_p" if d.dip == "p-value" else "dip_stat"),
               alpha=_num(1 - ub.level, 2))
    out = [f"<h2 id='basic-units'>{_t('unit_basic')}</h2><p>{intro}</p>"]
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
                extra = (f" (p={_num(e.p_value, 3)})" if t == "DipT" and e.p_value is not None
                         and d.dip != "p-value" else "")
                values.append(f"<td{cls}>{_num(e.value, 3)}{extra}</td>")
                intervals.append(f"<td>({_num(e.ci_low, 3)}, {_num(e.ci_high, 3)})</td>"
                                 if np.isfinite(e.ci_low) else "<td></td>")
            unit = _t(row.unit) if row.unit == NATIONAL else row.unit
            quantity = _t(row.quantity) if row.quantity == TURNOUT else row.quantity
            body.append(f"<tr><td>{escape(unit)}</td><td>{escape(quantity)}</td>"
                        + "".join(values) + f"<td>{_num(row.obs)}</td></tr>"
                        f"<tr><td></td><td></td>{''.join(intervals)}<td></td></tr>")
        out.append(f"<h3>{escape(_t(level) if level == NATIONAL else level)}</h3><table><thead><tr>"
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
    lang = _LANG[0]
    return _table(
        [_t("row"), _t("station"), _t("unit"), _t("registered"), _t("turnout_col"),
         _t("share_col"), _t("excess"), _t("reasons")],
        [[str(a.row), a.label, a.unit, a.registered, _num(a.turnout, 2), _num(a.share, 2),
          _num(a.excess_votes, 0), "; ".join(phrase(x, lang) for x in a.reasons)]
         for a in rows])


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
        a, b = k * PAGE + 1, min(len(rows), (k + 1) * PAGE)
        body = (f"<!doctype html><html lang='{_LANG[0]}'><head><meta charset='utf-8'><title>"
                f"{escape(report.title)}: {_t('page_title', a=a, b=b)}"
                f"</title><style>{_STYLE}</style></head><body><p><a href='forensics.html'>"
                f"{_t('report')}</a> · {_t('pages')}: {links}</p>"
                f"<h1>{_t('page_heading', a=_num(a), b=_num(b), n=_num(len(rows)))}</h1>"
                + _anomaly_table(rows[k * PAGE:(k + 1) * PAGE]) + "</body></html>")
        out.append((name, body))
    return out


def _spatial_html(sp) -> str:
    from saylau.forensics._spatial import spatial_map_png

    rows = []
    for v in sp.variables.values():
        hot = sum(c.kind == "hot" for c in v.local)
        cold = sum(c.kind == "cold" for c in v.local)
        rows.append([_var(v.name), _num(v.moran_i, 3), _num(v.moran_expected, 3),
                     _num(v.moran_z, 2), _num(v.moran_p, 3), hot, cold])
    knn = re.match(r"k nearest \(k=(\d+)\)", sp.neighbours)
    how = (_t("knn", k=knn.group(1)) if knn else _t("adjacency")
           if sp.neighbours == "adjacency list" else sp.neighbours)
    out = [f"<h2 id='spatial'>{escape(_t('spatial', level=sp.level))}</h2><p>"
           + escape(_t("spatial_intro", n=_num(len(sp.places)), nb=how,
                       perm=_num(sp.permutations)))
           + (" " + escape(_t("islands", x=", ".join(sp.islands))) if sp.islands else "")
           + "</p>",
           _table([_t("variable"), _t("moran"), _t("expected"), "z", _t("p_perm"),
                   _t("hot_spots"), _t("cold_spots")], rows)]
    for name in ("anomaly", "turnout"):
        if sp.variables[name].local:
            png = spatial_map_png(sp, name)
            if png:
                out.append(_img(png, _t("map_of", x=_var(name))))
    spots = [[c.place, _var(v.name), _t(c.kind), _num(c.value, 3), _num(c.z, 2),
              _num(c.p_value, 3)] for v in sp.variables.values() for c in v.local if c.kind]
    if spots:
        out.append(f"<h3>{_t('spots')}</h3>"
                   + _table([_t("place"), _t("variable"), _t("spot"), _t("value"), "z", "p"],
                            spots[:PAGE]))
    return "\n".join(out)


def _var(name: str) -> str:
    """A spatial variable's name in the page's language."""
    from saylau.forensics._labels import TEXT

    return _t(name) if name in TEXT else name


def _mixture_html(m) -> str:
    p = m.parameters
    ci = m.intervals

    def cell(name, digits=3):
        lo_hi = ci.get(name)
        return [_num(getattr(p, name), digits),
                f"({_num(lo_hi[0], digits)}, {_num(lo_hi[1], digits)})" if lo_hi else "–"]

    rows = [[_t("f_i_long"), *cell("f_i")], [_t("f_e_long"), *cell("f_e", 4)],
            [_t("mu_t"), *cell("mu_t")], [_t("sigma_t"), *cell("sigma_t")],
            [_t("mu_v"), *cell("mu_v")], [_t("sigma_v"), *cell("sigma_v")],
            [_t("theta"), *cell("theta")], [_t("alpha"), *cell("alpha", 2)]]
    intro = _t("mixture_intro", n=_num(m.stations), fitted=_num(m.fitted_stations or m.stations),
               state=_t("converged" if m.converged else "stopped"), it=_num(m.iterations),
               b=_num(m.bootstrap), level=_num(100 * m.level, 0),
               lr=_num(m.likelihood_ratio, 1), fs=_num(m.fraud_stations, 0))
    return (f"<h2 id='mixture'>{_t('mixture')}</h2><p>{escape(intro)}</p>"
            + _table([_t("parameter"), _t("estimate"), _t("interval")], rows))


def _extremes_html(x) -> str:
    denominator = _t("den_valid" if x.share_of == "valid" else "den_received")
    head = _table(
        [_t("what_col"), _t("stations")],
        [[_t("turnout_100"), x.turnout_100],
         [_t("turnout_above"), x.turnout_above_100],
         [_t("turnout_at_above"), x.turnout_at_or_above_100],
         ["  " + _t("their_registered"), x.registered_at_or_above_100],
         ["  " + _t("their_given"), x.given_at_or_above_100],
         [_t("one_candidate", den=denominator), x.any_candidate_100],
         *[[f"  {c}", k] for c, k in x.candidate_100.items() if k],
         [_t("both"), x.turnout_and_candidate_100]])
    names = list(x.listed[0].votes) if x.listed else []
    rows = [[str(e.row), e.label, e.registered, e.given, e.valid, e.invalid,
             *[e.votes[c] for c in names], _num(e.turnout, 2),
             "; ".join(phrase(w, _LANG[0]) for w in e.reasons)]
            for e in x.listed[:PAGE]]
    more = (f"<p>{escape(_t('first_of', k=_num(PAGE), n=_num(len(x.listed))))}</p>"
            if len(x.listed) > PAGE else "")
    return (f"<h2 id='extremes'>{_t('extremes')}</h2><p>"
            + escape(_t("extremes_intro", n=_num(x.stations), den=denominator)) + "</p>"
            + head + more
            + _table([_t("row"), _t("station"), _t("registered"), _t("issued"), _t("valid"),
                      _t("invalid"), *names, _t("turnout_col"), _t("why")], rows))


def write_report(report: ForensicsReport, out_dir: str | Path,
                 stations: Stations | None = None, lang: str = "en") -> tuple[Path, Path]:
    """Write ``forensics.html`` (in ``lang``: en, ru or kk) and ``forensics.json``
    into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    html_path, json_path = out / "forensics.html", out / "forensics.json"
    _LANG[0] = check(lang)
    pages = _anomaly_pages(report)
    html_path.write_text(render_html(report, stations, pages, lang), encoding="utf-8")
    for name, body in pages:
        (out / name).write_text(body, encoding="utf-8")
    if report.unit_basic is not None:
        write_unit_basic_csv(report.unit_basic, out)
    # compact: the complete station lists make the file large, and indenting
    # would send it through the slow pure-Python encoder
    json_path.write_text(json.dumps(report.to_dict(), ensure_ascii=False, separators=(",", ":"),
                                    allow_nan=False), encoding="utf-8")
    return html_path, json_path

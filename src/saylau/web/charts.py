"""The data behind the dashboards' and the portal's charts, shaped for
``web/js/charts.js`` (which draws them with Chart.js).

Every function here is plain data shaping over figures other modules already
computed (coverage from :func:`saylau.web.analysis.coverage`, findings from
the findings evaluator, convergence from :func:`saylau.web.analysis.convergence`,
published stations and regions from :func:`saylau.results.selectors.portal_overview`);
none reads the database or imports Django, so each is tested on hand-made
inputs. A chart is a dict that ``json_script`` writes into the page:

``{"kind": "bar" | "stacked" | "line" | "intervals" | "convergence",
"labels": [x values], "series": [{"label", "values", "low"?, "high"?}],
"percent": bool, "x": axis title, "y": axis title, "number": {"group", "decimal"}}``

Shares are fractions in [0, 1] (the script shows them as percentages in the
page's language); a missing value is ``None``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from saylau.core.wording.numbers import format_int
from saylau.core.wording.numbers import percent as percent_text


def number_style(lang: str) -> dict[str, str]:
    """The digit grouping and decimal mark of ``lang``, as :mod:`saylau.core.wording`
    writes numbers (``1,234.5`` in English; ``1 234,5`` in Russian and Kazakh)."""
    grouped = format_int(1000, lang)
    half = percent_text(12.5, lang, 1)  # "12.5 per cent", "12,5 процента"
    return {"group": grouped[1], "decimal": half[2]}


def _clean(value: Any) -> float | None:
    """A JSON-safe number: None for a missing value or NaN."""
    if value is None:
        return None
    number = float(value)
    return None if math.isnan(number) or math.isinf(number) else number


def chart(kind: str, labels: Sequence[Any], series: list[dict], lang: str, *, percent: bool = False,
          x: str = "", y: str = "", **extra: Any) -> dict:
    """One chart's data, with the page's number style."""
    return {"kind": kind, "labels": list(labels), "series": series, "percent": percent, "x": x, "y": y,
            "number": number_style(lang), **extra}


def coverage(regions: Sequence[Any], phase_labels: Mapping[str, str], lang: str, **titles: str) -> dict:
    """Share of each region's stations observed, one bar per phase (grouped), from
    :class:`saylau.web.analysis.RegionCoverage` rows (``region_name``, ``stations``,
    ``observed``: phase -> stations observed). A region without stations has no bar."""
    series = []
    for phase, label in phase_labels.items():
        series.append({"label": label, "values": [
            _clean(r.observed.get(phase, 0) / r.stations) if r.stations else None for r in regions]})
    return chart("bar", [r.region_name for r in regions], series, lang, percent=True, **titles)


def findings_by_region(findings: Iterable[Any], region_names: Mapping[str, str], lang: str,
                       **titles: str) -> list[dict]:
    """For each share finding evaluated per region (``evaluate_all(..., by="region_code")``),
    its share in each region with the Wilson 95% interval as error bars, in
    metric order; counts (totals) are left out. Regions are in ``region_names``
    order; a region where the finding had no answers has no bar."""
    by_metric: dict[str, dict] = {}
    codes = list(region_names)
    for f in findings:
        if not f.is_share or f.group is None or f.group[0] != "region_code":
            continue
        item = by_metric.setdefault(f.metric.id, {"metric": f.metric, "cells": {}})
        item["cells"][str(f.group[1])] = f
    out = []
    for metric_id, item in by_metric.items():
        phrase = dict(item["metric"].phrase)
        cells = [item["cells"].get(code) for code in codes]
        series = [{"label": phrase.get(lang) or phrase.get("en") or metric_id,
                   "values": [_clean(c.share) if c else None for c in cells],
                   "low": [_clean(c.low) if c else None for c in cells],
                   "high": [_clean(c.high) if c else None for c in cells],
                   "numerator": [c.numerator if c else None for c in cells],
                   "denominator": [c.denominator if c else None for c in cells]}]
        out.append({**chart("intervals", list(region_names.values()), series, lang, percent=True, **titles),
                    "id": metric_id})
    return out


def by_hour(counts: Iterable[tuple[int | None, str | None, int]], type_labels: Mapping[str, str], lang: str,
            **titles: str) -> dict:
    """Reports per local hour, stacked by type: ``counts`` holds ``(hour, type code,
    number)``. Hours run from the first to the last with a report (no gap
    hidden); types in ``type_labels`` order, then unknown codes as they are; a
    report without an hour is left out and counted in ``"without_hour"``."""
    table: dict[str, dict[int, int]] = {}
    without = 0
    for hour, code, n in counts:
        if hour is None:
            without += n
            continue
        table.setdefault(code or "", {})
        table[code or ""][int(hour)] = table[code or ""].get(int(hour), 0) + n
    hours = sorted({h for row in table.values() for h in row})
    span = list(range(hours[0], hours[-1] + 1)) if hours else []
    codes = [c for c in type_labels if c in table] + [c for c in table if c not in type_labels]
    series = [{"label": type_labels.get(c, c), "values": [table[c].get(h, 0) for h in span]} for c in codes]
    return chart("stacked", [f"{h:02d}:00" for h in span], series, lang, without_hour=without, **titles)


def histogram(values: Iterable[float | None], lang: str, *, width: float = 0.05, label: str = "",
              **titles: str) -> dict:
    """How many stations fall in each band of ``width`` over [0, 1] (the last band
    includes 1); values outside [0, 1] or missing are left out and counted in
    ``"outside"``. The bars' labels are the bands' lower bounds (fractions)."""
    array = np.array([np.nan if v is None else float(v) for v in values], dtype=float)
    inside = array[(array >= 0) & (array <= 1)]
    bands = int(round(1 / width))
    edges = np.linspace(0.0, 1.0, bands + 1)
    counts, _ = np.histogram(inside, bins=edges)
    return chart("bar", [float(round(e, 6)) for e in edges[:-1]], [{"label": label, "values": counts.tolist()}],
                 lang, band=width, bands=True, outside=int(array.size - inside.size), **titles)


def convergence(points: Iterable[Any], name: str, official: float | None, lang: str, *, label: str = "",
                official_label: str = "", **titles: str) -> dict:
    """The estimate of ``name`` (``leader`` or ``turnout``) with its interval as
    copies arrive (:func:`saylau.web.analysis.convergence` points), and the
    official figure as a flat line."""
    chosen = [p for p in points if p.name == name]
    series = [{"label": label, "values": [_clean(p.estimate) for p in chosen],
               "low": [_clean(p.lower) for p in chosen], "high": [_clean(p.upper) for p in chosen]}]
    if official is not None:
        series.append({"label": official_label, "values": [_clean(official)] * len(chosen), "official": True})
    return chart("convergence", [p.copies for p in chosen], series, lang, percent=True, **titles)


def results_by_region(regions: Sequence[Mapping[str, Any]], candidates: Sequence[Mapping[str, Any]], lang: str,
                      **titles: str) -> dict:
    """Each region's valid ballots split among the candidates (stacked shares),
    from the portal's region rows (``name``, ``share_<n>``) and candidates
    (``number``, ``label``)."""
    series = [{"label": c["label"], "values": [_clean(r.get(f"share_{c['number']}")) for r in regions]}
              for c in candidates]
    return chart("stacked", [r["name"] for r in regions], series, lang, percent=True, horizontal=True, **titles)


def station_shares(stations: Any, candidates: Sequence[Mapping[str, Any]], lang: str, *, limit: int = 3,
                   **titles: str) -> list[dict]:
    """Histograms over stations of turnout (ballots issued of registered voters,
    :func:`saylau.core.protocol.turnout_expr`) and of the ``limit`` leading
    candidates' shares of valid ballots, from the published stations frame."""
    import polars as pl

    from saylau.core import protocol

    if stations.is_empty():
        return []
    turnout = stations.select(protocol.turnout_expr(stations.columns).alias("t"))["t"].to_list()
    out = [{**histogram(turnout, lang, label=titles.get("turnout", ""), **_axes(titles)), "id": "turnout"}]
    for c in list(candidates)[:limit]:
        column = protocol.vote_column(c["number"])
        if column not in stations.columns:
            continue
        share = stations.select(pl.when(pl.col("valid") > 0).then(pl.col(column).fill_null(0) / pl.col("valid"))
                                .alias("s"))["s"].to_list()
        out.append({**histogram(share, lang, label=c["label"], **_axes(titles)), "id": column})
    return out


def _axes(titles: Mapping[str, str]) -> dict[str, str]:
    return {k: v for k, v in titles.items() if k in ("x", "y")}


def percent(value: float | None, lang: str) -> str:
    """A share as the pages write it (``45.7 %``, ``45,7 %``; ``–`` when missing),
    like the ``percent`` template filter."""
    if value is None or value != value:
        return "–"
    return f"{100 * value:.1f}".replace(".", number_style(lang)["decimal"]) + "\u00a0%"


def _cell(chart_: Mapping[str, Any], series: Mapping[str, Any], i: int, lang: str) -> str:
    value = series["values"][i]
    if not chart_["percent"]:
        return "–" if value is None else format_int(int(value), lang)
    text = percent(value, lang)
    if "low" in series and value is not None:
        text += f" ({percent(series['low'][i], lang)}–{percent(series['high'][i], lang)})"
    return text


def table(chart_: Mapping[str, Any], lang: str) -> dict[str, list]:
    """The chart's figures as a table (its text alternative): a row per x value,
    a column per series; intervals in brackets; a band written as its range."""
    labels = chart_["labels"]
    if chart_.get("bands"):
        width = chart_["band"]
        labels = [f"{percent(lo, lang)}–{percent(min(1.0, lo + width), lang)}" for lo in labels]
    rows = [[str(label), *(_cell(chart_, s, i, lang) for s in chart_["series"])] for i, label in enumerate(labels)]
    head = "" if chart_["kind"] == "scatter" else chart_.get("x", "")
    return {"head": [head, *(s["label"] for s in chart_["series"])], "rows": rows}


def _has_data(chart_: Mapping[str, Any]) -> bool:
    if chart_["kind"] == "scatter":
        return any(s["points"] for s in chart_["series"])
    return bool(chart_["labels"]) and any(v for s in chart_["series"] for v in s["values"])


def figure(ident: str, title: str, data: Mapping[str, Any] | list, lang: str, note: str = "") -> dict | None:
    """What the ``_chart.html`` template needs: an id, a title, the data (one chart,
    or several to choose from), and each chart's table as its text alternative;
    None when there is nothing to draw (no rows, or every figure zero or missing)."""
    charts = data if isinstance(data, list) else [data]
    if not any(_has_data(c) for c in charts):
        return None
    return {"id": ident, "title": title, "data": data, "note": note, "choose": isinstance(data, list),
            "tables": [{"title": c["series"][0]["label"] if isinstance(data, list) else title, **table(c, lang)}
                       for c in charts]}


def stations(points: Iterable[tuple[str, Any, Any]], observed: set[str], lang: str, *, observed_label: str,
             other_label: str, **titles: str) -> dict:
    """Stations where their coordinates are known, as points (longitude, latitude,
    rounded to 0.01 degree, about a kilometre), in two series: observed (code in
    ``observed``) and not; ``points`` holds ``(code, latitude, longitude)``.
    Stations without coordinates are counted in ``"without"``."""
    seen: list[list[float]] = []
    unseen: list[list[float]] = []
    without = 0
    for code, lat, lon in points:
        if lat is None or lon is None:
            without += 1
            continue
        (seen if code in observed else unseen).append([round(float(lon), 2), round(float(lat), 2)])
    series = [{"label": observed_label, "points": seen, "values": [len(seen)]},
              {"label": other_label, "points": unseen, "values": [len(unseen)]}]
    return chart("scatter", [titles.get("count", "")], series, lang, without=without,
                 **{k: v for k, v in titles.items() if k != "count"})

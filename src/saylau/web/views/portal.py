"""The public results portal (no login): per-station results as last published,
their arithmetic checks and correction history, the ledger head and the open
data files (the stations, and the candidates with their names).

Only what the results app has published is shown: stations come from
:func:`saylau.results.selectors.published_stations` (empty before the first
publication), so the portal never runs ahead of the publication schedule.
"""

from __future__ import annotations

import io

import polars as pl
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from saylau.core import protocol
from saylau.geography.models import Unit
from saylau.ledger import selectors as ledger
from saylau.ledger.services import current_head
from saylau.results import selectors
from saylau.results.core.checks import rule_label
from saylau.results.models import Protocol
from saylau.web import charts
from saylau.web import map as tilemap
from saylau.web.analysis import current_election, line_labels

PAGE = 100
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json",
           "parquet": "application/vnd.apache.parquet"}


def _lang() -> str:
    return (get_language() or "en")[:2]


def _election(request: HttpRequest):
    election = current_election(request.GET.get("election"))
    if election is None:
        raise Http404(_("No election has been loaded yet."))
    return election


def _context(election) -> dict:
    sequence, digest = current_head()
    return {"election": election, "election_name": election.name(_lang()),
            "ledger_sequence": sequence, "ledger_hash": digest,
            "publication": selectors.latest_publication(election), "formats": tuple(FORMATS)}


#: the stations list's filters: all, failing an arithmetic check, entry differing from the PEC protocol
SHOW = ("all", "failing", "differing")


def portal(request: HttpRequest) -> HttpResponse:
    """National totals, candidates and regions as published; the stations,
    searchable by code, failing and differing ones marked and filterable."""
    election = _election(request)
    lang = _lang()
    code = request.GET.get("code", "").strip()
    show = request.GET.get("show", "all")
    show = show if show in SHOW else "all"
    summary = ledger.while_unchanged(f"web:portal-overview:{election.pk}:{lang}",
                              lambda: selectors.portal_overview(election, lang))
    table = summary["stations"]
    if code:
        exact = table.filter(pl.col("station_code") == code)
        if exact.height == 1:
            return redirect(f"{reverse('web:portal-station', args=[code])}?election={election.slug}")
        table = table.filter(pl.col("station_code").str.contains(code, literal=True))
    if show == "failing":
        table = table.filter(pl.col("station_code").is_in(list(summary["failing"])))
    elif show == "differing":
        table = table.filter(pl.col("station_code").is_in(list(summary["differing"])))
    labels = line_labels(election, lang)
    rows = [{**r, "failing": [rule_label(c, lang) for c in summary["failing"].get(r["station_code"], ())],
             "differing": [labels.get(c, c) for c in summary["differing"].get(r["station_code"], ())]}
            for r in table.select("station_code", "district_code", "region_code", "registered", "valid",
                                  "corrected").rows(named=True)]
    page = Paginator(rows, PAGE).get_page(request.GET.get("page"))
    names = {c.number: c.label(lang) for c in selectors.candidates(election)}
    overview = summary["overview"]
    candidates = [{**c, "label": names.get(c["number"], str(c["number"]))} for c in overview["candidates"]]
    top = max((c["votes"] for c in candidates), default=0)
    return render(request, "web/portal/index.html", {
        **_context(election), "code": code, "page": page, "found": len(rows), "show": show,
        "overview": overview, "candidates": candidates, "top_votes": top, "regions": summary["regions"],
        "region_shares": [[r.get(f"share_{c['number']}") for c in candidates] for r in summary["regions"]],
        "failing_count": len(summary["failing"]), "differing_count": len(summary["differing"]),
        **_charts(summary, candidates, lang),
    })


def _charts(summary: dict, candidates: list[dict], lang: str) -> dict:
    """The portal's charts and map, from the overview it already read: results by
    region, turnout and the leading candidates' shares over stations, turnout by region."""
    regions = summary["regions"]
    if not regions:
        return {}
    by_region = charts.results_by_region(regions, candidates, lang, x=_("Share of valid ballots"), y=_("Region"))
    leading = sorted(candidates, key=lambda c: -c["votes"])
    spread = charts.station_shares(summary["stations"], leading, lang, turnout=_("Turnout"),
                                   x=_("Share"), y=_("Stations"))
    return {
        "charts": [charts.figure("results-by-region", _("Results by region (shares of valid ballots)"), by_region, lang),
                   charts.figure("distributions", _("Turnout and candidates' shares across stations"), spread, lang,
                                 note=_("How many stations had each level of turnout or of a candidate's share "
                                        "(bands of 5 percentage points)."))],
        "map": tilemap.tile_map({r["region_code"]: r["turnout"] for r in regions},
                                {r["region_code"]: r["name"] for r in regions}, lang),
        "map_title": _("Turnout by region (ballots issued of voters on the register)"),
    }


def station(request: HttpRequest, code: str) -> HttpResponse:
    """One station: its published figures and the arithmetic checks on them; the
    precinct commission's own protocol, the district commission's entry and the
    observers' copy side by side with their differences; every version of its
    protocols with the decision behind each correction."""
    election = _election(request)
    table = selectors.published_stations(election).filter(pl.col("station_code") == code)
    if table.is_empty():
        raise Http404(_("No published results for this station."))
    row = table.row(0, named=True)
    lang = _lang()
    labels = line_labels(election, lang)
    codes = [*protocol.LINES, *protocol.vote_columns_in(table.columns)]
    failures, rules_run = selectors.line_checks(election, {code: row[code] for code in codes})
    unit = Unit.objects.filter(election=election, level=3, code=code).first()
    history = []
    publication = selectors.latest_publication(election)
    sources = {}
    if unit is not None and publication is not None:
        # versions as published: a correction that arrived later waits for the next publication
        history = list(Protocol.objects.filter(unit=unit, source__in=["official", "entered"],
                                               received_at__lte=publication.until)
                       .select_related("correction__decision__commission")
                       .order_by("tier", "source", "version"))
        sources = selectors.station_protocols(election, unit, publication.until)
    values = {key: _values(p, codes) for key, p in sources.items()}
    compare = []
    for c in codes:
        seen = {key: v.get(c) for key, v in values.items()}
        compare.append({"label": labels.get(c, c), "published": row[c], **{k: seen.get(k) for k in ("pec", "entered", "observer")},
                        "differs": len({v for v in seen.values()}) > 1})
    return render(request, "web/portal/station.html", {
        **_context(election), "row": row, "failures": [{"label": rule_label(f.code, lang), **vars(f)} for f in failures],
        "rules_run": rules_run, "unit": unit, "history": history, "compare": compare,
        "has": {key: key in sources for key in ("pec", "entered", "observer")},
        "differences": sum(1 for r in compare if r["differs"]),
        "unit_name": unit.name(lang) if unit is not None else "", "line_labels": labels,
    })


def _values(p: Protocol, codes: list[str]) -> dict[str, int | None]:
    votes = list(p.votes or [])
    out = {line: getattr(p, line) for line in protocol.LINES}
    for c in codes:
        number = protocol.candidate_number(c)
        if number is not None:
            out[c] = votes[number - 1] if number <= len(votes) else None
    return out


#: the open-data tables: ``stations`` (per-station results as last published)
#: and ``candidates`` (number, vote column, names in en/ru/kk of the stations'
#: ``votes_<n>`` columns)
TABLES = ("stations", "candidates")


def open_data(request: HttpRequest, table: str, fmt: str) -> HttpResponse:
    """``/portal/open-data/<table>.<fmt>``: an open-data table in CSV, JSON or Parquet."""
    name = table
    if fmt not in FORMATS or name not in TABLES:
        raise Http404
    election = _election(request)
    if name == "candidates":
        table = selectors.candidate_table(election)
    else:
        table = selectors.published_stations(election)
    buffer = io.BytesIO()
    if fmt == "csv":
        table.write_csv(buffer)
    elif fmt == "json":
        table.write_json(buffer)
    else:
        table.write_parquet(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{election.slug}-{name}.{fmt}"'
    return response


def ledger_page(request: HttpRequest) -> HttpResponse:
    """The mission's signing keys and every signed checkpoint of the ledger, with
    how to check them without saylau (verifier/README.md)."""
    page = Paginator(list(ledger.checkpoints()), PAGE).get_page(request.GET.get("page"))
    sequence, digest = current_head()
    return render(request, "web/portal/ledger.html", {"keys": list(ledger.keys()), "page": page,
                                                      "ledger_sequence": sequence, "ledger_hash": digest})


def ledger_entries(request: HttpRequest) -> StreamingHttpResponse:
    """``/portal/open-data/ledger-entries.jsonl``: every entry's sequence and hashes, with
    the payload of public ones: enough to rebuild the tree and check every checkpoint."""
    import json

    lines = (json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n" for item in ledger.published_entries())
    response = StreamingHttpResponse(lines, content_type="application/x-ndjson; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ledger-entries.jsonl"'
    return response

"""The back office's tables (``/tables/<list>/``): sort, filter, page, export.

Each list's filters are one FilterSet, shared with the list's JSON API where it
has one (submissions and protocols, discrepancies); codes are shown by their
labels in the page's language. Coordinators and up, as the dashboards."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from saylau.geography.choices import StationArea, UnitLevel
from saylau.geography.models import Unit
from saylau.observation.choices import SubmissionChannel, SubmissionStatus
from saylau.observation.filters import (
    IncidentFilter,
    QualityFlagFilter,
    SubmissionFilter,
    form_label,
)
from saylau.observation.filters import (
    rule_label as flag_rule_label,
)
from saylau.observation.models import FormDefinition, QualityFlag, Submission
from saylau.observation.selectors import reviewed
from saylau.results.choices import DiscrepancyKind, ProtocolSource, ProtocolTier
from saylau.results.core.checks import rule_label
from saylau.results.filters import DiscrepancyFilter, ProtocolFilter
from saylau.results.models import CheckRun, Correction, Quarantine
from saylau.results.selectors import current_protocols, latest_tabulation, run_discrepancies
from saylau.web import analysis
from saylau.web.filters import StationFilter
from saylau.web.roles import Role, role_required
from saylau.web.tables import Column, Table, lang

table_role = role_required(Role.COORDINATOR)


def _election(request: HttpRequest):
    election = analysis.current_election(request.GET.get("election"))
    if election is None:
        raise Http404(_("No election has been loaded yet."))
    return election


def respond_table(request: HttpRequest, table: Table, election, title: str, links=None) -> HttpResponse:
    """The table's page (or its export); ``links``: the tabs above it (the back office's tables by default)."""
    fmt = request.GET.get("export")
    if fmt is not None:
        return table.export(fmt)
    page = table.page()
    return render(request, "web/tables/table.html", {
        "table": table, "page": page, "rows": [(row, table.cells(row)) for row in page], "title": title,
        "election": election, "election_name": election.name(lang()),
        "count": page.paginator.count, "links": LINKS if links is None else links,
        "filtering": any(request.GET.get(name) for name in table.filterset.filters),
        "export_csv": table.export_url("csv"), "export_xlsx": table.export_url("xlsx"),
        "prev_url": table.page_url(page.previous_page_number()) if page.has_previous() else "",
        "next_url": table.page_url(page.next_page_number()) if page.has_next() else "",
    }, status=400 if table.errors else 200)


def _choice(enum) -> dict[str, str]:
    """An enum's labels in the request's language, as texts (an export streams after the view returns)."""
    return {code: str(label) for code, label in enum.choices}


def _form_names(election) -> Callable[[Submission], str]:
    """A submission's form by name (one query for the titles, not a join per row: forms hold their files)."""
    titles = dict(FormDefinition.objects.filter(election=election).order_by("created_at")
                  .values_list("form_id", "title"))
    return lambda sub: form_label(sub.form_code, titles.get(sub.form_code, ""))


def _submission_columns(election) -> list[Column]:
    statuses, channels = _choice(SubmissionStatus), _choice(SubmissionChannel)
    quality = reverse("web:dashboard-quality")
    return [
        Column("id", "#", lambda s: s.pk, "pk", "number",
               link=lambda s: f"{quality}?election={election.slug}&status=all&show={s.pk}"),
        Column("form", _l("Form"), _form_names(election), "form_code"),
        Column("region", _l("Region code"), lambda s: s.region_code, "region_code"),
        Column("district", _l("District code"), lambda s: s.dec_code, "dec_code"),
        Column("station", _l("Station code"), lambda s: s.station_code, "station_code"),
        Column("team", _l("Team code"), lambda s: s.team.code if s.team else "", "team__code"),
        Column("observer", _l("Observer"), lambda s: s.observer.full_name if s.observer else "",
               "observer__full_name"),
        Column("submitted", _l("Submitted"), lambda s: s.submitted_at, "submitted_at", "datetime"),
        Column("received", _l("Received"), lambda s: s.received_at, "received_at", "datetime"),
        Column("channel", _l("Channel"), lambda s: channels.get(s.channel, s.channel), "channel"),
        Column("status", _l("Review status"), lambda s: statuses.get(s.status, s.status), "status"),
    ]


@table_role
def submissions(request: HttpRequest) -> HttpResponse:
    election = _election(request)
    qs = Submission.objects.filter(election=election).select_related("observer", "team")
    table = Table(request, name="submissions", queryset=qs, filterset_class=SubmissionFilter,
                  columns=_submission_columns(election), default_sort="-received")
    return respond_table(request, table, election, _("Submissions"))


@table_role
def incidents(request: HttpRequest) -> HttpResponse:
    election = _election(request)
    types = analysis.choice_labels(election, "incident", "incident_type", lang())
    qs = Submission.objects.filter(election=election, form_code="incident").select_related("observer", "team")
    columns = [c for c in _submission_columns(election) if c.key not in ("form", "channel")]
    columns.insert(1, Column("type", _l("Incident type"),
                             lambda s: types.get((s.answers or {}).get("incident_type"), "")
                             or (s.answers or {}).get("incident_type", ""), "answers__incident_type"))
    columns.append(Column("description", _l("Description"), lambda s: (s.answers or {}).get("description", ""),
                          kind="long"))
    table = Table(request, name="incidents", queryset=qs, filterset_class=IncidentFilter, columns=columns,
                  default_sort="-submitted")
    return respond_table(request, table, election, _("Incidents"))


@table_role
def flags(request: HttpRequest) -> HttpResponse:
    election = _election(request)
    statuses = _choice(SubmissionStatus)
    language = lang()
    quality = reverse("web:dashboard-quality")
    qs = QualityFlag.objects.filter(election=election).select_related("submission")
    columns = [
        Column("submission", _l("Submission"), lambda f: f.submission_id, "submission_id", "number",
               link=lambda f: f"{quality}?election={election.slug}&status=all&show={f.submission_id}"),
        Column("rule", _l("Rule"), lambda f: flag_rule_label(f.rule_id, language), "rule_id"),
        Column("place", _l("Station code"), lambda f: f.place, "place"),
        Column("reason", _l("Reason"), lambda f: f.reason, kind="long", lang="en"),  # as the check wrote it
        Column("status", _l("Review status"), lambda f: statuses.get(f.submission.status, ""), "submission__status"),
        Column("created", _l("Flagged"), lambda f: f.created_at, "created_at", "datetime"),
    ]
    table = Table(request, name="quality-flags", queryset=qs, filterset_class=QualityFlagFilter, columns=columns,
                  default_sort="rule")
    return respond_table(request, table, election, _("Quality flags"))


@table_role
def protocols(request: HttpRequest) -> HttpResponse:
    election = _election(request)
    language = lang()
    tiers, sources = _choice(ProtocolTier), _choice(ProtocolSource)
    latest = CheckRun.objects.filter(election=election).order_by("-created_at", "-pk").values("pk")[:1]
    codes = Quarantine.objects.filter(run=Subquery(latest), protocol=OuterRef("pk")).values("codes")[:1]
    qs = (current_protocols(election).select_related("unit")
          .annotate(held=Subquery(codes), corrected=Exists(Correction.objects.filter(protocol=OuterRef("pk")))))
    yes, no = _("yes"), _("no")
    columns = [
        Column("unit", _l("Unit code"), lambda p: p.unit.code, "unit__code",
               link=lambda p: reverse("web:entry-protocol", args=[p.pk])),
        Column("name", _l("Name"), lambda p: p.unit.name(language), f"unit__name_{language}"),
        Column("tier", _l("Tier"), lambda p: tiers.get(p.tier, p.tier), "tier"),
        Column("source", _l("Source"), lambda p: sources.get(p.source, p.source), "source"),
        Column("version", _l("Version"), lambda p: p.version, "version", "number"),
        Column("registered", _l("Registered voters"), lambda p: p.registered, "registered", "number"),
        Column("valid", _l("Valid ballots"), lambda p: p.valid, "valid", "number"),
        Column("invalid", _l("Invalid ballots"), lambda p: p.invalid, "invalid", "number"),
        Column("received", _l("Received"), lambda p: p.received_at, "received_at", "datetime"),
        Column("check", _l("Quarantine reason"),
               lambda p: "; ".join(rule_label(c, language) for c in (p.held or "").split(",") if c), "held"),
        Column("corrected", _l("Made by a correction"), lambda p: yes if p.corrected else no, "corrected"),
    ]
    table = Table(request, name="protocols", queryset=qs, filterset_class=ProtocolFilter, columns=columns,
                  default_sort="unit")
    return respond_table(request, table, election, _("Protocols"))


@table_role
def discrepancies(request: HttpRequest) -> HttpResponse:
    election = _election(request)
    language = lang()
    kinds, lines = _choice(DiscrepancyKind), analysis.line_labels(election, language)
    qs = run_discrepancies(latest_tabulation(election))
    columns = [
        Column("unit", _l("Unit code"), lambda d: d.unit.code, "unit__code"),
        Column("name", _l("Name"), lambda d: d.unit.name(language), f"unit__name_{language}"),
        Column("kind", _l("Kind"), lambda d: kinds.get(d.kind, d.kind), "kind"),
        Column("line", _l("Protocol line"), lambda d: lines.get(d.line, d.line), "line"),
        Column("official", _l("Official"), lambda d: d.official, "official", "number"),
        Column("expected", _l("Expected"), lambda d: d.expected, "expected", "number"),
        Column("difference", _l("Difference"), lambda d: d.difference, "difference", "number"),
    ]
    table = Table(request, name="discrepancies", queryset=qs, filterset_class=DiscrepancyFilter, columns=columns,
                  default_sort="unit")
    return respond_table(request, table, election, _("Discrepancies"))


@table_role
def stations(request: HttpRequest) -> HttpResponse:
    election = _election(request)
    language = lang()
    areas = _choice(StationArea)
    seen = reviewed(Submission.objects.filter(election=election, station_code=OuterRef("code"),
                                              form_code__in=analysis.PHASES))
    qs = (Unit.objects.filter(election=election, level=UnitLevel.STATION)
          .select_related("station", "parent__parent").annotate(seen=Exists(seen)))
    yes, no = _("yes"), _("no")
    columns = [
        Column("code", _l("Station code"), lambda u: u.code, "code",
               link=lambda u: reverse("web:portal-station", args=[u.code]) + f"?election={election.slug}"),
        Column("name", _l("Name"), lambda u: u.name(language), f"name_{language}"),
        Column("district", _l("District code"), lambda u: u.parent.code if u.parent else "", "parent__code"),
        Column("region", _l("Region code"), lambda u: u.parent.parent.code if u.parent and u.parent.parent else "",
               "parent__parent__code"),
        Column("registered", _l("Registered voters"),
               lambda u: u.station.registered_voters if hasattr(u, "station") else None,
               "station__registered_voters", "number"),
        Column("area", _l("Area"), lambda u: areas.get(u.station.area, "") if hasattr(u, "station") else "",
               "station__area"),
        Column("observed", _l("Observed"), lambda u: yes if u.seen else no, "seen"),
    ]
    table = Table(request, name="stations", queryset=qs, filterset_class=StationFilter, columns=columns,
                  default_sort="code")
    return respond_table(request, table, election, _("Polling stations"))


#: the tables, in the order of their tabs
LINKS = (("web:table-submissions", _l("Submissions")), ("web:table-incidents", _l("Incidents")),
         ("web:table-flags", _l("Quality flags")), ("web:table-protocols", _l("Protocols")),
         ("web:table-discrepancies", _l("Discrepancies")), ("web:table-stations", _l("Polling stations")))

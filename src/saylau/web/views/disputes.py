"""Complaints and appeals in the web application.

Public (no login): the case list with filters (body, phase, status, overdue),
each case's page with its timeline, decision and chain of appeals, and the
open data (CSV, JSON); private complainants are named by their kind only.
Signed in: the form to file a case. With ``disputes.decide_case`` (a
commission member, a court's clerk): admit, return, take up, decide (in a
recorded session or by a named official), publish and close; an appeal may
be lodged by any signed-in user. Every step calls one service of
``saylau.disputes.services``; a refused step shows the service's message.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_POST

from saylau.core.actors import Actor
from saylau.disputes import selectors, services
from saylau.disputes.choices import (
    Body,
    ComplainantKind,
    DecisionMode,
    NotConsideredReason,
    Outcome,
    PeriodUnit,
    Phase,
    Status,
)
from saylau.disputes.models import LegalBasis
from saylau.web.analysis import current_election

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


def _election(request: HttpRequest):
    election = current_election(request.GET.get("election") or request.POST.get("election"))
    if election is None:
        raise Http404(_("No election has been loaded yet."))
    return election


def _name(election) -> str:
    return election.name((get_language() or "en")[:2])


def _case(election, reference: str):
    case = selectors.cases(election).filter(reference=reference).first()
    if case is None:
        raise Http404(_("No such case."))
    return case


def _blank(choices):
    return [("", "—"), *[(v, label) for v, label in choices if v]]


class FilterForm(forms.Form):
    body = forms.ChoiceField(label=_l("Body"), choices=_blank(Body.choices), required=False)
    phase = forms.ChoiceField(label=_l("Election phase"), choices=_blank(Phase.choices), required=False)
    status = forms.ChoiceField(label=_l("Status"), choices=_blank(Status.choices), required=False)
    overdue = forms.BooleanField(label=_l("Overdue only"), required=False)


def case_list(request: HttpRequest) -> HttpResponse:
    """The cases, filtered; each with its deadlines' flags."""
    election = _election(request)
    form = FilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.listing(election, body=filters.get("body", ""), phase=filters.get("phase", ""),
                             status=filters.get("status", ""), overdue=bool(filters.get("overdue")))
    return render(request, "web/disputes/list.html", {
        "election": election, "election_name": _name(election), "form": form, "rows": rows, "formats": tuple(FORMATS),
        "may_file": request.user.is_authenticated})


def case_page(request: HttpRequest, reference: str) -> HttpResponse:
    """One case: what it is about, its deadlines under every basis, its timeline, decision and chain."""
    election = _election(request)
    case = _case(election, reference)
    may_decide = selectors.may_decide(request.user)
    context = {"election": election, "case": case, "assessment": selectors.assess(case),
               "chain": selectors.chain(case), "events": list(case.events.all()),
               "documents": [d for d in case.documents.all() if d.public or may_decide],
               "may_decide": may_decide, "may_appeal": request.user.is_authenticated,
               "decide_form": DecideForm(initial={"decided_on": dt.date.today(), "session_date": dt.date.today()}),
               "appeal_form": AppealForm(case=case, initial={"filed_on": dt.date.today()}),
               "Status": Status}
    return render(request, "web/disputes/case.html", context)


class BasesField(forms.ModelMultipleChoiceField):
    """A legal basis by its law and article, with its periods."""

    def label_from_instance(self, obj) -> str:
        def period(amount, unit) -> str:
            return f"{amount} {PeriodUnit(unit).label}" if unit else ""

        periods = "; ".join(p for p in (
            f"{_('File by')}: {period(obj.file_amount, obj.file_unit)}" if obj.file_unit else "",
            f"{_('Decide by')}: {period(obj.decide_amount, obj.decide_unit)}" if obj.decide_unit else "") if p)
        return f"{obj.law}{', ' + obj.article if obj.article else ''} ({periods})"


class FileForm(forms.Form):
    body = forms.ChoiceField(label=_l("Filed with"), choices=Body.choices)
    body_name = forms.CharField(label=_l("Name of the court or commission"), required=False, max_length=200)
    complainant_kind = forms.ChoiceField(label=_l("Complainant"), choices=ComplainantKind.choices)
    complainant_name = forms.CharField(label=_l("Complainant's name"), max_length=200,
                                       help_text=_l("A private person's name is never published."))
    respondent = forms.CharField(label=_l("Respondent"), max_length=200)
    contested_act = forms.CharField(label=_l("Decision or act complained of"), widget=forms.Textarea(attrs={"rows": 3}))
    act_date = forms.DateField(label=_l("Date of the act"), required=False, widget=DATE)
    filed_on = forms.DateField(label=_l("Filed on"), widget=DATE)
    phase = forms.ChoiceField(label=_l("Election phase"), choices=Phase.choices)
    bases = BasesField(label=_l("Legal bases"), queryset=LegalBasis.objects.all(), to_field_name="code",
                       required=False, widget=forms.SelectMultiple(attrs={"size": 3}))
    station = forms.CharField(label=_l("Polling station (code)"), required=False, max_length=40)
    candidate = forms.CharField(label=_l("Candidate (ballot number)"), required=False, max_length=10)
    summary = forms.CharField(label=_l("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    document = forms.FileField(label=_l("Document (PDF, JPEG, PNG or text; at most 10 MB)"), required=False)


@login_required
def file_case(request: HttpRequest) -> HttpResponse:
    """The form to file a complaint."""
    election = _election(request)
    actor = Actor.from_user(request.user)
    services.ensure_default_bases(actor=Actor.system("web"))
    form = FileForm(request.POST or None, request.FILES or None,
                    initial={"filed_on": dt.date.today(), "bases": ["kz-election-law"]})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        links = [(k, d[k].strip()) for k in ("station", "candidate") if d[k].strip()]
        upload = d.get("document")
        try:
            from django.db import transaction

            with transaction.atomic():
                case = services.file_case(
                    actor=actor, election=election, body=d["body"], body_name=d["body_name"],
                    complainant_kind=d["complainant_kind"], complainant_name=d["complainant_name"],
                    respondent=d["respondent"], contested_act=d["contested_act"], act_date=d["act_date"],
                    filed_on=d["filed_on"], phase=d["phase"], summary=d["summary"],
                    bases=[b.code for b in d["bases"]], links=links)
                if upload is not None:
                    services.add_document(actor=actor, case=case, name=upload.name, content=upload.read(),
                                          content_type=upload.content_type or "")
        except services.DisputeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Case %(ref)s filed.") % {"ref": case.reference})
            return redirect(f"{reverse('web:dispute', args=[case.reference])}?election={election.slug}")
    return render(request, "web/disputes/file.html", {"election": election, "election_name": _name(election),
                                                      "form": form})


class DecideForm(forms.Form):
    decided_on = forms.DateField(label=_l("Decided on"), widget=DATE)
    decision_mode = forms.ChoiceField(label=_l("How it was decided"), choices=_blank(DecisionMode.choices),
                                      required=False)
    session_date = forms.DateField(label=_l("Date of the session"), required=False, widget=DATE)
    members_present = forms.IntegerField(label=_l("Members present"), required=False, min_value=0)
    votes_for = forms.IntegerField(label=_l("Votes for"), required=False, min_value=0)
    votes_against = forms.IntegerField(label=_l("Votes against"), required=False, min_value=0)
    official = forms.CharField(label=_l("Official who decided alone (name and post)"), required=False)
    outcome = forms.ChoiceField(label=_l("Outcome"), choices=_blank(Outcome.choices), required=False)
    not_considered_reason = forms.ChoiceField(label=_l("Why not considered"),
                                              choices=_blank(NotConsideredReason.choices), required=False)
    remedy = forms.CharField(label=_l("Remedy"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    reasoning = forms.CharField(label=_l("Reasoning"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class AppealForm(forms.Form):
    filed_on = forms.DateField(label=_l("Appeal filed on"), widget=DATE)
    body = forms.ChoiceField(label=_l("Appeal to"), choices=Body.choices, required=False)
    body_name = forms.CharField(label=_l("Name of the court or commission"), required=False)
    reason = forms.CharField(label=_l("Grounds of the appeal"), required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        if case is not None:
            from saylau.disputes.core.bodies import next_body

            self.fields["body"].initial = next_body(case.body) or ""


class PublishForm(forms.Form):
    published_on = forms.DateField(label=_l("Published on"), widget=DATE)
    url = forms.URLField(label=_l("Where"), required=False, assume_scheme="https")


def _date(raw: str) -> dt.date:
    """The date a step took effect, from the form (today when not given)."""
    if not raw.strip():
        return dt.date.today()
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise services.DisputeError(_("%(raw)s is not a date (YYYY-MM-DD).") % {"raw": raw}) from None


@login_required
@require_POST
def act(request: HttpRequest, reference: str, action: str) -> HttpResponse:
    """One step of the process on one case (the service checks that it is allowed)."""
    election = _election(request)
    case = _case(election, reference)
    actor = Actor.from_user(request.user)
    if action != "appeal" and not selectors.may_decide(request.user):
        raise PermissionDenied
    target = case
    reason = request.POST.get("reason", "")
    try:
        on = _date(request.POST.get("on", ""))
        if action == "admit":
            target = services.admit(actor=actor, case=case, on=on, reason=reason)
        elif action == "return":
            target = services.return_case(actor=actor, case=case, on=on, reason=reason)
        elif action == "consider":
            target = services.consider(actor=actor, case=case, on=on, reason=reason)
        elif action == "finalise":
            target = services.finalise(actor=actor, case=case, on=on, reason=reason)
        elif action == "decide":
            form = DecideForm(request.POST)
            if not form.is_valid():
                raise services.DisputeError("; ".join(f"{form.fields[k].label if k in form.fields else ''}: "
                                                      f"{' '.join(v)}" for k, v in form.errors.items()))
            d = form.cleaned_data
            target = services.decide(actor=actor, case=case, decided_on=d["decided_on"], mode=d["decision_mode"],
                            outcome=d["outcome"], session_date=d["session_date"],
                            members_present=d["members_present"], votes_for=d["votes_for"],
                            votes_against=d["votes_against"], official=d["official"],
                            not_considered_reason=d["not_considered_reason"], remedy=d["remedy"],
                            reasoning=d["reasoning"])
        elif action == "publish":
            form = PublishForm(request.POST)
            if not form.is_valid():
                raise services.DisputeError(" ".join(" ".join(v) for v in form.errors.values()))
            target = services.publish_decision(actor=actor, case=case, published_on=form.cleaned_data["published_on"],
                                      url=form.cleaned_data["url"])
        elif action == "appeal":
            form = AppealForm(request.POST)
            if not form.is_valid():
                raise services.DisputeError(" ".join(" ".join(v) for v in form.errors.values()))
            d = form.cleaned_data
            target = services.appeal(actor=actor, case=case, filed_on=d["filed_on"], body=d["body"],
                                     body_name=d["body_name"], reason=d["reason"])
        else:
            raise Http404
    except services.DisputeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Done: %(ref)s is %(status)s.") % {
            "ref": target.reference, "status": Status(target.status).label.lower()})
    return redirect(f"{reverse('web:dispute', args=[target.reference])}?election={election.slug}")


def open_data(request: HttpRequest, fmt: str) -> HttpResponse:
    """``/disputes/open-data/cases.<fmt>``: cases and decisions, without private complainants' names."""
    if fmt not in FORMATS:
        raise Http404
    election = _election(request)
    rows = selectors.public_rows(election)
    body = selectors.open_data_csv(rows) if fmt == "csv" else selectors.open_data_json(rows, election.slug)
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{election.slug}-disputes.{fmt}"'
    return response

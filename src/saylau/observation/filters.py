"""The filters of the submissions list, defined once (django-filter) and used by
both the back office's table (``/tables/submissions/``) and the JSON API
(``GET /api/observation/submissions/``): the same names, the same meaning."""

from __future__ import annotations

import django_filters as df
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from saylau.observation.choices import SubmissionChannel, SubmissionStatus
from saylau.observation.models import FormDefinition, QualityFlag, Submission


class SubmissionFilter(df.FilterSet):
    """Form (the phase: opening, voting, counting... each is a form), place, who,
    review status, a quality rule that flagged it, when it was received."""

    form = df.ChoiceFilter(field_name="form_code", label=_("Form"), choices=())
    region = df.CharFilter(field_name="region_code", label=_("Region code"))
    district = df.CharFilter(field_name="dec_code", label=_("District code"))
    station = df.CharFilter(field_name="station_code", label=_("Station code"))
    observer = df.CharFilter(field_name="observer__code", label=_("Observer code"))
    team = df.CharFilter(field_name="team__code", label=_("Team code"))
    status = df.MultipleChoiceFilter(choices=SubmissionStatus.choices, label=_("Review status"))
    channel = df.ChoiceFilter(choices=SubmissionChannel.choices, label=_("Channel"))
    rule = df.CharFilter(method="flagged_by", label=_("Flagged by rule"))
    received_after = df.DateFilter(field_name="received_at", lookup_expr="date__gte", label=_("Received from"),
                                   widget=forms.DateInput(attrs={"type": "date"}))
    received_before = df.DateFilter(field_name="received_at", lookup_expr="date__lte", label=_("Received until"),
                                    widget=forms.DateInput(attrs={"type": "date"}))

    class Meta:
        model = Submission
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # the forms known to the database (each election's built-in and imported forms), by id
        ids = FormDefinition.objects.values_list("form_id", flat=True).distinct().order_by("form_id")
        self.filters["form"].extra["choices"] = [(i, i) for i in ids]

    def flagged_by(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(pk__in=QualityFlag.objects.filter(rule_id=value).values("submission_id"))


class IncidentFilter(SubmissionFilter):
    """The incident reports' list: the submissions' filters and the incident type."""

    incident_type = df.CharFilter(field_name="answers__incident_type", label=_("Incident type"))


class QualityFlagFilter(df.FilterSet):
    """The quality flags: rule, place, and whether the submission is still to be reviewed."""

    rule = df.CharFilter(field_name="rule_id", label=_("Rule"))
    region = df.CharFilter(field_name="submission__region_code", label=_("Region code"))
    station = df.CharFilter(field_name="place", label=_("Station code"))
    open = df.BooleanFilter(method="still_open", label=_("Not yet verified or rejected"))
    status = df.MultipleChoiceFilter(field_name="submission__status", choices=SubmissionStatus.choices,
                                     label=_("Review status"))

    class Meta:
        model = QualityFlag
        fields: list[str] = []

    def still_open(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        done = [SubmissionStatus.VERIFIED, SubmissionStatus.REJECTED]
        return (queryset.exclude(submission__status__in=done) if value
                else queryset.filter(submission__status__in=done))

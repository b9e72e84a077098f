"""The filters of the submissions list, defined once (django-filter) and used by
both the back office's table (``/tables/submissions/``) and the JSON API
(``GET /api/observation/submissions/``): the same names, the same meaning."""

from __future__ import annotations

import django_filters as df
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from saylau.observation.choices import SubmissionChannel, SubmissionStatus
from saylau.observation.core.quality import BUILTIN_RULES
from saylau.observation.models import FormDefinition, QualityFlag, Submission

#: the quality checks' rules that are not declarative (``saylau.observation.core.quality``), in en/ru/kk
OTHER_RULES = {
    "outside_deployment": ("Report from outside the team's deployment",
                           "Отчёт с участка вне маршрута команды", "Топтың маршрутынан тыс учаскеден есеп"),
    "conflict": ("Teams disagree at one place", "Команды расходятся на одном участке",
                 "Топтар бір учаскеде келіспейді"),
}
LANGS = ("en", "ru", "kk")
#: the built-in forms by name (an imported form by its title)
FORM_LABELS = {"opening": _("Opening"), "voting": _("Voting"), "counting": _("Counting"),
               "incident": _("Incident"), "tabulation": _("Tabulation"),
               "lto_report": _("Long-term observer weekly report")}


def form_label(form_id: str, title: str = "") -> str:
    """A form by its name in the active language: a built-in form's label, else its title, else its id."""
    return str(FORM_LABELS.get(form_id) or title or form_id)


def rule_label(rule_id: str, lang: str = "en") -> str:
    """A quality rule by its label in ``lang``: a declarative rule by its reason, a
    team conflict with the question it is about (``conflict:<form>.<question>``);
    an unknown rule by its id."""
    for rule in BUILTIN_RULES:
        if rule.id == rule_id:
            reasons = dict(rule.reason)
            return reasons.get(lang) or reasons["en"]
    head, _sep, detail = rule_id.partition(":")
    labels = OTHER_RULES.get(head)
    if labels is None:
        return rule_id
    text = labels[LANGS.index(lang) if lang in LANGS else 0]
    return f"{text} ({detail})" if detail else text


def _rule_choices() -> list[tuple[str, str]]:
    from django.utils.translation import get_language

    lang = (get_language() or "en")[:2]
    ids = {r.id for r in BUILTIN_RULES} | set(QualityFlag.objects.values_list("rule_id", flat=True).distinct())
    return sorted(((i, rule_label(i, lang)) for i in ids), key=lambda c: c[1])


def _choices(f: df.Filter, choices: list[tuple[str, str]]) -> None:
    """Today's choices for a filter whose choices come from the database. A filter
    keeps the form field it built (and its choices) once asked for it, and the
    class's own filters are asked when the API's schema is made: a copy made from
    them would keep the choices of that moment, so the field is built afresh."""
    f.extra["choices"] = choices
    f.__dict__.pop("_field", None)


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
    rule = df.ChoiceFilter(method="flagged_by", label=_("Flagged by rule"), choices=())
    received_after = df.DateFilter(field_name="received_at", lookup_expr="date__gte", label=_("Received from"),
                                   widget=forms.DateInput(attrs={"type": "date"}))
    received_before = df.DateFilter(field_name="received_at", lookup_expr="date__lte", label=_("Received until"),
                                    widget=forms.DateInput(attrs={"type": "date"}))

    class Meta:
        model = Submission
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # the forms known to the database (each election's built-in and imported forms), by title
        titles = dict(FormDefinition.objects.order_by("form_id", "-created_at").values_list("form_id", "title"))
        _choices(self.filters["form"], [(i, form_label(i, titles[i])) for i in sorted(titles)])
        _choices(self.filters["rule"], _rule_choices())

    def flagged_by(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(pk__in=QualityFlag.objects.filter(rule_id=value).values("submission_id"))


class IncidentFilter(SubmissionFilter):
    """The incident reports' list: the submissions' filters and the incident type."""

    incident_type = df.CharFilter(field_name="answers__incident_type", label=_("Incident type"))


class QualityFlagFilter(df.FilterSet):
    """The quality flags: rule, place, and whether the submission is still to be reviewed."""

    rule = df.ChoiceFilter(field_name="rule_id", label=_("Rule"), choices=())
    region = df.CharFilter(field_name="submission__region_code", label=_("Region code"))
    station = df.CharFilter(field_name="place", label=_("Station code"))
    open = df.BooleanFilter(method="still_open", label=_("Not yet verified or rejected"))
    status = df.MultipleChoiceFilter(field_name="submission__status", choices=SubmissionStatus.choices,
                                     label=_("Review status"))

    class Meta:
        model = QualityFlag
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _choices(self.filters["rule"], _rule_choices())

    def still_open(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        done = [SubmissionStatus.VERIFIED, SubmissionStatus.REJECTED]
        return (queryset.exclude(submission__status__in=done) if value
                else queryset.filter(submission__status__in=done))

"""Filters of the back office's lists that have no JSON API of their own (the
stations). The lists that do have one keep their filters beside their model,
shared with their API: ``saylau.observation.filters`` (submissions, incidents,
quality flags) and ``saylau.results.filters`` (protocols, discrepancies)."""

from __future__ import annotations

import django_filters as df
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from saylau.geography.models import Unit
from saylau.observation.models import Submission
from saylau.observation.selectors import reviewed
from saylau.web.analysis import PHASES

PHASE_CHOICES = (("opening", _("Opening")), ("voting", _("Voting")), ("counting", _("Counting")))


class StationFilter(df.FilterSet):
    """Polling stations (units of the station level): region, district, and whether
    observers reported from them (in one phase or any), counted under the review
    policy as the coverage page counts them (never a rejected report)."""

    region = df.CharFilter(method="by_region", label=_("Region code"))
    district = df.CharFilter(field_name="parent__code", label=_("District code"))
    observed = df.BooleanFilter(method="by_observed", label=_("Observed"))
    phase = df.ChoiceFilter(choices=PHASE_CHOICES, method="by_phase", label=_("Phase"))

    class Meta:
        model = Unit
        fields: list[str] = []

    def by_region(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(parent__parent__code=value) if value else queryset

    def _reports(self) -> QuerySet:
        phase = self.form.cleaned_data.get("phase") if hasattr(self.form, "cleaned_data") else None
        forms = [phase] if phase else list(PHASES)
        return reviewed(Submission.objects.filter(election=OuterRef("election"), station_code=OuterRef("code"),
                                                  form_code__in=forms))

    def by_observed(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        seen = Exists(self._reports())
        return queryset.filter(seen) if value else queryset.exclude(seen)

    def by_phase(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # the phase narrows "observed" (above); alone, it keeps the stations observed in that phase
        if not value or self.form.cleaned_data.get("observed") is not None:
            return queryset
        return queryset.filter(Exists(self._reports()))

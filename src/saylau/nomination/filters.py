"""The filters of the accreditation list, defined once (django-filter) and used by both
the back office's table (``/accreditation/list/``) and the JSON API
(``GET /api/nomination/elections/<slug>/accreditations/``): the same names, the same meaning."""

from __future__ import annotations

import django_filters as df
from django.utils.translation import gettext_lazy as _

from saylau.nomination.choices import AccreditationKind, AccreditationStatus, Refusal
from saylau.nomination.models import Accreditation


class AccreditationFilter(df.FilterSet):
    """Kind, status and refusal; who nominated them; where they may go; the badge."""

    kind = df.ChoiceFilter(choices=AccreditationKind.choices, label=_("Kind"))
    status = df.ChoiceFilter(choices=AccreditationStatus.choices, label=_("Status"))
    refusal = df.ChoiceFilter(choices=Refusal.choices, label=_("Reason for refusal"))
    nominee = df.CharFilter(field_name="nominee__code", label=_("Candidate's code"))
    region = df.CharFilter(field_name="region_code", label=_("Region code"))
    station = df.CharFilter(field_name="station_code", label=_("Station code"))
    party = df.CharFilter(field_name="party__code", label=_("Party code"))
    organisation = df.CharFilter(field_name="organisation", lookup_expr="icontains", label=_("Organisation"))
    badge = df.CharFilter(field_name="badge", label=_("Badge number"))

    class Meta:
        model = Accreditation
        fields: list[str] = []

"""The filters of the results lists, defined once (django-filter) and used by
both the back office's tables (``/tables/protocols/``, ``/tables/discrepancies/``)
and the JSON API (``GET /api/results/<slug>/protocols/``, ``.../discrepancies/``)."""

from __future__ import annotations

import django_filters as df
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from saylau.core.protocol import LANGS
from saylau.geography.choices import UnitLevel
from saylau.geography.models import Unit
from saylau.results.choices import DiscrepancyKind, ProtocolSource, ProtocolTier
from saylau.results.core.checks import RULE_LABELS, RULES
from saylau.results.models import CheckRun, Correction, Discrepancy, Protocol, Quarantine

CHECK_STATUSES = (("quarantined", _("Quarantined by the latest check")),
                  ("passed", _("Passed the latest check")),
                  ("unchecked", _("Not in the latest check")))


def rule_choices() -> list[tuple[str, str]]:
    """The arithmetic rules as ``(code, label in the active language)``."""
    from django.utils.translation import get_language

    lang = (get_language() or "en")[:2]
    index = LANGS.index(lang) if lang in LANGS else 0
    return [(code, RULE_LABELS[code][index]) for code in RULES]


def in_region(queryset: QuerySet, code: str, unit: str = "unit") -> QuerySet:
    """Rows whose ``unit`` is the region with ``code`` or lies below it (the unit's path)."""
    paths = list(Unit.objects.filter(level=UnitLevel.REGION, code=code).values_list("path", flat=True))
    match = Q(pk__in=[])
    for path in paths:
        match |= Q(**{f"{unit}__path": path}) | Q(**{f"{unit}__path__startswith": path + "/"})
    return queryset.filter(match)


def _codes_hold(code: str) -> Q:
    """``Quarantine.codes`` (comma-joined rule codes) holds ``code`` exactly."""
    return (Q(codes=code) | Q(codes__startswith=code + ",") | Q(codes__endswith="," + code)
            | Q(codes__contains="," + code + ","))


class ProtocolFilter(df.FilterSet):
    """Tier, source, place, the latest check's verdict and the rule that failed, corrected or not."""

    tier = df.ChoiceFilter(choices=ProtocolTier.choices, label=_("Tier"))
    source = df.ChoiceFilter(choices=ProtocolSource.choices, label=_("Source"))
    unit = df.CharFilter(field_name="unit__code", label=_("Unit code"))
    region = df.CharFilter(method="by_region", label=_("Region code"))
    check = df.ChoiceFilter(choices=CHECK_STATUSES, method="by_check", label=_("Latest check"))
    reason = df.ChoiceFilter(choices=rule_choices, method="by_reason", label=_("Quarantine reason"))
    corrected = df.BooleanFilter(method="by_correction", label=_("Made by a correction"))
    without_decision = df.BooleanFilter(method="by_decision", label=_("Corrected without a formal decision"))

    class Meta:
        model = Protocol
        fields: list[str] = []

    def by_region(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return in_region(queryset, value) if value else queryset

    @staticmethod
    def _quarantines():
        latest = CheckRun.objects.filter(election=OuterRef("protocol__election")).order_by("-created_at", "-pk")
        return Quarantine.objects.filter(run=latest.values("pk")[:1])

    def by_check(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return queryset
        held = Exists(self._quarantines().filter(protocol=OuterRef("pk")))
        if value == "quarantined":
            return queryset.filter(held)
        checked = Exists(CheckRun.objects.filter(election=OuterRef("election")))
        if value == "passed":
            return queryset.filter(checked).exclude(held)
        return queryset.exclude(checked)

    def by_reason(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(Exists(self._quarantines().filter(_codes_hold(value), protocol=OuterRef("pk"))))

    def by_correction(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        made = Exists(Correction.objects.filter(protocol=OuterRef("pk")))
        return queryset.filter(made) if value else queryset.exclude(made)

    def by_decision(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        made = Exists(Correction.objects.filter(protocol=OuterRef("pk"), without_decision=True))
        return queryset.filter(made) if value else queryset.exclude(made)


class DiscrepancyFilter(df.FilterSet):
    """Kind, place and protocol line of a tabulation's discrepancies."""

    kind = df.ChoiceFilter(choices=DiscrepancyKind.choices, label=_("Kind"))
    unit = df.CharFilter(field_name="unit__code", label=_("Unit code"))
    region = df.CharFilter(method="by_region", label=_("Region code"))
    line = df.CharFilter(field_name="line", label=_("Protocol line"))

    class Meta:
        model = Discrepancy
        fields: list[str] = []

    def by_region(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return in_region(queryset, value) if value else queryset

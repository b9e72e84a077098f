"""JSON API of nomination (read-only): nominees and their public record, the decisions, the
verification sessions and the accreditation counts for anyone; the accreditation list (names
and badges, no ID numbers) for signed-in users, filtered as the back office's table is."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from saylau.geography.models import Election
from saylau.nomination import selectors
from saylau.nomination.filters import AccreditationFilter
from saylau.nomination.models import Accreditation


def _election(slug: str) -> Election:
    return get_object_or_404(Election, slug=slug)


INTEGERS = {"lines", "checked", "valid", "invalid", "struck", "struck_without_reason", "candidate_number",
            "members_present", "votes_for", "votes_against", "stage", "plan_first", "plan_second", "seed", "required",
            "sampled", "duplicates", "projected_valid", "projected_low", "projected_high", "regions_met"}
BOOLEANS = {"incumbent", "proxy_present", "spread_met"}
FLOATS = {"tolerated", "level"}


def _field(name: str) -> serializers.Field:
    if name in INTEGERS:
        return serializers.IntegerField(allow_null=True)
    if name in BOOLEANS:
        return serializers.BooleanField(allow_null=True)
    if name in FLOATS:
        return serializers.FloatField()
    if name == "invalid_by_reason":
        return serializers.DictField(child=serializers.IntegerField())
    return serializers.CharField()


def _serializer(name: str, fields: tuple[str, ...], **extra) -> type[serializers.Serializer]:
    return type(name, (serializers.Serializer,), {**{f: _field(f) for f in fields}, **extra})


NomineeSerializer = _serializer("NomineeSerializer", selectors.NOMINEE_FIELDS)
DecisionSerializer = _serializer("DecisionSerializer", selectors.DECISION_FIELDS)
SessionSerializer = _serializer("SessionSerializer", selectors.SESSION_FIELDS)
NomineeDetailSerializer = _serializer(
    "NomineeDetailSerializer", selectors.NOMINEE_FIELDS, decisions=DecisionSerializer(many=True),
    sessions=SessionSerializer(many=True), checks=serializers.ListField(child=serializers.DictField()),
    signatures_by_reason=serializers.ListField(child=serializers.DictField()),
    signatures_by_region=serializers.ListField(child=serializers.DictField()),
    deadlines=serializers.ListField(child=serializers.DictField()))


class Public(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle]


class Nominees(Public):
    """Every nominee of the election: status, nomination and signatures counted (public)."""

    @extend_schema(operation_id="nomination_nominees_list", responses=NomineeSerializer(many=True))
    def get(self, request, slug: str):
        return Response(selectors.public_nominees(_election(slug)))


class NomineeDetail(Public):
    """One nominee: decisions, eligibility checks, signatures by reason and region, sessions, deadlines."""

    @extend_schema(operation_id="nomination_nominee_detail", responses=NomineeDetailSerializer)
    def get(self, request, slug: str, code: str):
        nominee = selectors.get_nominee(_election(slug), code)
        if nominee is None:
            raise Http404(f"no nominee {code}")
        return Response(selectors.public_nominee(nominee))


class Decisions(Public):
    """Every decision on a nominee (the body, its number and date, the vote, the ground): public acts."""

    @extend_schema(operation_id="nomination_decisions_list", responses=DecisionSerializer(many=True))
    def get(self, request, slug: str):
        return Response(selectors.public_decisions_rows(_election(slug)))


class Sessions(Public):
    """Every verification session: the commissions' own record and the checks against the register."""

    @extend_schema(operation_id="nomination_sessions_list", responses=SessionSerializer(many=True))
    def get(self, request, slug: str):
        return Response(selectors.public_sessions(_election(slug)))


class AccreditationCounts(Public):
    """The accreditation registry in numbers: by kind, proxies per candidate, per region."""

    @extend_schema(operation_id="nomination_accreditation_counts", responses=OpenApiTypes.OBJECT)
    def get(self, request, slug: str):
        return Response(selectors.accreditation_counts(_election(slug)))


class AccreditationSerializer(serializers.ModelSerializer):
    nominee = serializers.SlugRelatedField(slug_field="code", read_only=True)
    party = serializers.SlugRelatedField(slug_field="code", read_only=True)
    observer = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Accreditation
        fields = ("badge", "kind", "full_name", "nominee", "party", "organisation", "state", "role", "station_code",
                  "region_code", "filed_on", "status", "refusal", "observer")


class Accreditations(generics.ListAPIView):
    """The accreditation list (signed-in users; no ID numbers), filtered like the back office's table."""

    permission_classes = [IsAuthenticated]
    serializer_class = AccreditationSerializer
    filterset_class = AccreditationFilter
    filter_backends = [DjangoFilterBackend]

    def get_queryset(self):
        return selectors.accreditations(_election(self.kwargs["slug"]))

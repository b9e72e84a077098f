"""JSON API of disputes: the public cases and decisions (no private complainants' names),
one case with its timeline and chain, and filing a case (signed-in users)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from saylau.core.actors import Actor
from saylau.disputes import selectors, services
from saylau.disputes.choices import Body, ComplainantKind, LinkKind, Phase
from saylau.geography.models import Election


def _election(slug: str) -> Election:
    return get_object_or_404(Election, slug=slug)


class FileSerializer(serializers.Serializer):
    body = serializers.ChoiceField(Body.choices)
    body_name = serializers.CharField(required=False, allow_blank=True, default="")
    complainant_kind = serializers.ChoiceField(ComplainantKind.choices)
    complainant_name = serializers.CharField()
    respondent = serializers.CharField()
    contested_act = serializers.CharField()
    act_date = serializers.DateField(required=False, allow_null=True, default=None)
    filed_on = serializers.DateField()
    phase = serializers.ChoiceField(Phase.choices)
    summary = serializers.CharField(required=False, allow_blank=True, default="")
    bases = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    links = serializers.ListField(child=serializers.DictField(child=serializers.CharField()), required=False,
                                  default=list, help_text='[{"kind": "station", "target": "0101"}]')

    def validate_links(self, value):
        for link in value:
            if link.get("kind") not in LinkKind.values or not link.get("target"):
                raise serializers.ValidationError(f"each link is kind (one of {', '.join(LinkKind.values)}) "
                                                  f"and target; got {link}")
        return value


INTEGERS = ("members_present", "votes_for", "votes_against")


def _row_field(name: str) -> serializers.Field:
    if name in INTEGERS:
        return serializers.IntegerField(allow_null=True)
    if name == "deadline_conflict":
        return serializers.BooleanField()
    return serializers.CharField()


#: one case as the public sees it (the open data's row); describes the answers
CaseRowSerializer = type("CaseRowSerializer", (serializers.Serializer,),
                         {name: _row_field(name) for name in selectors.PUBLIC_FIELDS})


class StepSerializer(serializers.Serializer):
    on = serializers.DateField()
    step = serializers.CharField()
    status = serializers.CharField()
    reason = serializers.CharField()


class CaseDetailSerializer(CaseRowSerializer):
    timeline = StepSerializer(many=True)
    chain = serializers.ListField(child=serializers.CharField())


class Cases(APIView):
    """GET: every case and decision of the election (public). POST: file a case (signed in)."""

    throttle_classes = [AnonRateThrottle]

    def get_permissions(self):
        return [AllowAny()] if self.request.method == "GET" else [IsAuthenticated()]

    @extend_schema(operation_id="disputes_cases_list", responses=CaseRowSerializer(many=True))
    def get(self, request, slug: str):
        return Response(selectors.public_rows(_election(slug)))

    @extend_schema(operation_id="disputes_cases_file", request=FileSerializer,
                   responses={201: CaseRowSerializer, 400: OpenApiTypes.OBJECT})
    def post(self, request, slug: str):
        election = _election(slug)
        data = FileSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        d = dict(data.validated_data)
        d["links"] = [(x["kind"], x["target"]) for x in d["links"]]
        try:
            case = services.file_case(actor=Actor.from_user(request.user), election=election, **d)
        except services.DisputeError as error:
            return Response({"detail": str(error)}, status=400)
        row = next(r for r in selectors.public_rows(election) if r["reference"] == case.reference)
        return Response(row, status=201)


class CaseDetail(APIView):
    """One case (public): its public row, timeline and chain of appeals."""

    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle]

    @extend_schema(operation_id="disputes_case_detail", responses=CaseDetailSerializer)
    def get(self, request, slug: str, reference: str):
        election = _election(slug)
        case = get_object_or_404(selectors.cases(election), reference=reference)
        row = next(r for r in selectors.public_rows(election) if r["reference"] == reference)
        return Response({**row,
                         "timeline": [{"on": e.on.isoformat(), "step": e.transition, "status": e.to_status,
                                       "reason": e.reason} for e in case.events.all()],
                         "chain": [c.reference for c in selectors.chain(case)]})

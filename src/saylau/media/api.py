"""JSON API of media monitoring: the analysis, the reliability, and coding an item.

Parse, authorise (``selectors.can_code``), call one selector or service, render.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from saylau.core.actors import Actor
from saylau.core.tabular import TableError
from saylau.geography.models import Election
from saylau.media import selectors, services
from saylau.media.core import codes

TABLES = ("news", "news_tone", "editorial", "editorial_tone", "paid_editorial", "paid", "official_role",
          "official_tone", "outlets")


def _election(request, slug: str) -> Election:
    if not selectors.can_code(request.user):
        raise PermissionDenied("media monitoring is for coordinators, analysts and administrators")
    return get_object_or_404(Election, slug=slug)


class Report(APIView):
    """Every table of the analysis: each share with its numerator and denominator."""

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request, slug: str) -> Response:
        election = _election(request, slug)
        report = selectors.report(election)
        return Response({"filter": selectors.FILTER,
                         **{name: getattr(report, name).to_dicts() for name in TABLES}})


class Reliability(APIView):
    """Krippendorff's alpha per variable, and the items whose coders disagree."""

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request, slug: str) -> Response:
        election = _election(request, slug)
        alphas = [a.__dict__ for a in selectors.alphas(election)]
        found = [{"item": d["item"].code, "variables": d["variables"],
                  "codings": [{"id": c.pk, "coder": c.coder, "final": c.final,
                               **{v: getattr(c, v) for v in ("programme", "subject", "tone", "speech",
                                                             "language", "amount")},
                               "candidate": c.candidate.number if c.candidate else None,
                               "party": c.party.code if c.party else None} for c in d["codings"]]}
                 for d in selectors.disagreements(election)]
        return Response({"alpha": alphas, "disagreements": found})


class CodingInput(serializers.Serializer):
    outlet = serializers.CharField()
    aired_at = serializers.CharField(help_text="2011-03-20 19:05 (the outlet's local time) or with offset")
    programme = serializers.ChoiceField(choices=list(codes.PROGRAMMES))
    subject = serializers.ChoiceField(choices=list(codes.SUBJECTS))
    candidate = serializers.IntegerField(required=False, allow_null=True)
    party = serializers.CharField(required=False, allow_blank=True, allow_null=True)
    amount = serializers.IntegerField(min_value=1)
    tone = serializers.ChoiceField(choices=list(codes.TONES))
    speech = serializers.ChoiceField(choices=["", *codes.SPEECH], required=False, default="")
    language = serializers.ChoiceField(choices=list(codes.LANGUAGES))
    title = serializers.CharField(required=False, allow_blank=True, default="")


class Codings(APIView):
    """Code one item as the signed-in user (a second coder of the same outlet and time
    codes the same item)."""

    @extend_schema(request=CodingInput, responses=OpenApiTypes.OBJECT)
    def post(self, request, slug: str) -> Response:
        election = _election(request, slug)
        data = CodingInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            coding = services.code_item(actor=Actor.from_user(request.user), election=election,
                                        values=dict(data.validated_data))
        except TableError as error:
            return Response({"errors": [{"field": e.column, "expected": e.expected, "got": e.got}
                                        for e in error.errors]}, status=status.HTTP_400_BAD_REQUEST)
        return Response({"id": coding.pk, "item": coding.item.code, "final": coding.final},
                        status=status.HTTP_201_CREATED)

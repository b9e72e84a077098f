"""Read-only JSON API of the results chain: parse, authorise (through the selectors), render."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from saylau.core import protocol
from saylau.geography.models import Election
from saylau.results import selectors
from saylau.results.api.serializers import (
    CandidateSerializer,
    DiscrepancySerializer,
    ProtocolSerializer,
    QuarantineSerializer,
    StationResultSerializer,
)
from saylau.results.filters import DiscrepancyFilter, ProtocolFilter
from saylau.results.models import Discrepancy, Protocol


def _election(kwargs) -> Election:
    return get_object_or_404(Election, slug=kwargs["slug"])


class ProtocolList(generics.ListAPIView):
    """Current protocols of every source (signed-in users with results.view_protocol),
    filtered as the back office's table filters them
    (``saylau.results.filters.ProtocolFilter``: ``?source=``, ``tier``, ``unit``,
    ``region``, ``check``, ``reason``, ``corrected``; a value that does not parse is 400)."""

    serializer_class = ProtocolSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ProtocolFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the OpenAPI schema reads the filters off the model
            return Protocol.objects.none()
        return selectors.visible_protocols(self.request.user, _election(self.kwargs)).order_by("id")


class DiscrepancyList(generics.ListAPIView):
    """Discrepancies found by the latest tabulation, filtered as the back office's
    table filters them (``saylau.results.filters.DiscrepancyFilter``: ``?kind=``,
    ``unit``, ``region``, ``line``)."""

    serializer_class = DiscrepancySerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = DiscrepancyFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Discrepancy.objects.none()
        return selectors.discrepancies(self.request.user, _election(self.kwargs)).order_by("id")


class QuarantineList(generics.ListAPIView):
    """Protocols quarantined by the latest check, with their reasons."""

    serializer_class = QuarantineSerializer

    def get_queryset(self):
        return selectors.quarantined(self.request.user, _election(self.kwargs)).order_by("id")


class PublishedStations(APIView):
    """Published per-station results (public), with each protocol's arrival time."""

    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle]

    @extend_schema(responses=StationResultSerializer(many=True))
    def get(self, request, slug: str):
        table = selectors.published_stations(_election({"slug": slug}))
        votes = protocol.vote_columns_in(table.columns)
        rows = [{**{k: v for k, v in r.items() if k not in votes}, "votes": [r[c] for c in votes]}
                for r in table.iter_rows(named=True)]
        return Response(StationResultSerializer(rows, many=True).data)


class Candidates(APIView):
    """The candidates on the ballot (public): ballot number, the vote column
    ``votes_<n>`` of the station results, and the names in en/ru/kk (empty when
    the import had no names)."""

    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle]

    @extend_schema(responses=CandidateSerializer(many=True))
    def get(self, request, slug: str):
        table = selectors.candidate_table(_election({"slug": slug}))
        return Response(CandidateSerializer(table.to_dicts(), many=True).data)


class Totals(APIView):
    """Totals of one source and the publication status (public)."""

    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle]

    @extend_schema(parameters=[OpenApiParameter("source", str, enum=["official", "pec", "entered", "observer"])],
                   responses=OpenApiTypes.OBJECT)
    def get(self, request, slug: str):
        election = _election({"slug": slug})
        source = request.query_params.get("source", "official")
        if source != "official" and not selectors.can_view_all(request.user):
            return Response({"detail": "only the official totals are public"}, status=403)
        try:
            totals = selectors.totals(election, source)
        except ValueError as error:
            return Response({"detail": str(error)}, status=400)
        return Response({**totals, "votes": {str(k): v for k, v in totals["votes"].items()},
                         "publication": selectors.publication_status(election)})

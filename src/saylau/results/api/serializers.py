from rest_framework import serializers

from saylau.core.protocol import LINES
from saylau.results.models import Discrepancy, Protocol, Quarantine


class ProtocolSerializer(serializers.ModelSerializer):
    unit_code = serializers.CharField(source="unit.code", read_only=True)
    display = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = Protocol
        fields = ["id", "display", "unit_code", "tier", "source", "version", "supersedes", *LINES, "votes",
                  "received_at", "submission_id"]


class DiscrepancySerializer(serializers.ModelSerializer):
    unit_code = serializers.CharField(source="unit.code", read_only=True)
    display = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = Discrepancy
        fields = ["id", "display", "kind", "unit_code", "line", "official", "expected", "difference", "missing"]


class QuarantineSerializer(serializers.ModelSerializer):
    protocol = ProtocolSerializer(read_only=True)
    display = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = Quarantine
        fields = ["id", "display", "codes", "reasons", "protocol"]


class StationResultSerializer(serializers.Serializer):
    """One published station: codes, every protocol line, the votes in ballot
    order, source, version and arrival time."""

    station_code = serializers.CharField()
    district_code = serializers.CharField(allow_null=True)
    region_code = serializers.CharField(allow_null=True)
    source = serializers.CharField()
    version = serializers.IntegerField()
    corrected = serializers.BooleanField()
    votes = serializers.ListField(child=serializers.IntegerField(allow_null=True))
    received_at = serializers.CharField(allow_null=True)

    def get_fields(self):
        fields = super().get_fields()
        lines = {line: serializers.IntegerField(allow_null=True) for line in LINES}
        head = [name for name in fields if name != "votes" and name != "received_at"]
        return {**{name: fields[name] for name in head}, **lines,
                **{name: fields[name] for name in ("votes", "received_at")}}


class CandidateSerializer(serializers.Serializer):
    """A candidate on the ballot: number, the vote column of the open data, names."""

    number = serializers.IntegerField()
    column = serializers.CharField()
    name_en = serializers.CharField(allow_blank=True)
    name_ru = serializers.CharField(allow_blank=True)
    name_kk = serializers.CharField(allow_blank=True)

from rest_framework import serializers

from saylau.results.models import Discrepancy, Protocol, Quarantine


class ProtocolSerializer(serializers.ModelSerializer):
    unit_code = serializers.CharField(source="unit.code", read_only=True)
    display = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = Protocol
        fields = ["id", "display", "unit_code", "tier", "source", "version", "supersedes", "registered",
                  "ballots_received", "issued_in_station", "issued_mobile", "issued_early", "cancelled",
                  "found_in_boxes", "invalid", "valid", "votes", "received_at", "submission_id"]


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
    """One published station: codes, figures, source, version and arrival time."""

    station_code = serializers.CharField()
    district_code = serializers.CharField(allow_null=True)
    region_code = serializers.CharField(allow_null=True)
    source = serializers.CharField()
    version = serializers.IntegerField()
    corrected = serializers.BooleanField()
    registered = serializers.IntegerField(allow_null=True)
    issued_in_station = serializers.IntegerField(allow_null=True)
    valid = serializers.IntegerField(allow_null=True)
    invalid = serializers.IntegerField(allow_null=True)
    votes = serializers.ListField(child=serializers.IntegerField(allow_null=True))
    received_at = serializers.CharField(allow_null=True)

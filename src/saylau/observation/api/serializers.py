from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers

from saylau.observation.models import Deployment, FormDefinition, Submission


class FormDefinitionSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    display = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = FormDefinition
        fields = ["id", "url", "display", "form_id", "version", "title", "md5", "active", "created_at"]

    def get_url(self, obj: FormDefinition) -> str:
        request = self.context.get("request")
        path = reverse("observation-api:form-detail", args=[obj.form_id])
        return request.build_absolute_uri(path) if request else path


class SubmissionRefSerializer(serializers.ModelSerializer):
    """What a submission POST returns."""

    url = serializers.SerializerMethodField()
    display = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = Submission
        fields = ["id", "uuid", "version", "status", "url", "display"]

    def get_url(self, obj: Submission) -> str:
        request = self.context.get("request")
        path = reverse("observation-api:submission-detail", args=[obj.pk])
        return request.build_absolute_uri(path) if request else path


class SubmissionSerializer(SubmissionRefSerializer):
    form = serializers.CharField(source="form_code", read_only=True)
    form_version = serializers.CharField(source="form.version", read_only=True)
    team = serializers.CharField(source="team.code", read_only=True, default="")

    class Meta(SubmissionRefSerializer.Meta):
        fields = [*SubmissionRefSerializer.Meta.fields, "form", "form_version", "team", "station_code",
                  "dec_code", "region_code", "urban", "submitted_at", "received_at", "channel", "answers"]


class SubmissionInputSerializer(serializers.Serializer):
    """A submission as a client sends it; ``answers`` are checked against the form."""

    uuid = serializers.CharField(max_length=64, help_text="Made by the client (UUID); a retry is a no-op.")
    form = serializers.CharField(max_length=60, help_text="The form's id, e.g. voting.")
    answers = serializers.DictField(help_text="Question name -> answer; a repeat is a list of objects.")
    station_code = serializers.CharField(required=False, allow_blank=True, default="")
    dec_code = serializers.CharField(required=False, allow_blank=True, default="")
    region_code = serializers.CharField(required=False, allow_blank=True, default="")
    submitted_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    team_code = serializers.CharField(required=False, allow_blank=True, default="",
                                      help_text="Staff only: the team that made the report.")


class BatchItemSerializer(serializers.Serializer):
    index = serializers.IntegerField()
    outcome = serializers.ChoiceField(choices=["created", "duplicate", "invalid", "forbidden"])
    submission = SubmissionRefSerializer(allow_null=True)
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


class BatchResultSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    duplicate = serializers.IntegerField()
    invalid = serializers.IntegerField()
    forbidden = serializers.IntegerField()
    results = BatchItemSerializer(many=True)


class ErrorsSerializer(serializers.Serializer):
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


class DeploymentSerializer(serializers.ModelSerializer):
    display = serializers.CharField(source="__str__", read_only=True)
    unit_code = serializers.CharField(source="unit.code")
    unit_level = serializers.CharField(source="unit.get_level_display")
    unit_name = serializers.CharField(source="unit.name_en")
    path = serializers.CharField(source="unit.path")

    class Meta:
        model = Deployment
        fields = ["id", "display", "unit_code", "unit_level", "unit_name", "path"]


class SmsInputSerializer(serializers.Serializer):
    phone = serializers.CharField(max_length=20, help_text="Sender's number as the gateway gives it.")
    text = serializers.CharField(max_length=1000)
    message_id = serializers.CharField(max_length=64, required=False, default="",
                                       help_text="The gateway's message id; a resend is a no-op.")


class SmsReplySerializer(serializers.Serializer):
    ok = serializers.BooleanField()
    reply = serializers.CharField()
    submission = SubmissionRefSerializer(allow_null=True)

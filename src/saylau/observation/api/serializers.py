"""The API's shapes: DRF serializers (they document the API), and the two shapes
the submission endpoints build by hand because a batch holds thousands of
items: :func:`parse_submission` (the envelope :class:`SubmissionInputSerializer`
documents) and :func:`submission_ref` (what :class:`SubmissionRefSerializer`
renders). The DRF views and the single POST's short path both use them."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from django.urls import NoReverseMatch, reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from saylau.observation.models import Deployment, FormDefinition, Submission
from saylau.observation.services import SubmissionInput
from saylau.observation.services.ingest import Attachment


class FormDefinitionSerializer(serializers.ModelSerializer):
    """A form version: ``xform`` is the XForm XML made at import (what the
    browser's form engine renders), ``xform_url`` the same XML from the
    OpenRosa download (``text/xml``, readable with the session),
    ``xform_md5`` its hash, ``media`` the form's files (file name -> same-origin
    URL); ``url`` gives the older JSON definition."""

    url = serializers.SerializerMethodField()
    display = serializers.CharField(source="__str__", read_only=True)
    xform_url = serializers.SerializerMethodField()
    media = serializers.SerializerMethodField()

    class Meta:
        model = FormDefinition
        fields = ["id", "url", "display", "form_id", "version", "title", "md5", "active", "created_at",
                  "xform", "xform_url", "xform_md5", "media"]

    def get_url(self, obj: FormDefinition) -> str:
        request = self.context.get("request")
        path = reverse("observation-api:form-detail", args=[obj.form_id])
        return request.build_absolute_uri(path) if request else path

    def _openrosa_url(self, path: str) -> str:
        request = self.context.get("request")
        if request is not None and request.GET.get("election"):
            path += "?" + urlencode({"election": request.GET["election"]})
        return request.build_absolute_uri(path) if request else path

    def get_xform_url(self, obj: FormDefinition) -> str:
        return self._openrosa_url(reverse("observation-openrosa:form", args=[obj.form_id]))

    @extend_schema_field(serializers.DictField(child=serializers.CharField()))
    def get_media(self, obj: FormDefinition) -> dict[str, str]:
        """File name -> URL of each media file (the OpenRosa media download)."""
        names = [m.filename for m in obj.media.all()]
        if not names:
            return {}
        form_xml = reverse("observation-openrosa:form", args=[obj.form_id])
        out = {}
        for name in names:
            try:
                path = reverse("observation-openrosa:media", args=[obj.form_id, name])
            except NoReverseMatch:  # the route's shape, until urls.py lists it
                path = form_xml.rsplit("/", 1)[0] + "/media/" + quote(name)
            out[name] = self._openrosa_url(path)
        return out


class ReceiptSerializer(serializers.Serializer):
    """The ledger entry that recorded a submission: check it later with
    ``/api/ledger/entries/<sequence>/receipt/`` or the independent verifier."""

    sequence = serializers.IntegerField()
    hash = serializers.CharField()


class SubmissionRefSerializer(serializers.ModelSerializer):
    """What a submission POST returns."""

    url = serializers.SerializerMethodField()
    display = serializers.CharField(source="__str__", read_only=True)
    receipt = serializers.SerializerMethodField()

    class Meta:
        model = Submission
        fields = ["id", "uuid", "version", "status", "url", "display", "receipt"]

    @extend_schema_field(ReceiptSerializer(allow_null=True))
    def get_receipt(self, obj: Submission) -> dict | None:
        """The ledger entry that recorded the submission (keep it: docs/ledger.md, Receipts)."""
        return getattr(obj, "receipt", None)

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


class SubmissionFileSerializer(serializers.Serializer):
    name = serializers.CharField(source="filename")
    content_type = serializers.CharField()
    size = serializers.IntegerField(help_text="Bytes.")
    sha256 = serializers.CharField(help_text="As in the ledger entry's state (``files``).")
    url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        request = self.context.get("request")
        path = reverse("observation-api:submission-file", args=[obj.submission_id, obj.filename])
        return request.build_absolute_uri(path) if request else path


class AwaitedFileSerializer(serializers.Serializer):
    name = serializers.CharField()
    question = serializers.CharField(help_text="The question whose answer names the file.")


class SubmissionDetailSerializer(SubmissionSerializer):
    """One submission with its files, and the files its answers name that have
    not come yet (ODK Collect may send a large submission's files in several requests)."""

    files = serializers.SerializerMethodField()
    files_awaited = serializers.SerializerMethodField()

    class Meta(SubmissionSerializer.Meta):
        fields = [*SubmissionSerializer.Meta.fields, "files", "files_awaited"]

    @extend_schema_field(SubmissionFileSerializer(many=True))
    def get_files(self, obj: Submission) -> list[dict]:
        rows = obj.files.order_by("filename").only("submission_id", "filename", "content_type", "size", "sha256")
        return SubmissionFileSerializer(rows, many=True, context=self.context).data

    @extend_schema_field(AwaitedFileSerializer(many=True))
    def get_files_awaited(self, obj: Submission) -> list[dict]:
        from saylau.observation.core.files import awaited_files

        stored = obj.files.values_list("filename", flat=True)
        return [{"name": name, "question": question}
                for name, question in sorted(awaited_files(obj.form.form, obj.answers, stored).items())]


class SubmissionInputSerializer(serializers.Serializer):
    """A submission as a client sends it; ``answers`` are checked against the form."""

    uuid = serializers.CharField(max_length=64, help_text=(
        "Made by the client (UUID). A retry of the same report is acknowledged with 200 and the stored "
        "submission; the same uuid with other content is refused with 409 (to change a report, PUT a "
        "new version to its URL)."))
    form = serializers.CharField(max_length=60, help_text="The form's id, e.g. voting.")
    answers = serializers.DictField(help_text="Question name -> answer; a repeat is a list of objects.")
    station_code = serializers.CharField(required=False, allow_blank=True, default="")
    dec_code = serializers.CharField(required=False, allow_blank=True, default="")
    region_code = serializers.CharField(required=False, allow_blank=True, default="")
    submitted_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    team_code = serializers.CharField(required=False, allow_blank=True, default="",
                                      help_text="Staff only: the team that made the report.")


class SubmissionMultipartSerializer(serializers.Serializer):
    """A submission with files (photo, audio, video, file answers): the envelope
    as JSON in the part ``submission``, and one part per file, named by the file
    name its answer holds. At most 10 MB a file and 25 MB a report; every file
    must be the answer to a file question, and every such answer's file sent."""

    submission = serializers.CharField(help_text="The submission as JSON (SubmissionInput's fields).")


_OPTIONAL = ("station_code", "dec_code", "region_code", "team_code")


def unstorable(value, where: str = "") -> str | None:
    """Where ``value`` (JSON as parsed) holds text no database stores: a NUL character
    (PostgreSQL refuses it in text and JSON) or half of a UTF-16 surrogate pair (no
    UTF-8 for it); None when there is none. Found by Schemathesis (docs/api.md)."""
    if isinstance(value, str):
        if "\x00" in value:
            return f"{where or 'the text'} holds a NUL character (U+0000)"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return f"{where or 'the text'} holds half of a surrogate pair (\\ud800-\\udfff), not a character"
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            problem = unstorable(key, f"a name in {where}" if where else "a name") or unstorable(
                item, f"{where}.{key}" if where else str(key))
            if problem:
                return problem
    elif isinstance(value, list):
        for i, item in enumerate(value):
            problem = unstorable(item, f"{where}[{i}]")
            if problem:
                return problem
    return None


def parse_submission(payload, files: dict[str, Attachment] | None = None,
                     ) -> tuple[SubmissionInput | None, dict[str, list[str]]]:
    """The envelope of one submission (:class:`SubmissionInputSerializer` documents
    it) as a :class:`SubmissionInput`, or None and the errors per field; checked
    by hand because the batch endpoint parses thousands per request. ``files``:
    those sent beside it (a multipart POST)."""
    if not isinstance(payload, dict):
        return None, {"": ["expected an object"]}
    errors: dict[str, list[str]] = {}
    for name in ("uuid", "form"):
        if not isinstance(payload.get(name), str) or not payload[name].strip():
            errors[name] = ["This field is required." if payload.get(name) in (None, "") else "Expected text."]
    if not isinstance(payload.get("answers"), dict):
        errors["answers"] = ["Expected an object of answers."]
    for name in _OPTIONAL:
        if payload.get(name) is not None and not isinstance(payload[name], str):
            errors[name] = ["Expected text."]
    at = payload.get("submitted_at")
    if at is not None and not isinstance(at, str):
        errors["submitted_at"] = ["Expected an ISO 8601 date and time."]
    if errors:
        return None, errors
    for name, value in payload.items():
        problem = unstorable(value, name)
        if problem:
            errors.setdefault(name, []).append(problem.removeprefix(f"{name}: ") + ": not stored")
            return None, errors
    return SubmissionInput(uuid=payload["uuid"], form=payload["form"], answers=payload["answers"],
                           submitted_at=at, files=files or {}, **{n: payload.get(n) or "" for n in _OPTIONAL}), {}


def submission_ref(submission: Submission, base: str) -> dict:
    """:class:`SubmissionRefSerializer`'s shape, built directly (fast for batches);
    ``base``: the absolute URL of the submission list."""
    return {"id": submission.pk, "uuid": str(submission.uuid), "version": submission.version,
            "status": submission.status, "url": f"{base}{submission.pk}/", "display": str(submission),
            "receipt": getattr(submission, "receipt", None)}


class BatchItemSerializer(serializers.Serializer):
    index = serializers.IntegerField()
    outcome = serializers.ChoiceField(choices=["created", "duplicate", "conflict", "invalid", "forbidden"])
    submission = SubmissionRefSerializer(allow_null=True)
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


class BatchResultSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    duplicate = serializers.IntegerField()
    conflict = serializers.IntegerField(help_text="uuids already stored with other content: not stored")
    invalid = serializers.IntegerField()
    forbidden = serializers.IntegerField()
    results = BatchItemSerializer(many=True)


class ErrorsSerializer(serializers.Serializer):
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


class RefusalSerializer(serializers.Serializer):
    """A refusal: messages per field (``errors``: answers that do not validate, a place
    outside the deployment) or one message (``detail``: a body that is not JSON, who
    may do this, no such object)."""

    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False)
    detail = serializers.CharField(required=False)


class SubmissionEditSerializer(serializers.Serializer):
    """A deliberate change of a stored submission: its next version."""

    def validate_answers(self, value):
        problem = unstorable(value, "answers")
        if problem:
            raise serializers.ValidationError(problem)
        return value

    answers = serializers.DictField(help_text="The whole new set of answers (checked against the form).")
    reason = serializers.CharField(max_length=200, required=False, allow_blank=True, default="",
                                   help_text="Why the report is corrected (kept with the version).")
    version = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1,
                                       help_text="The version being replaced: if the submission has moved on "
                                                 "since, the change is refused with 409.")


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

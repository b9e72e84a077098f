"""JSON API: parse, authorise, call one service, render (see docs/observation.md)."""

from __future__ import annotations

import json
import uuid
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from saylau.observation.api.access import access_election, access_submitter
from saylau.observation.api.serializers import (
    BatchResultSerializer,
    DeploymentSerializer,
    ErrorsSerializer,
    FormDefinitionSerializer,
    RefusalSerializer,
    SmsInputSerializer,
    SmsReplySerializer,
    SubmissionDetailSerializer,
    SubmissionEditSerializer,
    SubmissionInputSerializer,
    SubmissionMultipartSerializer,
    SubmissionRefSerializer,
    SubmissionSerializer,
    parse_submission,
    submission_ref,
)
from saylau.observation.choices import SubmissionChannel
from saylau.observation.core.files import message as file_message
from saylau.observation.core.files import size_errors
from saylau.observation.core.xlsform import to_json
from saylau.observation.filters import SubmissionFilter
from saylau.observation.models import Deployment, FormDefinition, Observer
from saylau.observation.selectors import can_see_all, observer_of, submissions_for
from saylau.observation.services import edit_submission, submit_many
from saylau.observation.services.ingest import Attachment
from saylau.observation.services.review import VersionConflict
from saylau.observation.services.sms import receive_sms

MAX_BATCH = 5000
STATUS_OF = {"created": status.HTTP_201_CREATED, "duplicate": status.HTTP_200_OK,
             "conflict": status.HTTP_409_CONFLICT, "invalid": status.HTTP_400_BAD_REQUEST,
             "forbidden": status.HTTP_403_FORBIDDEN}


def _forms(request):
    observer = observer_of(request.user)
    election = access_election(request, observer)
    return FormDefinition.objects.filter(election=election, active=True).order_by("form_id")


class FormList(generics.ListAPIView):
    """The election's active forms (the observer's election; staff: ``?election=<slug>``)."""

    serializer_class = FormDefinitionSerializer
    pagination_class = None

    def get_queryset(self):
        return _forms(self.request)


class FormDetail(APIView):
    """One form as JSON (``saylau.observation.core.xlsform.to_json``) with id, url and display."""

    @extend_schema(responses={200: OpenApiResponse(description="The form: id, url, display, form "
                                                   "(to_json: questions nested, labels per language)")})
    def get(self, request, form_id: str):
        definition = _forms(request).filter(form_id=form_id).first()
        if definition is None:
            raise NotFound(f"no form {form_id!r}")
        body = FormDefinitionSerializer(definition, context={"request": request}).data
        body["form"] = to_json(definition.form)
        return Response(body)


def _base(request) -> str:
    return request.build_absolute_uri(reverse("observation-api:submission-list"))


def _lang(request, observer: Observer | None) -> str:
    if observer is not None:
        return observer.language
    return request.query_params.get("lang", "en")


def _multipart(request, lang: str) -> tuple[object, dict[str, Attachment], dict[str, list[str]]]:
    """A multipart POST: the envelope (part ``submission``, JSON) and the files
    (every other file part, named by the file name the answer holds); sizes are
    refused before any file is read."""
    part = request.FILES.get("submission")
    text = part.read().decode("utf-8", "replace") if part is not None else request.POST.get("submission")
    uploads = {name: request.FILES[name] for name in request.FILES if name != "submission"}
    errors = size_errors({name: upload.size for name, upload in uploads.items()}, lang)
    try:
        payload = json.loads(text) if text is not None else None
    except ValueError:
        payload = None
    if payload is None:
        errors.setdefault("submission", []).append(file_message("no_envelope", lang))
    if errors:
        return None, {}, errors
    files = {name: Attachment(name, upload.content_type or "", upload.read()) for name, upload in uploads.items()}
    return payload, files, {}


class SubmissionListCreate(generics.ListAPIView):
    """List the submissions you may read, filtered as the back office's table
    filters them (``saylau.observation.filters.SubmissionFilter``: ``?form=``,
    ``region``, ``district``, ``station``, ``observer``, ``team``, ``status``,
    ``channel``, ``rule``, ``received_after``/``received_before``; a value that
    does not parse is 400); POST one
    submission (idempotent by ``uuid``: the same report again is 200 with the
    stored submission; the same uuid with other content is 409, nothing stored
    and nothing of the stored one shown)."""

    serializer_class = SubmissionSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = SubmissionFilter

    def get_queryset(self):
        return submissions_for(self.request.user).order_by("pk")

    @extend_schema(request={"application/json": SubmissionInputSerializer,
                            "multipart/form-data": SubmissionMultipartSerializer}, responses={
        201: SubmissionRefSerializer, 200: SubmissionRefSerializer, 400: RefusalSerializer, 403: RefusalSerializer,
        409: ErrorsSerializer})
    def post(self, request):
        observer, actor = access_submitter(request)
        lang = _lang(request, observer)
        payload, files = request.data, {}
        if request.content_type.startswith("multipart/form-data"):
            payload, files, errors = _multipart(request, lang)
            if errors:
                return Response({"errors": errors}, status=status.HTTP_400_BAD_REQUEST)
        item, errors = parse_submission(payload, files)
        if item is None:
            return Response({"errors": errors}, status=status.HTTP_400_BAD_REQUEST)
        election = access_election(request, observer)
        result = submit_many(actor=actor, election=election, items=[item], channel=SubmissionChannel.API,
                             observer=observer, lang=lang)[0]
        if not result.ok:
            return Response({"errors": result.errors}, status=STATUS_OF[result.outcome])
        return Response(submission_ref(result.submission, _base(request)), status=STATUS_OF[result.outcome])


class SubmissionBatch(APIView):
    """POST a list of submissions (gateways, bulk clients). Items are independent:
    each gets its own outcome; the response is 200 with one result per item."""

    @extend_schema(request=SubmissionInputSerializer(many=True), responses={200: BatchResultSerializer})
    def post(self, request):
        observer, actor = access_submitter(request)
        payload = request.data.get("submissions") if isinstance(request.data, dict) else request.data
        if not isinstance(payload, list) or not payload or len(payload) > MAX_BATCH:
            return Response({"errors": {"": [f"expected a list of 1 to {MAX_BATCH} submissions"]}},
                            status=status.HTTP_400_BAD_REQUEST)
        election = access_election(request, observer)
        parsed = [parse_submission(p) for p in payload]
        base = _base(request)
        items = [p for p, _ in parsed if p is not None]
        results = iter(submit_many(actor=actor, election=election, items=items, channel=SubmissionChannel.API,
                                   observer=observer, lang=_lang(request, observer)))
        out, counts = [], dict.fromkeys(STATUS_OF, 0)
        for index, (item, errors) in enumerate(parsed):
            if item is None:
                out.append({"index": index, "outcome": "invalid", "submission": None, "errors": errors})
                counts["invalid"] += 1
                continue
            r = next(results)
            counts[r.outcome] += 1
            ref = submission_ref(r.submission, base) if r.ok else None
            out.append({"index": index, "outcome": r.outcome, "submission": ref, "errors": r.errors})
        return Response({**counts, "results": out})


class SubmissionDetail(generics.RetrieveAPIView):
    """GET one submission you may read; PUT its next version (a deliberate
    correction: the observer who sent it, or staff and analysts). A retried PUT
    of the same answers adds no version."""

    serializer_class = SubmissionDetailSerializer

    def get_queryset(self):
        return submissions_for(self.request.user)

    @extend_schema(request=SubmissionEditSerializer, responses={
        200: SubmissionRefSerializer, 400: RefusalSerializer, 403: RefusalSerializer, 404: RefusalSerializer,
        409: ErrorsSerializer})
    def put(self, request, pk: int):
        observer, actor = access_submitter(request)
        submission = self.get_object()
        if observer is not None and submission.observer_id != observer.pk:
            raise PermissionDenied("only the observer who sent a report, or staff, may correct it")
        parsed = SubmissionEditSerializer(data=request.data)
        if not parsed.is_valid():
            return Response({"errors": parsed.errors}, status=status.HTTP_400_BAD_REQUEST)
        data = parsed.validated_data
        try:
            edited = edit_submission(actor=actor, submission=submission, answers=data["answers"],
                                     channel=SubmissionChannel.API, reason=data["reason"],
                                     lang=_lang(request, observer), expected_version=data["version"])
        except ValidationError as error:
            return Response({"errors": error.message_dict}, status=status.HTTP_400_BAD_REQUEST)
        except VersionConflict as error:
            return Response({"errors": {"version": [str(error)]}}, status=status.HTTP_409_CONFLICT)
        return Response(submission_ref(edited, _base(request)))


class SubmissionFileDownload(APIView):
    """One file sent with a submission you may read (as ``GET submissions/<id>/``)."""

    @extend_schema(responses={200: OpenApiResponse(description="The file, with the type it was sent with")})
    def get(self, request, pk: int, filename: str):
        submission = get_object_or_404(submissions_for(request.user), pk=pk)
        item = get_object_or_404(submission.files.all(), filename=filename)
        return file_response(item)


def file_response(item) -> HttpResponse:
    """A stored submission file as a download (never rendered inline: it is what a sender sent)."""
    response = HttpResponse(bytes(item.data), content_type=item.content_type or "application/octet-stream")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(item.filename)}"
    response["X-Content-Type-Options"] = "nosniff"
    response["X-Checksum-SHA256"] = item.sha256
    return response


class MyDeployment(APIView):
    """The requesting observer, their team and where the team is deployed."""

    @extend_schema(responses={200: OpenApiResponse(description="observer, team, members, deployments")})
    def get(self, request):
        observer = observer_of(request.user)
        if observer is None:
            if can_see_all(request.user):
                return Response({"observer": None, "team": None, "members": [], "deployments": []})
            raise PermissionDenied("you are not an observer of this mission")
        deployments = Deployment.objects.filter(team_id=observer.team_id).select_related("unit")
        members = observer.team.members.order_by("code") if observer.team else Observer.objects.none()
        return Response({
            "observer": {"id": observer.pk, "display": str(observer), "code": observer.code,
                         "role": observer.role, "language": observer.language},
            "team": {"id": observer.team.pk, "display": str(observer.team), "code": observer.team.code,
                     "kind": observer.team.kind} if observer.team else None,
            "members": [{"id": m.pk, "display": str(m), "code": m.code} for m in members],
            "deployments": DeploymentSerializer(deployments, many=True).data,
            "election": observer.election.slug,
        })


class SmsWebhook(APIView):
    """A coded SMS from the gateway (staff or a member of the ``gateways`` group)."""

    @extend_schema(request=SmsInputSerializer, responses={200: SmsReplySerializer, 400: RefusalSerializer})
    def post(self, request):
        if not (can_see_all(request.user) or request.user.groups.filter(name="sms_gateway").exists()):
            raise PermissionDenied("only the SMS gateway posts here")
        parsed = SmsInputSerializer(data=request.data)
        if not parsed.is_valid():
            return Response({"errors": parsed.errors}, status=status.HTTP_400_BAD_REQUEST)
        data = parsed.validated_data
        digits = "".join(ch for ch in data["phone"] if ch.isdigit())
        key = uuid.uuid5(uuid.NAMESPACE_URL, f"sms:{digits}:{data['message_id'] or data['text'].strip()}")
        outcome = receive_sms(phone=data["phone"], text=data["text"], uuid=str(key))
        ref = SubmissionRefSerializer(outcome.submission, context={"request": request}).data \
            if outcome.submission else None
        return Response({"ok": outcome.ok, "reply": outcome.reply, "submission": ref})

"""OpenRosa endpoints: ``/openrosa/formList``, ``/openrosa/forms/<id>/form.xml``
and ``/openrosa/submission``. Every response carries ``X-OpenRosa-Version: 1.0``;
requests authenticate with HTTP Basic over the observer's Django credentials
(a request without them gets 401 with ``WWW-Authenticate``, as Collect expects)."""

from __future__ import annotations

import base64
import hashlib
import logging
from functools import lru_cache
from xml.sax.saxutils import escape

from django.contrib.auth import authenticate
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from saylau.core.actors import Actor
from saylau.geography.models import Election
from saylau.observation.choices import SubmissionChannel
from saylau.observation.core.instance import InstanceError, instance_meta, instance_to_answers
from saylau.observation.core.xlsform import to_xform
from saylau.observation.models import FormDefinition
from saylau.observation.selectors import can_see_all, observer_of
from saylau.observation.services import SubmissionInput, submit

log = logging.getLogger(__name__)
MAX_BYTES = 10 * 1024 * 1024
XML = "text/xml; charset=utf-8"


@lru_cache(maxsize=64)
def xform_for(md5: str, definition_id: int) -> tuple[str, str]:
    """(XForm XML, its md5) of a stored form version, made once per process."""
    xml = to_xform(FormDefinition.objects.get(pk=definition_id).form)
    return xml, hashlib.md5(xml.encode("utf-8")).hexdigest()  # noqa: S324 - OpenRosa names md5


def _response(body: str = "", status: int = 200, content_type: str = XML) -> HttpResponse:
    response = HttpResponse(body, status=status, content_type=content_type)
    response["X-OpenRosa-Version"] = "1.0"
    return response


def _message(text: str, nature: str, status: int) -> HttpResponse:
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n<OpenRosaResponse xmlns="http://openrosa.org/http/response">'
            f'<message nature="{nature}">{escape(text)}</message></OpenRosaResponse>')
    return _response(body, status)


def _user(request: HttpRequest):
    if request.user.is_authenticated:
        return request.user
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if not header.lower().startswith("basic "):
        return None
    try:
        username, _, password = base64.b64decode(header[6:]).decode("utf-8").partition(":")
    except (ValueError, UnicodeDecodeError):
        return None
    return authenticate(request, username=username, password=password)


def _challenge() -> HttpResponse:
    response = _message("Authentication required", "error", 401)
    response["WWW-Authenticate"] = 'Basic realm="saylau"'
    return response


def _election(request: HttpRequest, user) -> tuple[Election | None, object]:
    observer = observer_of(user)
    if observer is not None:
        return observer.election, observer
    if not can_see_all(user):
        return None, None
    slug = request.GET.get("election")
    qs = Election.objects.all()
    return (qs.filter(slug=slug).first() if slug else qs.order_by("-date", "-id").first()), None


def form_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if user is None:
        return _challenge()
    election, _ = _election(request, user)
    if election is None:
        return _message("Not an observer of this mission", "error", 403)
    items = []
    for d in FormDefinition.objects.filter(election=election, active=True).order_by("form_id"):
        _, md5 = xform_for(d.md5, d.pk)
        url = request.build_absolute_uri(reverse("observation-openrosa:form", args=[d.form_id]))
        items.append(f"<xform><formID>{escape(d.form_id)}</formID><name>{escape(d.title or d.form_id)}</name>"
                     f"<version>{escape(d.version)}</version><hash>md5:{md5}</hash>"
                     f"<downloadUrl>{escape(url)}</downloadUrl></xform>")
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n<xforms xmlns="http://openrosa.org/xforms/xformsList">'
            + "".join(items) + "</xforms>")
    return _response(body)


def form_download(request: HttpRequest, form_id: str) -> HttpResponse:
    user = _user(request)
    if user is None:
        return _challenge()
    election, _ = _election(request, user)
    definition = FormDefinition.objects.filter(election=election, form_id=form_id, active=True).first() \
        if election else None
    if definition is None:
        return _message(f"No form {form_id}", "error", 404)
    xml, _ = xform_for(definition.md5, definition.pk)
    return _response(xml)


@csrf_exempt
def submission(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if user is None:
        return _challenge()
    if request.method in ("HEAD", "GET"):
        response = _response(status=204)
        response["X-OpenRosa-Accept-Content-Length"] = str(MAX_BYTES)
        return response
    if request.method != "POST":
        return _message("Use HEAD or POST", "error", 405)
    election, observer = _election(request, user)
    if election is None:
        return _message("Not an observer of this mission", "error", 403)
    upload = request.FILES.get("xml_submission_file")
    if upload is None:
        return _message("Expected a multipart part named xml_submission_file", "error", 400)
    if upload.size > MAX_BYTES:
        return _message("Submission too large", "error", 413)
    data = upload.read()
    try:
        meta = instance_meta(data)
    except InstanceError as error:
        return _message(str(error), "error", 400)
    definition = FormDefinition.objects.filter(election=election, form_id=meta.get("form_id", ""), active=True).first()
    if definition is None:
        return _message(f"No form {meta.get('form_id')!r}", "error", 400)
    if not meta.get("instanceID"):
        return _message("The instance has no meta/instanceID", "error", 400)
    try:
        answers = instance_to_answers(data, definition.form)
    except InstanceError as error:
        return _message(str(error), "error", 400)
    lang = observer.language if observer is not None else "en"
    result = submit(actor=Actor.from_user(user), election=election, observer=observer, lang=lang,
                    channel=SubmissionChannel.OPENROSA,
                    item=SubmissionInput(uuid=meta["instanceID"], form=definition.form_id, answers=answers))
    if result.outcome == "created":
        return _message("Thank you: your submission was received", "submit_success", 201)
    if result.outcome == "duplicate":
        return _message("Already received: this submission is stored", "submit_success", 202)
    problems = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in result.errors.items())
    return _message(problems, "error", 403 if result.outcome == "forbidden" else 400)

"""OpenRosa endpoints: ``/openrosa/formList``, ``/openrosa/forms/<id>/form.xml``
and ``/openrosa/submission``, and the same under ``/key/<device token>/openrosa/``.

Every response, errors included, carries ``X-OpenRosa-Version: 1.0`` and
``X-OpenRosa-Accept-Content-Length``, and every error an ``OpenRosaResponse``
body. Requests authenticate with a device token in the URL
(:func:`saylau.observation.api.auth.device_token`), a session, or HTTP Basic
over the observer's Django credentials, checked in full once and then
remembered (:func:`saylau.observation.api.auth.authenticate_basic`); a request
without credentials gets 401 with ``WWW-Authenticate``, as Collect expects.
A chunked POST (``Transfer-Encoding: chunked``, no ``Content-Length``) is read
to its end, and a multipart body with LF line endings is read as well as one
with CRLF. A submission's attachments (photo, audio, video, file answers) are the
multipart parts beside ``xml_submission_file``, each named by its file name: they
are checked and stored with the submission as the JSON API's files are
(:mod:`saylau.observation.core.files`). A submission larger than
``X-OpenRosa-Accept-Content-Length`` comes split (ODK Collect sends the instance
again with the next files, marking all requests but the last
``*isIncomplete*``): each request is stored as it comes, the first with the
files it carries and each later one adding its files
(:func:`saylau.observation.services.ingest.add_files`), so the marker is not
needed; a file the answers name that never comes is listed as awaited."""

from __future__ import annotations

import email.parser
import email.policy
import functools
import io
import logging
import re
from xml.sax.saxutils import escape

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import HttpRequest, HttpResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParser, MultiPartParserError
from django.urls import NoReverseMatch, reverse
from django.views.decorators.csrf import csrf_exempt

from saylau.core.actors import Actor
from saylau.geography.models import Election
from saylau.observation.api.auth import authenticate_basic, basic_credentials, user_for_token
from saylau.observation.choices import SubmissionChannel
from saylau.observation.core.instance import (
    InstanceError,
    instance_meta,
    instance_to_answers,
    parse_instance,
)
from saylau.observation.models import FormDefinition
from saylau.observation.models.forms import FormMedia
from saylau.observation.selectors import can_see_all, observer_of
from saylau.observation.services import SubmissionInput, submit_many
from saylau.observation.services.ingest import Attachment

log = logging.getLogger(__name__)
#: a whole body, instance and attachments (the JSON API takes up to core.files.MAX_REPORT of files)
MAX_BYTES = 10 * 1024 * 1024
INSTANCE_PART = "xml_submission_file"
XML = "text/xml; charset=utf-8"


def _response(body: str = "", status: int = 200, content_type: str = XML) -> HttpResponse:
    response = HttpResponse(body, status=status, content_type=content_type)
    return openrosa_headers(response)


def openrosa_headers(response: HttpResponse) -> HttpResponse:
    """The headers OpenRosa asks of every response."""
    response["X-OpenRosa-Version"] = "1.0"
    response["X-OpenRosa-Accept-Content-Length"] = str(MAX_BYTES)
    return response


def message(text: str, nature: str, status: int) -> HttpResponse:
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n<OpenRosaResponse xmlns="http://openrosa.org/http/response">'
            f'<message nature="{nature}">{escape(text)}</message></OpenRosaResponse>')
    return _response(body, status)


class Refused(Exception):
    """An answer that ends the request early (authentication, a body that cannot be read)."""

    def __init__(self, response: HttpResponse) -> None:
        super().__init__(response.status_code)
        self.response = response


def _user(request: HttpRequest, token: str | None):
    """The requesting user: the device token in the URL, else the session, else
    HTTP Basic; raises :class:`Refused` (401 or 403) when there is none."""
    if token is not None:
        user = user_for_token(token)
        if user is None:
            raise Refused(message("This server URL is not valid any more: ask your coordinator for a new one",
                                    "error", 403))
        return user
    if request.user.is_authenticated:
        return request.user
    pair = basic_credentials(request.META.get("HTTP_AUTHORIZATION", ""))
    user = authenticate_basic(request, *pair) if pair else None
    if user is None:
        response = message("Authentication required" if pair is None else "Wrong user name or password",
                            "error", 401)
        response["WWW-Authenticate"] = 'Basic realm="saylau"'
        raise Refused(response)
    return user


def read_body(request: HttpRequest) -> bytes:
    """The request's body, read once (the short path and the view may both ask):
    a chunked body (no Content-Length; the WSGI server undoes the chunking) to
    the end of the input, otherwise Content-Length bytes; over ``MAX_BYTES``
    raises :class:`Refused` (413)."""
    raw = getattr(request, "_openrosa_body", None)
    if raw is not None:
        return raw
    too_large = Refused(message(f"Submission too large: at most {MAX_BYTES:,} bytes", "error", 413))
    if getattr(request, "_openrosa_too_large", False):
        raise too_large
    request._openrosa_too_large = True  # until the body is read within the limit
    length = request.META.get("CONTENT_LENGTH")
    if "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower() and not length:
        stream, parts, size = request.environ["wsgi.input"], [], 0
        while True:
            part = stream.read(64 * 1024)
            if not part:
                break
            size += len(part)
            if size > MAX_BYTES:
                raise too_large
            parts.append(part)
        raw = b"".join(parts)
    else:
        size = int(length or 0)
        if size > MAX_BYTES:
            raise too_large
        raw = request.read(size) if size else b""
    request._openrosa_body, request._openrosa_too_large = raw, False
    return raw


def multipart_parts(request: HttpRequest) -> dict[str, Attachment]:
    """The multipart body's file parts by part name (the instance under
    ``xml_submission_file``, attachments under their file names): Django's
    parser, then, for a body whose lines end in LF alone (which Django's parser
    does not split), the standard library's MIME parser. Read once per request."""
    kept = getattr(request, "_openrosa_parts", None)
    if kept is not None:
        return kept
    raw = read_body(request)
    content_type = request.META.get("CONTENT_TYPE", "")
    if not content_type.lower().startswith("multipart/form-data") or not raw:
        return {}
    try:
        _, files = MultiPartParser({**request.META, "CONTENT_LENGTH": str(len(raw))}, io.BytesIO(raw),
                                   request.upload_handlers).parse()
    except MultiPartParserError:
        if b"\r\n" in raw:
            raise
        files = {}  # LF line endings: Django's parser reads the whole body as one header
    parts = {name: Attachment(name, upload.content_type or "", upload.read()) for name, upload in files.items()}
    if INSTANCE_PART not in parts:
        head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1", "replace")
        parsed = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + raw)
        if parsed.is_multipart():
            for item in parsed.iter_parts():
                name = item.get_param("name", header="content-disposition")
                if name and name not in parts:
                    parts[name] = Attachment(name, item.get_content_type(), item.get_payload(decode=True) or b"")
    request._openrosa_parts = parts
    return parts


def multipart_part(request: HttpRequest, name: str) -> bytes | None:
    """The bytes of the multipart part ``name``, when the body holds no other
    part: a submission with attachments is left to the view (the short path
    stores no files), so it gets None then."""
    parts = multipart_parts(request)
    part = parts.get(name)
    return part.data if part is not None and len(parts) == 1 else None


def logged_path(path: str) -> str:
    """``path`` without the device token it may carry (a credential: never in a log)."""
    return re.sub(r"/key/[^/]+", "/key/[redacted]", path)


def openrosa(view):
    """An OpenRosa view: CSRF-exempt (clients authenticate every request), the
    requesting user resolved, a chunked body read, and an ``OpenRosaResponse``
    with the OpenRosa headers for every answer, errors included."""

    @csrf_exempt
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, token: str | None = None, **kwargs) -> HttpResponse:
        try:
            user = _user(request, token)
            return openrosa_headers(view(request, user, *args, token=token, **kwargs))
        except Refused as refused:
            return refused.response
        except RequestDataTooBig:
            return message(f"Submission too large: at most {MAX_BYTES:,} bytes", "error", 413)
        except (MultiPartParserError, UnreadablePostError, SuspiciousOperation) as error:
            return message(f"The request body could not be read as multipart/form-data: {error}", "error", 400)
        except Exception:
            log.exception("OpenRosa request failed: %s %s", request.method, logged_path(request.path))
            return message("The server failed to process this request; it was logged. Try again later.",
                            "error", 500)

    return wrapped


def _election(request: HttpRequest, user) -> tuple[Election | None, object]:
    observer = observer_of(user)
    if observer is not None:
        return observer.election, observer
    if not can_see_all(user):
        return None, None
    slug = request.GET.get("election")
    qs = Election.objects.all()
    return (qs.filter(slug=slug).first() if slug else qs.order_by("-date", "-id").first()), None


@openrosa
def not_found(request: HttpRequest, user, token: str | None = None, rest: str = "") -> HttpResponse:
    """Any other path under ``openrosa/``: an OpenRosaResponse, not an HTML page."""
    return message(f"No such OpenRosa endpoint: {request.path}", "error", 404)


def _url(request: HttpRequest, name: str, token: str | None, *args: str) -> str | None:
    """The absolute URL of an OpenRosa endpoint (with the device token when the request had one);
    None when the endpoint is not routed."""
    try:
        path = reverse(f"observation-openrosa-key:{name}", args=[token, *args]) if token is not None \
            else reverse(f"observation-openrosa:{name}", args=list(args))
    except NoReverseMatch:
        return None
    return request.build_absolute_uri(path)


def _form_item(request: HttpRequest, d: FormDefinition, token: str | None, has_media: bool) -> str:
    url = _url(request, "form", token, d.form_id)
    manifest = _url(request, "manifest", token, d.form_id) if has_media else None
    return (f"<xform><formID>{escape(d.form_id)}</formID><name>{escape(d.title or d.form_id)}</name>"
            f"<version>{escape(d.version)}</version><hash>md5:{d.xform_md5}</hash>"
            f"<downloadUrl>{escape(url or '')}</downloadUrl>"
            + (f"<manifestUrl>{escape(manifest)}</manifestUrl>" if manifest else "") + "</xform>")


@openrosa
def form_list(request: HttpRequest, user, token: str | None = None) -> HttpResponse:
    """The forms as stored: each XForm was made at import, so the list converts
    nothing and one bad row (no XForm) is left out and logged, never failing the rest."""
    election, _ = _election(request, user)
    if election is None:
        return message("Not an observer of this mission", "error", 403)
    rows = FormDefinition.objects.filter(election=election, active=True).order_by("form_id").only(
        "id", "form_id", "title", "version", "xform_md5")
    with_media = set(FormMedia.objects.filter(definition__in=rows).values_list("definition_id", flat=True))
    items = []
    for d in rows:
        try:
            if not d.xform_md5:
                raise ValueError("no stored XForm")
            items.append(_form_item(request, d, token, d.pk in with_media))
        except Exception:  # noqa: BLE001 - one form must never take the list down
            log.exception("form %s v%s left out of the OpenRosa form list", d.form_id, d.version)
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n<xforms xmlns="http://openrosa.org/xforms/xformsList">'
            + "".join(items) + "</xforms>")
    return _response(body)


def _definition(request: HttpRequest, user, form_id: str) -> FormDefinition | None:
    election, _ = _election(request, user)
    return FormDefinition.objects.filter(election=election, form_id=form_id, active=True).first() \
        if election else None


@openrosa
def form_download(request: HttpRequest, user, form_id: str, token: str | None = None) -> HttpResponse:
    """The stored XForm of the form's active version."""
    definition = _definition(request, user, form_id)
    if definition is None:
        return message(f"No form {form_id}", "error", 404)
    if not definition.xform:
        return message(f"Form {form_id} has no XForm stored: import it again", "error", 404)
    return _response(definition.xform)


@openrosa
def form_manifest(request: HttpRequest, user, form_id: str, token: str | None = None) -> HttpResponse:
    """The OpenRosa manifest: the form's media files with their md5 and download URL."""
    definition = _definition(request, user, form_id)
    if definition is None:
        return message(f"No form {form_id}", "error", 404)
    files = []
    for item in definition.media.order_by("filename").only("filename", "md5"):
        url = _url(request, "media", token, form_id, item.filename) or ""
        files.append(f"<mediaFile><filename>{escape(item.filename)}</filename><hash>md5:{item.md5}</hash>"
                     f"<downloadUrl>{escape(url)}</downloadUrl></mediaFile>")
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest xmlns="http://openrosa.org/xforms/xformsManifest">'
            + "".join(files) + "</manifest>")
    return _response(body)


@openrosa
def form_media(request: HttpRequest, user, form_id: str, filename: str, token: str | None = None) -> HttpResponse:
    """One media file of the form's active version."""
    definition = _definition(request, user, form_id)
    item = definition.media.filter(filename=filename).first() if definition is not None else None
    if item is None:
        return message(f"No media file {filename} for form {form_id}", "error", 404)
    response = HttpResponse(bytes(item.data), content_type=item.content_type or "application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{item.filename}"'
    return response


@openrosa
def submission(request: HttpRequest, user, token: str | None = None) -> HttpResponse:
    if request.method in ("HEAD", "GET"):
        return _response(status=204)
    if request.method != "POST":
        return message("Use HEAD or POST", "error", 405)
    election, observer = _election(request, user)
    if election is None:
        return message("Not an observer of this mission", "error", 403)
    parts = multipart_parts(request)
    data = parts[INSTANCE_PART].data if INSTANCE_PART in parts else None
    if data is None:
        return message("Expected a multipart/form-data body with a part named xml_submission_file", "error", 400)
    try:
        root = parse_instance(data)  # once, for the meta block and the answers
        meta = instance_meta(root)
    except InstanceError as error:
        return message(str(error), "error", 400)
    definition = FormDefinition.objects.filter(election=election, form_id=meta.get("form_id", ""), active=True).first()
    if definition is None:
        return message(f"No form {meta.get('form_id')!r}", "error", 400)
    if not meta.get("instanceID"):
        return message("The instance has no meta/instanceID", "error", 400)
    try:
        answers = instance_to_answers(root, definition.form)
    except InstanceError as error:
        return message(str(error), "error", 400)
    lang = observer.language if observer is not None else "en"
    # group commit: concurrent submissions of this process's threads share one transaction
    result = submit_many(actor=Actor.from_user(user), election=election, observer=observer, lang=lang,
                         channel=SubmissionChannel.OPENROSA, group_commit=True,
                         items=[SubmissionInput(uuid=meta["instanceID"], form=definition.form_id,
                                                answers=answers, files=_attachments(parts),
                                                files_may_follow=True)])[0]
    return answer(result)


def _attachments(parts: dict[str, Attachment]) -> dict[str, Attachment]:
    """The parts beside the instance, by file name (ODK Collect names each part
    by its file; a part with another name keeps its name)."""
    return {name: part for name, part in parts.items() if name != INSTANCE_PART}


def answer(result) -> HttpResponse:
    """The OpenRosa answer to an ingestion result (the short path answers with it too)."""
    from saylau.ledger.selectors import receipt_code

    code = receipt_code(getattr(result.submission, "receipt", None))
    suffix = f" ({code})" if code else ""  # the ledger entry that recorded it: docs/ledger.md, Receipts
    if result.outcome == "created":
        return message(f"Thank you: your submission was received{suffix}", "submit_success", 201)
    if result.outcome == "files_added":
        return message(f"Thank you: the files were added to your submission{suffix}", "submit_success", 201)
    if result.outcome == "duplicate":
        return message(f"Already received: this submission is stored{suffix}", "submit_success", 202)
    problems = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in result.errors.items())
    return message(problems, "error", {"forbidden": 403, "conflict": 409}.get(result.outcome, 400))

"""Content-Security-Policy on every response; 413 for bodies too large to read; JSON
for Django's own error pages under ``/api/``.

Add ``"saylau.web.middleware.ContentSecurityPolicyMiddleware"`` to MIDDLEWARE
right after ``SecurityMiddleware``. Scripts, styles, images, fonts, workers
and fetches come from this origin only; no inline script runs (every script is
a static file), nothing may frame the site, forms post only to it.

The Django admin writes a few ``style=""`` attributes, so under ``/admin/``
(only) inline styles are allowed; inline scripts never are.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.http import HttpResponse

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "manifest-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
ADMIN_PREFIX = "/admin/"


def policy(admin: bool = False) -> str:
    """The header value; ``admin`` relaxes style-src for the Django admin."""
    items = dict(POLICY)
    if admin:
        items["style-src"] = "'self' 'unsafe-inline'"
    return "; ".join(f"{k} {v}" for k, v in items.items())


class ContentSecurityPolicyMiddleware:
    """Sets ``Content-Security-Policy`` unless a view set its own."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response
        self.header = policy()
        self.admin_header = policy(admin=True)

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            admin = request.path.startswith(ADMIN_PREFIX)
            response["Content-Security-Policy"] = self.admin_header if admin else self.header
        return response


class RequestTooLargeMiddleware:
    """413 for a request body Django would refuse to read, said before anything reads it.

    Django refuses a body (other than a multipart upload's files) longer than
    ``DATA_UPLOAD_MAX_MEMORY_SIZE`` by raising ``RequestDataTooBig`` when a view
    (or the submission short path) reads it, which becomes an HTML "Bad Request
    (400)". This middleware, placed before anything that reads the body, answers
    such a request from its ``Content-Length`` instead: 413 in JSON under
    ``/api/`` (``{"errors": {"": [...]}}``, the API's shape), in plain text
    elsewhere, naming the size sent and the size accepted. Multipart uploads
    (OpenRosa submissions, file imports) keep their own limits.

    The body is read and discarded before the answer (up to ``DRAIN_LIMIT``
    bytes): a client that sends its whole body before reading (no
    ``Expect: 100-continue``) would otherwise find the connection closed under
    it and never see the 413."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and not request.META.get("CONTENT_TYPE", "").startswith("multipart/form-data"):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > limit:
                _drain(request, length)
                return too_large(request, length, limit)
        return self.get_response(request)


#: the most of an oversized body read and discarded before answering 413; past it the
#: connection closes (a client sending more should say ``Expect: 100-continue``)
DRAIN_LIMIT = 64 * 1024 * 1024


def _drain(request, length: int) -> None:
    stream = request.META.get("wsgi.input")
    left = min(length, DRAIN_LIMIT)
    while stream is not None and left > 0:
        chunk = stream.read(min(left, 1 << 16))
        if not chunk:
            break
        left -= len(chunk)


def too_large(request, length: int, limit: int) -> HttpResponse:
    text = (f"the request body is {length:,} bytes; at most {limit:,} are accepted "
            "(send a batch in smaller parts)")
    if request.path.startswith("/api/"):
        response = HttpResponse(json.dumps({"errors": {"": [text]}}), status=413, content_type="application/json")
    else:
        response = HttpResponse(text + "\n", status=413, content_type="text/plain; charset=utf-8")
    return response  # (the server reads past the unread body before the next request on the connection)


#: what an API client is told when Django itself (not the API's views) answers with an error page
API_ERRORS = {
    400: "bad request: the request could not be read (headers, host or body)",
    403: "forbidden",
    404: "no such API endpoint or object: {path}",
    405: "method not allowed",
    500: "server error: the request was not completed; it is logged for the operators",
}


class ApiJsonErrorsMiddleware:
    """Django's own HTML error pages as JSON under ``/api/``: a URL that matches no
    route (``/api/observation/submissions/-1/``), a request Django refuses before any
    view (400), a server error. The API's views answer JSON themselves and pass
    unchanged; the status is kept, the body is ``{"detail": "..."}``, REST
    framework's shape for such errors.

    A URL holding a NUL character (``%00``) is refused with 400 first, everywhere:
    PostgreSQL cannot compare text with one, so a filter such as ``?source=%00``
    ended in a server error (found by Schemathesis)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            return refuse_nul(request)
        response = self.get_response(request)
        if (response.status_code >= 400 and request.path.startswith("/api/")
                and response.get("Content-Type", "").startswith("text/html")):
            text = API_ERRORS.get(response.status_code, "error {status}").format(
                path=request.path, status=response.status_code)
            json_response = HttpResponse(json.dumps({"detail": text}), status=response.status_code,
                                         content_type="application/json")
            for header in ("Allow", "WWW-Authenticate", "Retry-After"):
                if header in response:
                    json_response[header] = response[header]
            return json_response
        return response


def refuse_nul(request) -> HttpResponse:
    text = "the URL holds a NUL character (%00), which nothing here can hold"
    if request.path.startswith("/api/"):
        return HttpResponse(json.dumps({"detail": text}), status=400, content_type="application/json")
    return HttpResponse(text + "\n", status=400, content_type="text/plain; charset=utf-8")

"""Content-Security-Policy on every response.

Add ``"saylau.web.middleware.ContentSecurityPolicyMiddleware"`` to MIDDLEWARE
right after ``SecurityMiddleware``. Scripts, styles, images, fonts, workers
and fetches come from this origin only; no inline script runs (every script is
a static file), nothing may frame the site, forms post only to it.

The Django admin writes a few ``style=""`` attributes, so under ``/admin/``
(only) inline styles are allowed; inline scripts never are.
"""

from __future__ import annotations

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

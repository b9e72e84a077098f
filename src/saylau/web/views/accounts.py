"""Login by password (rate-limited) and by one-time token (the QR code link).

A token link shows a confirmation page on GET and is spent only by the POST
from that page, so that link previews and prefetchers cannot use it up.
"""

from __future__ import annotations

import logging

from django.contrib.auth import login
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from saylau.web import ratelimit, services
from saylau.web.forms import LoginForm
from saylau.web.roles import Role, user_role

logger = logging.getLogger(__name__)
TOKEN_LIMIT = 10  # token attempts per IP a minute


class SaylauLoginView(LoginView):
    template_name = "web/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


def home_for(user) -> str:
    """Where a user lands after logging in: observers go to their app, data clerks to data entry."""
    role = user_role(user)
    if role == Role.DATA_CLERK:
        return "/entry/"
    return "/observe/" if role in (Role.OBSERVER, Role.COORDINATOR) else "/"


@never_cache
@require_http_methods(["GET", "POST"])
def token_login(request: HttpRequest, token: str) -> HttpResponse:
    """GET: a page with one button; POST: spend the token and log in."""
    if request.method == "GET":
        return render(request, "web/token_login.html", {"token": token})
    if not ratelimit.hit("token", ratelimit.client_ip(request), limit=TOKEN_LIMIT):
        return render(request, "web/token_login.html",
                      {"token": token, "error": _("Too many attempts. Wait a minute and try again.")},
                      status=429)
    user = services.redeem_login_token(raw=token)
    if user is None:
        logger.warning("refused login token from %s", ratelimit.client_ip(request))
        return render(request, "web/token_login.html",
                      {"token": "", "error": _("This login link is not valid: it was already used or it has expired. Ask your coordinator for a new one.")},
                      status=400)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect(home_for(user))

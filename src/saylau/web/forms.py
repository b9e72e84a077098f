"""The login form with a rate limit (10 tries a minute per IP and username, 30 per IP)."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from saylau.web import ratelimit

PER_IP_LIMIT = 30


class LoginForm(AuthenticationForm):
    """Django's AuthenticationForm that counts attempts before checking the password."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "rate_limited": _("Too many login attempts. Wait a minute and try again."),
    }

    def clean(self):
        username = (self.cleaned_data.get("username") or "").strip().lower()
        ip = ratelimit.client_ip(self.request) if self.request else "unknown"
        within_pair = ratelimit.hit("login", ip, username)
        within_ip = ratelimit.hit("login-ip", ip, limit=PER_IP_LIMIT)
        if not (within_pair and within_ip):
            raise forms.ValidationError(self.error_messages["rate_limited"], code="rate_limited")
        return super().clean()

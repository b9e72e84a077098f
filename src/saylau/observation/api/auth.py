"""Credentials that cost microseconds after the first check.

Django stores passwords as PBKDF2 with 1,000,000 iterations (a quarter of a
second of CPU), which is right for a login form and wrong for a client that
sends its password with every request: ODK Collect sends HTTP Basic with each
HEAD and POST, and a gateway or CSV bridge posts submission after submission
with Basic. Two ways out, both used by the OpenRosa endpoints, the JSON API and
the single-submission short path:

**Verified Basic credentials** (:func:`authenticate_basic`). After Django's
``authenticate`` accepts a user name and password, this process remembers,
under a keyed hash of the pair (HMAC-SHA256 with a key made at start-up and
never stored: neither the password nor a plain hash of it is kept), the user's
id, the backend and the password hash as stored at that moment, for
``SAYLAU_BASIC_AUTH_CACHE_SECONDS`` (default 300). The same pair within that
time reads the user's row (one query by primary key, which the request needs
anyway) and is accepted only if the stored password hash is unchanged, the user
name is the same, and the backend still lets the user log in (``is_active``).
So a password change or a disabled account takes effect on the next request;
a wrong password is never remembered and is always checked in full.

**Device tokens** (:func:`device_token`, :func:`user_for_token`), as ODK
Central's app users have: ``<user id>.<HMAC-SHA256 of the id and the user's
password hash under the secret key>``, put in the server URL that Collect is
given (``https://host/key/<token>/openrosa``, shown as a QR code) or sent as
``Authorization: Bearer <token>`` to the JSON API. Checking one is an HMAC and
the user's row. Nothing is stored: a token stops working when the user's
password hash changes (a new password, or "set unusable password", which
draws a new random one), when the account is disabled, or when the secret key
is rotated out of ``SECRET_KEY_FALLBACKS``. A token therefore belongs to an
account, not to one phone: to revoke one phone, change the account's password
and give the other phones the new URL.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import threading
import time

from django.conf import settings
from django.contrib.auth import authenticate, get_user_model, load_backend
from django.utils.crypto import constant_time_compare, salted_hmac
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, BasicAuthentication
from rest_framework.exceptions import AuthenticationFailed

TOKEN_SALT = "saylau.observation.device-token"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
_KEY = secrets.token_bytes(32)  # this process's key for the hashes of verified pairs
_MAX = 20_000
_VERIFIED: dict[bytes, tuple[object, str, str, float]] = {}  # hash -> (user id, password hash, backend, expiry)
_LOCK = threading.Lock()
_CHECKING: dict[bytes, threading.Lock] = {}  # pair hash -> lock held while Django checks that pair


def _ttl() -> float:
    return float(getattr(settings, "SAYLAU_BASIC_AUTH_CACHE_SECONDS", 300))


def basic_credentials(header: str) -> tuple[str, str] | None:
    """(user name, password) of an ``Authorization: Basic ...`` header, or None."""
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "basic" or not value.strip():
        return None
    try:
        text = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    username, colon, password = text.partition(":")
    return (username, password) if colon else None


def pair_key(username: str, password: str) -> bytes:
    """The keyed hash a verified pair is remembered under."""
    message = username.encode("utf-8") + b"\0" + password.encode("utf-8")
    return hmac.new(_KEY, message, hashlib.sha256).digest()


def remembered(username: str, password: str) -> tuple[bytes, object, str, str] | None:
    """(key, user id, password hash, backend) of a pair verified within the TTL, or None.
    The caller must still compare the password hash and the active flag with the
    user's current row (:func:`still_valid`)."""
    key = pair_key(username, password)
    hit = _VERIFIED.get(key)
    if hit is None:
        return None
    if hit[3] < time.monotonic():
        _VERIFIED.pop(key, None)
        return None
    return key, hit[0], hit[1], hit[2]


def still_valid(user, username: str, password_hash: str, backend_path: str) -> bool:
    """Whether a remembered pair still holds for the user's current row."""
    if backend_path not in settings.AUTHENTICATION_BACKENDS:
        return False
    backend = load_backend(backend_path)
    can = getattr(backend, "user_can_authenticate", None)
    return (constant_time_compare(user.password, password_hash) and user.get_username() == username
            and (can(user) if can else True))


def remember(username: str, password: str, user) -> None:
    """Remember a pair Django's ``authenticate`` has just accepted."""
    if not user.has_usable_password():
        return
    with _LOCK:
        if len(_VERIFIED) >= _MAX:
            now = time.monotonic()
            for k in [k for k, v in _VERIFIED.items() if v[3] < now] or list(_VERIFIED)[: _MAX // 2]:
                _VERIFIED.pop(k, None)
        _VERIFIED[pair_key(username, password)] = (user.pk, user.password, user.backend, time.monotonic() + _ttl())


def forget(key: bytes) -> None:
    _VERIFIED.pop(key, None)


def _checked(username: str, password: str):
    """The user of a remembered pair that still holds, or None."""
    hit = remembered(username, password)
    if hit is None:
        return None
    key, user_id, password_hash, backend = hit
    user = get_user_model()._default_manager.filter(pk=user_id).first()
    if user is not None and still_valid(user, username, password_hash, backend):
        user.backend = backend
        return user
    forget(key)
    return None


def authenticate_basic(request, username: str, password: str):
    """The user a Basic pair names, or None: Django's ``authenticate`` the first
    time, then the remembered pair checked against the user's current row.
    Concurrent first requests with one pair (a gateway's many connections
    after a restart) wait for one check instead of each hashing the password."""
    user = _checked(username, password)
    if user is not None:
        return user
    key = pair_key(username, password)
    with _LOCK:
        lock = _CHECKING.setdefault(key, threading.Lock())
    try:
        with lock:
            user = _checked(username, password)  # another thread may have verified it meanwhile
            if user is not None:
                return user
            user = authenticate(request, username=username, password=password)
            if user is not None:
                remember(username, password, user)
            return user
    finally:
        with _LOCK:
            if not lock.locked():
                _CHECKING.pop(key, None)


def _token_mac(user_id, password_hash: str, secret: str) -> str:
    digest = salted_hmac(TOKEN_SALT, f"{user_id}\0{password_hash}", secret=secret, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def device_token(user) -> str:
    """The device token of ``user`` (valid until the password changes)."""
    return f"{user.pk}.{_token_mac(user.pk, user.password, settings.SECRET_KEY)}"


def user_for_token(token: str, user=None):
    """The active user a device token names, or None. ``user``: the user's row
    if the caller has read it already (the single-submission short path)."""
    user_id, dot, mac = (token or "").partition(".")
    if not dot or not user_id.isascii() or not user_id.isdigit() or len(user_id) > 18 or len(mac) != 43:
        return None
    if user is None:
        user = get_user_model()._default_manager.filter(pk=int(user_id)).first()
    if user is None or str(user.pk) != user_id or not user.password:
        return None
    secrets_ = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    if not any(constant_time_compare(mac, _token_mac(user.pk, user.password, s)) for s in secrets_):
        return None
    backend = load_backend(MODEL_BACKEND)
    if not backend.user_can_authenticate(user):
        return None
    user.backend = MODEL_BACKEND
    return user


def collect_url(base_url: str, user) -> str:
    """The server URL ODK Collect is given for ``user``: ``<base>/key/<device token>/openrosa``."""
    return f"{base_url.rstrip('/')}/key/{device_token(user)}/openrosa"


def collect_settings(url: str, project: str = "saylau") -> str:
    """The text of the QR code that configures ODK Collect ("Configure with QR
    code"): Collect's settings as JSON, zlib-compressed and base64-encoded, as
    ODK Central's app-user codes are; the server URL carries the device token,
    so no user name or password is in it."""
    import json
    import zlib

    settings_ = {"general": {"server_url": url, "form_update_mode": "match_exactly",
                             "autosend": "wifi_and_cellular"},
                 "admin": {}, "project": {"name": project, "icon": "S"}}
    return base64.b64encode(zlib.compress(json.dumps(settings_).encode("utf-8"))).decode("ascii")


class CachedBasicAuthentication(BasicAuthentication):
    """REST framework's HTTP Basic, with verified pairs remembered (:func:`authenticate_basic`)."""

    def authenticate_credentials(self, userid, password, request=None):
        user = authenticate_basic(request, userid, password)
        if user is None:
            raise AuthenticationFailed("Invalid username/password.")
        return user, None


class DeviceTokenAuthentication(BaseAuthentication):
    """``Authorization: Bearer <device token>`` (:func:`device_token`)."""

    keyword = "bearer"

    def authenticate(self, request):
        scheme, _, token = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
        if scheme.lower() != self.keyword:
            return None
        user = user_for_token(token.strip())
        if user is None:
            raise AuthenticationFailed("Invalid or revoked device token.")
        return user, None

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="api"'


class DeviceTokenScheme(OpenApiAuthenticationExtension):
    """The device token in the OpenAPI schema."""

    target_class = "saylau.observation.api.auth.DeviceTokenAuthentication"
    name = "deviceToken"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer",
                "description": "A device token (docs/observation.md, Device tokens)"}


class CachedBasicScheme(OpenApiAuthenticationExtension):
    """HTTP Basic in the OpenAPI schema, as REST framework's own."""

    target_class = "saylau.observation.api.auth.CachedBasicAuthentication"
    name = "basicAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "basic"}

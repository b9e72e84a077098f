"""Django settings for saylau.

Storage: SQLite in the data directory (WAL mode) unless ``DATABASE_URL`` names
another database (PostgreSQL in production and in CI).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from saylau.core import datadir

DATA_DIR = datadir.resolve()
DEBUG = os.environ.get("SAYLAU_DEBUG", "") == "1"
SECRET_KEY = os.environ.get("SAYLAU_SECRET_KEY", "saylau-insecure-development-key-change-me")
ALLOWED_HOSTS = [h for h in os.environ.get("SAYLAU_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "saylau.geography",
    "saylau.ledger",
    "saylau.observation",
    "saylau.results",
    "saylau.media",
    "saylau.disputes",
    "saylau.registry",
    "saylau.nomination",
    "saylau.statement",
    "saylau.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "saylau.web.middleware.ContentSecurityPolicyMiddleware",
    # 413 (JSON under /api/) for a body over DATA_UPLOAD_MAX_MEMORY_SIZE, before anything reads it
    "saylau.web.middleware.RequestTooLargeMiddleware",
    # Django's own HTML error pages (a URL that matches nothing, 400, 500) as JSON under /api/
    "saylau.web.middleware.ApiJsonErrorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # answers single-submission POSTs of observers' sessions before the rest (docs/observation.md)
    "saylau.observation.api.fastpath.SubmissionShortPath",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "saylau.urls"
WSGI_APPLICATION = "saylau.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database() -> dict:
    url = os.environ.get("DATABASE_URL")
    if url:
        config = dj_database_url.parse(url, conn_max_age=60)
        config.setdefault("TEST", {})
        return config
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(DATA_DIR / "saylau.sqlite3"),
        "OPTIONS": {
            # WAL lets readers (dashboards) run while a writer (ingestion) works;
            # a helper thread, not the commit, copies the log back (saylau.db.checkpoint).
            # 16 KiB pages (set before WAL, so a new database takes them; an existing one keeps
            # its own): a million protocols imported, checked and tabulated in about a fifth
            # less time than with 4 KiB pages, interleaved on one machine (docs/architecture.md).
            "init_command": "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
        },
        "TEST": {"NAME": None},  # in-memory test database
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ru", "Русский"), ("kk", "Қазақша")]
USE_I18N = True
TIME_ZONE = "UTC"
# English dates as an international mission writes them (saylau/web/formats/en); Russian and Kazakh: Django's
FORMAT_MODULE_PATH = ["saylau.web.formats"]
USE_TZ = True

LOCALE_PATHS = [str(Path(__file__).resolve().parent / "locale")]

STATIC_URL = "static/"
STATIC_ROOT = str(DATA_DIR / "static")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"saylau": {"handlers": ["console"], "level": os.environ.get("SAYLAU_LOG_LEVEL", "WARNING")}},
}

# Review policy of everything the mission counts (findings, statement, dashboards, places
# observed, observers' protocol copies): rejected submissions never count; submissions not yet
# reviewed (new, flagged) count unless SAYLAU_FINDINGS_INCLUDE_PENDING=0, then only verified
# ones do. Default on: a preliminary statement is due hours after the polls close, before
# analysts can review every report, and the review rejects the bad ones (docs/findings.md).
SAYLAU_FINDINGS_INCLUDE_PENDING = os.environ.get("SAYLAU_FINDINGS_INCLUDE_PENDING", "1") != "0"

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Security: headers and cookies (HTTPS-only cookies when SAYLAU_HTTPS=1).
HTTPS = os.environ.get("SAYLAU_HTTPS", "") == "1"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 12 * 3600
CSRF_COOKIE_HTTPONLY = False  # the observer app reads it to send X-CSRFToken
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_SSL_REDIRECT = HTTPS

# How long a verified HTTP Basic pair (user name and password) is remembered by a server process,
# so that ODK clients and gateways sending it with every request are not hashed with PBKDF2 each
# time (observation/api/auth.py); 0 checks every request in full.
SAYLAU_BASIC_AUTH_CACHE_SECONDS = int(os.environ.get("SAYLAU_BASIC_AUTH_CACHE_SECONDS", "300"))

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "saylau"}}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # the first class names the challenge of a 401 (WWW-Authenticate) to a request without
    # credentials; sessions last, since they have none (REST framework then answers 403). Bearer,
    # not Basic: a browser shows its own password dialog for a fetch answered with a Basic challenge
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # HTTP Basic with verified pairs remembered, and device tokens (observation/api/auth.py):
        # gateways and ODK clients send credentials with every request
        "saylau.observation.api.auth.DeviceTokenAuthentication",
        "saylau.observation.api.auth.CachedBasicAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("SAYLAU_ANON_RATE", "120/minute"), "login": "10/minute"},
    # limit/offset with a ceiling on limit (an unbounded one reached the database and failed)
    "DEFAULT_PAGINATION_CLASS": "saylau.web.api.pagination.Pagination",
    "PAGE_SIZE": 100,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "saylau API",
    "DESCRIPTION": "Election observation and results transparency platform",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

"""The single-submission POST on a short path.

Observers' phones post one submission at a time, and on election day they all
post at once. Through DRF and the ORM one such request costs about a dozen
queries (session, user, observer, team, uuid, form, station, deployment,
then the writes) and ~6 ms of Python; this path gives the same answers for
the common case with one query and the group commit:

1. the session's user id: Django's own session store loads the session
   (``SessionStore.load``) the first time this process sees the session key,
   and the user id is kept per key;
2. one prepared query (:func:`saylau.db.fetch_one`) for everything
   else: the session row (unexpired), the user's password hash, ``is_active``
   and username, the observer, their team and its deployment, the form's
   active definition, the station, and whether the uuid is already stored;
3. the session row is decoded by the store (``SessionStore.decode``; the
   decoded data is kept per key while the stored text is unchanged) and its
   user verified as ``django.contrib.auth.get_user`` verifies it: the backend
   named in the session must be configured, the user must be allowed to
   authenticate (``user_can_authenticate``), and the session's auth hash must
   match ``get_session_auth_hash`` (``constant_time_compare``);
4. :func:`~saylau.observation.services.submit_many` with those lookups and
   ``group_commit=True``.

Besides an observer's session, it takes what a gateway or a CSV bridge sends:
HTTP Basic whose pair this process has verified before
(:func:`saylau.observation.api.auth.remembered`; the first request of a pair
goes to the DRF view, which checks the password in full and remembers it) and
a device token as ``Authorization: Bearer``; the pair's remembered password
hash, or the token's HMAC, is compared with the row the main query reads, so
a password change or a disabled account is seen on the next request. Staff
and analysts (who are not observers) are answered here too, for the election
``?election=<slug>`` names or the latest, in the language ``?lang=`` names, as
the DRF view answers them; one naming a team goes to the view.

It runs as a middleware (:class:`SubmissionShortPath`) ahead of sessions,
locale, CSRF and authentication. Anything unusual goes on to the DRF view
unchanged: another method, no credentials it can check, a session engine that does not
keep sessions in a database table, a session that does not verify (Django's
own path then flushes it, or rotates it if it verifies with a fallback
secret), a CSRF failure, a body that is not a
JSON object, an Accept header other than JSON, a uuid already stored, a place
given as DEC or region code, a form with more than one active version, a user
who is neither an observer, staff nor an analyst, or an election slug that names
none. So
the DRF view stays the reference, and tests hold the two to the same responses.
"""

from __future__ import annotations

import functools
import json
import logging
import uuid
from importlib import import_module

from django.conf import settings
from django.contrib.auth import (
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
    load_backend,
)
from django.contrib.auth.backends import ModelBackend
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import PermissionDenied
from rest_framework.renderers import JSONRenderer

from saylau import db
from saylau.core.actors import Actor
from saylau.geography.choices import UnitLevel
from saylau.geography.models import Election, Station, Unit
from saylau.observation.api import auth
from saylau.observation.api.serializers import parse_submission, submission_ref
from saylau.observation.choices import SubmissionChannel
from saylau.observation.models import Deployment, FormDefinition, Observer, Submission, Team
from saylau.observation.models.forms import parsed_form
from saylau.observation.selectors import ANALYST_GROUPS
from saylau.observation.services import submit_many
from saylau.observation.services.ingest import Lookups, SubmissionInput, allowed_paths, place_codes
from saylau.observation.services.places import PlaceIndex, station_place

log = logging.getLogger(__name__)
_STATUS = {"created": 201, "files_added": 201, "duplicate": 200, "conflict": 409, "invalid": 400, "forbidden": 403}


class SubmissionShortPath:
    """Middleware for ``POST /api/observation/submissions/``, placed after the
    security headers and before sessions, locale, CSRF and authentication,
    none of which the short path needs: it reads the session with the session
    store, verifies its user as ``get_user`` does, and checks CSRF with DRF's
    ``SessionAuthentication``. A POST it can answer is answered here; every
    other request goes on down the stack to the DRF view."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = None
        method, path = request.method, request.path
        if method == "POST" and path.endswith("/submissions/") and path == (list_path := _list_path(
                get_script_prefix())):
            response = _post(request, list_path)
        elif method in ("HEAD", "POST") and path.endswith("/openrosa/submission"):
            token = _openrosa_token(path, get_script_prefix())
            if token is not False:
                try:
                    response = _openrosa(request, token)
                except Exception:  # as the view: an OpenRosaResponse, not an HTML page
                    from saylau.observation.openrosa import views as openrosa

                    log.exception("OpenRosa request failed: %s %s", request.method,
                                  openrosa.logged_path(request.path))
                    response = openrosa.message("The server failed to process this request; it was logged. "
                                                "Try again later.", "error", 500)
        if response is not None:  # the headers CommonMiddleware and XFrameOptionsMiddleware would set
            response["Content-Length"] = str(len(response.content))
            response["X-Frame-Options"] = getattr(settings, "X_FRAME_OPTIONS", "DENY")
            return response
        return self.get_response(request)


@functools.cache
def _session_store(engine: str) -> type[DatabaseSessionStore] | None:
    """The configured session store, if it loads a session by reading its row
    from a table (the database backend): the main query can read that row."""
    store = import_module(engine).SessionStore
    return store if issubclass(store, DatabaseSessionStore) and store.load is DatabaseSessionStore.load else None


@functools.cache
def _backend(path: str) -> ModelBackend | None:
    """The authentication backend at ``path``, if its ``get_user`` fetches the user
    from the user table by primary key (ModelBackend's): the main query's row."""
    backend = load_backend(path)
    return backend if isinstance(backend, ModelBackend) and type(backend).get_user is ModelBackend.get_user else None


@db.per_backend
def _query() -> str:
    User = get_user_model()  # noqa: N806
    user = {name: User._meta.get_field(name).column
            for name in ("password", "is_active", User.USERNAME_FIELD, "is_staff", "is_superuser")}
    sessions = _session_store(settings.SESSION_ENGINE).get_model_class()._meta
    unit, station, election = Unit._meta.db_table, Station._meta.db_table, Election._meta.db_table
    groups = User._meta.get_field("groups")
    member, group = groups.remote_field.through._meta, groups.related_model._meta
    analyst = ", ".join("'" + name.replace("'", "''") + "'" for name in ANALYST_GROUPS)
    return f"""
SELECT u.{user["password"]}, u.{user["is_active"]}, u.{user[User.USERNAME_FIELD]},
       o.id, o.code, o.role, o.language, e.id, o.team_id, t.code, t.kind, e.slug,
       (SELECT {db.json_agg("du.path")} FROM {Deployment._meta.db_table} d JOIN {unit} du ON du.id = d.unit_id
         WHERE d.team_id = o.team_id),
       (SELECT {db.json_agg(db.json_array("f.id", "f.md5", "f.version"))} FROM {FormDefinition._meta.db_table} f
         WHERE f.election_id = e.id AND f.form_id = %s AND f.active),
       (SELECT {db.json_array("su.path", "dp.code", "rp.code", "st.area")} FROM {unit} su
         LEFT JOIN {unit} dp ON dp.id = su.parent_id LEFT JOIN {unit} rp ON rp.id = dp.parent_id
         LEFT JOIN {station} st ON st.unit_id = su.id
         WHERE su.election_id = e.id AND su.level = {int(UnitLevel.STATION)} AND su.code = %s),
       (SELECT 1 FROM {Submission._meta.db_table} s WHERE s.uuid = %s),
       (SELECT session_data FROM {sessions.db_table} WHERE session_key = %s AND expire_date > %s),
       u.{user["is_staff"]}, u.{user["is_superuser"]},
       (SELECT 1 FROM {member.db_table} ug JOIN {group.db_table} g ON g.id = ug.{member.get_field("group").column}
         WHERE ug.{member.get_field("user").column} = u.{User._meta.pk.column} AND g.name IN ({analyst}) LIMIT 1)
  FROM {User._meta.db_table} u LEFT JOIN {Observer._meta.db_table} o ON o.user_id = u.{User._meta.pk.column}
  LEFT JOIN {Team._meta.db_table} t ON t.id = o.team_id
  LEFT JOIN {election} e ON e.id = COALESCE(o.election_id, (
       SELECT x.id FROM {election} x WHERE %s = '' OR x.slug = %s ORDER BY x.date DESC, x.id DESC LIMIT 1))
 WHERE u.{User._meta.pk.column} = %s"""


@db.per_backend
def _user_query() -> str:
    """The user row :func:`_user_of` verifies against, and nothing else (OpenRosa's HEAD)."""
    User = get_user_model()  # noqa: N806
    columns = ", ".join(User._meta.get_field(name).column for name in ("password", "is_active", User.USERNAME_FIELD))
    return f"SELECT {columns} FROM {User._meta.db_table} WHERE {User._meta.pk.column} = %s"


_UUID = Submission._meta.get_field("uuid")
#: session key -> (session_data as stored, or None before the main query has read it; the data
#: the session store decoded; the user id it names), per process: kept while the stored text
#: is unchanged
_SESSIONS: dict[str, tuple[str | None, dict, object]] = {}


def _named_user(data: dict):
    """The user id a session names, as ``get_user`` reads it (the user model's
    primary key from ``SESSION_KEY``); None for a session without a user."""
    try:
        return get_user_model()._meta.pk.to_python(data[SESSION_KEY])
    except (KeyError, ValidationError):
        return None


def _user_id(store: type[DatabaseSessionStore], key: str):
    """The user id of session ``key``: the first time, the session store loads
    the session (Django's own read: the unexpired row, decoded)."""
    cached = _SESSIONS.get(key)
    if cached is None:
        data = store(session_key=key).load()
        user_id = _named_user(data)
        if user_id is None:
            return None
        if len(_SESSIONS) >= 50_000:
            _SESSIONS.clear()
        cached = _SESSIONS[key] = (None, data, user_id)
    return cached[2]


def _session(store: type[DatabaseSessionStore], key: str, stored: str | None) -> tuple[dict, object] | None:
    """The session data as the store decodes the row just read, and the user id
    it names (None: no such unexpired row)."""
    if stored is None:
        _SESSIONS.pop(key, None)  # logged out or expired: Django's own path decides
        return None
    cached = _SESSIONS.get(key)
    if cached is None or cached[0] != stored:  # altered or tampered with (then it decodes to {})
        data = store().decode(stored)
        cached = _SESSIONS[key] = (stored, data, _named_user(data))
    return cached[1], cached[2]


def _verified(session: dict, user_id, password: str, active: bool, username: str):
    """The session's user (``user_id``, read from the session by
    :func:`_named_user`), verified as ``django.contrib.auth.get_user`` verifies
    it, built from the row the main query read; None when Django's own path
    must decide (another backend, a user who may not log in, an auth hash that
    does not match the current secret)."""
    path = session.get(BACKEND_SESSION_KEY)
    backend = _backend(path) if path in settings.AUTHENTICATION_BACKENDS else None
    if backend is None:
        return None
    user = _new_user(user_id, password, active, username)
    if not backend.user_can_authenticate(user):
        return None
    session_hash = session.get(HASH_SESSION_KEY)
    if not session_hash or not constant_time_compare(session_hash, user.get_session_auth_hash()):
        return None  # get_user rotates a session made with a fallback secret, or flushes it
    return user


def _credentials(request, store):
    """Who the request says it is: a session, HTTP Basic or a device token
    (a request with both a session and an Authorization header goes to the view):
    ``(kind, user id, what to check against the user's row)``, or None when the
    DRF view must decide (no credentials, a session or a Basic pair this
    process has not verified yet, a token that does not parse)."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if key and request.META.get("HTTP_AUTHORIZATION"):
        return None  # both: which one counts is the order of REST framework's classes, so the view decides
    if key:
        user_id = _user_id(store, key)
        if user_id is None:
            return None
        try:
            SessionAuthentication().enforce_csrf(request)
        except PermissionDenied:
            return None
        return "session", user_id, key
    scheme, _, value = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    if scheme.lower() == "basic":
        pair = auth.basic_credentials(request.META["HTTP_AUTHORIZATION"])
        hit = auth.remembered(*pair) if pair else None
        return ("basic", hit[1], (pair[0], *hit)) if hit else None
    if scheme.lower() == "bearer":
        user_id, dot, _ = value.strip().partition(".")
        ok = dot and user_id.isascii() and user_id.isdigit() and len(user_id) <= 18
        return ("bearer", int(user_id), value.strip()) if ok else None
    return None


def _openrosa_token(path: str, prefix: str):
    """None for ``/openrosa/submission``, the token for ``/key/<token>/openrosa/submission``,
    False for any other path."""
    plain, (head, tail) = _openrosa_paths(prefix)
    if path == plain:
        return None
    if path.startswith(head) and path.endswith(tail):
        token = path[len(head):-len(tail)]
        return token if token and "/" not in token else False
    return False


@functools.cache
def _openrosa_paths(prefix: str) -> tuple[str, tuple[str, str]]:
    keyed = reverse("observation-openrosa-key:submission", args=["TOKEN"])
    head, _, tail = keyed.partition("TOKEN")
    return reverse("observation-openrosa:submission"), (head, tail)


def _openrosa(request, token) -> HttpResponse | None:
    """OpenRosa's HEAD and POST to ``submission`` with a device token in the URL
    or a remembered Basic pair: the view's answer with one query; None to let
    the view answer (see :func:`_post` for what goes there)."""
    from saylau.observation.core.instance import (
        InstanceError,
        first_text,
        instance_meta,
        instance_to_answers,
        parse_instance,
    )
    from saylau.observation.openrosa import views as openrosa

    if token is None:
        if request.COOKIES.get(settings.SESSION_COOKIE_NAME):
            return None  # a session may name another user: the view decides
        pair = auth.basic_credentials(request.META.get("HTTP_AUTHORIZATION", ""))
        hit = auth.remembered(*pair) if pair else None
        if hit is None:
            return None
        kind, user_id, check = "basic", hit[1], (pair[0], *hit)
    else:
        number, dot, _ = token.partition(".")
        if not (dot and number.isascii() and number.isdigit() and len(number) <= 18):
            return None
        kind, user_id, check = "bearer", int(number), token
    if request.method == "HEAD":  # ODK Collect's question before each POST: only whether the user is let in
        row = db.fetch_one(_user_query(), [user_id])
        if row is None or _user_of(kind, check, None, user_id, *row) is None:
            return None
        return openrosa.openrosa_headers(HttpResponse(status=204, content_type=openrosa.XML))
    form_id = station = ""
    item_uuid = uuid.UUID(int=0)
    data = root = None
    if request.method == "POST":
        try:
            data = openrosa.multipart_part(request, "xml_submission_file")
            root = parse_instance(data) if data else None  # parsed once for all that is read of it
            meta = instance_meta(root) if root is not None else None
            item_uuid = uuid.UUID(meta["instanceID"].removeprefix("uuid:")) if meta else None
        except (openrosa.Refused, InstanceError, MultiPartParserError, KeyError, ValueError):
            return None  # the view answers with the same reading of the body
        if item_uuid is None:
            return None
        form_id, station = meta.get("form_id", ""), first_text(root, "station_code")
        if not station:
            return None
    slug = _query_value(request, "election", "")
    row = db.fetch_one(_query(), [form_id, station, _UUID.get_db_prep_value(item_uuid, connection), "",
                                  timezone.now(), slug, slug, user_id])
    if row is None:
        return None
    (password, active, username, oid, ocode, role, language, election_id, team_id, team_code, team_kind, slug,
     paths, forms, place, exists, _, staff, superuser, analyst) = row
    user = _user_of(kind, check, None, user_id, password, active, username)
    if user is None:
        return None
    if election_id is None or (oid is None and not (staff or superuser or analyst)):
        return None
    forms = _json(forms) or []
    form = parsed_form(forms[0][1]) if len(forms) == 1 else None
    if exists or form is None:
        return None  # stored before, no such form, or a form this process has not parsed yet
    try:
        answers = instance_to_answers(root, form)
    except InstanceError:
        return None
    item = SubmissionInput(uuid=str(item_uuid), form=form_id, answers=answers, files_may_follow=True)
    codes = place_codes([item])
    if codes["station_code"][0] != station or codes["dec_code"][0] or codes["region_code"][0]:
        return None
    election, observer = _people(election_id, slug, oid, ocode, role, language, team_id, team_code, team_kind)
    place = _json(place)
    lookups = Lookups(
        existing={},
        forms={form_id: _definition(form_id, election_id, forms[0])},
        places=PlaceIndex({station: station_place(station, *place)} if place else {}, {}, {}),
        teams={},
        allowed=allowed_paths(observer, _json(paths) or []),
    )
    result = submit_many(actor=Actor.from_user(user), election=election, items=[item],
                         channel=SubmissionChannel.OPENROSA, observer=observer,
                         lang=observer.language if observer is not None else "en", lookups=lookups,
                         group_commit=True)[0]
    return openrosa.answer(result)


def _user_of(kind: str, check, session, user_id, password: str, active: bool, username: str):
    """The user the credentials name, verified against the row just read, or None.
    A verification that passed is kept for the same row and credential (it reads
    nothing else), so a client's next request skips the HMACs."""
    if kind == "basic":
        name, key, _, password_hash, backend = check
        user = _kept(("user", kind, user_id, password, active, username),
                     lambda: _new_user(user_id, password, active, username))
        if auth.still_valid(user, name, password_hash, backend):
            return user
        auth.forget(key)
        return None
    # what verifying reads besides the row and the credential: the keys and the backends
    configured = (settings.SECRET_KEY, tuple(getattr(settings, "SECRET_KEY_FALLBACKS", ())),
                  tuple(settings.AUTHENTICATION_BACKENDS))
    if kind == "session":
        if not session:
            return None
        data = session[0]
        key = ("user", kind, user_id, password, active, username, data.get(BACKEND_SESSION_KEY),
               data.get(HASH_SESSION_KEY), configured)
        verify = lambda: _verified(data, user_id, password, active, username)  # noqa: E731
    else:
        key = ("user", kind, user_id, password, active, username, check, configured)
        verify = lambda: auth.user_for_token(check, user=_new_user(user_id, password, active, username))  # noqa: E731
    return _kept(key, verify)


def _new_user(user_id, password: str, active: bool, username: str):
    User = get_user_model()  # noqa: N806
    return User(pk=user_id, password=password, is_active=active, **{User.USERNAME_FIELD: username})


#: objects made from the main query's row (verified users, elections, observers, teams, form
#: definitions), by every value they were made from: a client's next request finds them here
#: instead of building them again; cleared when full
_KEPT: dict[tuple, object] = {}


def _kept(key: tuple, make):
    """The object made by ``make()`` for ``key`` (None is not kept)."""
    found = _KEPT.get(key)
    if found is None:
        found = make()
        if found is not None:
            if len(_KEPT) >= 100_000:
                _KEPT.clear()
            _KEPT[key] = found
    return found


def _people(election_id, slug, oid, ocode, role, language, team_id, team_code, team_kind):
    """The election, and the observer (with their team) or None, as kept objects."""
    election = _kept(("election", election_id, slug), lambda: Election(id=election_id, slug=slug))
    if oid is None:
        return election, None

    def observer():
        team = Team(id=team_id, code=team_code, kind=team_kind, election_id=election_id) if team_id else None
        return Observer(id=oid, code=ocode, role=role, language=language, election=election, team=team)

    return election, _kept(("observer", oid, ocode, role, language, election_id, slug, team_id, team_code,
                            team_kind), observer)


def _definition(form_id: str, election_id, row) -> FormDefinition:
    pk, md5, version = row
    return _kept(("form", pk, md5, version, form_id, election_id), lambda: FormDefinition(
        id=pk, md5=md5, version=version, form_id=form_id, election_id=election_id))


def _query_value(request, name: str, default: str) -> str:
    """A query string parameter (Django's ``request.GET``, not parsed when there is no query string)."""
    return request.GET.get(name, default) if request.META.get("QUERY_STRING") else default


def _post(request, list_path: str) -> HttpResponse | None:
    """The response, or None to let the DRF view answer."""
    if request.content_type != "application/json" or "html" in request.META.get("HTTP_ACCEPT", "") \
            or (request.META.get("QUERY_STRING") and "format" in request.GET):
        return None  # DRF's content negotiation decides
    store = _session_store(settings.SESSION_ENGINE)
    if store is None:
        return None
    credentials = _credentials(request, store)
    if credentials is None:
        return None
    kind, user_id, check = credentials
    try:
        payload = json.loads(request.body)
    except ValueError:
        return None
    item, _ = parse_submission(payload)
    if item is None:
        return None  # DRF answers 400 with the same errors
    codes = place_codes([item])
    station = codes["station_code"][0]
    try:
        item_uuid = uuid.UUID(item.uuid.removeprefix("uuid:"))
    except ValueError:
        return None
    if not station or codes["dec_code"][0] or codes["region_code"][0]:
        return None
    slug = _query_value(request, "election", "")
    row = db.fetch_one(_query(), [item.form, station, _UUID.get_db_prep_value(item_uuid, connection),
                                  check if kind == "session" else "", timezone.now(), slug, slug, user_id])
    if row is None:
        return None  # no such user
    (password, active, username, oid, ocode, role, language, election_id, team_id, team_code, team_kind, slug,
     paths, forms, place, exists, stored, staff, superuser, analyst) = row
    session = None
    if kind == "session":
        session = _session(store, check, stored)
        if session is None or session[1] != user_id:
            return None  # gone, or the row names another user since its user id was read: Django decides
    user = _user_of(kind, check, session, user_id, password, active, username)
    if user is None or election_id is None:
        return None  # Django's own path answers: refused, or no such election
    if oid is None and not (staff or superuser or analyst):
        return None  # neither an observer nor staff or an analyst: the view refuses
    if oid is None and item.team_code:
        return None  # staff naming a team: the view looks the team up
    forms = _json(forms) or []
    if exists or len(forms) > 1 or (forms and parsed_form(forms[0][1]) is None):
        return None  # a duplicate, an ambiguous form, or a form this process has not parsed yet
    election, observer = _people(election_id, slug, oid, ocode, role, language, team_id, team_code, team_kind)
    if observer is None:
        language = _query_value(request, "lang", "en")  # as the view's _lang
    place = _json(place)
    lookups = Lookups(
        existing={},
        forms={item.form: _definition(item.form, election_id, forms[0])} if forms else {},
        places=PlaceIndex({station: station_place(station, *place)} if place else {}, {}, {}),
        teams={},
        allowed=allowed_paths(observer, _json(paths) or []),
    )
    actor = Actor.from_user(user)
    result = submit_many(actor=actor, election=election, items=[item], channel=SubmissionChannel.API,
                         observer=observer, lang=language, lookups=lookups, group_commit=True)[0]
    if result.ok:
        body = submission_ref(result.submission, _absolute(request, list_path))
    else:
        body = {"errors": result.errors}
    response = HttpResponse(JSONRenderer().render(body), status=_STATUS[result.outcome],
                            content_type="application/json")
    response["Vary"] = "Accept, Cookie"
    response["Allow"] = "GET, POST, HEAD, OPTIONS"
    return response


#: what makes a request's absolute URLs, as Django reads it (``scheme`` and ``get_host``):
#: the request's own values, then the settings
_ORIGIN_META = ("wsgi.url_scheme", "HTTP_HOST", "SERVER_NAME", "SERVER_PORT", "HTTP_X_FORWARDED_HOST",
                "HTTP_X_FORWARDED_PORT")


def _absolute(request, path: str) -> str:
    """``request.build_absolute_uri(path)``, kept per everything it reads (the
    host validated against ``ALLOWED_HOSTS`` the first time; a host Django
    refuses raises as it does)."""
    meta = request.META
    proxy = settings.SECURE_PROXY_SSL_HEADER
    key = ("absolute", path, *(meta.get(name) for name in _ORIGIN_META), proxy, proxy and meta.get(proxy[0]),
           tuple(settings.ALLOWED_HOSTS), settings.USE_X_FORWARDED_HOST, settings.USE_X_FORWARDED_PORT,
           settings.DEBUG)
    return _kept(key, lambda: request.build_absolute_uri(path))


@functools.cache
def _list_path(prefix: str) -> str:
    return reverse("observation-api:submission-list")


def _json(value):
    return json.loads(value) if isinstance(value, str | bytes) else value


"""The single-submission POST on a short path.

Observers' phones post one submission at a time, and on election day they all
post at once. Through DRF and the ORM one such request costs about a dozen
queries (session, user, observer, team, uuid, form, station, deployment,
then the writes) and ~6 ms of Python; this path gives the same answers for
the common case with one query and the group commit:

1. the session row, decoded by Django's own session store (once per session
   and process; afterwards the next query returns the stored row to compare);
2. one prepared query (:func:`saylau.db.fetch_one`) for everything else: the user's password hash and
   ``is_active`` (to check the session's auth hash as Django does), the
   observer, their team and its deployment, the form's active definition,
   the station, whether the uuid is already stored, and the session row;
3. :func:`~saylau.observation.services.submit_many` with those lookups and
   ``group_commit=True``.

It runs as a middleware (:class:`SubmissionShortPath`) ahead of sessions,
locale, CSRF and authentication. Anything unusual goes on to the DRF view
unchanged: another method, no session cookie, a session that does not verify on the first try,
a user who is not an observer, a CSRF failure, a body that is not a JSON
object, an Accept header other than JSON, a uuid already stored, a place given
as DEC or region code, or a form with more than one active version. So the
DRF view stays the reference, and tests hold the two to the same responses.
"""

from __future__ import annotations

import functools
import json
import uuid

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.http import HttpResponse
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
from saylau.observation.api.views import _parse, _ref
from saylau.observation.choices import SubmissionChannel
from saylau.observation.models import Deployment, FormDefinition, Observer, Submission, Team
from saylau.observation.models.forms import parsed_form
from saylau.observation.services import submit_many
from saylau.observation.services.ingest import Lookups, allowed_paths, place_codes
from saylau.observation.services.places import PlaceIndex, station_place

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
DB_SESSIONS = "django.contrib.sessions.backends.db"
_STATUS = {"created": 201, "duplicate": 200, "invalid": 400, "forbidden": 403}


class SubmissionShortPath:
    """Middleware for ``POST /api/observation/submissions/``, placed after the
    security headers and before sessions, locale, CSRF and authentication,
    none of which the short path needs (it checks the session and CSRF itself,
    as DRF's session authentication does). A POST it can answer is answered
    here; every other request goes on down the stack to the DRF view."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path == _list_path(get_script_prefix()):
            response = _post(request)
            if response is not None:  # the headers CommonMiddleware and XFrameOptionsMiddleware would set
                response["Content-Length"] = str(len(response.content))
                response["X-Frame-Options"] = getattr(settings, "X_FRAME_OPTIONS", "DENY")
                return response
        return self.get_response(request)


@db.per_backend
def _sql() -> str:
    user = get_user_model()._meta.db_table
    unit, station = Unit._meta.db_table, Station._meta.db_table
    return f"""
SELECT u.password, u.is_active, u.username,
       o.id, o.code, o.role, o.language, o.election_id, o.team_id, t.code, t.kind, e.slug,
       (SELECT {db.json_agg("du.path")} FROM {Deployment._meta.db_table} d JOIN {unit} du ON du.id = d.unit_id
         WHERE d.team_id = o.team_id),
       (SELECT {db.json_agg(db.json_array("f.id", "f.md5", "f.version"))} FROM {FormDefinition._meta.db_table} f
         WHERE f.election_id = o.election_id AND f.form_id = %s AND f.active),
       (SELECT {db.json_array("su.path", "dp.code", "rp.code", "st.area")} FROM {unit} su
         LEFT JOIN {unit} dp ON dp.id = su.parent_id LEFT JOIN {unit} rp ON rp.id = dp.parent_id
         LEFT JOIN {station} st ON st.unit_id = su.id
         WHERE su.election_id = o.election_id AND su.level = {int(UnitLevel.STATION)} AND su.code = %s),
       (SELECT 1 FROM {Submission._meta.db_table} s WHERE s.uuid = %s),
       (SELECT session_data FROM django_session WHERE session_key = %s AND expire_date > %s)
  FROM {user} u JOIN {Observer._meta.db_table} o ON o.user_id = u.id
  LEFT JOIN {Team._meta.db_table} t ON t.id = o.team_id
  JOIN {Election._meta.db_table} e ON e.id = o.election_id
 WHERE u.id = %s"""


_UUID = Submission._meta.get_field("uuid")
#: session key -> (session_data as stored, decoded), per process: the next request of the
#: session needs no query of its own, since the main query returns the stored data to compare
_SESSIONS: dict[str, tuple[str, dict]] = {}


def _session(key: str) -> dict | None:
    cached = _SESSIONS.get(key)
    if cached is not None:
        return cached[1]
    row = db.fetch_one("SELECT session_data FROM django_session WHERE session_key = %s AND expire_date > %s",
                 [key, timezone.now()])
    if row is None:
        return None
    data = SessionStore().decode(row[0])
    if data.get(BACKEND_SESSION_KEY) != MODEL_BACKEND or not str(data.get(SESSION_KEY, "")).isdigit():
        return None
    if len(_SESSIONS) >= 50_000:
        _SESSIONS.clear()
    _SESSIONS[key] = (row[0], data)
    return data


def _post(request) -> HttpResponse | None:
    """The response, or None to let the DRF view answer."""
    if request.content_type != "application/json" or "html" in request.headers.get("Accept", "") \
            or "format" in request.GET:
        return None  # DRF's content negotiation decides
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not key or settings.SESSION_ENGINE != DB_SESSIONS:
        return None
    session = _session(key)
    if session is None:
        return None
    try:
        SessionAuthentication().enforce_csrf(request)
        payload = json.loads(request.body)
    except (PermissionDenied, ValueError):
        return None
    item, _ = _parse(payload)
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
    row = db.fetch_one(_sql(), [item.form, station, _UUID.get_db_prep_value(item_uuid, connection), key, timezone.now(),
                       int(session[SESSION_KEY])])
    if row is None:
        return None  # not an observer (staff, analysts) or no such user
    (password, active, username, oid, ocode, role, language, election_id, team_id, team_code, team_kind, slug,
     paths, forms, place, exists, stored) = row
    if stored is None or stored != _SESSIONS.get(key, ("",))[0]:
        _SESSIONS.pop(key, None)  # logged out, expired or changed since: Django's own path decides
        return None
    user = get_user_model()(id=int(session[SESSION_KEY]), password=password, username=username)
    if not active or not constant_time_compare(session.get(HASH_SESSION_KEY, ""), user.get_session_auth_hash()):
        return None  # Django's own path decides (fallback keys, flushing the session)
    forms = _json(forms) or []
    if exists or len(forms) > 1 or (forms and parsed_form(forms[0][1]) is None):
        return None  # a duplicate, an ambiguous form, or a form this process has not parsed yet
    election = Election(id=election_id, slug=slug)
    team = Team(id=team_id, code=team_code, kind=team_kind, election_id=election_id) if team_id else None
    observer = Observer(id=oid, code=ocode, role=role, language=language, election=election, team=team)
    place = _json(place)
    lookups = Lookups(
        existing={},
        forms={item.form: FormDefinition(id=forms[0][0], md5=forms[0][1], version=forms[0][2], form_id=item.form,
                                         election_id=election_id)} if forms else {},
        places=PlaceIndex({station: station_place(station, *place)} if place else {}, {}, {}),
        teams={},
        allowed=allowed_paths(observer, _json(paths) or []),
    )
    actor = Actor(name=username, kind="user", user_id=user.id)
    result = submit_many(actor=actor, election=election, items=[item], channel=SubmissionChannel.API,
                         observer=observer, lang=language, lookups=lookups, group_commit=True)[0]
    if result.ok:
        body = _ref(result.submission, request.build_absolute_uri(_list_path(get_script_prefix())))
    else:
        body = {"errors": result.errors}
    response = HttpResponse(JSONRenderer().render(body), status=_STATUS[result.outcome],
                            content_type="application/json")
    response["Vary"] = "Accept, Cookie"
    response["Allow"] = "GET, POST, HEAD, OPTIONS"
    return response


@functools.cache
def _list_path(prefix: str) -> str:
    return reverse("observation-api:submission-list")


def _json(value):
    return json.loads(value) if isinstance(value, str | bytes) else value


"""Permission-aware reads of observation data, and the frames analysis reads.

Other apps rely on :func:`submissions_frame`, :func:`findings_frame`,
:func:`protocol_copies` and :func:`mission_summary` by these names.

Review policy (:func:`review_filter`): what the mission counts never includes
a rejected submission; submissions not yet reviewed (``new``, ``flagged``)
count unless ``settings.SAYLAU_FINDINGS_INCLUDE_PENDING`` is false, in which
case only verified ones do. The frames, protocol copies and the mission
summary's places observed all read through it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import polars as pl
from django.conf import settings
from django.db.models import Case, Count, QuerySet, TextField, When
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast

from saylau import db
from saylau.core import protocol
from saylau.geography.models import Candidate, Election
from saylau.observation.choices import SubmissionStatus
from saylau.observation.core.findings import ReviewFilter
from saylau.observation.models import (
    FormDefinition,
    ObservationSettings,
    Observer,
    Submission,
    Team,
)

META = ("submission_id", "form", "station_code", "dec_code", "region_code", "urban", "submitted_at",
        "team_code")
#: the protocol lines an observer copies (``p_<line>`` answers): :data:`saylau.core.protocol.LINES`


def observer_of(user) -> Observer | None:
    """The Observer linked to a Django user, or None (staff, analysts, anonymous)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    found = list(Observer.objects.select_related("team", "election").filter(user=user).order_by()[:1])
    return found[0] if found else None


#: Groups (made by the web app's roles migration) whose members read every submission.
ANALYST_GROUPS = ("administrator", "analyst")


def can_see_all(user) -> bool:
    """Staff, superusers and members of the ``administrator`` or ``analyst`` group see everything."""
    return bool(user and user.is_authenticated and (
        user.is_staff or user.is_superuser or user.groups.filter(name__in=ANALYST_GROUPS).exists()))


def submissions_for(user, election: Election | None = None) -> QuerySet[Submission]:
    """The submissions ``user`` may read: all for staff/analysts, their team's for
    an observer (their own if they have no team), none otherwise."""
    qs = Submission.objects.select_related("team", "form").order_by("-submitted_at", "-id")
    if election is not None:
        qs = qs.filter(election=election)
    if can_see_all(user):
        return qs
    observer = observer_of(user)
    if observer is None:
        return qs.none()
    if observer.team_id:
        return qs.filter(team_id=observer.team_id)
    return qs.filter(observer=observer)


def local_timezone(election: Election) -> str:
    tz = ObservationSettings.objects.filter(election=election).values_list("timezone", flat=True).first()
    return tz or "UTC"


#: Review statuses of submissions nobody has reviewed yet.
PENDING = (SubmissionStatus.NEW.value, SubmissionStatus.FLAGGED.value)


def review_filter(statuses: Iterable[str] | None = None) -> ReviewFilter:
    """The review statuses read: ``statuses`` if given, else the policy for
    everything the mission counts (findings, places observed, protocol
    copies): never ``rejected``; ``new`` and ``flagged`` (pending review) only
    if ``settings.SAYLAU_FINDINGS_INCLUDE_PENDING`` (default true); ``verified``
    always. In the order of :class:`SubmissionStatus`, with the rest as
    ``excluded``."""
    if statuses is None:
        pending = getattr(settings, "SAYLAU_FINDINGS_INCLUDE_PENDING", True)
        statuses = (*PENDING, SubmissionStatus.VERIFIED) if pending else (SubmissionStatus.VERIFIED,)
    wanted = {str(s) for s in statuses}
    unknown = wanted - set(SubmissionStatus.values)
    if unknown:
        raise ValueError(f"unknown review status {', '.join(sorted(unknown))}")
    return ReviewFilter(tuple(s for s in SubmissionStatus.values if s in wanted),
                        tuple(s for s in SubmissionStatus.values if s not in wanted))


def reviewed(qs: QuerySet[Submission], review: ReviewFilter | None = None) -> QuerySet[Submission]:
    """``qs`` narrowed to the submissions ``review`` counts (default: the policy's)."""
    review = review or review_filter()
    return qs.filter(status__in=list(review.statuses)) if review.excluded else qs


def findings_frame(election: Election, forms: list[str] | tuple[str, ...] | None = None
                   ) -> tuple[pl.DataFrame, ReviewFilter]:
    """:func:`submissions_frame` under the review policy, and the filter it applied
    (pass it on: ``evaluate_all(frame, review=review)`` records it on every finding)."""
    review = review_filter()
    return submissions_frame(election, forms, statuses=review.statuses), review


def submissions_frame(election: Election, forms: list[str] | tuple[str, ...] | None = None, *,
                      statuses: Iterable[str] | None = None) -> pl.DataFrame:
    """One row per submission (current version) whose review status is in
    ``statuses`` (default: the review policy, :func:`review_filter`): ``submission_id, form,
    station_code, dec_code, region_code, urban, submitted_at`` (UTC),
    ``team_code, hour`` (local hour in the election's time zone), then one
    column per top-level question of the election's forms (null where
    unanswered; a repeat is a list of structs). This is the frame
    :func:`saylau.observation.core.findings.evaluate_all` and
    :func:`saylau.observation.core.quality.run_checks` read.

    Speed: the database takes each answer out of the stored JSON (``->>`` on
    PostgreSQL), only on the rows whose form asks that question, and the rows
    come through one raw cursor as text columns (:func:`saylau.db.read_text_frame`:
    no Python object per value on PostgreSQL) that Polars types column-wise
    (a repeat's JSON decoded by Polars): per 100,000 submissions on PostgreSQL
    about 0.3 s of this process's CPU and 0.45 s of the database's (2026-12-06).
    The query joins nothing and sorts nothing (team codes and the order by id
    are Polars' work): its plan stays a plain scan even when the table's
    statistics are stale after a burst of submissions, where a join and a sort
    planned for a few rows took twice as long (2026-12-07)."""
    qs = reviewed(Submission.objects.filter(election=election), review_filter(statuses))
    if forms:
        qs = qs.filter(form_code__in=list(forms))
    columns = {name: q for name, q in answer_columns(election, forms).items() if name not in (*META, "hour")}
    answers = {f"answer_{i}": Case(When(form_code__in=q.forms, then=KeyTextTransform(name, "answers")))
               for i, (name, q) in enumerate(columns.items())}
    query = qs.order_by().annotate(at_text=Cast("submitted_at", TextField()), **answers).values_list(
        "id", "form_code", "station_code", "dec_code", "region_code", "urban", "at_text", "team_id", *answers)
    sql, params = query.query.sql_with_params()
    raw = db.read_text_frame(sql, params, width=8 + len(answers))
    at = raw["c6"].str.replace(r"[+-]00(:?00)?$", "").str.replace("T", " ")
    frame = pl.DataFrame({
        "submission_id": raw["c0"].cast(pl.Int64),
        "form": raw["c1"],
        "station_code": raw["c2"],
        "dec_code": raw["c3"],
        "region_code": raw["c4"],
        "urban": raw["c5"].replace_strict({"t": True, "f": False, "1": True, "0": False, "True": True,
                                           "False": False}, default=None, return_dtype=pl.Boolean),
        "submitted_at": at.str.to_datetime("%Y-%m-%d %H:%M:%S%.f", time_unit="us", time_zone="UTC"),
        "team_code": raw["c7"].replace_strict(_team_codes(election), default="", return_dtype=pl.Utf8),
    }).with_columns(pl.col("station_code", "dec_code", "region_code").replace("", None))
    frame = frame.with_columns(
        hour=pl.col("submitted_at").dt.convert_time_zone(local_timezone(election)).dt.hour().cast(pl.Int64))
    return frame.with_columns(_typed(raw[f"c{8 + i}"], q.kind).alias(name)
                              for i, (name, q) in enumerate(columns.items())).sort("submission_id")


def _team_codes(election: Election) -> dict[str, str]:
    """Team id (as the text the frame's query gives) -> team code."""
    return {str(pk): code for pk, code in Team.objects.filter(election=election).values_list("id", "code")}


def _typed(text: pl.Series, kind: pl.DataType) -> pl.Series:
    """An answer column read as text (``->>``: a string as itself, a number or a
    repeat as its JSON) in its Polars type; in a number column, a value that is
    not a number becomes null."""
    if kind == pl.Utf8:
        return text
    if kind.is_numeric():
        return text.cast(kind, strict=False)
    return text.str.json_decode(kind)


_POLARS_TYPE = {"integer": pl.Int64, "decimal": pl.Float64, "geopoint": pl.List(pl.Float64)}


@dataclass(frozen=True)
class AnswerColumn:
    """A top-level question's column: its Polars type, and the forms that ask it."""

    kind: pl.DataType
    forms: tuple[str, ...]


def answer_columns(election: Election, forms=None) -> dict[str, AnswerColumn]:
    """Every top-level question of the election's forms (all versions) -> its
    Polars type (a repeat: a list of structs of its questions; the active
    version's type where versions differ) and the forms asking it. Groups are
    flat, as stored answers are."""
    qs = FormDefinition.objects.filter(election=election).defer("xlsx").order_by("-active", "form_id")
    if forms:
        qs = qs.filter(form_id__in=list(forms))
    out: dict[str, pl.DataType] = {}
    asked: dict[str, set[str]] = {}
    for definition in qs:
        stack: list[dict[str, pl.DataType]] = [out]
        names: list[str] = []
        for q in definition.form.survey:
            if q.type == "begin repeat":
                stack.append({})
                names.append(q.name)
            elif q.type == "end repeat":
                fields = stack.pop()
                name = names.pop()
                stack[-1].setdefault(name, pl.List(pl.Struct(fields)))
                if not names:
                    asked.setdefault(name, set()).add(definition.form_id)
            elif q.is_value:
                stack[-1].setdefault(q.name, _POLARS_TYPE.get(q.type, pl.Utf8))
                if not names:
                    asked.setdefault(q.name, set()).add(definition.form_id)
    return {name: AnswerColumn(kind, tuple(sorted(asked[name]))) for name, kind in out.items()}


def protocol_copies(election: Election) -> pl.DataFrame:
    """The protocol figures observers copied at counts: the latest counting
    submission with a protocol copy per station, among those the review policy
    counts (:func:`review_filter`: never a rejected one). Columns ``station_code,
    submission_id, submitted_at, registered ... valid, votes_1..votes_k``."""
    k = Candidate.objects.filter(election=election).count()
    latest: dict[str, tuple] = {}
    qs = reviewed(Submission.objects.filter(election=election, form_code="counting",
                                             answers__has_key="p_registered"), review_filter())
    for sid, station, at, answers in qs.order_by("submitted_at", "id").values_list(
            "id", "station_code", "submitted_at", "answers").iterator(chunk_size=2000):
        latest[station] = (sid, at, answers)
    rows = []
    for station, (sid, at, answers) in sorted(latest.items()):
        votes = {int(v["candidate_number"]): int(v["votes"]) for v in answers.get("candidate_votes", [])
                 if v.get("candidate_number") is not None and v.get("votes") is not None}
        k = max(k, *votes) if votes else k
        rows.append((station, sid, at, answers, votes))
    data: dict[str, list] = {"station_code": [r[0] for r in rows], "submission_id": [r[1] for r in rows],
                             "submitted_at": [r[2] for r in rows]}
    for line in protocol.LINES:
        data[line] = [r[3].get(f"p_{line}") for r in rows]
    for c in range(1, k + 1):
        data[protocol.vote_column(c)] = [r[4].get(c) for r in rows]
    schema = {"station_code": pl.Utf8, "submission_id": pl.Int64, "submitted_at": pl.Datetime("us", "UTC"),
              **{n: pl.Int64 for n in data if n not in ("station_code", "submission_id", "submitted_at")}}
    return pl.DataFrame(data, schema=schema)


def mission_summary(election: Election) -> dict:
    """The mission in numbers: observers by role, states, parliamentarians,
    distinct stations observed per phase and DECs observed (counting only the
    submissions the review policy counts: ``counted_statuses``, the rest in
    ``excluded_statuses``), submissions stored (all) and counted."""
    observers = Observer.objects.filter(election=election)
    by_role = dict(observers.values_list("role").annotate(n=Count("id")).order_by("role"))
    stored = Submission.objects.filter(election=election)
    review = review_filter()
    subs = reviewed(stored, review)
    per_phase = {}
    for phase in ("opening", "voting", "counting"):
        per_phase[phase] = subs.filter(form_code=phase).exclude(station_code="").values(
            "station_code").distinct().count()
    return {
        "observers": sum(by_role.values()),
        "observers_by_role": by_role,
        "states": observers.values("state").distinct().count(),
        "parliamentarians": observers.filter(parliamentarian=True).count(),
        "stations_observed": per_phase,
        "decs_observed": subs.filter(form_code="tabulation").exclude(dec_code="").values(
            "dec_code").distinct().count(),
        "submissions": stored.count(),
        "submissions_counted": subs.count(),
        "counted_statuses": list(review.statuses),
        "excluded_statuses": list(review.excluded),
        "as_of": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def reviews_of(submission_ids: Iterable[int]) -> dict[int, dict]:
    """The latest review of each submission, as the ledger recorded it
    (:func:`saylau.observation.services.set_status` writes one
    ``observation.submission.reviewed`` entry per change):
    ``{submission_id: {"status", "reason", "by", "at", "sequence"}}``; a
    submission never reviewed is absent. One query."""
    import json

    from saylau.ledger.models import LedgerEntry

    ids = [str(i) for i in submission_ids]
    latest: dict[int, dict] = {}
    rows = (LedgerEntry.objects.filter(event="observation.submission.reviewed", object_type="observation.submission",
                                       object_id__in=ids)
            .order_by("sequence").values_list("object_id", "sequence", "created_at", "payload"))
    for object_id, sequence, at, payload in rows:
        body = json.loads(payload)
        latest[int(object_id)] = {"status": (body.get("after") or {}).get("status", ""),
                                  "reason": body.get("reason", ""),
                                  "by": (body.get("actor") or {}).get("name", ""), "at": at, "sequence": sequence}
    return latest


def odk_collect(base_url: str, user) -> tuple[str, str]:
    """The ODK Collect server URL carrying the user's device token, and the settings
    text its QR code holds (docs/observation.md, ODK Collect)."""
    from saylau.observation.api.auth import collect_settings, collect_url

    url = collect_url(base_url, user)
    return url, collect_settings(url)

"""Reads of nomination and accreditation: nominees and their history, signatures by
reason and by region (aggregates only: lines are personal data), the sample
sessions, public decisions, accreditation counts, the observers' access
restrictions linked to their accreditation, and the frames the package's core
computes on. Every figure says what it counts: saylau's own check of the lines
against the register (``valid``/``reason``), or the commission's record
(``struck``/``struck_reason``)."""

from __future__ import annotations

import datetime as dt

import polars as pl
from django.db.models import Count, Q, QuerySet

from saylau.geography.models import Election
from saylau.geography.selectors import region_names
from saylau.nomination.core import labels, reasons, states
from saylau.nomination.models import (
    Accreditation,
    EligibilityCheck,
    Nominee,
    SignatureLine,
    StatusDecision,
    VerificationSession,
)
from saylau.registry.core.labels import pick

LINE_FIELDS = ("line_id", "region_code", "collector", "surname", "given_name", "patronymic", "iin", "birth_date",
               "address", "signed_on")


def _lang(lang: str | None) -> str:
    from django.utils.translation import get_language

    return (lang or get_language() or "en")[:2]


# ------------------------------------------------------------------ nominees
def nominees(election: Election, *, counts: bool = True) -> QuerySet[Nominee]:
    """The election's nominees; with ``counts``, their lines counted (saylau's check: ``checked_count``,
    ``invalid_count``), which reads every signature line of the election."""
    rows = Nominee.objects.filter(election=election).select_related("party", "candidate").order_by("code")
    if not counts:
        return rows
    return rows.annotate(lines_count=Count("signature_lines"),
                         checked_count=Count("signature_lines", filter=Q(signature_lines__valid__isnull=False)),
                         invalid_count=Count("signature_lines", filter=Q(signature_lines__valid=False)))


def get_nominee(election: Election, code: str) -> Nominee | None:
    return Nominee.objects.filter(election=election, code=code).select_related("party", "candidate").first()


def status_history(nominee: Nominee) -> QuerySet[StatusDecision]:
    return StatusDecision.objects.filter(nominee=nominee).order_by("decided_on", "id")


def eligibility(nominee: Nominee) -> list[EligibilityCheck]:
    """The nominee's checks in the order they are made (:data:`saylau.nomination.core.labels.CHECK`)."""
    order = {code: i for i, code in enumerate(labels.CHECK)}
    return sorted(EligibilityCheck.objects.filter(nominee=nominee), key=lambda r: (order.get(r.code, len(order)), r.code))


def public_decisions(election: Election) -> QuerySet[StatusDecision]:
    """Every nominee's decisions (public: a body's decision is a public act)."""
    return (StatusDecision.objects.filter(nominee__election=election).select_related("nominee")
            .order_by("decided_on", "nominee__code", "id"))


# ------------------------------------------------------------------ deadlines
def schedule_of(election: Election):
    """The nomination calendar of ``election`` (:mod:`saylau.nomination.core.schedule`), by its
    slug or its election day; None when saylau holds none for it."""
    from saylau.nomination.core import schedule

    found = schedule.SCHEDULES.get(election.slug)
    if found is None:
        found = next((s for s in schedule.SCHEDULES.values() if s.election_day == election.date), None)
    return found


def _rows(rows, lang: str) -> list[dict]:
    return [{"code": code, "label": pick(labels.DEADLINE[code], lang), "date": day} for code, day in rows]


def deadlines(election: Election, lang: str | None = None) -> list[dict]:
    """The election's nomination calendar: ``code, label, date`` in order ([] without a calendar)."""
    from saylau.nomination.core import schedule

    s = schedule_of(election)
    return [] if s is None else _rows(schedule.calendar_rows(s), _lang(lang))


def nominee_deadlines(nominee: Nominee, lang: str | None = None) -> list[dict]:
    """A nominee's dates (eligibility decision, signature window, verification, registration decision),
    from its nomination and the decisions taken so far: ``code, label, date``."""
    from saylau.nomination.core import schedule

    s = schedule_of(nominee.election)
    if s is None:
        return []
    steps = {d.to_status: d.decided_on for d in status_history(nominee)}
    d = schedule.deadlines(s, nominee.nominated_on, accepted_on=steps.get("documents"),
                           submitted_on=steps.get("signatures"))
    return _rows(schedule.nominee_rows(d), _lang(lang))


def collection_window(nominee: Nominee) -> tuple[dt.date, dt.date] | None:
    """The nominee's signature window (first and last day), or None without a calendar."""
    from saylau.nomination.core import schedule

    s = schedule_of(nominee.election)
    if s is None:
        return None
    accepted = StatusDecision.objects.filter(nominee=nominee, to_status="documents").values_list(
        "decided_on", flat=True).first()
    return schedule.deadlines(s, nominee.nominated_on, accepted_on=accepted).window


# ------------------------------------------------------------------ signatures
def signatures_summary(nominee: Nominee) -> dict[str, int]:
    """``lines`` submitted, ``checked``/``valid``/``invalid`` by saylau's check, ``struck`` by the
    commission and ``struck_without_reason`` (struck, no reason recorded)."""
    lines = SignatureLine.objects.filter(nominee=nominee)
    got = lines.aggregate(
        n_lines=Count("pk"), n_checked=Count("pk", filter=Q(valid__isnull=False)),
        n_valid=Count("pk", filter=Q(valid=True)), n_invalid=Count("pk", filter=Q(valid=False)),
        n_struck=Count("pk", filter=Q(struck=True)),
        n_struck_without_reason=Count("pk", filter=Q(struck=True, struck_reason="")))
    return {k[2:]: v for k, v in got.items()}


def signatures_by_reason(nominee: Nominee, lang: str | None = None) -> list[dict]:
    """The invalid lines by reason (saylau's check), in precedence order: ``reason, label, lines``, and
    the commission's record of those lines: ``struck``, ``struck_with_reason``."""
    lang = _lang(lang)
    counts = {r["reason"]: r for r in SignatureLine.objects.filter(nominee=nominee, valid=False).values("reason")
              .annotate(n_lines=Count("pk"), n_struck=Count("pk", filter=Q(struck=True)),
                        n_struck_reason=Count("pk", filter=Q(struck=True) & ~Q(struck_reason="")))}
    return [{"reason": code, "label": pick(text, lang), "lines": counts[code]["n_lines"],
             "struck": counts[code]["n_struck"], "struck_with_reason": counts[code]["n_struck_reason"]}
            for code, text in reasons.REASONS.items() if code in counts]


def signatures_by_region(nominee: Nominee, lang: str | None = None) -> list[dict]:
    """Lines by the sheets' region: ``region_code, region_name, lines, checked, valid, invalid``."""
    names = region_names(nominee.election, _lang(lang))
    rows = (SignatureLine.objects.filter(nominee=nominee).values("region_code")
            .annotate(n_lines=Count("pk"), n_checked=Count("pk", filter=Q(valid__isnull=False)),
                      n_valid=Count("pk", filter=Q(valid=True)), n_invalid=Count("pk", filter=Q(valid=False)))
            .order_by("region_code"))
    return [{"region_code": r["region_code"], "region_name": names.get(r["region_code"], r["region_code"]),
             "lines": r["n_lines"], "checked": r["n_checked"], "valid": r["n_valid"], "invalid": r["n_invalid"]}
            for r in rows]


def sessions(nominee: Nominee) -> QuerySet[VerificationSession]:
    return VerificationSession.objects.filter(nominee=nominee).order_by("held_on", "stage", "id")


def election_sessions(election: Election) -> QuerySet[VerificationSession]:
    return (VerificationSession.objects.filter(nominee__election=election).select_related("nominee")
            .order_by("nominee__code", "held_on", "stage"))


LINE_SCHEMA = {"id": pl.Int64, "nominee_id": pl.Int64, "sheet_id": pl.Int64, "nominee": pl.Utf8, "sheet": pl.Utf8,
               **{c: pl.Date if c in ("birth_date", "signed_on") else pl.Utf8 for c in LINE_FIELDS},
               "valid": pl.Boolean, "reason": pl.Utf8,
               "voter_id": pl.Utf8, "session_id": pl.Int64, "struck": pl.Boolean, "struck_reason": pl.Utf8}


def lines_frame(election: Election, nominee: Nominee | None = None) -> pl.DataFrame:
    """The signature lines (personal data: for the checks, never shown) as a frame: the columns of
    :data:`saylau.nomination.core.signatures.LINE_COLUMNS` (``nominee`` its code, ``sheet`` its
    number; a blank text is null), the row's ``id``, ``nominee_id``, ``sheet_id``, the verdict and the
    commission's record; ordered by nominee and line id."""
    qs = SignatureLine.objects.filter(nominee__election=election)
    if nominee is not None:
        qs = qs.filter(nominee=nominee)
    rows = qs.order_by("nominee__code", "line_id").values_list(
        "id", "nominee_id", "sheet_id", "nominee__code", "sheet__number", *LINE_FIELDS, "valid", "reason", "voter_id",
        "session_id", "struck", "struck_reason")
    frame = pl.DataFrame(list(rows), schema=LINE_SCHEMA, orient="row")
    blank = [c for c in ("collector", "surname", "given_name", "patronymic", "iin", "address", "reason", "voter_id",
                         "struck_reason") if c in frame.columns]
    return frame.with_columns(pl.col(c).replace("", None) for c in blank)


def official_record(election: Election) -> dict[str, int]:
    """What the commissions recorded across the election: lines ``struck``, struck ``with_reason`` and
    ``without_reason``; and the commissions' own sessions (``sessions``), those with the nominee's proxy
    present (``proxy_present``)."""
    lines = SignatureLine.objects.filter(nominee__election=election).aggregate(
        n_lines=Count("pk"), n_struck=Count("pk", filter=Q(struck=True)),
        n_with_reason=Count("pk", filter=Q(struck=True) & ~Q(struck_reason="")),
        n_without_reason=Count("pk", filter=Q(struck=True, struck_reason="")))
    held = VerificationSession.objects.filter(nominee__election=election, source="commission").aggregate(
        n_sessions=Count("pk"), n_proxy_present=Count("pk", filter=Q(proxy_present=True)))
    return {k[2:]: v for k, v in (lines | held).items()}


# ------------------------------------------------------------------ accreditation
def accreditations(election: Election, *, kind: str | None = None, status: str | None = None
                   ) -> QuerySet[Accreditation]:
    qs = Accreditation.objects.filter(election=election).select_related("nominee", "party", "observer")
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("kind", "badge", "id")


def accreditation_by_kind(election: Election) -> dict[str, dict[str, int]]:
    """Per kind: how many ``accredited``, ``refused``, ``revoked``."""
    out = {kind: {s: 0 for s in labels.ACCREDITATION_STATUS} for kind in labels.ACCREDITATION_KIND}
    for r in Accreditation.objects.filter(election=election).values("kind", "status").annotate(n=Count("pk")):
        out.setdefault(r["kind"], {})[r["status"]] = r["n"]
    return out


def accreditation_by_candidate(election: Election, lang: str | None = None) -> list[dict]:
    """Proxies per candidate: ``nominee_code, name, incumbent, accredited, refused`` (most accredited first)."""
    lang = _lang(lang)
    rows = (Accreditation.objects.filter(election=election, kind="proxy", nominee__isnull=False)
            .values("nominee__code", "nominee__name_en", "nominee__name_ru", "nominee__name_kk", "nominee__incumbent")
            .annotate(accredited=Count("pk", filter=Q(status="accredited")),
                      refused=Count("pk", filter=Q(status="refused"))))
    out = [{"nominee_code": r["nominee__code"],
            "name": r[f"nominee__name_{lang}"] if lang in ("en", "ru", "kk") and r[f"nominee__name_{lang}"]
            else r["nominee__name_en"],
            "incumbent": r["nominee__incumbent"], "accredited": r["accredited"], "refused": r["refused"]}
           for r in rows]
    return sorted(out, key=lambda r: (-r["accredited"], r["nominee_code"]))


def accreditation_by_region(election: Election) -> list[dict]:
    """Per region and kind: ``region_code, kind, accredited, refused``."""
    rows = (Accreditation.objects.filter(election=election).values("region_code", "kind")
            .annotate(accredited=Count("pk", filter=Q(status="accredited")),
                      refused=Count("pk", filter=Q(status="refused")))
            .order_by("region_code", "kind"))
    return list(rows)


def accreditation_frame(election: Election) -> pl.DataFrame:
    """Every accreditation as a frame (personal data: the IIN is there for the checks): ``reference, kind,
    full_name, iin, role, nominee, incumbent, party, organisation, state, station_code, region_code, filed_on,
    observer, status, refusal, badge`` (``nominee``, ``party``, ``observer`` their codes; blank text as "")."""
    schema = {"reference": pl.Utf8, "kind": pl.Utf8, "full_name": pl.Utf8, "iin": pl.Utf8, "role": pl.Utf8,
              "nominee": pl.Utf8, "incumbent": pl.Boolean, "party": pl.Utf8, "organisation": pl.Utf8,
              "state": pl.Utf8, "station_code": pl.Utf8, "region_code": pl.Utf8, "filed_on": pl.Date,
              "observer": pl.Utf8, "status": pl.Utf8, "refusal": pl.Utf8, "badge": pl.Utf8}
    rows = Accreditation.objects.filter(election=election).order_by("id").values_list(
        "reference", "kind", "full_name", "iin", "role", "nominee__code", "nominee__incumbent", "party__code",
        "organisation", "state", "station_code", "region_code", "filed_on", "observer__code", "status", "refusal",
        "badge")
    return pl.DataFrame(list(rows), schema=schema, orient="row")


def access_restrictions(election: Election) -> list[dict]:
    """Observers' reports on election day that observers were restricted (a submission answering
    ``observers_restricted`` yes), each with the accreditation of the observer who sent it (the
    submission's observer, else its team's members; the submissions the review policy counts, as
    findings do: never a rejected one): ``submission, form, station_code, region_code,
    received_at, observer_code, observer_name, badge, kind, accreditation_id`` (the last four None
    when the observer holds no accreditation)."""
    from saylau.observation import selectors as observation
    from saylau.observation.models import Observer, Submission

    subs = list(observation.reviewed(Submission.objects.filter(election=election, answers__observers_restricted="yes"))
                .select_related("observer", "team").order_by("received_at", "id"))
    if not subs:
        return []
    team_ids = {s.team_id for s in subs if s.observer_id is None and s.team_id}
    members: dict[int, list[Observer]] = {}
    for o in Observer.objects.filter(team_id__in=team_ids).order_by("code"):
        members.setdefault(o.team_id, []).append(o)
    observers = {o.pk for s in subs for o in ([s.observer] if s.observer_id else members.get(s.team_id, []))}
    accredited = {a.observer_id: a for a in Accreditation.objects.filter(election=election, observer_id__in=observers)
                  .order_by("-status", "id")}
    out = []
    for s in subs:
        who = [s.observer] if s.observer_id else members.get(s.team_id, [])
        for o in who or [None]:
            a = accredited.get(o.pk) if o is not None else None
            out.append({"submission": s.pk, "form": s.form_code, "station_code": s.station_code,
                        "region_code": s.region_code, "received_at": s.received_at,
                        "observer_code": o.code if o else None, "observer_name": o.full_name if o else None,
                        "badge": a.badge if a else None, "kind": a.kind if a else None,
                        "accreditation_id": a.pk if a else None})
    return out


# ------------------------------------------------------------------ the statement
def statement_figures(election: Election):
    """The figures the statement quotes (:class:`saylau.nomination.core.stats.Figures`), or None when the
    election has no nominees: nominees by outcome; the lines as saylau's check found them and as the
    commissions recorded them (struck, with or without a reason), and the commissions' sessions
    (their own record: whether the proxy attended); the accreditations."""
    from saylau.nomination.core import stats

    if not Nominee.objects.filter(election=election).exists():
        return None
    lines = lines_frame(election)
    official = lines.select("line_id", "struck", reason_recorded="struck_reason")
    sessions = session_frame(election).filter(pl.col("source") == "commission")
    return stats.figures(nominee_frame(election), lines.select("line_id", "valid", "reason"),
                         accreditation_frame(election), official=official, sessions=sessions)


def nominee_frame(election: Election) -> pl.DataFrame:
    """``nominee`` (its code), ``nominated_by, status, incumbent`` and ``ground`` (what its latest decision
    rests on: a failed check's code, a signature decision's code, or "withdrawn")."""
    rows = Nominee.objects.filter(election=election).order_by("code").values_list(
        "pk", "code", "nominated_by", "status", "incumbent")
    grounds: dict[int, str] = {}
    for pk, ground, status in StatusDecision.objects.filter(nominee__election=election).order_by(
            "decided_on", "id").values_list("nominee_id", "ground", "to_status"):
        grounds[pk] = ground or ("withdrawn" if status == "withdrawn" else "")
    return pl.DataFrame([(code, by, status, incumbent, grounds.get(pk, "")) for pk, code, by, status, incumbent in rows],
                        schema={"nominee": pl.Utf8, "nominated_by": pl.Utf8, "status": pl.Utf8, "incumbent": pl.Boolean,
                                "ground": pl.Utf8}, orient="row")


def session_frame(election: Election) -> pl.DataFrame:
    """Every session: ``nominee, source, region_code, body, held_on, mode, stage, proxy_present, lines, sampled,
    invalid, duplicates, projected_valid, projected_low, projected_high, required, decision``."""
    cols = ("nominee__code", "source", "region_code", "body", "held_on", "mode", "stage", "proxy_present", "lines",
            "sampled", "invalid", "duplicates", "projected_valid", "projected_low", "projected_high", "required",
            "decision")
    schema = {"nominee": pl.Utf8, "source": pl.Utf8, "region_code": pl.Utf8, "body": pl.Utf8, "held_on": pl.Date,
              "mode": pl.Utf8, "stage": pl.Int64, "proxy_present": pl.Boolean, **{c: pl.Int64 for c in cols[8:16]},
              "decision": pl.Utf8}
    rows = VerificationSession.objects.filter(nominee__election=election).order_by("nominee__code", "held_on",
                                                                                   "stage").values_list(*cols)
    return pl.DataFrame(list(rows), schema=schema, orient="row")


# ------------------------------------------------------------------ public rows (API, open data)
NOMINEE_FIELDS = ("code", "name_en", "name_ru", "name_kk", "nominated_by", "party", "nominating_body", "nominated_on",
                  "status", "incumbent", "candidate_number", "lines", "checked", "valid", "invalid", "struck",
                  "struck_without_reason")
DECISION_FIELDS = ("nominee", "body", "number", "decided_on", "from_status", "to_status", "members_present",
                   "votes_for", "votes_against", "ground", "reason", "published_on")
SESSION_FIELDS = ("nominee", "source", "body", "region_code", "held_on", "mode", "stage", "plan_first", "plan_second",
                  "tolerated", "seed", "required", "proxy_present", "lines", "sampled", "invalid", "duplicates",
                  "invalid_by_reason", "projected_valid", "projected_low", "projected_high", "level", "spread_met",
                  "regions_met", "decision")


def _iso(day) -> str:
    return day.isoformat() if day else ""


def public_nominees(election: Election) -> list[dict]:
    """Every nominee as the public sees it, with its signatures counted (no line, no person)."""
    counts = {r["nominee_id"]: r for r in SignatureLine.objects.filter(nominee__election=election)
              .values("nominee_id").annotate(
                  n_lines=Count("pk"), n_checked=Count("pk", filter=Q(valid__isnull=False)),
                  n_valid=Count("pk", filter=Q(valid=True)), n_invalid=Count("pk", filter=Q(valid=False)),
                  n_struck=Count("pk", filter=Q(struck=True)),
                  n_unrecorded=Count("pk", filter=Q(struck=True, struck_reason="")))}
    rows = []
    for n in Nominee.objects.filter(election=election).select_related("party", "candidate").order_by("code"):
        c = counts.get(n.pk, {})
        rows.append({"code": n.code, "name_en": n.name_en, "name_ru": n.name_ru, "name_kk": n.name_kk,
                     "nominated_by": n.nominated_by, "party": n.party.code if n.party_id else "",
                     "nominating_body": n.nominating_body, "nominated_on": _iso(n.nominated_on), "status": n.status,
                     "incumbent": n.incumbent, "candidate_number": n.candidate.number if n.candidate_id else None,
                     "lines": c.get("n_lines", 0), "checked": c.get("n_checked", 0), "valid": c.get("n_valid", 0),
                     "invalid": c.get("n_invalid", 0), "struck": c.get("n_struck", 0),
                     "struck_without_reason": c.get("n_unrecorded", 0)})
    return rows


def decision_row(d: StatusDecision) -> dict:
    return {"nominee": d.nominee.code, "body": d.body, "number": d.number, "decided_on": _iso(d.decided_on),
            "from_status": d.from_status, "to_status": d.to_status, "members_present": d.members_present,
            "votes_for": d.votes_for, "votes_against": d.votes_against, "ground": d.ground, "reason": d.reason,
            "published_on": _iso(d.published_on)}


def session_row(s: VerificationSession) -> dict:
    return {"nominee": s.nominee.code, "source": s.source, "body": s.body, "region_code": s.region_code,
            "held_on": _iso(s.held_on), "mode": s.mode, "stage": s.stage, "plan_first": s.plan_first,
            "plan_second": s.plan_second, "tolerated": s.tolerated_e6 / 1e6, "seed": s.seed, "required": s.required,
            "proxy_present": s.proxy_present, "lines": s.lines, "sampled": s.sampled, "invalid": s.invalid,
            "duplicates": s.duplicates, "invalid_by_reason": dict(s.invalid_by_reason or {}),
            "projected_valid": s.projected_valid, "projected_low": s.projected_low,
            "projected_high": s.projected_high, "level": s.level_e3 / 1000, "spread_met": s.spread_met,
            "regions_met": s.regions_met, "decision": s.decision}


def public_nominee(nominee: Nominee) -> dict:
    """One nominee's public record: its row, decisions, eligibility checks, signatures by reason and
    region (counts), sessions and deadlines."""
    row = next(r for r in public_nominees(nominee.election) if r["code"] == nominee.code)
    return {**row,
            "decisions": [decision_row(d) for d in status_history(nominee).select_related("nominee")],
            "checks": [{"code": c.code, "outcome": c.outcome, "evidence": c.evidence, "rules": c.rules}
                       for c in eligibility(nominee)],
            "signatures_by_reason": [{k: r[k] for k in ("reason", "lines", "struck", "struck_with_reason")}
                                     for r in signatures_by_reason(nominee, "en")],
            "signatures_by_region": [{k: r[k] for k in ("region_code", "lines", "checked", "valid", "invalid")}
                                     for r in signatures_by_region(nominee, "en")],
            "sessions": [session_row(s) for s in sessions(nominee).select_related("nominee")],
            "deadlines": [{"code": d["code"], "date": _iso(d["date"])} for d in nominee_deadlines(nominee, "en")]}


def public_decisions_rows(election: Election) -> list[dict]:
    return [decision_row(d) for d in public_decisions(election)]


def public_sessions(election: Election) -> list[dict]:
    return [session_row(s) for s in election_sessions(election)]


def accreditation_counts(election: Election) -> dict:
    """The accreditation registry in numbers (public): by kind, per candidate, per region."""
    return {"by_kind": accreditation_by_kind(election),
            "by_candidate": [{k: r[k] for k in ("nominee_code", "incumbent", "accredited", "refused")}
                             for r in accreditation_by_candidate(election, "en")],
            "by_region": accreditation_by_region(election)}


def open_data(election: Election) -> dict[str, list[dict]]:
    """The open data of nomination (aggregates and public acts only; no signature line, no person):
    nominees, decisions, sessions, accreditation counts per candidate and per region."""
    counts = accreditation_counts(election)
    return {"nominees": public_nominees(election), "decisions": public_decisions_rows(election),
            "sessions": [{**r, "invalid_by_reason": states.reasons_text(r["invalid_by_reason"])}
                         for r in public_sessions(election)],
            "proxies_by_candidate": counts["by_candidate"], "accreditation_by_region": counts["by_region"]}

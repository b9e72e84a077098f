"""Reads of media monitoring: the frames the pure analysis computes on, and its results.

* :func:`items_frame`: one row per item as finally coded (the coding marked
  ``final``), in :data:`saylau.media.core.analysis.ITEM_SCHEMA`;
* :func:`codings_frame`: every coding of every item, for coder reliability;
* :func:`report`, :func:`alphas`, :func:`disagreements`: the analysis.

The filter behind every figure: final codings only (one per item), each
item in the monitoring period containing its local date (``period``; blank
outside every period).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import polars as pl

from saylau.geography.models import Election
from saylau.media.core import analysis, codes, reliability
from saylau.media.models import Coding, Outlet, Period

FILTER = "final codings only, one per item"


def outlets(election: Election) -> list[Outlet]:
    """The monitored outlets, state-owned first, then by code."""
    return sorted(Outlet.objects.filter(election=election), key=lambda o: (o.ownership != "state", o.code))


def _subject_ref(subject: str, number, party) -> str:
    if number is not None:
        return str(number)
    return party or ""


def items_frame(election: Election) -> pl.DataFrame:
    """The final coding of every item, with its outlet's unit and its period."""
    periods = [(p.code, p.start, p.end) for p in Period.objects.filter(election=election).order_by("start")]
    zones = {o.pk: (o.code, codes.UNIT_OF_KIND[o.kind], zoneinfo.ZoneInfo(o.timezone))
             for o in Outlet.objects.filter(election=election)}
    rows = Coding.objects.filter(item__outlet__election=election, final=True).values_list(
        "item_id", "item__outlet_id", "item__aired_at", "programme", "subject", "candidate__number",
        "party__code", "amount", "tone", "speech", "language")
    out = []
    for item, outlet, aired, programme, subject, number, party, amount, tone, speech, language in rows.iterator(
            chunk_size=10_000):
        code, unit, zone = zones[outlet]
        day = aired.astimezone(zone).date()
        period = next((c for c, start, end in periods if start <= day <= end), "")
        out.append((str(item), code, period, unit, programme, subject, _subject_ref(subject, number, party),
                    amount, tone, speech, language))
    return pl.DataFrame(out, schema=analysis.ITEM_SCHEMA, orient="row")


def codings_frame(election: Election) -> pl.DataFrame:
    """Every coding: ``item``, ``coder`` and the coded variables (the subject as
    ``kind:reference``), in :data:`saylau.media.core.reliability.CODING_SCHEMA`."""
    rows = Coding.objects.filter(item__outlet__election=election).values_list(
        "item_id", "coder", "programme", "subject", "candidate__number", "party__code", "tone", "speech",
        "language", "amount")
    out = [(str(item), coder, programme, f"{subject}:{_subject_ref(subject, number, party)}", tone, speech,
            language, amount)
           for item, coder, programme, subject, number, party, tone, speech, language, amount in rows]
    return pl.DataFrame(out, schema=reliability.CODING_SCHEMA, orient="row")


def report(election: Election, *, by_period: bool = False) -> analysis.MediaReport:
    """The analysis per outlet, or per outlet and monitoring period (``by_period``)."""
    return analysis.report(items_frame(election), within=("outlet", "period") if by_period else ("outlet",))


def alphas(election: Election) -> list[reliability.Alpha]:
    return reliability.alphas(codings_frame(election))


def disagreements(election: Election) -> list[dict]:
    """Items whose coders disagree: the item, the variables in dispute and every coding."""
    frame = reliability.disagreements(codings_frame(election))
    if frame.is_empty():
        return []
    variables: dict[int, list[str]] = {}
    for item, variable in frame.select("item", "variable").iter_rows():
        variables.setdefault(int(item), []).append(variable)
    codings: dict[int, list[Coding]] = {}
    for c in (Coding.objects.filter(item_id__in=list(variables)).select_related("item__outlet", "candidate", "party")
              .order_by("item__aired_at", "pk")):
        codings.setdefault(c.item_id, []).append(c)
    return [{"item": cs[0].item, "variables": variables[pk], "codings": cs} for pk, cs in codings.items()]


def coder_items(election: Election, coder: str, limit: int = 50) -> list[Coding]:
    """The latest codings by ``coder``."""
    return list(Coding.objects.filter(item__outlet__election=election, coder=coder)
                .select_related("item__outlet", "candidate", "party").order_by("-pk")[:limit])


def local_time(when: dt.datetime, outlet: Outlet) -> dt.datetime:
    return when.astimezone(outlet.zone())


#: groups (made by the web app's roles migration) whose members code items and read the analysis
MONITOR_GROUPS = ("administrator", "analyst", "coordinator")
#: groups whose members settle coders' disagreements
SUPERVISOR_GROUPS = ("administrator", "analyst")


def _in(user, groups: tuple[str, ...]) -> bool:
    return bool(user and user.is_authenticated and user.is_active and (
        user.is_superuser or user.groups.filter(name__in=groups).exists()))


def can_code(user) -> bool:
    """Coordinators, analysts and administrators code items and read the analysis."""
    return _in(user, MONITOR_GROUPS)


def can_supervise(user) -> bool:
    """Analysts and administrators settle disagreements between coders."""
    return _in(user, SUPERVISOR_GROUPS)

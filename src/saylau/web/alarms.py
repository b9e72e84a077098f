"""What needs an analyst's attention now: the alarms of the dashboards' first page.

Each function here decides one alarm from plain numbers (no database) and
returns an :class:`Alarm` (a sentence in the active language with its figure,
and the name of the page holding the evidence) or ``None`` when there is
nothing to raise. :func:`saylau.web.views.dashboards.index` reads the figures
with the selectors and calls these; ``tests/web/test_alarms.py`` checks them
against hand-made cases.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from saylau.web.templatetags.saylau_web import number, percent

#: A flagged submission waiting longer than this for a reviewer is overdue.
REVIEW_HOURS = 2


@dataclass(frozen=True)
class Alarm:
    key: str          # stable id (the element id on the page, and for tests)
    sentence: str     # in the active language, with its figures
    url_name: str     # the Django URL name of the evidence page
    query: str = ""   # and its filter (``kind=entered``), if any


def quick_count_outside(name: str, official: float, lower: float, upper: float,
                        confidence: float = 0.95) -> Alarm | None:
    """The official ``name`` ("turnout" or "leader": the winner's share of valid
    votes) lies outside the observers' quick-count interval ``[lower, upper]``.
    Inside (bounds included), or any figure missing: no alarm."""
    if any(v is None or v != v for v in (official, lower, upper)) or lower <= official <= upper:
        return None
    values = {"official": percent(official), "lower": percent(lower), "upper": percent(upper),
              "confidence": percent(confidence)}
    if name == "turnout":
        text = _("The official turnout, %(official)s, lies outside the observers' quick-count interval "
                 "%(lower)s–%(upper)s (%(confidence)s confidence): the official figure and the observers' "
                 "sample disagree.") % values
    else:
        text = _("The winner's official share of valid votes, %(official)s, lies outside the observers' "
                 "quick-count interval %(lower)s–%(upper)s (%(confidence)s confidence): the official figure "
                 "and the observers' sample disagree.") % values
    return Alarm(f"quickcount-{name}", text, "web:dashboard-quickcount")


def quarantine_could_change_winner(protocols: int, quarantined_votes: float, margin: float) -> Alarm | None:
    """Quarantined protocols holding at least as many valid votes as the margin
    between the first two candidates (the rule of
    :func:`saylau.results.core.checks.could_change_winner`)."""
    if protocols <= 0 or quarantined_votes < margin:
        return None
    text = ngettext(
        "%(n)s quarantined protocol holds %(votes)s valid votes, no fewer than the winner's margin of "
        "%(margin)s votes: it could change the winner.",
        "%(n)s quarantined protocols hold %(votes)s valid votes, no fewer than the winner's margin of "
        "%(margin)s votes: they could change the winner.", protocols) % {
        "n": number(protocols), "votes": number(round(quarantined_votes)), "margin": number(round(margin))}
    return Alarm("quarantine", text, "web:dashboard-results")


def protocols_differ(stations: int) -> Alarm | None:
    """Stations whose district commission's entry differs from their own protocol
    (the latest tabulation's discrepancies of kind ``entered``)."""
    if stations <= 0:
        return None
    text = ngettext("%(n)s station: the figures the district commission entered differ from the station's "
                    "own protocol.",
                    "%(n)s stations: the figures the district commission entered differ from the station's "
                    "own protocol.", stations) % {"n": number(stations)}
    return Alarm("differing", text, "web:dashboard-results", "kind=entered")


def corrections_without_decision(corrections: int) -> Alarm | None:
    if corrections <= 0:
        return None
    text = ngettext("%(n)s protocol was corrected without a commission's decision.",
                    "%(n)s protocols were corrected without a commission's decision.",
                    corrections) % {"n": number(corrections)}
    return Alarm("corrections", text, "web:dashboard-results")


def teams_silent(silent: int, teams: int) -> Alarm | None:
    """Observer teams that have sent nothing at all."""
    if silent <= 0 or teams <= 0:
        return None
    text = ngettext("%(n)s observer team of %(teams)s has sent no report.",
                    "%(n)s observer teams of %(teams)s have sent no report.", silent) % {
        "n": number(silent), "teams": number(teams)}
    return Alarm("silent-teams", text, "web:dashboard-coverage")


def reviews_overdue(overdue: int, hours: int = REVIEW_HOURS) -> Alarm | None:
    """Flagged submissions that have waited more than ``hours`` for a reviewer."""
    if overdue <= 0:
        return None
    text = ngettext("%(n)s flagged submission has waited more than %(hours)s hours for review.",
                    "%(n)s flagged submissions have waited more than %(hours)s hours for review.",
                    overdue) % {"n": number(overdue), "hours": number(hours)}
    return Alarm("reviews", text, "web:dashboard-quality")

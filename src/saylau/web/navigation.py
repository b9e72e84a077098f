"""Navigation by role: each entry names a URL and the lowest role that sees it
(or, with ``only``, exactly the roles that see it).

An entry whose URL name is not installed yet is left out instead of failing,
so apps can add their pages freely.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from saylau.media.choices import label as media_label
from saylau.web.roles import Role, has_role


@dataclass(frozen=True)
class NavLink:
    label: str | Promise
    url_name: str
    role: str = Role.PUBLIC
    description: str | Promise = ""
    #: when set, exactly these roles see the link (``role`` is then ignored)
    only: tuple[str, ...] = ()


LINKS: tuple[NavLink, ...] = (
    NavLink(_("Home"), "web:home"),
    NavLink(_("Results"), "web:portal", description=_("Published results by station")),
    NavLink(_("Complaints"), "web:disputes", description=_("Complaints and appeals, with their decisions")),
    NavLink(_("Candidates"), "web:nominees",
            description=_("Nominees, their path to registration and every decision on them")),
    NavLink(_("Observe"), "web:observe", Role.OBSERVER,
            _("Your forms and deployment; works offline")),
    NavLink(_("Dashboards"), "web:dashboards", Role.COORDINATOR, _("Findings and quick count")),
    NavLink(_("Tables"), "web:table-submissions", Role.COORDINATOR,
            _("Every list to sort, filter and export")),
    NavLink(media_label(("Media", "СМИ", "БАҚ")), "web:media-dashboard", Role.COORDINATOR,
            media_label(("Code media items; coverage and coder reliability",
                         "Кодирование материалов СМИ; освещение и надёжность кодирования",
                         "БАҚ материалдарын кодтау; көрсетілім және кодтау сенімділігі"))),
    NavLink(media_label(("Voter register", "Списки избирателей", "Сайлаушылар тізімі")), "web:registry-dashboard",
            Role.COORDINATOR, media_label(("Register audit: growth, duplicates, review queue",
                                           "Аудит списков: рост, дубликаты, очередь проверки",
                                           "Тізім аудиті: өсім, қайталанған жазбалар, тексеру кезегі"))),
    NavLink(_("Accreditation"), "web:accreditation", Role.COORDINATOR,
            _("Proxies, observers and media accredited, by candidate and region")),
    NavLink(_("Data entry"), "web:entry", description=_("Key paper protocols; compare entries A and B"),
            only=(Role.DATA_CLERK, Role.ANALYST, Role.ADMINISTRATOR)),
    NavLink(_("API"), "api-schema", Role.ANALYST, _("The JSON API and its schema")),
    NavLink(_("Back office"), "admin:index", Role.ADMINISTRATOR,
            _("Users, roles, login tokens and every record")),
)


@dataclass(frozen=True)
class ResolvedLink:
    label: str
    url: str
    description: str


def links_for(user) -> list[ResolvedLink]:
    """The links ``user`` may follow, in menu order."""
    out = []
    for link in LINKS:
        if link.only:
            if not has_role(user, *link.only, exact=True):
                continue
        elif link.role != Role.PUBLIC and not has_role(user, link.role):
            continue
        try:
            url = reverse(link.url_name)
        except NoReverseMatch:
            continue
        out.append(ResolvedLink(str(link.label), url, str(link.description)))
    return out

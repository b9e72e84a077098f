"""Who the request is and which election it works on (shared by the API, OpenRosa and SMS views)."""

from __future__ import annotations

from rest_framework.exceptions import NotFound, PermissionDenied

from saylau.core.actors import Actor
from saylau.geography.models import Election
from saylau.observation.models import Observer
from saylau.observation.selectors import can_see_all, observer_of


def access_election(request, observer: Observer | None) -> Election:
    """The observer's election; for staff ``?election=<slug>`` or the latest election."""
    if observer is not None:
        return observer.election
    slug = request.query_params.get("election") if hasattr(request, "query_params") else request.GET.get("election")
    qs = Election.objects.all()
    election = qs.filter(slug=slug).first() if slug else qs.order_by("-date", "-id").first()
    if election is None:
        raise NotFound("no such election")
    return election


def access_submitter(request) -> tuple[Observer | None, Actor]:
    """An observer submits for their team; staff and analysts may submit for any
    place (imports, corrections); anyone else is refused."""
    observer = observer_of(request.user)
    if observer is None and not can_see_all(request.user):
        raise PermissionDenied("only observers, analysts and staff submit")
    return observer, Actor.from_user(request.user)

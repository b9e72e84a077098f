"""One discrepancy filter: ``results.selectors.run_discrepancies`` (and
``run_quarantines``). The permission-checked selectors and the results dashboard
both read through it, so the API and the dashboard list the same rows."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from saylau.results import selectors, services
from saylau.results.models import Discrepancy

from .helpers import ACTOR, kz

pytestmark = pytest.mark.django_db


def test_the_selectors_and_the_dashboard_filter_discrepancies_alike(client):
    sim, election, _ = kz(0.02)
    services.run_checks(actor=ACTOR, election=election)
    services.tabulate(actor=ACTOR, election=election)
    run = selectors.latest_tabulation(election)
    staff = get_user_model().objects.create_user("staff", is_staff=True, is_superuser=True)
    kinds = Counter(Discrepancy.objects.filter(run=run).values_list("kind", flat=True))
    assert set(kinds) == {"entered"}  # the DEC-entered figures the simulation corrected
    assert selectors.discrepancy_counts(run) == dict(kinds) and selectors.discrepancy_counts(None) == {}
    for kind in ("entered", "observer", None):
        rows = list(selectors.run_discrepancies(run, kind).values_list("id", flat=True))
        assert len(rows) == (kinds[kind] if kind else sum(kinds.values()))
        assert list(selectors.discrepancies(staff, election, kind).values_list("id", flat=True)) == rows
        assert not selectors.discrepancies(AnonymousUser(), election, kind).exists()
    assert not selectors.run_discrepancies(None).exists() and not selectors.run_quarantines(None).exists()
    held = selectors.run_quarantines(selectors.latest_check(election))
    assert list(selectors.quarantined(staff, election)) == list(held) and held.exists()

    client.force_login(staff)

    def shown(kind: str) -> list[tuple[str, str]]:
        page = client.get(f"/dashboards/results/?election={election.slug}&kind={kind}").content.decode()
        table = page.split('id="discrepancies"')[1].split("</table>")[0]
        return re.findall(r"<tr><td>([^<]+)</td><td>(\S+) ", table)

    expected = [(d.get_kind_display(), d.unit.code) for d in selectors.run_discrepancies(run, "entered")[:200]]
    assert shown("entered") == expected and len(expected) == min(200, kinds["entered"])
    assert shown("observer") == []

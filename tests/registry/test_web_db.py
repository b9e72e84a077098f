"""The register audit's pages: aggregates for coordinators, the review queue
(personal data) for analysts only, a decision from the page ledgered."""

import json

import pytest

from saylau.ledger.models import LedgerEntry
from saylau.registry import services
from saylau.registry.models import CandidatePair
from tests.registry.conftest import ACTOR

pytestmark = pytest.mark.django_db


@pytest.fixture
def audited(election, small_outcome, small_register, settings, tmp_path):
    from saylau.registry import store

    settings.DATA_DIR = tmp_path
    store.write_snapshot(tmp_path, "current", small_register.current)
    return services.record_audit(actor=ACTOR, election=election, snapshot="current", previous="previous",
                                 engine="duckdb", outcome=small_outcome)


def _login(client, role):
    from saylau.web.services import create_user

    create_user(actor=ACTOR, username=f"u-{role}", role=role, password="a-long-pass-1")
    assert client.login(username=f"u-{role}", password="a-long-pass-1")


def test_dashboard_shows_aggregates_only(client, audited, small_register):
    _login(client, "coordinator")
    page = client.get(f"/register/?election={audited.election.slug}&lang=ru")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="growth"' in html and 'id="findings"' in html
    from saylau.geography.models import Unit

    region = Unit.objects.filter(election=audited.election, level=1).order_by("code").first()
    assert f'<tr data-region="{region.code}"><td>{region.name_en}</td>' in html  # names, not codes
    russian = client.get(f"/register/?election={audited.election.slug}", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert f'<tr data-region="{region.code}"><td>{region.name_ru}</td>' in russian and region.name_ru
    some = small_register.current.row(0, named=True)
    assert some["voter_id"] not in html and some["iin"] not in html


def test_queue_is_for_analysts(client, audited):
    _login(client, "coordinator")
    assert client.get(f"/register/review/?election={audited.election.slug}").status_code in (302, 403)


def test_queue_shows_both_records_and_decision_is_ledgered(client, audited, small_register):
    review = CandidatePair.objects.filter(run=audited, status="review").first()
    if review is None:  # make one reviewable pair for the page
        review = CandidatePair.objects.filter(run=audited).first()
        CandidatePair.objects.filter(pk=review.pk).update(status="review")
        review.refresh_from_db()
    _login(client, "analyst")
    html = client.get(f"/register/review/?election={audited.election.slug}").content.decode()
    left = small_register.current.filter(small_register.current["voter_id"] == review.voter_l).row(0, named=True)
    assert f'id="pair-{review.pk}"' in html and left["surname"] in html
    response = client.post(f"/register/review/{review.pk}/", {
        "election": audited.election.slug, "decision": "different", "reason": "relatives", "note": "twins"})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == "rejected" and review.reason == "relatives"
    last = json.loads(LedgerEntry.objects.order_by("-sequence").first().payload)
    assert last["event"] == "registry.pair.updated" and last["actor"]["name"] == "u-analyst"


def test_dashboard_shows_field_audit_intervals_in_the_language(client, election, small_outcome, settings, tmp_path):
    from dataclasses import replace

    from saylau.registry.core.audit import Finding

    settings.DATA_DIR = tmp_path
    outcome = replace(small_outcome, findings=[*small_outcome.findings,
                                               Finding("field_p2l_not_listed", 24, 800, "people", 0.0186, 0.0414)])
    run = services.record_audit(actor=ACTOR, election=election, snapshot="current", previous="previous",
                                engine="duckdb", outcome=outcome)
    assert run.findings["field_p2l_not_listed"]["low"] == 0.0186
    _login(client, "coordinator")
    html = client.get(f"/register/?election={election.slug}", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Проверка жителей по списку: нет в списке" in html and "95-процентный интервал" in html
    assert "1,9" in html and "4,1" in html  # the interval's ends in Russian style (decimal comma)

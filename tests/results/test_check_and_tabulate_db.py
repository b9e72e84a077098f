"""Checking and tabulating from one read gives what the two services give one after the other."""

from __future__ import annotations

import pytest

from saylau.ledger import checks
from saylau.ledger.checks import load_snapshots
from saylau.ledger.models import LedgerEntry
from saylau.results import services

from .helpers import ACTOR, kz

pytestmark = pytest.mark.django_db


def _quarantine(run):
    return sorted(run.quarantines.values_list("protocol_id", "codes", "reasons"))


def _discrepancies(run):
    return sorted(run.discrepancies.values_list("kind", "unit_id", "line", "official", "expected", "missing"))


def test_one_read_gives_the_same_runs_as_two():
    load_snapshots()
    _, election, _ = kz(0.02)
    check, tabulation = services.run_checks(actor=ACTOR, election=election), services.tabulate(actor=ACTOR, election=election)
    before = LedgerEntry.objects.count()
    check2, tabulation2 = services.check_and_tabulate(actor=ACTOR, election=election)
    assert check2.pk != check.pk and tabulation2.pk != tabulation.pk
    assert (check2.checked, check2.quarantined, check2.counts, check2.winner) == (
        check.checked, check.quarantined, check.counts, check.winner)
    assert check2.quarantined > 0 and _quarantine(check2) == _quarantine(check)
    assert tabulation2.summary == tabulation.summary and _discrepancies(tabulation2) == _discrepancies(tabulation)
    assert sum(tabulation2.summary["discrepancies"].values()) > 0
    assert list(LedgerEntry.objects.filter(sequence__gt=before).values_list("event", flat=True)) == [
        "results.check.run", "results.tabulation.run"]
    assert checks.verify_database().ok


def test_what_is_stored_is_what_is_checked():
    _, election, _ = kz(0.02)
    check, _ = services.check_and_tabulate(actor=ACTOR, election=election)
    p = election.protocols.filter(tier="PEC", source="official").exclude(
        pk__in=check.quarantines.values("protocol_id")).first()
    type(p).objects.filter(pk=p.pk).update(valid=p.valid + 1000)  # edited behind saylau's back
    again, tabulation = services.check_and_tabulate(actor=ACTOR, election=election)
    assert again.quarantines.filter(protocol_id=p.pk).exists()
    assert tabulation.discrepancies.filter(kind="observer", unit_id=p.unit_id).exists() or \
        not election.protocols.filter(unit_id=p.unit_id, source="observer").exists()

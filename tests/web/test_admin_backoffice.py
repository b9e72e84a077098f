"""Every back-office model in the admin: its list, filters and search open; an edit
goes through the service and reaches the ledger under the administrator's name;
what has no service is read-only."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from saylau.ledger.models import LedgerEntry

pytestmark = pytest.mark.django_db

BACK_OFFICE = ("geography", "observation", "results", "ledger", "disputes", "media", "registry")


def test_every_back_office_model_is_listed_filtered_and_searched(client, election, mission) -> None:
    from django.apps import apps

    client.force_login(mission["zhanar"])
    registered = {m._meta.label for m in admin.site._registry}
    missing = [m._meta.label for app in BACK_OFFICE for m in apps.get_app_config(app).get_models()
               if m._meta.label not in registered]
    assert not missing
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in BACK_OFFICE:
            continue
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url
        if model_admin.search_fields:
            assert client.get(url + "?q=01").status_code == 200, url
        assert model_admin.list_display != ("__str__",), model._meta.label


def test_a_station_edited_in_the_admin_is_in_the_ledger(client, election, mission) -> None:
    from saylau.geography.models import Station

    client.force_login(mission["zhanar"])
    station = Station.objects.get(unit__code="0111")
    url = reverse("admin:geography_station_change", args=[station.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"kind": station.kind, "special_kind": station.special_kind,
                                 "registered_voters": "1234", "area": station.area, "latitude": "",
                                 "longitude": ""})
    assert response.status_code == 302, response.content.decode()[:1500]
    station.refresh_from_db()
    assert station.registered_voters == 1234
    entry = LedgerEntry.objects.filter(event__endswith="station.updated").latest("sequence")
    assert '"name":"zhanar"' in entry.payload
    assert '"registered_voters":1000' in entry.payload and '"registered_voters":1234' in entry.payload
    # a field the service does not change is shown, not editable
    before = LedgerEntry.objects.count()
    client.post(url, {"kind": station.kind, "special_kind": station.special_kind, "registered_voters": "1234",
                      "area": station.area, "unit": "999"})
    assert LedgerEntry.objects.count() == before


def test_a_submission_verified_in_the_admin_is_in_the_ledger(client, election, mission) -> None:
    import datetime as dt
    import uuid

    from saylau.core.actors import Actor
    from saylau.observation.models import Observer, Submission
    from saylau.observation.services import submit_many
    from saylau.observation.services.ingest import SubmissionInput

    from .test_browser import VOTING

    item = SubmissionInput(uuid=str(uuid.uuid4()), form="voting", answers=VOTING,
                           submitted_at=dt.datetime(2011, 4, 3, 9, tzinfo=dt.UTC))
    result = submit_many(actor=Actor.system("tests"), election=election, items=[item], channel="api",
                         observer=Observer.objects.get(code="OBS1"))[0]
    assert result.ok, result.errors
    sub = Submission.objects.get()
    client.force_login(mission["zhanar"])
    url = reverse("admin:observation_submission_changelist")
    response = client.post(url, {"action": "verify", "_selected_action": [sub.pk]})
    assert response.status_code == 302
    sub.refresh_from_db()
    assert sub.status == "verified"
    entry = LedgerEntry.objects.filter(object_id=str(sub.pk), event__contains="submission").latest("sequence")
    assert '"name":"zhanar"' in entry.payload and '"verified"' in entry.payload


def test_what_has_no_service_is_read_only(client, election, mission) -> None:
    from saylau.observation.models import Observer

    client.force_login(mission["zhanar"])
    observer = Observer.objects.get(code="OBS1")
    change = reverse("admin:observation_observer_change", args=[observer.pk])
    assert client.post(change, {"full_name": "Someone else"}).status_code == 403
    assert client.post(reverse("admin:observation_observer_delete", args=[observer.pk]), {"post": "yes"}
                       ).status_code == 403
    observer.refresh_from_db()
    assert observer.full_name == "Aigerim Nurlanqyzy"
    assert client.get(reverse("admin:ledger_ledgerentry_add")).status_code == 403

"""Changes made in Django's admin (the core team's back office) reach the ledger."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from saylau.core.actors import Actor
from saylau.ledger.models import LedgerEntry
from saylau.web.models import LoginToken
from saylau.web.services import create_user, issue_login_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    boss = create_user(actor=Actor.system("test"), username="boss", role="administrator", password="x-long-pass-1")
    client.force_login(boss)
    return client, boss


def test_a_group_added_and_deleted_in_the_admin_is_in_the_ledger(admin_client) -> None:
    client, boss = admin_client
    response = client.post("/admin/auth/group/add/", {"name": "regional-leads"})
    assert response.status_code == 302
    group = Group.objects.get(name="regional-leads")
    added = LedgerEntry.objects.get(event="web.group_created", object_id=str(group.pk))
    assert '"name":"boss"' in added.payload and '"regional-leads"' in added.payload
    response = client.post(f"/admin/auth/group/{group.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not Group.objects.filter(name="regional-leads").exists()
    assert LedgerEntry.objects.filter(event="web.group_deleted", object_id=str(group.pk)).count() == 1


def test_a_user_deactivated_in_the_admin_is_in_the_ledger(admin_client) -> None:
    client, boss = admin_client
    user = create_user(actor=Actor.system("test"), username="aigul", role="observer")
    form = client.get(f"/admin/auth/user/{user.pk}/change/")
    assert form.status_code == 200
    data = {"username": "aigul", "first_name": "", "last_name": "", "email": "", "is_staff": "",
            "is_active": "", "date_joined_0": "2011-04-03", "date_joined_1": "08:00:00",
            "groups": [g.pk for g in user.groups.all()]}
    response = client.post(f"/admin/auth/user/{user.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = LedgerEntry.objects.get(event="web.user_updated", object_id=str(user.pk))
    assert '"name":"boss"' in entry.payload
    assert '"is_active":true' in entry.payload and '"is_active":false' in entry.payload
    assert "password" not in entry.payload.replace("password_set", "")


def test_login_tokens_cannot_be_edited_in_the_admin(admin_client) -> None:
    client, boss = admin_client
    user = create_user(actor=Actor.system("test"), username="dana", role="observer")
    token, _ = issue_login_token(actor=Actor.system("test"), user=user)
    expires = token.expires_at
    client.post(f"/admin/web/logintoken/{token.pk}/change/", {"expires_at_0": "2099-01-01", "expires_at_1": "00:00:00"})
    token.refresh_from_db()
    assert token.expires_at == expires
    assert client.post(f"/admin/web/logintoken/{token.pk}/delete/", {"post": "yes"}).status_code == 403
    assert LoginToken.objects.filter(pk=token.pk).exists()

"""Accounts: roles from groups, the role decorator, one-time login tokens, the login rate limit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory
from django.utils import timezone

from saylau.core.actors import Actor
from saylau.web import services
from saylau.web.models import LoginToken, hash_token
from saylau.web.roles import Role, RoleRequiredMixin, has_role, role_required, user_role

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("tests")


def test_migration_made_the_four_role_groups() -> None:
    names = set(Group.objects.values_list("name", flat=True))
    assert {"administrator", "analyst", "coordinator", "observer"} <= names


def test_user_role_follows_the_highest_group_and_superuser() -> None:
    observer = services.create_user(actor=ACTOR, username="olzhas", role="observer")
    assert user_role(observer) == Role.OBSERVER and not observer.has_usable_password()
    assert user_role(AnonymousUser()) == Role.PUBLIC
    coordinator = services.create_user(actor=ACTOR, username="kamila", role="coordinator", password="pw-1-long")
    coordinator.groups.add(Group.objects.get(name="observer"))
    assert user_role(type(coordinator).objects.get(pk=coordinator.pk)) == Role.COORDINATOR
    admin = services.create_user(actor=ACTOR, username="zhanar", role="administrator", password="pw-2-long")
    assert admin.is_superuser and admin.is_staff and user_role(admin) == Role.ADMINISTRATOR
    assert has_role(coordinator, Role.OBSERVER) and not has_role(observer, Role.COORDINATOR)
    assert has_role(coordinator, Role.COORDINATOR, exact=True)
    assert not has_role(admin, Role.COORDINATOR, exact=True)
    services.set_role(actor=ACTOR, user=observer, role="analyst")
    assert user_role(type(observer).objects.get(pk=observer.pk)) == Role.ANALYST


def test_create_user_refuses_unknown_role_and_duplicates_and_writes_the_ledger() -> None:
    from saylau.ledger.models import LedgerEntry

    with pytest.raises(ValidationError):
        services.create_user(actor=ACTOR, username="x", role="king")
    services.create_user(actor=ACTOR, username="olzhas", role="observer")
    with pytest.raises(ValidationError):
        services.create_user(actor=ACTOR, username="olzhas", role="observer")
    entry = LedgerEntry.objects.filter(event="web.user_created").get()
    assert entry.object_id and "password" not in entry.payload.replace("password_set", "")


def test_role_required_redirects_anonymous_and_refuses_lower_roles() -> None:
    observer = services.create_user(actor=ACTOR, username="olzhas", role="observer")
    analyst = services.create_user(actor=ACTOR, username="erlan", role="analyst", password="pw-3-long")

    @role_required(Role.ANALYST)
    def dashboard(request):
        return "ok"

    factory = RequestFactory()
    request = factory.get("/dashboards/")
    request.user = AnonymousUser()
    response = dashboard(request)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=")
    request.user = observer
    with pytest.raises(PermissionDenied):
        dashboard(request)
    request.user = analyst
    assert dashboard(request) == "ok"

    class View(RoleRequiredMixin):
        required_roles = (Role.COORDINATOR,)

        def dispatch(self, request, *args, **kwargs):
            return super().dispatch(request, *args, **kwargs)

    with pytest.raises(PermissionDenied):
        request.user = observer
        View().dispatch(request)


def test_login_token_is_stored_hashed_works_once_and_expires() -> None:
    user = services.create_user(actor=ACTOR, username="olzhas", role="observer")
    token, raw = services.issue_login_token(actor=ACTOR, user=user)
    assert token.token_hash == hash_token(raw) and raw not in token.token_hash and len(raw) >= 40
    assert services.redeem_login_token(raw=raw) == user
    assert services.redeem_login_token(raw=raw) is None  # single use
    assert services.redeem_login_token(raw="not-a-token") is None
    old, raw_old = services.issue_login_token(actor=ACTOR, user=user, lifetime=dt.timedelta(hours=1))
    LoginToken.objects.filter(pk=old.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert services.redeem_login_token(raw=raw_old) is None
    _, raw_inactive = services.issue_login_token(actor=ACTOR, user=user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert services.redeem_login_token(raw=raw_inactive) is None
    _, raw_revoked = services.issue_login_token(actor=ACTOR, user=type(user).objects.create(username="b"))
    assert services.expire_login_tokens(actor=ACTOR, tokens=LoginToken.objects.all()) == 2  # inactive user's + b's
    assert services.redeem_login_token(raw=raw_revoked) is None


def test_token_link_shows_a_page_and_only_the_post_logs_in(client) -> None:
    user = services.create_user(actor=ACTOR, username="olzhas", role="observer")
    _, raw = services.issue_login_token(actor=ACTOR, user=user)
    url = services.login_url("http://testserver", raw).removeprefix("http://testserver")
    page = client.get(url)
    assert page.status_code == 200 and b"csrfmiddlewaretoken" in page.content
    assert LoginToken.objects.get().used_at is None  # a link preview does not spend it
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == "/observe/"
    assert client.get("/api/accounts/me/").json() == {"authenticated": True, "username": "olzhas",
                                                      "role": "observer"}
    client.logout()
    again = client.post(url)
    assert again.status_code == 400 and "not valid" in again.content.decode()


def test_password_login_is_rate_limited_per_ip_and_username(client) -> None:
    services.create_user(actor=ACTOR, username="erlan", role="analyst", password="right-pass-1")
    for _ in range(10):
        bad = client.post("/accounts/login/", {"username": "erlan", "password": "wrong"})
        assert bad.status_code == 200 and "Too many" not in bad.content.decode()
    blocked = client.post("/accounts/login/", {"username": "erlan", "password": "right-pass-1"})
    assert "Too many login attempts" in blocked.content.decode()
    assert "_auth_user_id" not in client.session
    other = client.post("/accounts/login/", {"username": "someone", "password": "x"})
    assert "Too many" not in other.content.decode()  # the limit is per IP and username


def test_password_login_works_and_lands_on_home(client) -> None:
    services.create_user(actor=ACTOR, username="erlan", role="analyst", password="right-pass-1")
    response = client.post("/accounts/login/", {"username": "erlan", "password": "right-pass-1"})
    assert response.status_code == 302 and response["Location"] == "/"
    home = client.get("/").content.decode()
    assert "erlan" in home and "Analyst" in home


def test_api_token_login_is_throttled_by_the_login_scope(client) -> None:
    user = services.create_user(actor=ACTOR, username="olzhas", role="observer")
    _, raw = services.issue_login_token(actor=ACTOR, user=user)
    ok = client.post("/api/accounts/token-login/", {"token": raw}, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["username"] == "olzhas"
    codes = [client.post("/api/accounts/token-login/", {"token": "wrong"}, content_type="application/json")
             .status_code for _ in range(12)]
    assert codes[:9] == [400] * 9 and codes[-1] == 429

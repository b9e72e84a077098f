"""Every write of the web app: users with a role, and one-time login tokens.

Each service is one transaction, takes a keyword ``actor`` and appends a
ledger entry (never the raw token or a password).
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from saylau.core.actors import Actor
from saylau.ledger.services import Event, record
from saylau.web.models import LoginToken, hash_token
from saylau.web.roles import GROUP_ROLES, Role

logger = logging.getLogger(__name__)

#: How long a login link stays valid unless the caller says otherwise.
TOKEN_LIFETIME = dt.timedelta(hours=72)


@transaction.atomic
def create_user(*, actor: Actor, username: str, role: str, email: str = "", password: str | None = None,
                first_name: str = "", last_name: str = ""):
    """Create an active user in the group of ``role``.

    An administrator is also ``is_staff`` and ``is_superuser`` (the Django
    admin is the core team's back office). Without a password the user has an
    unusable one and logs in with a login token. Raises ValidationError for an
    unknown role or an invalid/duplicate username.
    """
    if role not in GROUP_ROLES:
        raise ValidationError({"role": f"unknown role {role!r}; one of {', '.join(GROUP_ROLES)}"})
    User = get_user_model()
    user = User(username=username, email=email, first_name=first_name, last_name=last_name,
                is_staff=role == Role.ADMINISTRATOR, is_superuser=role == Role.ADMINISTRATOR)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean()
    user.save()
    group, _ = Group.objects.get_or_create(name=role)
    user.groups.add(group)
    record(actor=actor, event=Event(
        event="web.user_created", object_type="auth.user", object_id=user.pk, object_repr=username,
        after={"username": username, "role": role, "email": email, "password_set": bool(password)},
    ))
    logger.info("user %s created with role %s by %s", username, role, actor)
    return user


@transaction.atomic
def set_role(*, actor: Actor, user, role: str) -> None:
    """Move ``user`` into exactly one role group."""
    if role not in GROUP_ROLES:
        raise ValidationError({"role": f"unknown role {role!r}"})
    before = sorted(user.groups.filter(name__in=GROUP_ROLES).values_list("name", flat=True))
    user.groups.remove(*Group.objects.filter(name__in=GROUP_ROLES))
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
    user.save(update_fields=["is_staff", "is_superuser"])
    user.__dict__.pop("_saylau_role", None)
    record(actor=actor, event=Event(
        event="web.user_role_changed", object_type="auth.user", object_id=user.pk,
        object_repr=user.get_username(), before={"roles": before}, after={"roles": [role]},
    ))


@transaction.atomic
def issue_login_token(*, actor: Actor, user, lifetime: dt.timedelta = TOKEN_LIFETIME) -> tuple[LoginToken, str]:
    """Make a one-time token for ``user``; returns the row and the raw token,
    which is shown once and never stored. Earlier unused tokens stay valid
    until they expire (revoke them in the admin)."""
    if not user.is_active:
        raise ValidationError({"user": "the user is not active"})
    raw = secrets.token_urlsafe(32)
    token = LoginToken(user=user, token_hash=hash_token(raw), expires_at=timezone.now() + lifetime,
                       created_by=actor.name)
    token.full_clean()
    token.save()
    record(actor=actor, event=Event(
        event="web.login_token_issued", object_type="web.logintoken", object_id=token.pk,
        object_repr=str(user.get_username()),
        after={"user": user.get_username(), "expires_at": token.expires_at.isoformat()},
    ))
    return token, raw


def login_url(base_url: str, raw: str) -> str:
    """The link an observer opens (or scans): ``<base>/accounts/token/<token>/``."""
    from django.urls import reverse

    return base_url.rstrip("/") + reverse("web:token-login", args=[raw])


@transaction.atomic
def redeem_login_token(*, raw: str):
    """Spend a token: returns its user, or None if it is unknown, used, expired
    or its user is inactive. Locks the row, so two concurrent uses of one token
    let exactly one of them in."""
    if not raw or len(raw) > 200:
        return None
    token = (LoginToken.objects.select_for_update().select_related("user")
             .filter(token_hash=hash_token(raw)).first())
    if token is None or not token.is_usable or not token.user.is_active:
        return None
    token.used_at = timezone.now()
    token.save(update_fields=["used_at"])
    record(actor=Actor.from_user(token.user), event=Event(
        event="web.login_token_used", object_type="web.logintoken", object_id=token.pk,
        object_repr=token.user.get_username(), after={"used_at": token.used_at.isoformat()},
    ))
    return token.user


@transaction.atomic
def expire_login_tokens(*, actor: Actor, tokens) -> int:
    """Expire unused tokens now (the admin's revoke action); returns how many."""
    now = timezone.now()
    count = 0
    for token in tokens.select_for_update().filter(used_at__isnull=True, expires_at__gt=now):
        before = token.expires_at.isoformat()
        token.expires_at = now
        token.save(update_fields=["expires_at"])
        record(actor=actor, event=Event(
            event="web.login_token_expired", object_type="web.logintoken", object_id=token.pk,
            object_repr=token.user.get_username(), before={"expires_at": before},
            after={"expires_at": now.isoformat()},
        ))
        count += 1
    return count


@transaction.atomic
def link_observer(*, actor: Actor, user, observer) -> None:
    """Link a mission observer (saylau.observation Observer) to the account they
    log in with, so the observation API knows their team and deployment."""
    before = observer.user.get_username() if observer.user_id else ""
    observer.user = user
    observer.full_clean()
    observer.save(update_fields=["user"])
    record(actor=actor, event=Event(
        event="web.observer_linked", object_type="observation.observer", object_id=observer.pk,
        object_repr=str(observer), before={"user": before}, after={"user": user.get_username()},
    ))


def account_state(obj) -> dict:
    """What the ledger keeps of a user or a group (never a password or its hash)."""
    if isinstance(obj, Group):
        return {"name": obj.name, "permissions": sorted(obj.permissions.values_list("codename", flat=True))}
    return {"username": obj.get_username(), "email": obj.email, "first_name": obj.first_name,
            "last_name": obj.last_name, "is_active": obj.is_active, "is_staff": obj.is_staff,
            "is_superuser": obj.is_superuser, "password_set": obj.has_usable_password(),
            "groups": sorted(obj.groups.values_list("name", flat=True))}


@transaction.atomic
def record_account_change(*, actor: Actor, obj, action: str, before: dict | None = None) -> None:
    """Append the ledger entry of a user or group changed in the back office
    (Django's admin saves them; it calls this in the same transaction).
    ``action`` is ``created``, ``updated`` or ``deleted``; ``before`` is
    :func:`account_state` before the change (None for a new object)."""
    if action not in ("created", "updated", "deleted"):
        raise ValueError(f"action must be created, updated or deleted, not {action!r}")
    kind = "group" if isinstance(obj, Group) else "user"
    after = None if action == "deleted" else account_state(obj)
    if action == "updated" and after == before:
        return
    record(actor=actor, event=Event(
        event=f"web.{kind}_{action}", object_type=f"auth.{kind}", object_id=obj.pk, object_repr=str(obj),
        before=before, after=after, reason="back office",
    ))

"""Roles: five Django groups plus the anonymous public.

A user's role is the highest of the groups they belong to, in the order
administrator > analyst > coordinator > observer > data clerk; a superuser is
an administrator whatever their groups; an anonymous visitor is ``public``.
The groups themselves are made by the data migrations ``0002_roles`` and
``0003_data_clerk`` so that every database has them from the start.

A data clerk ranks lowest: it keys paper protocols and sees nothing else, so
pages for clerks check the role with ``exact=True`` (an observer, who ranks
higher, must not key protocols).

    >>> @role_required(Role.OBSERVER)          # observers and every role above them
    ... def observe(request): ...
    >>> @role_required(Role.ANALYST, Role.ADMINISTRATOR, exact=True)
    ... def dashboard(request): ...

``role_required`` sends an anonymous visitor to the login page and answers an
authenticated user without the role with 403.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.mixins import AccessMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Roles from the most to the least powerful; ``PUBLIC`` is anyone not logged in."""

    ADMINISTRATOR = "administrator", _("Administrator")
    ANALYST = "analyst", _("Analyst")
    COORDINATOR = "coordinator", _("Coordinator (long-term observer)")
    OBSERVER = "observer", _("Observer (short-term)")
    DATA_CLERK = "data_clerk", _("Data-entry clerk")
    PUBLIC = "public", _("Public")


#: Group names, highest first. ``Role.PUBLIC`` has no group.
GROUP_ROLES: tuple[str, ...] = (Role.ADMINISTRATOR, Role.ANALYST, Role.COORDINATOR, Role.OBSERVER,
                                 Role.DATA_CLERK)
RANK = {role: len(GROUP_ROLES) - i for i, role in enumerate(GROUP_ROLES)} | {Role.PUBLIC: 0}


def user_role(user) -> Role:
    """The role of ``user`` (a User or AnonymousUser); ``Role.PUBLIC`` if anonymous
    or in none of the groups. Group names are read once per request object."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Role.PUBLIC
    if user.is_superuser:
        return Role.ADMINISTRATOR
    cached = getattr(user, "_saylau_role", None)
    if cached is not None:
        return cached
    names = set(user.groups.values_list("name", flat=True))
    role = next((Role(r) for r in GROUP_ROLES if r in names), Role.PUBLIC)
    user._saylau_role = role
    return role


def has_role(user, *roles: str, exact: bool = False) -> bool:
    """True when the user's role is one of ``roles`` (``exact``) or ranks at
    least as high as the lowest of them (the default)."""
    role = user_role(user)
    if exact:
        return role in roles
    return RANK[role] >= min(RANK[Role(r)] for r in roles)


def role_required(*roles: str, exact: bool = False):
    """Decorator for function views: see the module docstring."""
    if not roles:
        raise ValueError("role_required needs at least one role")

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles, exact=exact):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.required_roles = tuple(roles)
        return wrapper

    return decorator


class RoleRequiredMixin(AccessMixin):
    """Class-based views: set ``required_roles`` (and ``exact_role``)."""

    required_roles: tuple[str, ...] = ()
    exact_role = False

    def dispatch(self, request, *args, **kwargs):
        if not self.required_roles:
            raise ValueError(f"{type(self).__name__} sets no required_roles")
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not has_role(request.user, *self.required_roles, exact=self.exact_role):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

"""Template tags for the base layout: role navigation and the language switcher."""

from __future__ import annotations

from django import template
from django.conf import settings

from saylau.web.navigation import links_for
from saylau.web.roles import user_role

register = template.Library()


@register.inclusion_tag("web/_nav.html", takes_context=True)
def role_nav(context):
    request = context["request"]
    path = request.path
    links = links_for(request.user)
    return {"links": links, "current": path, "role": user_role(request.user), "user": request.user,
            "request": request, "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("web/_languages.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    return {"languages": settings.LANGUAGES, "current": request.LANGUAGE_CODE
            if hasattr(request, "LANGUAGE_CODE") else settings.LANGUAGE_CODE,
            "next": request.get_full_path(), "request": request,
            "csrf_token": context.get("csrf_token")}


@register.filter
def percent(value) -> str:
    """A share in [0, 1] as a percentage with one decimal (``–`` when missing or NaN)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "–"
    if number != number:
        return "–"
    return f"{100 * number:.1f} %"


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` in a template (None if absent)."""
    return mapping.get(key) if hasattr(mapping, "get") else None

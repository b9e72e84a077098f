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


def _lang() -> str:
    from django.utils.translation import get_language

    lang = (get_language() or "en")[:2]
    return lang if lang in ("en", "ru", "kk") else "en"


@register.filter
def percent(value) -> str:
    """A share in [0, 1] as a percentage with one decimal in the page's language
    (``45.7 %``, ``45,7 %``; ``–`` when missing or NaN)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "–"
    if number != number:
        return "–"
    text = f"{100 * number:.1f}"
    return (text if _lang() == "en" else text.replace(".", ",")) + "\u00a0%"


@register.filter
def number(value) -> str:
    """A whole number with the page language's digit grouping (``1,234,567``;
    ``1 234 567`` in Russian and Kazakh); ``–`` when missing."""
    from saylau.core.wording.numbers import format_int

    if value is None or value == "":
        return "–"
    try:
        return format_int(int(value), _lang())
    except (TypeError, ValueError):
        return str(value)


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` in a template (None if absent)."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def get_index(sequence, index):
    """``sequence[index]`` in a template (empty if out of range)."""
    try:
        return sequence[int(index)]
    except (IndexError, TypeError, ValueError):
        return []

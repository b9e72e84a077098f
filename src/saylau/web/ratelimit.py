"""A fixed-window rate limit on Django's cache (login: 10 tries a minute per IP and username).

The counter lives in the default cache. With the local-memory cache each
granian worker counts on its own, so the effective limit is ``limit x
workers``; a shared cache (Redis, Memcached, the database cache) makes it exact.
"""

from __future__ import annotations

import hashlib
import time

from django.core.cache import cache

LOGIN_LIMIT = 10
LOGIN_WINDOW = 60  # seconds


def client_ip(request) -> str:
    """The peer address. ``X-Forwarded-For`` is ignored on purpose: anyone can
    send it; behind a proxy, have the proxy set ``REMOTE_ADDR``."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(scope: str, parts: tuple[str, ...], window: int) -> str:
    slot = int(time.time() // window)
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]
    return f"saylau:rl:{scope}:{slot}:{digest}"


def hit(scope: str, *parts: str, limit: int = LOGIN_LIMIT, window: int = LOGIN_WINDOW) -> bool:
    """Count one attempt; True while the attempts in this window are within ``limit``."""
    key = _key(scope, parts, window)
    if cache.add(key, 1, timeout=window + 1):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window + 1)
        count = 1
    return count <= limit


def blocked(scope: str, *parts: str, limit: int = LOGIN_LIMIT, window: int = LOGIN_WINDOW) -> bool:
    """True when this window already holds ``limit`` attempts (does not count one)."""
    return (cache.get(_key(scope, parts, window)) or 0) >= limit

"""Rate limits on what an enterprise user could repeat to learn about other firms (issue 24):
searches of the registry and steps, shortlists and consents on matches. Government roles are not
limited here (the API's general throttles still apply to everyone).

The count lives in Django's cache, in fixed windows: the database by default, so that the limit
holds across every process and server (``LIENKET_CACHE_BACKEND`` names another shared cache).
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.cache import cache

from lienket.core import roles
from lienket.core.models import Role

PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


class RateLimitError(Exception):
    """Too many requests of one kind in the current window."""

    def __init__(self, wait: int) -> None:
        super().__init__(wait)
        self.wait = wait


def parse_rate(rate: str) -> tuple[int, int]:
    """``"30/minute"`` → (30, 60)."""
    count, _, period = rate.partition("/")
    return int(count), PERIODS[period.strip()]


def check(user: Any, scope: str) -> None:
    """Count one ``scope`` action (``search`` or ``match``) of an enterprise user; raise
    :class:`RateLimitError` beyond ``LIENKET_ENTERPRISE_RATES[scope]``."""
    if roles.role_of(user) != Role.ENTERPRISE:
        return
    limit, period = parse_rate(settings.LIENKET_ENTERPRISE_RATES[scope])
    window = int(time.time() // period)
    key = f"lienket:rate:{scope}:{user.pk}:{window}"
    cache.add(key, 0, period + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, period + 1)
        count = 1
    if count > limit:
        raise RateLimitError(period - int(time.time()) % period)

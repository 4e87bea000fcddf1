"""Small pieces every app's pages share: the day a page is read on, an import's refusal, and
SVG drawn on the server."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from lienket.engine.errors import DataError

#: problems listed on a page at most; the count says how many more there are
SHOWN_ERRORS = 500


def today() -> date:
    return timezone.localdate()


def day_param(request: HttpRequest, name: str = "on") -> date:
    """The ``?on=YYYY-MM-DD`` a page is read as of, or today."""
    try:
        return date.fromisoformat(request.GET.get(name, ""))
    except ValueError:
        return today()


def refused(exc: DataError) -> dict[str, Any]:
    """The context `_row_errors.html` shows for a refused file."""
    return {
        "errors": exc.errors[:SHOWN_ERRORS],
        "error_count": exc.total,
        "more_errors": max(0, exc.total - SHOWN_ERRORS),
    }


def safe_svg(svg: str) -> SafeString:
    """SVG built by lienket's chart and map code, where every text went through ``escape``."""
    return mark_safe(svg)  # noqa: S308

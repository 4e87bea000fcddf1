""" "Are we on target?": the page focal points, readers and stewards land on after login.

For the year (the current one unless asked): the two-way turnover as each side declares it,
for the latest period with a figure, against the same months of the year before and the
Committee's growth band, with its source and period; Lao power capacity selling or committed
to Viet Nam against the published target; aid disbursement against the year's allocation, in
US dollars at the recorded rates; work-plan actions overdue. Each links to its page. It reads
every app through ``governance.glance``, which also opens the periodic report as its one-page
summary, so the page and the report give each commitment the same status.
"""

from __future__ import annotations

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from lienket.core import roles
from lienket.core.decorators import require
from lienket.core.pages import today
from lienket.governance import glance


def after_login(request: HttpRequest) -> HttpResponse:
    """Where a login lands: the government roles on "are we on target?", others at home."""
    return redirect("on-target" if roles.can_read_reports(request.user) else "home")


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("year", "")
    if not raw:
        return today().year
    if not raw.isdigit() or not 2000 <= int(raw) <= 2100:
        raise BadRequest(_("the year is written with four digits, 2000 to 2100"))
    return int(raw)


@require(roles.can_read_reports)
def on_target(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    on = today()
    lang = translation.get_language() or "en"
    items = glance.commitments(year, on, lang)
    context = {"year": year, "items": items, "rules": glance.rules()}
    return render(request, "on_target.html", context)

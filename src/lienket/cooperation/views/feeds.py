"""Reminders and each member's calendar feed."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from lienket.cooperation import services
from lienket.cooperation.models import (
    CalendarToken,
    Side,
)
from lienket.cooperation.views.plans import (
    _can_see_training,
)
from lienket.core import roles
from lienket.core.decorators import require
from lienket.core.pages import day_param


@require(roles.can_read_cooperation)
def reminders_page(request: HttpRequest) -> HttpResponse:
    try:
        days = max(0, min(int(request.GET.get("days", "30")), 366))
    except ValueError:
        days = 30
    on = day_param(request)
    found = services.reminders(days, on)
    return render(request, "cooperation/reminders.html",
                  {"days": days, "on": on,
                   "sides": [(label, found.get(v, [])) for v, label in Side.choices]})  # fmt: skip


@require(_can_see_training)
def calendar_page(request: HttpRequest) -> HttpResponse:
    url = None
    if request.method == "POST":
        had = CalendarToken.objects.filter(user=request.user).exists()
        url = request.build_absolute_uri(f"/calendar/{services.calendar_token(request.user)}.ics")
        if had:
            messages.success(request, _("A new address is made; the old one no longer works."))
    token = CalendarToken.objects.filter(user=request.user).first()
    response = render(request, "cooperation/calendar.html", {"url": url, "token": token})
    response["Cache-Control"] = "no-store"  # the page that shows the address is never cached
    return response


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    owner = services.calendar_owner(token)
    if owner is None or not owner.is_active or not _can_see_training(owner):
        raise Http404
    return HttpResponse(services.calendar(owner), content_type="text/calendar; charset=utf-8")

"""Published figures and trade file uploads."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lienket.core import roles
from lienket.core.decorators import require
from lienket.engine.errors import DataError, RowError
from lienket.engine.trade.turnover import Period
from lienket.trade import figures, services, tables
from lienket.trade.models import PublishedFigure
from lienket.trade.tables import Table
from lienket.trade.views.common import (
    download,
)


def figures_page(request: HttpRequest) -> HttpResponse:
    """Published figures: everyone reads them; focal points and stewards enter and import."""
    from lienket.trade.forms import FigureForm, FigureImportForm

    pair = list(services.pair())
    declarants = roles.figure_declarants(request.user, pair)
    may_enter = bool(declarants)
    if request.method == "POST" and not may_enter:
        raise PermissionDenied
    context: dict[str, Any] = {"may_enter": may_enter, "pair": pair}
    form = FigureForm(declarants=declarants, pair=pair)
    upload = FigureImportForm()
    status = 200
    if request.method == "POST" and request.POST.get("action") == "verify":
        raw = request.POST.get("figure", "")
        if not raw.isdigit() or len(raw) > 12:
            raise BadRequest(_("no such figure"))
        figure = get_object_or_404(PublishedFigure, pk=int(raw))
        try:
            figures.verify_figure(figure, request.user, pair)
        except figures.VerifyError:
            raise PermissionDenied from None
        messages.success(request, _("The figure is marked as verified against its release."))
        return redirect("trade-figures")
    if request.method == "POST" and request.POST.get("action") == "add":
        form = FigureForm(request.POST, declarants=declarants, pair=pair)
        if form.is_valid():
            row = {k: str(v or "") for k, v in form.cleaned_data.items() if k != "confirm"}
            style = "vi" if get_language() == "vi" else "en"  # the page's number style
            checked = figures.check_row(row, _("form"), style=style)
            for e in checked.errors:
                form.add_error(e.field if e.field in form.fields else None, e.text(_))
            if not checked.errors:
                try:
                    figure, created = figures.add_figure(
                        checked.values, request.user, confirm=form.cleaned_data["confirm"]
                    )
                except figures.ConfirmationNeededError as exc:
                    for n in exc.notices:
                        form.add_error("confirm", n.text())
                else:
                    context["saved"] = (figure, created)
                    form = FigureForm(declarants=declarants, pair=pair)
        status = 400 if form.errors else 200
    elif request.method == "POST":
        upload = FigureImportForm(request.POST, request.FILES)
        if upload.is_valid():
            f = upload.cleaned_data["file"]
            try:
                context["result"] = figures.import_figures(
                    f,
                    f.name,
                    request.user,
                    request.POST.get("action") == "check",
                    declarants,
                    confirm=upload.cleaned_data["confirm"],
                )
            except DataError as exc:
                context["errors"] = exc.errors[:500]
                context["more_errors"] = len(exc.errors) - 500
                context["error_count"] = len(exc.errors)
                status = 400
    published = tables.published()
    found: list[Table | None] = [published]
    to_verify = [f for f in PublishedFigure.objects.filter(verified__isnull=True)
                 if roles.can_verify_figure(request.user, f, pair)]  # fmt: skip
    context.update(form=form, upload=upload, published=published, to_verify=to_verify,
                   figure_checks=figures.checks())  # fmt: skip
    return download(request, found) or render(request, "trade/figures.html", context, status=status)


def figure_history(request: HttpRequest) -> HttpResponse:
    """Every release of a declarant's figures for a period, with the checks of the figures."""

    pair = list(services.pair())
    try:
        period = Period.parse(request.GET.get("period", "")[:20])
    except ValueError:
        raise BadRequest(_("Give a period such as 2024 or 2025-01..10.")) from None
    declarant = request.GET.get("declarant", "")[:3].upper()
    if declarant not in pair:
        raise BadRequest(_("Give the declarant as one of %(pair)s.") % {"pair": ", ".join(pair)})
    checks = figures.checks(declarant, period)
    rows = figures.history(period, declarant, found_checks=checks)
    for r in rows:  # the page writes the date in words; the API keeps it ISO
        r["published_on"] = date.fromisoformat(r["published"]) if r["published"] else None
    context = {"period": period, "declarant": declarant, "rows": rows, "checks": checks}
    return render(request, "trade/figure_history.html", context)


@require(roles.can_upload_trade)
def imports_page(request: HttpRequest) -> HttpResponse:
    """Upload a trade file (focal points and stewards); it is imported in the background."""
    from lienket.trade import jobs
    from lienket.trade.forms import TradeUploadForm
    from lienket.trade.models import TradeImport

    pair = list(services.pair())
    reporters = roles.customs_reporters(request.user, pair)
    form = TradeUploadForm(reporters=reporters, pair=pair)
    status = 200
    if request.method == "POST":
        form = TradeUploadForm(request.POST, request.FILES, reporters=reporters, pair=pair)
        if form.is_valid():
            job = jobs.submit(form.cleaned_data["file"], form.options(), request.user)
            return redirect("trade-import", pk=job.pk)
        status = 400
    recent = TradeImport.objects.select_related("created_by")[:50]
    context = {"form": form, "jobs": recent, "worker": _worker_note()}
    return render(request, "trade/imports.html", context, status=status)


def _worker_note() -> str:
    if settings.LIENKET_IMPORT_WORKER == "external":
        return _("Files wait until the worker (“lienket work”) takes them.")
    return ""


@require(roles.can_upload_trade)
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One uploaded file: its progress while it is read, then what was stored or why not."""
    from lienket.trade.models import TradeImport

    job = get_object_or_404(TradeImport.objects.select_related("created_by"), pk=pk)
    errors = [RowError(e["file"], e["row"], e["field"], e["message"], e["params"])
              for e in job.errors]  # fmt: skip
    context = {"job": job, "errors": errors, "more_errors": job.error_count - len(errors),
               "worker": _worker_note()}  # fmt: skip
    return render(request, "trade/import.html", context)

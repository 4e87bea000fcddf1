"""REST endpoints for the trade figures: the same tables as the pages, as JSON.

Each answer carries ``columns`` (key, label, kind), ``rows`` and ``sources`` (the imports the
figures come from, with a ``fictional`` flag), so a figure never travels without its source.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ParseError, PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lienket.core import roles
from lienket.core.api import YEARS, query_int
from lienket.core.permissions import TradeUploader
from lienket.engine.trade.turnover import Period
from lienket.trade import services, tables
from lienket.trade.models import Flow, Qualifier, Unit
from lienket.trade.tables import Table

ADB_SOURCE = "Asian Development Bank, MRIO database (CC BY 3.0 IGO), via ksreyes/mrio-processing"
YEAR = OpenApiParameter(
    "year",
    {"type": "integer", "minimum": YEARS[0], "maximum": YEARS[1]},
    description="Calendar year",
)
YEAR_REQUIRED = OpenApiParameter(
    "year",
    {"type": "integer", "minimum": YEARS[0], "maximum": YEARS[1]},
    description="Calendar year",
    required=True,
)
EXPORTER = OpenApiParameter(
    "exporter",
    str,
    enum=settings.LIENKET_COUNTRIES,
    description="the exporting side; the importer is the other one",
)


def _direction(request: Request, default: str) -> tuple[str, str]:
    """(exporter, importer): the importer is the other side of the pair; an ``importer`` sent
    must be that side (a country does not trade with itself)."""
    exporter = _country(request, "exporter", default)
    a, b = services.pair()
    importer = b if exporter == a else a
    if request.query_params.get("importer", importer).upper() != importer:
        raise ParseError(f"importer must be {importer}, the other side of the pair")
    return exporter, importer


LEVELS = (2, 4, 6)
LEVEL = OpenApiParameter(
    "level", OpenApiTypes.INT, description="HS digits: 2, 4 or 6", enum=list(LEVELS)
)


def _country(request: Request, name: str, default: str) -> str:
    value = request.query_params.get(name, default).upper()
    if value not in services.pair():
        raise ParseError(f"{name} must be one of {', '.join(services.pair())}")
    return value


def _payload(table: Table | None, years: list[int] | None = None, **extra: Any) -> dict[str, Any]:
    if table is None:
        return {"available": False, "columns": [], "rows": [], "sources": [], **extra}
    records = services.get_store().imports()
    sources = [
        {"file": r.file, "source": r.source, "years": r.years, "fictional": r.fictional}
        for r in records
        if years is None or set(r.years) & set(years)
    ]
    return {
        "available": True,
        "columns": [
            {"key": k, "label": str(label), "kind": kind} for k, label, kind in table.columns
        ],
        "rows": table.json_rows(),
        "total_rows": table.total_rows if table.total_rows is not None else len(table.rows),
        "sources": sources,
        **extra,
    }


class TradeView(APIView):
    permission_classes = [AllowAny]


@extend_schema(responses=OpenApiTypes.OBJECT, summary="Published Viet Nam - Lao figures")
class Published(TradeView):
    def get(self, request: Request) -> Response:
        table = tables.published()
        return Response({**_payload(table, []), "sources": "published releases, cited per row"})


@extend_schema(responses=OpenApiTypes.OBJECT, summary="Turnover against the target band")
class TurnoverApi(TradeView):
    def get(self, request: Request) -> Response:
        a, b = services.pair()
        tracking = tables.target_tracking(a, b)
        return Response(
            {
                "declarants": {
                    d: _payload(t, [r["year"] for r in t.rows]) for d, t in tracking.items()
                }
            }
        )


@extend_schema(
    parameters=[
        YEAR_REQUIRED,
        LEVEL,
        EXPORTER,
        OpenApiParameter(
            "limit",
            {"type": "integer", "minimum": 1, "maximum": 1000},
            description="rows (100 if left out)",
        ),
    ],
    responses=OpenApiTypes.OBJECT,
    summary="Bilateral trade by HS code",
)
class Products(TradeView):
    def get(self, request: Request) -> Response:
        exporter, importer = _direction(request, services.pair()[0])
        year = query_int(request, "year", bounds=YEARS)
        level = query_int(request, "level", 6, LEVELS)
        if level not in (2, 4, 6):
            raise ParseError("level must be 2, 4 or 6")
        limit = query_int(request, "limit", 100, bounds=(1, 1000))
        return Response(
            _payload(tables.top_products(exporter, importer, year, level, limit), [year])
        )


@extend_schema(
    parameters=[YEAR_REQUIRED], responses=OpenApiTypes.OBJECT, summary="Flows by chain and stage"
)
class Chains(TradeView):
    def get(self, request: Request) -> Response:
        a, b = services.pair()
        year = query_int(request, "year", bounds=YEARS)
        return Response(_payload(tables.chain_table(a, b, year), [year]))


@extend_schema(
    parameters=[YEAR, LEVEL, OpenApiParameter("source", str), OpenApiParameter("min_rca", float)],
    responses=OpenApiTypes.OBJECT,
    summary="Comparative advantage, complexity and density by product",
)
class Advantage(TradeView):
    def get(self, request: Request) -> Response:
        a, b = services.pair()
        year = query_int(request, "year", 2017, bounds=YEARS)
        level = query_int(request, "level", 4, LEVELS)
        source = request.query_params.get("source", services.OTS_SOURCE if year == 2017 else "baci")
        try:
            min_rca = float(request.query_params.get("min_rca", "0"))
        except ValueError:
            raise ParseError("min_rca must be a number") from None
        table, summary = tables.advantage(a, b, year, level, source, min_rca=min_rca)
        if summary is None:
            return Response(_payload(None))
        return Response(_payload(table, [year], summary=summary))


@extend_schema(
    parameters=[YEAR_REQUIRED, EXPORTER],
    responses=OpenApiTypes.OBJECT,
    summary="Untapped export potential, ranked",
)
class PotentialApi(TradeView):
    def get(self, request: Request) -> Response:
        exporter, importer = _direction(request, services.pair()[1])
        year = query_int(request, "year", bounds=YEARS)
        return Response(_payload(tables.potential(exporter, importer, year), [year]))


@extend_schema(
    parameters=[YEAR_REQUIRED], responses=OpenApiTypes.OBJECT, summary="Linkage candidates"
)
class Linkage(TradeView):
    def get(self, request: Request) -> Response:
        a, b = services.pair()
        year = query_int(request, "year", bounds=YEARS)
        return Response(_payload(tables.linkage(a, b, year), [year]))


@extend_schema(
    parameters=[YEAR], responses=OpenApiTypes.OBJECT, summary="ADB MRIO sector indicators"
)
class Sectors(TradeView):
    def get(self, request: Request) -> Response:
        year = query_int(request, "year", 2021, bounds=YEARS)
        table = tables.sectors(year)
        return Response(
            {
                **_payload(table, []),
                "sources": ADB_SOURCE,
            }
        )


class FigureBody(serializers.Serializer):
    """A published figure as its release prints it (the document of the POST; the rules that
    join fields — declarant and partner differ, a focal point enters its own side's — are
    checked by the service and answered with a 400 naming the field)."""

    period = serializers.RegexField(
        r"^\d{4}(-(Q[1-4]|H[12]|\d{2}(\.\.\d{2})?))?$",
        help_text="2025, 2025-Q3, 2025-H1, 2025-01..10",
    )
    declarant = serializers.ChoiceField(choices=settings.LIENKET_COUNTRIES)
    partner = serializers.ChoiceField(choices=settings.LIENKET_COUNTRIES)
    flow = serializers.ChoiceField(choices=Flow.values)
    value = serializers.RegexField(
        r"^\d{1,12}([.,]\d{1,6})?$", help_text="as printed: 2300 or 2300.5"
    )
    unit = serializers.ChoiceField(choices=Unit.values)
    source_title = serializers.CharField(max_length=300)
    source_url = serializers.URLField(required=False)
    published = serializers.DateField(required=False)
    product_group = serializers.CharField(required=False, max_length=200)
    qualifier = serializers.ChoiceField(choices=Qualifier.values, required=False)
    stated_growth_pct = serializers.CharField(required=False, max_length=20)
    confirm = serializers.BooleanField(
        required=False, help_text="keep a figure that fails a plausibility check (else 409)"
    )


PERIOD_PATTERN = r"^(19|20|21)\d{2}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]|01\.\.(0[1-9]|1[0-2])))?$"


@extend_schema(
    parameters=[
        OpenApiParameter(
            "period",
            {
                "type": "string",
                "pattern": PERIOD_PATTERN,
            },
            required=True,
            description="2024, 2025-Q3, 2025-H1, 2025-03 or 2025-01..10",
        ),
        OpenApiParameter(
            "declarant",
            {"type": "string", "enum": settings.LIENKET_COUNTRIES},
            required=True,
            description="ISO 3 of the declarant",
        ),
        OpenApiParameter(
            "flow", {"type": "string", "enum": Flow.values}, description="total, exports or imports"
        ),
    ],
    responses=OpenApiTypes.OBJECT,
    summary="Every release of a declarant's figures for a period, with the checks",
)
class FigureHistory(TradeView):
    def get(self, request: Request) -> Response:
        from lienket.trade import figures

        try:
            period = Period.parse(request.query_params.get("period", "")[:20])
        except ValueError:
            return Response({"period": gettext("Give a period such as 2024 or 2025-01..10.")},
                            status=400)  # fmt: skip
        declarant = request.query_params.get("declarant", "")[:3].upper()
        if declarant not in services.pair():
            return Response({"declarant": gettext("unknown declarant")}, status=400)
        flow = request.query_params.get("flow") or None
        if flow not in (None, *Flow.values):
            return Response({"flow": gettext("total, exports or imports")}, status=400)
        return Response({"period": str(period), "declarant": declarant,
                         "releases": figures.history(period, declarant, flow)})  # fmt: skip


@extend_schema(
    request=FigureBody,
    # a new figure is 201; the same release's figure for the period, updated, is 200
    responses={200: OpenApiTypes.OBJECT, 201: OpenApiTypes.OBJECT},
    summary="Published figures: list (anyone); add one (focal points and stewards)",
    description=(
        "POST fields: period (2025, 2025-Q3, 2025-01..10), declarant, partner, flow "
        "(exports, imports, total), value (text as printed), unit, source_title, source_url, "
        "published (YYYY-MM-DD), product_group (optional). Errors name the field."
    ),
)
class Figures(TradeView):
    def get(self, request: Request) -> Response:
        from lienket.trade import figures

        table = tables.published()
        checks = [{"figure": c.figure.pk, "period": str(c.figure.period),
                   "declarant": c.figure.declarant, "flow": c.figure.flow,
                   "kind": c.notice.kind, "text": c.text} for c in figures.checks()]  # fmt: skip
        return Response({**_payload(table, []), "checks": checks,
                         "sources": "published releases, cited per row"})  # fmt: skip

    def post(self, request: Request) -> Response:
        from lienket.trade import figures

        allowed = roles.figure_declarants(request.user, list(services.pair()))
        if not allowed:
            raise PermissionDenied
        data = request.data if hasattr(request.data, "get") else {}
        row = {k: str(data.get(k, "") or "") for k in (*figures.COLUMNS, *figures.OPTIONAL)}
        checked = figures.check_row(row, "request")
        errors = {e.field or "non_field_errors": e.text(gettext) for e in checked.errors}
        if not errors and checked.values["declarant"] not in allowed:
            errors["declarant"] = gettext("you may enter figures declared by %(allowed)s only") % {
                "allowed": ", ".join(allowed)
            }
        if errors:
            return Response(errors, status=400)
        confirm = str(data.get("confirm", "")).lower() in ("1", "true", "yes")
        try:
            figure, created = figures.add_figure(checked.values, request.user, confirm=confirm)
        except figures.ConfirmationNeededError as exc:
            return Response(
                {"confirmation_needed": [n.text() for n in exc.notices],
                 "detail": gettext("Nothing was saved; send it again with confirm=true to keep "
                                   "it.")},
                status=409,
            )  # fmt: skip
        return Response(
            {"id": figure.pk, "period": str(figure.period), "value_usd": figure.value_usd,
             "created": created},
            status=201 if created else 200,
        )  # fmt: skip


@extend_schema(responses=OpenApiTypes.OBJECT, summary="Progress of an uploaded trade file")
class ImportStatus(APIView):
    permission_classes = [TradeUploader]

    def get(self, request: Request, pk: int) -> Response:
        from django.shortcuts import get_object_or_404

        from lienket.trade.models import TradeImport

        job = get_object_or_404(TradeImport, pk=pk)
        return Response(
            {
                "id": job.pk,
                "file": job.file_name,
                "state": job.state,
                "state_label": str(job.get_state_display()),
                "percent": job.percent,
                "done_bytes": job.done,
                "total_bytes": job.total,
                "finished": job.finished_or_failed,
                "result": job.result,
                "error_count": job.error_count,
            }
        )

"""Read-only API of the Committee's commitments: the same rows as ``lienket commitments list``
(issue 27), for the government roles."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lienket.core import roles
from lienket.core.pages import today
from lienket.governance import commitments


class GovernmentReader(BasePermission):
    def has_permission(self, request: Any, view: Any) -> bool:
        return request.method in SAFE_METHODS and roles.can_read_reports(request.user)


@extend_schema(
    parameters=[
        OpenApiParameter(
            "session",
            {"type": "integer", "minimum": 1, "maximum": 999},
            description="only this session's commitments (its number)",
        ),
    ],
    responses=OpenApiTypes.OBJECT,
    summary="The Committee's commitments with their status, progress, target and actual value",
)
class Commitments(APIView):
    permission_classes = [GovernmentReader]

    def get(self, request: Request) -> Response:
        raw = request.query_params.get("session", "")
        if raw and not (raw.isdigit() and 1 <= int(raw) <= 999):
            return Response({"session": "a session number from 1 to 999"}, status=400)
        on = today()
        rows = commitments.rows(on, int(raw) if raw else None)
        return Response({"as_of": on.isoformat(), "commitments": rows})

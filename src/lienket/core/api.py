"""The one place where domain errors become HTTP responses in the API."""

from typing import Any

from django.utils.translation import gettext
from rest_framework import status
from rest_framework.exceptions import ParseError, Throttled
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler

from lienket.core.throttle import RateLimitError
from lienket.engine.errors import DataError


def exception_handler(exc: Exception, context: Any) -> Response | None:
    if isinstance(exc, DataError):
        errors = [
            {"file": e.file, "row": e.row, "column": e.field, "message": e.text(gettext)}
            for e in exc.errors
        ]
        return Response({"errors": errors}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, RateLimitError):
        exc = Throttled(exc.wait)
    return drf_handler(exc, context)


#: calendar years lienket accepts in a query (a year beyond them reached DuckDB as an overflow)
YEARS = (1900, 2100)


def query_int(
    request: Any,
    name: str,
    default: int | None = None,
    choices: tuple[int, ...] = (),
    bounds: tuple[int, int] = (-(2**31), 2**31 - 1),
) -> int:
    """An integer query parameter; missing (without a default), malformed, outside ``bounds``
    or not one of ``choices`` (when given) is a 400 naming the parameter."""
    raw = request.query_params.get(name)
    if raw is None:
        if default is None:
            raise ParseError(f"{name} is required")
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ParseError(f"{name} must be a whole number") from None
    if choices and value not in choices:
        raise ParseError(f"{name} must be one of {', '.join(map(str, choices))}")
    if not bounds[0] <= value <= bounds[1]:
        raise ParseError(f"{name} must be between {bounds[0]} and {bounds[1]}")
    return value


class Pagination(LimitOffsetPagination):
    """``?limit=&offset=`` pages of at most 500 rows, so one request cannot pull everything; a
    limit or offset that is not a whole number in range is a 400 (issue 24: it was ignored)."""

    default_limit = 50
    max_limit = 500
    max_offset = 2**31 - 1

    def get_limit(self, request: Any) -> int:
        if self.limit_query_param not in request.query_params:
            return self.default_limit
        return query_int(request, self.limit_query_param, bounds=(1, self.max_limit))

    def get_offset(self, request: Any) -> int:
        if self.offset_query_param not in request.query_params:
            return 0
        return query_int(request, self.offset_query_param, bounds=(0, self.max_offset))

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {"name": self.limit_query_param, "required": False, "in": "query",
             "description": "rows per page (1 to 500; 50 if left out)",
             "schema": {"type": "integer", "minimum": 1, "maximum": self.max_limit}},
            {"name": self.offset_query_param, "required": False, "in": "query",
             "description": "rows to skip",
             "schema": {"type": "integer", "minimum": 0, "maximum": self.max_offset}},
        ]  # fmt: skip

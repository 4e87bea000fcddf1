"""The one place where domain errors become HTTP responses in the API."""

from typing import Any

from django.utils.translation import gettext
from rest_framework import status
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler

from lienket.engine.errors import DataError


def exception_handler(exc: Exception, context: Any) -> Response | None:
    if isinstance(exc, DataError):
        errors = [
            {"file": e.file, "row": e.row, "column": e.field, "message": e.text(gettext)}
            for e in exc.errors
        ]
        return Response({"errors": errors}, status=status.HTTP_400_BAD_REQUEST)
    return drf_handler(exc, context)


class Pagination(LimitOffsetPagination):
    """``?limit=&offset=`` pages of at most 500 rows, so one request cannot pull everything."""

    default_limit = 50
    max_limit = 500

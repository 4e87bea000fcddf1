"""The API matches its OpenAPI document (issue 12): schemathesis generates requests for every
operation from the document itself and sends them through the real application (WSGI), as a
steward and as an enterprise user; no answer may be a server error or differ from what the
document says it returns. The number of examples per operation is bounded (``EXAMPLES``)."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)
from tests.conftest import _user

from lienket.core import tokens

EXAMPLES = 8
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


# the document as the application serves it (no database is needed to build it)
schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture(autouse=True)
def _in_process(registry, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_CLASSES": [],  # thousands of requests in a few seconds
    }
    # as Django's test client does: the requests share the test's connection and transaction,
    # which the end of each request must not close
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def steward_token(registry):
    return tokens.issue(_user("api-steward"))


@pytest.fixture
def firm_token(registry):
    user = _user("api-firm", "enterprise", enterprise=registry["vn"])
    return tokens.issue(user)


def _headers(token: str) -> dict[str, str]:
    # the in-process transport does not unpack gzip: ask for the plain body
    return {"Authorization": f"Token {token}", "Accept-Encoding": "identity"}


BOUNDED = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)


@schema.parametrize()
@BOUNDED
def test_every_operation_answers_a_steward_as_documented(case, steward_token):
    case.call_and_validate(headers=_headers(steward_token), checks=CHECKS)


@schema.parametrize()
@BOUNDED
def test_every_operation_answers_an_enterprise_user_as_documented(case, firm_token):
    case.call_and_validate(headers=_headers(firm_token), checks=CHECKS)

"""The API matches its OpenAPI document (issues 12 and 24): schemathesis generates requests for
every operation from the document itself, valid and invalid, and sends them through the real
application (WSGI), as a steward and as an enterprise user, with every check it has: no server
error, every status code, content type and body as documented, schema-valid input accepted and
invalid input refused, authentication enforced. ``EXAMPLES`` per operation, a fixed seed."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance
from tests.conftest import _user

from lienket.core import tokens

EXAMPLES = 50


# the document as the application serves it (no database is needed to build it)
# (loaded at collection, before any fixture: the API throttles count in an in-process cache)
with override_settings(
    CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
):
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
    CURRENT["token"] = tokens.issue(_user("api-steward"))
    return CURRENT["token"]


@pytest.fixture
def firm_token(registry):
    user = _user("api-firm", "enterprise", enterprise=registry["vn"])
    CURRENT["token"] = tokens.issue(user)
    return CURRENT["token"]


#: the token of the persona the running test acts as (set by its fixture)
CURRENT: dict[str, str] = {}


@schema.auth(refresh_interval=None)
class PersonaToken:
    """Schemathesis's own auth provider, so that its authentication checks can leave the token
    out or spoil it and expect a refusal."""

    def get(self, case, context):
        return CURRENT.get("token", "")

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), "Authorization": f"Token {data}"}


# the in-process transport does not unpack gzip: ask for the plain body
HEADERS = {"Accept-Encoding": "identity"}


BOUNDED = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)


#: writes whose validity joins fields or reference data the document cannot express (a province
#: of the firm's own country, an HS code of the edition's catalogue, a tax id in its country's
#: format, a declarant other than the partner and the caller's own side, the next status of
#: the match's workflow, consent only for one's own firm): every other check runs on them, and
#: their refusals are tested one by one in tests/registry, tests/trade and tests/linkage
JOINED_RULES = {
    "POST /api/enterprises/", "PUT /api/enterprises/{id}/", "PATCH /api/enterprises/{id}/",
    "POST /api/trade/figures/", "POST /api/matches/{id}/steps/",
    "POST /api/matches/{id}/disclosure/",
}  # fmt: skip


def _validate(case):
    joined = case.operation.label in JOINED_RULES
    case.call_and_validate(
        headers=HEADERS, excluded_checks=[positive_data_acceptance] if joined else None
    )


@schema.parametrize()
@BOUNDED
def test_every_operation_answers_a_steward_as_documented(case, steward_token):
    _validate(case)


@schema.parametrize()
@BOUNDED
def test_every_operation_answers_an_enterprise_user_as_documented(case, firm_token):
    _validate(case)

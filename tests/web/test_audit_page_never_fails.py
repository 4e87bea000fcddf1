"""Issue 24: the audit page failed (500) on a change recorded for a reverse relation; it must
render every kind of recorded change, for every field of every model, whatever the values."""

from __future__ import annotations

import pytest
from django.apps import apps
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lienket.core.models import AuditEvent
from lienket.web.auditlog import readable_changes

pytestmark = pytest.mark.django_db

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)

FIELDS = [
    (model._meta.model_name, field.name)
    for model in apps.get_models()
    for field in model._meta.get_fields(include_hidden=True)
]


def test_every_field_of_every_model_is_covered():
    kinds = {type(f).__name__ for m in apps.get_models() for f in m._meta.get_fields()}
    assert {"ManyToOneRel", "ManyToManyField", "ForeignKey"} <= kinds
    assert len(FIELDS) > 300


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    where=st.sampled_from(FIELDS),
    before=JSON,
    after=JSON,
    shape=st.sampled_from(["pair", "one", "odd"]),
)
def test_any_recorded_change_reads(where, before, after, shape):
    model, field = where
    value = {"pair": [before, after], "one": after, "odd": [before, after, before]}[shape]
    event = AuditEvent(object_type=model, object_id="1", action="updated", changes={field: value})
    (row,) = readable_changes(event)
    assert isinstance(row[0], str) and row[0]


def test_the_page_renders_every_field_of_every_model(client_for, steward):
    values = [None, "", "x", 7, 2.5, True, [1, "a"], {"k": 1}, ["a", "b", "c"]]
    AuditEvent.objects.bulk_create(
        AuditEvent(object_type=model, object_id="1", action="updated", actor_label="t",
                   changes={field: [values[i % len(values)], values[(i + 3) % len(values)]]})
        for i, (model, field) in enumerate(FIELDS)
    )  # fmt: skip
    AuditEvent.objects.create(object_type="enterprise", action="deleted", changes=["odd"])
    client = client_for(steward)
    pages = (len(FIELDS) + 1) // 100 + 1
    for page in range(1, pages + 1):
        assert client.get("/audit/", {"page": page}).status_code == 200


def test_products_changed_through_the_api_then_the_audit_page(
    client_for, registry, steward, vn_focal
):
    vn = registry["vn"]
    client = client_for(steward)
    answer = client.patch(f"/api/enterprises/{vn.pk}/", {"product_codes": ["252310"],
                          "input_codes": ["2521", "2507"]}, content_type="application/json")  # fmt: skip
    assert answer.status_code == 200, answer.content
    assert client.get("/audit/").status_code == 200
    assert client_for(vn_focal).get("/audit/").status_code == 200

"""One text rule on every way in: control and bidi-override characters refused by the form, the
API and the importer, long texts limited, and downloads that never fail on stored data
(issue 12, part 7)."""

import io

import pytest
from openpyxl import load_workbook
from tests.conftest import make_firm

from lienket.engine.cleantext import DEFAULT_MAX_CHARS, first_unsafe, visible
from lienket.engine.errors import DataError
from lienket.engine.io.tabular import read_table
from lienket.registry.exports import enterprises_xlsx
from lienket.registry.models import Enterprise

HOSTILE = [
    ("\x00", "U+0000"),
    ("\x07", "U+0007"),
    ("\x1b", "U+001B"),
    ("\x85", "U+0085"),
    ("\u202e", "U+202E"),  # right-to-left override: "exe.txt" shows as "txt.exe"
    ("\u2066", "U+2066"),
]


@pytest.mark.parametrize(("char", "code"), HOSTILE)
def test_the_rule_names_the_first_unsafe_character(char, code):
    found = first_unsafe(f"Công ty{char} A")
    assert (found.codepoint, found.position) == (code, 8)


@pytest.mark.parametrize(
    "text", ["Công ty Hòa Phát", "ບໍລິສັດ\u200bນົມ", "line one\nline two\ttab\r\n", "≥ 10 % · “A”"]
)
def test_ordinary_text_passes(text):
    assert first_unsafe(text) is None


def test_visible_writes_out_what_it_would_refuse():
    assert visible("A\x07B\u202eC") == "A[U+0007]B[U+202E]C"


def _csv(text):
    return io.BytesIO(text.encode("utf-8"))


def test_the_reader_refuses_a_control_character_by_row_and_column():
    data = _csv("name,province\nCông ty A,42\nCông ty\x00 B,4\u202e2\n")
    with pytest.raises(DataError) as refused:
        read_table(data, "firms.csv", ("name", "province"))
    places = [(e.row, e.field, dict(e.params)["char"]) for e in refused.value.errors]
    assert places == [(3, "name", "U+0000"), (3, "province", "U+202E")]


def test_the_reader_refuses_a_huge_field_without_crashing():
    data = _csv("name,province\n" + "x" * 200_000 + ",42\n")
    with pytest.raises(DataError) as refused:
        read_table(data, "firms.csv", ("name", "province"))
    (error,) = refused.value.errors
    assert (error.row, error.field, dict(error.params)["limit"]) == (2, "name", DEFAULT_MAX_CHARS)


def test_the_form_refuses_a_bidi_override_and_saves_nothing(client_for, registry, vn_focal):
    response = client_for(vn_focal).post(
        "/enterprises/new/",
        {
            "country": "VNM",
            "name_vi": "Công ty \u202eX",
            "province_code": "42",
            "sector": "industry",
            "hs_edition": "HS2017",
        },
    )
    assert response.status_code == 200
    assert "U+202E" in response.context["form"].errors["name_vi"][0]
    assert (
        not Enterprise.objects.filter(name_vi__startswith="Công ty")
        .exclude(pk__in=[f.pk for f in registry.values()])
        .exists()
    )


@pytest.mark.parametrize(("char", "code"), [("\x07", "U+0007"), ("\u202d", "U+202D")])
def test_the_api_refuses_a_control_character(client_for, registry, vn_focal, char, code):
    response = client_for(vn_focal).post(
        "/api/enterprises/",
        {"country": "VNM", "name_en": f"Firm{char}", "province_code": "42", "sector": "industry"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert code in str(response.json())


def test_the_api_refuses_a_description_over_the_limit(client_for, registry, enterprise_user):
    vn = registry["vn"]
    response = client_for(enterprise_user).patch(
        f"/api/enterprises/{vn.pk}/",
        {"description": "x" * (DEFAULT_MAX_CHARS + 1)},
        content_type="application/json",
    )
    assert response.status_code == 400
    vn.refresh_from_db()
    assert len(vn.description) <= DEFAULT_MAX_CHARS


def test_an_export_of_a_stored_control_character_still_downloads(client_for, registry, steward):
    make_firm("VNM", "Công ty\x07 chuông", "42")  # stored before the rule, straight to the ORM
    data = enterprises_xlsx(Enterprise.objects.prefetch_related("products"))
    names = [c.value for row in load_workbook(io.BytesIO(data)).active.iter_rows() for c in row]
    assert "Công ty[U+0007] chuông" in names
    response = client_for(steward).get("/enterprises/export.xlsx")
    assert response.status_code == 200

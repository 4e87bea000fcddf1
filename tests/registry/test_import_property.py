"""Property tests of the enterprise import: for any sheet, every row is saved exactly as the
check reported, or nothing is; and nothing saved breaks a page, the API or the export."""

from __future__ import annotations

import io
from decimal import Decimal

from django.urls import reverse
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from lienket.engine.errors import DataError
from lienket.registry.importers import import_enterprises
from lienket.registry.models import Enterprise, EnterpriseProduct

COLUMNS = ("country", "name_vi", "name_lo", "name_en", "tax_id", "province", "sector",
           "employees", "annual_revenue", "products")  # fmt: skip

# every character a spreadsheet cell can hold (XLSX cannot carry control characters)
letters = st.characters(exclude_categories=("Cc", "Cs"))
GOOD = {
    "number": st.one_of(
        st.just(""),
        st.integers(min_value=0, max_value=10**17).map(str),
        st.integers(min_value=0, max_value=10**6),
        st.sampled_from(["1,234,567", "1.234.567", "12.0"]),
    ),
    "name": st.one_of(
        st.text(letters, min_size=1, max_size=30).filter(lambda t: not t.startswith("=")),
        st.sampled_from(["Công ty Thép Sông Lam", "ບໍລິສັດ ກາເຟ ດາວ", "Dao\u200b Coffee"]),
    ),
    "country": st.sampled_from(["VNM", "LAO"]),
    "sector": st.sampled_from(["industry", "agriculture"]),
    "products": st.sampled_from(["", "7214", "0901 090111", "72142000"]),
}
BAD = {
    "number": st.one_of(
        st.integers(min_value=10**18, max_value=10**25).map(str),
        st.sampled_from(["NaN", "inf", "1e40", "2.500", "1,5", "12,5", "-3", "0.5"]),
        st.floats(allow_nan=True, allow_infinity=True),
    ),
    "name": st.one_of(st.just("=1+1"), st.text(letters, min_size=250, max_size=300)),
    "country": st.sampled_from(["KHM", "", "xx"]),
    "sector": st.just("magic"),
    "products": st.sampled_from(["810.1", "999999", "12"]),
}
PLACES = {
    "VNM": ["Nghệ An", "TP.HCM", "Hà Tây", "Ho Chi Minh City"],
    "LAO": ["Champassak", "Attapu", "ສະຫວັນນະເຂດ"],
}
SPELLINGS = {"VNM": ["VNM", "Vietnam", "Việt Nam"], "LAO": ["LAO", "Laos", "CHDCND Lào"]}


@st.composite
def rows(draw: st.DrawFn, clean: bool) -> dict[str, object]:
    """One sheet row; a ``clean`` row holds only values an import can read (in any form),
    any other row may hold a bad value in any column."""

    def pick(kind: str) -> object:
        bad = not clean and draw(st.integers(0, 9)) == 0
        return draw(BAD[kind] if bad else GOOD[kind])

    country = pick("country")
    home = country if country in PLACES else "VNM"
    bad_place = not clean and draw(st.integers(0, 9)) == 0
    return {
        "country": draw(st.sampled_from(SPELLINGS[country])) if country in PLACES else country,
        "name_vi": pick("name"),
        "name_lo": pick("name"),
        "name_en": pick("name"),
        "tax_id": "",
        "province": "Atlantis" if bad_place else draw(st.sampled_from(PLACES[home])),
        "sector": pick("sector"),
        "employees": pick("number"),
        "annual_revenue": pick("number"),
        "products": pick("products"),
    }


def sheet(data: list[dict[str, object]]) -> io.BytesIO:
    wb = Workbook()
    wb.active.append(list(COLUMNS))
    for row in data:
        wb.active.append([row[c] for c in COLUMNS])
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return buf


def state() -> tuple[int, int]:
    return Enterprise.objects.count(), EnterpriseProduct.objects.count()


def check_then_import(steward, client, data) -> None:
    before = state()
    try:
        check = import_enterprises(sheet(data), "p.xlsx", steward, dry_run=True)
    except DataError:
        check = None
    assert state() == before  # a check saves nothing
    existing = set(Enterprise.objects.values_list("pk", flat=True))
    try:
        result = import_enterprises(sheet(data), "p.xlsx", steward)
    except DataError as exc:
        assert check is None, f"the check passed but the import failed: {exc}"
        assert state() == before  # all rows or none
        event("refused")
        return
    event("saved")
    assert check is not None and result.created == check.checked == len(data)
    new = Enterprise.objects.exclude(pk__in=existing)
    assert new.count() == len(data)
    for firm in new:
        firm.full_clean()  # within every database constraint, as read back
        assert firm.employees is None or 0 <= firm.employees < 2**31
        revenue = firm.annual_revenue
        assert revenue is None or (revenue == revenue.to_integral_value() < Decimal(10) ** 18)
    client.force_login(steward)
    assert client.get(reverse("enterprise-list")).status_code == 200
    assert client.get(reverse("enterprise-export")).status_code == 200
    assert client.get("/api/enterprises/").status_code == 200
    for firm in new:
        assert client.get(reverse("enterprise-detail", args=[firm.pk])).status_code == 200


PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@PROPERTY
@given(data=st.lists(rows(clean=False), min_size=1, max_size=3))
def test_any_sheet_is_saved_as_checked_or_not_at_all(zones, steward, client, data):
    check_then_import(steward, client, data)


@PROPERTY
@given(data=st.lists(rows(clean=True), min_size=1, max_size=3))
def test_readable_sheets_are_saved_and_break_nothing(zones, steward, client, data):
    check_then_import(steward, client, data)

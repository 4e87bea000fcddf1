"""The cited projects keep what the sources printed; the demo portfolio is marked fictional."""

from decimal import Decimal

import pytest

from lienket.projects import demo, reference
from lienket.projects.models import Allocation, Project, Statement, Status, TariffCeiling


@pytest.mark.parametrize(
    ("text", "number"),
    [("290", Decimal(290)), ("1,900", Decimal(1900)), ("~112", Decimal(112)),
     ("230 (EVN documents call it 220)", Decimal(230)), ("~497-500", None), (">500", None),
     ("95 (total approval) / 30.3 (Lao grant 0234)", None), ("1,2", None), ("", None)],
)  # fmt: skip
def test_only_a_single_published_number_is_read(text, number):
    assert reference.published_number(text) == number


def test_the_cited_rows_load_with_their_sources_and_flags(cited):
    assert Project.objects.filter(kind="power").count() == 30
    assert Project.objects.filter(kind="aid").count() == 22  # D08, D09 are statements
    assert Statement.objects.filter(topic="aid").count() == 2
    assert not Project.objects.filter(fictional=True).exists()
    monsoon = Project.objects.get(code="P04")
    assert monsoon.installed_mw == 600 and monsoon.operation_year == 2025
    assert monsoon.verified == "partial" and monsoon.note
    assert monsoon.sources and monsoon.sources[0]["url"].startswith("http")
    # a figure two sources give differently stays as printed, and no number is read from it
    hospital = Project.objects.get(code="D02")
    assert hospital.budget is None and hospital.budget_as_published == "~497-500 VND billion"
    assert hospital.budget_usd_published == Decimal("21320000")
    assert Project.objects.get(code="D01").status == Status.COMPLETED
    # Nam Kong 3 began selling to Viet Nam when the connection was energised (2023)
    assert Project.objects.get(code="P14").operation_year == 2023
    hydro_now = TariffCeiling.objects.get(technology="hydro", valid_from__isnull=False)
    assert hydro_now.us_cents == Decimal("6.78") and hydro_now.statement.code == "A14"


FIELDS = ("code", "kind", "status", "budget", "currency", "installed_mw", "operation_year",
          "tariff_us_cents", "province_code", "sources", "verified")  # fmt: skip


def test_loading_again_changes_nothing(cited):
    before = list(Project.objects.order_by("code").values_list(*FIELDS))
    statements = list(Statement.objects.order_by("code").values_list("code", "figure"))
    again = reference.load()
    assert again == cited
    assert list(Project.objects.order_by("code").values_list(*FIELDS)) == before
    assert list(Statement.objects.order_by("code").values_list("code", "figure")) == statements
    assert TariffCeiling.objects.count() == cited.ceilings


def test_targets_are_read_from_the_statement_text():
    assert reference.targets("3,000 (2025) / 5,000 (2030)") == [
        (2025, Decimal(3000)), (2030, Decimal(5000))]  # fmt: skip
    assert reference.targets("19 PPAs / 26 plants / ~2,240") == []


def test_the_demo_portfolio_is_fictional_and_loads_once(portfolio):
    assert portfolio is not None
    fictional = Project.objects.filter(fictional=True)
    assert fictional.count() == len(demo.AID) + len(demo.INVESTMENT)
    assert not Allocation.objects.filter(fictional=False).exists()
    assert not Allocation.objects.filter(project__fictional=False).exists()
    assert demo.load() is None

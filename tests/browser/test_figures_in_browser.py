"""A focal point enters published totals and sees the turnover's target status change."""

import re

import pytest

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def enter(page, url, period, value):
    page.goto(f"{url}/trade/figures/")
    page.fill("#id_period", period)
    page.select_option("#id_declarant", "VNM")
    page.select_option("#id_partner", "LAO")
    page.select_option("#id_flow", "total")
    page.fill("#id_value", value)
    page.select_option("#id_unit", "USD million")
    page.fill("#id_source_title", "Bộ Công Thương, thông cáo báo chí")
    page.fill("#id_source_url", "https://moit.gov.vn/release")
    page.fill("#id_published", "2026-01-15")
    page.click("#figure-form button[value=add]")
    page.wait_for_selector("p.messages[role=status]")


def status_of(page, url, period):
    page.goto(f"{url}/trade/")
    row = (
        page.locator("table.data tr")
        .filter(has=page.locator("td:first-child", has_text=re.compile(rf"^{period}$")))
        .filter(has=page.locator("span.status"))  # the turnover table, not the releases
    )
    return row.first.locator("span.status")


def test_a_published_figure_changes_the_target_status(
    page, live_server, vn_focal, settings, tmp_path
):
    settings.LIENKET_TRADE_DIR = tmp_path / "empty-store"  # published figures only
    url = live_server.url
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", vn_focal.username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(re.escape(url) + r"/(on-target/)?$"))  # where the role lands

    enter(page, url, "2024", "2200")
    enter(page, url, "2025", "2300")  # +4.5 %: below the band of 2,420-2,530 million
    status = status_of(page, url, "2025")
    assert "below" in status.get_attribute("class")
    assert "2,420,000,000" in page.inner_text("main")
    assert "Products traded" not in page.inner_text(
        "main"
    )  # no statistics file is loaded  # the band's low end, stated

    enter(page, url, "2025", "2450")  # the same release corrected: +11.4 %
    status = status_of(page, url, "2025")
    assert "within" in status.get_attribute("class")
    assert status_of(page, url, "2024").get_attribute("class").endswith("base")

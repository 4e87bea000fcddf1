"""A focal point logs in, reads Lao, creates a firm and finds it without typing accents."""

import re

import pytest

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_logs_in_switches_to_lao_creates_and_finds_an_enterprise(
    page, live_server, zones, vn_focal
):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", vn_focal.username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(
        re.compile(re.escape(live_server.url) + r"/(on-target/)?$")
    )  # where the role lands

    page.select_option("#language", "lo")  # submits itself (lienket.js)
    page.wait_for_function("document.documentElement.lang === 'lo'")
    assert "ເປົ້າໝາຍ" in page.inner_text("h1")  # "are we on target?", where a focal point lands
    assert "ວິສາຫະກິດ" in page.inner_text("header nav")

    page.goto(f"{live_server.url}/enterprises/new/")
    page.select_option("#id_country", "VNM")
    page.fill("#id_name_vi", "Công ty TNHH Xi măng Đồng Lâm Thử Nghiệm")
    page.fill("#id_tax_id", "0108888888")
    page.select_option("#id_province_code", "42")
    page.select_option("#id_sector", "industry")
    page.check("input[name=stages][value=manufacturing]")
    page.fill("#id_products", "252329")
    page.fill("#id_inputs", "2521, 252310")
    page.click("form.card button[type=submit]")
    page.wait_for_selector("h1:has-text('Đồng Lâm')")
    assert "252329" in page.inner_text("main")

    page.goto(f"{live_server.url}/enterprises/")
    page.fill("#q", "xi mang dong lam")
    page.press("#q", "Enter")
    page.wait_for_selector("#results a:has-text('Đồng Lâm Thử Nghiệm')")
    assert "1" in page.inner_text("#results p[role=status]")

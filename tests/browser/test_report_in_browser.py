"""A Lao focal point writes the next steps, builds the Lao PDF in the background (the page
follows its progress) and downloads it."""

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from lienket.cooperation import demo
from lienket.core.models import JobState
from lienket.reports.models import Report
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
STEPS = "ຈັດກອງປະຊຸມທຸລະກິດຢູ່ນະຄອນຫຼວງວຽງຈັນ"


def test_focal_point_writes_next_steps_builds_the_lao_pdf_and_downloads_it(
    page, live_server, registry, vn_focal, la_focal, settings, tmp_path
):
    settings.LIENKET_TRADE_DIR = tmp_path / "trade"  # no trade files: those sections say so
    demo.load()
    url = live_server.url
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", la_focal.username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.goto(f"{url}/reports/")
    page.fill("#id_period", "2025")
    page.select_option("#id_lang", "lo")
    page.select_option("#id_fmt", "pdf")
    page.fill("#id_next_steps", STEPS)
    page.click("button[name=build]")
    page.wait_for_selector("a[download]", timeout=90_000)  # the page polled until it was built
    report = Report.objects.get()
    assert report.state == JobState.DONE and report.next_steps == STEPS
    with page.expect_download() as info:
        page.click("a[download]")
    assert info.value.suggested_filename == "lienket-report-2025-lo.pdf"
    pdf = pdfium.PdfDocument(Path(info.value.path()).read_bytes())
    text = "".join("".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf)))
    assert STEPS in text

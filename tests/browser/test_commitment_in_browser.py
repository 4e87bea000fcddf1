"""Issue 27: a Lao Cooperation Committee secretariat records an update of a commitment with its
evidence in the browser, in Lao, then builds the implementation report of the 47th session as
HTML, and the report shows the update, its evidence and the new status."""

from __future__ import annotations

import pytest

from lienket.core.models import Role
from lienket.governance import reference
from lienket.governance.models import Commitment
from lienket.reports.models import Report
from tests.browser.test_pictures_in_browser import login
from tests.conftest import _user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NOTE = "ອອກໃບອະນຸຍາດໂຄງການພະລັງງານລົມ 2 ແຫ່ງ"


def test_a_secretariat_updates_a_commitment_and_the_implementation_report_shows_it(
    page, live_server, settings, tmp_path
):
    settings.LIENKET_TRADE_DIR = tmp_path / "trade"
    reference.load()
    secretariat = _user("cc-lao", Role.SECRETARIAT, country="LAO", organisation="CC secretariat")
    url = live_server.url
    login(page, url, secretariat, "lo")
    page.goto(f"{url}/governance/commitments/c47-wind/")
    page.fill("input[name=on]", "2025-11-03")
    page.select_option("select[name=status]", "met")
    page.fill("input[name=progress]", "100")
    page.fill("textarea[name=note]", NOTE)
    page.fill("input[name=evidence]", "https://example.org/wind-licences")
    page.click("form.card button[type=submit] >> nth=-1")
    page.wait_for_url(f"{url}/governance/commitments/c47-wind/")
    assert NOTE in page.inner_text("ol.timeline")
    wind = Commitment.objects.get(code="c47-wind")
    assert (wind.status, wind.progress) == ("met", 100)
    page.goto(f"{url}/reports/")
    page.fill("#id_period", "2025")
    page.fill("#id_session", "47")
    page.select_option("#id_lang", "lo")
    page.select_option("#id_fmt", "html")
    page.click("button[name=build]")
    page.wait_for_selector("a[download]", timeout=90_000)
    report = Report.objects.get()
    assert report.session == 47 and report.created_by_label == "cc-lao"
    html = bytes(report.content).decode()
    assert NOTE in html and "https://example.org/wind-licences" in html
    assert 'class="status on-track"' in html  # met, coloured as on track

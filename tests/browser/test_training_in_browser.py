"""The Lao focal point nominates two trainees, a Viet Nam focal point marks their attendance
and completion, and the certificate downloads as a PDF in Lao and Vietnamese."""

import os
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from lienket.cooperation import demo
from lienket.cooperation.models import Course, Trainee
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ARTEFACTS = Path(os.environ.get("LIENKET_TEST_ARTEFACTS", "var/test-artefacts"))


def _login(page, url, user):
    page.context.clear_cookies()
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")


def test_nominate_attend_and_download_the_certificate(
    page, live_server, registry, vn_focal, la_focal
):
    demo.load()
    url = live_server.url
    first = Trainee.objects.create(name="Bounthanh Phommavong", name_lo="ບຸນທັນ ພົມມະວົງ",
                                   kind="official", organisation="DoIC Savannakhet")  # fmt: skip
    second = Trainee.objects.create(name="Malaythong Sisavath", name_lo="ມາໄລທອງ ສີສະຫວາດ",
                                    kind="official", organisation="IICE")  # fmt: skip
    _login(page, url, la_focal)
    page.goto(f"{url}/cooperation/courses/ts-2026-hs/")
    page.check(f"input[name=trainees][value='{first.pk}']")
    page.check(f"input[name=trainees][value='{second.pk}']")
    page.click("button:has-text('Nominate')")
    page.wait_for_selector("ul.messages li")
    course = Course.objects.get(code="ts-2026-hs")
    assert set(course.nominations.values_list("trainee__name", flat=True)) >= {
        first.name,
        second.name,
    }
    _login(page, url, vn_focal)
    page.goto(f"{url}/cooperation/courses/ts-2026-hs/")
    n = course.nominations.get(trainee=first)
    for s in course.sessions.all():
        page.check(f"input[name='att-{n.pk}-{s.pk}']")
    page.check(f"input[name=completed][value='{n.pk}']")
    page.click("button:has-text('Save attendance and completion')")
    page.wait_for_selector("ul.messages li")
    n.refresh_from_db()
    assert n.certificate and n.attended.count() == 3
    with page.expect_download() as info:
        page.click(f"a:has-text('{n.certificate}')")
    pdf = Path(info.value.path()).read_bytes()
    text = pdfium.PdfDocument(pdf)[0].get_textpage().get_text_range()
    assert "ບຸນທັນ ພົມມະວົງ" in text and "Phân loại HS và số liệu thương mại song phương" in text
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{url}/cooperation/plans/{course.programme.activities.first().plan_id}/")
    page.screenshot(path=str(ARTEFACTS / "work-plan-page.png"), full_page=True)

"""A focal point proposes this year's reallocation and reads before/after; the authorised bodies
of both sides approve it (issue 27: never its proposer, never one side alone), and the project
page shows the new allocation."""

from decimal import ROUND_HALF_UP, Decimal

import pytest

from lienket.projects.models import Allocation, Reallocation
from tests.conftest import PASSWORD
from tests.projects.conftest import cited, portfolio  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, url, user):
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")


def test_both_sides_approve_a_reallocation(page, live_server, la_focal, vn_focal, portfolio):  # noqa: F811
    from lienket.core.models import Role
    from tests.conftest import _user

    second = _user("la-secretariat", Role.FOCAL, country="LAO", organisation="IICE")
    url = live_server.url
    _login(page, url, la_focal)
    page.goto(f"{url}/projects/reallocation/?on=2026-11-23")
    page.fill("#id_year", "2026")
    page.click("main form button[type=submit]")
    page.wait_for_selector("table#lines")
    r = Reallocation.objects.get()
    moved = next(x for x in r.lines.select_related("project") if x.after > x.before)
    row = page.locator("table#lines tr", has_text=moved.project.name_en)
    cells = row.locator("td").all_inner_texts()
    assert moved.project.currency in cells[2] and moved.project.currency in cells[3]
    assert cells[2] != cells[3]  # before and after differ on the page
    assert page.locator("button[value=approve]").count() == 0  # not by its own proposer
    page.context.clear_cookies()
    _login(page, url, vn_focal)
    page.goto(f"{url}/projects/reallocation/{r.pk}/")
    page.fill("#id_note", "Agreed at the joint working group")
    page.click("button[value=approve]")
    page.wait_for_selector("ul.messages li")
    # one side's approval writes nothing; the page says whose is awaited
    assert Allocation.objects.get(project=moved.project, year=2026).amount == moved.before
    assert page.locator("ul.decisions li").count() == 2
    page.context.clear_cookies()
    _login(page, url, second)
    page.goto(f"{url}/projects/reallocation/{r.pk}/")
    page.click("button[value=approve]")
    page.wait_for_selector("ul.messages li")
    assert Allocation.objects.get(project=moved.project, year=2026).amount == moved.after
    page.goto(f"{url}/projects/{moved.project.code}/?on=2026-11-23")
    year_row = page.locator("main table tr", has_text="2026").first.locator("td").all_inner_texts()
    shown = year_row[1].replace(",", "").replace(".", "").replace("\u202f", "").replace(" ", "")
    assert shown == str(int(moved.after.quantize(Decimal(1), ROUND_HALF_UP)))

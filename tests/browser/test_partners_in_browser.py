"""An enterprise user shortlists a partner in the browser; the other enterprise sees it."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page, url, username):
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{url}/")


def test_shortlisting_a_suggestion_reaches_the_other_enterprise(browser, live_server, pair):
    url = live_server.url
    tyre, rubber = pair["firms"]["tyre"], pair["firms"]["rubber"]
    contexts = [browser.new_context(locale="en-GB"), browser.new_context(locale="en-GB")]
    try:
        _walk(url, contexts, tyre, rubber)
    finally:
        for context in contexts:
            context.close()


def _walk(url, contexts, tyre, rubber):
    first = contexts[0].new_page()
    login(first, url, "tyre-user")
    first.goto(f"{url}/partners/")
    first.wait_for_url(f"{url}/partners/{tyre.pk}/")
    row = first.locator("tr", has_text=rubber.name_lo)
    row.locator("button", has_text="Shortlist").click()
    first.wait_for_selector("h2:has-text('History')")
    assert "Shortlisted" in first.inner_text("main")

    second = contexts[1].new_page()
    login(second, url, "rubber-user")
    second.goto(f"{url}/matches/")
    assert "Công ty Lốp xe Thử" in second.inner_text("main")
    second.click("td a:has-text('Shortlisted')")
    second.select_option("select[name=status]", "contacted")
    second.fill("input[name=note]", "called on Monday")
    second.click("main form:has(select[name=status]) button[type=submit]")
    second.wait_for_selector("li:has-text('called on Monday')")

    first.reload()
    assert "called on Monday" in first.inner_text("main")

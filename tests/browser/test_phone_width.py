"""Issue 26: at 390 px (a phone) the menu broke mid-word and the header took a third of the
screen. Now the menu is one row of whole words that scrolls sideways, the header stays short,
and no page is wider than the phone."""

from __future__ import annotations

import pytest

from tests.browser.test_pictures_in_browser import demo, login, overflow  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("lang", ["vi", "lo"])
def test_the_menu_and_header_are_usable_on_a_phone(page, live_server, steward, lang):
    url = live_server.url
    login(page, url, steward, lang)
    page.set_viewport_size(PHONE)
    for path in ("/on-target/", "/enterprises/", "/trade/", "/projects/"):
        page.goto(f"{url}{path}")
        header = page.locator("header.top").bounding_box()
        assert header and header["height"] < PHONE["height"] / 4, (path, header)
        heights = page.eval_on_selector_all(
            "header.top nav a", "links => links.map(a => a.getBoundingClientRect().height)"
        )
        single = min(heights)
        assert heights and max(heights) < 1.6 * single, (path, heights)  # no word broken
        assert overflow(page) == 0, path
        # the last link can be reached: the menu scrolls sideways instead of wrapping
        last = page.locator("header.top nav a").last
        last.scroll_into_view_if_needed()
        assert last.is_visible()

"""Issue 26, part 3: the "are we on target?" dashboard in a real browser, in Vietnamese and Lao:
each commitment's status is a coloured badge with its word, the same statuses as
``governance.glance`` gives, the Lao words drawn in a Lao font, nothing wider than the window."""

from __future__ import annotations

import pytest
from django.utils import translation

from lienket.core.pages import today
from lienket.governance import glance
from tests.browser.test_pictures_in_browser import demo, login, overflow  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("lang", ["vi", "lo"])
def test_the_landing_dashboard_in_vietnamese_and_lao(page, live_server, reader, lang):
    url = live_server.url
    login(page, url, reader, lang)
    page.goto(f"{url}/on-target/?year=2024")
    badges = page.eval_on_selector_all(
        "section.commitment span.status",
        """spans => spans.map(s => ({status: s.dataset.status, text: s.textContent.trim(),
            background: getComputedStyle(s).backgroundColor,
            font: getComputedStyle(s).fontFamily, width: s.getBoundingClientRect().width}))""",
    )
    with translation.override(lang):
        expected = glance.commitments(2024, today(), lang)
        labels = [i.status_label for i in expected]
    assert [b["status"] for b in badges] == [i.status for i in expected]
    for badge, label in zip(badges, labels, strict=True):
        assert badge["text"] == label and badge["width"] > 0
        assert badge["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
    colours = {b["status"]: b["background"] for b in badges}
    assert len(set(colours.values())) == len(colours)  # one colour per status
    if lang == "lo":
        assert all("Lao" in b["font"] for b in badges)
    assert overflow(page) == 0
    page.click("section#c-aid h2 a")
    page.wait_for_url(f"{url}/projects/monitoring/**")

"""Issue 26, part 4: the pilot weights in Vietnamese and Lao, in a real browser. The fields
showed empty in vi/lo (the browser refused "0,25" in a number field) and saving gave a 400;
now they show the weights as the reader writes numbers and save what the reader types."""

from __future__ import annotations

import re

import pytest

from lienket.linkage.models import PilotWeights
from tests.browser.test_pictures_in_browser import demo, login  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("lang", ["vi", "lo"])
def test_a_focal_point_saves_weights_written_the_local_way(page, live_server, vn_focal, lang):
    url = live_server.url
    login(page, url, vn_focal, lang)
    page.goto(f"{url}/pilots/")
    page.locator("details").first.evaluate("d => d.open = true")
    fields = page.locator("form[method=post].filters input[type=text]")
    assert fields.count() == len(PilotWeights.CRITERIA)
    shown = [fields.nth(i).input_value() for i in range(fields.count())]
    assert all(v != "" for v in shown), shown  # every weight is shown
    assert not any(re.fullmatch(r"\d+\.\d+", v) for v in shown), shown  # a decimal comma
    first = PilotWeights.CRITERIA[0]
    page.fill(f"input[name={first}]", "0,25")
    page.locator("form[method=post].filters button[type=submit]").click()
    page.wait_for_load_state()
    assert getattr(PilotWeights.current(), first) == pytest.approx(0.25)
    page.locator("details").first.evaluate("d => d.open = true")
    assert page.locator(f"input[name={first}]").input_value() == "0,25"

"""Issue 26, part 3: "are we on target?" — the page the government roles land on after login,
answering for the year with the same figures the trade, power, monitoring and work-plan pages
show, each with its source, in the reader's language."""

from __future__ import annotations

import html
import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from lienket.core import formats
from lienket.core.passwords import DEMO_PASSWORD
from lienket.governance import glance
from lienket.projects.models import Kind, Project
from lienket.trade import tables
from lienket.web import landing

pytestmark = pytest.mark.django_db


def test_the_government_roles_land_on_it_and_enterprise_users_do_not(
    demo, client, vn_focal, reader, enterprise_user
):
    for user, where in ((vn_focal, "/on-target/"), (reader, "/on-target/"),
                        (enterprise_user, "/")):  # fmt: skip
        user.set_password(DEMO_PASSWORD + "-x")
        user.save()
        client.logout()
        response = client.post("/accounts/login/", {"username": user.username,
                                                    "password": DEMO_PASSWORD + "-x"},
                               follow=True)  # fmt: skip
        assert response.redirect_chain[-1][0] == where, (user.username, response.redirect_chain)
    assert client.get("/on-target/").status_code == 403  # the enterprise user, still logged in


def test_it_answers_with_the_pages_figures(demo, client_for, reader, monkeypatch):
    monkeypatch.setattr(landing, "today", lambda: date(2025, 11, 30))
    client = client_for(reader)
    client.cookies["django_language"] = "vi"
    page = client.get("/on-target/", {"year": 2022}, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    items = glance.commitments(2022, date(2025, 11, 30), "vi")
    assert {i.key for i in items} >= {"trade-VNM", "trade-LAO", "power", "aid", "workplan",
                                      "training"}  # fmt: skip
    for item in items:  # every commitment with its status and the figure behind it
        card = re.search(rf'id="c-{item.key}".*?</section>', page, re.S)
        assert card, item.key
        assert f'data-status="{item.status}"' in card.group(0)
        assert html.escape(item.figure) in card.group(0)
    # the trade figure is the trade table's, written the Vietnamese way
    row = next(r for r in tables.target_tracking("VNM", "LAO")["VNM"].rows
               if r["period"] == "2022")  # fmt: skip
    assert formats.usd_million(row["turnover"], "vi") in page
    assert not re.search(r"\d,\d{3}\.\d", page)  # no English-grouped number on a vi page
    assert client.get("/on-target/", {"year": "20x5"}).status_code == 400


def test_the_rules_of_the_statuses(demo, monkeypatch):
    """The power target ahead is at risk, passed is behind; the aid line follows the year."""
    from lienket.projects import services as projects

    by_key = {i.key: i for i in glance.commitments(2024, date(2024, 12, 31), "en")}
    (now,) = projects.capacity_by_year(list(Project.objects.filter(kind=Kind.POWER)), 2024, 2024)
    target = next(t for t in projects.power_targets() if t[0] >= 2024)
    met = now.operating + now.committed >= target[1]
    assert by_key["power"].status == (glance.ON_TRACK if met else glance.AT_RISK
                                      if target[0] > 2024 else glance.BEHIND)  # fmt: skip
    monkeypatch.setattr(projects, "power_targets", lambda: [(2024, Decimal(10**6), "x")])
    assert glance.power(2024, "en").status == glance.BEHIND
    monkeypatch.setattr(projects, "power_targets", lambda: [(2030, Decimal(10**6), "x")])
    assert glance.power(2024, "en").status == glance.AT_RISK
    monkeypatch.setattr(projects, "power_targets", lambda: [(2030, Decimal(1), "x")])
    assert glance.power(2024, "en").status == glance.ON_TRACK
    assert glance._elapsed(2024, date(2024, 7, 1)) == pytest.approx(183 / 366)
    assert glance._elapsed(2024, date(2025, 1, 1)) == 1.0
    assert glance._elapsed(2024, date(2023, 1, 1)) == 0.0


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_the_reports_summary_page_has_the_dashboards_statuses(demo, client_for, reader, lang,
                                                               monkeypatch):  # fmt: skip
    """Issue 26: the report opens with a one-page summary whose statuses equal the page's."""
    from docx import Document as Word

    from lienket.engine.trade.turnover import Period
    from lienket.reports import services, writers
    from tests.reports.conftest import DATED

    monkeypatch.setattr(landing, "today", lambda: DATED)
    doc, _snap = services.document(Period.parse("2022"), lang, DATED)
    first = doc.sections[0]
    assert first.key == "glance"
    (table,) = [b for b in first.blocks if hasattr(b, "columns")]
    statuses = {row[0]: row[1] for row in table.rows}
    client = client_for(reader)
    client.cookies["django_language"] = lang
    page = client.get("/on-target/", {"year": 2022}).content.decode()
    for title, status in statuses.items():
        card = re.search(rf'<h2[^>]*><a[^>]*>{re.escape(html.escape(title))}</a></h2>\s*<p><span '
                         rf'class="status [^"]+" data-status="([^"]+)"', page)  # fmt: skip
        assert card and card.group(1) == status, title
    label = str(glance.STATUS[table.rows[0][1]])
    with translation.override(lang):
        assert label in writers.html(doc)
    word = Word(io.BytesIO(writers.docx(doc)))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert label in cells


def test_power_aid_and_training_targets_are_records(demo):
    """Issue 27, part 3: the power targets are recorded from statement A12 with their source;
    a recorded aid or training target replaces lienket's default rule, and the figure says
    which applies."""
    from lienket.core.models import Indicator, Target

    power = {t.year: t for t in Target.objects.filter(indicator=Indicator.POWER_CAPACITY)}
    assert power[2025].low == 3000 and power[2030].low == 5000
    assert "statement A12" in power[2030].source
    assert "statement A12" in glance.power(2024, "en").source
    on = date(2024, 12, 31)
    default = glance.aid(2024, on, "en")
    assert default.status != glance.NO_DATA  # the demo allocates aid money in 2024
    assert "no target recorded" in default.figure
    Target.objects.create(indicator=Indicator.AID_DISBURSEMENT, year=2024, low=Decimal("0.01"),
                          source="test record", session=48)  # fmt: skip
    lenient = glance.aid(2024, on, "en")
    assert "target 1.0% by the year's end (session 48)" in lenient.figure
    assert lenient.status in (glance.ON_TRACK, glance.AT_RISK)  # a project behind is at risk
    after = date(2025, 12, 31)  # the demo's courses run in 2025
    training = glance.training(2025, after, "en")
    assert training.status != glance.NO_DATA and "no target recorded" in training.figure
    Target.objects.create(indicator=Indicator.TRAINING_COMPLETION, year=2025,
                          low=Decimal("0.01"), source="test record")  # fmt: skip
    assert glance.training(2025, after, "en").status == glance.ON_TRACK
    Target.objects.filter(indicator=Indicator.TRAINING_COMPLETION).update(low=Decimal("1"))
    strict = glance.training(2025, after, "en")
    assert "target 100.0% by the year's end (test record)" in strict.figure
    assert strict.status != glance.ON_TRACK  # the demo's courses leave places not completed

"""Issue 26, part 3: "are we on target?" — the page the government roles land on after login,
answering for the year with the same figures the trade, power, monitoring and work-plan pages
show, each with its source, in the reader's language."""

from __future__ import annotations

import re
from datetime import date

import pytest

from lienket.core.passwords import DEMO_PASSWORD
from lienket.projects import services as projects
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
    page = client.get("/on-target/", {"year": 2023}, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    rows = landing._trade(2023)
    assert rows, "the demo has turnover for 2023"
    for row in rows:
        assert str(tables.STATUS[row["status"]]) in page and row["period"] in page
    # the aid card's total is the monitoring positions' in US dollars, written the Vietnamese way
    rates = projects.Rates.load()
    total = projects.Total()
    for pos in projects.positions(Project.objects.filter(kind=Kind.AID), 2023,
                                  date(2025, 11, 30)):  # fmt: skip
        line = next((y for y in pos.years if y.year == 2023), None)
        if line is not None:
            total.add(rates, line.allocation, pos.project.currency, date(2025, 11, 30))
    if total.counted:
        from lienket.core import formats

        assert formats.usd_million(total.usd, "vi") in page
    assert not re.search(r"\d,\d{3}\.\d", page)  # no English-grouped number on a vi page
    assert client.get("/on-target/", {"year": "20x5"}).status_code == 400

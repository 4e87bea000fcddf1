"""Issue 27, part 2: the 47th session's directions as cited commitments; the trade commitment's
status follows the figures; owners record dated updates with evidence; the command line lists
them."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from lienket.cli import app
from lienket.governance import commitments, reference
from lienket.governance.models import Commitment
from lienket.trade.models import PublishedFigure

pytestmark = pytest.mark.django_db
runner = CliRunner()


def _figure(period: str, value: str) -> None:
    added = runner.invoke(app, ["figures", "add", "--period", period, "--declarant", "VNM",
                                "--partner", "LAO", "--flow", "total", "--value", value,
                                "--source-title", "MoIT release"])  # fmt: skip
    assert added.exit_code == 0, added.output


def test_the_47th_sessions_directions_load_as_cited_commitments():
    loaded = reference.load()
    assert loaded.commitments == 13
    assert Commitment.objects.filter(session__number=47).count() == 13
    for c in Commitment.objects.all():
        assert c.source.startswith("source document 003") and c.text_vi and c.text_en, c.code
    # areas outside lienket's work are kept, as not tracked
    assert set(Commitment.objects.filter(status="not_tracked").values_list("area", flat=True)) \
        == {"politics", "defence_security"}  # fmt: skip
    trade = Commitment.objects.get(code="c47-trade-growth")
    assert (trade.indicator, float(trade.target_low), float(trade.target_high)) == (
        "trade_growth", 0.10, 0.15)  # fmt: skip
    assert reference.load().commitments == 13 and Commitment.objects.count() == 13


def test_the_trade_commitment_follows_the_figures(settings, tmp_path):
    settings.LIENKET_TRADE_DIR = tmp_path / "store"
    PublishedFigure.objects.all().delete()
    reference.load()
    c = Commitment.objects.get(code="c47-trade-growth")
    assert commitments.actual(c, date(2026, 1, 15)).value is None  # no figure: no value
    _figure("2024", "2200")
    _figure("2025", "2980")
    found = commitments.actual(c, date(2026, 1, 15))
    assert found.status == "met" and found.value == pytest.approx(2980 / 2200 - 1)
    PublishedFigure.objects.filter(year=2025).update(value=2300)
    assert commitments.actual(c, date(2026, 1, 15)).status == "not_met"  # +4.5 %
    out = runner.invoke(app, ["commitments", "list", "--session", "47", "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = {r["code"]: r for r in json.loads(out.output)}
    assert set(next(iter(rows.values()))) >= {"code", "area", "owner", "due", "status",
                                              "progress", "indicator", "target", "actual",
                                              "source"}  # fmt: skip
    assert rows["c47-trade-growth"]["status"] == "not_met"
    assert rows["c47-trade-growth"]["target"] == [0.1, 0.15]
    assert rows["c47-defence"]["status"] == "not_tracked"
    text = runner.invoke(app, ["commitments", "list"])
    assert text.exit_code == 0 and "c47-wind" in text.output


def test_a_focal_point_records_an_update_with_evidence(client_for, vn_focal, reader):
    reference.load()
    c = Commitment.objects.get(code="c47-wind")
    client = client_for(reader)
    assert client.post(f"/governance/commitments/{c.code}/", {"status": "on_track",
                       "note": "x"}).status_code == 403  # fmt: skip
    focal = client_for(vn_focal)
    focal.cookies["django_language"] = "vi"
    response = focal.post(f"/governance/commitments/{c.code}/", {
        "on": "2025-06-30", "status": "on_track", "progress": "40",
        "note": "Two border wind projects licensed", "evidence": "https://example.org/wind"})  # fmt: skip
    assert response.status_code == 302
    c.refresh_from_db()
    assert (c.status, c.progress) == ("on_track", 40)
    page = focal.get(f"/governance/commitments/{c.code}/").content.decode()
    assert "Two border wind projects licensed" in page and "https://example.org/wind" in page
    assert "Tạo thuận lợi cho các dự án điện gió" in page
    listing = focal.get("/governance/commitments/").content.decode()
    # recorded "on track" in June 2025, and the deadline (31 December 2025) has passed with no
    # later update: it is late
    assert 'data-status="late"' in listing
    bad = focal.post(f"/governance/commitments/{c.code}/", {"status": "on_track", "note": "y",
                                                             "progress": "140"})  # fmt: skip
    assert bad.status_code == 400

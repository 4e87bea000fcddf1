"""Issue 27, part 3: the trade band of a year is the target recorded for it, with its source
and session; a year without one says so, under the configured default or with no band."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from lienket.cli import app
from lienket.engine.trade.turnover import Observation, Period, series
from lienket.governance import reference
from lienket.trade import services, tables
from lienket.trade.models import PublishedFigure

pytestmark = pytest.mark.django_db
runner = CliRunner()


def _obs(year: int, value: float) -> Observation:
    return Observation("VNM", "LAO", "total", Period(year), value, "published", "t", False, "")


def test_the_engine_takes_a_years_recorded_band_before_the_default():
    found = {str(f.period): f for f in series(
        [_obs(2023, 1000.0), _obs(2024, 1080.0), _obs(2025, 1200.0)], "VNM", "LAO",
        low=0.10, high=0.15, targets={2025: (0.05, 0.08)})}  # fmt: skip
    assert found["2024"].band_basis == "default" and found["2024"].status == "below"
    assert found["2025"].band_basis == "recorded" and found["2025"].status == "above"
    assert found["2025"].band_low == pytest.approx(1080 * 1.05)
    none = {str(f.period): f for f in series(
        [_obs(2023, 1000.0), _obs(2024, 1080.0)], "VNM", "LAO", low=None, high=None)}  # fmt: skip
    assert none["2024"].status == "no_target" and none["2024"].band_low is None


def test_the_47th_sessions_band_applies_to_2025_and_other_years_say_so(settings, tmp_path):
    settings.LIENKET_TRADE_DIR = tmp_path / "store"
    PublishedFigure.objects.all().delete()
    loaded = reference.load()
    assert loaded.targets == 1
    for period, value in (("2023", "1800"), ("2024", "2200"), ("2025", "2480")):
        added = runner.invoke(app, ["figures", "add", "--period", period, "--declarant", "VNM",
                                    "--partner", "LAO", "--flow", "total", "--value", value,
                                    "--source-title", "MoIT release"])  # fmt: skip
        assert added.exit_code == 0, added.output
    rows = {r["period"]: r for r in tables.target_tracking("VNM", "LAO")["VNM"].rows}
    assert "session 47" in rows["2025"]["target"] and "10" in rows["2025"]["target"]
    assert rows["2025"]["status"] == "within"  # 2,480 on 2,200: +12.7 %
    assert "default" in rows["2024"]["target"]
    # without a default, a year without a recorded target has no band, and says so
    settings.LIENKET_DEFAULT_TRADE_BAND = None
    rows = {r["period"]: r for r in tables.target_tracking("VNM", "LAO")["VNM"].rows}
    assert rows["2024"]["status"] == "no_target" and rows["2024"]["band_low"] is None
    assert rows["2024"]["target"] == "no target recorded"
    assert rows["2025"]["status"] == "within"
    # a what-if band asked for on the dashboard applies to every year
    what_if = {str(f.period): f for f in services.turnover("VNM", "LAO", 0.20, 0.30)}
    assert what_if["2025"].status == "below" and what_if["2025"].band_basis == "default"

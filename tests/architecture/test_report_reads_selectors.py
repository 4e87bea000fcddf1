"""Issue 25: the report is built from the apps' selectors, one module per section: no section
(nor the builder) queries another app's tables itself."""

from __future__ import annotations

import re
from pathlib import Path

from lienket.reports.common import SECTIONS
from lienket.reports.sections import BUILDERS

REPORTS = Path(__file__).resolve().parents[2] / "src" / "lienket" / "reports"


def test_one_module_per_section():
    assert set(BUILDERS) == set(SECTIONS)
    for key, build in BUILDERS.items():
        assert build.__module__ == f"lienket.reports.sections.{key}"


def test_no_section_queries_another_app():
    queries = re.compile(r"\.objects\b|\.raw\(|connection\.cursor")
    for path in [REPORTS / "content.py", *sorted((REPORTS / "sections").glob("*.py"))]:
        assert not queries.search(path.read_text()), f"{path.name} queries tables itself"

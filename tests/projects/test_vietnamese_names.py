"""Issue 26, part 5: a cited power project takes its Vietnamese name from the alternative names
its sources give, and a name a focal point wrote is never replaced by a reload."""

from __future__ import annotations

import pytest

from lienket.projects import reference
from lienket.projects.models import Project

pytestmark = pytest.mark.django_db


def test_vietnamese_names_come_from_the_sources_alternative_names():
    assert reference.vietnamese_name("Sekaman 1; Xê Ca Mản 1 (VI)") == "Xê Ca Mản 1"
    assert reference.vietnamese_name("Nam Mo 1; Nậm Mô 1 (Lào)") == "Nậm Mô 1 (Lào)"
    assert reference.vietnamese_name("Namet cascade") == ""
    reference.load()
    p01 = Project.objects.get(code="P01")
    assert p01.name_vi == "Xê Ca Mản 1"
    assert Project.objects.get(code="P28").name_vi == ""  # the sources give none: left empty
    p01.name_vi = "Thủy điện Xê Ca Mản 1"
    p01.save()
    reference.load()
    assert Project.objects.get(code="P01").name_vi == "Thủy điện Xê Ca Mản 1"

"""The next steps the focal points wrote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from lienket.reports.document import Paragraph, Section

if TYPE_CHECKING:
    from lienket.reports.content import Builder


def build(b: Builder, section: Section) -> None:
    text = b.next_steps.strip()
    if not text:
        section.add(Paragraph(_("The focal points have not written the next steps."),
                              "nodata"))  # fmt: skip
        return
    for para in text.replace("\r\n", "\n").split("\n\n"):
        if para.strip():
            section.add(Paragraph(para.strip()))

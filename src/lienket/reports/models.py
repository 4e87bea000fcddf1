"""Built reports, kept with who built them and from which data, and the stewards' template."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from lienket.core.models import Job


class Format(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", _("Word (DOCX)")
    HTML = "html", "HTML"


class Language(models.TextChoices):
    VI = "vi", "Tiếng Việt"
    LO = "lo", "ພາສາລາວ"
    EN = "en", "English"


MIME = {
    Format.PDF: "application/pdf",
    Format.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Format.HTML: "text/html; charset=utf-8",
}


class Report(Job):
    """One build of the report: its period, language and format, the focal points' "next
    steps", the data snapshot it was built from, and the file. Submitted reports are frozen."""

    period = models.CharField(_("period"), max_length=20)
    lang = models.CharField(_("language"), max_length=2, choices=Language.choices)
    fmt = models.CharField(_("format"), max_length=4, choices=Format.choices)
    dated = models.DateField(_("date of the report"))
    next_steps = models.TextField(_("next steps"), blank=True, max_length=20000)
    error = models.TextField(blank=True)
    content = models.BinaryField(null=True, blank=True, editable=False)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    snapshot = models.JSONField(_("data snapshot"), default=dict, blank=True)
    snapshot_hash = models.CharField(_("snapshot hash"), max_length=64, blank=True)
    created_by_label = models.CharField(_("built by"), max_length=150, blank=True)
    submitted = models.DateTimeField(_("submitted on"), null=True, blank=True)
    submitted_by_label = models.CharField(_("submitted by"), max_length=150, blank=True)
    #: set for the report on the implementation of a session's commitments (issue 27)
    session = models.PositiveSmallIntegerField(_("implementation report of session"), null=True,
                                               blank=True)  # fmt: skip

    class Meta(Job.Meta):
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.period} {self.lang} {self.fmt}"

    @property
    def frozen(self) -> bool:
        return self.submitted is not None

    @property
    def file_name(self) -> str:
        if self.session:
            return f"lienket-implementation-{self.session}-{self.lang}.{self.fmt}"
        return f"lienket-report-{self.period}-{self.lang}.{self.fmt}"


class Template(models.Model):
    """What a steward may change without touching code (one row): the sections and their
    order, the cover's words in each language (blank: lienket's default), and a logo."""

    sections = models.JSONField(_("sections in order"), default=list, blank=True)
    cover = models.JSONField(_("cover text by language"), default=dict, blank=True)
    logo = models.BinaryField(null=True, blank=True, editable=False)
    logo_type = models.CharField(max_length=40, blank=True)
    updated = models.DateTimeField(auto_now=True)
    updated_by_label = models.CharField(max_length=150, blank=True)

    def __str__(self) -> str:
        return "report template"

    @classmethod
    def current(cls) -> Template:
        found = cls.objects.order_by("pk").first()
        return found or cls.objects.create()

    def order(self) -> list[str]:
        from lienket.reports.content import SECTIONS

        return [k for k in self.sections if k in SECTIONS] or list(SECTIONS)

    def cover_for(self, lang: str) -> dict[str, str]:
        words = self.cover.get(lang, {}) if isinstance(self.cover, dict) else {}
        return {k: str(v) for k, v in words.items() if isinstance(v, str) and v.strip()}

    def logo_pair(self) -> tuple[bytes, str] | None:
        return (bytes(self.logo), self.logo_type) if self.logo else None

"""A table of figures with its columns, sources and notes; published figures and labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lienket.core import datalabels, labels
from lienket.engine.trade import releases

# kinds decide formatting: text, code, usd, number, ratio, percent, year, status
Column = tuple[str, Any, str]


@dataclass
class Table:
    """Named columns (key, label, kind) and rows of plain values."""

    name: str
    columns: list[Column]
    rows: list[dict[str, Any]] = field(default_factory=list)
    total_rows: int | None = None
    #: where the rows come from, beside the turnover's source (shown under the table)
    note: str = ""
    #: products the exclusion list (``refdata.not_promoted``) kept out of an opportunity table
    left_out: int = 0

    @property
    def keys(self) -> list[str]:
        return [c[0] for c in self.columns]

    def download_labels(self) -> list[str]:
        """Headers of a download: a status column is written in words, its code beside it."""
        out = []
        for _key, label, kind in self.columns:
            out.append(str(label))
            if kind == "status":
                out.append(f"{label} ({_('code')})")
        return out

    def download_values(self) -> list[list[Any]]:
        """Rows of a download in the reader's language, codes in their own columns."""
        out = []
        for r in self.rows:
            row: list[Any] = []
            for key, _label, kind in self.columns:
                value = _plain(r.get(key))
                if kind == "status":
                    row += [str(STATUS.get(value, value)) if value else None, value]
                else:
                    row.append(value)
            out.append(row)
        return out

    def json_rows(self) -> list[dict[str, Any]]:
        return [{k: _plain(r.get(k)) for k in self.keys} for r in self.rows]


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        if not np.isfinite(value):
            return None
        # 568834509.1999999 is the sum of floats; no source has 16 significant digits
        return float(f"{value:.12g}")
    return value


STATUS = {
    "below": gettext_lazy("below target"),
    "within": gettext_lazy("within the target band"),
    "above": gettext_lazy("above target"),
    "no_data": gettext_lazy("no data"),
    "base": gettext_lazy("base year"),
    "no_target": gettext_lazy("no target recorded"),
}
SOURCE_LABELS = {
    "published": gettext_lazy("published figure"),
    "customs": gettext_lazy("national customs file"),
    "comtrade": gettext_lazy("UN Comtrade"),
    "baci": gettext_lazy("CEPII BACI (reconciled mirror)"),
}
FLOW_LABELS = {
    "export_to_LAO": gettext_lazy("exports to Lao PDR"),
    "import_from_LAO": gettext_lazy("imports from Lao PDR"),
    "export_to_VNM": gettext_lazy("exports to Viet Nam"),
    "import_from_VNM": gettext_lazy("imports from Viet Nam"),
    "two_way": gettext_lazy("two-way trade"),
}


def hs_label(code: str) -> str:
    """Description of an HS code of the store's edition in the reader's language, marked "[EN]"
    where no text in that language exists."""
    return labels.hs_plain(code, "HS2017")


def published() -> Table:
    """The published figures entered in lienket, each with its declarant and source."""
    from lienket.trade.models import PublishedFigure

    table = Table(
        "published",
        [
            ("period", _("Period"), "text"),
            ("reporter", _("Reported by"), "text"),
            ("reporter_code", _("Reported by (code)"), "code"),
            ("flow", _("Flow"), "text"),
            ("product_group", _("Product group"), "text"),
            ("qualifier", _("As worded"), "text"),
            ("value_usd", _("Value"), "usd"),
            ("yoy_growth_pct", _("Growth over a year before, %"), "number"),
            ("source", _("Source"), "text"),
            ("published", _("Published"), "text"),
            ("revision_usd", _("Change on the previous release"), "usd"),
            ("in_use", _("Release in use"), "text"),
            ("verified", _("Verified against the release"), "text"),
        ],
    )
    figures = list(PublishedFigure.objects.all())
    series: dict[tuple[Any, ...], list[Any]] = {}
    for f in figures:
        key = (f.period, f.declarant, f.partner, f.flow, f.product_group)
        series.setdefault(key, []).append(f)
    change: dict[int, tuple[float | None, bool]] = {}
    for same in series.values():
        revs = releases.revisions([releases.Release(f.value_usd, f.published.isoformat()
                                                    if f.published else "", f.source_title,
                                                    key=f.pk) for f in same])  # fmt: skip
        for r in revs:
            change[r.release.key or 0] = (r.difference, r.latest)
    for f in figures:
        difference, latest = change[f.pk]
        table.rows.append(
            {
                "qualifier": f.get_qualifier_display() if f.qualifier else "",
                "revision_usd": difference,
                "in_use": _("yes") if latest else _("no: a later release replaces it"),
                "period": str(f.period),
                "reporter": labels.country_name(f.declarant),
                "reporter_code": f.declarant,
                "flow": f"{f.get_flow_display()} – {labels.country_name(f.partner)}",
                "product_group": datalabels.label(f.product_group)
                if f.product_group
                else _("total"),
                "value_usd": f.value_usd,
                "yoy_growth_pct": float(f.stated_growth_pct)
                if f.stated_growth_pct is not None
                else None,
                "source": f.source_title
                + (f" <{f.source_url}>" if f.source_url else "")
                + (" — " + str(_("fictional")) if f.fictional else ""),
                "published": f.published.isoformat() if f.published else "",
                "verified": _("by %(who)s on %(day)s")
                % {"who": f.verified_by_label, "day": f.verified.date().isoformat()}
                if f.verified
                else _("not yet verified"),
            }
        )
    return table


def source_label(source: str, label: str) -> str:
    kind = SOURCE_LABELS.get(source)
    return f"{kind}: {label}" if kind else label


STAGE_LABELS = {
    "raw_material": gettext_lazy("raw material"),
    "processing": gettext_lazy("production and processing"),
    "manufacturing": gettext_lazy("manufacturing"),
    "design": gettext_lazy("design"),
    "distribution": gettext_lazy("distribution"),
}


def _lang() -> str:
    from django.utils.translation import get_language

    return (get_language() or "en")[:2]


def _sort(table: Table, sort: str) -> None:
    key = sort.lstrip("-")
    if key not in table.keys:
        key, sort = table.keys[0], table.keys[0]
    reverse = sort.startswith("-")

    def value(row: dict[str, Any]) -> Any:
        v = row.get(key)
        if v is None:
            return (1, 0) if not reverse else (-1, 0)
        return (0, v)

    table.rows.sort(key=value, reverse=reverse)

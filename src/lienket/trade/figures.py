"""Published figures: one validation rule for the page, the API, the import and the command line.

A row is checked field by field (period, declarant, partner, flow, value, unit, source, date);
the problems name the file, row and column. An import saves every row or none; each saved or
changed figure is recorded in the audit log, which is its history.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, BinaryIO

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lienket import refdata
from lienket.core import audit, roles
from lienket.core.models import AuditAction
from lienket.engine.errors import DataError, RowError
from lienket.engine.io.tabular import Imported, read_table
from lienket.engine.numbers import NumberError, check_range, parse_decimal
from lienket.engine.trade.turnover import Observation, Period, total_disagrees
from lienket.trade.models import Flow, PublishedFigure, Unit

COLUMNS = ("period", "declarant", "partner", "flow", "value", "unit", "source_title")
OPTIONAL = ("product_group", "source_url", "published", "stated_growth_pct", "note", "fictional")

#: Column names as a Vietnamese or Lao ministry writes them, mapped to lienket's.
ALIASES = {
    "kỳ": "period", "thời kỳ": "period", "ໄລຍະ": "period",
    "nước báo cáo": "declarant", "bên công bố": "declarant", "ປະເທດລາຍງານ": "declarant",
    "đối tác": "partner", "ຄູ່ຄ້າ": "partner",
    "chiều": "flow", "luồng": "flow", "ທິດທາງ": "flow",
    "nhóm hàng": "product_group", "ກຸ່ມສິນຄ້າ": "product_group",
    "giá trị": "value", "trị giá": "value", "ມູນຄ່າ": "value",
    "đơn vị": "unit", "đvt": "unit", "ຫົວໜ່ວຍ": "unit",
    "nguồn": "source_title", "ແຫຼ່ງຂໍ້ມູນ": "source_title",
    "đường dẫn": "source_url", "url": "source_url",
    "ngày công bố": "published", "ວັນທີເຜີຍແຜ່": "published",
    "source title": "source_title", "product group": "product_group", "source url": "source_url",
    "date published": "published", "tên nguồn": "source_title", "ຊື່ແຫຼ່ງຂໍ້ມູນ": "source_title",
    "ລິ້ງ": "source_url",
}  # fmt: skip

FLOW_WORDS = {
    "exports": Flow.EXPORTS, "export": Flow.EXPORTS, "xuất khẩu": Flow.EXPORTS,
    "ສົ່ງອອກ": Flow.EXPORTS,
    "imports": Flow.IMPORTS, "import": Flow.IMPORTS, "nhập khẩu": Flow.IMPORTS,
    "ນຳເຂົ້າ": Flow.IMPORTS,
    "total": Flow.TOTAL, "two-way": Flow.TOTAL, "two_way": Flow.TOTAL,
    "tổng": Flow.TOTAL, "kim ngạch": Flow.TOTAL, "ລວມ": Flow.TOTAL,
}  # fmt: skip
UNIT_WORDS = {
    "usd": Unit.USD, "usd thousand": Unit.THOUSAND, "nghìn usd": Unit.THOUSAND,
    "usd million": Unit.MILLION, "triệu usd": Unit.MILLION, "ລ້ານໂດລາ": Unit.MILLION,
    "usd billion": Unit.BILLION, "tỷ usd": Unit.BILLION, "ຕື້ໂດລາ": Unit.BILLION,
}  # fmt: skip


@dataclass
class Checked:
    """A row's cleaned values, or its problems."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)


def _country(value: str) -> str | None:
    found = refdata.resolve_country(value)
    return found.iso3 if found else None


def check_row(row: Mapping[str, str], name: str = "", line: int = 0, style: str = "") -> Checked:
    """Check one figure given as text (a form, an API body, a file row or the command line).

    ``style`` is the number style to read values in (``vi``: 1.234,5; ``en``: 1,234.5) when it
    is known, as on a form in the reader's language; otherwise an ambiguous number is refused.
    """
    out = Checked()

    def fail(column: str, message: str, **params: object) -> None:
        out.errors.append(RowError(name, line, column, message, params))

    text = {k: (row.get(k) or "").strip() for k in (*COLUMNS, *OPTIONAL)}
    try:
        p = Period.parse(text["period"])
        out.values.update(year=p.year, first_month=p.first_month, last_month=p.last_month)
    except ValueError:
        fail("period", _("%(value)r is not a period (2025, 2025-Q3, 2025-H1, 2025-01..10)"),
             value=text["period"])  # fmt: skip
    for column in ("declarant", "partner"):
        code = _country(text[column])
        if code is None:
            fail(column, _("%(value)r is not a known country"), value=text[column])
        out.values[column] = code
    if out.values.get("declarant") and out.values.get("declarant") == out.values.get("partner"):
        fail("partner", _("the partner must differ from the declarant"))
    flow = FLOW_WORDS.get(text["flow"].lower())
    if flow is None:
        fail("flow", _("%(value)r is not a flow (exports, imports, total)"), value=text["flow"])
    out.values["flow"] = flow
    unit = UNIT_WORDS.get(text["unit"].lower())
    if unit is None:
        fail("unit", _("%(value)r is not a unit (%(known)s)"), value=text["unit"],
             known=", ".join(Unit.values))  # fmt: skip
    out.values["unit"] = unit
    out.values["value"] = _decimal(text["value"], "value", fail, required=True, style=style)
    out.values["stated_growth_pct"] = _decimal(text["stated_growth_pct"], "stated_growth_pct",
                                               fail, negative=True, digits=7, places=2)  # fmt: skip
    if not text["source_title"]:
        fail("source_title", _("a published figure needs its source"))
    for column, limit in (("source_title", 300), ("product_group", 120), ("source_url", 500)):
        if len(text[column]) > limit:
            fail(column, _("longer than %(limit)s characters"), limit=limit)
    if text["source_url"] and not text["source_url"].startswith(("http://", "https://")):
        fail("source_url", _("%(value)r is not a web address"), value=text["source_url"])
    out.values.update(
        source_title=text["source_title"],
        source_url=text["source_url"],
        product_group=text["product_group"],
        note=text["note"],
        fictional=text["fictional"].lower() in ("1", "true", "yes", "x"),
    )
    out.values["published"] = None
    if text["published"]:
        try:
            out.values["published"] = date.fromisoformat(text["published"][:10])
        except ValueError:
            fail("published", _("%(value)r is not a date (YYYY-MM-DD)"), value=text["published"])
    return out


def _decimal(
    raw: str,
    column: str,
    fail: Any,
    required: bool = False,
    negative: bool = False,
    digits: int = 18,
    places: int = 3,
    style: str = "",
) -> Decimal | None:
    if not raw:
        if required:
            fail(column, _("a value is required"))
        return None
    try:
        value = parse_decimal(raw, style).value
    except NumberError as exc:
        fail(column, exc.message, **exc.params)
        return None
    problem = check_range(value, digits, places, None if negative else Decimal(0))
    if problem:  # the column's digits bound the value on SQLite and PostgreSQL alike
        fail(column, problem, value=str(value))
        return None
    return value


#: What makes a figure the same one again: one release's figure of one flow and period.
KEY = ("year", "first_month", "last_month", "declarant", "partner", "flow", "product_group",
       "source_title")  # fmt: skip


def _same_release(values: Mapping[str, Any]) -> Any:
    return PublishedFigure.objects.filter(**{k: values[k] for k in KEY})


@transaction.atomic
def add_figure(values: Mapping[str, Any], user: Any) -> tuple[PublishedFigure, bool]:
    """Save a checked figure; the same release's figure for the same period is updated."""
    found = _same_release(values).first()
    if found is None:
        figure = PublishedFigure.objects.create(**values, created_by=_saved(user))
        audit.record(user, AuditAction.CREATED, figure, str(figure))
        return figure, True
    before = str(found)
    for k, v in values.items():
        setattr(found, k, v)
    if str(found) != before:  # a changed figure is checked again
        found.verified_by, found.verified_by_label, found.verified = None, "", None
    found.save()
    audit.record(user, AuditAction.UPDATED, found, f"{before} -> {found}")
    return found, False


class VerifyError(PermissionError):
    """The figure cannot be verified by this user (its own entry, or not their declarant)."""


def verify_figure(figure: PublishedFigure, user: Any, pair: list[str]) -> PublishedFigure:
    """Record that ``user`` checked ``figure`` against its release (not its own entry)."""
    if not roles.can_verify_figure(user, figure, pair):
        raise VerifyError(figure.pk)
    figure.verified_by = _saved(user)
    figure.verified_by_label = audit.label(user)
    figure.verified = timezone.now()
    figure.save(update_fields=["verified_by", "verified_by_label", "verified", "updated"])
    audit.record(user, AuditAction.APPROVED, figure, f"verified {figure}")
    return figure


def _saved(user: Any) -> Any:
    return user if getattr(user, "pk", None) else None


def import_figures(
    stream: BinaryIO, name: str, user: Any, dry_run: bool = False, allowed: Iterable[str] = ()
) -> Imported:
    """Check every row of a CSV/XLSX of published figures, then save all of them or none.

    ``allowed`` limits the declarants the user may enter (a focal point: its own country).
    """
    table = read_table(stream, name, COLUMNS, OPTIONAL, aliases=ALIASES)
    rows = []
    errors: list[RowError] = []
    allowed = set(allowed)
    for line, row in table.rows:
        checked = check_row(row, name, line)
        errors += checked.errors
        declarant = checked.values.get("declarant")
        if declarant and allowed and declarant not in allowed:
            errors.append(RowError(name, line, "declarant",
                                   _("you may enter figures declared by %(allowed)s only"),
                                   {"allowed": ", ".join(sorted(allowed))}))  # fmt: skip
        rows.append(checked.values)
    if errors:
        raise DataError(table.as_written(errors))
    notices = tuple(table.as_written(table.notices))
    if dry_run:
        return Imported(checked=len(rows), dry_run=True, notices=notices)
    created = 0
    with transaction.atomic():
        for values in rows:
            created += add_figure(values, user)[1]
    return Imported(created, len(rows) - created, False, notices, checked=len(rows))


def observations(a: str, b: str) -> list[Observation]:
    """Published totals (all products) of trade between ``a`` and ``b`` as observations."""
    out = []
    for f in PublishedFigure.objects.filter(product_group="", declarant__in=(a, b)):
        if {f.declarant, f.partner} != {a, b}:
            continue
        out.append(
            Observation(
                f.declarant, f.partner, f.flow, f.period, f.value_usd, "published",
                f.source_title, f.fictional, f.published.isoformat() if f.published else "",
            )
        )  # fmt: skip
    return out


def disagreements() -> list[tuple[PublishedFigure, PublishedFigure, PublishedFigure]]:
    """Two-way totals that differ from the sum of the same release's two flows (beyond
    rounding): (total, exports, imports)."""
    figures = list(PublishedFigure.objects.filter(product_group=""))
    release = {(f.period, f.declarant, f.partner, f.source_title, f.flow): f for f in figures}
    period: dict[tuple[Any, ...], PublishedFigure] = {}
    for f in figures:  # any release of the period, when the total's own gives no flows
        period.setdefault((f.period, f.declarant, f.partner, f.flow), f)
    out = []
    for t in (f for f in figures if f.flow == Flow.TOTAL):
        x, m = (
            release.get((t.period, t.declarant, t.partner, t.source_title, flow))
            or period.get((t.period, t.declarant, t.partner, flow))
            for flow in (Flow.EXPORTS, Flow.IMPORTS)
        )
        if x and m and total_disagrees(t.value_usd, x.value_usd, m.value_usd):
            out.append((t, x, m))
    return out


# --- the figures lienket ships --------------------------------------------------------------

_BUNDLED_FLOWS = {"export_to": Flow.EXPORTS, "import_from": Flow.IMPORTS, "two_way": Flow.TOTAL}


def load_bundled() -> tuple[int, int]:
    """Load the published Viet Nam - Lao figures lienket ships into the table (idempotent).

    Returns (created, already there). They are real figures from press releases, cited row by
    row in ``refdata/SOURCES.md``; after loading they are data like any a user enters.
    """
    if set(settings.LIENKET_COUNTRIES[:2]) != {"VNM", "LAO"}:
        return 0, 0
    created = present = 0
    for f in refdata.published_trade():
        row = {
            "period": f.period, "declarant": f.reporter,
            "partner": "LAO" if f.reporter == "VNM" else "VNM",
            "flow": next(v for k, v in _BUNDLED_FLOWS.items() if f.flow.startswith(k)),
            "value": str(f.value_usd_million), "unit": "USD million",
            "product_group": "" if f.product_group == "TOTAL" else f.product_group,
            "stated_growth_pct": "" if f.yoy_growth_pct is None else str(f.yoy_growth_pct),
            "source_title": f.source, "published": f.published,
        }  # fmt: skip
        checked = check_row(row, "published_vn_la.csv")
        if checked.errors:
            raise DataError(checked.errors)
        if _same_release(checked.values).exists():
            present += 1
        else:
            add_figure(checked.values, None)
            created += 1
    return created, present

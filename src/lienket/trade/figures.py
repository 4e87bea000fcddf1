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
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lienket import refdata
from lienket.core import audit, roles
from lienket.core.formats import number, percent
from lienket.core.labels import country_name
from lienket.core.models import AuditAction
from lienket.engine.errors import DataError, RowError
from lienket.engine.io.tabular import Imported, read_table
from lienket.engine.numbers import NumberError, check_range, parse_decimal
from lienket.engine.trade import releases
from lienket.engine.trade.turnover import Observation, Period, total_disagrees
from lienket.trade.models import UNIT_FACTOR, Flow, PublishedFigure, Qualifier, Unit

COLUMNS = ("period", "declarant", "partner", "flow", "value", "unit", "source_title")
OPTIONAL = ("product_group", "source_url", "published", "stated_growth_pct", "note", "fictional",
            "qualifier")  # fmt: skip

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
    "as worded": "qualifier", "cách viết": "qualifier", "ຖ້ອຍຄຳ": "qualifier",
    "tăng trưởng (%)": "stated_growth_pct", "tăng trưởng": "stated_growth_pct",
    "ການເຕີບໂຕ": "stated_growth_pct", "stated growth": "stated_growth_pct",
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

#: How releases word a figure: "more than USD 2 billion", "hơn 2 tỷ USD", "ກວ່າ 2 ຕື້ໂດລາ".
QUALIFIER_WORDS = {
    "": Qualifier.EXACT, "exact": Qualifier.EXACT, "as printed": Qualifier.EXACT,
    "more than": Qualifier.MORE_THAN, "more_than": Qualifier.MORE_THAN, "over": Qualifier.MORE_THAN,
    "hơn": Qualifier.MORE_THAN, "trên": Qualifier.MORE_THAN, "ກວ່າ": Qualifier.MORE_THAN,
    "at least": Qualifier.AT_LEAST, "at_least": Qualifier.AT_LEAST, "ít nhất": Qualifier.AT_LEAST,
    "ຢ່າງໜ້ອຍ": Qualifier.AT_LEAST,
    "about": Qualifier.ABOUT, "khoảng": Qualifier.ABOUT, "gần": Qualifier.ABOUT,
    "ປະມານ": Qualifier.ABOUT,
    "less than": Qualifier.LESS_THAN, "less_than": Qualifier.LESS_THAN, "dưới": Qualifier.LESS_THAN,
    "ບໍ່ເຖິງ": Qualifier.LESS_THAN,
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
    qualifier = QUALIFIER_WORDS.get(text["qualifier"].lower())
    if qualifier is None:
        fail("qualifier", _("%(value)r is not a wording (more than, at least, about, less than)"),
             value=text["qualifier"])  # fmt: skip
    out.values["qualifier"] = qualifier
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


#: What makes a figure the same one again: one release's figure of one flow and period. A
#: release published on another date is a new release, kept beside the earlier one (issue 27).
KEY = ("year", "first_month", "last_month", "declarant", "partner", "flow", "product_group",
       "source_title", "published")  # fmt: skip
#: What makes two releases releases of the same figure.
FIGURE = ("year", "first_month", "last_month", "declarant", "partner", "flow", "product_group")


def _same_release(values: Mapping[str, Any]) -> Any:
    return PublishedFigure.objects.filter(**{k: values[k] for k in KEY})


def _release_order(f: PublishedFigure) -> tuple[date, int]:
    """Releases in publication order (undated ones first, then as entered): the last is used."""
    return f.published or date.min, f.pk


def _latest(qs: Any) -> PublishedFigure | None:
    found = sorted(qs, key=_release_order)
    return found[-1] if found else None


def _usd(values: Mapping[str, Any]) -> float:
    return float(values["value"] * UNIT_FACTOR[Unit(values["unit"])])


@dataclass(frozen=True)
class Notice:
    """A finding about a figure, as a translatable message with its values."""

    kind: str
    message: Any
    params: dict[str, Any]

    def text(self) -> str:
        return str(self.message) % self.params


_MIRROR_FLOW = {Flow.EXPORTS: Flow.IMPORTS, Flow.IMPORTS: Flow.EXPORTS, Flow.TOTAL: Flow.TOTAL}
_AGAINST = {
    "previous_release": _("the previous release of this figure (%(ref)s, %(label)s)"),
    "mirror": _("the partner's declaration of the same trade (%(ref)s, %(label)s)"),
    "previous_year": _("the same months of the year before (%(ref)s, %(label)s)"),
}


def _money(usd: float) -> str:
    """USD in millions to one decimal, the precision releases print (2,000.0 vs 1,941.8)."""
    lang = (get_language() or "en")[:2]
    return f"{number(usd / 1e6, lang, 1)} {Unit.MILLION.label}"


def plausibility(values: Mapping[str, Any]) -> list[Notice]:
    """What asks the person entering a checked figure to confirm it: a value beyond the
    configured factor of the previous release, the mirror figure or the year before, or a unit
    the figure's series is not written in."""
    same = {k: values[k] for k in FIGURE}
    others = PublishedFigure.objects.filter(**same).exclude(
        **{k: values[k] for k in ("source_title", "published")}
    )
    mirror = PublishedFigure.objects.filter(
        **{**same, "declarant": values["partner"], "partner": values["declarant"],
           "flow": _MIRROR_FLOW[Flow(values["flow"])]}
    )  # fmt: skip
    before = PublishedFigure.objects.filter(**{**same, "year": values["year"] - 1})
    references = []
    for kind, qs in (("previous_release", others), ("mirror", mirror), ("previous_year", before)):
        f = _latest(qs)
        if f is not None:
            references.append((kind, f.value_usd, f"{f.period}, {f.source_title}"))
    factor = settings.LIENKET_FIGURE_JUMP_FACTOR
    out = []
    lang = (get_language() or "en")[:2]
    for j in releases.plausibility(_usd(values), references, factor):
        ratio = number(j.ratio, lang, 1 if j.ratio >= 1 else 3)
        out.append(Notice("jump", _("%(value)s is %(ratio)s times %(against)s"), {
            "value": _money(_usd(values)), "ratio": ratio,
            "against": str(_AGAINST[j.against]) % {"ref": _money(j.reference_usd),
                                                  "label": j.label},
        }))  # fmt: skip
    series = PublishedFigure.objects.filter(
        declarant=values["declarant"], partner=values["partner"], flow=values["flow"],
        product_group=values["product_group"],
    ).exclude(**{k: values[k] for k in KEY})  # fmt: skip
    units = sorted({f.unit for f in series})
    if units and values["unit"] not in units:
        out.append(Notice("unit", _("the figure is in %(unit)s; its series is written in "
                                    "%(units)s"), {
            "unit": Unit(values["unit"]).label,
            "units": ", ".join(str(Unit(u).label) for u in units),
        }))  # fmt: skip
    return out


class ConfirmationNeededError(Exception):
    """The figure failed a plausibility check; it is kept only when its entry is confirmed."""

    def __init__(self, notices: list[Notice]) -> None:
        super().__init__("; ".join(n.text() for n in notices))
        self.notices = notices


@transaction.atomic
def add_figure(
    values: Mapping[str, Any], user: Any, confirm: bool = False
) -> tuple[PublishedFigure, bool]:
    """Save a checked figure; the same release's figure for the same period is corrected (the
    audit log keeps what it was), a release published on another date is kept beside the
    earlier ones. A figure failing a plausibility check raises ``ConfirmationNeededError`` unless
    ``confirm``; what was confirmed is recorded on the figure and in the audit log."""
    notices = plausibility(values)
    if notices and not confirm:
        raise ConfirmationNeededError(notices)
    confirmed = {}
    if notices:
        confirmed = {
            "confirmation": "\n".join(n.text() for n in notices),
            "confirmed_by_label": audit.label(user),
            "confirmed": timezone.now(),
        }
    found = _same_release(values).first()
    if found is None:
        figure = PublishedFigure.objects.create(**values, **confirmed, created_by=_saved(user))
        audit.record(user, AuditAction.CREATED, figure, str(figure))
        if notices:
            audit.record(user, AuditAction.APPROVED, figure,
                         f"confirmed {figure}: {confirmed['confirmation']}"[:1000])  # fmt: skip
        return figure, True
    before = str(found)
    for k, v in {**values, **confirmed}.items():
        setattr(found, k, v)
    if str(found) != before:  # a changed figure is checked again
        found.verified_by, found.verified_by_label, found.verified = None, "", None
    found.save()
    audit.record(user, AuditAction.UPDATED, found, f"{before} -> {found}")
    if notices:
        audit.record(user, AuditAction.APPROVED, found,
                     f"confirmed {found}: {confirmed['confirmation']}"[:1000])  # fmt: skip
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
    stream: BinaryIO,
    name: str,
    user: Any,
    dry_run: bool = False,
    allowed: Iterable[str] = (),
    confirm: bool = False,
) -> Imported:
    """Check every row of a CSV/XLSX of published figures, then save all of them or none.

    ``allowed`` limits the declarants the user may enter (a focal point: its own country). A
    row failing a plausibility check is an error unless ``confirm`` (then it is recorded as
    confirmed).
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
        if not checked.errors and not confirm:
            for n in plausibility(checked.values):
                errors.append(RowError(name, line, "value" if n.kind == "jump" else "unit",
                                       _("%(finding)s; confirm to keep it"),
                                       {"finding": n.text()}))  # fmt: skip
        rows.append(checked.values)
    if errors:
        raise DataError(table.as_written(errors))
    notices = tuple(table.as_written(table.notices))
    if dry_run:
        return Imported(checked=len(rows), dry_run=True, notices=notices)
    created = 0
    with transaction.atomic():
        for values in rows:
            created += add_figure(values, user, confirm=confirm)[1]
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
                # the release's wording travels with its label: "more than" 2,000 is not 2,000
                f.source_title + (f" ({f.get_qualifier_display()})" if f.qualifier else ""),
                f.fictional, f.published.isoformat() if f.published else "",
            )
        )  # fmt: skip
    return out


def _totals_with_flows(
    figures: list[PublishedFigure],
) -> list[tuple[PublishedFigure, PublishedFigure, PublishedFigure]]:
    """Each two-way total with the exports and imports of its release (else of any release of
    the period)."""
    release = {(f.period, f.declarant, f.partner, f.source_title, f.flow): f for f in figures}
    period: dict[tuple[Any, ...], PublishedFigure] = {}
    for f in sorted(figures, key=_release_order, reverse=True):
        period.setdefault((f.period, f.declarant, f.partner, f.flow), f)  # the latest release
    out = []
    for t in (f for f in figures if f.flow == Flow.TOTAL):
        x, m = (
            release.get((t.period, t.declarant, t.partner, t.source_title, flow))
            or period.get((t.period, t.declarant, t.partner, flow))
            for flow in (Flow.EXPORTS, Flow.IMPORTS)
        )
        if x and m:
            out.append((t, x, m))
    return out


@dataclass(frozen=True)
class Check:
    """A standing finding about a kept figure (its release may be inconsistent)."""

    figure: PublishedFigure
    notice: Notice

    @property
    def text(self) -> str:
        return self.notice.text()


def _pct(value: float | None) -> str:
    lang = (get_language() or "en")[:2]
    return percent(None if value is None else value / 100, lang) or ""


def _what(f: PublishedFigure) -> str:
    return f"{f.get_flow_display()}, {f.period}, {country_name(f.declarant)}"


def _when(f: PublishedFigure) -> str:
    return f"{f.period}, {country_name(f.declarant)}"


def checks(declarant: str | None = None, period: Period | None = None) -> list[Check]:
    """Consistency checks of the kept figures (all products), shown on the pages, in the API,
    the command line and the report:

    - a two-way total against its two flows: their sum within rounding, and its stated growth
      between theirs (a sum grows between its parts);
    - a stated growth against the growth computed from the same months of the year before, or
      for a total with no year before, from its flows' values and stated growths.
    """
    everything = list(PublishedFigure.objects.filter(product_group=""))  # one read
    figures = [f for f in everything
               if (declarant is None or f.declarant == declarant)
               and (period is None or f.period == period)]  # fmt: skip
    latest: dict[tuple[Any, ...], PublishedFigure] = {}
    for f in sorted(everything, key=_release_order):
        latest[(f.period, f.declarant, f.partner, f.flow)] = f
    out: list[Check] = []
    flows_of: dict[int, tuple[PublishedFigure, PublishedFigure]] = {}
    for t, x, m in _totals_with_flows(figures):
        flows_of[t.pk] = (x, m)
        if total_disagrees(t.value_usd, x.value_usd, m.value_usd):
            out.append(Check(t, Notice("total_sum", _(
                "The two-way total of %(what)s (%(total)s) differs from its exports plus "
                "imports (%(x)s + %(m)s = %(sum)s)."), {
                "what": _when(t), "total": _money(t.value_usd), "x": _money(x.value_usd),
                "m": _money(m.value_usd), "sum": _money(x.value_usd + m.value_usd)})))  # fmt: skip
        g = [None if f.stated_growth_pct is None else float(f.stated_growth_pct)
             for f in (t, x, m)]  # fmt: skip
        if releases.total_outside_flows(*g):
            out.append(Check(t, Notice("total_growth", _(
                "The stated growth of the two-way total of %(what)s (%(total)s) lies outside its "
                "flows' stated growths (exports %(x)s, imports %(m)s): a sum grows between its "
                "parts."), {"what": _when(t), "total": _pct(g[0]), "x": _pct(g[1]),
                            "m": _pct(g[2])})))  # fmt: skip
    for f in figures:
        if f.stated_growth_pct is None:
            continue
        stated = float(f.stated_growth_pct)
        before = latest.get((f.period.previous(), f.declarant, f.partner, f.flow))
        basis = ""
        previous = None
        if before is not None:
            previous, basis = before.value_usd, f"{before.period}, {before.source_title}"
        elif f.pk in flows_of:  # the year before implied by the flows' stated growths
            x, m = flows_of[f.pk]
            if x.stated_growth_pct is not None and m.stated_growth_pct is not None:
                previous = sum(v.value_usd / (1 + float(v.stated_growth_pct) / 100)
                               for v in (x, m))  # fmt: skip
                basis = str(_("its exports and imports and their stated growths"))
                value = x.value_usd + m.value_usd
                computed = releases.stated_growth_differs(stated, previous, value)
                if computed is not None:
                    out.append(_growth_check(f, stated, computed, basis))
                continue
        computed = releases.stated_growth_differs(stated, previous, f.value_usd)
        if computed is not None:
            out.append(_growth_check(f, stated, computed, basis))
    return out


def _growth_check(f: PublishedFigure, stated: float, computed: float, basis: str) -> Check:
    return Check(f, Notice("stated_growth", _(
        "The stated growth of %(what)s (%(stated)s) differs from the growth computed from "
        "%(basis)s (%(computed)s)."), {"what": _what(f), "stated": _pct(stated),
                                       "computed": _pct(computed), "basis": basis}))  # fmt: skip


def history(
    period: Period,
    declarant: str,
    flow: str | None = None,
    product_group: str = "",
    found_checks: list[Check] | None = None,
) -> list[dict[str, Any]]:
    """Every release of a declarant's figures for a period, by flow, in publication order, each
    with its difference from the release before it; the last is the one in use. Each carries
    its checks: ``found_checks`` when the caller has them (``checks(declarant, period)``)."""
    qs = PublishedFigure.objects.filter(
        year=period.year, first_month=period.first_month, last_month=period.last_month,
        declarant=declarant, product_group=product_group,
    )  # fmt: skip
    if flow:
        qs = qs.filter(flow=flow)
    by_flow: dict[tuple[str, str], list[PublishedFigure]] = {}
    for f in qs:
        by_flow.setdefault((f.flow, f.partner), []).append(f)
    found: dict[int, list[str]] = {}
    for c in checks(declarant, period) if found_checks is None else found_checks:
        found.setdefault(c.figure.pk, []).append(c.text)
    out = []
    for (flow_code, partner), figs in sorted(by_flow.items()):
        pk = {f.pk: f for f in figs}
        revs = releases.revisions([
            releases.Release(f.value_usd, f.published.isoformat() if f.published else "",
                             f.source_title, f.qualifier,
                             None if f.stated_growth_pct is None else float(f.stated_growth_pct),
                             f.pk) for f in figs])  # fmt: skip
        for r in revs:
            f = pk[r.release.key]
            out.append({
                "id": f.pk, "period": str(f.period), "declarant": f.declarant,
                "partner": partner, "flow": flow_code, "flow_label": str(f.get_flow_display()),
                "value": str(f.value), "unit": f.unit,
                "qualifier_label": str(f.get_qualifier_display()) if f.qualifier else "",
                "value_usd": f.value_usd, "qualifier": f.qualifier or None,
                "stated_growth_pct": r.release.stated_growth_pct,
                "source": f.source_title, "published": r.release.published or None,
                "difference_usd": r.difference, "difference_share": r.share,
                "in_use": r.latest, "fictional": f.fictional,
                "confirmed": f.confirmation or None, "checks": found.get(f.pk, []),
            })  # fmt: skip
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
            "source_title": f.source, "published": f.published, "qualifier": f.qualifier,
        }  # fmt: skip
        checked = check_row(row, "published_vn_la.csv")
        if checked.errors:
            raise DataError(checked.errors)
        if _same_release(checked.values).exists():
            present += 1
        else:
            add_figure(checked.values, None, confirm=True)  # a cited release, kept as printed
            created += 1
    return created, present

"""Exporting projects as IATI activities."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_noop

from lienket import refdata
from lienket.core import audit
from lienket.core.pages import today
from lienket.engine.io import iati
from lienket.projects.iati.importing import (
    allocations_of,
)
from lienket.projects.iati.mapping import (
    BUDGET_KINDS,
    BUDGET_STATUSES,
    DATE_LABELS,
    LANGS,
    ROLE_LABELS,
    SECTOR_TO_IATI,
    STATUS_FROM_IATI,
    STATUS_TO_IATI,
    TRANSACTION_TO_IATI,
    _dec,
    _names,
    _org,
    own_org,
    sector_of,
    standard,
)
from lienket.projects.models import (
    BudgetKind,
    BudgetStatus,
    Kind,
    Project,
    Sector,
    Status,
    TransactionKind,
)


def _derived_sector_matches(p: Project, sectors: list[iati.Sector]) -> bool:
    return bool(sectors) and sector_of(sectors) == p.sector


def _dates(p: Project, kept: list[tuple[str, date]]) -> tuple[tuple[str, date], ...]:
    dates = dict(kept)
    started = p.status in (Status.UNDER_WAY, Status.OPERATING, Status.COMPLETED)
    if p.start_date != (dates.get("2") or dates.get("1")):
        dates.pop("1" if "1" in dates and "2" not in dates else "2", None)
        if p.start_date:
            dates["2" if started else "1"] = p.start_date
    if p.end_date != (dates.get("4") or dates.get("3")):
        dates.pop("3" if "3" in dates and "4" not in dates else "4", None)
        if p.end_date:
            finished = p.status in (Status.OPERATING, Status.COMPLETED) and p.end_date <= today()
            dates["4" if finished else "3"] = p.end_date
    return tuple(sorted(dates.items()))


def _budgets(p: Project) -> tuple[iati.Budget, ...]:
    inverse_kind = {v: k for k, v in BUDGET_KINDS.items()}
    inverse_status = {v: k for k, v in BUDGET_STATUSES.items()}
    out = [
        iati.Budget(
            b.period_start, b.period_end, b.amount, p.currency, b.value_date,
            inverse_kind.get(BudgetKind(b.kind), "1"),
            inverse_status.get(BudgetStatus(b.status), "1"),
            b.fictional,
        )
        for b in p.budgets.all()
    ]  # fmt: skip
    as_read = allocations_of(out)
    for a in p.allocations.all():
        if as_read.get(a.year, (None, False))[0] == a.amount:
            continue
        start, end = date(a.year, 1, 1), date(a.year, 12, 31)
        same = [i for i, b in enumerate(out) if (b.start, b.end) == (start, end) and b.type == "2"]
        revised = iati.Budget(start, end, a.amount, p.currency, start, "2", "2", a.fictional)
        if same:
            out[same[-1]] = revised
        elif a.year in as_read:
            out.append(revised)
        else:
            out.append(iati.Budget(start, end, a.amount, p.currency, start, "1", "2", a.fictional))
    return tuple(sorted(out, key=lambda b: (b.start, b.type)))


def to_activity(p: Project, reporter: iati.Org) -> iati.Activity | str:
    """The project as an IATI activity, or the reason it cannot be one (in English, for
    gettext)."""
    kept = p.iati or {}
    orgs = [o for d in kept.get("orgs", []) if (o := _org(d)) is not None]
    for role, text in (("1", p.sponsor), ("4", p.executing_agency)):
        if _names(orgs, role) != text:
            orgs = [o for o in orgs if o.role != role]
            if text:
                orgs.append(iati.Org(names=(("en", text),), role=role))
    orgs.sort(key=lambda o: o.role)
    if not orgs:
        return gettext_noop("no funding or implementing organisation (IATI requires one)")
    dates = _dates(p, [(k, date.fromisoformat(v)) for k, v in kept.get("dates", [])])
    if not dates:
        return gettext_noop("no start or end date (IATI requires one)")
    has_money = p.transactions.exists() or p.allocations.exists() or p.budgets.exists()
    if has_money and not p.currency:
        return gettext_noop("amounts without a currency")
    countries_kept = [iati.Country(c, _dec(pct)) for c, pct in kept.get("countries", [])]
    iso2 = refdata.countries()[p.country].iso2 if p.country in refdata.countries() else ""
    if iso2 not in {c.code for c in countries_kept}:
        countries_kept = [iati.Country(iso2)] if iso2 else []
    sectors = [
        iati.Sector(s["code"], s["vocabulary"], _dec(s.get("percentage")),
                    tuple((lang, text) for lang, text in s.get("names", [])))
        for s in kept.get("sectors", [])
    ]  # fmt: skip
    if not _derived_sector_matches(p, sectors):
        vocabulary, code = SECTOR_TO_IATI[Sector(p.sector)]
        sectors = [iati.Sector(code, vocabulary)]
    titles = [(lang, getattr(p, f"name_{lang}")) for lang in LANGS if getattr(p, f"name_{lang}")]
    titles += [(lang, text) for lang, text in kept.get("titles", [])]
    descriptions = [tuple(d) for d in kept.get("descriptions", [])]
    if not descriptions:
        descriptions = [("1", "en", p.note or p.name_en)]
    status = STATUS_TO_IATI[Status(p.status)]
    if kept.get("status") and STATUS_FROM_IATI.get(kept["status"]) == p.status:
        status = kept["status"]
    reporting = _org(kept.get("reporting_org")) or reporter
    return iati.Activity(
        identifier=p.iati_identifier or f"{reporter.ref}-{p.code}",
        reporting_org=reporting if reporting.names else reporter,
        titles=tuple(titles),
        status=status,
        dates=dates,
        participating_orgs=tuple(orgs),
        descriptions=tuple((d[0], d[1], d[2]) for d in descriptions),
        currency=p.currency,
        lang=kept.get("lang", "") or "en",
        countries=tuple(countries_kept),
        sectors=tuple(sectors),
        budgets=_budgets(p),
        planned_disbursements=tuple(
            iati.PlannedDisbursement(
                d.period_start, d.period_end, d.amount, p.currency, d.value_date,
                {BudgetKind.ORIGINAL: "1", BudgetKind.REVISED: "2"}.get(d.kind, ""),
                _org(d.iati.get("provider")), _org(d.iati.get("receiver")), d.fictional,
            )
            for d in p.planned_disbursements.all()
        ),
        transactions=tuple(
            iati.Transaction(
                TRANSACTION_TO_IATI[TransactionKind(t.kind)], t.date, t.amount, p.currency,
                date.fromisoformat(t.iati["value_date"]) if t.iati.get("value_date") else t.date,
                t.iati.get("ref", ""),
                tuple((lang, text) for lang, text in t.iati.get("description", []))
                or ((("en", t.description),) if t.description else ()),
                _org(t.iati.get("provider")), _org(t.iati.get("receiver")), t.fictional,
            )
            for t in p.transactions.all()
        ),
        secondary_reporter=bool(kept.get("secondary_reporter")),
        code=p.code,
        fictional=p.fictional,
        extension=(("sector", p.sector), ("status", p.status)),
    )  # fmt: skip


@dataclass(frozen=True)
class Exported:
    data: bytes
    codes: tuple[str, ...]
    #: projects that could not be written, with the reason
    skipped: tuple[tuple[str, str], ...]


def export_iati(projects: Sequence[Project], by: Any = None) -> Exported:
    """The aid projects among ``projects`` as one IATI 2.03 file (validated)."""
    reporter = own_org()
    activities, skipped = [], []
    for p in projects:
        if p.kind != Kind.AID:
            continue
        a = to_activity(p, reporter)
        if isinstance(a, str):
            skipped.append((p.code, a))
        else:
            activities.append(a)
    comments = [
        f"Written by lienket on {timezone.now():%Y-%m-%d} for {reporter.ref}.",
        'Activities with lienket:fictional="true" (and amounts so marked) are FICTIONAL demo '
        "records, not real data.",
    ]
    comments += [f"Not exported: {code}: {reason}" for code, reason in skipped]
    data = iati.write(activities, timezone.now(), standard(), comments)
    if by is not None:
        audit.record(by, "exported", None, f"IATI XML: {len(activities)} activities")
    return Exported(data, tuple(a.code for a in activities), tuple(skipped))


def kept_rows(p: Project) -> dict[str, Any]:
    """The kept IATI details of a project, ready for the page."""
    kept = p.iati or {}
    return {
        "orgs": [
            (ROLE_LABELS.get(o.get("role", ""), o.get("role", "")), o) for o in kept.get("orgs", [])
        ],
        "dates": [(DATE_LABELS.get(k, k), v) for k, v in kept.get("dates", [])],
        "countries": kept.get("countries", []),
        "sectors": kept.get("sectors", []),
        "titles": kept.get("titles", []),
        "descriptions": kept.get("descriptions", []),
        "reporting_org": kept.get("reporting_org", {}),
    }

"""IATI 2.03 in and out of the projects registry.

An activity file is read by :mod:`lienket.engine.io.iati` (schema, codelists, duplicate
identifiers); this module then checks each activity as the project form checks a page (same
rules, errors named by line and element) and writes all activities or none. An activity
already imported (same identifier), or exported by this installation (``{our ref}-{code}``),
updates its project: the fields IATI carries are replaced, lienket's own (notes, sources,
milestones, progress, priority) are kept.

What goes where:

* titles → ``name_en``/``name_vi``/``name_lo`` (other languages are kept in ``iati``);
* participating organisations → kept in ``iati``; the funding ones (role 1) are the project's
  sponsor, the implementing ones (role 4) its executing agency;
* recipient country → ``country`` (Lao PDR or Viet Nam; all countries kept in ``iati``);
* sectors → kept in ``iati``; lienket's sector from the one with the largest share;
* activity dates → ``start_date`` (actual, else planned) and ``end_date`` likewise;
* budgets → :class:`Budget`; a budget for exactly one calendar year (the revised one where
  both are given) is also that year's :class:`Allocation`;
* planned disbursements → :class:`PlannedDisbursement`; transactions → :class:`Transaction`.

An export writes those fields back; where a user changed a field on a page after the import
(the sponsor, the country, the dates, an allocation), the export writes the changed value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from lienket import refdata
from lienket.core import audit
from lienket.engine.errors import DataError, RowError
from lienket.engine.io import iati
from lienket.engine.io.tabular import Imported
from lienket.projects.forms import ProjectForm, fields_of
from lienket.projects.models import (
    Allocation,
    Budget,
    BudgetKind,
    BudgetStatus,
    Kind,
    PlannedDisbursement,
    Project,
    Sector,
    Status,
    Transaction,
    TransactionKind,
)
from lienket.projects.services import today

#: lienket status → IATI ActivityStatus; and back (an activity keeps lienket's own status in
#: ``lienket:status`` when that status maps to the same IATI code)
STATUS_TO_IATI = {
    Status.PROPOSED: "1",
    Status.AGREED: "1",
    Status.UNDER_WAY: "2",
    Status.UNCONFIRMED: "2",
    Status.OPERATING: "4",
    Status.COMPLETED: "4",
    Status.CANCELLED: "5",
    Status.SUSPENDED: "6",
}
STATUS_FROM_IATI = {
    "1": Status.PROPOSED,
    "2": Status.UNDER_WAY,
    "3": Status.COMPLETED,
    "4": Status.COMPLETED,
    "5": Status.CANCELLED,
    "6": Status.SUSPENDED,
}
#: IATI TransactionType code → lienket's kind (the kinds are declared in code order)
TRANSACTION_FROM_IATI = {str(i): kind for i, kind in enumerate(TransactionKind.values, start=1)}
TRANSACTION_TO_IATI = {kind: code for code, kind in TRANSACTION_FROM_IATI.items()}
BUDGET_KINDS = {"1": BudgetKind.ORIGINAL, "2": BudgetKind.REVISED}
BUDGET_STATUSES = {"1": BudgetStatus.INDICATIVE, "2": BudgetStatus.COMMITTED}
#: DAC 3-digit sector category → lienket sector; a 5-digit code is read by its first three
#: digits, except those listed in SECTOR_FROM_CODE
SECTOR_FROM_CATEGORY = {
    **dict.fromkeys(("111", "112", "113", "114"), Sector.EDUCATION),
    **dict.fromkeys(("121", "122", "123", "130"), Sector.HEALTH),
    "140": Sector.URBAN,
    "210": Sector.TRANSPORT,
    **dict.fromkeys(("230", "231", "233", "234", "235", "236"), Sector.ENERGY),
    "232": Sector.RENEWABLE,
    **dict.fromkeys(("311", "312", "313"), Sector.FARMING),
    "321": Sector.MANUFACTURING,
    "322": Sector.MINING,
    "332": Sector.TOURISM,
}
SECTOR_FROM_CODE = {"43030": Sector.URBAN, "32161": Sector.AGRICULTURE}
#: lienket sector → the DAC code written when a project has no IATI sectors of its own
SECTOR_TO_IATI = {
    Sector.AGRICULTURE: ("1", "32161"),
    Sector.RENEWABLE: ("2", "232"),
    Sector.MINING: ("2", "322"),
    Sector.TOURISM: ("2", "332"),
    Sector.ENERGY: ("2", "230"),
    Sector.FARMING: ("2", "311"),
    Sector.TRANSPORT: ("2", "210"),
    Sector.HEALTH: ("2", "121"),
    Sector.EDUCATION: ("2", "111"),
    Sector.PUBLIC_BUILDINGS: ("2", "151"),
    Sector.URBAN: ("1", "43030"),
    Sector.BORDER: ("1", "33120"),
    Sector.MANUFACTURING: ("2", "321"),
    Sector.OTHER: ("2", "998"),
}
ROLE_LABELS = {
    "1": _("Funding"),
    "2": _("Accountable"),
    "3": _("Extending"),
    "4": _("Implementing"),
}
DATE_LABELS = {
    "1": _("Planned start"),
    "2": _("Actual start"),
    "3": _("Planned end"),
    "4": _("Actual end"),
}
#: which form field an IATI element fills, to name the element in an error
ELEMENT_OF = {
    "name_en": "title",
    "name_vi": "title",
    "name_lo": "title",
    "sector": "sector",
    "status": "activity-status",
    "country": "recipient-country",
    "sponsor": "participating-org",
    "executing_agency": "participating-org",
    "start_date": "activity-date",
    "end_date": "activity-date",
    "currency": "iati-activity",
    "code": "iati-activity",
}
LANGS = ("en", "vi", "lo")


@cache
def standard() -> iati.Standard:
    """The 2.03 schema and codelists bundled in ``refdata/data/iati`` (loaded once)."""
    return iati.Standard(Path(str(files("lienket.refdata").joinpath("data", "iati"))))


def own_org() -> iati.Org:
    return iati.Org(
        ref=settings.LIENKET_IATI_ORG_REF,
        type=settings.LIENKET_IATI_ORG_TYPE,
        names=(("en", settings.LIENKET_IATI_ORG_NAME),),
    )


def sector_of(sectors: Iterable[iati.Sector]) -> str:
    """lienket's sector from IATI sectors: the DAC sector with the largest share, read by its
    code or category; Sector.OTHER when none maps."""
    dac = [s for s in sectors if s.vocabulary in ("1", "2")]
    if not dac:
        return Sector.OTHER
    main = max(dac, key=lambda s: s.percentage if s.percentage is not None else Decimal(-1))
    if main.code in SECTOR_FROM_CODE:
        return SECTOR_FROM_CODE[main.code]
    return SECTOR_FROM_CATEGORY.get(main.code[:3], Sector.OTHER)


# --- JSON of the kept IATI details ---------------------------------------------------------


def _org_json(o: iati.Org | None) -> dict[str, Any]:
    if o is None:
        return {}
    return {
        "ref": o.ref,
        "type": o.type,
        "role": o.role,
        "activity_id": o.activity_id,
        "names": [list(n) for n in o.names],
    }


def _org(d: dict[str, Any] | None) -> iati.Org | None:
    if not d:
        return None
    return iati.Org(
        ref=d.get("ref", ""),
        type=d.get("type", ""),
        role=d.get("role", ""),
        activity_id=d.get("activity_id", ""),
        names=tuple((lang, text) for lang, text in d.get("names", [])),
    )


def _name(o: iati.Org, lang: str = "en") -> str:
    named = dict(o.names)
    return named.get(lang) or named.get("") or (o.names[0][1] if o.names else o.ref)


def _names(orgs: Iterable[iati.Org], role: str) -> str:
    return "; ".join(_name(o) for o in orgs if o.role == role)[:200]


def _dec(value: Any) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


# --- import --------------------------------------------------------------------------------


@dataclass
class _Plan:
    activity: iati.Activity
    form: ProjectForm
    update: bool
    details: dict[str, Any]


def _error(name: str, a: iati.Activity, element: str, message: str, **params: object) -> RowError:
    return RowError(name, a.line, element, message, params, place="element")


def _code_for(a: iati.Activity, taken: set[str]) -> str:
    if a.code and len(a.code) <= 40 and slugify(a.code).lower() == a.code.lower():
        base = a.code
    else:
        base = ("IATI-" + slugify(a.identifier).upper())[:40]
    code, n = base, 1
    while code.lower() in taken:
        n += 1
        code = f"{base[: 40 - len(str(n)) - 1]}-{n}"
    taken.add(code.lower())
    return code


def _country(a: iati.Activity) -> str:
    countries = refdata.countries()
    by_iso2 = {countries[c].iso2: c for c in settings.LIENKET_COUNTRIES if c in countries}
    ours = [c for c in a.countries if c.code in by_iso2]
    if not ours:
        return ""
    main = max(ours, key=lambda c: c.percentage if c.percentage is not None else Decimal(-1))
    return by_iso2[main.code]


def _plan(
    a: iati.Activity,
    instance: Project | None,
    name: str,
    taken: set[str],
    errors: list[RowError],
    notices: list[RowError],
) -> _Plan | None:
    problems: list[RowError] = []
    titles = dict(reversed(a.titles))  # the first narrative of a language wins
    if "" in titles and "en" not in titles:
        titles["en"] = titles.pop("")
        notices.append(
            _error(name, a, "title", gettext_noop("The title states no language: read as English."))
        )
    if not titles.get("en"):
        first = a.titles[0] if a.titles else ("", "")
        titles["en"] = first[1]
        notices.append(
            _error(
                name, a, "title",
                gettext_noop("No English title: the %(lang)s title is used as the project's name."),
                lang=first[0] or "?",
            )
        )  # fmt: skip
    currencies = {
        x.currency for x in (*a.budgets, *a.planned_disbursements, *a.transactions) if x.currency
    }
    currency = a.currency or (next(iter(currencies)) if len(currencies) == 1 else "")
    if currencies - {currency}:
        problems.append(
            _error(
                name, a, "value",
                gettext_noop(
                    "The activity's values are in %(currencies)s: lienket keeps one currency "
                    "per project; give them all in %(currency)s."
                ),
                currencies=", ".join(sorted(currencies | ({currency} - {""}))),
                currency=currency or "?",
            )
        )  # fmt: skip
    country = _country(a)
    if not country:
        problems.append(
            _error(
                name, a, "recipient-country",
                gettext_noop(
                    "The activity is in none of lienket's countries (%(codes)s); lienket keeps "
                    "projects in Lao PDR and Viet Nam."
                ),
                codes=", ".join(c.code for c in a.countries) or "—",
            )
        )  # fmt: skip
    extension = dict(a.extension)
    status = STATUS_FROM_IATI.get(a.status, Status.UNCONFIRMED)
    if (
        extension.get("status") in Status.values
        and STATUS_TO_IATI.get(Status(extension["status"])) == a.status
    ):
        status = Status(extension["status"])
    sector = (
        extension["sector"] if extension.get("sector") in Sector.values else sector_of(a.sectors)
    )
    dates = dict(a.dates)
    start = dates.get("2") or dates.get("1")
    end = dates.get("4") or dates.get("3")
    data: dict[str, Any] = model_to_dict(instance, fields_of(Kind.AID)) if instance else {}
    data.update(
        code=instance.code if instance else _code_for(a, taken),
        name_en=titles.get("en", ""),
        name_vi=titles.get("vi", ""),
        name_lo=titles.get("lo", ""),
        sector=sector,
        status=status,
        country=country,
        sponsor=_names(a.participating_orgs, "1"),
        executing_agency=_names(a.participating_orgs, "4"),
        start_date=start,
        end_date=end,
        currency=currency,
        fictional=a.fictional or (instance.fictional if instance else False),
    )
    if instance is not None and instance.province_code and instance.country != country:
        data["province_code"] = ""
    if data.get("priority") is None:
        data["priority"] = Decimal(1)
    form = ProjectForm(data, kind=Kind.AID, instance=instance)
    if not form.is_valid():
        for field, messages in form.errors.items():
            for message in messages:
                problems.append(
                    _error(name, a, ELEMENT_OF.get(field, "iati-activity"), "%(m)s", m=message)
                )
    errors.extend(problems)
    if problems:
        return None
    details = {
        "reporting_org": _org_json(a.reporting_org),
        "secondary_reporter": a.secondary_reporter,
        "lang": a.lang,
        "titles": [[lang, text] for lang, text in a.titles if lang not in LANGS],
        "descriptions": [list(d) for d in a.descriptions],
        "status": a.status,
        "dates": [[kind, day.isoformat()] for kind, day in a.dates],
        "countries": [[c.code, None if c.percentage is None else str(c.percentage)]
                      for c in a.countries],
        "sectors": [
            {"vocabulary": s.vocabulary, "code": s.code,
             "percentage": None if s.percentage is None else str(s.percentage),
             "names": [list(n) for n in s.names]}
            for s in a.sectors
        ],
        "orgs": [_org_json(o) for o in a.participating_orgs],
    }  # fmt: skip
    return _Plan(a, form, instance is not None, details)


def _save(plan: _Plan, name: str, notices: list[RowError]) -> Project:
    a = plan.activity
    project = plan.form.save(commit=False)
    project.iati_identifier = a.identifier
    project.iati = plan.details
    project.save()
    replaced = project.transactions.count()
    project.budgets.all().delete()
    project.planned_disbursements.all().delete()
    project.transactions.all().delete()
    Budget.objects.bulk_create(
        Budget(
            project=project, kind=BUDGET_KINDS.get(b.type, BudgetKind.ORIGINAL),
            status=BUDGET_STATUSES.get(b.status, BudgetStatus.INDICATIVE),
            period_start=b.start, period_end=b.end, amount=b.value, value_date=b.value_date,
            fictional=b.fictional,
        )
        for b in a.budgets
    )  # fmt: skip
    PlannedDisbursement.objects.bulk_create(
        PlannedDisbursement(
            project=project, kind=BUDGET_KINDS.get(p.type, ""), period_start=p.start,
            period_end=p.end, amount=p.value, value_date=p.value_date, fictional=p.fictional,
            iati={"provider": _org_json(p.provider), "receiver": _org_json(p.receiver)},
        )
        for p in a.planned_disbursements
    )  # fmt: skip
    Transaction.objects.bulk_create(
        Transaction(
            project=project, kind=TRANSACTION_FROM_IATI[t.type], date=t.date, amount=t.value,
            description=(dict(reversed(t.description)).get("en")
                         or (t.description[0][1] if t.description else ""))[:300],
            fictional=t.fictional,
            iati={
                "ref": t.ref, "value_date": t.value_date.isoformat(),
                "description": [list(d) for d in t.description],
                "provider": _org_json(t.provider), "receiver": _org_json(t.receiver),
            },
        )
        for t in a.transactions
    )  # fmt: skip
    if plan.update and replaced:
        notices.append(
            _error(
                name, a, "transaction",
                gettext_noop(
                    "%(code)s: its %(old)s transactions are replaced by the file's %(new)s."
                ),
                code=project.code, old=replaced, new=len(a.transactions),
            )
        )  # fmt: skip
    years = sorted(allocations_of(a.budgets).items())
    for year, (amount, fictional) in years:
        Allocation.objects.update_or_create(
            project=project, year=year, defaults={"amount": amount, "fictional": fictional}
        )
    if years:
        notices.append(
            _error(
                name, a, "budget",
                gettext_noop(
                    "%(code)s: the budgets of %(years)s are read as those years' allocations."
                ),
                code=project.code, years=", ".join(str(y) for y, _v in years),
            )
        )  # fmt: skip
    return project


def allocations_of(budgets: Iterable[iati.Budget]) -> dict[int, tuple[Decimal, bool]]:
    """Budgets for exactly one calendar year, by year: the revised one where given (the last
    of a type when repeated), with whether it is fictional."""
    out: dict[int, tuple[str, Decimal, bool]] = {}
    for b in budgets:
        if (b.start.month, b.start.day, b.end.month, b.end.day) != (1, 1, 12, 31):
            continue
        if b.start.year != b.end.year:
            continue
        kept = out.get(b.start.year)
        if kept is None or b.type >= kept[0]:
            out[b.start.year] = (b.type, b.value, b.fictional)
    return {year: (value, fictional) for year, (_t, value, fictional) in out.items()}


def import_iati(data: bytes, name: str, by: Any, dry_run: bool = False) -> Imported:
    """Import every activity of an IATI file, or none (DataError lists every problem)."""
    parsed = iati.parse(data, name, standard())
    errors: list[RowError] = []
    notices = list(parsed.notices)
    idents = [a.identifier for a in parsed.activities]
    by_ident = {p.iati_identifier: p for p in Project.objects.filter(iati_identifier__in=idents)}
    prefix = settings.LIENKET_IATI_ORG_REF + "-"
    own_codes = [i[len(prefix) :] for i in idents if i.startswith(prefix)]
    by_code = {p.code: p for p in Project.objects.filter(code__in=own_codes, iati_identifier="")}
    taken = {c.lower() for c in Project.objects.values_list("code", flat=True)}
    plans: list[_Plan] = []
    for a in parsed.activities:
        instance = by_ident.get(a.identifier)
        if instance is None and a.identifier.startswith(prefix):
            instance = by_code.get(a.identifier[len(prefix) :])
        if instance is not None and instance.kind != Kind.AID:
            errors.append(
                _error(
                    name, a, "iati-identifier",
                    gettext_noop("%(code)s is registered as another kind of project, not aid."),
                    code=instance.code,
                )
            )  # fmt: skip
            continue
        plan = _plan(a, instance, name, taken, errors, notices)
        if plan is not None:
            plans.append(plan)
    if errors:
        raise DataError(errors)
    created = sum(1 for p in plans if not p.update)
    codes = tuple(p.form.cleaned_data["code"] for p in plans)
    if dry_run:
        return Imported(created, len(plans) - created, True, tuple(notices),
                        checked=len(plans), codes=codes)  # fmt: skip
    with transaction.atomic():
        saved = [_save(p, name, notices) for p in plans]
        audit.record_many(by, "imported", saved, [f"{name}: {p.code} (IATI)" for p in saved])
    return Imported(created, len(plans) - created, False, tuple(notices),
                    checked=len(plans), codes=codes)  # fmt: skip


# --- export --------------------------------------------------------------------------------


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

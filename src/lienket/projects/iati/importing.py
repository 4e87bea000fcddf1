"""Importing an IATI file into projects: planned whole, then saved all or nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils.text import slugify
from django.utils.translation import gettext_noop

from lienket import refdata
from lienket.core import audit
from lienket.engine.errors import DataError, RowError
from lienket.engine.io import iati
from lienket.engine.io.tabular import Imported
from lienket.projects.forms import ProjectForm, fields_of
from lienket.projects.iati.mapping import (
    BUDGET_KINDS,
    BUDGET_STATUSES,
    ELEMENT_OF,
    LANGS,
    STATUS_FROM_IATI,
    STATUS_TO_IATI,
    TRANSACTION_FROM_IATI,
    _names,
    _org_json,
    sector_of,
    standard,
)
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
)


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

"""Load the cited power-trade and aid projects and the power-trade statements (real data).

The rows come from ``refdata/data/cooperation/`` (see ``refdata/SOURCES.md``): facts compiled
from news releases, utility, ministry and development-bank pages, each with its sources, their
dates and a ``verified`` flag. lienket reads a number from a published figure only when the
figure is one number (``290``, ``1,900``, ``~112``, ``230 (EVN documents call it 220)``); a
range, a lower bound or several values (``~497-500``, ``>500``, ``95 / 30.3``) stay text. Every
figure as published is kept beside the number and shown on the page. Loading again updates the
rows in place and never touches what users added.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from lienket import refdata
from lienket.core.models import Indicator, Target
from lienket.core.translations import language_of
from lienket.projects import selectors
from lienket.projects.models import (
    Kind,
    Project,
    Sector,
    Statement,
    Status,
    TariffCeiling,
    Technology,
)

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: one number, perhaps approximate (~) and perhaps followed by a remark in brackets
_ONE = re.compile(rf"^~?\s*({_NUMBER})(?:\s*\([^()]*\))?$")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_FULL_DATE = re.compile(
    r"\b(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (\d{4})\b"
)
MULTIPLIERS = {"million": Decimal(10) ** 6, "billion": Decimal(10) ** 9}

#: Where the first year in the "commercial operation" text is not the year the plant began to
#: sell to Viet Nam, the year the same text gives for it (docs/projects.md).
SALES_START = {"P14": 2023, "P16": 2024, "P25": None}
#: Projects on the Vietnamese side of a corridor (every other row is in Lao PDR).
IN_VIET_NAM = {"D12", "D23"}
#: Rows of the aid file that are aggregate statements, not projects.
AID_STATEMENTS = {"D08", "D09"}
#: Price ceilings of the Ministry of Industry and Trade's framework for Lao imports: the
#: statement each comes from and the date it applies from (stated in that statement).
#: The framework applies from 31 December 2025 (A14, A16); 6.95 applies until then (A13, A17).
NEW_FRAMEWORK = date(2025, 12, 31)
CEILINGS = {
    "A13": ("", None, NEW_FRAMEWORK),
    "A14": ("hydro", NEW_FRAMEWORK, None),
    "A15": ("wind", NEW_FRAMEWORK, None),
    "A16": ("coal", NEW_FRAMEWORK, None),
}

STATUS_RULES = (
    (("not confirmed", "status not found"), Status.UNCONFIRMED),
    (("not started",), Status.PROPOSED),
    (("operating", "exporting", "cod "), Status.OPERATING),
    (("completed", "closed"), Status.COMPLETED),
    (("under construction", "under implementation", "ongoing"), Status.UNDER_WAY),
    (("signed", "approved", "agreement"), Status.AGREED),
    (("mou", "study", "negotiation"), Status.PROPOSED),
)
SECTOR_RULES = (
    (("health",), Sector.HEALTH),
    (("public building", "park", "memorial"), Sector.PUBLIC_BUILDINGS),
    (("urban",), Sector.URBAN),
    (("irrigation", "agricult"), Sector.FARMING),
    (("wind", "solar", "hydro"), Sector.RENEWABLE),
    (("energy",), Sector.ENERGY),
    (("transport", "road", "railway", "expressway", "aviation", "bridge"), Sector.TRANSPORT),
    (("border",), Sector.BORDER),
)


def published_number(text: str) -> Decimal | None:
    """The number a published figure states, or ``None`` when it is not exactly one number."""
    match = _ONE.match(text.strip())
    if not match:
        return None
    try:
        return Decimal(match.group(1).replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None


def first_year(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def first_date(text: str) -> date | None:
    match = _FULL_DATE.search(text)
    if not match:
        return None
    return datetime.strptime(" ".join(match.groups()), "%d %b %Y").date()  # noqa: DTZ007


def classify(text: str, rules: Iterable[tuple[tuple[str, ...], str]], default: str) -> str:
    low = f"{text.lower()} "
    for words, value in rules:
        if any(w in low for w in words):
            return value
    return default


def sources(row: dict[str, str]) -> list[dict[str, str]]:
    out = []
    for suffix in ("", "_2", "_3", "_4"):
        url = row.get(f"source_url{suffix}", "")
        if url:
            out.append({"url": url, "date": row.get(f"source_date{suffix}", "")})
    return out


def province_of(country: str, text: str) -> str:
    """The bundled province code a place text names, trying each part; ``""`` if none."""
    parts = re.split(r"[,;(]| and | - |->", text)
    for part in reversed(parts):
        name = part.strip().removesuffix(" province").removesuffix(")").strip()
        if name and (found := refdata.resolve_province(country, name)):
            return found[0].code
    return ""


def money(text: str, unit: str) -> tuple[str, Decimal | None]:
    """(currency, amount in units) from a figure and a unit such as ``USD million``."""
    words = unit.split()
    currency = words[0] if words and len(words[0]) == 3 and words[0].isalpha() else ""
    number = published_number(text)
    if number is None or not currency:
        return currency, None
    scale = MULTIPLIERS.get(words[1] if len(words) > 1 else "", Decimal(1))
    return currency, number * scale


_TARGET = re.compile(rf"({_NUMBER})\s*\((\d{{4}})\)")


def vietnamese_name(alternatives: str) -> str:
    """The project's Vietnamese name as its cited sources give it among the alternative names
    ("Sekaman 1; Xê Ca Mản 1 (VI)" gives "Xê Ca Mản 1"): the first written in Vietnamese
    script, else ""."""
    for name in (a.strip() for a in alternatives.split(";")):
        if name.endswith("(VI)"):
            return name[:-4].strip()
        if name and language_of(name) == "vi":
            return name
    return ""


#: the statements that publish the power-purchase targets (year, MW)
POWER_TARGET_STATEMENTS = ("A12",)


def targets(figure: str) -> list[tuple[int, Decimal]]:
    """(year, value) pairs of a figure written as ``3,000 (2025) / 5,000 (2030)``."""
    return [(int(y), Decimal(v.replace(",", ""))) for v, y in _TARGET.findall(figure)]


def _power(row: dict[str, str]) -> dict[str, Any]:
    tech = row["technology"] if row["technology"] in Technology.values else Technology.OTHER
    sales_start = SALES_START.get(row["id"], first_year(row["cod_or_year"]))
    currency, budget = money(row["investment_usd_m"], "USD million")
    return {
        "kind": Kind.POWER,
        "name_en": row["name_en"],
        "other_names": row["name_alt"],
        "sector": Sector.ENERGY if tech == Technology.COAL else Sector.RENEWABLE,
        "chain": "power",
        "status": classify(row["status"], STATUS_RULES, Status.UNCONFIRMED),
        "status_as_published": row["status"],
        "country": "LAO",
        "province_code": province_of("LAO", row["lao_province"]),
        "location": row["lao_province"],
        "sponsor": row["developer_investor"],
        "currency": currency if row["investment_usd_m"] else "",
        "budget": budget,
        "budget_as_published": f"{row['investment_usd_m']} USD million"
        if row["investment_usd_m"]
        else "",
        "technology": tech,
        "installed_mw": published_number(row["installed_mw"]),
        "export_share": row["export_to_vn"],
        "operation_year": sales_start,
        "operation_as_published": row["cod_or_year"],
        "agreement_status": row["status"],
        "agreement_counterparty": row["ppa_counterparty"],
        "agreement_signed": row["ppa_signed"],
        "agreement_term_years": int(row["ppa_term_years"]) if row["ppa_term_years"] else None,
        "agreement_start_year": first_year(row["ppa_signed"]),
        "tariff_us_cents": published_number(row["tariff_us_cents_kwh"]),
        "tariff_as_published": row["tariff_us_cents_kwh"],
        "transmission_kv": _int(published_number(row["transmission_kv"])),
        "transmission_as_published": row["transmission_kv"],
        "transmission_route": row["transmission_route"],
        "connection_substation": row["vn_connection_substation"],
        "annual_energy_gwh": published_number(row["annual_output_gwh"]),
        "annual_energy_as_published": row["annual_output_gwh"],
    }


def _int(value: Decimal | None) -> int | None:
    return None if value is None else int(value)


def _aid(row: dict[str, str]) -> dict[str, Any]:
    country = "VNM" if row["id"] in IN_VIET_NAM else "LAO"
    currency, budget = money(row["budget"], row["currency"])
    usd = published_number(row["budget_usd_m"])
    dates = "; ".join(x for x in (row["start"], row["end"]) if x)
    return {
        "kind": Kind.AID,
        "name_en": row["name"],
        "sector": classify(row["sector"], SECTOR_RULES, Sector.OTHER),
        "status": classify(row["status"], STATUS_RULES, Status.UNCONFIRMED),
        "status_as_published": row["status"],
        "country": country,
        "province_code": province_of(country, row["location"]),
        "location": row["location"],
        "sponsor": row["funder"],
        "funding_type": row["funding_type"],
        "start_date": first_date(row["start"]),
        "end_date": first_date(row["end"]),
        "dates_as_published": dates,
        "currency": currency,
        "budget": budget,
        "budget_as_published": f"{row['budget']} {row['currency']}".strip(),
        "budget_usd_published": None if usd is None else usd * MULTIPLIERS["million"],
    }


def _statement(row: dict[str, str], topic: str) -> dict[str, Any]:
    if topic == "aid":
        return {
            "topic": topic,
            "statement_date": row["source_date"],
            "statement": row["name"],
            "figure": " ".join(x for x in (row["budget"], row["status"]) if x),
            "unit": row["currency"],
            "scope": row["location"],
            "speaker": row["funder"],
            "verified": row["verified"],
            "note": "; ".join(x for x in (row["disbursement_or_delay_info"], row["note"]) if x),
            "sources": sources(row),
        }
    return {
        "topic": topic,
        "statement_date": row["statement_date"],
        "statement": row["statement"],
        "figure": row["figure"],
        "unit": row["unit"],
        "scope": row["scope"],
        "speaker": row["speaker_or_body"],
        "verified": row["verified"],
        "note": row["note"],
        "sources": sources(row),
    }


@dataclass(frozen=True)
class Loaded:
    projects: int
    statements: int
    ceilings: int


Report = Callable[[str, int, int], None]


@transaction.atomic
def load(progress: Report | None = None) -> Loaded:
    """Create or update the cited projects, statements and tariff ceilings (idempotent)."""
    power = list(refdata.rows("cooperation/power_projects_la_vn.csv"))
    aid = list(refdata.rows("cooperation/aid_projects_vn_la.csv"))
    aggregates = list(refdata.rows("cooperation/power_aggregates_la_vn.csv"))
    projects = statements = 0
    total = len(power) + len(aid) + len(aggregates)
    for done, row in enumerate([*power, *aid, *aggregates], start=1):
        code = row["id"]
        common = {"verified": row["verified"], "sources": sources(row)}
        if code in AID_STATEMENTS:
            Statement.objects.update_or_create(code=code, defaults=_statement(row, "aid"))
            statements += 1
        elif code.startswith("A"):
            Statement.objects.update_or_create(code=code, defaults=_statement(row, "power"))
            statements += 1
        else:
            fields = _power(row) if code.startswith("P") else _aid(row)
            fields.update(
                common,
                note="; ".join(
                    x for x in (row.get("disbursement_or_delay_info", ""), row["note"]) if x
                ),
                fictional=False,
            )
            project, _created = Project.objects.update_or_create(code=code, defaults=fields)
            vi = vietnamese_name(row.get("name_alt", ""))
            if vi and not project.name_vi:  # a name a focal point wrote is never replaced
                project.name_vi = vi
                project.save(update_fields=["name_vi"])
            projects += 1
        if progress:
            progress("cited projects", done, total)
    record_power_targets()
    ceilings = 0
    for code, (tech, valid_from, valid_to) in CEILINGS.items():
        statement = Statement.objects.get(code=code)
        cents = published_number(statement.figure)
        if cents is None:
            continue
        for technology in [tech] if tech else [t for t in Technology.values if t != "other"]:
            TariffCeiling.objects.update_or_create(
                technology=technology,
                valid_from=valid_from,
                valid_to=valid_to,
                defaults={"us_cents": cents, "statement": statement},
            )
            ceilings += 1
    return Loaded(projects, statements, ceilings)


def record_power_targets() -> int:
    """Record the published power-purchase targets (statement A12: "3,000 (2025) / 5,000
    (2030)") as targets of their years, with the statement as their source (idempotent)."""
    n = 0
    for s in Statement.objects.filter(topic="power", code__in=POWER_TARGET_STATEMENTS):
        source = selectors.statement_source("power", s.code)
        for year, mw in targets(s.figure):
            Target.objects.update_or_create(
                indicator=Indicator.POWER_CAPACITY, year=year,
                defaults={"low": mw, "high": None, "wording": s.figure[:200],
                          "source": f"{source} (statement {s.code})"[:400], "note": s.statement},
            )  # fmt: skip
            n += 1
    return n

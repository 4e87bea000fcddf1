"""Fictional demo projects: investment and aid projects with allocations, disbursements, progress
and milestones for 2024-2026, and demo exchange rates. Every row says ``fictional=True``.

The portfolio is seeded, so each run makes the same projects: some disburse behind their plan,
some on it and some ahead, so that monitoring and the reallocation have something to show. The
cited real projects (``reference.py``) get no invented figures.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from lienket.engine import monitoring
from lienket.projects.models import (
    Allocation,
    ExchangeRate,
    Kind,
    Milestone,
    ProgressReport,
    Project,
    Sector,
    Status,
    Transaction,
    TransactionKind,
)
from lienket.registry.models import Enterprise

#: the last day the demo's disbursements and progress reach
DATA_UNTIL = date(2026, 10, 31)
DEMO_YEARS = (2024, 2025, 2026)
SOURCE = "demo rate, not official: the steward replaces it with the central bank's rate"
#: US dollars per unit, approximate and invented for the demo (marked fictional on the page)
RATES = {
    "VND": (
        (date(2024, 1, 1), "0.0000410"),
        (date(2025, 1, 1), "0.0000393"),
        (date(2026, 1, 1), "0.0000380"),
    ),
    "LAK": (
        (date(2024, 1, 1), "0.0000483"),
        (date(2025, 1, 1), "0.0000457"),
        (date(2026, 1, 1), "0.0000460"),
    ),
    "JPY": (
        (date(2024, 1, 1), "0.0070"),
        (date(2025, 1, 1), "0.0066"),
        (date(2026, 1, 1), "0.0065"),
    ),
}

AID = (
    # code, English, Vietnamese, Lao, sector, province, currency, budget, pace
    (
        "DEMO-A01",
        "Savannakhet vocational college, phase 2",
        "Trường cao đẳng nghề Savannakhet, giai đoạn 2",
        "ວິທະຍາໄລວິຊາຊີບ ສະຫວັນນະເຂດ ໄລຍະ 2",
        Sector.EDUCATION,
        "LA-SV",
        "VND",
        180_000_000_000,
        0.55,
    ),
    (
        "DEMO-A02",
        "Champasak provincial hospital, new wing",
        "Bệnh viện tỉnh Champasak, khu mới",
        "ໂຮງໝໍແຂວງ ຈຳປາສັກ, ຕຶກໃໝ່",
        Sector.HEALTH,
        "LA-CH",
        "VND",
        240_000_000_000,
        1.0,
    ),
    (
        "DEMO-A03",
        "Attapeu irrigation canals",
        "Kênh thủy lợi Attapeu",
        "ຄອງຊົນລະປະທານ ອັດຕະປື",
        Sector.FARMING,
        "LA-AT",
        "USD",
        9_500_000,
        1.3,
    ),
    (
        "DEMO-A04",
        "Xieng Khouang agricultural extension centre",
        "Trung tâm khuyến nông Xiêng Khoảng",
        "ສູນສົ່ງເສີມກະສິກຳ ຊຽງຂວາງ",
        Sector.FARMING,
        "LA-XI",
        "VND",
        60_000_000_000,
        1.25,
    ),
    (
        "DEMO-A05",
        "Sekong border market and customs yard",
        "Chợ biên giới và bãi hải quan Sekong",
        "ຕະຫຼາດຊາຍແດນ ເຊກອງ",
        Sector.BORDER,
        "LA-XE",
        "USD",
        4_200_000,
        0.6,
    ),
    (
        "DEMO-A06",
        "Luang Prabang tourism training school",
        "Trường đào tạo du lịch Luang Prabang",
        "ໂຮງຮຽນຝຶກອົບຮົມການທ່ອງທ່ຽວ ຫຼວງພະບາງ",
        Sector.TOURISM,
        "LA-LP",
        "VND",
        95_000_000_000,
        1.0,
    ),
    (
        "DEMO-A07",
        "Houaphanh rural roads",
        "Đường nông thôn Hủa Phăn",
        "ທາງຊົນນະບົດ ຫົວພັນ",
        Sector.TRANSPORT,
        "LA-HO",
        "LAK",
        210_000_000_000,
        1.2,
    ),
    (
        "DEMO-A08",
        "Bolikhamxay district health posts",
        "Trạm y tế huyện Bolikhamxay",
        "ສຸກສາລາເມືອງ ບໍລິຄຳໄຊ",
        Sector.HEALTH,
        "LA-BL",
        "VND",
        45_000_000_000,
        0.7,
    ),
)
INVESTMENT = (
    ("DEMO-I01", "Coffee processing plant, Paksong", Sector.AGRICULTURE, "LA-CH", 12_000_000),
    ("DEMO-I02", "Cassava starch factory, Savannakhet", Sector.AGRICULTURE, "LA-SV", 8_500_000),
    (
        "DEMO-I03",
        "Solar farm near the Dansavanh border gate",
        Sector.RENEWABLE,
        "LA-SV",
        30_000_000,
    ),
    ("DEMO-I04", "Potash deep-processing line", Sector.MINING, "LA-KH", 45_000_000),
    ("DEMO-I05", "Eco-lodge on the Xe Pian wetlands", Sector.TOURISM, "LA-CH", 3_000_000),
    ("DEMO-I06", "Cattle and dairy farm, Xieng Khouang", Sector.AGRICULTURE, "LA-XI", 15_000_000),
)


@dataclass(frozen=True)
class Loaded:
    projects: int
    transactions: int


def _plan(start: date, end: date) -> list[monitoring.Milestone]:
    span = (end - start).days
    weights = (10, 30, 40, 20)
    return [
        monitoring.Milestone(start + timedelta(days=span * i // len(weights)), w)
        for i, w in enumerate(weights, start=1)
    ]


def _month_ends(start: date, until: date) -> list[date]:
    out, y, m = [], start.year, start.month
    while True:
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        end = nxt - timedelta(days=1)
        if end > until:
            return out
        out.append(end)
        y, m = nxt.year, nxt.month


def _project_money(p: Project, budget: Decimal, pace: float, rng: random.Random) -> int:
    """Milestones, yearly allocations (the plan), monthly disbursements, quarterly progress."""
    if p.start_date is None or p.end_date is None:
        raise ValueError(p.code)
    stones = _plan(p.start_date, p.end_date)
    titles = ("Design approved", "Foundations and main works", "Building complete", "Handed over")
    for s, title in zip(stones, titles, strict=True):
        done = s.planned if pace >= 1 and s.planned <= DATA_UNTIL else None
        Milestone.objects.create(
            project=p,
            title=title,
            planned=s.planned,
            done=done,
            weight=Decimal(int(s.weight)),
            fictional=True,
        )
    unit = Decimal(10) ** (6 if p.currency in ("VND", "LAK") else 3)

    def share(on: date) -> float:
        return monitoring.planned_share(stones, on, p.start_date)

    allocations = {}
    for y in DEMO_YEARS:
        planned = float(budget) * (share(date(y, 12, 31)) - share(date(y - 1, 12, 31)))
        amount = (Decimal(planned) / unit).quantize(Decimal(1)) * unit
        allocations[y] = amount
        Allocation.objects.create(project=p, year=y, amount=amount, fictional=True)
    txs, paid_in_year = [], dict.fromkeys(DEMO_YEARS, Decimal(0))
    previous = p.start_date
    for end in _month_ends(p.start_date, DATA_UNTIL):
        owed = float(budget) * pace * (share(end) - share(previous)) * rng.uniform(0.9, 1.1)
        previous = end
        amount = (Decimal(max(owed, 0)) / unit).quantize(Decimal(1)) * unit
        if end.year in allocations:  # never more than the year's allocation
            amount = min(amount, allocations[end.year] - paid_in_year[end.year])
            paid_in_year[end.year] += amount
        if amount > 0:
            txs.append(
                Transaction(
                    project=p,
                    kind=TransactionKind.DISBURSEMENT,
                    date=end,
                    amount=amount,
                    fictional=True,
                    description=f"payment {end:%Y-%m}",
                )
            )
    Transaction.objects.bulk_create(txs)
    for end in _month_ends(p.start_date, DATA_UNTIL)[2::3]:
        percent = min(100.0, 100 * pace * share(end) * rng.uniform(0.95, 1.05))
        ProgressReport.objects.create(
            project=p, date=end, fictional=True, percent=Decimal(f"{percent:.1f}")
        )
    return len(txs)


@transaction.atomic
def load(progress: Callable[[str, int, int], None] | None = None) -> Loaded | None:
    """Load the demo projects once; ``None`` when they are already there."""
    if Project.objects.filter(fictional=True).exists():
        return None
    rng = random.Random(9)
    for currency, rows in RATES.items():
        for valid_from, value in rows:
            ExchangeRate.objects.get_or_create(
                currency=currency,
                valid_from=valid_from,
                defaults={"usd_per_unit": Decimal(value), "source": SOURCE, "fictional": True},
            )
    total = len(AID) + len(INVESTMENT)
    count = txs = 0
    for i, (code, en, vi, lo, sector, province, currency, budget, pace) in enumerate(AID):
        start = date(2023, 7, 1) + timedelta(days=45 * i)
        p = Project.objects.create(
            code=code,
            kind=Kind.AID,
            name_en=en,
            name_vi=vi,
            name_lo=lo,
            sector=sector,
            status=Status.UNDER_WAY,
            country="LAO",
            province_code=province,
            sponsor="Government of Viet Nam (fictional demo)",
            funding_type="non-refundable aid",
            executing_agency="Provincial Department of Planning and Investment (fictional)",
            start_date=start,
            end_date=start + timedelta(days=365 * 3 + 180),
            currency=currency,
            budget=Decimal(budget),
            fictional=True,
            priority=Decimal("1.5") if sector in (Sector.HEALTH, Sector.EDUCATION) else Decimal(1),
        )
        txs += _project_money(p, Decimal(budget), pace, rng)
        count += 1
        if progress:
            progress("projects (fictional)", count, total)
    investors = list(Enterprise.objects.filter(fictional=True, country="VNM").order_by("pk")[:20])
    for i, (code, en, sector, province, capital) in enumerate(INVESTMENT):
        start = date(2024, 1, 15) + timedelta(days=60 * i)
        investor = investors[i % len(investors)] if investors else None
        p = Project.objects.create(
            code=code,
            kind=Kind.INVESTMENT,
            name_en=en,
            sector=sector,
            status=Status.UNDER_WAY,
            country="LAO",
            province_code=province,
            investor=investor,
            sponsor=investor.name if investor else "",
            start_date=start,
            end_date=start + timedelta(days=365 * 3),
            currency="USD",
            budget=Decimal(capital),
            fictional=True,
        )
        txs += _project_money(p, Decimal(capital), (0.6, 1.0, 1.2)[i % 3], rng)
        count += 1
        if progress:
            progress("projects (fictional)", count, total)
    return Loaded(count, txs)

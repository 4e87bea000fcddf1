"""Fictional demo data: about 400 enterprises of both countries and 300 relationships.

Everything here is invented (``fictional=True`` on every record, and a badge in the interface).
Names are made from generic words; any likeness to a real firm is accidental. The generator is
seeded, so the demo is the same on every machine.
"""

from __future__ import annotations

import random
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import translation

from lienket import refdata
from lienket.core.vocabulary import Stage
from lienket.registry.importers import flag_duplicates_of
from lienket.registry.models import (
    Enterprise,
    EnterpriseProduct,
    ProductRole,
    Relationship,
    Zone,
)
from lienket.registry.validation import default_currency

SEED = 20251
N_ENTERPRISES = 400
N_RELATIONSHIPS = 300

# (Vietnamese, English, Lao) words for each chain's firms.
INDUSTRY_WORDS = {
    "materials": [
        ("Xi măng", "Cement", "ຊີມັງ"),
        ("Thép", "Steel", "ເຫຼັກກ້າ"),
        ("Vật liệu xây dựng", "Building Materials", "ວັດສະດຸກໍ່ສ້າງ"),
        ("Khoáng sản", "Minerals", "ບໍ່ແຮ່"),
    ],
    "chemicals": [
        ("Hóa chất", "Chemicals", "ເຄມີ"),
        ("Phân bón", "Fertiliser", "ຝຸ່ນ"),
        ("Kali", "Potash", "ໂປແຕດ"),
    ],
    "textiles": [
        ("Dệt may", "Textile and Garment", "ແຜ່ນແພ ແລະ ຕັດຫຍິບ"),
        ("Da giày", "Footwear", "ເກີບ"),
        ("Sợi", "Yarn", "ເສັ້ນໄຍ"),
    ],
    "mechanical": [
        ("Cơ khí", "Engineering", "ກົນຈັກ"),
        ("Ô tô", "Automotive", "ລົດຍົນ"),
        ("Máy nông nghiệp", "Farm Machinery", "ກົນຈັກກະສິກຳ"),
    ],
    "dairy": [("Sữa", "Dairy", "ນົມ"), ("Chăn nuôi bò sữa", "Dairy Farming", "ລ້ຽງງົວນົມ")],
    "electronics": [
        ("Điện tử", "Electronics", "ເອເລັກໂຕຣນິກ"),
        ("Dây cáp điện", "Cable", "ສາຍໄຟ"),
        ("Đồng", "Copper", "ທອງແດງ"),
    ],
    "power": [
        ("Thủy điện", "Hydropower", "ໄຟຟ້ານ້ຳຕົກ"),
        ("Năng lượng", "Energy", "ພະລັງງານ"),
        ("Thiết bị điện", "Electrical Equipment", "ອຸປະກອນໄຟຟ້າ"),
    ],
    "agro": [
        ("Cà phê", "Coffee", "ກາເຟ"),
        ("Nông sản", "Agro-processing", "ປຸງແຕ່ງກະສິກຳ"),
        ("Cao su", "Rubber", "ຢາງພາລາ"),
        ("Tinh bột sắn", "Cassava Starch", "ແປ້ງມັນຕົ້ນ"),
        ("Mía đường", "Sugar", "ນ້ຳຕານ"),
    ],
    "light": [
        ("Gỗ", "Wood", "ໄມ້"),
        ("Nội thất", "Furniture", "ເຟີນີເຈີ"),
        ("Bao bì", "Packaging", "ບັນຈຸພັນ"),
        ("Nhựa", "Plastics", "ພລາສຕິກ"),
    ],
}
VN_BRANDS = [
    "An Phát",
    "Bình Minh",
    "Trường Sơn",
    "Hồng Lĩnh",
    "Thái Hòa",
    "Phú Thịnh",
    "Đại Lợi",
    "Tân Việt",
    "Kim Long",
    "Hưng Thịnh",
    "Sông Lam",
    "Hoàng Mai",
    "Bắc Trung",
    "Vạn Xuân",
    "Ánh Dương",
    "Quang Minh",
    "Thiên Phú",
    "Lộc Phát",
    "Minh Khang",
    "Gia Bảo",
    "Đông Hải",
    "Phương Nam",
    "Hải Vân",
    "Ngọc Sơn",
]
LA_BRANDS = [
    ("ສີສະຫວາດ", "Sisavath"),
    ("ພູຂຽວ", "Phoukhiao"),
    ("ຈຳປາ", "Champa"),
    ("ແສງອາລຸນ", "Sengaloun"),
    ("ວຽງທອງ", "Viengthong"),
    ("ດາວເຮືອງ", "Daoheuang"),
    ("ສົມບູນ", "Somboun"),
    ("ນາຄາ", "Naka"),
    ("ມິດຕະພາບ", "Mittaphap"),
    ("ພູສີ", "Phousi"),
    ("ແສງຈັນ", "Sengchanh"),
    ("ທອງລາວ", "Thonglao"),
    ("ໄຊສົມບູນ", "Xaysomboun"),
    ("ຂອງ", "Khong"),
    ("ເຊໂນ", "Seno"),
    ("ດອກຈຳປາ", "Dokchampa"),
]
VN_PROVINCES = {
    "42": 9,
    "40": 9,
    "44": 8,
    "38": 7,
    "46": 5,
    "48": 6,
    "51": 4,
    "01": 6,
    "79": 6,
    "31": 5,
    "14": 3,
    "11": 2,
    "52": 2,
    "24": 2,
    "75": 2,
}
LA_PROVINCES = {
    "LA-VT": 10,
    "LA-SV": 8,
    "LA-CH": 6,
    "LA-KH": 6,
    "LA-BL": 4,
    "LA-AT": 4,
    "LA-SL": 3,
    "LA-XE": 3,
    "LA-LP": 3,
    "LA-HO": 3,
    "LA-XI": 3,
    "LA-VI": 3,
    "LA-OU": 2,
    "LA-LM": 2,
    "LA-BK": 1,
    "LA-PH": 1,
    "LA-XA": 2,
    "LA-XS": 1,
}
# Where each country's firms sit along a chain: Lao PDR upstream, Viet Nam downstream.
STAGE_WEIGHTS = {
    "VNM": {"raw_material": 1, "processing": 3, "manufacturing": 5, "design": 1, "distribution": 2},
    "LAO": {
        "raw_material": 5,
        "processing": 4,
        "manufacturing": 2,
        "design": 0.3,
        "distribution": 1,
    },
}
#: annual revenue per worker in US dollars by sector (the demo's firm sizes follow it, with a
#: spread): of the order of what the statistics offices publish — Viet Nam's enterprise census
#: (GSO) gives net turnover per worker of roughly USD 50-70 thousand in industry and several
#: times that in wholesale trade; Lao PDR's economic census gives a fraction of Viet Nam's
#: figure. Demo figures, not statistics: they keep a 7-person firm from selling USD 2.9 M.
REVENUE_PER_WORKER_USD = {
    "VNM": {"agriculture": 15_000, "industry": 55_000, "trade": 180_000, "services": 30_000},
    "LAO": {"agriculture": 5_000, "industry": 20_000, "trade": 60_000, "services": 12_000},
}
#: demo exchange rates (national currency per US dollar, 2024 order of magnitude)
DEMO_RATE = {"VNM": 25_000, "LAO": 21_500}
#: a tonne of the demo's goods, in US dollars (raw material, processed, manufactured)
PRICE_PER_TONNE_USD = {"raw_material": 350, "processing": 900, "manufacturing": 2_500}
#: the unit of a yearly capacity as the firm's own country writes it
TONNES_A_YEAR = {"VNM": "tấn/năm", "LAO": "ໂຕນ/ປີ"}

CERTIFICATIONS = [
    "ISO 9001",
    "ISO 14001",
    "HACCP",
    "ISO 22000",
    "OEKO-TEX",
    "GlobalG.A.P.",
    "ISO 45001",
    "FSC",
]
PREVIOUS = {
    "processing": "raw_material",
    "manufacturing": "processing",
    "design": "manufacturing",
    "distribution": "manufacturing",
}


@dataclass
class DemoResult:
    enterprises: int
    relationships: int
    duplicates_flagged: int


def _expand(rng: random.Random, code: str, hs: dict[str, refdata.HsCode]) -> str:
    """A concrete heading or subheading under a chain code (chapters become headings)."""
    if len(code) == 2:
        return rng.choice([c for c in hs if len(c) == 4 and c.startswith(code)])
    if len(code) == 4 and rng.random() < 0.5:
        subs = [c for c in hs if len(c) == 6 and c.startswith(code)]
        return rng.choice(subs) if subs else code
    return code


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _codes_at(chain: str, stage: str) -> list[str]:
    stage = "manufacturing" if stage in ("design", "distribution") else stage
    return [p.hs for p in refdata.chain_products() if p.chain == chain and p.stage == stage]


def _ascii(text: str) -> str:
    """Vietnamese without accents, case kept ("Đông Hải" -> "Dong Hai"), for English names."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


class _Builder:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.hs = refdata.hs_codes("HS2022")
        self.names: set[str] = set()
        self.tax_ids: set[str] = set()
        self.zones: dict[tuple[str, str], list[Zone]] = defaultdict(list)
        for z in Zone.objects.all():
            self.zones[(z.country, z.province_code)].append(z)

    def tax_id(self, country: str) -> str:
        while True:
            digits = 10 if country == "VNM" else 12
            value = "".join(self.rng.choice("0123456789") for _ in range(digits))
            if value not in self.tax_ids:
                self.tax_ids.add(value)
                return value

    def names_for(self, country: str, chain: str) -> tuple[str, str, str]:
        rng = self.rng
        for _ in range(1000):
            vi_word, en_word, lo_word = rng.choice(INDUSTRY_WORDS[chain])
            if country == "VNM":
                brand = rng.choice(VN_BRANDS)
                form = rng.choice(["TNHH", "Cổ phần"])
                vi = f"Công ty {form} {vi_word} {brand}"
                en = f"{_ascii(brand)} {en_word} {'Co., Ltd' if form == 'TNHH' else 'JSC'}"
                lo = ""
            else:
                brand_lo, brand_en = rng.choice(LA_BRANDS)
                lo = f"ບໍລິສັດ {lo_word} {brand_lo} ຈຳກັດ"
                en = f"{brand_en} {en_word} Co., Ltd"
                vi = f"Công ty {vi_word} {brand_en}"
            if en not in self.names:
                self.names.add(en)
                return vi, lo, en
        raise RuntimeError("ran out of demo names")

    def some_codes(self, chain: str, stage: str | None) -> list[str]:
        """Up to two concrete codes of a chain's stage (none for a stage without one)."""
        codes = _codes_at(chain, stage) if stage else []
        picked = self.rng.sample(codes, k=min(2, len(codes)))
        return sorted({_expand(self.rng, c, self.hs) for c in picked})

    def enterprise(self, country: str) -> tuple[Enterprise, list[str], list[str]]:
        rng = self.rng
        chain = rng.choice(list(refdata.chains()))
        stages = list(refdata.chains()[chain].stages)
        weights = {s: STAGE_WEIGHTS[country][s] for s in stages}
        stage = _pick(rng, weights)
        province = _pick(rng, VN_PROVINCES if country == "VNM" else LA_PROVINCES)
        vi, lo, en = self.names_for(country, chain)
        zones = self.zones.get((country, province), [])
        sector = {
            "raw_material": "agriculture" if chain in ("agro", "dairy") else "industry",
            "distribution": "trade",
            "design": "services",
        }.get(stage, "industry")
        employees = int(rng.lognormvariate(4.0, 1.2)) + 1
        per_worker = REVENUE_PER_WORKER_USD[country][sector] * rng.lognormvariate(0, 0.35)
        revenue_usd = employees * per_worker
        revenue = Decimal(int(revenue_usd * DEMO_RATE[country] / 1_000_000) * 1_000_000)
        capital = Decimal(int(float(revenue) * rng.uniform(0.2, 0.9) / 1_000_000) * 1_000_000)
        price = PRICE_PER_TONNE_USD.get(stage, 0)
        tonnes = round(revenue_usd * rng.uniform(0.6, 0.9) / price, -1) if price else 0
        products = self.some_codes(chain, stage)
        inputs = self.some_codes(chain, PREVIOUS.get(stage))
        extra = [stage] + ([PREVIOUS[stage]] if stage in PREVIOUS and rng.random() < 0.2 else [])
        ent = Enterprise(
            country=country,
            name_vi=vi,
            name_lo=lo,
            name_en=en,
            tax_id=self.tax_id(country),
            province_code=province,
            zone=rng.choice(zones) if zones and rng.random() < 0.5 else None,
            sector=sector,
            stages=refdata.stage_words(extra),
            employees=employees,
            annual_revenue=revenue,
            total_capital=capital,
            currency=default_currency(country),
            capacity=f"{int(tonnes)} {TONNES_A_YEAR[country]}" if tonnes else "",
            certifications=", ".join(rng.sample(CERTIFICATIONS, k=rng.choice([0, 0, 1, 2]))),
            description=_description(country, chain, stage),
            contact_email=f"contact{len(self.names)}@example.com",
            fictional=True,
        )
        return ent, products, inputs


def _description(country: str, chain: str, stage: str) -> str:
    """A demo firm's description in its own country's language, saying it is invented."""
    lang = "vi" if country == "VNM" else "lo"
    with translation.override(lang):
        stage_name = str(dict(Stage.choices).get(stage, stage))
    chain_name = refdata.chains()[chain].names.get(lang)
    if lang == "vi":
        return f"Doanh nghiệp giả định (dữ liệu minh họa): {chain_name}, công đoạn {stage_name}."
    return f"ວິສາຫະກິດສົມມຸດ (ຂໍ້ມູນສາທິດ): {chain_name}, ຂັ້ນຕອນ {stage_name}."


def _relationships(
    rng: random.Random, firms: list[tuple[Enterprise, list[str], list[str]]], n: int
) -> list[Relationship]:
    by_product: dict[str, list[Enterprise]] = defaultdict(list)
    for ent, products, _inputs in firms:
        for code in products:
            by_product[code[:4]].append(ent)
    rels: dict[tuple[int, int, str], Relationship] = {}
    buyers = [f for f in firms if f[2]]
    for _ in range(n * 20):
        if len(rels) >= n:
            break
        buyer, _p, inputs = rng.choice(buyers)
        code = rng.choice(inputs)
        suppliers = [s for s in by_product.get(code[:4], []) if s.pk != buyer.pk]
        if not suppliers:
            continue
        cross = [s for s in suppliers if s.country != buyer.country]
        pool = cross if cross and rng.random() < 0.75 else suppliers
        supplier = rng.choice(pool)
        key = (supplier.pk, buyer.pk, code)
        if key not in rels:
            rels[key] = Relationship(
                supplier=supplier,
                buyer=buyer,
                hs_code=code,
                hs_edition="HS2022",
                annual_value_usd=Decimal(int(rng.lognormvariate(12.5, 1.1))),
                since=rng.randint(2008, 2025),
                notes="Fictional demo relationship.",
                fictional=True,
            )
    return list(rels.values())


def load_demo(progress: Callable[[str, int, int], None] | None = None) -> DemoResult | None:
    """Create the demo registry once; returns None when demo data is already there."""
    if Enterprise.objects.filter(fictional=True).exists():
        return None
    rng = random.Random(SEED)
    builder = _Builder(rng)
    firms = [builder.enterprise("VNM" if i % 2 == 0 else "LAO") for i in range(N_ENTERPRISES)]
    # A few near-duplicates, as an import would bring them, for the steward's review page.
    for ent, products, inputs in firms[:4]:
        twin = Enterprise(
            **{
                f.name: getattr(ent, f.name)
                for f in Enterprise._meta.concrete_fields
                if f.name not in ("id", "created", "updated")
            }
        )
        twin.tax_id = builder.tax_id(ent.country)
        twin.name_en = ent.name_en.replace("Co., Ltd", "Company Limited").replace("JSC", "J.S.C")
        twin.name_vi = ent.name_vi.upper()
        firms.append((twin, products, inputs))
    with transaction.atomic():
        for ent, products, inputs in firms:
            ent.refresh_derived(hs_codes=products + inputs)
        created = Enterprise.objects.bulk_create([f[0] for f in firms])
        if progress:
            progress("enterprises", len(created), len(firms))
        EnterpriseProduct.objects.bulk_create(
            EnterpriseProduct(enterprise=e, role=role, hs_code=c)
            for e, (_e, products, inputs) in zip(created, firms, strict=True)
            for role, codes in ((ProductRole.MADE, products), (ProductRole.NEEDED, inputs))
            for c in codes
        )
        rels = Relationship.objects.bulk_create(_relationships(rng, firms, N_RELATIONSHIPS))
        if progress:
            progress("relationships", len(rels), N_RELATIONSHIPS)
        flagged = flag_duplicates_of(created[-4:])
    return DemoResult(len(created), len(rels), flagged)

"""What every part of the report shares: its sections and their default order, the period's
names and bounds, the cover's default words."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lienket.engine.trade.indicators import TARGET_HIGH, TARGET_LOW
from lienket.engine.trade.turnover import Period

#: the sections in their default order (a steward may reorder or leave some out)
SECTIONS = {
    "glance": gettext_lazy("The commitments at a glance"),
    "summary": gettext_lazy("Summary of key figures"),
    "trade": gettext_lazy("Trade by priority chain and top products"),
    "opportunities": gettext_lazy("Opportunities"),
    "chains": gettext_lazy("Value chains: coverage, gaps, matches and agreements"),
    "pilots": gettext_lazy("Pilot linkage projects"),
    "investment": gettext_lazy("Investment and power projects"),
    "aid": gettext_lazy("Aid-funded projects"),
    "workplan": gettext_lazy("Work-plan progress"),
    "training": gettext_lazy("Training outcomes"),
    "commitments": gettext_lazy("Implementation of the Committee's commitments"),
    "next_steps": gettext_lazy("Next steps"),
}

Progress = Callable[[int, int, str], None]
#: the Intergovernmental Committee's growth target, as the dashboard writes it
BAND = {"low": f"{TARGET_LOW * 100:g}", "high": f"{TARGET_HIGH * 100:g}"}


def period_code(p: Period) -> str:
    """The short name of a period: 2024, 2025-H1, 2025-Q3, or 2025-01..10."""
    if p.full_year:
        return str(p.year)
    months = p.months_of_year
    for half, span in ((1, (1, 6)), (2, (7, 12))):
        if months == span:
            return f"{p.year}-H{half}"
    for q in range(1, 5):
        if months == (3 * q - 2, 3 * q):
            return f"{p.year}-Q{q}"
    return str(p)


def period_words(p: Period) -> str:
    """The period as the report's language writes it (active language)."""
    code = period_code(p)
    if p.full_year:
        return _("year %(year)s") % {"year": p.year}
    if code.endswith("H1"):
        return _("first half of %(year)s") % {"year": p.year}
    if code.endswith("H2"):
        return _("second half of %(year)s") % {"year": p.year}
    if "-Q" in code:
        roman = ("I", "II", "III", "IV")[int(code[-1]) - 1]
        return _("quarter %(quarter)s of %(year)s") % {"quarter": roman, "year": p.year}
    return _("months %(first)s–%(last)s of %(year)s") % {
        "first": p.first_month,
        "last": p.last_month,
        "year": p.year,
    }


def bounds(p: Period) -> tuple[date, date]:
    last = calendar.monthrange(p.year, p.last_month)[1]
    return date(p.year, p.first_month, 1), date(p.year, p.last_month, last)


# --- defaults of the cover (a steward's template overrides any of them) ---------------------

DEFAULT_COVER = {
    "title": gettext_lazy("Periodic report on the Viet Nam – Lao PDR industrial linkage"),
    "ministry_a": gettext_lazy(
        "Ministry of Industry and Trade of the Socialist Republic of Viet Nam"),
    "ministry_b": gettext_lazy(
        "Ministry of Industry and Commerce of the Lao People's Democratic Republic"),
    "note": gettext_lazy("Prepared by the focal points of the two ministries for the ministers."),
}  # fmt: skip


def to_float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


#: the parts of an official document, by language: for Vietnamese the layout of Decree
#: 30/2020/NĐ-CP (national name and motto, issuing body, number, place and date, subject,
#: recipients, signature), for Lao its equivalent, English plain. These are the document's own
#: words in its language, not translations; a steward's template overrides any of them.
OFFICIAL: dict[str, dict[str, str]] = {
    "vi": {
        "nation": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto": "Độc lập - Tự do - Hạnh phúc",
        "issuer": "BỘ CÔNG THƯƠNG",
        "number": "Số:        /BC-BCT",
        "place": "Hà Nội",
        "subject": "V/v báo cáo định kỳ về liên kết công nghiệp Việt Nam – Lào",
        "recipients_label": "Nơi nhận:",
        "recipients": "- Lãnh đạo Bộ (để b/c);\n- Bộ Công Thương nước CHDCND Lào;\n- Lưu: VT.",
        "signer_title": "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG",
        "signer_name": "",
    },
    "lo": {
        "nation": "ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ",
        "motto": "ສັນຕິພາບ ເອກະລາດ ປະຊາທິປະໄຕ ເອກະພາບ ວັດທະນະຖາວອນ",
        "issuer": "ກະຊວງອຸດສາຫະກຳ ແລະ ການຄ້າ",
        "number": "ເລກທີ:        /ອຄ",
        "place": "ນະຄອນຫຼວງວຽງຈັນ",
        "subject": "ເລື່ອງ: ບົດລາຍງານປະຈຳໄລຍະ ກ່ຽວກັບການເຊື່ອມໂຍງອຸດສາຫະກຳ ລາວ – ຫວຽດນາມ",
        "recipients_label": "ບ່ອນສົ່ງ:",
        "recipients": "- ຄະນະນຳກະຊວງ;\n- ກະຊວງອຸດສາຫະກຳ ແລະ ການຄ້າ ສສ ຫວຽດນາມ;\n- ເກັບມ້ຽນ.",
        "signer_title": "ລັດຖະມົນຕີ",
        "signer_name": "",
    },
    "en": {
        "nation": "",
        "motto": "",
        "issuer": "Viet Nam – Lao PDR joint working group on industrial linkage",
        "number": "No.",
        "place": "",
        "subject": "Periodic report on the Viet Nam – Lao PDR industrial linkage",
        "recipients_label": "To:",
        "recipients": "- The Ministers of the two ministries",
        "signer_title": "For the focal points",
        "signer_name": "",
    },
}


def place_and_date(official: dict[str, str], long_date: str, lang: str) -> str:
    """ "Hà Nội, ngày 1 tháng 3 năm 2025"; "ນະຄອນຫຼວງວຽງຈັນ, ວັນທີ 1 ມີນາ 2025"; "1 March 2025"."""
    day = f"ວັນທີ {long_date}" if lang == "lo" else long_date
    return f"{official['place']}, {day}" if official.get("place") else day

"""The registry's import columns in each language, and how a row is checked."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from lienket.engine.errors import RowError
from lienket.engine.io.tabular import Table
from lienket.registry import validation as v
from lienket.registry.models import (
    FIGURE_FIELDS,
    NAME_FIELDS,
    PROFILE_FIELDS,
)

ENTERPRISE_REQUIRED = ("country", *NAME_FIELDS, "tax_id", "province", "sector")
ENTERPRISE_OPTIONAL = (
    "zone", "stages", "hs_edition", "products", "inputs", *FIGURE_FIELDS, "currency",
    *PROFILE_FIELDS, "fictional",
)  # fmt: skip
ENTERPRISE_EXPORT_ONLY = ("size_class", "chains")
#: columns an export adds for reading: the coded columns' labels in the reader's language
ENTERPRISE_LABEL_COLUMNS = ("country_name", "province_name", "sector_name", "stage_names",
                            "size_class_name", "chain_names")  # fmt: skip
#: The column an export carries so that the file can be imported back to update the firms.
ENTERPRISE_ID = "id"
RELATIONSHIP_EXPORT_ONLY = ("supplier_name", "buyer_name")
RELATIONSHIP_REQUIRED = ("supplier_country", "supplier_tax_id", "buyer_country", "buyer_tax_id")
RELATIONSHIP_OPTIONAL = ("hs_code", "hs_edition", "annual_value_usd", "since", "notes", "fictional")

#: Column names as a Vietnamese or Lao office writes them: (Vietnamese, Lao). The import
#: templates use them in those languages, and an import accepts them in any language.
ENTERPRISE_HEADERS = {
    ENTERPRISE_ID: ("mã lienket", "ລະຫັດ lienket"),
    "country": ("quốc gia", "ປະເທດ"),
    "name_vi": ("tên tiếng việt", "ຊື່ພາສາຫວຽດ"),
    "name_lo": ("tên tiếng lào", "ຊື່ພາສາລາວ"),
    "name_en": ("tên tiếng anh", "ຊື່ພາສາອັງກິດ"),
    "tax_id": ("mã số thuế", "ເລກປະຈຳຕົວຜູ້ເສຍອາກອນ"),
    "province": ("tỉnh/thành phố", "ແຂວງ"),
    "zone": ("khu công nghiệp/khu kinh tế", "ເຂດເສດຖະກິດ"),
    "sector": ("ngành", "ຂະແໜງ"),
    "stages": ("công đoạn", "ຂັ້ນຕອນ"),
    "hs_edition": ("phiên bản hs", "ສະບັບ hs"),
    "products": ("sản phẩm (mã hs)", "ຜະລິດຕະພັນ (ລະຫັດ hs)"),
    "inputs": ("nguyên liệu đầu vào (mã hs)", "ວັດຖຸດິບ (ລະຫັດ hs)"),
    "employees": ("số lao động", "ຈຳນວນພະນັກງານ"),
    "annual_revenue": ("doanh thu năm", "ລາຍຮັບປະຈຳປີ"),
    "total_capital": ("tổng vốn", "ທຶນທັງໝົດ"),
    "currency": ("tiền tệ", "ສະກຸນເງິນ"),
    "capacity": ("năng lực sản xuất", "ກຳລັງການຜະລິດ"),
    "certifications": ("chứng nhận", "ໃບຢັ້ງຢືນ"),
    "description": ("mô tả", "ລາຍລະອຽດ"),
    "contact_name": ("người liên hệ", "ຜູ້ຕິດຕໍ່"),
    "contact_email": ("email liên hệ", "ອີເມວຕິດຕໍ່"),
    "contact_phone": ("điện thoại liên hệ", "ເບີໂທຕິດຕໍ່"),
    "website": ("trang web", "ເວັບໄຊ"),
    "fictional": ("hư cấu", "ສົມມຸດ"),
    "size_class": ("quy mô", "ຂະໜາດ"),
    "chains": ("chuỗi giá trị", "ຕ່ອງໂສ້ມູນຄ່າ"),
    "country_name": ("tên quốc gia", "ຊື່ປະເທດ"),
    "province_name": ("tên tỉnh", "ຊື່ແຂວງ"),
    "sector_name": ("tên ngành", "ຊື່ຂະແໜງ"),
    "stage_names": ("tên công đoạn", "ຊື່ຂັ້ນຕອນ"),
    "size_class_name": ("tên quy mô", "ຊື່ຂະໜາດ"),
    "chain_names": ("tên chuỗi giá trị", "ຊື່ຕ່ອງໂສ້ມູນຄ່າ"),
}
RELATIONSHIP_HEADERS = {
    "supplier_country": ("quốc gia bên bán", "ປະເທດຜູ້ສະໜອງ"),
    "supplier_tax_id": ("mã số thuế bên bán", "ເລກອາກອນຜູ້ສະໜອງ"),
    "buyer_country": ("quốc gia bên mua", "ປະເທດຜູ້ຊື້"),
    "buyer_tax_id": ("mã số thuế bên mua", "ເລກອາກອນຜູ້ຊື້"),
    "hs_code": ("mã hs", "ລະຫັດ hs"),
    "hs_edition": ("phiên bản hs", "ສະບັບ hs"),
    "annual_value_usd": ("giá trị năm (usd)", "ມູນຄ່າປະຈຳປີ (usd)"),
    "since": ("từ năm", "ຕັ້ງແຕ່ປີ"),
    "notes": ("ghi chú", "ໝາຍເຫດ"),
    "fictional": ("hư cấu", "ສົມມຸດ"),
    "supplier_name": ("tên bên bán", "ຊື່ຜູ້ສະໜອງ"),
    "buyer_name": ("tên bên mua", "ຊື່ຜູ້ຊື້"),
}


def _aliases(headers: dict[str, tuple[str, str]]) -> dict[str, str]:
    return {name: column for column, names in headers.items() for name in names}


ENTERPRISE_ALIASES = _aliases(ENTERPRISE_HEADERS)
RELATIONSHIP_ALIASES = _aliases(RELATIONSHIP_HEADERS)

Progress = Callable[[str, int, int], None]
# Free-text columns, checked against the length their model field holds (never cut).
TEXT_COLUMNS = (*NAME_FIELDS, "capacity", "certifications", "description", "contact_name",
                "contact_phone")  # fmt: skip


@dataclass(frozen=True)
class Change:
    """One field of a registered firm that an import changes (or would change)."""

    row: int
    enterprise: int
    name: str
    field: str
    old: str
    new: str


@cache
def _takes_notes(parse: Callable[..., Any]) -> bool:
    """Whether a parse function reports what it did to a value it accepted."""
    return "notes" in inspect.signature(parse).parameters


class RowChecker:
    """Runs ``parse`` functions on one row, recording each failure as a RowError and what a
    parse function did to a value it accepted (its notes) as a notice."""

    def __init__(self, table: Table, line: int, row: dict[str, str], errors: list[RowError]):
        self.table, self.line, self.row, self.errors = table, line, row, errors

    def __call__(self, column: str, parse: Callable[..., Any], *args: Any) -> Any:
        notes: v.Notes = []
        options = {"notes": notes} if _takes_notes(parse) else {}
        try:
            value = parse(*args, self.row.get(column, ""), **options)
            for message, params in notes:
                self.table.notices.append(
                    RowError(self.table.name, self.line, column, message, params)
                )
            return value
        except v.FieldError as exc:
            self.errors.append(
                RowError(self.table.name, self.line, column, str(exc.message), exc.params)
            )
            return None

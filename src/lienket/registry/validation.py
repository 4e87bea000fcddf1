"""Field rules for enterprises and relationships, shared by the form, the API and the importer.

Each ``parse_*`` function takes user text and returns the clean value or raises
:class:`FieldError` with a translatable message; importers turn that into a ``RowError`` naming
file, row and column, forms into a field error.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext_lazy as _

from lienket import refdata
from lienket.core.vocabulary import Stage
from lienket.engine.hscode import NATIONAL, PADDED, hs_digits
from lienket.engine.numbers import NumberError, parse_decimal
from lienket.engine.text import fold
from lienket.registry.models import MAX_AMOUNT, MAX_INTEGER, NAME_FIELDS, Enterprise, Sector, Zone

HS_SPLIT = re.compile(r"[\s,;/|]+")
#: What a parse function says it did to a value it still accepted: (message, params).
Notes = list[tuple[str, dict[str, object]]]


class FieldError(Exception):
    """A value that breaks a field rule; ``message`` is a translatable template."""

    def __init__(self, message: str, params: Mapping[str, object] | None = None) -> None:
        self.message = message
        self.params = dict(params or {})
        super().__init__(message)

    def text(self) -> str:
        """The message in the active language, with its values filled in."""
        return str(self.message) % self.params if self.params else str(self.message)


def parse_text(max_length: int | None, text: str) -> str:
    """Free text, stripped; refused (never cut) when longer than the field holds."""
    value = text.strip()
    if max_length is not None and len(value) > max_length:
        raise FieldError(
            _("the text is %(length)s characters long; at most %(max)s fit"),
            {"length": len(value), "max": max_length},
        )
    return value


def parse_country(text: str, notes: Notes | None = None) -> str:
    """An ISO alpha-3 code of one of the configured countries, from a code or a name; an ISO
    numeric code ("704") is read too, with a note (issue 27)."""
    found = refdata.resolve_country(text)
    digits = text.strip()
    if found is None and digits.isdigit() and len(digits) <= 3:
        found = next(
            (c for c in refdata.countries().values() if c.m49 and c.m49 == digits.zfill(3)), None
        )
        if found is not None and notes is not None:
            notes.append(
                (
                    _("%(value)s was read as the ISO numeric code of %(country)s"),
                    {"value": digits, "country": found.iso3},
                )
            )
    if found is None:
        raise FieldError(_("unknown country %(value)r"), {"value": text})
    if found.iso3 not in settings.LIENKET_COUNTRIES:
        raise FieldError(
            _("%(country)s is not one of this platform's countries (%(pair)s)"),
            {"country": found.iso3, "pair": ", ".join(settings.LIENKET_COUNTRIES)},
        )
    return found.iso3


def parse_province(country: str, text: str, notes: Notes | None = None) -> str:
    """A province code from a code or a name in any language, romanised Lao and common
    abbreviations included; a former Vietnamese province is recorded as the unit it is now
    part of, with a note naming both; a name found only without its administrative word, or a
    code without its leading zero, is read with a note saying so (``refdata.read_province``)."""
    if not text.strip():
        raise FieldError(_("a province is required"))
    found = refdata.read_province(country, text)
    if found is None:
        raise FieldError(
            _("unknown province %(value)r for %(country)s"), {"value": text, "country": country}
        )
    province, former, how = found
    if notes is None:
        return province.code
    if how == refdata.WORD:
        notes.append((_("%(value)r was read as %(province)s (the administrative word left out)"),
                      {"value": text.strip(), "province": province.names.vi}))  # fmt: skip
    elif how == refdata.ZERO:
        notes.append((_("the province code %(value)s was read as %(code)s (%(province)s)"),
                      {"value": text.strip(), "code": province.code,
                       "province": province.names.vi}))  # fmt: skip
    if former:
        notes.append(
            (
                _("%(former)s is a former province; it was recorded as %(province)s"),
                {"former": former, "province": province.names.vi},
            )
        )
    return province.code


def parse_zone(country: str, zones: list[Zone] | None, text: str) -> Zone | None:
    if not text.strip():
        return None
    key = fold(text)
    for z in zones if zones is not None else Zone.objects.all():
        if key in {fold(z.code), fold(z.name_en), fold(z.name_vi), fold(z.name_lo)}:
            if z.country != country:
                raise FieldError(
                    _("zone %(value)r is not in %(country)s"), {"value": text, "country": country}
                )
            return z
    raise FieldError(_("unknown zone %(value)r"), {"value": text})


@cache
def label_index(kind: str) -> dict[str, str]:
    """Folded labels of a coded column's values in English, Vietnamese and Lao, and the codes
    themselves, mapped to the code: a template's drop-down list writes labels in the sheet's
    language, and an import reads them in any of the three."""
    from django.utils import translation

    choices = {"sector": Sector.choices, "stage": Stage.choices}[kind]
    index = {fold(str(value)): str(value) for value, _label in choices}
    for lang in ("en", "vi", "lo"):
        with translation.override(lang):
            index.update({fold(str(label)): str(value) for value, label in choices})
    return index


@cache
def _longest_first(kind: str) -> tuple[str, ...]:
    return tuple(sorted(label_index(kind), key=len, reverse=True))


def choice_names(kind: str) -> str:
    """The labels of a coded column in the active language, for an error message."""

    choices = {"sector": Sector.choices, "stage": Stage.choices}[kind]
    return ", ".join(str(label) for _value, label in choices)


def parse_sector(text: str) -> str:
    found = label_index("sector").get(fold(text))
    if found:
        return found
    raise FieldError(
        _("unknown sector %(value)r; use one of %(choices)s"),
        {"value": text, "choices": choice_names("sector")},
    )


def parse_stages(text: str) -> str:
    """Stages as codes or labels in any language, separated by commas (or, for codes, spaces):
    "processing manufacturing", "Chế biến, Sản xuất"."""
    index = label_index("stage")
    # labels may hold spaces and commas ("Sản xuất, chế biến"): replace the longest first
    rest = " " + " ".join(fold(part) for part in re.split(r"[,;/|]+", text)) + " "
    for label in _longest_first("stage"):
        rest = rest.replace(f" {label} ", f" {index[label]} ")
    stages = []
    for word in rest.split():
        code = word.replace(" ", "_")
        if code not in refdata.STAGES:
            raise FieldError(
                _("unknown value-chain stage %(value)r; use %(choices)s"),
                {"value": word, "choices": choice_names("stage")},
            )
        if code not in stages:
            stages.append(code)
    return refdata.stage_words(stages)


def parse_edition(text: str) -> str:
    edition = text.strip().upper().replace(" ", "") or "HS2022"
    if not edition.startswith("HS"):
        edition = "HS" + edition
    if edition not in refdata.HS_EDITIONS:
        raise FieldError(
            _("unknown HS edition %(value)r; use %(choices)s"),
            {"value": text, "choices": ", ".join(refdata.HS_EDITIONS)},
        )
    return edition


def parse_hs_code(edition: str, text: str, notes: Notes | None = None) -> str:
    """One HS heading (4 digits) or subheading (6 digits) that exists in ``edition``.

    Spreadsheets often drop a leading zero ("40110" for "040110"): an odd-length code is
    padded once, since every HS code has an even number of digits. A national tariff line
    (8 or 10 digits, as Viet Nam's and the ASEAN nomenclature write them) is cut to its HS
    subheading. Both are stated in ``notes``.
    """
    raw = text.strip()
    # issue 8 - "810.1" is a code a spreadsheet stored as a number (0810.10 meant), never 8101
    if "." in raw and not re.fullmatch(r"\d{4}\.\d{2}(\.\d{2})?|\d{4}", raw):
        whole, _dot, frac = raw.partition(".")
        likely = (
            f"{whole.zfill(4)}.{frac.ljust(2, '0')}" if whole.isdigit() and frac.isdigit() else ""
        )
        raise FieldError(
            _("%(value)r looks like an HS code stored as a number; type it as text (%(likely)s?)"),
            {"value": text, "likely": likely or "0000.00"},
        )
    code, what = hs_digits(raw)
    if what and notes is not None:
        message = {
            PADDED: _("HS code %(value)s was read as %(code)s (a leading zero was missing)"),
            NATIONAL: _("national tariff line %(value)s was recorded as HS subheading %(code)s"),
        }[what]
        notes.append((message, {"value": raw, "code": code}))
    if not code.isdigit() or len(code) not in (4, 6):
        raise FieldError(_("%(value)r is not an HS code of 4 or 6 digits"), {"value": text})
    if code not in refdata.hs_codes(edition):
        raise FieldError(
            _("HS code %(code)s does not exist in %(edition)s"), {"code": code, "edition": edition}
        )
    return code


def parse_hs_list(edition: str, text: str, notes: Notes | None = None) -> list[str]:
    codes: list[str] = []
    for part in HS_SPLIT.split(text.strip()):
        if part and (code := parse_hs_code(edition, part, notes)) not in codes:
            codes.append(code)
    return codes


def parse_tax_id(country: str, text: str) -> str:
    value = text.strip().replace(" ", "")
    fmt = refdata.tax_id_formats().get(country)
    if value and fmt and not fmt.pattern.fullmatch(value):
        raise FieldError(
            _("tax identifier %(value)r does not have %(country)s's format (%(example)s)"),
            {"value": text, "country": country, "example": fmt.example},
        )
    return value


def _number(text: str) -> Decimal | None:
    """A number typed by a person or kept by a spreadsheet, read only when certain."""
    if not text.strip():
        return None
    try:
        return parse_decimal(text).value
    except NumberError as exc:
        raise FieldError(exc.message, exc.params) from None


def parse_int(text: str) -> int | None:
    number = _number(text)
    if number is None:
        return None
    if number < 0 or number != number.to_integral_value():
        raise FieldError(_("%(value)r is not a whole number of zero or more"), {"value": text})
    if number > MAX_INTEGER:
        raise FieldError(_("%(value)r is too large"), {"value": text})
    return int(number)


def parse_money(text: str) -> Decimal | None:
    number = _number(text)
    if number is None:
        return None
    if number < 0:
        raise FieldError(_("%(value)r must be zero or more"), {"value": text})
    if number != number.to_integral_value():
        raise FieldError(
            _("%(value)r has decimals; amounts are recorded in whole currency units"),
            {"value": text},
        )
    if number > MAX_AMOUNT:
        raise FieldError(_("%(value)r is too large"), {"value": text})
    return number.quantize(Decimal(1))


def default_currency(country: str) -> str:
    return next((r.currency for r in refdata.sme_rules() if r.country == country), "USD")


def parse_currency(country: str, text: str) -> str:
    expected = default_currency(country)
    value = text.strip().upper() or expected
    if value != expected:
        raise FieldError(
            _("revenue and capital of %(country)s firms are recorded in %(currency)s"),
            {"country": country, "currency": expected},
        )
    return value


def parse_email(text: str) -> str:
    value = text.strip()
    if value:
        try:
            EmailValidator()(value)
        except ValidationError:
            raise FieldError(_("%(value)r is not an email address"), {"value": text}) from None
    return value


def parse_url(text: str) -> str:
    value = text.strip()
    if value and not value.startswith(("http://", "https://")):
        value = "https://" + value
    if value:
        try:
            URLValidator()(value)
        except ValidationError:
            raise FieldError(_("%(value)r is not a web address"), {"value": text}) from None
    return value


def parse_bool(text: str) -> bool:
    value = fold(text)
    if value in {"", "0", "no", "false", "khong", "ບໍ່"}:
        return False
    if value in {"1", "yes", "true", "co", "ແມ່ນ", "x"}:
        return True
    raise FieldError(_("%(value)r is not yes or no"), {"value": text})


DATE_FORMS = (
    re.compile(r"(?P<year>\d{4})-\d{1,2}(-\d{1,2})?"),  # 2019-05-01, 2019-05
    re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-](?P<year>\d{4})"),  # 01/05/2019, 1.5.2019
    re.compile(r"\d{1,2}[/.-](?P<year>\d{4})"),  # 05/2019
)


def parse_year(text: str, notes: Notes | None = None) -> int | None:
    """A year, or the year of a date (2019-05-01, 01/05/2019, 05/2019) with a note that
    only the year is kept."""
    raw = text.strip()
    for form in DATE_FORMS:
        if m := form.fullmatch(raw):
            if notes is not None:
                notes.append(
                    (_("the date %(value)s was recorded as the year %(year)s"),
                     {"value": raw, "year": m["year"]}),
                )  # fmt: skip
            raw = m["year"]
            break
    year = parse_int(raw)
    if year is not None and not 1900 <= year <= 2100:
        raise FieldError(_("%(value)r is not a year"), {"value": text})
    return year


NAME_REQUIRED = _("At least one name (Vietnamese, Lao or English) is required.")


def has_a_name(values: Mapping[str, object], instance: Enterprise | None = None) -> bool:
    """Whether a firm has a name in at least one language (values first, then the instance)."""
    return any(values.get(f, getattr(instance, f, "")) for f in NAME_FIELDS)


def check_enterprise(
    country: str, values: Mapping[str, object], instance: Enterprise | None
) -> dict[str, str]:
    """Rules across fields of one firm, shared by the form and the API: ``{field: message}``.

    ``values`` holds parsed values; fields it lacks are taken from ``instance`` (an update).
    The importer applies the same rules in bulk, with file-level duplicates on top.
    """
    errors: dict[str, str] = {}
    if not has_a_name(values, instance):
        errors["name_en"] = str(NAME_REQUIRED)
    zone = values.get("zone")
    if isinstance(zone, Zone) and zone.country != country:
        errors["zone"] = str(_("This zone is in another country."))
    tax_id = values.get("tax_id")
    pk = instance.pk if instance else None
    if tax_id and Enterprise.objects.filter(country=country, tax_id=tax_id).exclude(pk=pk).exists():
        errors["tax_id"] = str(_("This tax identifier is already registered."))
    return errors

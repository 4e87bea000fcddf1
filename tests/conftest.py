"""Personas that are the role matrix, and a small hand-made registry."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from lienket.core.models import Profile, Role
from lienket.registry.models import Enterprise, Relationship
from lienket.registry.services import load_reference_zones, save_enterprise

PASSWORD = "correct horse battery"


@pytest.fixture
def zones(db: Any) -> None:
    load_reference_zones()


def make_firm(
    country: str,
    name: str,
    province: str,
    tax_id: str = "",
    products: tuple[str, ...] = (),
    inputs: tuple[str, ...] = (),
    **fields: Any,
) -> Enterprise:
    lang_field = {"VNM": "name_vi", "LAO": "name_lo"}.get(country, "name_en")
    ent = Enterprise(
        country=country, province_code=province, tax_id=tax_id, **{lang_field: name}, **fields
    )
    return save_enterprise(ent, list(products), list(inputs))


@pytest.fixture
def registry(db: Any, zones: None) -> dict[str, Enterprise]:
    """Three firms: a Vietnamese cement maker, a Lao limestone quarry, a Lao coffee roaster."""
    vn = make_firm(
        "VNM",
        "Công ty TNHH Xi măng Hồng Lĩnh",
        "42",
        "0101234567",
        products=("252329",),
        inputs=("2521",),
        employees=150,
        annual_revenue=Decimal(40_000_000_000),
        stages="manufacturing",
    )
    la = make_firm(
        "LAO",
        "ບໍລິສັດ ຫີນປູນ ພູຂຽວ ຈຳກັດ",
        "LA-KH",
        "123456789012",
        products=("2521",),
        name_en="Phoukhiao Limestone Co., Ltd",
        employees=40,
        stages="raw_material",
    )
    cafe = make_firm(
        "LAO", "ບໍລິສັດ ກາເຟ ຈຳປາ ຈຳກັດ", "LA-CH", "123456789013", products=("0901",), employees=12
    )
    Relationship.objects.create(supplier=la, buyer=vn, hs_code="2521", annual_value_usd=250000)
    return {"vn": vn, "la": la, "cafe": cafe}


def _user(username: str, role: str | None = None, **profile: Any) -> User:
    user = User.objects.create_user(username, password=PASSWORD)
    if role is None:
        user.is_superuser = user.is_staff = True
        user.save()
    else:
        Profile.objects.create(user=user, role=role, **profile)
    return user


@pytest.fixture
def steward(db: Any) -> User:
    return _user("steward")


@pytest.fixture
def vn_focal(db: Any) -> User:
    return _user("vioit", Role.FOCAL, country="VNM", organisation="VIOIT")


@pytest.fixture
def la_focal(db: Any) -> User:
    return _user("iice", Role.FOCAL, country="LAO", organisation="IICE")


@pytest.fixture
def reader(db: Any) -> User:
    return _user("reader", Role.READER)


@pytest.fixture
def enterprise_user(registry: dict[str, Enterprise]) -> User:
    return _user("firm", Role.ENTERPRISE, enterprise=registry["vn"])


@pytest.fixture
def client_for(client: Client) -> Any:
    def login(user: User | None) -> Client:
        if user is not None:
            client.force_login(user)
        return client

    return login


@pytest.fixture(autouse=True)
def _default_language() -> Any:
    """Each test starts in English: a page request leaves its language active in the thread."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def pair(db: Any, zones: None, settings: Any, tmp_path: Any) -> dict[str, Any]:
    """A Vietnamese tyre maker needing rubber, two Lao rubber processors, a Lao coffee roaster,
    and an enterprise user for the tyre maker, the first processor and the roaster."""
    settings.LIENKET_TRADE_DIR = tmp_path / "trade"  # no trade evidence loaded
    firms = {
        "tyre": make_firm("VNM", "Công ty Lốp xe Thử", "42", products=("401110",), inputs=("400122",),
                          stages="manufacturing", description="Sản xuất lốp xe từ cao su"),
        "rubber": make_firm("LAO", "ໂຮງງານຢາງ ທົດລອງ", "LA-SV", products=("400122",), stages="processing",
                            description="ໂຮງງານປຸງແຕ່ງຢາງພາລາ"),
        "rubber2": make_firm("LAO", "ໂຮງງານຢາງ ສອງ", "LA-CH", products=("400122",), stages="processing"),
        "coffee": make_firm("LAO", "ກາເຟ ທົດລອງ", "LA-CH", products=("090111",), stages="processing"),
        "vn_rubber": make_firm("VNM", "Cao su Việt", "42", products=("400122",), stages="processing"),
    }  # fmt: skip
    users = {
        "tyre": _user("tyre-user", Role.ENTERPRISE, enterprise=firms["tyre"]),
        "rubber": _user("rubber-user", Role.ENTERPRISE, enterprise=firms["rubber"]),
        "coffee": _user("coffee-user", Role.ENTERPRISE, enterprise=firms["coffee"]),
    }
    return {"firms": firms, "users": users}


@pytest.fixture(autouse=True)
def _fresh_rate_limits(settings: Any) -> Any:
    """Rate-limit counts live in Django's cache, keyed by user id, which tests reuse: each test
    counts in a fresh in-process cache (a deployment's is the database table, tested apart)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _own_files(settings: Any, tmp_path: Any) -> None:
    """Each test keeps the files it writes (trade store, uploads, media) in its own folder,
    never the checkout's ``var/``: a demo one test loads there was read by the next (issue 27's
    commitment tests saw a fictional 2025 on PostgreSQL). A fixture that needs a store sets
    its own after this one."""
    settings.LIENKET_TRADE_DIR = tmp_path / "var-trade"
    settings.LIENKET_UPLOAD_DIR = tmp_path / "var-uploads"
    settings.MEDIA_ROOT = tmp_path / "var-media"


@pytest.fixture(autouse=True)
def _no_command_line_actor() -> Any:
    """A command run in-process marks its thread as the command line's: not the next test's."""
    yield
    from lienket.core import audit

    audit._state.actor = None

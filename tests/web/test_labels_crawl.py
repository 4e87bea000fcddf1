"""Every page, as each role, in Vietnamese and Lao: no English data label, no internal code
shown as text and no number grouped the English way (1,234,567 or 1,234.5; issue 26).

The crawler starts at the home page and follows every link on the site (one URL per URL shape,
so one enterprise page stands for all). Text inside ``<code>``, form fields and elements that
declare another language (``lang="en"``, a text lienket marks as not in the reader's language)
and a source's own words quoted as printed (``class="as-published"``) are not checked;
everything else a reader sees is.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import pytest

from lienket.refdata import trade_reference
from lienket.registry.services import load_reference_zones

#: English data labels a Vietnamese or Lao page must not show: place names, ADB sector names,
#: product groups, zone kinds and statuses, HS descriptions, units and statuses
ENGLISH_LABELS = (
    "Vientiane Capital",
    "Special Economic Zone",
    "Specific Economic Zone",
    "Industrial Park",
    "Agriculture, hunting",
    "Mining and quarrying",
    "Food, beverages and tobacco",
    "Electrical and optical equipment",
    "Basic metals and fabricated metal",
    "Electricity, gas and water supply",
    "wood and wood products",
    "iron and steel",
    "fertiliser",
    "ores and other minerals",
    "machinery and spare parts",
    "fruit and vegetables",
    "operating",
    "planned",
    "international",
    "on track",
    "Portland cement",
    "Natural rubber",
    "Live animals",
    "Electrical energy",
    "bn",
    "USD m",
    "raw material",
    "manufacturing",
    "distribution",
    "Ha Noi",
    "Ho Chi Minh",
)
#: an internal code: lower-case words joined by underscores (raw_material, on_track, export_to_LAO)
CODE = re.compile(r"(?<![\w/.@%-])[a-z]{2,}(?:_[A-Za-z]{2,})+(?![\w/.@%-])")
#: a number grouped the English way: 1,234,567 or 1,234.5 (a Vietnamese or Lao page writes
#: 1.234.567 and 1.234,5; "1,250" alone is a decimal there, and is not flagged)
ENGLISH_NUMBER = re.compile(
    r"(?<![\d.,])[1-9]\d{0,2}(?:(?:,\d{3}){2,}(?:\.\d+)?|,\d{3}\.\d+)(?![\d,])"
)
SKIPPED_TAGS = {"code", "script", "style", "textarea", "select", "option", "pre", "kbd", "samp"}
VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area", "base"}
URL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+")


class _Text(HTMLParser):
    """The page's text outside code, form fields and elements marked as another language."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.parts: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")
        if tag in VOID:
            return
        hidden = tag in SKIPPED_TAGS or (bool(a.get("lang")) and tag != "html")
        hidden = hidden or "as-published" in (a.get("class") or "").split()
        hidden = hidden or (self.stack[-1] if self.stack else False)
        self.stack.append(hidden)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def _around(text: str, m: re.Match[str]) -> str:
    return " ".join(text[max(0, m.start() - 40) : m.end() + 40].split())


def _shape(path: str) -> str:
    return re.sub(r"\d+", "N", path)


SKIP = re.compile(
    r"^/(admin|api|i18n|static|media|accounts/logout)|\.(xlsx|csv|pdf|docx|xml|json|svg|geojson)$"
    r"|/download|/export|/problems|/template"
)


def crawl(client: Any, lang: str, limit: int = 400) -> dict[str, list[str]]:
    """Visit every URL shape reachable from the home page; the problems found on each page."""
    client.cookies["django_language"] = lang
    seen: set[str] = set()
    queue = ["/"]
    problems: dict[str, list[str]] = {}
    visited = 0
    while queue and visited < limit:
        url = queue.pop(0)
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=lang)
        visited += 1
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = _Text()
        parser.feed(response.content.decode())
        text = URL.sub(" ", " ".join(parser.parts))
        found = []
        for w in ENGLISH_LABELS:
            if m := re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text):
                found.append(f"{w!r} in “…{_around(text, m)}…”")
        found += [f"{m.group()!r} in “…{_around(text, m)}…”" for m in CODE.finditer(text)][:5]
        found += [f"number {m.group()!r} in “…{_around(text, m)}…”"
                  for m in ENGLISH_NUMBER.finditer(text)][:5]  # fmt: skip
        if found:
            problems[url] = found
        for href in parser.links:
            parts = urlsplit(href)
            if parts.netloc or not parts.path.startswith("/") or SKIP.search(parts.path):
                continue
            shape = _shape(parts.path)
            if shape not in seen:
                seen.add(shape)
                queue.append(parts.path)
    return problems


@pytest.fixture(scope="module")
def site(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any) -> Any:
    """The demo as `make run` prepares it (registry, projects, cooperation, trade, figures)."""
    from lienket.cooperation import demo as coop_demo
    from lienket.engine.trade.store import TradeStore
    from lienket.projects import demo as project_demo
    from lienket.projects import reference
    from lienket.registry.demo import load_demo
    from lienket.trade import services
    from lienket.trade.figures import load_bundled

    root = tmp_path_factory.mktemp("crawl-trade")
    store = TradeStore(root, reference=trade_reference())
    services.load_reference(store)
    services.load_demo(store, years=range(2022, 2024), n_countries=16, n_products=300)
    with django_db_blocker.unblock():
        load_reference_zones()
        reference.load()
        from lienket.governance import reference as governance

        governance.load()
        load_demo()
        project_demo.load()
        coop_demo.load()
        load_bundled()
    yield root
    with django_db_blocker.unblock():
        from django.core.management import call_command

        call_command("flush", interactive=False, verbosity=0)


ROLES = ("steward", "focal_vn", "focal_la", "reader", "enterprise", "secretariat_la", "ministry_vn")


@pytest.mark.xdist_group("crawl")
@pytest.mark.parametrize("lang", ["vi", "lo"])
@pytest.mark.parametrize("role", ROLES)
def test_no_english_data_label_or_internal_code_on_any_page(
    site: Any, role: str, lang: str, client: Any, settings: Any, db: Any
) -> None:
    from django.contrib.auth.models import User

    from lienket.core.models import Profile, Role
    from lienket.registry.models import Enterprise

    settings.LIENKET_TRADE_DIR = site
    user, _ = User.objects.get_or_create(username=f"crawl-{role}")
    if role == "steward":
        user.is_superuser = user.is_staff = True
        user.save()
    else:
        extra: dict[str, Any] = {
            "focal_vn": {"role": Role.FOCAL, "country": "VNM"},
            "focal_la": {"role": Role.FOCAL, "country": "LAO"},
            "reader": {"role": Role.READER},
            "secretariat_la": {"role": Role.SECRETARIAT, "country": "LAO"},
            "ministry_vn": {
                "role": Role.MINISTRY,
                "country": "VNM",
                "organisation": "Ministry of Planning and Investment (VN)",
            },
            "enterprise": {
                "role": Role.ENTERPRISE,
                "enterprise": Enterprise.objects.filter(country="VNM").first(),
            },
        }[role]
        Profile.objects.get_or_create(user=user, defaults=extra)
    client.force_login(user)
    problems = crawl(client, lang)
    assert not problems, "\n".join(f"{url}: {'; '.join(found)}" for url, found in problems.items())

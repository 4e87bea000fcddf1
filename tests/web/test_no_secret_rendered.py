"""Issue 24: no stored secret (API token, calendar-feed secret, their digests, password hashes)
appears in any page, download or admin page, for any role."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User

from lienket.cooperation import services as coop
from lienket.core import sensitive, tokens
from lienket.core.models import Profile, Role
from lienket.registry.models import Enterprise

pytestmark = pytest.mark.django_db

SKIP = re.compile(r"^/(static|media|i18n|accounts/logout)|/calendar/.+\.ics$")


def _body(response: Any) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content[:2] == b"PK":  # xlsx, docx: read every member
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as z:
                return " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
        except zipfile.BadZipFile:
            pass
    return content.decode("utf-8", "replace")


def crawl(client: Any, start: list[str], limit: int = 250) -> dict[str, str]:
    seen, queue, bodies = set(start), list(start), {}
    while queue and len(bodies) < limit:
        url = queue.pop(0)
        response = client.get(url)
        if response.status_code != 200:
            continue
        text = _body(response)
        bodies[url] = text
        if "html" not in response.get("Content-Type", ""):
            continue
        for href in re.findall(r'href="([^"#]+)"', text):
            href = href.replace("&amp;", "&")
            parts = urlsplit(href)
            if parts.netloc or not parts.path.startswith("/") or SKIP.search(parts.path):
                continue
            shape = re.sub(r"\d+", "N", parts.path)
            if shape not in seen:
                seen.add(shape)
                queue.append(href)
    return bodies


@pytest.fixture
def world(registry, steward, vn_focal, la_focal, reader, enterprise_user):
    from lienket.cooperation import demo as coop_demo

    coop_demo.load()
    users = [steward, vn_focal, la_focal, reader, enterprise_user]
    secrets = []
    for user in users:
        secrets.append(tokens.issue(user))
        secrets.append(coop.calendar_token(user))
    from lienket.cooperation.models import CalendarToken
    from lienket.core.models import ApiToken

    digests = list(ApiToken.objects.values_list("digest", flat=True))
    digests += list(CalendarToken.objects.values_list("digest", flat=True))
    hashes = [u.password.split("$")[-1] for u in User.objects.all() if u.password]
    return {"users": users, "secrets": secrets + digests + [h for h in hashes if len(h) > 16]}


def test_the_sensitive_rule_names_the_secret_fields():
    assert sensitive.is_sensitive("core.apitoken", "digest")
    assert sensitive.is_sensitive("cooperation.calendartoken", "digest")
    assert sensitive.is_sensitive("auth.user", "password")
    assert not sensitive.is_sensitive("registry.enterprise", "tax_id")
    assert sensitive.stored_form("abcdefghij") == {
        "prefix": "abcdefgh",
        "digest": sensitive.digest("abcdefghij"),
    }


def test_no_page_or_download_shows_a_stored_secret(client, world):
    assert Enterprise.objects.exists() and Profile.objects.filter(role=Role.ENTERPRISE).exists()
    leaks = []
    for user in world["users"]:
        client.force_login(user)
        start = ["/", "/audit/", "/account/", "/cooperation/calendar/", "/api/", "/api/schema/"]
        if user.is_superuser:
            start += ["/admin/", "/admin/core/apitoken/", "/admin/cooperation/calendartoken/",
                      "/admin/core/auditevent/", "/admin/auth/user/"]  # fmt: skip
        bodies = crawl(client, start)
        assert len(bodies) > 10
        for url, text in bodies.items():
            leaks += [f"{user.username} {url}" for s in world["secrets"] if s in text]
    assert leaks == []

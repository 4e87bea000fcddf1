"""Every user-facing string is translated into Vietnamese and Lao, and the catalogues are current."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "lienket"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]")


def catalogue(lang: str) -> polib.POFile:
    return polib.pofile(str(PACKAGE / "locale" / lang / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("lang", ["vi", "lo"])
def test_every_message_is_translated_with_the_same_placeholders(lang):
    problems = []
    for entry in catalogue(lang):
        if entry.obsolete:
            continue
        texts = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        if not all(texts) or "fuzzy" in entry.flags:
            problems.append(f"untranslated: {entry.msgid!r}")
        for text in texts:
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(entry.msgid)):
                problems.append(f"placeholders differ: {entry.msgid!r} -> {text!r}")
    assert problems == []


def test_the_catalogues_hold_every_string_of_the_code_and_templates(tmp_path):
    copy = tmp_path / "lienket"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    admin = Path(sys.executable).with_name("django-admin")
    subprocess.run(
        [str(admin), "makemessages", "-l", "vi", "--no-location", "--no-obsolete"],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    fresh = {e.msgid for e in polib.pofile(str(copy / "locale/vi/LC_MESSAGES/django.po"))}
    known = {e.msgid for e in catalogue("vi")}
    assert fresh - known == set(), "run makemessages and translate the new strings"


def test_lao_pages_carry_lao_text_and_a_lao_font(client, db):
    client.cookies["django_language"] = "lo"
    page = client.get("/").content.decode()
    assert 'lang="lo"' in page
    assert "ການເຊື່ອມໂຍງອຸດສາຫະກຳ" in page
    css = (PACKAGE / "web/static/css/lienket.css").read_text()
    assert "noto-sans-lao-lao-400-normal.woff2" in css
    assert (PACKAGE / "web/static/fonts/noto-sans-lao-lao-400-normal.woff2").stat().st_size > 1000


@pytest.mark.parametrize("lang", ["vi", "lo"])
def test_the_language_switcher_sets_the_language(client, db, lang):
    response = client.post("/i18n/setlang/", {"language": lang, "next": "/"})
    assert response.status_code == 302
    assert client.get("/").headers["Content-Language"] == lang


def test_translation_functions_go_by_names_makemessages_reads():
    """A string marked with an alias makemessages does not know (``gettext_lazy as _lazy``) is
    never extracted, so it stays English on every page (issue 26 found two such files)."""
    import re

    readable = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext",
                "pgettext_lazy", "gettext_noop", "npgettext"}  # fmt: skip
    alias = re.compile(r"from django\.utils\.translation import (\w+) as (\w+)")
    found = []
    for path in PACKAGE.rglob("*.py"):
        for name, other in alias.findall(path.read_text(encoding="utf-8")):
            if "gettext" in name and other not in readable:
                found.append(f"{path.relative_to(PACKAGE)}: {name} as {other}")
    assert not found, found

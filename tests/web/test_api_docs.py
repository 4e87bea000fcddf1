"""The API has a page to read it (issue 13, part 6): Swagger UI at /api/docs/, from lienket's own
static files (no CDN), without inline script (the page keeps the Content-Security-Policy)."""

import re


def test_the_api_docs_page_is_served_from_lienket_itself(client_for, registry, reader):
    client = client_for(reader)
    page = client.get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "script-src 'self'" in page["Content-Security-Policy"]
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all("src=" in attrs and not body.strip() for attrs, body in scripts)
    from django.conf import settings
    from django.contrib.staticfiles import finders

    sources = re.findall(r'src="([^"]+)"', html)
    assert len(sources) >= 3  # the bundle, its preset and lienket's start-up script
    for src in sources:
        assert not src.startswith(("http:", "https:", "//")), src  # nothing from a CDN
        if src.startswith(settings.STATIC_URL):  # a static file lienket ships
            assert finders.find(src.removeprefix(settings.STATIC_URL).split("?")[0]), src
        else:  # the start-up script, a view of its own
            assert client.get(src).status_code == 200, src
    assert 'href="/api/docs/"' in client.get("/enterprises/").content.decode()  # in the menu


def test_visitors_are_sent_to_log_in(client, db):
    response = client.get("/api/docs/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]

"""Styled error pages with the site's navigation, in the reader's language, and a favicon."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_404_and_400_keep_the_navigation_and_say_why(client_for, reader):
    client = client_for(reader)
    client.cookies["django_language"] = "vi"
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    page = missing.content.decode()
    assert '<header class="top"' in page and "Trang chủ" in page
    bad = client.get("/chains/no-such-chain/")
    assert bad.status_code == 400
    page = bad.content.decode()
    assert "chuỗi không xác định no-such-chain" in page and '<header class="top"' in page


def test_500_is_a_page_with_navigation(settings, reader):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.web.boom_urls"
    client = Client(raise_request_exception=False)
    client.force_login(reader)
    response = client.get("/__boom__/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert '<header class="top"' in response.content.decode()


def test_the_favicon_is_linked(client):
    page = client.get("/accounts/login/").content.decode()
    assert 'rel="icon"' in page and "favicon.svg" in page

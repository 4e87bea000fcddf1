"""System checks for lienket's configuration."""

import ipaddress
from typing import Any

from django.conf import settings
from django.core.checks import Error, register

from lienket import refdata


@register()
def check_country_pair(app_configs: Any, **kwargs: Any) -> list[Error]:
    pair = settings.LIENKET_COUNTRIES
    errors = []
    if len(pair) != 2 or len(set(pair)) != 2:
        errors.append(
            Error(
                "LIENKET_COUNTRIES must name two different countries",
                hint="e.g. LIENKET_COUNTRIES=VNM,LAO",
                id="lienket.E001",
            )
        )
    for iso3 in pair:
        if iso3 not in refdata.countries():
            errors.append(
                Error(
                    f"LIENKET_COUNTRIES: {iso3!r} is not an ISO 3166-1 alpha-3 code",
                    hint="use codes such as VNM, LAO, KHM",
                    id="lienket.E002",
                )
            )
    return errors


@register()
def check_turnover_precedence(app_configs: Any, **kwargs: Any) -> list[Error]:
    known = ("published", "customs", "comtrade", "baci")
    order = settings.LIENKET_TURNOVER_PRECEDENCE
    unknown = [s for s in order if s not in known]
    if unknown or not order or len(set(order)) != len(order):
        return [
            Error(
                f"LIENKET_TURNOVER_PRECEDENCE must list sources once each, from {known}",
                hint="e.g. LIENKET_TURNOVER_PRECEDENCE=published,customs,comtrade,baci",
                id="lienket.E003",
            )
        ]
    return []


@register()
def check_import_worker(app_configs: Any, **kwargs: Any) -> list[Error]:
    if settings.LIENKET_IMPORT_WORKER not in ("thread", "external"):
        return [
            Error(
                "LIENKET_IMPORT_WORKER must be 'thread' or 'external'",
                hint="'thread' imports uploaded trade files inside the web server",
                id="lienket.E004",
            )
        ]
    return []


@register()
def check_trusted_proxy(app_configs: Any, **kwargs: Any) -> list[Error]:
    """Production mode sits behind a reverse proxy that lienket must be told to trust."""
    proxy = settings.LIENKET_TRUSTED_PROXIES
    if proxy and proxy != "*":
        try:
            ipaddress.ip_address(proxy)
        except ValueError:
            return [
                Error(
                    f"LIENKET_TRUSTED_PROXIES: {proxy!r} is not an IP address",
                    hint="the proxy's address as lienket sees it, e.g. 127.0.0.1, or *",
                    id="lienket.E010",
                )
            ]
    if settings.LIENKET_HTTPS and not proxy:
        return [
            Error(
                "LIENKET_HTTPS=1 without LIENKET_TRUSTED_PROXIES: behind the proxy every request "
                "would look like plain http from the proxy (redirected forever, one address for "
                "every client in the lock-out and the audit log)",
                hint="set LIENKET_TRUSTED_PROXIES to the proxy's address, e.g. 127.0.0.1",
                id="lienket.E011",
            )
        ]
    return []


@register()
def check_public_url(app_configs: Any, **kwargs: Any) -> list[Error]:
    """Documents (training certificates) print links from ``LIENKET_PUBLIC_URL``: in production
    it must be the address the public reaches, never the development default on loopback."""
    from urllib.parse import urlsplit

    url = urlsplit(settings.LIENKET_PUBLIC_URL)
    if url.scheme not in ("http", "https") or not url.hostname:
        return [Error(f"LIENKET_PUBLIC_URL: {settings.LIENKET_PUBLIC_URL!r} is not an address",
                      hint="e.g. https://lienket.example.gov.vn", id="lienket.E012")]  # fmt: skip
    loopback = url.hostname in ("localhost", "127.0.0.1", "::1")
    if settings.LIENKET_HTTPS and (loopback or url.scheme != "https"):
        return [Error(
            "LIENKET_HTTPS=1 with LIENKET_PUBLIC_URL on loopback or plain http: certificates "
            "would print a link nobody else can open",
            hint="set LIENKET_PUBLIC_URL to the public https address",
            id="lienket.E013")]  # fmt: skip
    return []


#: the Lao fonts a document may be set in
LAO_FONTS = ("Noto Sans Lao", "Phetsarath OT")


@register()
def check_lao_font(app_configs: Any, **kwargs: Any) -> list[Error]:
    if settings.LIENKET_LAO_FONT not in LAO_FONTS:
        return [Error(f"LIENKET_LAO_FONT: {settings.LIENKET_LAO_FONT!r} is not one of "
                      f"{', '.join(LAO_FONTS)}", hint="Phetsarath OT needs Debian's fonts-lao",
                      id="lienket.E014")]  # fmt: skip
    return []

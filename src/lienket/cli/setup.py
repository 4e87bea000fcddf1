"""``lienket setup`` and ``lienket demo``: prepare an installation, and the fictional demo."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from lienket.cli import (
    app,
    console,
    django_setup,
    err,
    progress_bar,
    staged,
)
from lienket.core.passwords import DEMO_PASSWORD  # a local demo login, printed on purpose


def _demo_users(first_vn: Any, first_la: Any) -> None:
    from django.contrib.auth import get_user_model

    from lienket.core.models import Profile, Role

    user_model = get_user_model()
    people = [
        ("admin", None, {}),
        ("vioit", Role.FOCAL, {"country": "VNM", "organisation": "VIOIT"}),
        ("iice", Role.FOCAL, {"country": "LAO", "organisation": "IICE"}),
        ("reader", Role.READER, {"organisation": "Ministry reader"}),
        ("firm-vn", Role.ENTERPRISE, {"enterprise": first_vn}),
        ("firm-la", Role.ENTERPRISE, {"enterprise": first_la}),
        ("cc-vn", Role.SECRETARIAT, {"country": "VNM",
                                     "organisation": "Viet Nam - Laos Cooperation Committee"}),
        ("cc-la", Role.SECRETARIAT, {"country": "LAO",
                                     "organisation": "Laos - Viet Nam Cooperation Committee"}),
        ("mpi", Role.MINISTRY, {"country": "VNM",
                                "organisation": "Ministry of Planning and Investment (VN)"}),
    ]  # fmt: skip
    for username, role, extra in people:
        user, created = user_model.objects.get_or_create(username=username)
        if created:
            user.set_password(DEMO_PASSWORD)
            user.is_staff = user.is_superuser = role is None
            user.save()
        if role is not None:
            Profile.objects.get_or_create(user=user, defaults={"role": role, **extra})


@app.command()
def setup(
    demo: Annotated[bool, typer.Option(help="Also load the demo, as 'lienket demo' does")] = False,
) -> None:
    """Prepare the database: migrate, load the reference data and the published figures.

    No demo data and no demo login: those come from ``lienket demo`` only.
    """
    django_setup()
    from django.core.management import call_command

    from lienket.registry.services import load_reference_zones

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)  # shared counters (rate limits, throttles)
    console.print("database migrated")
    created, updated = load_reference_zones()
    console.print(f"reference zones: {created} created, {updated} updated")
    _load_projects(demo=False)
    from lienket.governance import reference as governance

    loaded = governance.load()
    console.print(
        f"the Committee's documents and sessions (cited): {loaded.documents} documents, "
        f"{loaded.sessions} sessions, {loaded.targets} targets"
    )
    _load_trade(demo=False)
    from lienket.trade.figures import load_bundled

    added, present = load_bundled()
    console.print(f"published figures: {added} added, {present} already there")
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("compilemessages", verbosity=0, ignore_patterns=[".venv/*"])
    if demo:
        _demo()


def _load_projects(demo: bool) -> None:
    from lienket.projects import demo as project_demo
    from lienket.projects import reference

    with progress_bar() as bar:
        report = staged(bar)
        loaded = reference.load(progress=report)
        result = project_demo.load(progress=report) if demo else None
    console.print(
        f"cited power-trade and aid projects: {loaded.projects} projects, "
        f"{loaded.statements} published statements"
    )
    if demo:
        state = "already loaded" if result is None else f"{result.projects} projects"
        console.print(f"fictional demo projects: {state}")


def _load_cooperation() -> None:
    from lienket.cooperation import demo as coop_demo

    with progress_bar() as bar:
        result = coop_demo.load(progress=staged(bar, "cooperation "))
    if result is None:
        console.print("fictional cooperation demo: already loaded")
    else:
        console.print(
            f"fictional cooperation demo: {result.activities} activities, "
            f"{result.meetings} meetings, {result.nominations} nominations"
        )


def _load_trade(demo: bool) -> None:
    from lienket.trade import services

    result = services.load_reference()
    state = "already loaded" if result.already else f"{result.record.rows} rows"
    console.print(f"2017 world export matrix by HS4 (UN Comtrade via OTS): {state}")
    if not demo or set(services.pair()) != {"VNM", "LAO"}:
        return
    store = services.get_store()
    if any(r.fictional for r in store.imports()):
        console.print("fictional demo trade already loaded")
        return
    with progress_bar() as bar:
        task = bar.add_task("demo trade (fictional)", total=len(services.DEMO_YEARS) + 1)
        results = services.load_demo(progress=lambda done, total: bar.update(task, completed=done))
    rows = sum(r.record.rows for r in results if not r.already)
    console.print(f"fictional demo trade: {rows} rows ({len(results)} files)")


def _load_demo() -> None:
    from django.conf import settings

    from lienket.registry.demo import load_demo

    if set(settings.LIENKET_COUNTRIES) != {"VNM", "LAO"}:
        console.print("demo data skipped: it is made for the Viet Nam - Lao PDR configuration")
        return

    with progress_bar() as bar:
        report = staged(bar, "demo ")
        result = load_demo(progress=report)
    if result is None:
        console.print("demo data already loaded")
    else:
        console.print(
            f"demo data (fictional): {result.enterprises} enterprises, "
            f"{result.relationships} relationships, "
            f"{result.duplicates_flagged} likely duplicates flagged"
        )


@app.command()
def demo() -> None:
    """Load the fictional demo (registry, projects, cooperation, trade) and its logins, once.

    Refused in production mode (``LIENKET_HTTPS=1``): a deployment never has demo users or
    their printed password. Running it again changes nothing.
    """
    django_setup()
    _demo()


def _demo() -> None:
    from django.conf import settings

    if settings.LIENKET_HTTPS:
        err.print(
            "refused: LIENKET_HTTPS=1 is production mode, which has no demo data and no "
            "demo logins (their password is public)",
            style="red",
        )
        raise typer.Exit(1)
    from lienket.registry.models import Enterprise

    _load_demo()
    first_vn = Enterprise.objects.filter(fictional=True, country="VNM").order_by("pk").first()
    first_la = Enterprise.objects.filter(fictional=True, country="LAO").order_by("pk").first()
    if first_vn is not None and first_la is not None:
        _demo_users(first_vn, first_la)
    _load_projects(demo=True)
    _load_cooperation()
    _load_trade(demo=True)
    if demo_logins_active():
        _print_login()


DEMO_USERNAMES = ("admin", "vioit", "iice", "reader", "firm-vn", "firm-la", "cc-vn", "cc-la", "mpi")


def demo_logins_active() -> list[str]:
    """The demo logins that still open with the published demo password (active users only):
    ``serve --show-logins`` prints them; a production-mode server refuses to start while any
    remains."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(username__in=DEMO_USERNAMES, is_active=True)
    return sorted(u.username for u in users if u.check_password(DEMO_PASSWORD))


def _print_login() -> None:
    console.print(
        "\nlienket demo logins (password for all: "
        f"{DEMO_PASSWORD})\n"
        "  admin    steward (all rights, /admin/)\n"
        "  vioit    Viet Nam focal point (VIOIT)\n"
        "  iice     Lao focal point (IICE)\n"
        "  reader   ministry reader\n"
        "  firm-vn  enterprise user of a Vietnamese demo firm\n"
        "  firm-la  enterprise user of a Lao demo firm\n"
        "  cc-vn    Viet Nam's Cooperation Committee secretariat\n"
        "  cc-la    Laos's Cooperation Committee secretariat\n"
        "  mpi      line ministry (Ministry of Planning and Investment, VN)\n"
    )

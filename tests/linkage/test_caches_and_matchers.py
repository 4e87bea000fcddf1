"""Issue 25: state kept in a process is bounded and keyed by the data's version — the
complexity cache after many imports, one matcher per view built once under concurrent
requests."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from lienket.core import audit
from lienket.linkage import services
from lienket.trade import services as trade

CODES = "country_code,country_name,country_iso2,country_iso3\n704,VN,VN,VNM\n418,LA,LA,LAO\n"


@pytest.mark.django_db
def test_the_complexity_cache_stays_bounded_after_20_imports(settings, tmp_path):
    settings.LIENKET_TRADE_DIR = tmp_path / "store"
    trade._complexity.cache_clear()
    (tmp_path / "country_codes_V202501.csv").write_text(CODES)
    for i in range(20):
        path = tmp_path / f"BACI_HS17_Y{2000 + i}_V202501.csv"
        path.write_text(f"t,i,j,k,v,q\n{2000 + i},704,418,010121,{i + 1}.5,2\n")
        trade.import_trade_file(trade.get_store(), path, "baci")
        trade.complexity_of(2000 + i, 6, "baci")
    info = trade._complexity.cache_info()
    assert info.misses == 20 and info.currsize <= trade.COMPLEXITY_CACHE


@pytest.mark.django_db(transaction=True)
def test_one_matcher_per_view_built_once_under_8_threads(pair):
    firm_user = pair["users"]["tyre"]
    services._matchers.clear()
    services.matcher_builds.clear()
    errors: list[BaseException] = []

    def ask(n: int) -> None:
        try:
            for i in range(6):
                # alternate the two views: a visitor's (public trade) and a ministry's
                audit._state.request_user = firm_user if (n + i) % 2 else None
                assert services.matcher().suggest(pair["firms"]["tyre"].pk, 3) is not None
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            audit._state.request_user = None
            connection.close()

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    assert len(services.matcher_builds) == 2  # one per view
    assert set(services.matcher_builds.values()) == {1}  # each built once
    assert len(services._matchers) <= services.MATCHER_VIEWS

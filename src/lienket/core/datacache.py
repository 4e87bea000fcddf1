"""Analytical results kept by data version: computed once per process for each version of the
data, and never served after a change.

The **data version** of an area of the data (an app's tables: registry, trade, linkage, …) is
a token in the shared cache (the database table by default, so every process and server sees
the same one). Every statement that writes a table (the ORM's saves and deletes, bulk inserts,
``update()``, raw SQL: a database execute wrapper sees them all) replaces its area's token once
its transaction commits; writes that change nothing a page computes from (sessions, the audit
log, jobs, tokens, the cache itself, logins) do not. A result names the areas it reads, so an
edit of a firm does not throw away the trade dashboard. A
caller whose data lives outside the database adds its own stamp to the key (the trade pages
add the trade store's manifest stamp).

``memo`` keeps at most ``MAX_ENTRIES`` results per process (least recently used first out),
keyed by name, data version, language and the caller's key; a result is shared between
requests and threads, so callers must not change it. Inside a transaction that has written
(a test, an import computing as it goes), nothing is read from or kept in it.
"""

from __future__ import annotations

import logging
import re
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.utils import translation

T = TypeVar("T")
log = logging.getLogger(__name__)

KEY = "lienket:data-version"
#: results kept per process (each is a page's worth of tables and charts: well under 5 MB)
MAX_ENTRIES = 64
#: tables whose writes change nothing an analytical page shows
QUIET = ("django_session", "django_admin_log", "django_tasks_db_", "axes_", "auth_user",
         "core_auditevent", "core_importjob", "core_apitoken", "trade_tradeimport",
         "reports_report", "django_migrations")  # fmt: skip
#: columns of a table that no kept result reads (a firm's contact details, description and
#: capacity, and the bookkeeping every save changes): an update of these alone keeps the
#: version, so editing a firm's address book does not recompute the chains. A result that
#: starts to read one of them must take it out of this list.
QUIET_COLUMNS = {
    "registry_enterprise": frozenset({"capacity", "certifications", "description",
                                      "contact_name", "contact_email", "contact_phone",
                                      "website", "updated", "version"}),
}  # fmt: skip
SET = re.compile(r"\bSET\s+(.*?)\s+WHERE\b", re.IGNORECASE | re.DOTALL)
COLUMN = re.compile(r'(?:^|,)\s*["`]?(\w+)["`]?\s*=')
WRITE = re.compile(r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)'
                   r'\s+["`]?(\w+)', re.IGNORECASE)  # fmt: skip

_entries: OrderedDict[tuple[Hashable, ...], Any] = OrderedDict()
_lock = threading.Lock()
stats = {"hits": 0, "misses": 0, "bypassed": 0}


def _quiet(table: str, sql: str = "") -> bool:
    location = str(settings.CACHES.get("default", {}).get("LOCATION", ""))
    if table.startswith(QUIET) or (bool(location) and table == location):
        return True
    quiet_columns = QUIET_COLUMNS.get(table)
    if quiet_columns is None or sql.lstrip()[:6].upper() != "UPDATE":
        return False
    found = SET.search(sql)
    columns = {c.lower() for c in COLUMN.findall(found.group(1))} if found else set()
    return bool(columns) and columns <= quiet_columns


def area(table: str) -> str:
    """The part of the data a table belongs to: its app (``registry_enterprise`` → registry)."""
    return table.split("_", 1)[0]


class _Bump:
    """The areas a transaction wrote, given a new version each once it commits."""

    def __init__(self) -> None:
        self.areas: set[str] = set()

    def __call__(self) -> None:
        bump(*self.areas)


def bump(*areas: str) -> None:
    """A new data version for ``areas``: every result kept under the old one is unreachable."""
    try:
        cache.set_many({KEY + a: uuid.uuid4().hex for a in areas}, None)
    except DatabaseError:  # no cache table yet (``lienket setup`` makes it after migrating)
        log.warning("the data version could not be changed: the cache is not ready")


def version(areas: tuple[str, ...]) -> tuple[str, ...] | None:
    """The current data version of ``areas``, or ``None`` when the cache cannot say (nothing is
    kept then)."""
    keys = [KEY + a for a in areas]
    try:
        tokens = cache.get_many(keys)
        missing = {k: uuid.uuid4().hex for k in keys if k not in tokens}
        for k, token in missing.items():
            tokens[k] = token if cache.add(k, token, None) else cache.get(k, token)
    except DatabaseError:
        return None
    return tuple(str(tokens[k]) for k in keys)


def _pending(conn: Any) -> _Bump | None:
    """The areas this connection's open transaction wrote and has not yet committed."""
    for entry in conn.run_on_commit:
        if isinstance(entry[1], _Bump):
            return entry[1]
    return None


def watch(execute: Callable[..., Any], sql: str, params: Any, many: bool,
          context: dict[str, Any]) -> Any:  # fmt: skip
    """The database execute wrapper: a write to a counted table gives its area a new version
    once its transaction commits (at once outside one)."""
    result = execute(sql, params, many, context)
    found = WRITE.match(sql)
    if found and not _quiet(found.group(1).lower(), sql):
        conn = context["connection"]
        pending = _pending(conn)
        if pending is None:
            pending = _Bump()
            pending.areas.add(area(found.group(1).lower()))
            transaction.on_commit(pending, using=conn.alias)
        else:
            pending.areas.add(area(found.group(1).lower()))
    return result


def install(sender: Any = None, connection: Any = None, **kwargs: Any) -> None:
    """Watch a new database connection (``connection_created``)."""
    if connection is not None and watch not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch)


def memo(name: str, areas: tuple[str, ...], key: tuple[Hashable, ...],
         compute: Callable[[], T]) -> T:  # fmt: skip
    """``compute()``'s result for the data version of ``areas`` (the apps whose tables it reads),
    the language and ``key``: kept once computed."""
    current = None if _pending(connection) is not None else version(areas)
    if current is None:
        stats["bypassed"] += 1
        return compute()
    full = (name, current, translation.get_language(), *key)
    with _lock:
        if full in _entries:
            _entries.move_to_end(full)
            stats["hits"] += 1
            return _entries[full]  # type: ignore[no-any-return]
    value = compute()
    with _lock:
        stats["misses"] += 1
        _entries[full] = value
        _entries.move_to_end(full)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return value


def size() -> int:
    return len(_entries)


def clear() -> None:
    with _lock:
        _entries.clear()

"""Recording audit events: who changed what, when, with the values before and after.

Every save and delete of a tracked model (see :data:`TRACKED_APPS`) is recorded by a signal
with the fields that changed, ``{"field": [before, after]}``, whoever made it: a page, the API,
Django's admin, the command line. The actor is the request's user (set by
:class:`AuditActor` middleware) or the one a service names with :func:`acting`. A service
that calls :func:`record` for the same object right after saving it completes that event (its
action and summary) instead of writing a second one. Bulk writes (imports) call
:func:`record_many` with their values.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import threading
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from django.db import models

from lienket.core import sensitive
from lienket.core.models import AuditEvent

#: apps whose models are recorded field by field on every save and delete
TRACKED_APPS = frozenset({"registry", "linkage", "projects", "cooperation", "trade", "reports",
                          "governance",
                          "core", "auth"})  # fmt: skip
#: models never recorded: the log itself, queues whose progress is written many times a
#: second, sessions, and derived rows rebuilt with their parent
UNTRACKED = frozenset({"auditevent", "tradeimport", "reportbuild", "enterpriseproduct",
                       "registryimport", "permission", "group", "contenttype"})  # fmt: skip
#: fields never recorded: derived text and bookkeeping; secrets are never recorded either,
#: by the rule of ``core.sensitive`` (a field named password, token, key, digest, ...)
SKIPPED_FIELDS = frozenset({"search_text", "updated", "created", "last_login", "modified"})

_state = threading.local()


class CommandLine:
    """The actor of a change made from the ``lienket`` command line (no user account): named
    by the operating-system user who ran it."""

    pk = None
    is_authenticated = False

    def __init__(self) -> None:
        try:
            who = getpass.getuser()
        except (KeyError, OSError):  # no name for the uid (a container)
            who = "?"
        self.username = f"command line ({who})"


def act_from_command_line() -> None:
    """Record what this thread changes from now on as the command line's (``lienket`` calls it
    once, after setting Django up): a change from a command is audited like one from a page."""
    _state.actor = CommandLine()


def label(actor: Any) -> str:
    """How an actor is named in the record: its username, "system" or "command line"."""
    return "system" if actor is None else (getattr(actor, "username", "") or "command line")


def current_actor() -> Any:
    return getattr(_state, "actor", None)


@contextlib.contextmanager
def acting(actor: Any) -> Iterator[None]:
    """Record the changes made inside the block as ``actor``'s (a user, or None)."""
    before = getattr(_state, "actor", None)
    _state.actor = actor
    try:
        yield
    finally:
        _state.actor = before


class AuditActor:
    """Middleware: changes made while serving a request are recorded as its user's."""

    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        user = getattr(request, "user", None)
        _state.request_user = user
        try:
            with acting(user if getattr(user, "is_authenticated", False) else None):
                return self.get_response(request)
        finally:
            _state.request_user = None


def request_user() -> Any:
    """The user of the request this thread serves (anonymous included), or ``None`` outside a
    request (command line, background workers)."""
    return getattr(_state, "request_user", None)


def _plain(value: Any) -> Any:
    """A value as JSON keeps it (dates as ISO text, decimals as text, objects by key)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, dict)):
        return value
    return str(value)


def _fields(instance: models.Model) -> list[Any]:
    label = instance._meta.label_lower
    return [
        f for f in instance._meta.concrete_fields
        if f.name not in SKIPPED_FIELDS and not f.primary_key
        and not sensitive.is_sensitive(label, f.name)
    ]  # fmt: skip


def values(instance: models.Model) -> dict[str, Any]:
    """The recorded fields of an instance as plain values (foreign keys by their key)."""
    return {f.name: _plain(getattr(instance, f.attname)) for f in _fields(instance)}


def tracked(sender: Any) -> bool:
    meta = getattr(sender, "_meta", None)
    return bool(
        meta is not None
        and meta.app_label in TRACKED_APPS
        and meta.model_name not in UNTRACKED
        and not meta.proxy
    )


def _create(actor: Any, action: str, obj: Any, summary: str, changes: dict[str, Any]) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=label(actor),
        action=action,
        object_type=obj._meta.model_name if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        summary=summary[:2000],
        changes=changes,
    )


# --- signal handlers (connected in CoreConfig.ready) ------------------------------------


def before_save(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw or not tracked(sender):
        return
    old = None
    if instance.pk is not None and not instance._state.adding:
        row = sender._base_manager.filter(pk=instance.pk).first()
        old = values(row) if row is not None else None
    instance._audit_before = old


def after_save(sender: Any, instance: Any, created: bool, raw: bool = False, **kw: Any) -> None:
    if raw or not tracked(sender):
        return
    old = getattr(instance, "_audit_before", None)
    new = values(instance)
    if created or old is None:
        changes = {k: [None, v] for k, v in new.items() if v not in (None, "", [], {})}
        action = "created"
    else:
        changes = {k: [old.get(k), v] for k, v in new.items() if old.get(k) != v}
        action = "updated"
        if not changes:
            instance._audit_event = None
            return
    instance._audit_event = _create(current_actor(), action, instance, str(instance), changes)


def after_delete(sender: Any, instance: Any, **kwargs: Any) -> None:
    if not tracked(sender):
        return
    changes = {k: [v, None] for k, v in values(instance).items() if v not in (None, "", [], {})}
    _create(current_actor(), "deleted", instance, str(instance), changes)


# --- explicit records ---------------------------------------------------------------------


def record(
    actor: Any,
    action: str,
    obj: Any = None,
    summary: str = "",
    changes: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record that ``actor`` did ``action`` to ``obj`` (a model instance, or None).

    ``actor`` may be ``None`` (the system itself, e.g. the demo loader) or an unsaved user (the
    command line); both are recorded by label only. When ``obj`` was just saved and its save
    was recorded, that event is completed (actor, action, summary) rather than doubled. With no
    ``actor``, the one acting on this thread (the command line, say) is recorded.
    """
    if actor is None:
        actor = current_actor()
    event = getattr(obj, "_audit_event", None) if obj is not None else None
    if event is not None:
        obj._audit_event = None
        event.actor = actor if getattr(actor, "pk", None) else event.actor
        event.actor_label = label(actor) if actor is not None else event.actor_label
        event.action = action
        event.summary = summary[:2000]
        event.changes.update(changes or {})
        event.save(update_fields=["actor", "actor_label", "action", "summary", "changes"])
        return event
    return _create(actor, action, obj, summary, changes or {})


def record_user(user: Any, action: str, summary: str, actor_label: str = "") -> AuditEvent:
    """Record an event about a user account (login, password, token) as that user's own.

    ``user`` may be ``None`` (a failed login for a name no account has); ``actor_label`` then
    names who tried.
    """
    return AuditEvent.objects.create(
        actor=user,
        actor_label=actor_label or (user.username if user is not None else "?"),
        action=action,
        object_type="user",
        object_id=str(user.pk) if user is not None else "",
        summary=summary[:2000],
    )


def record_many(actor: Any, action: str, objects: list[Any], summaries: list[str]) -> None:
    """Record one event per object in a few queries (imports of thousands of rows).

    Objects saved one by one were recorded by their save, with what changed: those events are
    completed. Objects written in bulk (no signal) get a new event with the values written.
    """
    saved = actor if getattr(actor, "pk", None) else None
    fresh, completed = [], []
    for obj, summary in zip(objects, summaries, strict=True):
        event = getattr(obj, "_audit_event", None)
        if event is not None:
            obj._audit_event = None
            event.actor, event.actor_label = saved or event.actor, label(actor)
            event.action, event.summary = action, summary[:2000]
            completed.append(event)
        else:
            changes = {k: [None, v] for k, v in values(obj).items() if v not in (None, "", [], {})}
            fresh.append(AuditEvent(actor=saved, actor_label=label(actor), action=action,
                                    object_type=obj._meta.model_name, object_id=str(obj.pk),
                                    summary=summary[:2000], changes=changes))  # fmt: skip
    AuditEvent.objects.bulk_create(fresh, batch_size=2000)
    AuditEvent.objects.bulk_update(
        completed, ["actor", "actor_label", "action", "summary"], batch_size=2000
    )


def history(obj: Any) -> Any:
    """The audit events of one object, newest first."""
    return AuditEvent.objects.filter(object_type=obj._meta.model_name, object_id=str(obj.pk))

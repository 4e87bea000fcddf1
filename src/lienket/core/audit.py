"""Recording audit events: the one function services call."""

from __future__ import annotations

from typing import Any

from lienket.core.models import AuditEvent


def label(actor: Any) -> str:
    """How an actor is named in the record: its username, "system" or "command line"."""
    return "system" if actor is None else (getattr(actor, "username", "") or "command line")


def record(actor: Any, action: str, obj: Any = None, summary: str = "") -> AuditEvent:
    """Record that ``actor`` did ``action`` to ``obj`` (a model instance, or None).

    ``actor`` may be ``None`` (the system itself, e.g. the demo loader) or an unsaved user (the
    command line); both are recorded by label only.
    """
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=label(actor),
        action=action,
        object_type=obj._meta.model_name if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        summary=summary[:2000],
    )


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
    """Record one event per object in one query (imports of thousands of rows)."""
    saved = actor if getattr(actor, "pk", None) else None
    AuditEvent.objects.bulk_create(
        AuditEvent(actor=saved, actor_label=label(actor), action=action,
                   object_type=obj._meta.model_name, object_id=str(obj.pk), summary=summary)
        for obj, summary in zip(objects, summaries, strict=True)
    )  # fmt: skip


def history(obj: Any) -> Any:
    """The audit events of one object, newest first."""
    return AuditEvent.objects.filter(object_type=obj._meta.model_name, object_id=str(obj.pk))

"""Strict readers for settings taken from the environment: a bad value stops start-up."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str) -> str:
    """The variable's text, or ``default`` when unset."""
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    """A yes/no variable; anything other than 1/0, true/false, yes/no, on/off is an error."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a yes/no value (use 1 or 0)")


def env_int(name: str, default: int) -> int:
    """An integer variable."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an integer") from None


def env_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated list."""
    raw = os.environ.get(name)
    return default if raw is None else [p.strip() for p in raw.split(",") if p.strip()]


def env_secret(name: str, store: Path) -> str:
    """The secret from the environment, else one generated once and kept in ``store``."""
    raw = os.environ.get(name)
    if raw:
        return raw
    if store.exists():
        return store.read_text().strip()
    store.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(50)
    store.write_text(value)
    store.chmod(0o600)
    return value

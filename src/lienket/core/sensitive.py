"""Secrets, by rule (issue 24): how they are made and stored, and which fields hold them.

A secret (an API token, a calendar-feed address) is shown once, when it is made; lienket stores
only its SHA-256 digest and a short prefix that identifies it afterwards. A field is sensitive
when its name says so (:data:`SENSITIVE_NAME`) or when its model lists it in
:data:`SENSITIVE_FIELDS`; the audit log, the admin, downloads and error pages never show one.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from typing import Any

#: a field named like this holds a secret (or a digest of one): never recorded, never rendered
SENSITIVE_NAME = re.compile(r"(^|_)(password|passwd|secret|token|key|digest|salt|session)(_|$)")
#: fields of other names that hold secrets, by ``app_label.model_name``
SENSITIVE_FIELDS: dict[str, frozenset[str]] = {}
#: what is shown instead of a sensitive value
REDACTED = "[redacted]"
#: characters of a secret kept to name it afterwards ("a token starting abcd1234…")
PREFIX_LENGTH = 8


def is_sensitive(model_label: str, field_name: str) -> bool:
    """Whether ``field_name`` of the model ``app_label.model_name`` holds a secret."""
    return bool(SENSITIVE_NAME.search(field_name.lower())) or field_name in SENSITIVE_FIELDS.get(
        model_label, frozenset()
    )


def redact(model_label: str, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with every sensitive field's value replaced by :data:`REDACTED`."""
    return {k: REDACTED if is_sensitive(model_label, k) else v for k, v in values.items()}


def new_secret() -> str:
    """A fresh secret of 256 bits, URL-safe."""
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """The stored form of a secret: its SHA-256, hex."""
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def matches(secret: str, stored_digest: str) -> bool:
    """Compare a presented secret with a stored digest in constant time."""
    return hmac.compare_digest(digest(secret), stored_digest)

"""Secrets, by rule (issue 24): how they are made and stored, and which fields hold them.

A secret (an API token, a calendar-feed address) is shown once, when it is made; lienket stores
only its SHA-256 digest (which is also how a presented secret is looked up) and a short prefix
that identifies it afterwards. A field is sensitive
when its name says so (:data:`SENSITIVE_NAME`) or when its model lists it in
:data:`SENSITIVE_FIELDS`; the audit log, the admin, downloads and error pages never show one.
"""

from __future__ import annotations

import hashlib
import re
import secrets

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


def new_secret() -> str:
    """A fresh secret of 256 bits, URL-safe."""
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """The stored form of a secret: its SHA-256, hex."""
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def stored_form(secret: str) -> dict[str, str]:
    """What a model keeps of a secret: its ``prefix`` (to name it) and its ``digest``."""
    return {"prefix": secret[:PREFIX_LENGTH], "digest": digest(secret)}

"""The OpenAPI document states every answer an operation can give (issue 24): the refusals
common to the whole API are added to each operation by one post-processing hook."""

from __future__ import annotations

from typing import Any

ERROR = {
    "type": "object",
    "description": "what was refused and why: `detail`, or the fields named with their problem",
    "additionalProperties": True,
}
#: status -> description, for every operation
COMMON = {
    "400": "Bad request: a parameter or field is malformed or not allowed; the answer names it",
    "401": "Not authenticated: the token is unknown, expired or revoked",
    "403": "Forbidden: not signed in, or the role does not allow this",
    "404": "Not found",
    "429": "Too many requests: wait (Retry-After) and try again",
    "503": "The database is busy with another change: nothing was saved; try again",
}
#: status -> description, for operations that write
WRITES = {"409": "Conflict: someone else changed it first; read it again"}


def document_errors(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular post-processing hook: add the common error answers to every operation."""
    for path in result.get("paths", {}).values():
        for method, operation in path.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            wanted = {**COMMON, **(WRITES if method in ("post", "put", "patch") else {})}
            for status, description in wanted.items():
                operation["responses"].setdefault(
                    status,
                    {"description": description,
                     "content": {"application/json": {"schema": ERROR}}},
                )  # fmt: skip
    return result

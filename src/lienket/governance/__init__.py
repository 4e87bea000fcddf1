"""The Committee's own machinery: framework documents and sessions (issue 27)."""

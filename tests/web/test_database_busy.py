"""SQLite waits for another writer (WAL, BEGIN IMMEDIATE, busy timeout) and a write that still
cannot start is a 503 that says "try again", never a 500 (issue 12, part 2)."""

import sqlite3

import pytest
from django.db import OperationalError, connection
from django.test import RequestFactory

from lienket.core.middleware import DatabaseBusy, is_busy


def _locked_error(tmp_path):
    """The error SQLite itself gives a writer when another holds the write lock."""
    path = tmp_path / "busy.sqlite3"
    holder = sqlite3.connect(path, timeout=0.1, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, timeout=0.1, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        return OperationalError(*exc.args)
    finally:
        holder.close()
        other.close()
    pytest.fail("the second writer was not refused")


@pytest.mark.parametrize("path", ["/enterprises/1/edit/", "/api/enterprises/1/"])
def test_a_locked_database_is_a_503_that_says_try_again(tmp_path, db, path):
    error = _locked_error(tmp_path)
    assert is_busy(error)
    request = RequestFactory().post(path)
    response = DatabaseBusy(lambda r: None).process_exception(request, error)
    assert response.status_code == 503 and response["Retry-After"] == "2"
    assert "try again" in response.content.decode()


def test_other_database_errors_are_left_alone():
    assert (
        DatabaseBusy(lambda r: None).process_exception(
            RequestFactory().get("/"), OperationalError("no such table: x")
        )
        is None
    )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite settings")
def test_sqlite_writes_take_their_lock_at_begin_and_wait_for_it(db):
    options = connection.settings_dict["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE" and options["timeout"] >= 5

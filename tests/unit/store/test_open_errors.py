"""A database that is missing, locked, too new or corrupt gives a known error, never a driver traceback."""

from __future__ import annotations

import sqlite3

import pytest

from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseTooNew,
)


def test_missing_file_is_reported_not_created(tmp_path):
    path = tmp_path / "nope.db"
    with pytest.raises(DatabaseMissing) as err:
        open_database(path)
    assert err.value.code == "missing"
    assert not path.exists()


def test_text_file_is_corrupt(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库 " * 100, encoding="utf-8")
    with pytest.raises(DatabaseCorrupt):
        open_database(path)


def test_truncated_database_is_corrupt(tmp_path):
    path = tmp_path / "trunc.db"
    open_database(path, create=True).dispose()
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\x00garbage" * 50)
    with pytest.raises(DatabaseCorrupt):
        open_database(path)


def test_schema_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.db"
    open_database(path, create=True).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(DatabaseTooNew):
        open_database(path)


def test_database_locked_by_another_writer(tmp_path, monkeypatch):
    import hcrm_desktop.store.db as dbmod

    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 100)
    path = tmp_path / "locked.db"
    open_database(path, create=True).dispose()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLocked):
            open_database(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    open_database(path).dispose()  # fine once released

"""The SQLite engine switches a database to WAL even while another process holds it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.queue.engines import create_queue_engine, enable_wal


def _held(path: Path) -> tuple[sqlite3.Connection, sqlite3.Connection]:
    """A connection holding ``path`` exclusively, and one that does not wait for it."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    return holder, sqlite3.connect(path, timeout=0, isolation_level=None)


def test_wal_switch_waits_for_a_database_another_connection_holds(tmp_path: Path) -> None:
    holder, waiter = _held(tmp_path / "queue.db")
    waits: list[float] = []

    def release_on_first_wait(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 1:
            holder.execute("COMMIT")

    enable_wal(waiter, sleep=release_on_first_wait)
    assert waits  # it was locked once and waited
    assert waiter.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_wal_switch_gives_up_after_its_timeout(tmp_path: Path) -> None:
    holder, waiter = _held(tmp_path / "queue.db")
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        enable_wal(waiter, timeout_s=0.2)
    holder.execute("COMMIT")


def test_an_unknown_backend_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="supports sqlite and postgresql"):
        create_queue_engine("mysql://user@host/db")

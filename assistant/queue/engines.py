"""SQLAlchemy engines for the queue: SQLite (WAL, busy timeout, ``BEGIN IMMEDIATE`` for
writers) or PostgreSQL, chosen by the database URL."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError

from assistant.errors import ConfigError
from assistant.redact import mask_url

BUSY_TIMEOUT_S = 30.0


def create_queue_engine(url: str) -> Engine:
    """The engine for ``url``; a clear ConfigError for a URL the queue cannot use."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(
            f"POSTWERK_DATABASE_URL {mask_url(url)!r} is not a database URL; "
            "use sqlite:///path/postwerk.db or postgresql://user@host/db"
        ) from exc
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, parsed.database)
    if parsed.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True)
    raise ConfigError(
        f"POSTWERK_DATABASE_URL uses {parsed.get_backend_name()!r}; "
        "the queue supports sqlite and postgresql"
    )


def enable_wal(dbapi_conn: sqlite3.Connection, *, timeout_s: float = BUSY_TIMEOUT_S,
               sleep: Any = time.sleep) -> None:
    """Switch a connection's database to WAL, waiting while another process holds it.

    SQLite answers ``PRAGMA journal_mode=WAL`` with "database is locked" at once, without its
    busy handler, while another connection is switching or migrating a fresh file; so this
    retries for up to ``timeout_s`` (four processes opening a new database together)."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            dbapi_conn.execute("PRAGMA journal_mode=WAL").fetchall()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            sleep(0.05)


def _sqlite_engine(url: str, database: str | None) -> Engine:
    if database and database != ":memory:":
        try:
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(
                f"cannot create the folder of the queue database {database}: {exc.strerror}; "
                "set POSTWERK_DATA_DIR or POSTWERK_DATABASE_URL to a writable place"
            ) from exc
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # let us issue BEGIN ourselves (pysqlite's implicit BEGIN is always DEFERRED)
        dbapi_conn.isolation_level = None
        dbapi_conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        enable_wal(dbapi_conn)
        dbapi_conn.execute("PRAGMA foreign_keys=ON")
        dbapi_conn.execute("PRAGMA synchronous=NORMAL")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # a writer takes the lock up front: a DEFERRED reader that later writes can fail with
        # SQLITE_BUSY at once instead of waiting for busy_timeout
        write = conn.get_execution_options().get("postwerk_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine

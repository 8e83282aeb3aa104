"""Embedding vectors on disk, shared by every data dir of this user.

An embedding is a pure function of (model, query or passage mode, text). Without a cache,
every fresh data dir embeds the same kit passages again: 31 passages of the coffee kit take
~3 s on one embedder thread, in front of the first draft of a week (bench/README.md). The
cache is one SQLite file in ``config.user_cache_dir()``; a row is a SHA-256 key of
(embedder identity, mode, text) and the float32 vector. The text itself is never stored.

It is a cache: a file that cannot be opened, read or written (read-only home, a corrupt
file, a locked database) costs only speed. Such a failure is logged once and the cache is
switched off for the process; a file that is not a database is replaced.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

FILE_NAME = "embeddings.sqlite"
# ~1.6 KB a row at 384 dimensions: the cap keeps the file near 30 MB. Beyond it the
# oldest rows go when the next process opens the file.
MAX_ROWS = 20_000
KEEP_ROWS = 15_000
_BUSY_SECONDS = 5.0  # another process writing: wait this long, then go without the cache
_SQL_VARS = 500  # keys per SELECT (SQLite's default limit on bound variables is 999+)


def cache_key(identity: str, mode: str, text: str) -> str:
    """The row key: nothing of the text can be read back from it."""
    return hashlib.sha256(f"{identity}\x00{mode}\x00{text}".encode()).hexdigest()


class VectorCache:
    """Thread-safe get/put of vectors by key; every failure degrades to a miss."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._off = False

    def get_many(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        wanted = list(dict.fromkeys(keys))
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(wanted), _SQL_VARS):
            rows = self._select(wanted[start:start + _SQL_VARS])
            found.update((key, np.frombuffer(blob, dtype=np.float32)) for key, blob in rows)
        return found

    def _select(self, keys: list[str]) -> list[Any]:
        sql = f"SELECT key, vec FROM vectors WHERE key IN ({','.join('?' * len(keys))})"
        return self._run(lambda conn: conn.execute(sql, keys).fetchall())

    def put_many(self, keys: Sequence[str], vectors: np.ndarray) -> None:
        rows = [(key, np.asarray(vec, dtype=np.float32).tobytes())
                for key, vec in zip(keys, vectors, strict=True)]
        self._run(lambda conn: conn.executemany(
            "INSERT OR REPLACE INTO vectors (key, vec) VALUES (?, ?)", rows).fetchall())

    def _run(self, action: Callable[[sqlite3.Connection], list[Any]]) -> list[Any]:
        """``action`` in one transaction; [] when the cache is off or fails."""
        with self._lock:
            conn = self._connection()
            if conn is None:
                return []
            try:
                with conn:
                    return action(conn)
            except sqlite3.Error as exc:
                self._disable(f"{exc.__class__.__name__}: {exc}")
                return []

    def _connection(self) -> sqlite3.Connection | None:
        if self._conn is None and not self._off:
            try:
                self._conn = _open(self.path)
            except sqlite3.DatabaseError as exc:  # not a database: start a new one
                log.warning("embedding cache %s unreadable (%s); starting afresh", self.path, exc)
                self._conn = self._reopen_fresh()
            except (sqlite3.Error, OSError) as exc:
                self._disable(str(exc))
        return self._conn

    def _reopen_fresh(self) -> sqlite3.Connection | None:
        try:
            self.path.unlink(missing_ok=True)
            return _open(self.path)
        except (sqlite3.Error, OSError) as exc:
            self._disable(str(exc))
            return None

    def _disable(self, why: str) -> None:
        if not self._off:
            log.warning("embedding cache %s off for this run (%s); embedding without it",
                        self.path, why)
        self._off = True
        self._conn = None


def _open(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=_BUSY_SECONDS, check_same_thread=False)
    try:
        path.chmod(0o600)  # vectors of the user's own posts: readable by this user only
        with conn:
            conn.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB)")
            (count,) = conn.execute("SELECT count(*) FROM vectors").fetchone()
            if count > MAX_ROWS:  # rowid order is insertion order: drop the oldest
                conn.execute("DELETE FROM vectors WHERE rowid IN (SELECT rowid FROM vectors "
                             "ORDER BY rowid LIMIT ?)", (count - KEEP_ROWS,))
    except BaseException:
        conn.close()
        raise
    return conn

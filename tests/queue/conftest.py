"""Queue fixtures: a real PostgreSQL server for the session, a fresh database per test.

The server is Debian's ``postgresql`` package (``make system-deps`` installs it): a cluster in a
tmp dir, owned by the ``postgres`` OS user when we run as root (initdb refuses root), listening
on 127.0.0.1 on a free port with its unix socket in the same tmp dir. The tests that need it
are skipped, with the reason, only when PostgreSQL is not installed.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.models import Problem, Severity
from assistant.queue.media_store import MediaStore
from assistant.queue.models import QueueItem
from assistant.queue.service import QueueService
from assistant.queue.storage import QueueStorage, reset_caches

BERLIN = ZoneInfo("Europe/Berlin")


@dataclass
class PostgresServer:
    bindir: Path
    root: Path
    port: int
    prefix: list[str]

    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def url(self, db: str) -> str:
        # plain postgresql:// on purpose: the storage must rewrite it to psycopg 3
        return f"postgresql://postgres@127.0.0.1:{self.port}/{db}"

    def sql(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(statement)  # type: ignore[arg-type]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _find_bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(found[-1]).parent if found else None


def _run(prefix: list[str], *args: str) -> None:
    proc = subprocess.run([*prefix, *args], capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise RuntimeError(f"{args[0]} failed: {proc.stderr.strip() or proc.stdout.strip()}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bindir = _find_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (`make system-deps` or "
                    "`apt-get install postgresql` installs it)")
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    root = Path(tempfile.mkdtemp(prefix="postwerk-pg-"))
    if prefix:
        shutil.chown(root, "postgres", "postgres")
    server = PostgresServer(bindir, root, _free_port(), prefix)
    data = root / "data"
    _run(prefix, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
         "-E", "UTF8", "--no-sync", "--locale=C")
    options = (f"-c listen_addresses=127.0.0.1 -p {server.port} "
               f"-c unix_socket_directories={root} -c fsync=off -c max_connections=60")
    _run(prefix, str(bindir / "pg_ctl"), "-D", str(data), "-o", options,
         "-l", str(root / "log"), "-w", "-t", "60", "start")
    try:
        yield server
    finally:
        reset_caches()
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w",
                        "stop"], capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


_COUNTER = itertools.count()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def queue_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty queue database URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'queue.db'}"
        reset_caches()
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = f"q{os.getpid()}_{next(_COUNTER)}"
    server.sql(f"CREATE DATABASE {name}")
    yield server.url(name)
    reset_caches()
    server.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def word_checker(item: QueueItem) -> list[Problem]:
    """A deterministic checker for the service tests: 'BAD' is an error, 'meh' a warning,
    an empty text an error."""
    problems = []
    if "BAD" in item.text:
        problems.append(Problem(code="bad_word", severity=Severity.ERROR,
                                message="the text says BAD"))
    if "meh" in item.text:
        problems.append(Problem(code="meh", severity=Severity.WARNING, message="meh"))
    if not item.text.strip():
        problems.append(Problem(code="empty", severity=Severity.ERROR, message="no text"))
    return problems


@pytest.fixture()
def service(queue_url: str, tmp_path: Path) -> QueueService:
    return QueueService(QueueStorage(queue_url), word_checker,
                        media_store=MediaStore(tmp_path / "media-store"))


@pytest.fixture()
def make_item() -> Callable[..., QueueItem]:
    def make(text: str = "Frischer Kaffee ab 8 Uhr", **kw: object) -> QueueItem:
        values: dict[str, object] = {
            "kit_id": "kaffee", "platform": "instagram", "text": text,
            "hashtags": ["kaffee", "hamburg"],
            "scheduled_at": datetime(2030, 3, 4, 9, 0, tzinfo=BERLIN),
        }
        values.update(kw)
        return QueueItem(**values)  # type: ignore[arg-type]

    return make

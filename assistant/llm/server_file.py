"""The shared model server's files in the data dir: who serves which model on which port.

``model-server.json`` is the record (written atomically by the server once it answers),
``model-server.lock`` the file lock held while a server is looked up, started or retired,
``model-server.used`` a file whose mtime says when a command last reached the server, and
``model-server.log`` the detached server's stderr. Several users of one data dir see the
same files; the lock makes "look, maybe start" one step for all of them.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from pydantic import BaseModel, ValidationError

from assistant.errors import LocalModelError

RECORD_FILE = "model-server.json"
LOCK_FILE = "model-server.lock"
USED_FILE = "model-server.used"
LOG_FILE = "model-server.log"


class ServerRecord(BaseModel):
    """What a running shared server wrote about itself."""

    pid: int
    port: int
    model_path: str
    model_id: str  # size and mtime of the GGUF: a replaced file is another model
    verified: bool
    threads: int
    threads_batch: int
    poll: int
    slots: int
    spare_threads: int | None = None  # a second context for when other programs hold a core
    idle_timeout: float
    started_at: float
    load_seconds: float

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"


def model_identity(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def read_record(data_dir: Path) -> ServerRecord | None:
    """The record, or None when there is none or it is unreadable (a torn or foreign file)."""
    try:
        return ServerRecord.model_validate_json((data_dir / RECORD_FILE).read_bytes())
    except (OSError, ValidationError):
        return None


def write_record(data_dir: Path, record: ServerRecord) -> None:
    # rename, so a reader never sees half a file
    tmp = data_dir / f".{RECORD_FILE}.{os.getpid()}"
    tmp.write_text(record.model_dump_json(indent=2))
    os.replace(tmp, data_dir / RECORD_FILE)


def remove_record(data_dir: Path, pid: int) -> None:
    """Remove the record if it is ``pid``'s (an old server must not delete its successor's)."""
    record = read_record(data_dir)
    if record is not None and record.pid == pid:
        (data_dir / RECORD_FILE).unlink(missing_ok=True)


def discard_record(data_dir: Path) -> None:
    (data_dir / RECORD_FILE).unlink(missing_ok=True)


def touch_used(data_dir: Path) -> None:
    (data_dir / USED_FILE).touch()


def last_used(data_dir: Path) -> float:
    try:
        return (data_dir / USED_FILE).stat().st_mtime
    except OSError:
        return 0.0


@contextmanager
def server_lock(data_dir: Path, timeout: float) -> Iterator[None]:
    """Hold the data dir's model-server lock (between processes), waiting up to ``timeout``."""
    handle = (data_dir / LOCK_FILE).open("a")
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise LocalModelError(
                        f"another command has held the model server lock in {data_dir} for "
                        f"{timeout:.0f} s; wait for it to finish, or run `postwerk model stop`"
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        handle.close()  # closing releases the lock


def pid_alive(pid: int) -> bool:
    """True when ``pid`` runs (a zombie, dead but not yet reaped by its parent, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive, but not ours to judge further
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state != "Z"


def looks_like_server(pid: int) -> bool:
    """Whether ``pid``'s command line is a model server (so that it may be stopped)."""
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return any(arg.endswith(b"serve") for arg in argv)


def answers(base_url: str, timeout: float = 5.0) -> bool:
    try:
        return httpx.get(f"{base_url}/models", timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False

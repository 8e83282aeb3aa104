"""Reach the data dir's shared model server, starting it (detached) when none runs.

Every command and the app call :func:`shared_server`; under the data dir's lock it reads
the record, checks that the process lives, answers and serves the wanted model file, and
otherwise clears the stale record and starts ``postwerk model serve`` in its own session,
so that it outlives the command and serves the next one without loading the model again.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from enum import Enum
from pathlib import Path

import assistant
from assistant.config import Settings
from assistant.errors import LocalModelError
from assistant.llm.local import model_file
from assistant.llm.server_file import (
    LOG_FILE,
    ServerRecord,
    answers,
    discard_record,
    looks_like_server,
    model_identity,
    pid_alive,
    read_record,
    server_lock,
    touch_used,
)

LOCK_TIMEOUT = 600.0
START_TIMEOUT = 300.0  # loading 1.1 GB on a busy machine


class Verdict(Enum):
    USABLE = "usable"
    STALE = "stale"  # the process is gone or does not answer
    OTHER_MODEL = "other model"  # it answers, but serves another file


def judge(record: ServerRecord, path: Path) -> Verdict:
    if not pid_alive(record.pid):
        return Verdict.STALE
    if record.model_path != str(path.resolve()) or record.model_id != model_identity(path):
        return Verdict.OTHER_MODEL
    return Verdict.USABLE if answers(record.base_url) else Verdict.STALE


def shared_server(settings: Settings, command: Sequence[str] | None = None) -> ServerRecord:
    """The running server for the configured model; started (detached) if needed."""
    data_dir = settings.ensure_data_dir().resolve()
    with server_lock(data_dir, LOCK_TIMEOUT):
        # under the lock: two first commands must not both join the 1.1 GB model
        path, _verified = model_file(settings.local_model_path, data_dir)
        record = read_record(data_dir)
        if record is not None:
            verdict = judge(record, path)
            if verdict is Verdict.USABLE:
                touch_used(data_dir)
                return record
            retire(record)
            discard_record(data_dir)
        record = _spawn(settings, data_dir, command)
        touch_used(data_dir)
        return record


def retire(record: ServerRecord, wait: float = 30.0) -> None:
    """Stop a recorded server that still runs (never a foreign process that reused its pid)."""
    if not pid_alive(record.pid) or not looks_like_server(record.pid):
        return
    os.kill(record.pid, signal.SIGTERM)
    deadline = time.monotonic() + wait
    while pid_alive(record.pid) and time.monotonic() < deadline:
        time.sleep(0.05)


def server_env(settings: Settings, data_dir: Path) -> dict[str, str]:
    """The environment of the detached server: this command's settings, spelled out."""
    env = dict(os.environ)
    root = str(Path(assistant.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    env["POSTWERK_DATA_DIR"] = str(data_dir)
    env["POSTWERK_LOCAL_CTX"] = str(settings.local_ctx)
    env["POSTWERK_LOCAL_IDLE_TIMEOUT"] = str(settings.local_idle_timeout)
    for name, value in (("LOCAL_MODEL_PATH", settings.local_model_path),
                        ("LOCAL_THREADS", settings.local_threads)):
        if value is None:
            env.pop(f"POSTWERK_{name}", None)
        else:
            env[f"POSTWERK_{name}"] = str(value)
    return env


def _spawn(settings: Settings, data_dir: Path, command: Sequence[str] | None) -> ServerRecord:
    argv = list(command or [sys.executable, "-m", "assistant", "model", "serve", "--spawned"])
    with (data_dir / LOG_FILE).open("ab") as log:
        proc = subprocess.Popen(
            argv, env=server_env(settings, data_dir), stdin=subprocess.DEVNULL,
            stdout=log, stderr=log, start_new_session=True, close_fds=True,
        )
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        record = read_record(data_dir)
        if record is not None and record.pid == proc.pid:
            return record
        if proc.poll() is not None:
            raise LocalModelError(
                f"the model server stopped while starting ({_last_line(data_dir / LOG_FILE)}); "
                f"see {data_dir / LOG_FILE}"
            )
        time.sleep(0.05)
    proc.terminate()
    raise LocalModelError(
        f"the model server did not start within {START_TIMEOUT:.0f} s; close other heavy "
        "programs, or set POSTWERK_LLM_BASE_URL to another endpoint"
    )


def _last_line(log: Path) -> str:
    try:
        lines = [line for line in log.read_text(errors="replace").splitlines() if line.strip()]
    except OSError:
        return "no log"
    return lines[-1].strip()[:200] if lines else "no output"


def stop_shared(settings: Settings) -> ServerRecord | None:
    """Stop the data dir's server if one runs; returns what was stopped."""
    data_dir = settings.ensure_data_dir().resolve()
    with server_lock(data_dir, LOCK_TIMEOUT):
        record = read_record(data_dir)
        if record is None:
            return None
        retire(record)
        discard_record(data_dir)
        return record if not pid_alive(record.pid) else None


def current_record(settings: Settings) -> ServerRecord | None:
    """The record if its server lives (for status), without starting anything."""
    record = read_record(settings.data_dir.resolve())
    return record if record is not None and pid_alive(record.pid) else None

"""One model server per data dir: start, reuse, stale records, another model, idle exit.

The server processes are real (`python -m tests.fakes.model_serve`: the real serve loop,
record and lock around the fake OpenAI server instead of the 1.1 GB model).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import Settings, load_settings
from assistant.errors import LocalModelError
from assistant.llm.local import free_port
from assistant.llm.server_file import (
    RECORD_FILE,
    ServerRecord,
    model_identity,
    pid_alive,
    read_record,
    write_record,
)
from assistant.llm.sharing import shared_server, stop_shared

ROOT = Path(__file__).resolve().parents[2]
FAKE = [sys.executable, "-m", "tests.fakes.model_serve", "--spawned"]


@pytest.fixture()
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """A dummy model file, a start counter, and every fake server stopped afterwards."""
    model = tmp_path / "tiny.gguf"
    model.write_bytes(b"GGUF fake")
    monkeypatch.setenv("POSTWERK_LOCAL_MODEL_PATH", str(model))
    monkeypatch.setenv("POSTWERK_FAKE_STARTS", str(tmp_path / "starts"))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    settings = load_settings()
    yield settings
    stop_shared(settings)


def starts(tmp_path: Path) -> list[int]:
    path = tmp_path / "starts"
    return [int(line) for line in path.read_text().split()] if path.exists() else []


def test_first_command_starts_the_server_and_the_next_reuses_it(
    env: Settings, tmp_path: Path
) -> None:
    first = shared_server(env, FAKE)
    second = shared_server(env, FAKE)
    assert first.pid == second.pid and pid_alive(first.pid)
    assert starts(tmp_path) == [first.pid]
    assert read_record(env.data_dir.resolve()) == first


def test_two_commands_at_once_start_one_server(
    env: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POSTWERK_FAKE_LOAD_SECONDS", "1")
    found: list[int] = []
    workers = [threading.Thread(target=lambda: found.append(shared_server(env, FAKE).pid))
               for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(found) == 3 and len(set(found)) == 1
    assert starts(tmp_path) == found[:1]


def dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def fake_record(settings: Settings, pid: int, port: int | None = None) -> ServerRecord:
    path = settings.local_model_path
    assert path is not None
    return ServerRecord(
        pid=pid, port=port or free_port(), model_path=str(path.resolve()),
        model_id=model_identity(path), verified=False, threads=1, threads_batch=1, poll=0,
        slots=2, idle_timeout=900, started_at=time.time(), load_seconds=1.0,
    )


def test_record_of_a_killed_server_is_replaced(env: Settings, tmp_path: Path) -> None:
    data_dir = env.ensure_data_dir().resolve()
    write_record(data_dir, fake_record(env, dead_pid()))
    record = shared_server(env, FAKE)
    assert starts(tmp_path) == [record.pid] and read_record(data_dir) == record


def test_reused_pid_that_does_not_answer_is_stale_and_left_alone(
    env: Settings, tmp_path: Path
) -> None:
    stranger = subprocess.Popen(["sleep", "30"])
    try:
        write_record(env.ensure_data_dir().resolve(), fake_record(env, stranger.pid))
        record = shared_server(env, FAKE)
        assert record.pid != stranger.pid and starts(tmp_path) == [record.pid]
        assert stranger.poll() is None  # a foreign process is never killed
    finally:
        stranger.kill()
        stranger.wait()


def test_another_model_file_replaces_the_running_server(
    env: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = shared_server(env, FAKE)
    other = tmp_path / "other.gguf"
    other.write_bytes(b"GGUF other")
    monkeypatch.setenv("POSTWERK_LOCAL_MODEL_PATH", str(other))
    new = shared_server(load_settings(), FAKE)
    assert new.pid != old.pid and new.model_path == str(other.resolve())
    assert not pid_alive(old.pid)


def test_changed_model_file_is_another_model(env: Settings, tmp_path: Path) -> None:
    old = shared_server(env, FAKE)
    assert env.local_model_path is not None
    env.local_model_path.write_bytes(b"GGUF changed, longer")
    new = shared_server(env, FAKE)
    assert new.pid != old.pid and not pid_alive(old.pid)


def test_idle_server_exits_and_removes_its_record(
    env: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POSTWERK_LOCAL_IDLE_TIMEOUT", "1")
    settings = load_settings()
    record = shared_server(settings, FAKE)
    deadline = time.monotonic() + 15
    while pid_alive(record.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not pid_alive(record.pid)
    assert read_record(settings.data_dir.resolve()) is None


def test_server_whose_record_is_gone_exits_at_once(env: Settings) -> None:
    """A bench or test deletes its tmp data dir: the server it started must not live on
    (one kept generating an abandoned reply at full CPU for 40 minutes)."""
    record = shared_server(env, FAKE)  # idle timeout: the default 900 s
    (env.data_dir.resolve() / RECORD_FILE).unlink()
    deadline = time.monotonic() + 15
    while pid_alive(record.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not pid_alive(record.pid)


def test_server_that_fails_to_start_is_one_clear_error(env: Settings) -> None:
    failing = [sys.executable, "-c", "import sys; sys.exit('postwerk: no such model')"]
    with pytest.raises(LocalModelError, match="no such model"):
        shared_server(env, failing)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True,
                          text=True, env=dict(os.environ), timeout=60, cwd=ROOT)


def test_cli_commands_share_a_running_server(env: Settings, tmp_path: Path) -> None:
    serving = subprocess.Popen([sys.executable, "-m", "tests.fakes.model_serve"], cwd=ROOT,
                               env=dict(os.environ))
    try:
        deadline = time.monotonic() + 30
        while read_record(env.data_dir.resolve()) is None and time.monotonic() < deadline:
            time.sleep(0.1)
        for _ in range(2):
            proc = cli("model", "status", "--json")
            assert proc.returncode == 0, proc.stderr
            data = json.loads(proc.stdout)
            assert data["pid"] == serving.pid and data["reachable"] and data["uptime_seconds"] >= 0
            assert data["idle_timeout"] == 900 and data["threads"] >= 1
        assert starts(tmp_path) == [serving.pid]
        second = cli("model", "serve")  # a second server for the same data dir is refused
        assert second.returncode == 2 and "already runs" in second.stderr
        stopped = cli("model", "stop", "--json")
        assert json.loads(stopped.stdout) == {"stopped": True, "pid": serving.pid}
        assert serving.wait(timeout=10) == 0
    finally:
        serving.kill()

"""`postwerk model status` as a user runs it (a real subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from assistant.llm.local import free_port
from tests.fakes.llm_server import FakeLLMServer, Reply


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
    )


def test_status_json_against_endpoint(fake_llm: FakeLLMServer) -> None:
    fake_llm.push(Reply(content="ready"))
    proc = run("model", "status", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["reachable"] is True and data["model"] == "fake-model"
    assert data["endpoint"] == fake_llm.url and data["latency_ms"] >= 0
    assert "sk-test-fake-key" not in proc.stdout + proc.stderr


def test_unreachable_endpoint_exits_2_with_one_line(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("POSTWERK_LLM_BASE_URL", f"http://127.0.0.1:{free_port()}/v1")
    monkeypatch.setenv("POSTWERK_LLM_MAX_RETRIES", "0")
    proc = run("model", "status", "--json")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "cannot reach" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_refused_key_exits_2(fake_llm: FakeLLMServer) -> None:
    fake_llm.push(Reply.error(401, "invalid api key"))
    proc = run("model", "status")
    assert proc.returncode == 2 and "API key" in proc.stderr and "Traceback" not in proc.stderr


def test_bad_setting_exits_2(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("POSTWERK_TIMEZONE", "Nowhere/Else")
    proc = run("model", "status")
    assert proc.returncode == 2 and "POSTWERK_TIMEZONE" in proc.stderr

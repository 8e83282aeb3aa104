"""The one smoke test of the real embedded model: a structured request, parsed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel, Field

from assistant.config import get_settings
from assistant.llm import ChatMessage, get_client, model_status

pytestmark = [pytest.mark.model, pytest.mark.timeout(900)]


class City(BaseModel):
    city: str = Field(description="the city's name")
    country: str


def test_embedded_model_answers_structured(real_model: Path) -> None:
    client = get_client(get_settings())
    assert client.endpoint.local
    messages = [
        ChatMessage(role="system", content="Answer in JSON."),
        ChatMessage(
            role="user",
            content="Extract the city and the country: Our roastery is in Hamburg, Germany.",
        ),
    ]
    result = client.structured(messages, City, temperature=0.0, max_tokens=60)
    assert isinstance(result.value, City)
    assert "hamburg" in result.value.city.lower()
    assert result.usage.prompt_tokens > 0 and result.usage.completion_tokens > 0


def test_status_reports_the_verified_bundled_model(real_model: Path) -> None:
    status = model_status(get_settings())
    assert status.local and status.reachable and status.sha256_verified
    assert status.model_path and Path(status.model_path).parent == real_model / "models"


def model_servers(data_dir: Path) -> list[int]:
    """Pids of model server processes for ``data_dir`` (every process on the machine)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
            env = (proc / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"serve" in argv and f"POSTWERK_DATA_DIR={data_dir}".encode() in env:
            found.append(int(proc.name))
    return found


def test_a_second_command_reuses_the_running_model_server(real_model: Path) -> None:
    def status() -> dict[str, object]:
        proc = subprocess.run([sys.executable, "-m", "assistant", "model", "status", "--json"],
                              capture_output=True, text=True, env=dict(os.environ), timeout=600)
        assert proc.returncode == 0, proc.stderr
        return dict(json.loads(proc.stdout))

    first = status()
    second = status()
    assert first["pid"] == second["pid"] and first["port"] == second["port"]
    assert model_servers(real_model.resolve()) == [first["pid"]]

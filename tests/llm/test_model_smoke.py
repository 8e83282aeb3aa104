"""The one smoke test of the real embedded model: a structured request, parsed."""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from pydantic import BaseModel, Field

from assistant.config import get_settings
from assistant.llm import ChatMessage, get_client, model_status
from assistant.llm.server_file import pid_alive
from assistant.llm.sharing import shared_server, stop_shared
from tests.model_support import model_servers, status_command

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


def test_a_second_command_reuses_the_running_model_server(real_model: Path) -> None:
    first = status_command()
    second = status_command()
    assert first["pid"] == second["pid"] and first["port"] == second["port"]
    assert model_servers(real_model.resolve()) == [first["pid"]]


def test_a_server_stopped_mid_reply_ends_and_closes_the_connection(real_model: Path) -> None:
    """`postwerk model stop` (or a command that wants another model) while a reply is being
    written: the server used to live on for good, its client waiting without an answer."""
    settings = get_settings()
    record = shared_server(settings)
    outcome: list[str] = []

    def ask() -> None:
        # llama.cpp's ignore_eos: the reply runs to max_tokens (about a minute), so it is
        # surely still being written when the server is stopped
        body = json.dumps({"model": "local", "max_tokens": 2000, "ignore_eos": True,
                           "messages": [{"role": "user", "content": "Count from 1 to 2000."}]})
        request = urllib.request.Request(f"{record.base_url}/chat/completions",
                                         body.encode(), {"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=120) as reply:
                outcome.append(f"answered {len(reply.read())} bytes")
        except OSError as exc:  # the connection closed: what a stopped server must do
            outcome.append(type(exc).__name__)

    client = threading.Thread(target=ask)
    client.start()
    time.sleep(4)  # the model is writing
    started = time.monotonic()
    stopped = stop_shared(settings)
    client.join(timeout=30)
    assert stopped is not None and not pid_alive(record.pid)
    assert not client.is_alive() and time.monotonic() - started < 25
    assert outcome and not outcome[0].startswith("answered"), outcome

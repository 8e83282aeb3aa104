"""`postwerk model status`: which model, does it answer, how fast."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from assistant.config import Settings
from assistant.llm.client import ChatMessage
from assistant.llm.factory import get_client
from assistant.llm.local import MODEL_SHA256, is_verified, running_server


class ModelStatus(BaseModel):
    endpoint: str
    model: str
    local: bool
    reachable: bool
    latency_ms: float | None = None
    reply: str | None = None
    model_path: str | None = None
    sha256_verified: bool | None = None
    load_seconds: float | None = None
    usage: dict[str, int] | None = None


PING = [
    ChatMessage(role="system", content="You are a terse assistant."),
    ChatMessage(role="user", content="Reply with the single word: ready"),
]


def model_status(settings: Settings) -> ModelStatus:
    """A tiny real request; raises the LLMError (e.g. unreachable, key refused) if it fails."""
    client = get_client(settings)
    result = client.text(PING, temperature=0.0, max_tokens=8)
    status = ModelStatus(
        endpoint=client.endpoint.base_url,
        model=client.endpoint.model,
        local=client.endpoint.local,
        reachable=True,
        latency_ms=round(result.seconds * 1000, 1),
        reply=result.value.strip(),
        usage=result.usage.model_dump(),
    )
    server = running_server()
    if client.endpoint.local and server is not None:
        status.model_path = str(server.model_path)
        status.sha256_verified = server.verified and is_verified(
            Path(server.model_path), MODEL_SHA256
        )
        status.load_seconds = round(server.load_seconds, 2)
    return status

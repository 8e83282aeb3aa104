"""`postwerk model status`: which model, does it answer, how fast; the shared server."""

from __future__ import annotations

import time
from pathlib import Path

from pydantic import BaseModel

from assistant.config import Settings
from assistant.llm.client import ChatMessage
from assistant.llm.factory import get_client
from assistant.llm.local import MODEL_SHA256, is_verified
from assistant.llm.sharing import current_record


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
    pid: int | None = None
    port: int | None = None
    uptime_seconds: float | None = None
    idle_timeout: float | None = None
    threads: int | None = None
    threads_batch: int | None = None
    spare_threads: int | None = None
    slots: int | None = None


PING = [
    ChatMessage(role="system", content="You are a terse assistant."),
    ChatMessage(role="user", content="Reply with the single word: ready"),
]


def model_status(settings: Settings) -> ModelStatus:
    """A tiny real request; raises the LLMError (e.g. unreachable, key refused) if it fails."""
    client = get_client(settings)
    result = client.text(PING, temperature=0.0, max_tokens=8)
    status = ModelStatus(
        endpoint=client.endpoint.shown_url,
        model=client.endpoint.model,
        local=client.endpoint.local,
        reachable=True,
        latency_ms=round(result.seconds * 1000, 1),
        reply=result.value.strip(),
        usage=result.usage.model_dump(),
    )
    record = current_record(settings) if client.endpoint.local else None
    if record is not None:
        status.model_path = record.model_path
        status.sha256_verified = record.verified and is_verified(
            Path(record.model_path), MODEL_SHA256
        )
        status.load_seconds = record.load_seconds
        status.pid, status.port, status.slots = record.pid, record.port, record.slots
        status.uptime_seconds = round(time.time() - record.started_at, 1)
        status.idle_timeout = record.idle_timeout
        status.threads, status.threads_batch = record.threads, record.threads_batch
        status.spare_threads = record.spare_threads
    return status

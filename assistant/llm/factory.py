"""Build the client for the configured endpoint, or for the embedded model."""

from __future__ import annotations

import threading

from assistant.config import Settings, get_settings
from assistant.llm.client import Endpoint, LLMClient
from assistant.llm.local import MODEL_NAME
from assistant.llm.sharing import shared_server

DEFAULT_REMOTE_MODEL = "gpt-4o-mini"

_lock = threading.Lock()
_clients: dict[tuple[str, str, str | None, float, int, int], LLMClient] = {}


def resolve_endpoint(settings: Settings) -> Endpoint:
    """The configured endpoint; without one, the data dir's shared embedded model server
    (started, detached, by the first command that needs it)."""
    if settings.llm_base_url:
        return Endpoint(
            base_url=settings.llm_base_url,
            model=settings.llm_model or DEFAULT_REMOTE_MODEL,
            api_key=settings.api_key,
        )
    server = shared_server(settings)
    name = settings.local_model_path.stem if settings.local_model_path else MODEL_NAME
    return Endpoint(base_url=server.base_url, model=name, local=True)


def get_client(settings: Settings | None = None) -> LLMClient:
    """One client per endpoint and options, reused across calls, reruns and sessions."""
    settings = settings or get_settings()
    endpoint = resolve_endpoint(settings)
    key = (
        endpoint.base_url,
        endpoint.model,
        endpoint.api_key,
        settings.request_timeout,
        settings.llm_max_retries,
        settings.llm_max_tokens,
    )
    with _lock:
        client = _clients.get(key)
        if client is None:
            client = LLMClient(
                endpoint,
                timeout=settings.request_timeout,
                max_retries=settings.llm_max_retries,
                max_tokens=settings.llm_max_tokens,
            )
            _clients[key] = client
        return client

"""The LLM boundary: the only package that imports openai (client) and xllamacpp (local)."""

from assistant.llm.client import ChatMessage, Endpoint, LLMClient, LLMResult
from assistant.llm.factory import get_client
from assistant.llm.status import ModelStatus, model_status

__all__ = [
    "ChatMessage",
    "Endpoint",
    "LLMClient",
    "LLMResult",
    "ModelStatus",
    "get_client",
    "model_status",
]

"""The real openai SDK against the fake server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import time

import pytest
from pydantic import BaseModel

from assistant.config import get_settings
from assistant.errors import (
    LLMAuthError,
    LLMBadReplyError,
    LLMConnectionError,
    LLMModelNotFoundError,
    LLMRateLimitError,
    LLMServerError,
    LLMTimeoutError,
    LLMTruncatedError,
)
from assistant.llm import ChatMessage, Endpoint, LLMClient, get_client
from assistant.llm.local import free_port
from tests.fakes.llm_server import FakeLLMServer, Reply


class Post(BaseModel):
    text: str
    hashtags: list[str]


MESSAGES = [ChatMessage(role="user", content="write a post")]
GOOD = {"text": "Moin Hamburg!", "hashtags": ["kaffee"]}


def client_for(fake: FakeLLMServer, **kw: object) -> LLMClient:
    opts = {"timeout": 2.0, "max_retries": 2} | kw
    return LLMClient(Endpoint(fake.url, "fake-model", api_key="sk-secret-123"), **opts)  # type: ignore[arg-type]


def test_structured_success_returns_model_and_usage(fake_llm: FakeLLMServer) -> None:
    fake_llm.push(Reply.json(GOOD, usage=(120, 30, 64)))
    result = client_for(fake_llm).structured(MESSAGES, Post)
    assert result.value == Post(**GOOD)
    assert (result.usage.prompt_tokens, result.usage.completion_tokens) == (120, 30)
    assert result.usage.cached_tokens == 64 and result.usage.calls == 1
    sent = fake_llm.chat_requests[0]
    assert sent["response_format"]["type"] == "json_schema"
    schema = sent["response_format"]["json_schema"]["schema"]
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"text", "hashtags"}
    assert sent["max_tokens"] > 0 and sent["model"] == "fake-model"


def test_text_call(fake_llm: FakeLLMServer) -> None:
    fake_llm.push(Reply(content="Hallo"))
    assert client_for(fake_llm).text(MESSAGES).value == "Hallo"


def test_429_then_success_is_retried(fake_llm: FakeLLMServer) -> None:
    fake_llm.push(Reply.error(429, "slow down", retry_after=0.1), Reply.json(GOOD))
    result = client_for(fake_llm).structured(MESSAGES, Post)
    assert result.value.text == "Moin Hamburg!"
    assert len(fake_llm.chat_requests) == 2


def test_429_every_time_is_a_rate_limit_error(fake_llm: FakeLLMServer) -> None:
    fake_llm.push(*[Reply.error(429, retry_after=0.05)] * 3)
    with pytest.raises(LLMRateLimitError, match="wait a minute"):
        client_for(fake_llm).structured(MESSAGES, Post)
    assert len(fake_llm.chat_requests) == 3  # the first try and two retries


def test_500_every_time_gives_clear_error_after_retries(fake_llm: FakeLLMServer) -> None:
    fake_llm.push(*[Reply.error(500, retry_after=0.05)] * 3)
    with pytest.raises(LLMServerError, match="server error") as info:
        client_for(fake_llm).structured(MESSAGES, Post)
    assert len(fake_llm.chat_requests) == 3
    assert "sk-secret-123" not in str(info.value)


def test_hang_past_timeout_is_a_timeout_error(fake_llm: FakeLLMServer) -> None:
    fake_llm.push(Reply.hang(3.0))
    started = time.monotonic()
    with pytest.raises(LLMTimeoutError, match="POSTWERK_LLM_TIMEOUT"):
        client_for(fake_llm, timeout=0.5, max_retries=0).structured(MESSAGES, Post)
    assert time.monotonic() - started < 2.5


def test_malformed_json_is_a_bad_reply(fake_llm: FakeLLMServer) -> None:
    fake_llm.push(Reply.malformed())
    with pytest.raises(LLMBadReplyError, match="not valid JSON"):
        client_for(fake_llm).structured(MESSAGES, Post)


def test_wrong_shape_names_the_field(fake_llm: FakeLLMServer) -> None:
    fake_llm.push(Reply.json({"text": "hi"}))
    with pytest.raises(LLMBadReplyError, match="hashtags"):
        client_for(fake_llm).structured(MESSAGES, Post)


def test_cut_off_reply_is_truncated_error(fake_llm: FakeLLMServer) -> None:
    fake_llm.push(Reply.truncated())
    with pytest.raises(LLMTruncatedError, match="POSTWERK_LLM_MAX_TOKENS"):
        client_for(fake_llm).structured(MESSAGES, Post)


def test_refused_key_and_unknown_model(fake_llm: FakeLLMServer) -> None:
    fake_llm.push(Reply.error(401, "bad key"))
    with pytest.raises(LLMAuthError, match="POSTWERK_LLM_API_KEY"):
        client_for(fake_llm).text(MESSAGES)
    fake_llm.push(Reply.error(404, "no such model"))
    with pytest.raises(LLMModelNotFoundError, match="POSTWERK_LLM_MODEL"):
        client_for(fake_llm).text(MESSAGES)


def test_endpoint_down_is_a_connection_error() -> None:
    endpoint = Endpoint(f"http://127.0.0.1:{free_port()}/v1", "m")
    with pytest.raises(LLMConnectionError, match="cannot reach"):
        LLMClient(endpoint, timeout=1.0, max_retries=0).text(MESSAGES)


def test_async_calls_run_concurrently(fake_llm: FakeLLMServer) -> None:
    fake_llm.responder = lambda body: Reply.json(GOOD, delay=1.0)
    client = client_for(fake_llm)

    async def many() -> list[Post]:
        results = await asyncio.gather(*[client.astructured(MESSAGES, Post) for _ in range(4)])
        return [r.value for r in results]

    posts = asyncio.run(many())
    assert len(posts) == 4 and all(p.text == "Moin Hamburg!" for p in posts)
    assert fake_llm.max_in_flight == 4  # four 1 s replies at once, not one after another


def test_get_client_reuses_one_client_and_hides_the_key(fake_llm: FakeLLMServer) -> None:
    first = get_client(get_settings())
    assert get_client(get_settings()) is first
    assert "sk-test-fake-key" not in repr(first) and "sk-test-fake-key" not in repr(first.endpoint)

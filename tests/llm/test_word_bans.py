"""Words a reply may not use, banned by token on the embedded model's server (the fake's
/tokenize answers as llama.cpp's does)."""

from __future__ import annotations

import asyncio

from pydantic import BaseModel

from assistant.llm import ChatMessage, Endpoint, LLMClient
from tests.fakes.llm_server import FakeLLMServer, Reply


class Post(BaseModel):
    text: str


def _client(fake: FakeLLMServer, local: bool) -> LLMClient:
    return LLMClient(Endpoint(fake.url, "fake-model", local=local), timeout=2.0, max_retries=0)


def test_the_embedded_model_bans_each_word_it_writes_as_one_token(
    fake_llm: FakeLLMServer,
) -> None:
    """Each word with and without a space and a capital; a word of two tokens is left out
    (banning its first piece would ban every word that begins so)."""
    bans = asyncio.run(_client(fake_llm, local=True).aword_tokens(["cover", "partnership"]))
    assert fake_llm.tokenized == [" cover", " Cover", "cover", "Cover", " partnership",
                                  " Partnership", "partnership", "Partnership"]
    assert bans == tuple(fake_llm.vocabulary[form]
                         for form in (" cover", " Cover", "cover", "Cover"))


def test_an_endpoint_has_no_bans_and_is_not_asked(fake_llm: FakeLLMServer) -> None:
    assert asyncio.run(_client(fake_llm, local=False).aword_tokens(["cover"])) == ()
    assert fake_llm.tokenized == []


def test_the_bans_go_with_the_request_as_llama_cpp_reads_them(fake_llm: FakeLLMServer) -> None:
    fake_llm.push(Reply.json({"text": "Live for Snowflake."}),
                  Reply.json({"text": "Live for Snowflake."}))
    client = _client(fake_llm, local=True)
    messages = [ChatMessage(role="user", content="write")]
    asyncio.run(client.astructured(messages, Post, bans=(7, 9)))
    asyncio.run(client.astructured(messages, Post))
    first, second = fake_llm.chat_requests
    assert first["logit_bias"] == [[7, -100], [9, -100]]
    assert "logit_bias" not in second


def test_a_server_that_cannot_tokenize_gives_no_bans(fake_llm: FakeLLMServer) -> None:
    """A sample without bans is a sample as before, not a failed draft."""
    client = LLMClient(Endpoint("http://127.0.0.1:9/v1", "fake-model", local=True),
                       timeout=1.0, max_retries=0)
    assert asyncio.run(client.aword_tokens(["cover"])) == ()

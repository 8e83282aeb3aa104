"""Words a reply may not use, banned by token on the embedded model's server (the fake's
/tokenize answers as llama.cpp's does), and runs of words, forbidden by the reply's grammar."""

from __future__ import annotations

import asyncio
import logging

import pytest
from pydantic import BaseModel

from assistant.llm import ChatMessage, Endpoint, LLMClient
from assistant.llm.client import Avoid
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
    asyncio.run(client.astructured(messages, Post, avoid=Avoid(tokens=(7, 9))))
    asyncio.run(client.astructured(messages, Post))
    first, second = fake_llm.chat_requests
    assert first["logit_bias"] == [[7, -100], [9, -100]]
    assert "logit_bias" not in second


def test_a_server_that_cannot_tokenize_gives_no_bans(fake_llm: FakeLLMServer) -> None:
    """A sample without bans is a sample as before, not a failed draft."""
    client = LLMClient(Endpoint("http://127.0.0.1:9/v1", "fake-model", local=True),
                       timeout=1.0, max_retries=0)
    assert asyncio.run(client.aword_tokens(["cover"])) == ()


def test_runs_go_as_the_schemas_grammar_in_its_place(fake_llm: FakeLLMServer) -> None:
    """llama.cpp takes a grammar instead of a JSON schema; the reply is read by the schema
    as before."""
    fake_llm.push(Reply.json({"text": "Am 1. Januar ist das Kontor geschlossen."}))
    client = _client(fake_llm, local=True)
    messages = [ChatMessage(role="user", content="write")]
    avoid = Avoid(runs=(("das", "Kontor", "zu"),))
    result = asyncio.run(client.astructured(messages, Post, avoid=avoid))
    assert result.value.text == "Am 1. Januar ist das Kontor geschlossen."
    (request,) = fake_llm.chat_requests
    assert "response_format" not in request
    assert request["grammar"].startswith("%llguidance")
    assert "[kK]ontor" in request["grammar"]


def test_an_endpoint_gets_its_json_schema_and_no_grammar(fake_llm: FakeLLMServer) -> None:
    fake_llm.push(Reply.json({"text": "ok"}))
    client = _client(fake_llm, local=False)
    avoid = Avoid(runs=(("das", "Kontor", "zu"),))
    asyncio.run(client.astructured([ChatMessage(role="user", content="write")], Post,
                                   avoid=avoid))
    (request,) = fake_llm.chat_requests
    assert request["response_format"]["type"] == "json_schema"
    assert "grammar" not in request


def test_a_server_that_lets_a_forbidden_run_through_is_named_in_the_log(
    fake_llm: FakeLLMServer, caplog: pytest.LogCaptureFixture,
) -> None:
    """A grammar too complex for the server's lexer is dropped there without an error, and
    the model samples freely: the reply is used, and the log says what to do."""
    fake_llm.push(Reply.json({"text": "Am 1. Januar bleibt das Kontor zu."}))
    client = _client(fake_llm, local=True)
    avoid = Avoid(runs=(("das", "Kontor", "zu"),))
    with caplog.at_level(logging.WARNING, logger="assistant.llm.client"):
        result = asyncio.run(client.astructured([ChatMessage(role="user", content="write")],
                                                Post, avoid=avoid))
    assert result.value.text == "Am 1. Januar bleibt das Kontor zu."
    assert "did not apply the reply's grammar" in caplog.text
    assert "POSTWERK_DRAFT_PARTING_RUNS=false" in caplog.text

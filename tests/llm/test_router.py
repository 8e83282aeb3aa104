"""The model server's router: generation requests to the full or the spare context, the
two contexts' slots and counters shown as one server. The contexts are the real fake
OpenAI server (tests/fakes/llm_server.py); the client is Postwerk's, over the openai SDK."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from assistant.errors import LLMError
from assistant.llm.client import ChatMessage, Endpoint, LLMClient
from assistant.llm.router import Router, merged_metrics
from tests.fakes.llm_server import FakeLLMServer, Reply

ASK = [ChatMessage(role="user", content="Hallo")]


@pytest.fixture()
def contexts() -> Iterator[tuple[FakeLLMServer, FakeLLMServer]]:
    full, spare = FakeLLMServer(model="full").start(), FakeLLMServer(model="spare").start()
    yield full, spare
    full.stop()
    spare.stop()


def root(server: FakeLLMServer) -> str:
    return server.url.removesuffix("/v1")


def client_for(router: Router) -> LLMClient:
    return LLMClient(Endpoint(base_url=f"{router.base_url}/v1", model="m", local=True),
                     timeout=10, max_retries=0)


def test_generation_goes_to_the_spare_context_only_while_others_hold_a_core(
    contexts: tuple[FakeLLMServer, FakeLLMServer],
) -> None:
    full, spare = contexts
    busy = [False]
    router = Router(root(full), root(spare), lambda: busy[0]).start()
    try:
        client = client_for(router)
        full.push(Reply("from full"))
        assert client.text(ASK, max_tokens=8).value == "from full"
        busy[0] = True
        spare.push(Reply("from spare"))
        assert client.text(ASK, max_tokens=8).value == "from spare"
        assert len(full.chat_requests) == 1 and len(spare.chat_requests) == 1
        assert spare.chat_requests[0]["messages"][0]["content"] == "Hallo"  # passed unchanged
        # everything that is not a generation goes to the full context
        models = httpx.get(f"{router.base_url}/v1/models").json()
        assert models["data"][0]["id"] == "full"
    finally:
        router.stop()


def test_without_a_spare_context_everything_goes_to_the_full_one(
    contexts: tuple[FakeLLMServer, FakeLLMServer],
) -> None:
    full, _ = contexts
    router = Router(root(full), None, lambda: True).start()
    try:
        full.push(Reply("only"))
        assert client_for(router).text(ASK, max_tokens=8).value == "only"
    finally:
        router.stop()


def test_slots_and_counters_of_both_contexts_show_as_one_server(
    contexts: tuple[FakeLLMServer, FakeLLMServer],
) -> None:
    full, spare = contexts
    full.slots = [{"id": 0, "is_processing": True}, {"id": 1, "is_processing": False}]
    spare.slots = [{"id": 0, "is_processing": True}]
    full.metrics_text = ("# HELP llamacpp:prompt_tokens_total x\nllamacpp:prompt_tokens_total 100\n"
                         "llamacpp:requests_processing 1\n")
    spare.metrics_text = "llamacpp:prompt_tokens_total 50\nllamacpp:requests_processing 0\n"
    router = Router(root(full), root(spare), lambda: False).start()
    try:
        assert len(httpx.get(f"{router.base_url}/slots").json()) == 3
        text = httpx.get(f"{router.base_url}/metrics").text
        assert "llamacpp:prompt_tokens_total 150" in text
        assert "llamacpp:requests_processing 1" in text and "# HELP" in text
    finally:
        router.stop()


def test_a_context_that_is_gone_is_one_clear_error(
    contexts: tuple[FakeLLMServer, FakeLLMServer],
) -> None:
    full, spare = contexts
    router = Router(root(full), root(spare), lambda: True).start()
    spare.stop()
    try:
        with pytest.raises(LLMError) as caught:
            client_for(router).text(ASK, max_tokens=8)
        assert "\n" not in str(caught.value)
    finally:
        router.stop()


def test_merged_metrics_sums_names_and_keeps_the_rest() -> None:
    text = merged_metrics(["# c\nllamacpp:a 1\nllamacpp:b 2.5\n", "llamacpp:a 3\n"])
    assert text == "# c\nllamacpp:a 4\nllamacpp:b 2.5\n"

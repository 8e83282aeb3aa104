"""The checks' word lists load while the first request is out, not before it."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from assistant.brand.kit import load_kit
from assistant.drafting import draft_posts
from assistant.quality import compose
from assistant.quality.dictionary import dictionary, german_plain_names, given_names, place_names
from assistant.quality.nouns import noun_index
from tests.conftest import ROOT
from tests.fakes.drafts import DraftScript
from tests.fakes.llm_server import FakeLLMServer, Reply

LOADERS = (dictionary, given_names, german_plain_names, noun_index, place_names)


@pytest.mark.usefixtures("one_call_per_brief")
def test_the_first_request_leaves_before_the_word_lists_are_loaded(
        fake_llm: FakeLLMServer, monkeypatch: pytest.MonkeyPatch) -> None:
    kit = load_kit("kaffeekontor-hamburg", ROOT / "brand_kits")
    for loader in LOADERS:  # as in a fresh process
        loader.cache_clear()
    # The loading waits for the first request to arrive: a drafting that waited for the
    # lists before it sent the request would find the gate closed until its timeout.
    # (Without the gate the order of the two threads was left to a busy machine.)
    request_in, opened = threading.Event(), []
    load = compose.load_word_lists

    def gated_load(language: str) -> None:
        opened.append(request_in.wait(timeout=20))
        load(language)

    monkeypatch.setattr(compose, "load_word_lists", gated_load)
    script, loaded = DraftScript(), []

    def respond(body: dict[str, Any]) -> Reply:
        loaded.append(place_names.cache_info().currsize)  # the last list to load
        request_in.set()
        return script(body)

    fake_llm.responder = respond
    drafts = draft_posts(kit, "Neuer Äthiopien-Filterkaffee ist da", ["instagram", "linkedin"])
    assert opened == [True]  # the lists loaded once, after the request was out
    assert loaded[0] == 0  # and the request did not load them itself
    assert all(loader.cache_info().currsize for loader in LOADERS)  # the checks had them
    assert [d.status for d in drafts] == ["ready", "ready"], [d.problems for d in drafts]

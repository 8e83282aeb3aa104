"""The webhook as one provider among the networks, against a real receiver on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from assistant.publish.base import PostRequest, ProviderError
from assistant.publish.webhook import WebhookProvider, provider_factory
from assistant.queue.publishers import SIGNATURE_HEADER, verify
from tests.publish.conftest import Env
from tests.queue.webhook_server import WebhookServer

SECRET = "hook-secret-for-tests"


@pytest.fixture(scope="module")
def hook() -> Iterator[WebhookServer]:
    server = WebhookServer().start()
    yield server
    server.stop()


def _request() -> PostRequest:
    return PostRequest(text="Moin ☕", attempt_id="att-42", link="https://example.org")


def test_a_post_is_signed_and_keyed_by_its_attempt_id(hook: WebhookServer) -> None:
    hook.reset(200)
    provider = provider_factory({"url": hook.url, "secret": SECRET}, lambda _c: None)
    published = provider.publish(_request())
    sent = hook.received[-1]
    assert sent.headers["Idempotency-Key"] == "att-42" and published.url == ""
    assert verify(sent.body, SECRET, sent.headers[SIGNATURE_HEADER])
    body = json.loads(sent.body)
    assert body["text"] == "Moin ☕" and body["attempt_id"] == "att-42"
    assert SECRET not in repr(provider)


@pytest.mark.parametrize(("status", "kind"), [(401, "auth"), (403, "auth"), (429, "rate_limit"),
                                              (500, "transient"), (400, "rejected")])
def test_answers_are_sorted_into_the_four_kinds(hook: WebhookServer, status: int,
                                                kind: str) -> None:
    hook.reset(status, headers={"Retry-After": "90"})
    with pytest.raises(ProviderError) as info:
        WebhookProvider(hook.url).publish(_request())
    assert info.value.kind == kind
    if kind == "rate_limit":
        assert info.value.retry_after == 90


def test_a_hang_is_transient_and_check_reports_health(hook: WebhookServer) -> None:
    import httpx

    hook.reset("hang", hang_seconds=1.5)
    with pytest.raises(ProviderError) as info:
        WebhookProvider(hook.url, client=httpx.Client(timeout=0.5)).publish(_request())
    assert info.value.kind == "transient"
    hook.reset(401)
    assert WebhookProvider(hook.url).check().state == "needs_reconnect"
    hook.reset(200)
    assert WebhookProvider(hook.url).check().state == "ok"


def test_the_worker_sends_a_kits_other_platforms_through_its_webhook(
        env: Env, hook: WebhookServer) -> None:
    hook.reset(200)
    env.channels.connect("kaffeekontor-hamburg", "webhook", {"url": hook.url,
                                                            "secret": SECRET})
    item = env.approved("Für Instagram.", platform="instagram")
    hook.reset(200)
    assert env.worker().run_once().posted == [item.id]
    assert json.loads(hook.received[-1].body)["text"] == "Für Instagram."
    assert env.queue.get(item.id or 0).status == "posted"

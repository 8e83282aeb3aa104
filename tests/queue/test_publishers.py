"""The webhook publisher against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from assistant.config import load_settings
from assistant.errors import ConfigError, TransitionError
from assistant.queue import QueueItem, QueueService
from assistant.queue.exports import to_csv, to_json
from assistant.queue.publishers import (
    SIGNATURE_HEADER,
    WebhookPublisher,
    idempotency_key,
    publish,
    publisher_from_settings,
    verify,
)
from assistant.queue.storage import QueueStorage
from tests.queue.conftest import BERLIN, word_checker
from tests.queue.webhook_server import WebhookServer

SECRET = "s3cr3t-for-tests-only"


@pytest.fixture(scope="module")
def server() -> Iterator[WebhookServer]:
    srv = WebhookServer().start()
    yield srv
    srv.stop()


@pytest.fixture()
def queue(tmp_path: Path) -> QueueService:
    return QueueService(QueueStorage(f"sqlite:///{tmp_path / 'q.db'}"), word_checker)


@pytest.fixture()
def approved(queue: QueueService) -> QueueItem:
    item = queue.add(QueueItem(kit_id="kaffee", platform="mastodon", text="Moin ☕",
                               hashtags=["kaffee"],
                               scheduled_at=datetime(2030, 3, 4, 9, 0, tzinfo=BERLIN)))
    return queue.approve(item.id or 0)


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)  # record the backoff instead of waiting it out


def _publisher(server: WebhookServer, **kw: object) -> tuple[WebhookPublisher, Sleeps]:
    sleeps = Sleeps()
    options: dict[str, object] = {"timeout": 2.0, "retries": 3, "backoff": 0.5, "sleep": sleeps}
    options.update(kw)
    return WebhookPublisher(server.url, SECRET, **options), sleeps  # type: ignore[arg-type]


def test_200_is_delivered_signed_and_recorded(server: WebhookServer, queue: QueueService,
                                              approved: QueueItem) -> None:
    server.reset(200)
    publisher, sleeps = _publisher(server)
    result = publish(queue, approved.id or 0, publisher)
    assert result.ok and result.attempts == 1 and result.status_code == 200 and sleeps == []
    [got] = server.received
    assert verify(got.body, SECRET, got.headers[SIGNATURE_HEADER])
    assert not verify(got.body + b" ", SECRET, got.headers[SIGNATURE_HEADER])
    assert got.headers["Idempotency-Key"] == idempotency_key(approved)
    body = json.loads(got.body)
    assert body["full_text"] == "Moin ☕\n\n#kaffee" and body["platform"] == "mastodon"
    assert body["scheduled_at"] == "2030-03-04T09:00:00+01:00"
    after = queue.get(approved.id or 0)
    assert after.status == "approved" and after.history[-1].action == "webhook_sent"
    assert "HTTP 200 after 1 attempt" in (after.history[-1].note or "")


def test_500_then_200_retries_with_the_same_key(server: WebhookServer, queue: QueueService,
                                                approved: QueueItem) -> None:
    server.reset(500, 200)
    publisher, sleeps = _publisher(server)
    result = publish(queue, approved.id or 0, publisher)
    assert result.ok and result.attempts == 2 and sleeps == [0.5]
    keys = {r.headers["Idempotency-Key"] for r in server.received}
    assert len(server.received) == 2 and len(keys) == 1


def test_always_500_gives_up_bounded_and_keeps_the_item(server: WebhookServer,
                                                        queue: QueueService,
                                                        approved: QueueItem) -> None:
    server.reset(500)
    publisher, sleeps = _publisher(server, retries=3, max_backoff=1.5)
    result = publish(queue, approved.id or 0, publisher)
    assert not result.ok and result.attempts == 4 and len(server.received) == 4
    assert sleeps == [0.5, 1.0, 1.5]  # exponential, capped
    after = queue.get(approved.id or 0)
    assert after.status == "approved" and after.text == approved.text
    assert after.error == "webhook: HTTP 500 from the webhook"
    assert after.history[-1].action == "webhook_failed"
    # a later successful send clears the error
    server.reset(200)
    publish(queue, approved.id or 0, publisher)
    assert queue.get(approved.id or 0).error is None


def test_a_hang_past_the_timeout_is_a_timeout(server: WebhookServer, queue: QueueService,
                                              approved: QueueItem) -> None:
    server.reset("hang", hang_seconds=2.0)
    publisher, _sleeps = _publisher(server, timeout=0.3, retries=1)
    result = publish(queue, approved.id or 0, publisher)
    assert not result.ok and result.attempts == 2
    assert result.error == "no answer within 0.3 s" and result.elapsed < 2.0
    assert queue.get(approved.id or 0).status == "approved"


def test_4xx_is_not_retried(server: WebhookServer, approved: QueueItem) -> None:
    server.reset(410)
    publisher, sleeps = _publisher(server)
    result = publisher.send(approved)
    assert not result.ok and result.attempts == 1 and sleeps == []
    assert "not retried" in (result.error or "")


def test_unreachable_endpoint(approved: QueueItem) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    publisher = WebhookPublisher(f"http://127.0.0.1:{port}/x", None, retries=1,
                                 sleep=lambda _s: None)
    result = publisher.send(approved)
    assert not result.ok and "cannot reach" in (result.error or "")


def test_only_approved_items_are_sent(server: WebhookServer, queue: QueueService) -> None:
    item = queue.add(QueueItem(kit_id="k", platform="x", text="draft",
                               scheduled_at=datetime(2030, 1, 1, tzinfo=BERLIN)))
    publisher, _ = _publisher(server)
    server.reset(200)
    with pytest.raises(TransitionError, match="only approved items"):
        publish(queue, item.id or 0, publisher)
    assert server.received == []


def test_key_changes_with_the_content(queue: QueueService, approved: QueueItem) -> None:
    edited = queue.edit(approved.id or 0, text="Moin moin")
    assert idempotency_key(edited) != idempotency_key(approved)
    assert idempotency_key(queue.get(approved.id or 0)) == idempotency_key(edited)


def test_unsigned_without_a_secret(server: WebhookServer, approved: QueueItem) -> None:
    server.reset(200)
    WebhookPublisher(server.url, None).send(approved)
    assert SIGNATURE_HEADER not in server.received[0].headers


def test_secret_never_leaks(server: WebhookServer, queue: QueueService,
                            approved: QueueItem) -> None:
    server.reset(500)
    settings = load_settings(webhook_url=server.url, webhook_secret=SECRET)
    publisher = publisher_from_settings(settings, retries=0)
    publish(queue, approved.id or 0, publisher)
    item = queue.get(approved.id or 0)
    leaks = [repr(publisher), str(publisher.send(approved)), to_json([item]), to_csv([item]),
             item.model_dump_json(), server.received[0].body.decode()]
    assert not any(SECRET in text for text in leaks)


def test_settings_without_url(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="POSTWERK_WEBHOOK_URL"):
        publisher_from_settings(load_settings())
    with pytest.raises(ConfigError, match="not http"):
        WebhookPublisher("ftp://example.com", None)


# Retry-After: a 503 with each header value, then 200; the send succeeds and every wait is
# finite, at least our backoff and at most max_backoff (time.sleep(nan) used to raise).
@pytest.mark.parametrize(
    ("header", "wait"),
    [
        ("nan", 0.5), ("NaN", 0.5), ("inf", 1.5), ("-inf", 0.5), ("-3", 0.5), ("1e308", 1.5),
        ("99999999999999999999", 1.5), ("1", 1.0), ("garbage", 0.5), ("", 0.5),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.5),  # a date in the past
        ("Fri, 31 Dec 9999 23:59:59 GMT", 1.5),  # far in the future
        ("Mon, 99 Foo 2026 99:99:99 GMT", 0.5),  # a broken date
    ],
)
def test_retry_after_is_bounded_and_never_raises(server: WebhookServer, header: str,
                                                 wait: float) -> None:
    server.reset(503, 200, headers={"Retry-After": header})
    publisher, sleeps = _publisher(server, max_backoff=1.5)
    item = QueueItem(kit_id="kaffee", platform="x", text="Moin", status="approved",
                     scheduled_at=datetime(2030, 3, 4, 9, 0, tzinfo=BERLIN))
    result = publisher.send(item)
    assert result.ok and result.attempts == 2
    assert sleeps == [wait]


def test_retry_after_http_date_in_the_future_counts_from_now() -> None:
    from datetime import UTC

    from assistant.queue.publishers import RETRY_AFTER_CAP, retry_after_seconds

    now = datetime(2026, 11, 29, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("Sun, 29 Nov 2026 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds("Sun, 29 Nov 2026 11:00:00 GMT", now) == 0.0
    assert retry_after_seconds("Fri, 31 Dec 9999 23:59:59 GMT", now) == RETRY_AFTER_CAP
    assert retry_after_seconds(None) == 0.0


def test_a_key_in_the_webhook_url_is_never_shown() -> None:
    publisher = WebhookPublisher("https://hooks.example/x?token=sk-HOOKSECRET")
    assert "sk-HOOKSECRET" not in repr(publisher) and "token=***" in repr(publisher)
    with pytest.raises(ConfigError) as caught:
        WebhookPublisher("ftp://user:sk-HOOKSECRET@hooks.example/x")
    assert "sk-HOOKSECRET" not in str(caught.value)

"""Webhook publisher (httpx): hand an approved item to Zapier, Make, n8n or your own endpoint.

POSTs the item as JSON with
- ``Idempotency-Key``: stable per item and content, so a retried or repeated send of the same
  post can be recognised by the receiver;
- ``X-Postwerk-Signature: sha256=<hex>``: HMAC-SHA256 of the exact body bytes with
  ``POSTWERK_WEBHOOK_SECRET`` (only when a secret is set; the secret is never logged, exported
  or put into history);
- a timeout per attempt and bounded retries with exponential backoff on network errors,
  timeouts, 429 and 5xx (other 4xx are the receiver's final answer); a ``Retry-After`` header
  (seconds or an HTTP date) may lengthen a wait up to ``max_backoff``, never beyond, and a
  value that makes no sense (nan, inf, negative, garbage) is ignored.
A failed delivery never loses the item: it stays where it was, the error is recorded.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from assistant.config import Settings
from assistant.errors import ConfigError, TransitionError
from assistant.queue.models import QueueItem
from assistant.redact import mask_url

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Postwerk-Signature"
RETRY_AFTER_CAP = 3600.0  # a receiver asking for more is treated as asking for this
USER_AGENT = "Postwerk-Webhook/1"


@dataclass(frozen=True)
class WebhookResult:
    ok: bool
    attempts: int
    status_code: int | None
    idempotency_key: str
    elapsed: float
    error: str | None = None

    def note(self) -> str:
        if self.ok:
            return f"HTTP {self.status_code} after {self.attempts} attempt(s)"
        return f"{self.error} after {self.attempts} attempt(s)"


def idempotency_key(item: QueueItem) -> str:
    """Same item, same content -> same key; an edit gives a new one."""
    return hashlib.sha256(f"{item.uid}:{item.content_hash()}".encode()).hexdigest()[:40]


def payload(item: QueueItem) -> dict[str, Any]:
    return {
        "event": "postwerk.post", "id": item.id, "uid": item.uid, "kit_id": item.kit_id,
        "platform": item.platform, "text": item.text, "hashtags": item.hashtags,
        "full_text": item.full_text, "first_comment": item.first_comment,
        "alt_text": item.alt_text, "link": item.link, "media": item.media,
        "language": item.language, "sponsored": item.sponsored,
        "scheduled_at": item.local_time.isoformat(), "timezone": item.timezone,
        "status": item.status, "slot_key": item.slot_key, "reviewed": item.reviewed,
    }


def sign(body: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(body: bytes, secret: str, header: str) -> bool:
    """What a receiver does (used by the tests and documented for users)."""
    return hmac.compare_digest(sign(body, secret), header)


class WebhookPublisher:
    def __init__(
        self,
        url: str,
        secret: str | None = None,
        *,
        timeout: float = 10.0,
        retries: int = 3,
        backoff: float = 0.5,
        max_backoff: float = 8.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not url.startswith(("http://", "https://")):
            raise ConfigError(
                f"webhook URL {mask_url(url)!r} is not http(s); set POSTWERK_WEBHOOK_URL"
            )
        self.url = url
        self._secret = secret  # kept private: never part of repr, results or history
        self.timeout = timeout
        self.retries = max(0, min(retries, 10))
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.sleep = sleep

    def __repr__(self) -> str:
        return f"WebhookPublisher(url={mask_url(self.url)!r}, signed={self._secret is not None})"

    def headers(self, item: QueueItem, body: bytes) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT,
                   "Idempotency-Key": idempotency_key(item)}
        if self._secret:
            headers[SIGNATURE_HEADER] = sign(body, self._secret)
        return headers

    def send(self, item: QueueItem) -> WebhookResult:
        """Deliver one item; never raises for delivery failures (see ``WebhookResult``)."""
        body = json.dumps(payload(item), ensure_ascii=False, sort_keys=True).encode()
        headers = self.headers(item, body)
        key = headers["Idempotency-Key"]
        started = time.monotonic()
        status: int | None = None
        error: str | None = "not sent"
        with httpx.Client(timeout=self.timeout, follow_redirects=False) as client:
            for attempt in range(1, self.retries + 2):
                status, error, retry_after = self._attempt(client, body, headers)
                if error is None:
                    return WebhookResult(True, attempt, status, key, time.monotonic() - started)
                if retry_after is None or attempt > self.retries:
                    return WebhookResult(False, attempt, status, key,
                                         time.monotonic() - started, error)
                self.sleep(min(max(retry_after, self._delay(attempt)), self.max_backoff))
        return WebhookResult(False, self.retries + 1, status, key, time.monotonic() - started,
                             error)

    def _delay(self, attempt: int) -> float:
        return min(self.backoff * 2 ** (attempt - 1), self.max_backoff)

    def _attempt(
        self, client: httpx.Client, body: bytes, headers: dict[str, str]
    ) -> tuple[int | None, str | None, float | None]:
        """(status, error or None, seconds to wait before a retry or None for final)."""
        try:
            resp = client.post(self.url, content=body, headers=headers)
        except httpx.TimeoutException:
            return None, f"no answer within {self.timeout:g} s", 0.0
        except httpx.HTTPError as exc:  # transport trouble, a bad redirect, a broken reply
            return None, f"cannot reach the webhook ({exc.__class__.__name__})", 0.0
        if resp.is_success:
            return resp.status_code, None, None
        error = f"HTTP {resp.status_code} from the webhook"
        if resp.status_code == 429 or resp.status_code >= 500:
            return resp.status_code, error, retry_after_seconds(resp.headers.get("retry-after"))
        return resp.status_code, error + " (not retried; check the URL and the receiver)", None


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float:
    """The wait a ``Retry-After`` header asks for: finite, 0 to ``RETRY_AFTER_CAP``.

    Seconds or an HTTP date (RFC 9110); nan, negative values, dates in the past and garbage
    mean 0 (our own backoff applies), inf and huge values the cap.
    """
    text = (value or "").strip()
    try:
        seconds = float(text)
    except ValueError:
        seconds = _seconds_until(text, now or datetime.now(UTC))
    if math.isnan(seconds) or seconds <= 0:
        return 0.0
    return min(seconds, RETRY_AFTER_CAP)


def _seconds_until(http_date: str, now: datetime) -> float:
    try:
        when = parsedate_to_datetime(http_date)
    except (TypeError, ValueError, IndexError, OverflowError):
        return 0.0
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)  # RFC 9110 dates are GMT
    return (when - now).total_seconds()


def publisher_from_settings(settings: Settings, **kwargs: Any) -> WebhookPublisher:
    if not settings.webhook_url:
        raise ConfigError("no webhook configured; set POSTWERK_WEBHOOK_URL (and _SECRET)")
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    return WebhookPublisher(settings.webhook_url, secret, **kwargs)


def publish(service: Any, item_id: int, publisher: WebhookPublisher,
            *, by: str = "webhook") -> WebhookResult:
    """Send an approved item and record the outcome in its history (never loses it)."""
    from assistant.review.release import release_refusal

    item = service.get(item_id)
    refusal = release_refusal(item)
    if refusal is not None:
        raise TransitionError(f"not sent to the webhook: {refusal}")
    result = publisher.send(item)
    log.log(logging.INFO if result.ok else logging.WARNING, "webhook for #%s: %s", item_id,
            result.note())
    action = "webhook_sent" if result.ok else "webhook_failed"
    service.record(item_id, action, result.note(), by=by,
                   error=None if result.ok else f"webhook: {result.error}", clear_error=result.ok)
    return result

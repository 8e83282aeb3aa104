"""The webhook as one provider among the networks: an approved post handed to Zapier, Make,
n8n or your own endpoint by the worker, on schedule.

One POST per attempt (the worker does retries and backoff by error kind). The body is the
post as JSON; ``Idempotency-Key`` is the worker's attempt id, stable across retries and
crashes, so a receiver that keeps the keys it has seen never acts twice; the signature is
the one of ``queue/publishers.py`` (HMAC-SHA256 of the body with the channel's secret).
A receiver may answer ``{"url": "..."}`` with the live post's address; it is stored on the item.
Credentials: ``{url, secret?}``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import httpx

from assistant.errors import ConfigError
from assistant.publish.base import (
    AuthKind,
    Health,
    Limits,
    PostRequest,
    Provider,
    ProviderError,
    Published,
    SaveCredentials,
)
from assistant.publish.models import health_after
from assistant.queue.publishers import SIGNATURE_HEADER, USER_AGENT, retry_after_seconds, sign
from assistant.redact import mask_url

# a webhook has no limits of its own; the queue's platform checks already applied
_LIMITS = Limits(max_chars=100_000, max_images=20, max_image_bytes=50_000_000)


class WebhookProvider:
    network = "webhook"
    auth_kind: AuthKind = "none"

    def __init__(self, url: str, secret: str | None = None, *,
                 client: httpx.Client | None = None, timeout: float = 10.0) -> None:
        if not url.startswith(("http://", "https://")):
            raise ConfigError(f"webhook URL {mask_url(url)!r} is not http(s); "
                              "give url=https://...")
        self.url = url
        self._secret = secret
        self._client = client or httpx.Client(timeout=timeout, follow_redirects=False)

    def __repr__(self) -> str:
        return f"WebhookProvider(url={mask_url(self.url)!r}, signed={self._secret is not None})"

    def limits(self) -> Limits:
        return _LIMITS

    def check(self) -> Health:
        try:
            self._post({"event": "postwerk.ping"}, "ping")
        except ProviderError as exc:
            return Health(state=health_after(exc.kind), message=str(exc),
                          account=mask_url(self.url))
        return Health(state="ok", message="the webhook answered", account=mask_url(self.url))

    def publish(self, request: PostRequest) -> Published:
        reply = self._post(_payload(request), request.attempt_id)
        url = reply.get("url") if isinstance(reply.get("url"), str) else ""
        return Published(url=str(url or ""), remote_id=str(reply.get("id") or request.attempt_id))

    def find_existing(self, request: PostRequest) -> Published | None:
        # a webhook cannot be asked what it received; the Idempotency-Key (the attempt id,
        # unchanged on a retry) is what lets the receiver drop the second copy
        return None

    def _post(self, data: dict[str, Any], key: str) -> dict[str, Any]:
        body = json.dumps(data, ensure_ascii=False, sort_keys=True).encode()
        headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT,
                   "Idempotency-Key": key}
        if self._secret:
            headers[SIGNATURE_HEADER] = sign(body, self._secret)
        try:
            resp = self._client.post(self.url, content=body, headers=headers)
        except httpx.TimeoutException:
            raise ProviderError("transient", "the webhook did not answer in time") from None
        except httpx.HTTPError as exc:
            raise ProviderError("transient",
                                f"cannot reach the webhook ({exc.__class__.__name__})") from None
        _raise_for(resp)
        try:
            reply = resp.json()
        except ValueError:
            return {}
        return reply if isinstance(reply, dict) else {}


def _raise_for(resp: httpx.Response) -> None:
    code = resp.status_code
    if resp.is_success:
        return
    if code in (401, 403):
        raise ProviderError("auth", f"HTTP {code}: the webhook refused us; check its URL and "
                            "secret and connect it again", status_code=code)
    if code == 429:
        raise ProviderError("rate_limit", "HTTP 429 from the webhook", status_code=code,
                            retry_after=retry_after_seconds(resp.headers.get("retry-after")))
    if code >= 500 or code == 408:
        raise ProviderError("transient", f"HTTP {code} from the webhook", status_code=code)
    raise ProviderError("rejected", f"HTTP {code} from the webhook: {resp.text[:200]}",
                        status_code=code)


def _payload(request: PostRequest) -> dict[str, Any]:
    return {
        "event": "postwerk.post", "attempt_id": request.attempt_id, "text": request.text,
        "link": request.link, "first_comment": request.first_comment,
        "language": request.language,
        "media": [{"path": m.path, "mime_type": m.mime_type, "alt_text": m.alt_text}
                  for m in request.media],
    }


def provider_factory(credentials: Mapping[str, str], save: SaveCredentials) -> Provider:
    url = credentials.get("url", "")
    if not url:
        raise ConfigError("a webhook channel needs url=https://...; give --field url=...")
    return WebhookProvider(url, credentials.get("secret") or None)

"""Bluesky's errors sorted into the worker's four kinds (the SDK's own exception objects)."""

from __future__ import annotations

import pytest
from atproto_client import exceptions as sdk
from atproto_client.models.common import XrpcError
from atproto_client.request import Response

from assistant.publish.bluesky_errors import classify, is_not_found

NOW = 1_800_000_000.0


def _error(cls: type[sdk.RequestErrorBase], status: int, name: str = "", message: str = "",
           headers: dict[str, str] | None = None) -> sdk.RequestErrorBase:
    content = XrpcError(error=name, message=message) if name else b""
    return cls(Response(success=False, status_code=status, content=content,
                        headers=headers or {}))


@pytest.mark.parametrize(("exc", "kind"), [
    (_error(sdk.BadRequestError, 400, "ExpiredToken", "Token has expired"), "auth"),
    (_error(sdk.UnauthorizedError, 401, "AuthenticationRequired", "Invalid password"), "auth"),
    (_error(sdk.UnauthorizedError, 403), "auth"),
    (sdk.LoginRequiredError(), "auth"),
    (_error(sdk.RateLimitExceededError, 429, "RateLimitExceeded"), "rate_limit"),
    (_error(sdk.RequestException, 500, "InternalServerError"), "transient"),
    (_error(sdk.NetworkError, 502), "transient"),
    (sdk.NetworkError(), "transient"),
    (sdk.InvokeTimeoutError(), "transient"),
    (_error(sdk.BadRequestError, 400, "InvalidRequest", "Invalid app.bsky.feed.post"), "rejected"),
    (_error(sdk.NetworkError, 413, "PayloadTooLarge"), "rejected"),
])
def test_kinds(exc: Exception, kind: str) -> None:
    error = classify(exc, lambda: NOW)
    assert error.kind == kind and "\n" not in str(error)


def test_rate_limit_waits_until_the_servers_reset() -> None:
    reset = _error(sdk.RateLimitExceededError, 429, "RateLimitExceeded",
                   headers={"ratelimit-reset": str(int(NOW) + 90)})
    assert classify(reset, lambda: NOW).retry_after == 90
    after = _error(sdk.RateLimitExceededError, 429, headers={"retry-after": "30"})
    assert classify(after, lambda: NOW).retry_after == 30


def test_messages_say_what_to_do() -> None:
    auth = classify(_error(sdk.UnauthorizedError, 401, "AuthenticationRequired"), lambda: NOW)
    assert "connect the channel again" in str(auth) and auth.status_code == 401
    rejected = classify(_error(sdk.BadRequestError, 400, "InvalidRequest", "Record too big"),
                        lambda: NOW)
    assert str(rejected) == "Bluesky rejected the post (400): InvalidRequest: Record too big"
    too_big = classify(_error(sdk.NetworkError, 413), lambda: NOW)
    assert "over the server's upload limit" in str(too_big)


def test_not_found() -> None:
    assert is_not_found(_error(sdk.BadRequestError, 400, "RecordNotFound", "Could not locate"))
    assert not is_not_found(_error(sdk.BadRequestError, 400, "InvalidRequest"))

"""Bluesky's errors sorted into the worker's four kinds (see ``publish.base``).

The atproto SDK raises by HTTP status; the XRPC error name inside says more (a 400 can be
an expired token). What the worker does with each kind:

    auth        ExpiredToken, InvalidToken, AuthenticationRequired, AccountTakedown, any
                401/403, a login the server refuses: reconnect the channel
    rate_limit  429: wait until ``ratelimit-reset`` (or ``retry-after``)
    transient   no answer, a timeout, 5xx, 502: back off and retry (after ``find_existing``)
    rejected    InvalidRequest, a blob over the size limit (413), any other 4xx: back to a
                person with the server's reason
"""

from __future__ import annotations

from collections.abc import Callable

from atproto_client import exceptions as sdk
from atproto_client.models.common import XrpcError

from assistant.publish.base import ErrorKind, ProviderError

AUTH_ERRORS = frozenset({
    "ExpiredToken", "InvalidToken", "AuthenticationRequired", "AuthMissing",
    "AccountTakedown", "AccountDeactivated", "AccountSuspended", "BadTokenScope",
})
REASON_MAX = 300
Clock = Callable[[], float]


def _status(exc: sdk.RequestErrorBase) -> int | None:
    return exc.response.status_code if exc.response is not None else None


def _xrpc(exc: sdk.RequestErrorBase) -> tuple[str, str]:
    """The XRPC error name and message of a failed request, or ("", "")."""
    content = exc.response.content if exc.response is not None else None
    if isinstance(content, XrpcError):
        return content.error or "", content.message or ""
    return "", ""


def _retry_after(exc: sdk.RequestErrorBase, now: Clock) -> float | None:
    headers = exc.response.headers if exc.response is not None else {}
    for name, relative in (("ratelimit-reset", False), ("retry-after", True)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            seconds = float(value)
        except ValueError:
            continue
        return max(0.0, seconds if relative else seconds - now())
    return None


def _kind(exc: sdk.RequestErrorBase, name: str) -> ErrorKind:
    status = _status(exc)
    if name in AUTH_ERRORS or status in (401, 403):
        return "auth"
    if status == 429:
        return "rate_limit"
    if status is None or status >= 500 or status in (408, 409):
        return "transient"
    return "rejected"


def _message(kind: ErrorKind, status: int | None, name: str, text: str) -> str:
    reason = " ".join(f"{name}: {text}".strip(": ").split())[:REASON_MAX]
    code = f" ({status})" if status else ""
    if kind == "auth":
        return (f"Bluesky refused the login{code}: {reason or 'not authorised'}; connect the "
                "channel again with a new app password")
    if kind == "rate_limit":
        return f"Bluesky's rate limit was reached{code}; the post waits and is tried again"
    if kind == "transient":
        return f"Bluesky did not answer properly{code}: {reason or 'no answer'}; tried again"
    if status == 413:
        reason = "an image is over the server's upload limit"
    return f"Bluesky rejected the post{code}: {reason or 'no reason given'}"


def classify(exc: Exception, now: Clock) -> ProviderError:
    """The ProviderError for an SDK (or transport) failure; ``now`` gives epoch seconds."""
    if isinstance(exc, sdk.LoginRequiredError):
        return ProviderError("auth", _message("auth", None, "", "no session"))
    if not isinstance(exc, sdk.RequestErrorBase):
        return ProviderError("transient", _message("transient", None, type(exc).__name__,
                                                   str(exc)))
    status = _status(exc)
    name, text = _xrpc(exc)
    if not name and exc.response is None:
        text = type(exc).__name__  # a timeout or a refused connection: no response at all
    kind = _kind(exc, name)
    retry = _retry_after(exc, now) if kind == "rate_limit" else None
    return ProviderError(kind, _message(kind, status, name, text), retry_after=retry,
                         status_code=status)


def is_not_found(exc: Exception) -> bool:
    """Does ``exc`` say the record does not exist (getRecord's RecordNotFound)?"""
    if not isinstance(exc, sdk.RequestErrorBase):
        return False
    name, text = _xrpc(exc)
    return name == "RecordNotFound" or (_status(exc) == 400 and "Could not locate" in text)

"""How an HTTP answer of a network's API maps to the four error kinds, and when to retry.

Pure (no I/O): shared by the providers that talk HTTP themselves or through an SDK, so that
"401 means reconnect" and "429 waits for the server's time" are decided in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from assistant.publish.base import ErrorKind


def kind_for_status(status_code: int) -> ErrorKind:
    """401/403: the token is gone or lacks the scope; 429: wait; 5xx and 408: try again later.

    Every other 4xx means the network looked at this post and refused it, so a person must
    change it; retrying the same request would only be refused again.
    """
    if status_code in (401, 403):
        return "auth"
    if status_code == 429:
        return "rate_limit"
    if status_code >= 500 or status_code == 408:
        return "transient"
    return "rejected"


def _parse_time(value: str) -> datetime | None:
    """An ISO 8601 time (Mastodon's X-RateLimit-Reset) or an HTTP date (Retry-After)."""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def retry_after_seconds(headers: Mapping[str, str], now: datetime) -> float | None:
    """Seconds until the server allows the next request, from Retry-After or X-RateLimit-Reset.

    ``headers`` must be case-insensitive (requests' and httpx's are). Retry-After is either a
    number of seconds or an HTTP date; X-RateLimit-Reset is an ISO time (Mastodon) or epoch
    seconds. Never negative: a reset time already passed means "now".
    """
    for name in ("retry-after", "x-ratelimit-reset"):
        raw = (headers.get(name) or "").strip()
        if not raw:
            continue
        try:
            number = float(raw)
        except ValueError:
            moment = _parse_time(raw)
            if moment is not None:
                return max(0.0, (moment - now).total_seconds())
            continue
        # a large number is an epoch time (GoToSocial, some proxies), a small one a delay
        seconds = number - now.timestamp() if number > 1_000_000_000 else number
        return max(0.0, seconds)
    return None

"""The worker's rules as pure functions: how long to wait after each error kind, when a
post is late, what the late mark says. No I/O, no clock: ``now`` is passed in."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class RetryPolicy:
    lease: timedelta = timedelta(minutes=5)  # longer than any provider's request timeout
    max_tries: int = 6  # transient errors in a row before the item fails for a person
    backoff: timedelta = timedelta(seconds=30)  # doubled per try
    max_backoff: timedelta = timedelta(minutes=30)
    default_retry_after: timedelta = timedelta(minutes=1)  # a 429 that names no time
    max_retry_after: timedelta = timedelta(hours=1)


def backoff_after(policy: RetryPolicy, tries: int) -> timedelta:
    """The wait after the ``tries``-th transient failure: 30 s, 60 s, 2 min ... capped."""
    factor = 2 ** max(0, min(tries - 1, 20))
    return min(policy.backoff * factor, policy.max_backoff)


def rate_limit_wait(policy: RetryPolicy, retry_after: float | None) -> timedelta:
    """The server's own time, within sense: missing or absurd values fall back or are capped."""
    if retry_after is None or math.isnan(retry_after) or retry_after <= 0:
        return policy.default_retry_after
    if math.isinf(retry_after):
        return policy.max_retry_after
    return min(timedelta(seconds=retry_after), policy.max_retry_after)


def lateness(scheduled_at: datetime, now: datetime, grace: timedelta) -> timedelta | None:
    """How late a post would go out now, or None when it is within its grace time."""
    delay = now - scheduled_at
    return delay if delay > grace else None


def describe_delay(delay: timedelta) -> str:
    minutes = int(delay.total_seconds() // 60)
    if minutes < 120:
        return f"{minutes} min"
    hours = minutes // 60
    return f"{hours} h" if hours < 48 else f"{hours // 24} days"


def late_note(delay: timedelta) -> str:
    return f"late: went out {describe_delay(delay)} after its time (no worker ran then)"


def held_note(delay: timedelta) -> str:
    return (f"waits for a person: it missed its time by {describe_delay(delay)} and the kit "
            "says late posts wait; set a new time for it (or post it by hand)")

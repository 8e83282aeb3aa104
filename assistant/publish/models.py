"""What the publishing layer keeps about channels and attempts (pure: no I/O).

A ``ConnectedChannel`` never carries its credentials: they stay sealed in the database and
are opened only to build a provider."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

HealthState = Literal["ok", "expiring", "needs_reconnect", "error"]
AttemptState = Literal["claimed", "in_flight", "waiting", "held", "failed", "done"]
# a token that runs out within this many days shows "expires in N days"
EXPIRY_WARNING_DAYS = 14


@dataclass(frozen=True)
class ConnectedChannel:
    id: int
    kit_id: str
    network: str
    account: str
    health: str
    health_message: str
    expires_at: datetime | None
    checked_at: datetime | None

    def health_line(self, now: datetime) -> str:
        """What the Channels page and `channels list` say about the connection."""
        if self.health == "needs_reconnect":
            return f"needs reconnect: {self.health_message}".rstrip(": ")
        if self.health == "error":
            return f"error: {self.health_message}".rstrip(": ")
        if self.expires_at is not None:
            days = (self.expires_at - now).total_seconds() / 86400
            if days <= 0:
                return "needs reconnect: the token has expired"
            if days <= EXPIRY_WARNING_DAYS:
                return f"ok, expires in {max(1, int(days))} days"
        return "ok"

    def usable(self, now: datetime) -> bool:
        """May the worker publish through it? (Not when it needs a person to reconnect.)"""
        return not self.health_line(now).startswith("needs reconnect")


@dataclass(frozen=True)
class Attempt:
    """The worker's claim on one item. ``resumed``: an earlier try reached the network (or
    may have), so the provider is asked for an existing post before publishing again."""

    item_id: int
    attempt_id: str
    state: str
    tries: int
    late: bool
    resumed: bool
    next_at: datetime | None = None
    last_error: str | None = None


def health_after(kind: str) -> HealthState:
    """A channel's health after a provider error of ``kind``: only auth needs a person."""
    return "needs_reconnect" if kind == "auth" else "error"

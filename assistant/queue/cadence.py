"""The cadence guard (pure): is any channel about to look dead?

For every channel of a kit: the days since its last post, the days until its next scheduled
one, and a warning when the silence between the two (or from the last post on, when nothing is
scheduled) is longer than the channel allows (``max_silence_days``, default 7).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from assistant.queue.models import QueueItem

DEFAULT_MAX_SILENCE_DAYS = 7
# statuses that will (probably) go out: drafts count, they are in the plan
PLANNED = frozenset({"draft", "approved"})


class ChannelLike(Protocol):
    """What the guard needs of ``assistant.brand.kit.Channel``."""

    platform: str
    handle: str
    max_silence_days: int


@dataclass(frozen=True)
class ChannelCadence:
    platform: str
    handle: str
    max_silence_days: int
    last_posted_at: datetime | None
    next_scheduled_at: datetime | None
    next_is_approved: bool
    days_since_last: float | None
    days_until_next: float | None
    # the longest coming silence in days (None when it cannot be known: nothing ever posted
    # and nothing scheduled)
    silence_days: float | None
    warning: str | None

    @property
    def ok(self) -> bool:
        return self.warning is None


def _days(delta: timedelta) -> float:
    return round(delta.total_seconds() / 86400, 1)


def posted_time(item: QueueItem) -> datetime:
    """When an item actually went out: the moment it was marked posted, else its slot."""
    return item.posted_at or item.scheduled_at


def channel_cadence(
    items: Iterable[QueueItem], channel: ChannelLike, now: datetime
) -> ChannelCadence:
    mine = [i for i in items if i.platform == channel.platform]
    posted = [posted_time(i) for i in mine if i.status == "posted"]
    upcoming = sorted((i for i in mine if i.status in PLANNED and i.scheduled_at >= now),
                      key=lambda i: i.scheduled_at)
    last = max(posted) if posted else None
    nxt = upcoming[0] if upcoming else None
    limit = channel.max_silence_days or DEFAULT_MAX_SILENCE_DAYS
    since = _days(now - last) if last else None
    until = _days(nxt.scheduled_at - now) if nxt else None
    silence = _silence(last, nxt.scheduled_at if nxt else None, now)
    return ChannelCadence(
        platform=channel.platform, handle=channel.handle, max_silence_days=limit,
        last_posted_at=last, next_scheduled_at=nxt.scheduled_at if nxt else None,
        next_is_approved=bool(nxt and nxt.status == "approved"), days_since_last=since,
        days_until_next=until, silence_days=silence,
        warning=_warning(channel, limit, last, nxt, silence, now),
    )


def cadence_report(
    items: Sequence[QueueItem], channels: Iterable[ChannelLike], now: datetime,
    *, kit_id: str | None = None,
) -> list[ChannelCadence]:
    """One entry per channel, in the kit's channel order."""
    if now.tzinfo is None:
        raise ValueError("now needs a time zone")
    if kit_id is not None:
        items = [i for i in items if i.kit_id == kit_id]
    return [channel_cadence(items, ch, now) for ch in channels]


def warnings(report: Iterable[ChannelCadence]) -> list[str]:
    return [c.warning for c in report if c.warning]


def _silence(last: datetime | None, nxt: datetime | None, now: datetime) -> float | None:
    if nxt is not None:
        return _days(nxt - (last if last is not None else now))
    if last is not None:
        return _days(now - last)  # and growing: nothing is scheduled
    return None


def _warning(channel: ChannelLike, limit: int, last: datetime | None, nxt: QueueItem | None,
             silence: float | None, now: datetime) -> str | None:
    name = f"{channel.platform} ({channel.handle})"
    if nxt is None:
        if last is None:
            return f"{name}: nothing posted and nothing scheduled; plan a post"
        deadline = last + timedelta(days=limit)
        if deadline <= now:
            return (f"{name}: silent for {_days(now - last):g} days (allowed {limit}) "
                    "and nothing scheduled; plan a post now")
        return (f"{name}: nothing scheduled; it goes quiet longer than {limit} days "
                f"after {deadline:%Y-%m-%d}")
    if silence is not None and silence > limit:
        start = "the last post" if last is not None else "now"
        return (f"{name}: {silence:g} days without a post from {start} until "
                f"{nxt.scheduled_at:%Y-%m-%d} (allowed {limit}); plan a post in between")
    return None

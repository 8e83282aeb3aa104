"""The cadence guard over real brand-kit channels (pure: no database)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from assistant.brand.kit import Channel
from assistant.queue.cadence import cadence_report, warnings
from assistant.queue.models import QueueItem
from tests.queue.conftest import BERLIN

MakeItem = Callable[..., QueueItem]
NOW = datetime(2030, 3, 10, 12, 0, tzinfo=BERLIN)


def _ch(platform: str, max_silence: int = 7) -> Channel:
    return Channel(platform=platform, handle=f"@{platform}", max_silence_days=max_silence)


def _at(days: float) -> datetime:
    return NOW + timedelta(days=days)


def test_healthy_channel(make_item: MakeItem) -> None:
    items = [make_item(status="posted", scheduled_at=_at(-2), posted_at=_at(-2)),
             make_item(status="approved", scheduled_at=_at(3))]
    [c] = cadence_report(items, [_ch("instagram")], NOW)
    assert (c.days_since_last, c.days_until_next, c.silence_days) == (2.0, 3.0, 5.0)
    assert c.ok and c.next_is_approved


def test_gap_longer_than_allowed_warns(make_item: MakeItem) -> None:
    items = [make_item(status="posted", scheduled_at=_at(-3)),
             make_item(status="draft", scheduled_at=_at(2))]
    [c] = cadence_report(items, [_ch("instagram", max_silence=4)], NOW)
    assert c.silence_days == 5.0 and not c.next_is_approved
    assert c.warning and "5 days without a post" in c.warning and "allowed 4" in c.warning


def test_nothing_scheduled(make_item: MakeItem) -> None:
    recent = [make_item(status="posted", scheduled_at=_at(-1))]
    [c] = cadence_report(recent, [_ch("instagram")], NOW)
    assert c.next_scheduled_at is None
    assert c.warning and "nothing scheduled" in c.warning and "2030-03-16" in c.warning
    stale = [make_item(status="posted", scheduled_at=_at(-9))]
    [c] = cadence_report(stale, [_ch("instagram")], NOW)
    assert c.warning and "silent for 9 days" in c.warning
    [c] = cadence_report([], [_ch("x")], NOW)
    assert c.warning and "nothing posted and nothing scheduled" in c.warning


def test_only_the_channels_own_live_items_count(make_item: MakeItem) -> None:
    items = [
        make_item(status="posted", scheduled_at=_at(-1)),
        make_item(status="posted", scheduled_at=_at(-1), platform="x"),
        make_item(status="archived", scheduled_at=_at(1)),  # archived: will not go out
        make_item(status="failed", scheduled_at=_at(1)),  # failed: will not go out
        make_item(status="approved", scheduled_at=_at(-0.5)),  # overdue: not "next"
        make_item(status="approved", scheduled_at=_at(2), kit_id="tee"),  # another kit
    ]
    [c] = cadence_report(items, [_ch("instagram")], NOW, kit_id="kaffee")
    assert c.next_scheduled_at is None and c.days_since_last == 1.0


def test_posted_time_is_when_it_went_out(make_item: MakeItem) -> None:
    late = make_item(status="posted", scheduled_at=_at(-6), posted_at=_at(-1))
    [c] = cadence_report([late], [_ch("instagram")], NOW)
    assert c.days_since_last == 1.0


def test_never_posted_but_scheduled_measures_from_now(make_item: MakeItem) -> None:
    report = cadence_report([make_item(status="approved", scheduled_at=_at(9))],
                            [_ch("instagram"), _ch("linkedin", 30)], NOW)
    assert report[0].silence_days == 9.0 and report[0].warning
    assert "from now" in (report[0].warning or "")
    assert len(warnings(report)) == 2  # linkedin: nothing at all


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        cadence_report([], [], datetime(2030, 1, 1))

"""plan_week: slots, DST, pillars by weight, holidays, fresh topics, bad input."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest

from assistant.brand.kit import Pillar, load_kit
from assistant.errors import InputError, UnknownPlatformError
from assistant.planner import angles_of, plan_week, rotate_pillars, wall_time
from tests.conftest import ROOT

TODAY = date(2026, 11, 26)


@pytest.fixture()
def kit():  # type: ignore[no-untyped-def]
    return load_kit("kaffeekontor-hamburg", ROOT / "brand_kits")


def test_slots_follow_each_channel(kit) -> None:  # type: ignore[no-untyped-def]
    plan = plan_week(kit, date(2026, 11, 30), today=TODAY)  # a Monday
    per_platform = Counter(s.platform for s in plan.slots)
    assert per_platform == {c.platform: c.posts_per_week for c in kit.channels}
    ig = kit.channel("instagram")
    for slot in plan.slots:
        channel = kit.channel(slot.platform)
        assert slot.scheduled_at.strftime("%a").lower() in channel.weekdays
        assert slot.scheduled_at.strftime("%H:%M") in channel.times
        assert str(slot.scheduled_at.tzinfo) == "Europe/Berlin"
    assert ig is not None
    assert len({s.key for s in plan.slots}) == len(plan.slots)
    assert [s.scheduled_at for s in plan.slots] == sorted(s.scheduled_at for s in plan.slots)


def test_wall_clock_survives_dst(kit) -> None:  # type: ignore[no-untyped-def]
    # Summer time starts on Sunday 2027-03-28 in Europe/Berlin.
    plan = plan_week(kit, date(2027, 3, 22), days=14, platforms=["instagram"], today=TODAY)
    offsets = {s.scheduled_at.date(): s.scheduled_at.utcoffset() for s in plan.slots}
    assert all(s.scheduled_at.strftime("%H:%M") == "08:30" for s in plan.slots)
    before = [o for d, o in offsets.items() if d < date(2027, 3, 28)]
    after = [o for d, o in offsets.items() if d > date(2027, 3, 28)]
    assert set(before) == {timedelta(hours=1)} and set(after) == {timedelta(hours=2)}


def test_a_time_skipped_by_dst_moves_forward() -> None:
    zone = ZoneInfo("Europe/Berlin")
    moved = wall_time(date(2027, 3, 28), "02:30", zone)
    assert moved.strftime("%H:%M") == "03:30" and moved.utcoffset() == timedelta(hours=2)


def test_pillars_rotate_by_weight() -> None:
    pillars = [Pillar(name="A", weight=3), Pillar(name="B", weight=2), Pillar(name="C", weight=1)]
    order = [p.name for p in rotate_pillars(pillars, 12)]
    assert Counter(order) == {"A": 6, "B": 4, "C": 2}
    assert all(a != b or a == "A" for a, b in zip(order, order[1:], strict=False))


def test_holidays_marked_and_b2b_moved(kit) -> None:  # type: ignore[no-untyped-def]
    # Good Friday 2027 is 26 March; LinkedIn posts on Tuesdays, so use a plan with Friday.
    plan = plan_week(kit, date(2027, 3, 22), days=14, today=TODAY)
    assert plan.holidays[date(2027, 3, 26)] == "Karfreitag"
    on_holiday = [s for s in plan.slots if s.scheduled_at.date() == date(2027, 3, 26)]
    assert on_holiday and all(s.holiday == "Karfreitag" for s in on_holiday)
    assert all("Karfreitag" in s.brief for s in on_holiday)
    li = plan_week(
        kit.model_copy(
            update={
                "channels": [
                    kit.channel("linkedin").model_copy(update={"weekdays": ["mon"]})  # type: ignore[union-attr]
                ]
            }
        ),
        date(2027, 3, 29),
        days=7,
        today=TODAY,
    )  # Easter Monday
    assert li.slots[0].scheduled_at.date() == date(2027, 3, 30) and "moved" in (
        li.slots[0].note or ""
    )


def test_recent_topics_are_not_repeated(kit) -> None:  # type: ignore[no-untyped-def]
    pillar = kit.pillars[1]  # Zubereitung & Rezepte: Mahlgrad, Filter, Espresso, Cold Brew ...
    angles = angles_of(pillar)

    def similarity(candidates: list[str], recent: list[str]) -> list[float]:
        return [1.0 if c in " ".join(recent) else 0.0 for c in candidates]

    single = kit.model_copy(update={"pillars": [pillar]})
    plan = plan_week(
        single,
        date(2026, 11, 30),
        platforms=["mastodon"],
        today=TODAY,
        recent=[f"Alles über {angles[0]}"],
        similarity=similarity,
    )
    assert plan.slots[0].angle != angles[0]


def test_bad_input_is_clear(kit) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="in the past"):
        plan_week(kit, date(2026, 11, 1), today=TODAY)
    with pytest.raises(UnknownPlatformError, match="myspace"):
        plan_week(kit, date(2026, 11, 30), platforms=["myspace"], today=TODAY)
    with pytest.raises(InputError, match="days"):
        plan_week(kit, date(2026, 11, 30), days=0, today=TODAY)


def test_platform_without_channel_gets_defaults(kit) -> None:  # type: ignore[no-untyped-def]
    plan = plan_week(kit, date(2026, 11, 30), platforms=["x"], today=TODAY)
    assert len(plan.slots) == 5 and all(s.scheduled_at.weekday() < 5 for s in plan.slots)

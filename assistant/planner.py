"""Plan a week: slots per channel, pillars rotated by weight, holidays, fresh topics.

``plan_week`` is deterministic for the same kit, start and recent queue: slots come from
each channel's posts per week, weekdays and times (sensible defaults per platform for a
platform without a channel), computed as wall-clock times in the configured zone so that
09:00 stays 09:00 across a DST change. Pillars rotate by weight (smooth weighted round
robin). German public holidays of the channel's Bundesland are marked and used: B2B
channels move off them, the others get the holiday as context for the brief. Each slot's
angle is the one of its pillar least similar to what the recent queue already said.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays as holidays_lib
from pydantic import BaseModel, Field

from assistant.brand.kit import BrandKit, Channel, Pillar
from assistant.errors import InputError
from assistant.platforms import get_platform

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Plans further ahead are typos (9999-12-31 overflowed the date arithmetic).
MAX_DAYS_AHEAD = 10 * 366
# When a kit has no channel for a platform: posts per week, weekdays, times.
PLATFORM_DEFAULTS: dict[str, tuple[int, tuple[str, ...], tuple[str, ...]]] = {
    "x": (5, ("mon", "tue", "wed", "thu", "fri"), ("12:00",)),
    "bluesky": (3, ("mon", "wed", "fri"), ("12:30",)),
    "mastodon": (3, ("mon", "wed", "fri"), ("12:30",)),
    "threads": (3, ("tue", "thu", "sat"), ("18:00",)),
    "instagram": (3, ("tue", "thu", "sat"), ("18:00",)),
    "facebook": (3, ("mon", "wed", "fri"), ("11:00",)),
    "linkedin": (2, ("tue", "thu"), ("08:30",)),
    "tiktok": (3, ("tue", "thu", "sat"), ("19:00",)),
    "pinterest": (3, ("wed", "fri", "sun"), ("20:00",)),
    "google_business": (1, ("fri",), ("10:00",)),
}
B2B = {"linkedin"}  # audiences that are off on public holidays
DEFAULT_PILLAR = Pillar(name="Einblicke", description="Einblicke in den Alltag der Marke", weight=1)

Similarity = Callable[[list[str], list[str]], list[float]]  # candidates, recent -> max sim


class Slot(BaseModel):
    key: str  # "{date}|{platform}|{n}": unique per kit, what makes generate week idempotent
    platform: str
    scheduled_at: datetime
    pillar: str
    angle: str
    brief: str
    holiday: str | None = None
    note: str | None = None


class WeekPlan(BaseModel):
    kit_id: str
    start: date
    days: int
    timezone: str
    slots: list[Slot] = Field(default_factory=list)
    holidays: dict[date, str] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)


def channels_for(kit: BrandKit, platforms: Sequence[str] | None) -> list[Channel]:
    if not platforms:
        if not kit.channels:
            raise InputError(f"kit {kit.id!r} has no channels; add one or name platforms")
        return list(kit.channels)
    out = []
    for pid in dict.fromkeys(p.strip().lower() for p in platforms):
        get_platform(pid)  # unknown platform: a clear error listing the ids
        out.append(kit.channel(pid) or default_channel(pid, kit))
    return out


def default_channel(pid: str, kit: BrandKit) -> Channel:
    per_week, days, times = PLATFORM_DEFAULTS[pid]
    land = kit.channels[0].bundesland if kit.channels else "HH"
    return Channel(
        platform=pid,
        handle=kit.name,
        posts_per_week=per_week,
        weekdays=list(days),  # type: ignore[arg-type]
        times=list(times),
        bundesland=land,
    )


def wall_time(day: date, hhmm: str, zone: ZoneInfo) -> datetime:
    """``day`` at ``hhmm`` on the wall clock of ``zone``; a time skipped by DST moves on."""
    hour, minute = map(int, hhmm.split(":"))
    naive = datetime.combine(day, time(hour, minute))
    aware = naive.replace(tzinfo=zone)
    # Round-trip through UTC: a non-existent local time (spring forward) becomes a real one.
    return aware.astimezone(ZoneInfo("UTC")).astimezone(zone)


def channel_times(channel: Channel, start: date, days: int) -> list[tuple[date, str]]:
    """The channel's (day, time) pairs in the window, spread evenly, as many as it posts."""
    window = [start + timedelta(days=i) for i in range(days)]
    allowed = [d for d in window if WEEKDAYS[d.weekday()] in channel.weekdays] or window
    wanted = round(channel.posts_per_week * days / 7)
    if wanted <= 0:
        return []
    times = channel.times or ["09:00"]
    candidates = [(d, t) for t in times for d in allowed]
    candidates.sort(key=lambda c: (c[0], c[1]))
    if wanted >= len(candidates):
        return candidates
    step = len(candidates) / wanted
    return [candidates[int(i * step)] for i in range(wanted)]


def rotate_pillars(pillars: Sequence[Pillar], count: int) -> list[Pillar]:
    """Smooth weighted round robin: weights 3:2:1 give A B A C B A, never bunched."""
    pool = list(pillars) or [DEFAULT_PILLAR]
    current = [0.0] * len(pool)
    total = sum(p.weight for p in pool)
    order = []
    for _ in range(count):
        current = [c + p.weight for c, p in zip(current, pool, strict=True)]
        best = max(range(len(pool)), key=lambda i: current[i])
        current[best] -= total
        order.append(pool[best])
    return order


def angles_of(pillar: Pillar) -> list[str]:
    """Topic angles of a pillar: the parts of its description, else its name."""
    parts = [p.strip(" .") for chunk in pillar.description.split(";") for p in chunk.split(",")]
    return [p for p in parts if len(p) > 2] or [pillar.name]


def holiday_map(lands: set[str], start: date, days: int) -> dict[tuple[str, date], str]:
    years = {start.year, (start + timedelta(days=days)).year}
    out: dict[tuple[str, date], str] = {}
    for land in lands:
        calendar = holidays_lib.country_holidays("DE", subdiv=land, years=years, language="de")
        for day, name in calendar.items():
            out[(land, day)] = name
    return out


def _move_off_holiday(day: date, land: str, hol: dict[tuple[str, date], str]) -> date:
    moved = day
    while (land, moved) in hol or moved.weekday() >= 5:
        moved += timedelta(days=1)
    return moved


def _raw_slots(
    channels: Sequence[Channel],
    start: date,
    days: int,
    zone: ZoneInfo,
    hol: dict[tuple[str, date], str],
) -> list[tuple[Channel, datetime, str | None, str | None]]:
    raw = []
    for channel in channels:
        for day, hhmm in channel_times(channel, start, days):
            holiday, note = hol.get((channel.bundesland, day)), None
            if holiday and channel.platform in B2B:
                moved = _move_off_holiday(day, channel.bundesland, hol)
                note = f"moved from {day.isoformat()} ({holiday}): B2B audience is off"
                day, holiday = moved, None
            raw.append((channel, wall_time(day, hhmm, zone), holiday, note))
    raw.sort(key=lambda r: (r[1], r[0].platform))
    return raw


def pick_angle(
    pillar: Pillar, used: set[str], recent: list[str], similarity: Similarity | None
) -> str:
    """The pillar's angle least like the recent queue, and not yet used this week."""
    options = [a for a in angles_of(pillar) if a not in used] or angles_of(pillar)
    if similarity is None or not recent or len(options) == 1:
        return options[0]
    scores = similarity(options, recent)
    return min(zip(scores, range(len(options)), options, strict=True))[2]


# the labels of a slot's brief: the planner's words, no fact a post must carry
PILLAR_LABEL, THEME_LABEL, CTA_LABEL = "Content pillar", "Theme of the week", "Call to action"
SLOT_LABELS = (PILLAR_LABEL, THEME_LABEL, CTA_LABEL)


def slot_brief(
    kit: BrandKit, pillar: Pillar, angle: str, holiday: str | None, theme: str | None
) -> str:
    parts = [f"{PILLAR_LABEL} '{pillar.name}': {angle}."]
    if pillar.description and angle not in pillar.description:
        parts.append(pillar.description)
    if theme:
        parts.append(f"{THEME_LABEL}: {theme}.")
    if holiday:
        parts.append(f"The post goes out on a public holiday ({holiday}); refer to it naturally.")
    if kit.cta:
        parts.append(f"{CTA_LABEL}: {kit.cta}")
    return " ".join(parts)


def check_start(start: date, today: date) -> None:
    """A plan starts today or later, and not absurdly far ahead."""
    if start < today:
        raise InputError(f"{start.isoformat()} is in the past; start today ({today}) or later")
    if start > today + timedelta(days=MAX_DAYS_AHEAD):
        raise InputError(
            f"{start.isoformat()} is more than ten years ahead; start between {today} and "
            f"{today + timedelta(days=MAX_DAYS_AHEAD)}"
        )


def plan_week(
    kit: BrandKit,
    start: date,
    *,
    days: int = 7,
    platforms: Sequence[str] | None = None,
    timezone: str = "Europe/Berlin",
    recent: Sequence[str] = (),
    similarity: Similarity | None = None,
    theme: str | None = None,
    today: date | None = None,
) -> WeekPlan:
    """The slots of ``days`` days from ``start`` for the kit's channels (or ``platforms``)."""
    if not 1 <= days <= 31:
        raise InputError(f"days={days} is out of range; plan 1 to 31 days")
    zone = ZoneInfo(timezone)
    today = today or datetime.now(zone).date()
    check_start(start, today)
    channels = channels_for(kit, platforms)
    hol = holiday_map({c.bundesland for c in channels}, start, days)
    raw = _raw_slots(channels, start, days, zone, hol)
    pillars = rotate_pillars(kit.pillars, len(raw))
    plan = WeekPlan(kit_id=kit.id, start=start, days=days, timezone=timezone)
    used: set[str] = set()
    counters: dict[tuple[date, str], int] = {}
    for (channel, when, holiday, note), pillar in zip(raw, pillars, strict=True):
        angle = pick_angle(pillar, used, list(recent), similarity)
        used.add(angle)
        n = counters.get((when.date(), channel.platform), 0)
        counters[(when.date(), channel.platform)] = n + 1
        plan.slots.append(
            Slot(
                key=f"{when.date().isoformat()}|{channel.platform}|{n}",
                platform=channel.platform,
                scheduled_at=when,
                pillar=pillar.name,
                angle=angle,
                holiday=holiday,
                note=note,
                brief=slot_brief(kit, pillar, angle, holiday, theme),
            )
        )
    plan.holidays = {
        d: name for (_, d), name in hol.items() if start <= d < start + timedelta(days=days)
    }
    plan.notes = quota_notes(plan)
    return plan


def quota_notes(plan: WeekPlan) -> list[str]:
    """Posting quotas worth knowing (X free tier 17/24 h, Threads 250, LinkedIn 150)."""
    notes = []
    per_day: dict[tuple[str, date], int] = {}
    for s in plan.slots:
        key = (s.platform, s.scheduled_at.date())
        per_day[key] = per_day.get(key, 0) + 1
    for (pid, day), n in sorted(per_day.items()):
        quota = get_platform(pid).quota_per_day
        if quota is not None and n > quota:
            notes.append(f"{pid} on {day}: {n} posts exceed the quota of {quota} per 24 h")
    return notes

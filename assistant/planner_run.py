"""Generate week: a draft for every slot of a plan, concurrently, each stored the moment
it is done. A failure or a crash half-way keeps everything finished; a second run fills
only the slots that are empty or failed (the queue's unique (kit, slot) key prevents
duplicates even when two runs race).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import numpy as np

from assistant.brand.kit import BrandKit
from assistant.config import Settings, get_settings
from assistant.drafting import DraftOptions, adraft_posts, run_sync
from assistant.errors import AssistantError
from assistant.lanes import Lanes
from assistant.models import Brief, Draft, TokenUsage
from assistant.planner import Slot, WeekPlan, check_start, plan_week
from assistant.queue import QueueItem, QueueService, open_queue

Progress = Callable[[Slot, str, QueueItem | None], None]  # slot, state, stored item
RECENT_DAYS = 28


@dataclass
class WeekReport:
    plan: WeekPlan
    created: list[QueueItem] = field(default_factory=list)
    skipped: list[QueueItem] = field(default_factory=list)
    failed: list[QueueItem] = field(default_factory=list)
    usage: TokenUsage = field(default_factory=TokenUsage)

    @property
    def items(self) -> list[QueueItem]:
        return sorted(self.created + self.skipped + self.failed, key=lambda i: i.scheduled_at)


def recent_texts(queue: QueueService, kit_id: str, before: datetime) -> list[str]:
    """What the channel said (or will say) in the weeks around the plan."""
    start = before - timedelta(days=RECENT_DAYS)
    end = before + timedelta(days=RECENT_DAYS)
    items = queue.list(kit_id=kit_id, start=start, end=end)
    return [i.text for i in items if i.text and i.status != "archived"]


def embedding_similarity(settings: Settings) -> Callable[[list[str], list[str]], list[float]]:
    def similarity(candidates: list[str], recent: list[str]) -> list[float]:
        from assistant.brand.embeddings import get_embedder

        embedder = get_embedder(settings)
        cand = embedder.embed_queries(candidates)
        past = embedder.embed_passages(recent)
        return [float(x) for x in np.max(cand @ past.T, axis=1)]

    return similarity


def make_plan(
    kit: BrandKit,
    start: date,
    *,
    days: int = 7,
    platforms: Sequence[str] | None = None,
    theme: str | None = None,
    settings: Settings | None = None,
    queue: QueueService | None = None,
) -> WeekPlan:
    """``plan_week`` with the recent queue and the embeddings wired in."""
    settings = settings or get_settings()
    check_start(start, datetime.now(settings.zone).date())  # before any date arithmetic
    queue = queue or open_queue(settings)
    first = datetime.combine(start, datetime.min.time(), tzinfo=settings.zone)
    return plan_week(
        kit,
        start,
        days=days,
        platforms=platforms,
        timezone=settings.timezone,
        recent=recent_texts(queue, kit.id, first),
        similarity=embedding_similarity(settings),
        theme=theme,
    )


def _failed_draft(kit: BrandKit, slot: Slot, exc: BaseException) -> Draft:
    message = str(exc) if isinstance(exc, AssistantError) else f"unexpected error: {exc}"
    return Draft(
        kit_id=kit.id,
        platform=slot.platform,
        text="",
        error=message,
        brief=slot.brief,
    )


async def _fill_slot(
    kit: BrandKit, slot: Slot, queue: QueueService, opts: DraftOptions, existing: QueueItem | None
) -> QueueItem:
    try:
        drafts = await adraft_posts(kit, Brief(text=slot.brief), [slot.platform], options=opts)
        draft = drafts[0]
    except Exception as exc:  # noqa: BLE001 - any failure marks only this slot
        draft = _failed_draft(kit, slot, exc)
    if existing is not None:  # a failed slot being retried
        return await asyncio.to_thread(queue.replace_with_draft, existing.id, draft)  # type: ignore[arg-type]
    return await asyncio.to_thread(queue.add_draft, draft, slot.scheduled_at, slot.key)


async def agenerate_week(
    kit: BrandKit,
    plan: WeekPlan,
    *,
    queue: QueueService | None = None,
    settings: Settings | None = None,
    concurrency: int | None = None,
    progress: Progress | None = None,
    options: DraftOptions | None = None,
) -> WeekReport:
    settings = settings or get_settings()
    queue = queue or open_queue(settings)
    opts = options or DraftOptions(settings=settings)
    opts.settings = opts.settings or settings
    opts.semaphore = Lanes(concurrency or settings.concurrency)
    report = WeekReport(plan=plan)
    notify = progress or (lambda slot, state, item: None)
    todo: list[tuple[Slot, QueueItem | None]] = []
    for slot in plan.slots:
        existing = queue.get_by_slot(kit.id, slot.key)
        if existing is not None and existing.status != "failed":
            report.skipped.append(existing)
            notify(slot, "kept", existing)
        else:
            todo.append((slot, existing))
            notify(slot, "queued", None)

    async def run(slot: Slot, existing: QueueItem | None) -> None:
        notify(slot, "drafting", None)
        item = await _fill_slot(kit, slot, queue, opts, existing)
        (report.failed if item.status == "failed" else report.created).append(item)
        report.usage = report.usage + item.usage
        notify(slot, "failed" if item.status == "failed" else "done", item)

    await asyncio.gather(*(run(slot, existing) for slot, existing in todo))
    return report


def generate_week(kit: BrandKit, plan: WeekPlan, **kwargs: object) -> WeekReport:
    """Sync form of :func:`agenerate_week` (same arguments)."""
    return run_sync(lambda: agenerate_week(kit, plan, **kwargs))  # type: ignore[arg-type]

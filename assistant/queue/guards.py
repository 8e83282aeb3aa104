"""The queue service's small rules about one item (pure): may it be approved, may it be
changed, the item a draft becomes, the platform id, the slot note. ``QueueService`` uses them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from assistant.errors import TransitionError
from assistant.models import Draft, Problem, post_state
from assistant.queue.checks import describe
from assistant.queue.models import QueueItem, zone_name


def refuse_unapprovable(item: QueueItem, problems: list[Problem], needs_look: bool) -> None:
    state = post_state(problems)
    if state == "problems":
        raise TransitionError(
            f"cannot approve #{item.id} ({item.platform}): "
            f"{describe(p for p in problems if p.is_error)}; edit it and try again"
        )
    if state == "needs_look" and not needs_look:
        raise TransitionError(
            f"#{item.id} ({item.platform}) needs a look ({describe(problems)}); read it and "
            "approve it on its own, or choose to include posts that need a look"
        )


def check_editable(item: QueueItem) -> None:
    if item.status in ("posted", "archived"):
        raise TransitionError(
            f"#{item.id} is {item.status} and cannot be changed; duplicate it as a new post instead"
        )


def item_from_draft(draft: Draft, scheduled_at: datetime, slot_key: str | None,
                    media: list[str], default_zone: str) -> QueueItem:
    failed = draft.error is not None
    return QueueItem(
        kit_id=draft.kit_id, platform=draft.platform, text=draft.text,
        hashtags=list(draft.hashtags), first_comment=draft.first_comment,
        alt_text=draft.alt_text, link=draft.link, media=media, language=draft.language,
        sponsored=draft.sponsored, scheduled_at=scheduled_at,
        timezone=zone_name(scheduled_at, default_zone), status="failed" if failed else "draft",
        problems=list(draft.problems), brief=draft.brief, usage=draft.usage, slot_key=slot_key,
        error=draft.error if failed else None,
    )


def validate_platform(pid: str) -> None:
    from assistant.platforms import get_platform

    get_platform(pid)  # raises UnknownPlatformError naming the valid ids


def slot_note(item: QueueItem) -> str | None:
    return f"slot {item.slot_key}" if item.slot_key else None


def as_tuple(value: str | Sequence[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)

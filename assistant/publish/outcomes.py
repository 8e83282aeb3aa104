"""What a publish outcome does to the queue item (the item's side; the attempt's side is
``queue.publish_store.AttemptStore``). Every outcome writes the item's history."""

from __future__ import annotations

import mimetypes
from datetime import datetime
from typing import TYPE_CHECKING

from assistant.errors import TransitionError
from assistant.publish.base import MediaFile, PostRequest, Published
from assistant.queue.models import HistoryEntry, QueueItem, check_transition
from assistant.queue.service import QueueService

if TYPE_CHECKING:
    from assistant.brand.schema import Channel as KitChannel

ACTOR = "worker"


def request_for(item: QueueItem, attempt_id: str,
                channel: KitChannel | None = None) -> PostRequest:
    """The queue item as a provider needs it: the exact text that was checked and approved,
    with the kit channel's visibility and content warning (Mastodon)."""
    media = tuple(
        MediaFile(path=path, mime_type=mimetypes.guess_type(path)[0] or "image/jpeg",
                  alt_text=item.alt_text or "")
        for path in item.media)
    return PostRequest(text=item.full_text, attempt_id=attempt_id, media=media,
                       link=item.link or None, first_comment=item.first_comment or None,
                       language=item.language,
                       visibility=channel.visibility if channel else None,
                       content_warning=channel.content_warning if channel else None)


def record_posted(queue: QueueService, item: QueueItem, published: Published,
                  now: datetime, late_note: str | None) -> QueueItem:
    """approved -> posted with the live URL. If a person moved the item meanwhile the post is
    out all the same: the history says so and where it lives."""
    url = published.url if published.url.startswith(("http://", "https://")) else None
    item_id = item.id or 0
    if late_note:
        queue.record(item_id, "published_late", late_note, by=ACTOR)
    try:
        return queue.mark_posted(item_id, url, by=ACTOR, at=published.published_at or now)
    except TransitionError as exc:
        note = f"published at {url or published.remote_id}, but {exc}"
        return queue.record(item_id, "published", note, by=ACTOR)


def send_back(queue: QueueService, item: QueueItem, reason: str) -> QueueItem:
    """The network refused the post: back to draft for a person, with the platform's reason."""
    def change(current: QueueItem) -> tuple[QueueItem, HistoryEntry | None]:
        check_transition(current.status, "draft")
        new = current.model_copy(update={
            "status": "draft", "reviewed": False, "error": reason, "updated_at": queue.clock()})
        entry = HistoryEntry(at=queue.clock(), actor=ACTOR, action="rejected",
                             old_status=current.status, new_status="draft", note=reason)
        return new, entry

    updated = queue.storage.update(item.id or 0, change)
    return updated if updated is not None else item


def note(queue: QueueService, item: QueueItem, action: str, text: str,
         error: str | None = None) -> None:
    """A history line (waiting, retry) without a status change."""
    queue.record(item.id or 0, action, text, by=ACTOR, error=error)

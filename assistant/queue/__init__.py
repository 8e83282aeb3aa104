"""The publishing queue: items, their status machine, storage, exports and the webhook.

    from assistant.queue import open_queue
    queue = open_queue()                      # settings.queue_url (SQLite in the data dir)
    item = queue.add_draft(draft, scheduled_at, slot_key="2025-03-03|instagram|0")
    queue.approve(item.id)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.lazy import lazy_getattr

if TYPE_CHECKING:
    from assistant.queue.checks import Checker, platform_checker
    from assistant.queue.models import (
        STATUSES,
        TRANSITIONS,
        HistoryEntry,
        ItemNotFoundError,
        QueueItem,
        Status,
    )
    from assistant.queue.service import BulkResult, QueueService, open_queue

# imported on first use: the CLI registers every command at start-up, and most
# commands need none of the heavy parts (regex tables, SQLAlchemy)
_EXPORTS = {
    "Checker": "assistant.queue.checks",
    "platform_checker": "assistant.queue.checks",
    "STATUSES": "assistant.queue.models",
    "TRANSITIONS": "assistant.queue.models",
    "HistoryEntry": "assistant.queue.models",
    "ItemNotFoundError": "assistant.queue.models",
    "QueueItem": "assistant.queue.models",
    "Status": "assistant.queue.models",
    "BulkResult": "assistant.queue.service",
    "QueueService": "assistant.queue.service",
    "open_queue": "assistant.queue.service",
}


__all__ = [
    "STATUSES",
    "TRANSITIONS",
    "BulkResult",
    "Checker",
    "HistoryEntry",
    "ItemNotFoundError",
    "QueueItem",
    "QueueService",
    "Status",
    "open_queue",
    "platform_checker",
]


__getattr__ = lazy_getattr(__name__, _EXPORTS, globals())

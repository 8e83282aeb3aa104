"""The publishing queue: items, their status machine, storage, exports and the webhook.

    from assistant.queue import open_queue
    queue = open_queue()                      # settings.queue_url (SQLite in the data dir)
    item = queue.add_draft(draft, scheduled_at, slot_key="2025-03-03|instagram|0")
    queue.approve(item.id)
"""

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

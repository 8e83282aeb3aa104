"""What an item's history says about the client's review (pure).

A client decision is a history entry whose actor ends in "(client)". An approval counts only
for the exact content it was given for: its note starts with a mark of that content (the
fields that change what gets posted), so any later edit of the post needs a new approval.
"""

from __future__ import annotations

import hashlib
import json

from assistant.queue.models import CONTENT_FIELDS, HistoryEntry, QueueItem

CLIENT_APPROVED = "client_approved"
CHANGES_REQUESTED = "client_changes_requested"
DECISIONS = (CLIENT_APPROVED, CHANGES_REQUESTED)
CLIENT_SUFFIX = " (client)"
_MARK = "content:"


def content_mark(item: QueueItem) -> str:
    """A short fingerprint of what gets posted (not the time: a reschedule keeps the OK)."""
    data = item.model_dump(mode="json", include=set(CONTENT_FIELDS))
    raw = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
    return _MARK + hashlib.sha256(raw).hexdigest()[:16]


def decision_note(item: QueueItem, comment: str) -> str:
    comment = " ".join(comment.split())
    return f"{content_mark(item)} {comment}".rstrip()


def comment_of(entry: HistoryEntry) -> str:
    """The client's comment without the content mark."""
    note = entry.note or ""
    if note.startswith(_MARK):
        return note.partition(" ")[2]
    return note


def last_decision(item: QueueItem) -> HistoryEntry | None:
    for entry in reversed(item.history):
        if entry.action in DECISIONS:
            return entry
    return None


def client_approved(item: QueueItem) -> bool:
    """True when the latest client decision approved exactly the current content."""
    last = last_decision(item)
    if last is None or last.action != CLIENT_APPROVED:
        return False
    return (last.note or "").split(" ", 1)[0] == content_mark(item)


def open_change_request(item: QueueItem) -> HistoryEntry | None:
    """The client's latest "request changes", unless a later decision superseded it."""
    last = last_decision(item)
    return last if last is not None and last.action == CHANGES_REQUESTED else None


def client_refusal(item: QueueItem, required: bool) -> str | None:
    """Why the client's review keeps this item back, or None."""
    if not required or client_approved(item):
        return None
    return (f"#{item.id} needs the client's approval of this version first (the kit "
            "requires it); send a review link with `postwerk review create` or from the "
            "Queue page")

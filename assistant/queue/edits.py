"""Edit pairs: what a person changed in a model's draft, kept in the queue's history (pure).

An item made from a model's draft (``QueueService.add_draft``) has a "created" entry whose
note starts with ``MODEL_NOTE``; a regenerated item has a "regenerated" entry. Both say
what the model wrote. Every later change of the text writes an ``EDIT_PAIR`` entry: the
model's text as ``old_text``, the person's text as ``new_text``, who and when; its note
names the platform (and a client's last comment, when the edit answers one). A Compose
edit made before queueing is written the same way when the item is created.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from assistant.queue.models import HistoryEntry, QueueItem
from assistant.review.gate import comment_of, open_change_request

MODEL_NOTE = "drafted by the model"
EDIT_PAIR = "edit_pair"
COMMENT_NOTE = "after the client's comment: "


@dataclass(frozen=True)
class EditPair:
    """One person's correction of a model's draft, for one platform of one kit."""

    kit_id: str
    platform: str
    model_text: str
    final_text: str
    by: str
    at: datetime
    item_id: int | None = None
    comment: str | None = None  # the client's comment the edit answered, if any


def model_text_of(history: Sequence[HistoryEntry]) -> str | None:
    """What the model wrote for the item's current draft; None for a person's own post."""
    for entry in reversed(history):
        if entry.action == EDIT_PAIR:
            return entry.old_text
        if entry.action == "regenerated":
            return entry.new_text
        if entry.action == "created":
            return entry.new_text if (entry.note or "").startswith(MODEL_NOTE) else None
    return None


def model_note(slot_note: str | None) -> str:
    return MODEL_NOTE + (f"; {slot_note}" if slot_note else "")


def pair_entry(model_text: str | None, before: QueueItem, after: QueueItem, by: str,
               at: datetime) -> HistoryEntry | None:
    """The entry recording ``after``'s text as a correction of ``model_text``; ``before``
    (with its history) tells whether the edit answers a client's "Request changes"."""
    if model_text is None or model_text.strip() == after.text.strip():
        return None
    note = f"platform {after.platform}"
    request = open_change_request(before)
    if request is not None and comment_of(request):
        note += f"; {COMMENT_NOTE}{comment_of(request)}"
    return HistoryEntry(at=at, actor=by, action=EDIT_PAIR, old_text=model_text,
                        new_text=after.text, new_status=after.status, note=note)


def edit_pairs(items: Iterable[QueueItem]) -> list[EditPair]:
    """The latest correction of each item (its final text), oldest first."""
    pairs: list[EditPair] = []
    for item in items:
        last = next((e for e in reversed(item.history) if e.action == EDIT_PAIR), None)
        if last is None or last.old_text is None or last.new_text is None:
            continue
        comment = (last.note or "").partition(COMMENT_NOTE)[2] or None
        pairs.append(EditPair(item.kit_id, item.platform, last.old_text, last.new_text,
                              last.actor, last.at, item.id, comment))
    return sorted(pairs, key=lambda p: p.at)

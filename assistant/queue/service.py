"""The queue service: every rule about queue items lives here.

Statuses move only along ``models.TRANSITIONS``. Only a draft whose checker finds no error can
be approved; every content edit re-runs the checker, stores its problems and sends an approved
item back to draft. Every change writes a history entry (who, what, when, old -> new).
The checker is injected: ``Callable[[QueueItem], list[Problem]]``; the default measures the
composed text and its images with the platform rules (``assistant.platforms.check_post``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from assistant.config import Settings, get_settings
from assistant.errors import AssistantError, InputError, TransitionError
from assistant.models import Draft
from assistant.queue.checks import Checker, describe, merge_problems, platform_checker
from assistant.queue.edits import model_note, model_text_of, pair_entry
from assistant.queue.guards import (
    as_tuple,
    check_editable,
    item_from_draft,
    refuse_unapprovable,
    slot_note,
    validate_platform,
)
from assistant.queue.media_store import MediaStore, media_store_for
from assistant.queue.models import (
    CONTENT_FIELDS,
    EDITABLE_FIELDS,
    HistoryEntry,
    ItemNotFoundError,
    QueueItem,
    check_transition,
    utcnow,
)
from assistant.queue.storage import ListFilter, QueueStorage, Written

# inside the class `list` is the method's name
Items = list[QueueItem]
Paths = list[str]
# told of every item that was approved or posted (learning from use: ``assistant.learn``)
Learner = Callable[[QueueItem, str], None]


@dataclass
class BulkResult:
    """Outcome of a bulk action: what was done and, per id, why the rest was refused."""

    done: list[QueueItem] = field(default_factory=list)
    refused: dict[int, str] = field(default_factory=dict)


class QueueService:
    def __init__(
        self,
        storage: QueueStorage,
        checker: Checker | None = None,
        *,
        timezone: str = "Europe/Berlin",
        clock: Callable[[], datetime] = utcnow,
        approve_checker: Checker | None = None,
        media_store: MediaStore | None = None,
        learner: Learner | None = None,
    ) -> None:
        self.storage = storage
        self.learner = learner
        # every image on an item is a file in this store (copied in on add, edit, import)
        self.media_store = media_store
        self.checker: Checker = checker or platform_checker
        # Approval may check more than an edit (e.g. request every link): a person is
        # about to take responsibility for the post.
        self.approve_checker: Checker = approve_checker or self.checker
        self.timezone = timezone
        self.clock = clock

    # -- reads -------------------------------------------------------------------
    def get(self, item_id: int) -> QueueItem:
        item = self.storage.get(item_id)
        if item is None:
            raise ItemNotFoundError(f"no queue item #{item_id}; see `postwerk queue list`")
        return item

    def get_by_slot(self, kit_id: str, slot_key: str) -> QueueItem | None:
        return self.storage.get_by_slot(kit_id, slot_key)

    def list(
        self,
        *,
        kit_id: str | None = None,
        status: str | Sequence[str] | None = None,
        platform: str | Sequence[str] | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        limit: int | None = None,
    ) -> Items:
        """Items ordered by scheduled time; ``start`` inclusive, ``end`` exclusive."""
        for bound in (start, end):
            if bound is not None and bound.tzinfo is None:
                raise InputError("list bounds need a time zone (aware datetimes)")
        flt = ListFilter(kit_id=kit_id, statuses=as_tuple(status), platforms=as_tuple(platform),
                         start=start, end=end, limit=limit)
        return self.storage.list(flt)

    def upcoming(self, *, kit_id: str | None = None, limit: int | None = None) -> Items:
        """Approved items waiting to be posted, overdue ones first (the "Today / next" view)."""
        return self.list(kit_id=kit_id, status="approved", limit=limit)

    # -- creation ----------------------------------------------------------------
    def add(self, item: QueueItem, *, by: str = "user",
            model_text: str | None = None) -> QueueItem:
        """Store a new item (checked now); an existing (kit, slot) or uid is returned as is.

        ``model_text``: what the model wrote, when the item is a model's draft (a person
        may have edited it already: that edit is kept as an edit pair)."""
        validate_platform(item.platform)
        if item.slot_key is not None:
            existing = self.storage.get_by_slot(item.kit_id, item.slot_key)
            if existing is not None:
                return existing
        now = self.clock()
        item = item.model_copy(update={"media": self.store_media(item.media)})
        item = item.model_copy(update={
            "id": None, "history": [], "created_at": now, "updated_at": now,
            "problems": merge_problems(self.checker(item), item.problems),
        })
        note = slot_note(item) if model_text is None else model_note(slot_note(item))
        entry = HistoryEntry(at=now, actor=by, action="created", new_status=item.status,
                             new_text=item.text, note=note)
        pair = pair_entry(model_text, item, item, by, now)
        stored, _created = self.storage.insert(item, [entry] if pair is None else [entry, pair])
        return stored

    def add_draft(
        self,
        draft: Draft,
        scheduled_at: datetime,
        slot_key: str | None = None,
        *,
        media: Sequence[str] | None = None,
        by: str = "planner",
    ) -> QueueItem:
        """Queue a draft; idempotent per (kit, slot_key): a second call returns the first item.

        A draft with status "failed" is stored as a failed item carrying its error, so that the
        slot shows up with a retry instead of silently staying empty.
        """
        if scheduled_at.tzinfo is None or scheduled_at.utcoffset() is None:
            raise InputError("scheduled_at needs a time zone; pass an aware datetime")
        paths = list(media) if media is not None else [m.path for m in draft.media if m.path]
        item = item_from_draft(draft, scheduled_at, slot_key, paths, self.timezone)
        return self.add(item, by=by, model_text=draft.model_text or draft.text)

    def import_item(self, item: QueueItem, target: str = "draft", *, by: str = "import",
                    posted_url: str | None = None,
                    posted_at: datetime | None = None) -> tuple[QueueItem, bool, str]:
        """Store an imported item as a draft, then move it to ``target`` through the gates.

        Approved and posted go through ``approve`` (approval checks, links requested): an
        item that fails them stays a draft with its problems. Returns the stored item,
        whether it is new (False: its uid or slot was already there) and why it stayed a
        draft ("" when it reached ``target``).
        """
        validate_platform(item.platform)
        now = self.clock()
        gated = target in ("approved", "posted")
        checker = self.approve_checker if gated else self.checker
        draft = item.model_copy(update={
            "id": None, "history": [], "status": "draft", "reviewed": False,
            "posted_url": None, "posted_at": None, "error": None,
            "media": self.store_media(item.media),
            "created_at": item.created_at or now, "updated_at": now})
        draft = draft.model_copy(update={"problems": merge_problems(checker(draft),
                                                                    item.problems)})
        entry = HistoryEntry(at=now, actor=by, action="imported", new_status="draft",
                             new_text=draft.text)
        stored, created = self.storage.insert(draft, entry)
        if not created or target == "draft":
            return stored, created, ""
        return self._import_target(stored, target, by, posted_url, posted_at, item.error)

    def _import_target(self, item: QueueItem, target: str, by: str, posted_url: str | None,
                       posted_at: datetime | None, error: str | None) -> tuple[
                           QueueItem, bool, str]:
        item_id = item.id or 0
        if item.errors and target in ("approved", "posted"):
            return item, True, f"stored as draft, not {target}: {describe(item.errors)}"
        try:
            if target == "failed":
                item = self.fail(item_id, error or "imported as failed", by=by)
            elif target == "archived":
                item = self.archive(item_id, by=by)
            else:  # an import is a bulk approval: a post that needs a look waits for a person
                item = self.approve(item_id, by=by, needs_look=False)
            if target == "posted":
                item = self.mark_posted(item_id, posted_url, by=by, at=posted_at)
        except AssistantError as exc:  # stored already: report where it stopped, keep it
            current = self.get(item_id)
            return current, True, f"stored as {current.status}, not {target}: {exc}"
        return item, True, ""

    def store_media(self, paths: Sequence[str]) -> Paths:
        """Each image copied into the media store (checked as an image); the stored paths."""
        if not paths:
            return []
        if self.media_store is None:
            raise InputError("this queue has no media store for images; open it with "
                             "open_queue() or pass media_store=")
        return [self.media_store.add_file(p) for p in paths]

    # -- changes -----------------------------------------------------------------
    def edit(self, item_id: int, *, by: str = "user", **changes: Any) -> QueueItem:
        """Change fields; content changes re-check and send an approved item back to draft."""
        unknown = set(changes) - EDITABLE_FIELDS
        if unknown:
            raise InputError(
                f"cannot edit {', '.join(sorted(unknown))}; editable: "
                f"{', '.join(sorted(EDITABLE_FIELDS))}"
            )
        if "platform" in changes:
            validate_platform(changes["platform"])
        if "media" in changes:
            changes["media"] = self.store_media(list(changes["media"] or []))
        when = changes.get("scheduled_at")
        if isinstance(when, datetime) and isinstance(when.tzinfo, ZoneInfo):
            changes["timezone"] = when.tzinfo.key  # a new time in a named zone moves the item there
        return self._update(item_id, lambda item: self._apply_edit(item, changes, by))

    def replace_with_draft(self, item_id: int, draft: Draft, *, by: str = "planner") -> QueueItem:
        """Put a regenerated draft into an existing item (regenerate / retry of a slot)."""
        media = self.store_media([m.path for m in draft.media if m.path])

        def change(item: QueueItem) -> tuple[QueueItem, HistoryEntry | None]:
            check_editable(item)
            fresh = item_from_draft(draft, item.scheduled_at, item.slot_key, media,
                                    item.timezone)
            keep = {"id", "uid", "scheduled_at", "timezone", "slot_key", "created_at", "history"}
            data = {k: getattr(fresh, k) for k in QueueItem.model_fields if k not in keep}
            new = item.model_copy(update={**data, "reviewed": False})
            new = new.model_copy(update={"problems": merge_problems(self.checker(new),
                                                                    draft.problems)})
            return self._stamp(new), self._entry(by, "regenerated", item, new)

        return self._update(item_id, change)

    def approve(self, item_id: int, *, by: str = "user", needs_look: bool = True) -> QueueItem:
        """draft -> approved, only when the checker finds no error; marks it reviewed.

        ``needs_look=False`` (bulk "approve all") refuses items with warnings as well: only
        a person who read such a post may approve it, one by one or by an explicit choice.
        The approve checker may go on the network (every link is requested), so it runs
        before the write transaction, never while the row is locked; inside, only what can
        have changed meanwhile is checked again: the content (its hash) and the status.
        """
        before = self.get(item_id)
        if before.status == "approved":
            return before
        check_transition(before.status, "approved")
        fresh = self.approve_checker(before)
        checked = before.content_hash()

        def change(item: QueueItem) -> tuple[QueueItem, HistoryEntry | None]:
            if item.status == "approved":
                return item, None
            check_transition(item.status, "approved")
            if item.content_hash() != checked:
                raise TransitionError(
                    f"#{item.id} was edited while it was being checked; approve it again "
                    "to check the new version"
                )
            problems = merge_problems(fresh, item.problems)
            refuse_unapprovable(item, problems, needs_look)
            new = self._stamp(item.model_copy(
                update={"status": "approved", "reviewed": True, "problems": problems}))
            return new, self._entry(by, "approved", item, new)

        return self._learn(self._update(item_id, change), "approved")

    def approve_many(self, ids: Iterable[int], *, by: str = "user",
                     include_needs_look: bool = False) -> BulkResult:
        """Approve only ``ready`` items unless ``include_needs_look`` (an explicit choice)."""
        return self._bulk(ids, lambda i: self.approve(i, by=by, needs_look=include_needs_look))

    def archive_many(self, ids: Iterable[int], *, by: str = "user") -> BulkResult:
        return self._bulk(ids, lambda i: self.archive(i, by=by))

    def mark_posted(self, item_id: int, url: str | None = None, *, by: str = "user",
                    at: datetime | None = None) -> QueueItem:
        """approved -> posted, with the live post's URL when known (``at``: when, if not now)."""
        if url is not None and not url.strip():
            url = None
        if url is not None and not url.startswith(("http://", "https://")):
            raise InputError(f"{url!r} is not a link to the live post; use https://...")
        posted = self._move(item_id, "posted", by, "posted", posted_url=url, error=None,
                            posted_at=at or self.clock())
        return self._learn(posted, "posted")

    def archive(self, item_id: int, *, by: str = "user") -> QueueItem:
        return self._move(item_id, "archived", by, "archived")

    def fail(self, item_id: int, error: str, *, by: str = "system") -> QueueItem:
        """draft/approved -> failed with the reason (e.g. generation or delivery failed)."""
        return self._move(item_id, "failed", by, "failed", error=error, note=error)

    def reset(self, item_id: int, *, by: str = "user") -> QueueItem:
        """failed -> draft (re-checked), to edit or retry it."""
        def change(item: QueueItem) -> tuple[QueueItem, HistoryEntry | None]:
            check_transition(item.status, "draft")
            new = item.model_copy(update={"status": "draft", "error": None, "reviewed": False})
            new = self._stamp(new.model_copy(update={"problems": self.checker(new)}))
            return new, self._entry(by, "reset", item, new)

        return self._update(item_id, change)

    def record(self, item_id: int, action: str, note: str | None = None, *,
               by: str = "system", error: str | None = None,
               clear_error: bool = False) -> QueueItem:
        """Write an outcome (e.g. a webhook delivery) to the history; status is unchanged."""
        def change(item: QueueItem) -> tuple[QueueItem, HistoryEntry | None]:
            new = item
            if error is not None or (clear_error and item.error is not None):
                new = self._stamp(item.model_copy(update={"error": error}))
            entry = HistoryEntry(at=self.clock(), actor=by, action=action,
                                 old_status=item.status, new_status=item.status, note=note)
            return new, entry

        return self._update(item_id, change)

    # -- internals ---------------------------------------------------------------
    def _learn(self, item: QueueItem, status: str) -> QueueItem:
        """Tell the learner; a failure to learn is written down, never undoes the move."""
        if self.learner is None:
            return item
        try:
            self.learner(item, status)
        except AssistantError as exc:
            return self.record(item.id or 0, "learn_failed", str(exc))
        return item

    def _update(self, item_id: int, change: Callable[[QueueItem], tuple[QueueItem, Written]]
                ) -> QueueItem:
        item = self.storage.update(item_id, change)
        if item is None:
            raise ItemNotFoundError(f"no queue item #{item_id}; see `postwerk queue list`")
        return item

    def _move(self, item_id: int, target: str, by: str, action: str,
              note: str | None = None, **updates: Any) -> QueueItem:
        def change(item: QueueItem) -> tuple[QueueItem, HistoryEntry | None]:
            check_transition(item.status, target)
            new = self._stamp(item.model_copy(update={"status": target, **updates}))
            return new, self._entry(by, action, item, new, note=note or updates.get("posted_url"))

        return self._update(item_id, change)

    def _apply_edit(self, item: QueueItem, changes: dict[str, Any],
                    by: str) -> tuple[QueueItem, Sequence[HistoryEntry]]:
        check_editable(item)
        try:
            new = QueueItem.model_validate({**item.model_dump(), **changes})
        except ValidationError as exc:
            err = exc.errors()[0]
            raise InputError(f"{'.'.join(map(str, err['loc']))}: {err['msg']}") from None
        changed = sorted(k for k in changes if getattr(new, k) != getattr(item, k))
        if not changed:
            return item, []
        action = "rescheduled" if set(changed) <= {"scheduled_at"} else "edited"
        if CONTENT_FIELDS & set(changed):
            status = "draft" if item.status in ("approved", "failed") else item.status
            new = new.model_copy(update={"status": status, "reviewed": False, "error": None})
            new = new.model_copy(update={"problems": self.checker(new)})
        new = self._stamp(new)
        entry = self._entry(by, action, item, new, note="changed " + ", ".join(changed))
        # the one place where a person's correction of a model's draft is kept
        pair = pair_entry(model_text_of(item.history), item, new, by, entry.at) \
            if "text" in changed else None
        return new, [entry] if pair is None else [entry, pair]

    def _bulk(self, ids: Iterable[int], action: Callable[[int], QueueItem]) -> BulkResult:
        result = BulkResult()
        for item_id in ids:
            try:
                result.done.append(action(item_id))
            except (TransitionError, ItemNotFoundError) as exc:
                result.refused[item_id] = str(exc)
        return result

    def _stamp(self, item: QueueItem) -> QueueItem:
        return item.model_copy(update={"updated_at": self.clock()})

    def _entry(self, by: str, action: str, old: QueueItem, new: QueueItem,
               note: str | None = None) -> HistoryEntry:
        text_changed = old.text != new.text
        return HistoryEntry(
            at=self.clock(), actor=by, action=action, old_status=old.status,
            new_status=new.status, old_text=old.text if text_changed else None,
            new_text=new.text if text_changed else None, note=note,
        )


def open_queue(settings: Settings | None = None, checker: Checker | None = None) -> QueueService:
    """The queue at ``settings.queue_url`` (SQLite in the data dir unless configured).

    Without an explicit ``checker`` every add and edit runs the platform, brand and
    compliance checks (links offline: form, shorteners, UTM); approval also requests the
    links, so a broken link cannot be approved.
    """
    from assistant.review.release import with_client_gate

    settings = settings or get_settings()
    if settings.database_url is None:
        settings.ensure_data_dir()
    approve_checker = None
    if checker is None:
        from assistant.checks import queue_checker

        checker = queue_checker(settings)
        approve_checker = queue_checker(settings, online=True)
    # whatever checks a post, a kit's required client approval is part of approving it
    gated = with_client_gate(approve_checker or checker, settings)
    from assistant.learn import learner_for

    return QueueService(QueueStorage(settings.queue_url), checker, timezone=settings.timezone,
                        approve_checker=gated, media_store=media_store_for(settings.data_dir),
                        learner=learner_for(settings))

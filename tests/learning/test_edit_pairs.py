"""Every person's change of a model's draft is kept in the queue's history, in one place."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.models import Draft
from assistant.queue import QueueItem, QueueService
from assistant.queue.edits import EDIT_PAIR, edit_pairs, model_text_of
from assistant.queue.media_store import MediaStore
from assistant.queue.storage import QueueStorage, reset_caches
from assistant.review.gate import CHANGES_REQUESTED, decision_note

WHEN = datetime(2030, 3, 4, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
MODEL = "Für unsere Kunden: die neue Bohne aus Peru ist da 🎉"


@pytest.fixture()
def queue(tmp_path: Path) -> QueueService:
    service = QueueService(QueueStorage(f"sqlite:///{tmp_path / 'q.db'}"), lambda item: [],
                           media_store=MediaStore(tmp_path / "media"))
    yield service
    reset_caches()


def _draft(text: str = MODEL, **kw: object) -> Draft:
    return Draft(kit_id="kaffee", platform="instagram", text=text, brief="Peru", **kw)  # type: ignore[arg-type]


def _pairs(item: QueueItem) -> list[tuple[str | None, str | None, str]]:
    return [(e.old_text, e.new_text, e.actor) for e in item.history if e.action == EDIT_PAIR]


def test_an_edit_of_a_model_draft_keeps_model_and_final_text(queue: QueueService) -> None:
    item = queue.add_draft(_draft(), WHEN)
    assert _pairs(item) == [] and model_text_of(item.history) == MODEL
    edited = queue.edit(item.id or 0, text="Für unsere Gäste: die neue Bohne aus Peru ist da",
                        by="anna")
    assert _pairs(edited) == [(MODEL, "Für unsere Gäste: die neue Bohne aus Peru ist da", "anna")]
    again = queue.edit(item.id or 0, text="Moin! Für unsere Gäste: Peru ist da", by="ben")
    # the second edit is a correction of the same model text, not of Anna's text
    assert _pairs(again)[-1] == (MODEL, "Moin! Für unsere Gäste: Peru ist da", "ben")
    pair, = edit_pairs([again])
    assert (pair.kit_id, pair.platform, pair.model_text, pair.final_text, pair.by) == (
        "kaffee", "instagram", MODEL, "Moin! Für unsere Gäste: Peru ist da", "ben")


def test_a_compose_edit_before_queueing_is_kept_when_the_item_is_created(
        queue: QueueService) -> None:
    item = queue.add_draft(_draft("Für unsere Gäste: Peru ist da", model_text=MODEL), WHEN,
                           by="compose")
    assert _pairs(item) == [(MODEL, "Für unsere Gäste: Peru ist da", "compose")]
    assert [e.action for e in item.history] == ["created", EDIT_PAIR]


def test_a_persons_own_post_and_a_reschedule_make_no_pair(queue: QueueService) -> None:
    own = queue.add(QueueItem(kit_id="kaffee", platform="x", text="Von Hand", scheduled_at=WHEN))
    assert _pairs(queue.edit(own.id or 0, text="Von Hand, besser")) == []
    item = queue.add_draft(_draft(), WHEN)
    moved = queue.edit(item.id or 0, scheduled_at=WHEN.replace(hour=11))
    assert _pairs(moved) == []


def test_after_a_regeneration_the_new_model_text_is_the_reference(queue: QueueService) -> None:
    item = queue.add_draft(_draft(), WHEN)
    queue.replace_with_draft(item.id or 0, _draft("Neu vom Modell: Peru ist da"))
    edited = queue.edit(item.id or 0, text="Moin! Peru ist da")
    assert _pairs(edited)[-1][:2] == ("Neu vom Modell: Peru ist da", "Moin! Peru ist da")


def test_an_edit_after_a_client_asked_for_changes_keeps_the_comment(queue: QueueService) -> None:
    item = queue.add_draft(_draft(), WHEN)
    request = item.history[-1].model_copy(update={
        "action": CHANGES_REQUESTED, "actor": "Frau Petersen (client)",
        "note": decision_note(item, "Bitte Gäste statt Kunden")})
    queue.storage.add_history(item.id or 0, request)
    edited = queue.edit(item.id or 0, text="Für unsere Gäste: Peru ist da", by="anna")
    entry = [e for e in edited.history if e.action == EDIT_PAIR][-1]
    assert entry.old_text == MODEL and "Bitte Gäste statt Kunden" in (entry.note or "")
    assert edit_pairs([edited])[0].comment == "Bitte Gäste statt Kunden"


def test_the_learner_hears_of_posted_items_and_its_failure_is_recorded(
        queue: QueueService) -> None:
    from assistant.errors import StoreError

    heard: list[tuple[int | None, str]] = []

    def learner(item: QueueItem, status: str) -> None:
        heard.append((item.id, status))
        if status == "posted":
            raise StoreError("store is down")

    queue.learner = learner
    item = queue.add_draft(_draft("Moin! Peru ist da"), WHEN)
    queue.approve(item.id or 0)
    posted = queue.mark_posted(item.id or 0)
    assert heard == [(item.id, "approved"), (item.id, "posted")]
    assert posted.status == "posted" and posted.history[-1].action == "learn_failed"

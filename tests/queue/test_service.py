"""The service's rules (status machine, approval gate, re-checks, history) on every backend."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from assistant.config import load_settings
from assistant.errors import ImageError, InputError, TransitionError, UnknownPlatformError
from assistant.models import Draft, MediaInfo, Problem, Severity, TokenUsage
from assistant.queue import ItemNotFoundError, QueueItem, QueueService, open_queue
from assistant.queue.media_store import MediaStore
from assistant.queue.models import TRANSITIONS
from assistant.queue.service import platform_checker
from assistant.queue.storage import QueueStorage
from tests.queue.conftest import BERLIN

MakeItem = Callable[..., QueueItem]
WHEN = datetime(2030, 3, 4, 9, 0, tzinfo=BERLIN)


def _draft(text: str = "Frischer Kaffee ab 8 Uhr", **kw: object) -> Draft:
    values: dict[str, object] = {"kit_id": "kaffee", "platform": "instagram", "text": text,
                                 "hashtags": ["kaffee"], "status": "ok", "brief": "Röstung",
                                 "usage": TokenUsage(prompt_tokens=10, completion_tokens=5,
                                                     calls=1)}
    values.update(kw)
    return Draft(**values)  # type: ignore[arg-type]


def test_add_draft_is_idempotent_per_slot(service: QueueService) -> None:
    first = service.add_draft(_draft(), WHEN, slot_key="2030-03-04|instagram|0")
    again = service.add_draft(_draft("ganz anders"), WHEN, slot_key="2030-03-04|instagram|0")
    assert again.id == first.id and again.text == first.text
    assert service.get_by_slot("kaffee", "2030-03-04|instagram|0") == again
    assert service.get_by_slot("kaffee", "nope") is None
    assert len(service.list()) == 1
    assert first.status == "draft" and first.brief == "Röstung" and first.usage.calls == 1
    assert first.timezone == "Europe/Berlin" and first.history[0].actor == "planner"


def test_failed_draft_becomes_failed_item_with_error(service: QueueService) -> None:
    item = service.add_draft(_draft("", status="failed", error="LLM timed out"), WHEN,
                             slot_key="s")
    assert item.status == "failed" and item.error == "LLM timed out"
    retried = service.replace_with_draft(item.id or 0, _draft("Jetzt mit Text"))
    assert retried.status == "draft" and retried.error is None
    assert retried.slot_key == "s" and retried.scheduled_at == WHEN
    assert [h.action for h in retried.history] == ["created", "regenerated"]
    assert retried.history[-1].old_status == "failed"


def test_add_draft_needs_an_aware_time_and_a_known_platform(service: QueueService) -> None:
    with pytest.raises(InputError, match="time zone"):
        service.add_draft(_draft(), datetime(2030, 1, 1, 9, 0))
    with pytest.raises(UnknownPlatformError, match="myspace"):
        service.add_draft(_draft(platform="myspace"), WHEN)


def test_only_a_clean_draft_can_be_approved(service: QueueService, make_item: MakeItem) -> None:
    bad = service.add(make_item("This is BAD"))
    assert [p.code for p in bad.problems] == ["bad_word"]
    with pytest.raises(TransitionError, match=r"cannot approve #\d+ \(instagram\): bad_word"):
        service.approve(bad.id or 0)
    assert service.get(bad.id or 0).status == "draft"
    fixed = service.edit(bad.id or 0, text="This is fine, meh")
    assert [p.code for p in fixed.problems] == ["meh"]  # warnings do not block
    approved = service.approve(fixed.id or 0)
    assert approved.status == "approved" and approved.reviewed
    assert service.approve(fixed.id or 0).history == approved.history  # no-op, no new entry


def test_drafting_problems_block_until_the_text_changes(service: QueueService) -> None:
    brand = Problem(code="banned_word", severity=Severity.ERROR, message="'billig' is banned",
                    source="brand")
    item = service.add_draft(_draft("Billig!", problems=[brand]), WHEN)
    assert "banned_word" in [p.code for p in item.problems]
    with pytest.raises(TransitionError, match="banned_word"):
        service.approve(item.id or 0)
    edited = service.edit(item.id or 0, text="Preiswert!")
    assert edited.problems == []
    assert service.approve(item.id or 0).status == "approved"


def test_edit_of_approved_goes_back_to_draft_and_rechecks(service: QueueService,
                                                          make_item: MakeItem) -> None:
    item = service.approve(service.add(make_item()).id or 0)
    moved = service.edit(item.id or 0, scheduled_at=WHEN + timedelta(days=1))
    assert moved.status == "approved"  # a new time is not a new text
    edited = service.edit(item.id or 0, text="Now BAD", by="anna")
    assert edited.status == "draft" and not edited.reviewed
    assert [p.code for p in edited.problems] == ["bad_word"]
    last = edited.history[-1]
    assert (last.actor, last.action, last.old_status, last.new_status) == (
        "anna", "edited", "approved", "draft")
    assert (last.old_text, last.new_text) == ("Frischer Kaffee ab 8 Uhr", "Now BAD")
    assert [h.action for h in edited.history] == ["created", "approved", "rescheduled", "edited"]
    unchanged = service.edit(item.id or 0, text="Now BAD")
    assert unchanged.history == edited.history


def test_edit_rejects_unknown_fields_and_bad_values(service: QueueService,
                                                   make_item: MakeItem) -> None:
    item = service.add(make_item())
    with pytest.raises(InputError, match="cannot edit status"):
        service.edit(item.id or 0, status="posted")
    with pytest.raises(InputError, match="scheduled_at"):
        service.edit(item.id or 0, scheduled_at=datetime(2030, 1, 1))
    with pytest.raises(UnknownPlatformError):
        service.edit(item.id or 0, platform="orkut")


def test_status_machine(service: QueueService, make_item: MakeItem) -> None:
    item = service.add(make_item())
    iid = item.id or 0
    with pytest.raises(TransitionError, match="from draft to posted"):
        service.mark_posted(iid)
    service.fail(iid, "webhook down")
    assert service.get(iid).error == "webhook down"
    with pytest.raises(TransitionError, match="from failed to approved"):
        service.approve(iid)
    assert service.reset(iid).status == "draft"
    service.approve(iid)
    posted = service.mark_posted(iid, "https://instagram.com/p/abc")
    assert posted.status == "posted" and posted.posted_url == "https://instagram.com/p/abc"
    assert posted.posted_at is not None
    with pytest.raises(TransitionError, match="posted and cannot be changed"):
        service.edit(iid, text="later")
    assert service.archive(iid).status == "archived"
    with pytest.raises(TransitionError, match="final"):
        service.archive(iid)
    actions = [(h.action, h.old_status, h.new_status) for h in service.get(iid).history]
    assert actions == [("created", None, "draft"), ("failed", "draft", "failed"),
                       ("reset", "failed", "draft"), ("approved", "draft", "approved"),
                       ("posted", "approved", "posted"), ("archived", "posted", "archived")]


def test_every_status_can_be_archived_and_archived_is_final() -> None:
    assert all("archived" in targets for s, targets in TRANSITIONS.items() if s != "archived")
    assert TRANSITIONS["archived"] == frozenset()


def test_mark_posted_checks_the_url(service: QueueService, make_item: MakeItem) -> None:
    item = service.approve(service.add(make_item()).id or 0)
    with pytest.raises(InputError, match="not a link"):
        service.mark_posted(item.id or 0, "instagram.com/p/1")
    assert service.mark_posted(item.id or 0, "  ").posted_url is None


def test_unknown_id(service: QueueService) -> None:
    for action in (service.get, service.approve, service.archive, service.mark_posted):
        with pytest.raises(ItemNotFoundError, match="no queue item #4711"):
            action(4711)


def test_bulk_actions_report_what_was_refused(service: QueueService, make_item: MakeItem) -> None:
    good = service.add(make_item())
    bad = service.add(make_item("BAD"))
    result = service.approve_many([good.id or 0, bad.id or 0, 999])
    assert [i.id for i in result.done] == [good.id]
    assert set(result.refused) == {bad.id, 999}
    archived = service.archive_many([good.id or 0, bad.id or 0])
    assert len(archived.done) == 2


def test_list_and_upcoming(service: QueueService, make_item: MakeItem) -> None:
    late = service.add(make_item(scheduled_at=WHEN + timedelta(days=2)))
    early = service.add(make_item(scheduled_at=WHEN))
    service.add(make_item(platform="x"))
    for item in (late, early):
        service.approve(item.id or 0)
    assert [i.id for i in service.upcoming()] == [early.id, late.id]
    assert len(service.list(platform=["x", "instagram"])) == 3
    assert len(service.list(status=["approved"], platform="instagram")) == 2
    with pytest.raises(InputError, match="time zone"):
        service.list(start=datetime(2030, 1, 1))


def test_open_queue_uses_the_data_dir(tmp_path: Path) -> None:
    queue = open_queue(load_settings(data_dir=tmp_path / "d"))
    assert (tmp_path / "d" / "postwerk.db").exists()
    assert queue.checker is not platform_checker  # platform + brand + compliance


def test_open_queue_checks_brand_and_law_too(tmp_path: Path) -> None:
    from tests.conftest import ROOT

    queue = open_queue(load_settings(data_dir=tmp_path / "d", kits_dir=ROOT / "brand_kits"))
    item = QueueItem(kit_id="kaffeekontor-hamburg", platform="facebook", language="de",
                     text="Premium-Kaffee für Sie, jetzt bei uns.", sponsored=True,
                     scheduled_at=datetime(2030, 1, 7, 9, tzinfo=UTC))
    codes = {p.code for p in queue.checker(item)}
    assert {"banned_word", "wrong_formality", "ad_label_missing"} <= codes


# -- the default checker: the real platform rules ------------------------------------------
def _jpeg(path: Path, size: tuple[int, int] = (1080, 1350)) -> str:
    Image.new("RGB", size, (120, 80, 40)).save(path, "JPEG", quality=85)
    return str(path)


def test_default_checker_measures_the_composed_text(tmp_path: Path) -> None:
    queue = QueueService(QueueStorage(f"sqlite:///{tmp_path / 'q.db'}"))
    long_text = "Kaffee " * 40  # 280 characters before the hashtags are appended
    item = queue.add_draft(_draft(long_text.strip(), platform="x", hashtags=["kaffee"]), WHEN)
    assert "too_long" in [p.code for p in item.problems]
    with pytest.raises(TransitionError, match="too_long"):
        queue.approve(item.id or 0)
    ok = queue.edit(item.id or 0, text="Kurz und gut")
    assert queue.approve(ok.id or 0).status == "approved"


def test_default_checker_reads_the_images(tmp_path: Path) -> None:
    store = MediaStore(tmp_path / "store")
    queue = QueueService(QueueStorage(f"sqlite:///{tmp_path / 'q.db'}"), media_store=store)
    photo = _jpeg(tmp_path / "cup.jpg")
    info = MediaInfo(format="JPEG", bytes=1, width=1080, height=1350, path=photo)
    item = queue.add_draft(_draft(media=[info]), WHEN)
    # the image was copied into the media store, named by its content
    [stored] = item.media
    assert store.resolve(stored) is not None and Path(stored).read_bytes() == Path(
        photo).read_bytes() and item.problems == []
    with pytest.raises(ImageError, match="gone.jpg not found"):
        queue.edit(item.id or 0, media=[str(tmp_path / "gone.jpg")])
    assert queue.get(item.id or 0).media == [stored]  # a refused edit changes nothing
    Path(stored).unlink()  # a store file lost later is still found by the checker
    gone = queue.edit(item.id or 0, text="Neu")
    assert [p.code for p in gone.problems] == ["media_missing"]
    too_many = queue.edit(item.id or 0, media=[photo] * 21)
    assert "too_many_media" in [p.code for p in too_many.problems]

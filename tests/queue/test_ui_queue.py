"""The Queue page with AppTest on a tmp database (POSTWERK_DATA_DIR) and a copied example kit."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from assistant.config import get_settings
from assistant.queue import QueueItem, QueueService, open_queue
from assistant.queue.exports import to_csv
from assistant.ui.queue import _bounds, calendar_grid
from assistant.ui.widgets import STATE_ICONS
from tests.queue.conftest import BERLIN
from tests.queue.webhook_server import WebhookServer

ROOT = Path(__file__).resolve().parents[2]
KIT = "kaffeekontor-hamburg"


@pytest.fixture(autouse=True)
def kits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "brand_kits" / KIT, tmp_path / "kits" / KIT)
    monkeypatch.setenv("POSTWERK_KITS_DIR", str(tmp_path / "kits"))
    get_settings.cache_clear()


def page() -> AppTest:
    return AppTest.from_string("from assistant.ui import queue\nqueue.render()",
                               default_timeout=60)


def _soon(hours: int) -> datetime:
    return datetime.now(BERLIN).replace(microsecond=0) + timedelta(hours=hours)


@pytest.fixture()
def queue(tmp_path: Path) -> QueueService:
    photo = tmp_path / "cup.jpg"
    Image.new("RGB", (1080, 1350), (110, 70, 40)).save(photo, "JPEG")
    q = open_queue()
    ready = q.add(QueueItem(kit_id=KIT, platform="instagram", text="Frisch geröstet: Elbe ☕",
                            hashtags=["kaffee", "hamburg"], first_comment="Mehr im Profil",
                            alt_text="Tasse", media=[str(photo)], scheduled_at=_soon(2)))
    q.approve(ready.id or 0)
    q.add(QueueItem(kit_id=KIT, platform="linkedin", text="Wir suchen Verstärkung",
                    scheduled_at=_soon(26)))
    q.add(QueueItem(kit_id=KIT, platform="mastodon", text="", scheduled_at=_soon(30)))
    return q


def test_empty_queue(tmp_path: Path) -> None:
    at = page().run()
    assert not at.exception
    assert any("Nothing approved is waiting" in i.value for i in at.info)
    # the example kit has channels and nothing is planned: the guard says so per channel
    assert sum("nothing posted and nothing scheduled" in w.value for w in at.warning) == 5


def test_today_view_copy_download_open(queue: QueueService) -> None:
    at = page().run()
    assert not at.exception
    codes = [c.value for c in at.code]
    assert "Frisch geröstet: Elbe ☕\n\n#kaffee #hamburg" in codes
    assert "#kaffee #hamburg" in codes and "Mehr im Profil" in codes
    # the image comes from the media store, offered under the ZIP export's safe name
    assert any(re.fullmatch(r"Download \d+-instagram-frisch-geroestet-elbe-1\.jpg", b.label)
               for b in at.download_button)
    links = [(b.label, b.proto.url) for b in at.link_button]
    assert ("Open Instagram", "https://www.instagram.com/") in links
    assert not [b for b in at.button if b.label == "Send to webhook"]  # no webhook configured


def test_mark_as_posted_with_url(queue: QueueService) -> None:
    [ready] = queue.upcoming()
    at = page().run()
    at.text_input(key=f"url_{ready.id}").set_value("https://instagram.com/p/abc")
    at.button(key=f"posted_{ready.id}").click().run()
    assert not at.exception
    item = queue.get(ready.id or 0)
    assert item.status == "posted" and item.posted_url == "https://instagram.com/p/abc"
    assert any("marked as posted" in s.value for s in at.success)


def test_mark_as_posted_with_bad_url_shows_the_error(queue: QueueService) -> None:
    [ready] = queue.upcoming()
    at = page().run()
    at.text_input(key=f"url_{ready.id}").set_value("not a url")
    at.button(key=f"posted_{ready.id}").click().run()
    assert any("not a link to the live post" in e.value for e in at.error)
    assert queue.get(ready.id or 0).status == "approved"


def _button(at: AppTest, label: str) -> object:
    return next(b for b in at.button if b.label.startswith(label))


def test_bulk_approve_and_archive(queue: QueueService) -> None:
    drafts = queue.list(status="draft")
    at = page().run()
    at.multiselect(key="queue_selected").set_value([d.id for d in drafts]).run()
    _button(at, "Approve selected").click().run()  # type: ignore[attr-defined]
    assert not at.exception
    # the LinkedIn post lacks the brand's hashtag: it needs a look, never approved in bulk
    assert queue.list(platform="linkedin")[0].state == "needs_look"
    assert any("needs a look" in w.value for w in at.warning)
    assert [i.status for i in queue.list(platform="linkedin")] == ["draft"]
    at.multiselect(key="queue_selected").set_value([d.id for d in drafts]).run()
    at.checkbox(key="queue_include_needs_look").check().run()
    _button(at, "Approve selected").click().run()  # type: ignore[attr-defined]
    assert any("Approved 1 post(s)" in s.value for s in at.success)
    assert any("cannot approve" in w.value and "empty" in w.value for w in at.warning)
    assert [i.status for i in queue.list(platform="linkedin")] == ["approved"]
    empty = queue.list(platform="mastodon")[0]
    at.multiselect(key="queue_selected").set_value([empty.id]).run()
    _button(at, "Archive selected").click().run()  # type: ignore[attr-defined]
    assert queue.get(empty.id or 0).status == "archived"


def test_filters_and_calendar(queue: QueueService) -> None:
    at = page().run()
    at.multiselect(key="queue_platforms").set_value(["linkedin"]).run()
    assert not at.exception
    assert any(t.label.startswith("List (1)") for t in at.tabs)
    at.multiselect(key="queue_platforms").set_value([]).run()
    at.multiselect(key="queue_status").set_value(["approved"]).run()
    assert any(t.label.startswith("List (1)") for t in at.tabs)
    grid = at.dataframe[1].value  # the calendar: days x channels
    assert "Instagram" in grid.columns and len(grid) == 14
    at.multiselect(key="queue_status").set_value([]).run()
    today = datetime.now(BERLIN).date()
    at.date_input(key="queue_dates").set_value((today, today + timedelta(days=3))).run()
    assert any(t.label.startswith("List (3)") for t in at.tabs)
    assert len(at.dataframe[1].value) == 4  # the calendar follows the picked range
    at.date_input(key="queue_dates").set_value((date(2020, 1, 1), date(2020, 1, 2))).run()
    assert any(t.label.startswith("List (0)") for t in at.tabs)


def test_calendar_shows_the_state_of_drafts(queue: QueueService) -> None:
    items = queue.list()
    days = (items[-1].local_time.date() - items[0].local_time.date()).days + 1
    cells = " ".join(v for row in calendar_grid(items, items[0].local_time.date(), days)
                     for v in row.values())
    assert "✅ Frisch" in cells  # approved: no state shown, a person decided
    linkedin = next(i for i in items if i.platform == "linkedin")
    assert f"📝{STATE_ICONS[linkedin.state]} Wir suchen" in cells


def test_date_bounds_are_whole_days_in_the_zone() -> None:
    start, end = _bounds((date(2030, 3, 30), date(2030, 3, 31)), get_settings())
    assert start == datetime(2030, 3, 30, 0, 0, tzinfo=BERLIN)
    assert end == datetime(2030, 4, 1, 0, 0, tzinfo=BERLIN)
    assert _bounds((), get_settings()) == (None, None)


def test_cadence_warnings_and_table(queue: QueueService) -> None:
    at = page().run()
    # instagram has an approved post soon; the other four channels have nothing approved or
    # posted, or only drafts
    warnings = [w.value for w in at.warning]
    assert not any(w.startswith("instagram") for w in warnings)
    assert any(w.startswith("facebook") for w in warnings)


def test_export_buttons_and_csv_import(queue: QueueService) -> None:
    at = page().run()
    assert any(b.label.startswith("Download CSV") for b in at.download_button)
    data = to_csv(queue.list()).replace(queue.list()[0].uid, "f" * 32).encode()
    bad = b"kit_id,platform,text\nk,x,hi\n"
    at.file_uploader(key="queue_upload").set_value(("bad.csv", bad, "text/csv")).run()
    at.button(key="queue_import").click().run()
    assert any("misses the column(s) scheduled_at" in e.value for e in at.error)
    at.file_uploader(key="queue_upload").set_value(("q.csv", data, "text/csv")).run()
    at.button(key="queue_import").click().run()
    assert not at.exception
    # the approved row needs a look (no brand hashtag): an import keeps it a draft, noted
    assert any("q.csv: imported 1, skipped 2, refused 0" in s.value
               for s in [*at.success, *at.warning])
    assert len(queue.list()) == 4  # one new uid, two already there
    rows = at.dataframe[-1].value  # the import report, last on the page
    assert list(rows["outcome"]) == ["imported", "skipped", "skipped"]
    assert "needs a look" in list(rows["why"])[0]


@pytest.fixture()
def webhook(monkeypatch: pytest.MonkeyPatch) -> Iterator[WebhookServer]:
    server = WebhookServer().start()
    monkeypatch.setenv("POSTWERK_WEBHOOK_URL", server.url)
    monkeypatch.setenv("POSTWERK_WEBHOOK_SECRET", "ui-secret")
    yield server
    server.stop()


def test_send_to_webhook(queue: QueueService, webhook: WebhookServer) -> None:
    [ready] = queue.upcoming()
    at = page().run()
    at.button(key=f"send_{ready.id}").click().run()
    assert not at.exception
    assert any("sent: HTTP 200" in s.value for s in at.success)
    assert len(webhook.received) == 1
    assert queue.get(ready.id or 0).history[-1].action == "webhook_sent"


def test_zip_import_with_images_and_a_refused_row(queue: QueueService, tmp_path: Path) -> None:
    import io
    import zipfile

    from assistant.queue.exports import CSV_COLUMNS, export

    exported = zipfile.ZipFile(io.BytesIO(export(queue.list(), "zip", store=queue.media_store)))
    [image] = [n for n in exported.namelist() if n.startswith("images/")]
    uid = queue.list()[0].uid
    table = exported.read("queue.csv").decode().replace(uid, "e" * 32)
    extra = {"kit_id": KIT, "platform": "instagram", "text": "Ohne Bild",
             "scheduled_at": "2030-01-01 09:00", "media": "images/not-there.jpg"}
    table += ",".join(extra.get(c, "") for c in CSV_COLUMNS) + "\r\n"
    upload = io.BytesIO()
    with zipfile.ZipFile(upload, "w") as zf:
        zf.writestr("queue.csv", table)
        zf.writestr(image, exported.read(image))
    at = page().run()
    at.file_uploader(key="queue_upload").set_value(("q.zip", upload.getvalue(),
                                                    "application/zip")).run()
    at.button(key="queue_import").click().run()
    assert not at.exception
    assert any("q.zip: imported 1, skipped 2, refused 1" in w.value for w in at.warning)
    reasons = list(at.dataframe[-1].value["why"])
    assert "images/not-there.jpg is not in the ZIP" in reasons[-1]
    new = next(i for i in queue.list() if i.uid == "e" * 32)
    assert queue.media_store is not None and queue.media_store.resolve(new.media[0])


def test_edit_shows_the_findings_and_mends_the_first_comment() -> None:
    """A first comment is checked like the post: its findings show where the post is
    edited, and the comment can be changed there (or emptied)."""
    q = open_queue()
    item = q.add(QueueItem(kit_id=KIT, platform="facebook", hashtags=["Möwenbohne"],
                           text="Röstkurs am 12. Dezember um 18 Uhr: melde dich im Laden an.",
                           first_comment="Melden Sie sich an: [Link zur Anmeldung]",
                           scheduled_at=_soon(3)))
    assert item.state == "problems"
    at = page().run()
    at.selectbox(key="queue_edit_id").select(item.id).run()
    shown = " ".join(e.value for e in at.error)
    assert "first comment: " in shown and "[Link zur Anmeldung]" in shown
    at.text_area(key=f"queue_edit_comment_{item.id}").input("Bis bald im Kontor!").run()
    at.button(key="queue_edit_save").click().run()
    assert not at.exception
    saved = open_queue().get(item.id or 0)
    assert saved.first_comment == "Bis bald im Kontor!" and saved.state == "ready"
    at.text_area(key=f"queue_edit_comment_{item.id}").input("").run()
    at.button(key="queue_edit_save").click().run()
    assert open_queue().get(item.id or 0).first_comment is None

"""Exports (CSV, Buffer CSV, ICS, JSON, ZIP) and the import back into a fresh queue."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from PIL import Image

from assistant.errors import InputError
from assistant.queue import QueueItem, QueueService
from assistant.queue.exports import (
    BUFFER_COLUMNS,
    CSV_COLUMNS,
    export,
    to_buffer_csv,
    to_csv,
    to_ics,
    to_json,
    to_zip,
)
from assistant.queue.importer import CSVImportError, parse_csv
from assistant.queue.importing import import_upload
from assistant.queue.media_store import MediaStore
from assistant.queue.storage import QueueStorage
from tests.queue.conftest import BERLIN, word_checker

WHEN = datetime(2030, 3, 30, 8, 30, tzinfo=BERLIN)  # the day before the DST change


def _queue(tmp_path: Path, name: str, media: str = "media") -> QueueService:
    return QueueService(QueueStorage(f"sqlite:///{tmp_path / name}"), word_checker,
                        media_store=MediaStore(tmp_path / media))


def _jpeg(path: Path) -> str:
    Image.new("RGB", (64, 48), (200, 100, 50)).save(path, "JPEG")
    return str(path)


@pytest.fixture()
def filled(tmp_path: Path) -> tuple[QueueService, list[QueueItem]]:
    queue = _queue(tmp_path, "source.db")
    photo = _jpeg(tmp_path / "cup.jpg")
    a = queue.add(QueueItem(
        kit_id="kaffee", platform="instagram", text="Neue Röstung: \"Elbe\", mit Komma, und\n"
        "zweiter Zeile ☕", hashtags=["kaffee", "Hamburg"], first_comment="Link im Profil",
        alt_text="Tasse auf Holz", media=[photo], scheduled_at=WHEN, language="de",
        slot_key="2030-03-30|instagram|0"))
    queue.add(QueueItem(
        kit_id="kaffee", platform="linkedin", text="Wir stellen ein", link="https://example.com/j",
        scheduled_at=WHEN + timedelta(days=1), sponsored=True))
    c = queue.add(QueueItem(kit_id="kaffee", platform="x", text="Posted already",
                            scheduled_at=datetime(2030, 3, 29, 18, 0, tzinfo=BERLIN)))
    queue.approve(a.id or 0)
    queue.approve(c.id or 0)
    queue.mark_posted(c.id or 0, "https://x.com/k/status/1")
    return queue, queue.list()


def test_generic_csv_has_every_column(filled: tuple[QueueService, list[QueueItem]]) -> None:
    _queue_, items = filled
    rows = list(csv.DictReader(io.StringIO(to_csv(items))))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 3
    insta = next(r for r in rows if r["platform"] == "instagram")
    assert insta["scheduled_at"] == "2030-03-30T08:30:00+01:00"
    assert insta["hashtags"] == "#kaffee #Hamburg" and insta["reviewed"] == "true"
    assert "zweiter Zeile" in insta["text"] and insta["status"] == "approved"


def test_csv_round_trip_into_a_fresh_queue(
    tmp_path: Path, filled: tuple[QueueService, list[QueueItem]]
) -> None:
    _source, items = filled
    data = export(items, "csv")  # bytes with a BOM, as a user downloads it
    elsewhere = import_upload(_queue(tmp_path, "other.db", "other-media"), data, "queue.csv")
    # another installation's media store does not have the image: that row needs the ZIP
    assert [r.outcome for r in elsewhere.rows] == ["imported", "refused", "imported"]
    assert "upload a ZIP" in elsewhere.rows[1].reason
    fresh = _queue(tmp_path, "fresh.db")  # same data dir, new database
    report = import_upload(fresh, data, "queue.csv")
    imported = [fresh.get(r.item_id or 0) for r in report.rows]
    assert [r.outcome for r in report.rows] == ["imported"] * 3
    keys = ("uid", "kit_id", "platform", "text", "hashtags", "first_comment", "alt_text", "link",
            "media", "language", "sponsored", "scheduled_at", "timezone", "status", "slot_key",
            "reviewed", "posted_url", "posted_at", "brief")
    assert [{k: getattr(i, k) for k in keys} for i in fresh.list()] == [
        {k: getattr(i, k) for k in keys} for i in items]
    assert len(imported) == 3
    # importing the same file again adds nothing (uids and slots are already there)
    again = import_upload(fresh, data, "queue.csv")
    assert [r.outcome for r in again.rows] == ["skipped"] * 3
    assert len(fresh.list()) == 3
    assert fresh.get(imported[0].id or 0).history[0].action == "imported"


@pytest.mark.parametrize(
    ("csv_text", "message"),
    [
        ("kit_id,platform,text\nk,x,hi\n", "misses the column(s) scheduled_at"),
        ("", "is empty"),
    ],
)
def test_a_file_without_the_needed_columns_is_refused(tmp_path: Path, csv_text: str,
                                                       message: str) -> None:
    queue = _queue(tmp_path, "q.db")
    with pytest.raises(CSVImportError, match=re.escape(message)) as caught:
        import_upload(queue, csv_text.encode(), "bad.csv")
    assert "\n" not in str(caught.value)
    assert queue.list() == []


def test_csv_that_is_not_utf8(tmp_path: Path) -> None:
    data = "kit_id,platform,text,scheduled_at\nk,x,Grüße,2030-01-01 09:00\n".encode("cp1252")
    with pytest.raises(CSVImportError, match="not UTF-8"):
        parse_csv(data)


def test_import_reads_local_times_and_friendly_hashtags() -> None:
    [row] = parse_csv("kit_id,platform,text,scheduled_at,hashtags\n"
                      "kaffee,bluesky,hi,2030-07-01 09:00,\"kaffee, #tee  hamburg\"\n").rows
    item = row.item
    assert item is not None
    assert item.local_time.hour == 9 and item.timezone == "Europe/Berlin"
    assert item.scheduled_at.utcoffset() == timedelta(hours=2)
    assert item.hashtags == ["kaffee", "tee", "hamburg"] and row.target == "draft"


def test_buffer_csv(filled: tuple[QueueService, list[QueueItem]]) -> None:
    _q, items = filled
    rows = list(csv.DictReader(io.StringIO(to_buffer_csv(items))))
    assert tuple(rows[0]) == BUFFER_COLUMNS
    insta = rows[1]
    assert insta["Posting Time"] == "2030-03-30 08:30"
    assert insta["Text"].endswith("#kaffee #Hamburg") and insta["Image URL"] == ""
    hosted = to_buffer_csv(items, image_base_url="https://cdn.example.com/img/")
    # the stored file's own (content-addressed) name, as it lies in the media store
    assert f"https://cdn.example.com/img/{Path(items[1].media[0]).name}" in hosted


def test_ics_opens_in_a_calendar_library(filled: tuple[QueueService, list[QueueItem]]) -> None:
    _q, items = filled
    data = to_ics(items)
    cal = Calendar.from_ical(data)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 3
    insta = next(e for e in events if "Instagram" in str(e["SUMMARY"]))
    start = insta.decoded("DTSTART")
    assert start == WHEN and str(start.tzinfo) == "Europe/Berlin"
    assert insta["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert "#kaffee #Hamburg" in str(insta["DESCRIPTION"])
    assert "zweiter Zeile" in str(insta["DESCRIPTION"])
    assert str(insta["SUMMARY"]).startswith("Instagram: Neue Röstung")
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    # stable UIDs: a second export names the same events
    again = Calendar.from_ical(to_ics(items))
    assert sorted(str(e["UID"]) for e in again.walk("VEVENT")) == sorted(
        str(e["UID"]) for e in events)


def test_json_export(filled: tuple[QueueService, list[QueueItem]]) -> None:
    _q, items = filled
    doc = json.loads(to_json(items))
    assert doc["count"] == 3 and doc["items"][0]["platform"] == "x"
    assert QueueItem.model_validate(doc["items"][1]) == items[1]


def test_zip_has_the_csv_and_the_images(tmp_path: Path,
                                        filled: tuple[QueueService, list[QueueItem]]) -> None:
    queue, items = filled
    store = queue.media_store
    assert store is not None
    with zipfile.ZipFile(io.BytesIO(to_zip(items, store=store))) as zf:
        names = zf.namelist()
        rows = list(csv.DictReader(io.StringIO(zf.read("queue.csv").decode())))
        image_names = [n for n in names if n.startswith("images/")]
        assert image_names == [f"images/{items[1].id}-instagram-neue-roestung-elbe-mit-komma-1.jpg"]
        assert zf.read(image_names[0]) == (tmp_path / "cup.jpg").read_bytes()
    assert rows[1]["media"] == image_names[0]
    assert "missing-images.txt" not in names
    Path(items[1].media[0]).unlink()
    with zipfile.ZipFile(io.BytesIO(to_zip(items, store=store))) as zf:
        assert zf.read("missing-images.txt").decode().strip() == (
            f"#{items[1].id} {items[1].media[0]}")


def test_zip_round_trip_brings_the_images_into_the_new_store(
    tmp_path: Path, filled: tuple[QueueService, list[QueueItem]]
) -> None:
    queue, items = filled
    fresh = _queue(tmp_path, "fresh.db", "fresh-media")
    report = import_upload(fresh, export(items, "zip", store=queue.media_store), "q.zip")
    assert [r.outcome for r in report.rows] == ["imported"] * 3, report.rows
    [insta] = fresh.list(platform="instagram")
    [stored] = insta.media
    assert fresh.media_store is not None and fresh.media_store.resolve(stored) is not None
    assert Path(stored).read_bytes() == (tmp_path / "cup.jpg").read_bytes()


def test_unknown_format() -> None:
    with pytest.raises(InputError, match="use one of csv, buffer, ics, json, zip"):
        export([], "pdf")

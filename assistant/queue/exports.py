"""Exports of queue items (pure: items in, text or bytes out).

- generic CSV: every useful field, the format ``importer.parse_csv`` reads back (``state``
  is derived from the problems and computed again on import);
- Buffer bulk-upload CSV: the columns "Text", "Image URL", "Tags", "Posting Time" (Buffer's
  bulk upload template as commonly documented; Buffer needs public image URLs, so only media
  that already are http(s) URLs, or files under ``image_base_url``, fill "Image URL");
- ICS (``icalendar``): one VEVENT per item at its local time in its zone, stable UID;
- JSON: the items as the API models them;
- ZIP: the generic CSV plus the images that lie in the media store (read through the store,
  the one I/O hook); entry names are built from the item id, platform, a slug and an index.

CSV cells that begin with = + - @ tab or CR are prefixed with a single quote (OWASP advice
against formula injection, ``csvcells``); the importer removes exactly that quote again.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import Protocol

from icalendar import Calendar, Event

from assistant.models import STATE_LABELS
from assistant.queue.csvcells import escape_cell
from assistant.queue.models import QueueItem

CSV_COLUMNS: tuple[str, ...] = (
    "id", "uid", "kit_id", "platform", "status", "state", "scheduled_at", "timezone", "text",
    "hashtags", "first_comment", "alt_text", "link", "media", "language", "sponsored",
    "slot_key", "reviewed", "posted_url", "posted_at", "error", "brief", "problems",
    "created_at", "updated_at",
)
BUFFER_COLUMNS: tuple[str, ...] = ("Text", "Image URL", "Tags", "Posting Time")
FORMATS: tuple[str, ...] = ("csv", "buffer", "ics", "json", "zip")


def _iso(value: datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def csv_row(item: QueueItem) -> dict[str, str]:
    """One item as CSV cells: times in the item's zone with offset, lists space/line joined."""
    return {
        "id": str(item.id or ""), "uid": item.uid, "kit_id": item.kit_id,
        "platform": item.platform, "status": item.status, "state": item.state,
        "scheduled_at": item.local_time.isoformat(), "timezone": item.timezone,
        "text": item.text, "hashtags": " ".join(f"#{t}" for t in item.hashtags),
        "first_comment": item.first_comment or "", "alt_text": item.alt_text or "",
        "link": item.link or "", "media": "\n".join(item.media), "language": item.language or "",
        "sponsored": _bool(item.sponsored), "slot_key": item.slot_key or "",
        "reviewed": _bool(item.reviewed), "posted_url": item.posted_url or "",
        "posted_at": _iso(item.posted_at), "error": item.error or "", "brief": item.brief,
        "problems": "; ".join(f"{p.severity}:{p.code}" for p in item.problems),
        "created_at": _iso(item.created_at), "updated_at": _iso(item.updated_at),
    }


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _write_csv(columns: Sequence[str], rows: Sequence[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: escape_cell(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def to_csv(items: Sequence[QueueItem]) -> str:
    return _write_csv(CSV_COLUMNS, [csv_row(i) for i in items])


def to_buffer_csv(items: Sequence[QueueItem], *, image_base_url: str | None = None) -> str:
    """Buffer's bulk upload: the posted text, one image URL, tags, local posting time."""
    rows = [
        {
            "Text": item.full_text,
            "Image URL": _public_image(item.media, image_base_url),
            "Tags": ",".join([item.kit_id, item.platform]),
            "Posting Time": item.local_time.strftime("%Y-%m-%d %H:%M"),
        }
        for item in items
    ]
    return _write_csv(BUFFER_COLUMNS, rows)


def _public_image(media: Sequence[str], base_url: str | None) -> str:
    for path in media:
        if path.startswith(("http://", "https://")):
            return path
        if base_url:
            return f"{base_url.rstrip('/')}/{Path(path).name}"
    return ""


def to_json(items: Sequence[QueueItem]) -> str:
    data = [i.model_dump(mode="json") for i in items]
    return json.dumps({"items": data, "count": len(data)}, ensure_ascii=False, indent=2)


def summary(item: QueueItem, words: int = 8) -> str:
    """Platform name plus the first words: a calendar event's title."""
    from assistant.errors import UnknownPlatformError
    from assistant.platforms import get_platform

    try:
        name = get_platform(item.platform).name
    except UnknownPlatformError:
        name = item.platform
    head = " ".join(item.text.split()[:words])
    if len(item.text.split()) > words:
        head += " …"
    return f"{name}: {head}" if head else name


def to_ics(items: Sequence[QueueItem], *, name: str = "Postwerk queue") -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Postwerk//Queue//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for item in items:
        cal.add_component(_event(item))
    cal.add_missing_timezones()  # VTIMEZONE blocks for every TZID used
    return cal.to_ical()


_ICS_STATUS = {"draft": "TENTATIVE", "approved": "CONFIRMED", "posted": "CONFIRMED",
               "failed": "CANCELLED", "archived": "CANCELLED"}


def _event(item: QueueItem) -> Event:
    start = item.local_time
    ev = Event()
    ev.add("uid", f"{item.uid}@postwerk")
    ev.add("dtstamp", (item.updated_at or datetime.now(UTC)).astimezone(UTC))
    ev.add("dtstart", start)
    ev.add("dtend", start + timedelta(minutes=15))
    ev.add("summary", summary(item))
    ev.add("description", _description(item))
    ev.add("categories", [item.kit_id, item.platform])
    ev.add("status", _ICS_STATUS[item.status])
    if item.posted_url:
        ev.add("url", item.posted_url)
    return ev


def _description(item: QueueItem) -> str:
    parts = [item.full_text]
    if item.first_comment:
        parts.append(f"First comment: {item.first_comment}")
    if item.alt_text:
        parts.append(f"Alt text: {item.alt_text}")
    parts.append(f"Status: {item.status} ({STATE_LABELS[item.state]})")
    return "\n\n".join(parts)


class MediaReader(Protocol):
    """What ``to_zip`` needs of the media store: a path inside it, or None."""

    def resolve(self, path: str) -> Path | None: ...


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def entry_name(item: QueueItem, index: int, path: str) -> str:
    """``images/<id>-<platform>-<slug>-<n>.<ext>``: only safe characters, never a folder."""
    words = " ".join(item.text.lower().split()[:5]).translate(_UMLAUTS)
    slug = re.sub(r"[^a-z0-9]+", "-", words)[:40].strip("-")
    platform = re.sub(r"[^a-z0-9_]+", "", item.platform.lower())[:20] or "post"
    ext = re.sub(r"[^a-z0-9]+", "", PurePosixPath(path).suffix.lower())[:5] or "bin"
    name = "-".join(part for part in (str(item.id or 0), platform, slug, str(index)) if part)
    return f"images/{name}.{ext}"


def to_zip(items: Sequence[QueueItem], *, store: MediaReader) -> bytes:
    """queue.csv (media pointing into images/) plus the images that are in the media store.

    Anything else an item names (a file outside the store, an old absolute path, a
    missing file) is not read; it is listed in missing-images.txt.
    """
    buf = io.BytesIO()
    missing: list[str] = []
    rows = []
    used: set[str] = set()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for item in items:
            inside = []
            for n, path in enumerate(item.media, start=1):
                real = store.resolve(path)
                arcname = _unique(entry_name(item, n, str(real or path)), used)
                try:
                    if real is None:
                        raise FileNotFoundError(path)
                    zf.writestr(arcname, real.read_bytes())
                    inside.append(arcname)
                except OSError:
                    missing.append(f"#{item.id} {path}")
            rows.append({**csv_row(item), "media": "\n".join(inside)})
        zf.writestr("queue.csv", _write_csv(CSV_COLUMNS, rows))
        if missing:
            zf.writestr("missing-images.txt", "\n".join(missing) + "\n")
    return buf.getvalue()


def _unique(name: str, used: set[str]) -> str:
    """``name`` or ``name`` with a counter (items not yet stored share the id 0)."""
    stem, dot, ext = name.rpartition(".")
    candidate, count = name, 1
    while candidate in used:
        count += 1
        candidate = f"{stem}-{count}{dot}{ext}"
    used.add(candidate)
    return candidate


def export(items: Sequence[QueueItem], fmt: str, *, store: MediaReader | None = None) -> bytes:
    """Any format by name, as bytes (CSV with a BOM so that Excel reads UTF-8).

    ``zip`` needs the media store (the only place images are read from). An approved post
    that may not leave yet (its kit waits for the client's OK) is exported as a draft.
    """
    from assistant.review.release import held_back

    items = held_back(items)
    if fmt == "csv":
        return ("\ufeff" + to_csv(items)).encode()
    if fmt == "buffer":
        return to_buffer_csv(items).encode()
    if fmt == "ics":
        return to_ics(items)
    if fmt == "json":
        return to_json(items).encode()
    from assistant.errors import InputError

    if fmt == "zip":
        if store is None:
            raise InputError("a ZIP export needs the queue's media store; use open_queue()")
        return to_zip(items, store=store)

    raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


MIME = {"csv": "text/csv", "buffer": "text/csv", "ics": "text/calendar",
        "json": "application/json", "zip": "application/zip"}
EXTENSION = {"csv": "csv", "buffer": "csv", "ics": "ics", "json": "json", "zip": "zip"}

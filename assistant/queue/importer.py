"""CSV import (pure): the generic export's format back into queue items.

All rows are read and checked first; one bad row means nothing is imported, and the error
names the row, the column and what a good value looks like.
Required columns: kit_id, platform, text, scheduled_at. Every other export column is optional.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import ValidationError

from assistant.errors import InputError
from assistant.queue.models import STATUSES, QueueItem

REQUIRED = ("kit_id", "platform", "text", "scheduled_at")
MAX_ERRORS_SHOWN = 3
_TRUE = {"true", "1", "yes", "ja", "y"}
_FALSE = {"false", "0", "no", "nein", "n", ""}


class CSVImportError(InputError):
    """The CSV cannot be imported; nothing was stored."""


def parse_csv(data: str | bytes, *, default_zone: str = "Europe/Berlin",
              name: str = "the CSV") -> list[QueueItem]:
    text = _decode(data, name)
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lstrip("\ufeff") for h in (reader.fieldnames or [])]
    if not header:
        raise CSVImportError(f"{name} is empty; export one with `postwerk queue export`")
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise CSVImportError(
            f"{name} misses the column(s) {', '.join(missing)}; "
            f"it needs {', '.join(REQUIRED)} (as `postwerk queue export --format csv` writes)"
        )
    reader.fieldnames = header
    items, errors = [], []
    for number, row in enumerate(reader, start=2):  # row 1 is the header
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue
        try:
            items.append(parse_row(row, default_zone))
        except ValueError as exc:
            errors.append(f"row {number}: {exc}")
    if errors:
        shown = "; ".join(errors[:MAX_ERRORS_SHOWN])
        more = f" (and {len(errors) - MAX_ERRORS_SHOWN} more)" if len(errors) > 3 else ""
        raise CSVImportError(f"{name}: nothing was imported: {shown}{more}")
    return items


def _decode(data: str | bytes, name: str) -> str:
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CSVImportError(
            f"{name} is not UTF-8 text (byte {exc.start}); save it as 'CSV UTF-8'"
        ) from None


def parse_row(row: Mapping[str, str | None], default_zone: str) -> QueueItem:
    """One CSV row to an item; ValueError names the column and the expected form."""
    cell = {k: (v or "").strip() for k, v in row.items() if k is not None}
    zone = _zone(cell.get("timezone") or default_zone)
    values: dict[str, Any] = {
        "kit_id": _required(cell, "kit_id"),
        "platform": _platform(cell.get("platform", "")),
        "text": (row.get("text") or "").strip("\r\n"),
        "hashtags": split_hashtags(cell.get("hashtags", "")),
        "media": [m.strip() for m in (row.get("media") or "").splitlines() if m.strip()],
        "scheduled_at": parse_time(cell.get("scheduled_at", ""), zone, "scheduled_at"),
        "timezone": zone.key,
        "status": _status(cell.get("status") or "draft"),
        "sponsored": _flag(cell, "sponsored"),
        "reviewed": _flag(cell, "reviewed"),
    }
    for key in ("first_comment", "alt_text", "link", "language", "slot_key", "posted_url",
                "error", "uid"):
        if cell.get(key):
            values[key] = cell[key]
    values["brief"] = cell.get("brief", "")
    for key in ("posted_at", "created_at"):
        if cell.get(key):
            values[key] = parse_time(cell[key], zone, key)
    try:
        return QueueItem(**values)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise ValueError(f"{'.'.join(map(str, err['loc']))}: {err['msg']}") from None


def _required(cell: Mapping[str, str], key: str) -> str:
    if not cell.get(key):
        raise ValueError(f"{key} is empty")
    return cell[key]


def _platform(value: str) -> str:
    from assistant.errors import UnknownPlatformError
    from assistant.platforms import get_platform

    if not value:
        raise ValueError("platform is empty")
    try:
        return get_platform(value).id
    except UnknownPlatformError as exc:
        raise ValueError(str(exc)) from None


def _zone(value: str) -> ZoneInfo:
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"timezone {value!r} is not an IANA zone; use e.g. Europe/Berlin"
        ) from None


def parse_time(value: str, zone: ZoneInfo, column: str) -> datetime:
    """ISO 8601 with or without offset (a time without one is read in ``zone``)."""
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{column} {value!r} is not a date and time like 2025-03-01 09:00 "
            "or 2025-03-01T09:00:00+01:00"
        ) from None
    if when.tzinfo is None:
        return when.replace(tzinfo=zone)
    return when.astimezone(zone)


def _status(value: str) -> str:
    status = value.lower()
    if status not in STATUSES:
        raise ValueError(f"status {value!r} is not one of {', '.join(STATUSES)}")
    return status


def _flag(cell: Mapping[str, str], key: str) -> bool:
    value = cell.get(key, "").lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{key} {cell[key]!r} is not true or false")


def split_hashtags(value: str) -> list[str]:
    """'#a #b', 'a, b' or 'a b' -> ['a', 'b'] (stored without '#')."""
    return [t for t in (p.lstrip("#") for p in re.split(r"[\s,;]+", value)) if t]

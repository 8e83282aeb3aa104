"""CSV import (pure): the generic export's format back into queue items, row by row.

Each row is read on its own: a bad row is refused with its row number and the reason, the
others still count. File-level problems (not UTF-8, too big, a required column missing) refuse
the whole file with one line. Required columns: kit_id, platform, text, scheduled_at; every
other export column is optional, and columns the export does not write are reported.
Cells are unescaped the way the exports escape them against formula injection (``csvcells``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import ValidationError

from assistant.errors import InputError
from assistant.queue.csvcells import unescape_cell
from assistant.queue.exports import CSV_COLUMNS
from assistant.queue.models import STATUSES, QueueItem

REQUIRED = ("kit_id", "platform", "text", "scheduled_at")
MAX_FIELD_BYTES = 128 * 1024
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_ROWS = 5000
_TRUE = {"true", "1", "yes", "ja", "y"}
_FALSE = {"false", "0", "no", "nein", "n", ""}
Outcome = Literal["imported", "skipped", "refused"]


class CSVImportError(InputError):
    """The CSV cannot be imported at all; nothing was stored."""


@dataclass
class ParsedRow:
    """One CSV row: the item to store as a draft, the status it asks for, its media refs."""

    number: int
    item: QueueItem | None = None
    target: str = "draft"
    media: list[str] = field(default_factory=list)
    posted_url: str | None = None
    posted_at: datetime | None = None
    error: str | None = None


@dataclass
class RowReport:
    number: int
    outcome: Outcome
    reason: str = ""
    item_id: int | None = None
    status: str | None = None

    def line(self) -> str:
        stored = f" as #{self.item_id} ({self.status})" if self.item_id is not None else ""
        return f"row {self.number}: {self.outcome}{stored}" + (
            f": {self.reason}" if self.reason else "")


@dataclass
class ImportReport:
    """What happened to every row of one imported file."""

    name: str
    rows: list[RowReport] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome)

    @property
    def noted(self) -> list[RowReport]:
        """Imported rows with a note: kept as draft instead of the status asked for, or a
        kit that is not in the kits folder."""
        return [r for r in self.rows if r.outcome == "imported" and r.reason]

    def summary(self) -> str:
        text = (f"{self.name}: imported {self.count('imported')}, skipped "
                f"{self.count('skipped')}, refused {self.count('refused')} row(s)")
        if self.noted:
            text += f"; {len(self.noted)} imported with a note (kept as draft or unknown kit)"
        if self.unknown_columns:
            text += f"; ignored unknown column(s) {', '.join(self.unknown_columns)}"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.name, "imported": self.count("imported"),
                "skipped": self.count("skipped"), "refused": self.count("refused"),
                "unknown_columns": self.unknown_columns,
                "rows": [r.__dict__ for r in self.rows]}


@dataclass
class ParsedCSV:
    rows: list[ParsedRow]
    unknown_columns: list[str]


def parse_csv(data: str | bytes, *, default_zone: str = "Europe/Berlin",
              name: str = "the CSV") -> ParsedCSV:
    """Every non-empty row parsed on its own; CSVImportError only for the whole file."""
    if len(data) > MAX_FILE_BYTES:
        raise CSVImportError(f"{name} is {len(data) // 2**20} MB; a CSV import may have at most "
                             f"{MAX_FILE_BYTES // 2**20} MB; split it into smaller files")
    # The csv module stops a whole file at its 128 KB field limit (and cannot resume
    # cleanly); with the file capped above, letting it read longer fields is safe, and the
    # per-row check below refuses just that row and names it.
    if csv.field_size_limit() < MAX_FILE_BYTES:
        csv.field_size_limit(MAX_FILE_BYTES)
    reader = csv.DictReader(io.StringIO(_decode(data, name)))
    header = _header(reader, name)
    rows: list[ParsedRow] = []
    uids: dict[str, int] = {}
    try:
        for number, row in enumerate(reader, start=2):  # row 1 is the header
            if _blank(row):
                continue
            if len(rows) >= MAX_ROWS:
                raise CSVImportError(f"{name} has more than {MAX_ROWS} rows; split it")
            rows.append(_parse_numbered(number, row, default_zone, uids))
    except csv.Error as exc:
        raise CSVImportError(f"{name}: row {reader.line_num}: {exc}; "
                             "save it again as CSV UTF-8") from None
    unknown = [h for h in header if h not in CSV_COLUMNS]
    return ParsedCSV(rows, unknown)


def _header(reader: csv.DictReader[str], name: str) -> list[str]:
    try:
        header = [h.strip().lstrip("\ufeff") for h in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise CSVImportError(f"{name}: the header row cannot be read ({exc})") from None
    if not header:
        raise CSVImportError(f"{name} is empty; export one with `postwerk queue export`")
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise CSVImportError(
            f"{name} misses the column(s) {', '.join(missing)}; "
            f"it needs {', '.join(REQUIRED)} (as `postwerk queue export --format csv` writes)"
        )
    reader.fieldnames = header
    return header


def _blank(row: Mapping[str | None, Any]) -> bool:
    return not any(v.strip() for v in row.values() if isinstance(v, str))


def _parse_numbered(number: int, row: Mapping[str | None, Any], default_zone: str,
                    uids: dict[str, int]) -> ParsedRow:
    try:
        parsed = parse_row(row, default_zone)
    except ValueError as exc:
        return ParsedRow(number, error=str(exc))
    parsed.number = number
    uid = parsed.item.uid if parsed.item is not None else ""
    if uid in uids:
        return ParsedRow(number, error=f"duplicate uid {uid[:40]!r}: row {uids[uid]} has it "
                                       "already; give each row its own uid")
    uids[uid] = number
    return parsed


def _decode(data: str | bytes, name: str) -> str:
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CSVImportError(
            f"{name} is not UTF-8 text (byte {exc.start}); save it as 'CSV UTF-8'"
        ) from None


def parse_row(row: Mapping[str | None, Any], default_zone: str) -> ParsedRow:
    """One CSV row to a draft item; ValueError names the column and the expected form."""
    if row.get(None):
        raise ValueError(f"{len(row[None])} cell(s) more than the header has columns; "
                         "put cells that contain commas in double quotes")
    raw = {k: unescape_cell(v or "") for k, v in row.items() if isinstance(k, str)}
    _field_sizes(raw)
    cell = {k: v.strip() for k, v in raw.items()}
    zone = _zone(cell.get("timezone") or default_zone)
    values: dict[str, Any] = {
        "kit_id": _kit_id(cell.get("kit_id", "")),
        "platform": _platform(cell.get("platform", "")),
        "text": raw.get("text", "").strip("\r\n"),
        "hashtags": split_hashtags(cell.get("hashtags", "")),
        "scheduled_at": parse_time(cell.get("scheduled_at", ""), zone, "scheduled_at"),
        "timezone": zone.key,
        "sponsored": _flag(cell, "sponsored"),
    }
    for key in ("first_comment", "alt_text", "link", "language", "slot_key", "error", "uid"):
        if cell.get(key):
            values[key] = cell[key]
    values["brief"] = cell.get("brief", "")
    if cell.get("created_at"):
        values["created_at"] = parse_time(cell["created_at"], zone, "created_at")
    target = _status(cell.get("status") or "draft")
    _flag(cell, "reviewed")  # checked for a clear message; approval sets it, not the file
    posted_at = parse_time(cell["posted_at"], zone, "posted_at") if cell.get("posted_at") \
        else None
    media = [m.strip() for m in raw.get("media", "").splitlines() if m.strip()]
    try:
        item = QueueItem(**values)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise ValueError(f"{'.'.join(map(str, err['loc']))}: {err['msg']}") from None
    return ParsedRow(0, item, target, media, cell.get("posted_url") or None, posted_at)


def _field_sizes(cells: Mapping[str, str]) -> None:
    for key, value in cells.items():
        size = len(value.encode("utf-8", "surrogatepass"))
        if size > MAX_FIELD_BYTES:
            raise ValueError(f"the {key} field is {size // 1024} KB; a field may have at most "
                             f"{MAX_FIELD_BYTES // 1024} KB; shorten it")


def _kit_id(value: str) -> str:
    from assistant.brand.schema import KIT_ID_RE

    if not value:
        raise ValueError("kit_id is empty")
    if not KIT_ID_RE.match(value):
        raise ValueError(f"bad kit id {value[:40]!r}; use 3-63 lowercase letters, digits and "
                         "'-' (see `postwerk brand list`)")
    return value


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

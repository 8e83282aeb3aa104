"""Import a CSV or a ZIP (CSV + images) into the queue, row by row, with a report.

A row's images are either http(s) URLs, fetched through the link checker's SSRF guard, or
names of files inside the uploaded ZIP (looked up by exact name in the archive, read with a
size cap; nothing is extracted to disk). Either way they are copied into the media store and
checked as images. A local file path in a CSV is refused (an import must not read the
server's files), except a file already in this queue's media store (a CSV exported here).
Every row goes through the queue service, so the same checker and the same approval gate
apply as everywhere else.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import partial

from assistant.config import Settings
from assistant.errors import AssistantError, InputError
from assistant.queue.importer import (
    MAX_FILE_BYTES,
    CSVImportError,
    ImportReport,
    ParsedRow,
    RowReport,
    parse_csv,
)
from assistant.queue.media_fetch import fetch_image, is_url
from assistant.queue.media_store import MAX_MEDIA_BYTES
from assistant.queue.service import QueueService

MAX_ZIP_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 2000
MAX_ZIP_TOTAL = 500 * 1024 * 1024  # uncompressed bytes read from one archive, in all
Fetch = Callable[[str], bytes]


@dataclass
class Upload:
    """The CSV text of an upload and, for a ZIP, the archive its media names point into."""

    csv: bytes
    archive: zipfile.ZipFile | None = None
    read_total: int = 0

    def entry(self, name: str) -> bytes:
        """The bytes of the entry called exactly ``name`` (size-capped), or InputError."""
        if self.archive is None:
            raise InputError(f"{name} is a local file path; use an http(s) image URL or "
                             "upload a ZIP with the CSV and its images")
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            raise InputError(f"{name} is not in the ZIP; add it or fix the media column") \
                from None
        data = _read_capped(self.archive, info, MAX_MEDIA_BYTES)
        self.read_total += len(data)
        if self.read_total > MAX_ZIP_TOTAL:
            raise InputError(f"the ZIP unpacks to more than {MAX_ZIP_TOTAL // 2**20} MB; "
                             "split it into smaller archives")
        return data


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    # the declared size can lie (zip bombs); read one byte past the cap and no further
    try:
        with archive.open(info) as handle:
            data = handle.read(cap + 1)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
        raise InputError(f"{info.filename} cannot be read from the ZIP ({exc})") from None
    if len(data) > cap:
        raise InputError(f"{info.filename} unpacks to more than {cap // 2**20} MB")
    return data


def open_upload(data: bytes, name: str) -> Upload:
    """A CSV as is; a ZIP: its one CSV (queue.csv if there are several) and the archive."""
    if not data.startswith(b"PK\x03\x04"):
        return Upload(data)
    if len(data) > MAX_ZIP_BYTES:
        raise CSVImportError(f"{name} is over {MAX_ZIP_BYTES // 2**20} MB; split it")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise CSVImportError(f"{name} is not a readable ZIP ({exc}); pack it again") from None
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise CSVImportError(f"{name} has {len(infos)} files; at most {MAX_ZIP_ENTRIES}")
    csvs = [i for i in infos if i.filename.lower().endswith(".csv") and not i.is_dir()]
    chosen = [i for i in csvs if i.filename == "queue.csv"] or csvs
    if len(chosen) != 1:
        raise CSVImportError(f"{name} must hold one CSV (queue.csv) next to its images; "
                             f"found {len(csvs)}")
    try:
        text = _read_capped(archive, chosen[0], MAX_FILE_BYTES)
    except InputError as exc:
        raise CSVImportError(f"{name}: {exc}") from None
    return Upload(text, archive)


def import_upload(queue: QueueService, data: bytes, name: str, *, by: str = "import",
                  known_kits: Collection[str] | None = None,
                  fetch: Fetch | None = None, settings: Settings | None = None) -> ImportReport:
    """Import a CSV or ZIP; one report line per row. CSVImportError only for the whole file.

    ``known_kits``: rows of other kits are stored as drafts only (their brand rules cannot
    be checked); None skips that check. ``fetch`` gets image URLs (default: through the
    SSRF guard, private addresses only with ``links_allow_private``).
    """
    upload = open_upload(data, name)
    parsed = parse_csv(upload.csv, default_zone=queue.timezone, name=name)
    if fetch is None:
        allow = settings.links_allow_private if settings is not None else False
        fetch = partial(fetch_image, allow_private=allow)
    report = ImportReport(name, unknown_columns=parsed.unknown_columns)
    for row in parsed.rows:
        report.rows.append(_import_row(queue, row, upload, fetch, known_kits, by))
    return report


def _import_row(queue: QueueService, row: ParsedRow, upload: Upload, fetch: Fetch,
                known_kits: Collection[str] | None, by: str) -> RowReport:
    if row.error is not None or row.item is None:
        return RowReport(row.number, "refused", row.error or "unreadable row")
    target, note = row.target, ""
    if known_kits is not None and row.item.kit_id not in known_kits:
        note = f"unknown kit id {row.item.kit_id!r} (no such brand kit); create it, then approve"
        target = "draft" if target in ("approved", "posted") else target
    try:
        media = [_media(queue, ref, upload, fetch) for ref in row.media]
        stored, created, why = queue.import_item(
            row.item.model_copy(update={"media": media}), target, by=by,
            posted_url=row.posted_url, posted_at=row.posted_at)
    except AssistantError as exc:
        return RowReport(row.number, "refused", str(exc))
    if not created:
        return RowReport(row.number, "skipped", "already in the queue (same uid or slot)",
                         stored.id, stored.status)
    reason = "; ".join(r for r in (why, note) if r)
    return RowReport(row.number, "imported", reason, stored.id, stored.status)


def _media(queue: QueueService, ref: str, upload: Upload, fetch: Fetch) -> str:
    """One media reference (URL or ZIP entry name) stored; InputError says why not."""
    if queue.media_store is None:
        raise InputError("this queue has no media store; open it with open_queue()")
    if upload.archive is None and queue.media_store.resolve(ref) is not None:
        return ref  # already one of this queue's stored images (a CSV exported here)
    try:
        data = fetch(ref) if is_url(ref) else upload.entry(ref)
        return queue.media_store.put(data, ref)
    except InputError as exc:
        raise InputError(f"media refused: {exc}") from None


def known_kit_ids(settings: Settings) -> list[str] | None:
    """The kits in the kits folder, or None when the folder cannot be listed."""
    from assistant.brand.kit import list_kits

    try:
        return list_kits(settings.kits_dir)
    except AssistantError:
        return None


def import_for_user(queue: QueueService, data: bytes, name: str, settings: Settings, *,
                    by: str) -> ImportReport:
    """What the CLI and the Queue page run: kits checked against the kits folder."""
    return import_upload(queue, data, name, by=by, known_kits=known_kit_ids(settings),
                         settings=settings)

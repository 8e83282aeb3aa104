"""`postwerk queue ...`: list, show, approve, mark-posted, archive, send, export, import.

postwerk queue list [--kit K] [--status approved] [--platform x] [--json]
postwerk queue show 12 [--json]                      exit 1 unless the item is ready
postwerk queue approve 12 13 14 [--include-needs-look]
                                                     only `ready` items unless the flag says
                                                     a person read the ones that need a look;
                                                     exit 2 if any is unknown or refused
postwerk queue mark-posted 12 --url https://...
postwerk queue export --format ics --out week.ics [--kit K] [--status approved]
postwerk queue import queue.csv|queue.zip [--json]  a report per row; exit 1 if a row
                                                     was refused or kept as draft
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from assistant.commands.common import JSON_OPTION, emit, fail, parse_id, split_option
from assistant.errors import InputError
from assistant.models import STATE_LABELS
from assistant.platforms import get_platform
from assistant.queue.exports import FORMATS, export
from assistant.queue.models import STATUSES, QueueItem

if TYPE_CHECKING:
    from assistant.queue import QueueService

queue_app = typer.Typer(
    help="The publishing queue: review, approve, post by hand, export.", no_args_is_help=True
)

KIT_OPTION = typer.Option(None, "--kit", "-k", help="Only this brand kit (its id).")
STATUS_OPTION = typer.Option(
    None, "--status", "-s", help=f"Only these statuses ({', '.join(STATUSES)}); repeatable."
)
PLATFORM_OPTION = typer.Option(None, "--platform", "-p", help="Only these platforms; repeatable.")
IDS_ARGUMENT = typer.Argument(
    ..., metavar="ID...", help="Queue item ids (see `postwerk queue list`)."
)
ID_ARGUMENT = typer.Argument(..., metavar="ID", help="The item id.")
# "-5" must reach the id parser (and get its message) instead of being taken for an option
ID_SETTINGS = {"ignore_unknown_options": True}


def _service() -> QueueService:
    from assistant.queue import open_queue  # SQLAlchemy: only for the commands that use it

    return open_queue()


def _statuses(values: list[str] | None) -> list[str]:
    statuses = split_option(values, "--status")
    for status in statuses:
        if status not in STATUSES:
            raise InputError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
    return statuses


def _platforms(values: list[str] | None) -> list[str]:
    return [get_platform(pid).id for pid in split_option(values, "--platform")]


def _line(item: QueueItem) -> str:
    text = " ".join(item.text.split())
    text = text[:60] + ("…" if len(text) > 60 else "")
    flag = f"  [{len(item.errors)} error(s)]" if item.errors else ""
    return (f"#{item.id:<5} {item.local_time:%Y-%m-%d %H:%M} {item.platform:<15} "
            f"{item.status:<9} {STATE_LABELS[item.state]:<12} {item.kit_id:<20} {text}{flag}")


@queue_app.command("list")
def list_command(
    kit: str | None = KIT_OPTION,
    status: list[str] | None = STATUS_OPTION,
    platform: list[str] | None = PLATFORM_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The queue in time order, with filters."""
    statuses, platforms = _statuses(status), _platforms(platform)
    items = _service().list(kit_id=kit, status=statuses or None, platform=platforms or None)

    def render() -> None:
        if not items:
            typer.echo("the queue is empty (for these filters)")
        for item in items:
            typer.echo(_line(item))

    emit(as_json, {"count": len(items), "items": items}, render)


def _render_item(item: QueueItem) -> None:
    typer.echo(_line(item))
    typer.echo(f"  scheduled {item.local_time:%A %Y-%m-%d %H:%M} ({item.timezone})"
               f"{'  slot ' + item.slot_key if item.slot_key else ''}")
    typer.echo("  " + item.full_text.replace("\n", "\n  "))
    for label, value in (("first comment", item.first_comment), ("alt text", item.alt_text),
                         ("link", item.link), ("posted at", item.posted_url),
                         ("error", item.error)):
        if value:
            typer.echo(f"  {label}: {value}")
    for path in item.media:
        typer.echo(f"  image: {path}")
    for p in item.problems:
        typer.echo(f"  {p.severity.value:<7} {p.code}: {p.message}")
    typer.echo(f"  reviewed by a person: {'yes' if item.reviewed else 'no'}")
    for h in item.history:
        move = f" {h.old_status or '-'} -> {h.new_status}" if h.new_status else ""
        typer.echo(f"  {h.at:%Y-%m-%d %H:%M} UTC {h.actor}: {h.action}{move}"
                   f"{'  ' + h.note if h.note else ''}")


@queue_app.command("show", context_settings=ID_SETTINGS)
def show_command(item_id: str = ID_ARGUMENT, as_json: bool = JSON_OPTION) -> None:
    """One item with its problems and history; exit 1 unless it is ready."""
    item = _service().get(parse_id(item_id))
    emit(as_json, item, lambda: _render_item(item))
    if item.state != "ready":
        raise typer.Exit(1)


def _bulk(action: str, raw_ids: list[str], as_json: bool,
          include_needs_look: bool = False) -> None:
    ids = [parse_id(value) for value in raw_ids]
    service = _service()
    for item_id in ids:
        service.get(item_id)  # an unknown id is bad input: nothing is done
    if action == "approve":
        result = service.approve_many(ids, include_needs_look=include_needs_look)
    else:
        result = service.archive_many(ids)
    done_word = "approved" if action == "approve" else "archived"
    payload = {done_word: [i.id for i in result.done],
               "refused": {str(k): v for k, v in result.refused.items()}}

    def render() -> None:
        for item in result.done:
            typer.echo(f"{done_word} #{item.id} ({item.platform})")

    emit(as_json, payload, render)
    if result.refused:
        fail("; ".join(result.refused.values()))


@queue_app.command("approve", context_settings=ID_SETTINGS)
def approve_command(
    ids: list[str] = IDS_ARGUMENT,
    include_needs_look: bool = typer.Option(
        False, "--include-needs-look",
        help="Also approve items that need a look (warnings only): you read them."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Approve drafts that are ready (a person reviewed them); never one with problems."""
    _bulk("approve", ids, as_json, include_needs_look)


@queue_app.command("archive", context_settings=ID_SETTINGS)
def archive_command(ids: list[str] = IDS_ARGUMENT, as_json: bool = JSON_OPTION) -> None:
    """Archive items (kept, but out of the plan)."""
    _bulk("archive", ids, as_json)


@queue_app.command("mark-posted", context_settings=ID_SETTINGS)
def mark_posted_command(
    item_id: str = ID_ARGUMENT,
    url: str | None = typer.Option(None, "--url", help="The live post's URL."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Record that an approved item was posted (by hand)."""
    item = _service().mark_posted(parse_id(item_id), url, by="cli")
    emit(as_json, item, lambda: typer.echo(f"posted #{item.id} ({item.platform})"
                                           + (f" at {item.posted_url}" if item.posted_url
                                              else "")))


@queue_app.command("send", context_settings=ID_SETTINGS)
def send_command(item_id: str = ID_ARGUMENT, as_json: bool = JSON_OPTION) -> None:
    """POST an approved item to the webhook (POSTWERK_WEBHOOK_URL); exit 1 if it failed."""
    from assistant.config import get_settings
    from assistant.queue.publishers import publish, publisher_from_settings

    number = parse_id(item_id)
    result = publish(_service(), number, publisher_from_settings(get_settings()), by="cli")
    emit(as_json, result.__dict__, lambda: typer.echo(f"#{number}: {result.note()}"))
    if not result.ok:
        raise typer.Exit(1)


@queue_app.command("export")
def export_command(
    fmt: str = typer.Option(..., "--format", "-f", help=f"One of {', '.join(FORMATS)}."),
    out: Path = typer.Option(..., "--out", "-o", help="The file to write ('-' = stdout)."),
    kit: str | None = KIT_OPTION,
    status: list[str] | None = STATUS_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Write the queue as CSV, Buffer CSV, ICS calendar, JSON or a ZIP with the images."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    service = _service()
    items = service.list(kit_id=kit, status=_statuses(status) or None)
    data = export(items, fmt, store=service.media_store)
    if str(out) == "-":
        if fmt == "zip":
            raise InputError("a ZIP cannot go to stdout; give --out FILE.zip")
        sys.stdout.buffer.write(data)
        return
    _write(out, data)
    emit(as_json, {"path": str(out), "format": fmt, "count": len(items), "bytes": len(data)},
         lambda: typer.echo(f"wrote {len(items)} item(s) as {fmt} to {out}"))


def _write(out: Path, data: bytes) -> None:
    if out.is_dir():
        raise InputError(f"{out} is a folder; give a file name, e.g. {out / 'queue.csv'}")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror}; choose another path") from None


@queue_app.command("import")
def import_command(path: Path = typer.Argument(..., help="A CSV or ZIP from `queue export`."),
                   as_json: bool = JSON_OPTION) -> None:
    """Import a generic CSV (image URLs) or a ZIP (CSV + images); a report per row."""
    from assistant.config import get_settings
    from assistant.queue.importer import MAX_FILE_BYTES
    from assistant.queue.importing import MAX_ZIP_BYTES, import_for_user

    if not path.is_file():
        raise InputError(f"file not found: {path}; check the path")
    if path.stat().st_size > max(MAX_FILE_BYTES, MAX_ZIP_BYTES):
        raise InputError(f"{path} is too large to import; split it into smaller files")
    report = import_for_user(_service(), path.read_bytes(), path.name, get_settings(), by="cli")

    def render() -> None:
        for row in report.rows:
            typer.echo(row.line())
        typer.echo(report.summary())

    emit(as_json, report.as_dict(), render)
    if report.rows and not report.count("imported") and report.count("refused"):
        first = next(r for r in report.rows if r.outcome == "refused")
        fail(f"{report.name}: nothing was imported; {first.line()}"
             + (f" (and {report.count('refused') - 1} more refused)"
                if report.count("refused") > 1 else ""))
    if report.count("refused") or report.noted:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(queue_app, name="queue")

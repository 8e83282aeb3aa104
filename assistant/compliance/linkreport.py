"""The link report: every URL of a text, or of a kit and its queue, checked once.

The kit's own URLs (links section, contact form, channel profiles) must answer; links in
queue items must answer and, when they point to the kit's own site, carry UTM parameters.
The queue is read only if ``assistant.queue`` offers ``open_queue`` (imported lazily).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from assistant.compliance.checks import post_urls
from assistant.compliance.links import LinkResult, Progress, check_links, link_problems
from assistant.compliance.report import kit_domains, kit_link_urls
from assistant.compliance.urls import find_urls
from assistant.config import Settings, get_settings
from assistant.errors import AssistantError
from assistant.models import Problem

if TYPE_CHECKING:
    from assistant.brand.kit import BrandKit

# items that may still be posted; posted and archived ones are history
OPEN_STATUSES = ("draft", "approved", "failed")


class LinkRow(BaseModel):
    """One URL where it was found ("links.website", "queue #12 instagram 2026-03-02 09:00")."""

    where: str
    url: str
    result: LinkResult
    problems: list[Problem] = Field(default_factory=list)
    item_id: int | None = None


class LinkReport(BaseModel):
    rows: list[LinkRow] = Field(default_factory=list)
    queue_checked: bool = False
    queue_items: int = 0
    note: str | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for row in self.rows for p in row.problems if p.is_error]

    @property
    def broken(self) -> bool:
        return any(row.result.status == "broken" for row in self.rows)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for row in self.rows:
            out[row.result.status] = out.get(row.result.status, 0) + 1
        return out


@dataclass(frozen=True)
class _Found:
    where: str
    url: str
    item_id: int | None = None
    # links in posts should carry UTM parameters; the kit's own profile links need not
    in_post: bool = False


def _rows(found: list[_Found], own: list[str] | None, settings: Settings, timeout: float,
          progress: Progress | None) -> list[LinkRow]:
    results = check_links([f.url for f in found], settings=settings, timeout=timeout,
                          progress=progress)
    return [
        LinkRow(where=f.where, url=f.url, result=result, item_id=f.item_id,
                problems=link_problems([result], own_domains=own if f.in_post else []))
        for f, result in zip(found, results, strict=True)
    ]


def text_link_report(text: str, *, settings: Settings | None = None, timeout: float = 5.0,
                     progress: Progress | None = None) -> LinkReport:
    """Check the URLs in ``text`` (UTM is expected on every one of them)."""
    found = [_Found("text", url, in_post=True) for url in find_urls(text)]
    return LinkReport(rows=_rows(found, None, settings or get_settings(), timeout, progress))


def _open_queue(settings: Settings) -> Any:
    from assistant.queue import open_queue  # lazily: the queue may be absent

    return open_queue(settings)


def _queue_urls(
    kit: BrandKit, settings: Settings, opener: Callable[[Settings], Any] | None
) -> tuple[list[_Found], int, str | None]:
    queue = None
    try:
        queue = (opener or _open_queue)(settings)
        items = queue.list(kit_id=kit.id, status=list(OPEN_STATUSES))
    except ImportError:
        return [], 0, "the queue is not available; only the kit's links were checked"
    except AssistantError as exc:
        return [], 0, f"the queue could not be read ({exc}); only the kit's links were checked"
    finally:
        dispose = getattr(getattr(queue, "storage", None), "dispose", None)
        if dispose is not None:
            dispose()  # release the database file; the report is read once
    found: list[_Found] = []
    for item in items:
        when = item.local_time.strftime("%Y-%m-%d %H:%M")
        for url in post_urls(item.full_text, item.first_comment, link=item.link):
            found.append(_Found(f"queue #{item.id} {item.platform} {when}", url, item.id, True))
    return found, len(items), None


def kit_link_report(
    kit: BrandKit,
    *,
    settings: Settings | None = None,
    include_queue: bool = True,
    timeout: float = 5.0,
    progress: Progress | None = None,
    queue_opener: Callable[[Settings], Any] | None = None,
) -> LinkReport:
    """Check the kit's own URLs and the links of its open queue items."""
    settings = settings or get_settings()
    found = [_Found(where, url) for where, url in kit_link_urls(kit)]
    count, note, checked = 0, None, False
    if include_queue:
        queued, count, note = _queue_urls(kit, settings, queue_opener)
        found += queued
        checked = note is None
    rows = _rows(found, kit_domains(kit), settings, timeout, progress)
    return LinkReport(rows=rows, queue_checked=checked, queue_items=count, note=note)

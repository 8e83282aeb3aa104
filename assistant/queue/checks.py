"""How the queue's findings combine, and the bare platform checker.

The checker is injected into the service: ``Callable[[QueueItem], list[Problem]]``.
``open_queue`` injects THE checker (``assistant.checks.queue_checker``: platform, brand,
compliance, quality); ``platform_checker`` is the service's bare default, which only
measures the composed text and its images with the platform's own rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from assistant.models import MediaInfo, Problem, Severity
from assistant.queue.models import QueueItem

Checker = Callable[[QueueItem], list[Problem]]


def media_info(path: str, alt_text: str | None = None) -> MediaInfo | Problem:
    """What check_post needs to know about an image file, or a problem if it is unusable.

    Read through the image loader (header only), so that its limits apply here too: a
    decompression bomb or a device file is a problem of the item, not a crash.
    """
    from assistant.errors import ImageError
    from assistant.imaging.load import open_source, read_bytes

    try:
        data, name = read_bytes(path)
        source = open_source(data, name)
    except ImageError as exc:
        return Problem(
            code="media_missing", severity=Severity.ERROR, source="platform",
            message=f"image {path} cannot be used ({exc}); attach it again",
        )
    return MediaInfo(format=source.format, bytes=len(data), width=source.width,
                     height=source.height, path=path, alt_text=alt_text)


def platform_checker(item: QueueItem) -> list[Problem]:
    """Default checker: the platform's own measure of the posted text and its images."""
    from assistant.hashtags import compose_text
    from assistant.platforms import check_post

    infos = [media_info(p, item.alt_text) for p in item.media]
    media = [m for m in infos if isinstance(m, MediaInfo)]
    missing = [m for m in infos if isinstance(m, Problem)]
    check = check_post(item.platform, compose_text(item.text, item.hashtags), media=media)
    return [*check.problems, *missing]


def merge_problems(fresh: Sequence[Problem], previous: Sequence[Problem]) -> list[Problem]:
    """Fresh checker findings plus earlier non-platform findings about the same content.

    Drafting may know more than the item alone shows (e.g. two platforms of one brief got
    the same text); those findings stay until the content changes (an edit replaces all
    problems with the checker's).
    """
    out = list(fresh)
    seen = {(p.code, p.source, p.message) for p in out}
    for p in previous:
        if p.source != "platform" and (p.code, p.source, p.message) not in seen:
            out.append(p)
            seen.add((p.code, p.source, p.message))
    return out


def describe(problems: Iterable[Problem]) -> str:
    return "; ".join(f"{p.code}: {p.message}" for p in problems)

"""What the queue checks about an item (the default checker and how findings combine).

The checker is injected into the service: ``Callable[[QueueItem], list[Problem]]``. The default
measures the composed text (body + hashtags) and its images with the platform's own rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from assistant.models import MediaInfo, Problem, Severity
from assistant.queue.models import QueueItem

Checker = Callable[[QueueItem], list[Problem]]


def media_info(path: str, alt_text: str | None = None) -> MediaInfo | Problem:
    """What check_post needs to know about an image file, or a problem if it is unusable."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            width, height = img.size
            fmt = img.format or Path(path).suffix.lstrip(".").upper()
        size = Path(path).stat().st_size
    except (OSError, UnidentifiedImageError) as exc:
        return Problem(
            code="media_missing", severity=Severity.ERROR, source="platform",
            message=f"image {path} cannot be read ({exc.__class__.__name__}); attach it again",
        )
    return MediaInfo(format=fmt, bytes=size, width=width, height=height, path=path,
                     alt_text=alt_text)


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

    Drafting found brand and compliance problems in exactly this text; they stay until the
    content changes (an edit replaces all problems with the checker's).
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

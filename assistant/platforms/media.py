"""Media checks: count, format, byte size, pixel size, aspect ratio and alt text (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.models import MediaInfo, Problem, Severity
from assistant.platforms.catalogue import Platform

# Aspect ratios are compared with this slack: 1080x566 is 1.908, "1.91:1" in the docs.
_ASPECT_SLACK = 0.01
_FORMAT_ALIASES = {"JPG": "JPEG", "MPO": "JPEG", "TIF": "TIFF"}


def _err(code: str, message: str) -> Problem:
    return Problem(code=code, severity=Severity.ERROR, message=message)


def _name(media: MediaInfo, index: int) -> str:
    if media.path:
        return media.path.replace("\\", "/").rsplit("/", 1)[-1]
    return f"image {index + 1}"


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def norm_format(fmt: str) -> str:
    up = fmt.strip().upper().lstrip(".")
    return _FORMAT_ALIASES.get(up, up)


def check_media(platform: Platform, media: Sequence[MediaInfo]) -> list[Problem]:
    """Every way the attached images break ``platform``'s rules."""
    problems: list[Problem] = []
    if len(media) > platform.max_images:
        extra = len(media) - platform.max_images
        problems.append(
            _err(
                "too_many_media",
                f"{len(media)} images attached; {platform.name} takes at most "
                f"{platform.max_images}: remove {extra}.",
            )
        )
    for index, item in enumerate(media):
        problems += _check_one(platform, item, _name(item, index))
    return problems


def _check_one(p: Platform, item: MediaInfo, name: str) -> list[Problem]:
    out: list[Problem] = []
    fmt = norm_format(item.format)
    if fmt not in p.formats:
        out.append(
            _err(
                "media_format",
                f"{name} is {fmt}; {p.name} takes {', '.join(p.formats)}: "
                f"convert it to {p.formats[0]} (the Images page does this).",
            )
        )
    budget = p.byte_budget(fmt) if fmt in p.formats else p.max_image_bytes
    if item.bytes > budget:
        out.append(
            _err(
                "media_too_large",
                f"{name} is {_mb(item.bytes)}; {p.name} takes at most {_mb(budget)}: "
                f"make it {_mb(item.bytes - budget)} smaller (the Images page compresses it).",
            )
        )
    out += _check_pixels(p, item, name)
    if p.alt_text_limit is not None and item.alt_text and len(item.alt_text) > p.alt_text_limit:
        over = len(item.alt_text) - p.alt_text_limit
        out.append(
            _err(
                "alt_text_too_long",
                f"The alt text of {name} has {len(item.alt_text)} characters; {p.name} allows "
                f"{p.alt_text_limit}: shorten it by {over}.",
            )
        )
    return out


def _check_pixels(p: Platform, item: MediaInfo, name: str) -> list[Problem]:
    out: list[Problem] = []
    # A minimum size binds only when every preset has one (Facebook's applies to link cards).
    mins = [(s.min_width, s.min_height) for s in p.presets]
    if all(w and h for w, h in mins):
        min_w = min(w for w, _ in mins if w)
        min_h = min(h for _, h in mins if h)
        if item.width < min_w or item.height < min_h:
            out.append(
                _err(
                    "media_too_small",
                    f"{name} is {item.width}x{item.height} px; {p.name} needs at least "
                    f"{min_w}x{min_h}: use a larger original.",
                )
            )
    ratio = item.width / item.height
    lo, hi = p.min_aspect, p.max_aspect
    if (lo and ratio < lo - _ASPECT_SLACK) or (hi and ratio > hi + _ASPECT_SLACK):
        out.append(
            _err(
                "media_aspect",
                f"{name} has the aspect ratio {ratio:.2f}:1; {p.name} feed posts take "
                f"{lo or 0:.2f}:1 to {hi or 0:.2f}:1: crop it (the Images page does this).",
            )
        )
    return out

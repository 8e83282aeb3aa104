"""Small pictures for screens: the upload's preview with its focal point, grid thumbnails."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from PIL import Image, ImageDraw

from assistant.imaging.convert import to_working, upright
from assistant.imaging.load import DEFAULT_MAX_PIXELS, ImageSource, decode, open_source, read_bytes


@dataclass(frozen=True)
class Preview:
    image: Image.Image  # upright, sRGB, long side at most ``max_side``
    width: int  # the original's upright size
    height: int
    format: str
    animated: bool


def make_preview(
    source: ImageSource,
    *,
    max_side: int = 720,
    focus: tuple[float, float] | None = None,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> Preview:
    """The upload as a screen-sized picture, with a marker at ``focus`` if given.

    Loads as safely as the renderer does, so a bad upload fails here with the same message.
    """
    data, name = read_bytes(source)
    opened = open_source(data, name, max_pixels=max_pixels)
    width, height = opened.oriented_size
    scale = min(1.0, max_side / max(width, height))
    decoded = decode(opened, (math.ceil(width * scale), math.ceil(height * scale)))
    image, _notes = to_working(upright(decoded))
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)  # our own fresh copy
    if focus is not None:
        image = mark_focus(image, focus)
    return Preview(image, width, height, opened.format, opened.animated)


def mark_focus(image: Image.Image, focus: tuple[float, float]) -> Image.Image:
    """A copy with a ring and cross at ``focus`` (fractions), visible on light and dark."""
    marked = image.copy()
    draw = ImageDraw.Draw(marked)
    x, y = focus[0] * image.width, focus[1] * image.height
    radius = max(6, min(image.size) // 30)
    for colour, width in (((0, 0, 0), 5), ((255, 255, 255), 2)):
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=colour, width=width)
        draw.line((x - 2 * radius, y, x + 2 * radius, y), fill=colour, width=width - 1)
        draw.line((x, y - 2 * radius, x, y + 2 * radius), fill=colour, width=width - 1)
    return marked


def thumbnail(data: bytes, max_side: int = 360) -> bytes:
    """A small JPEG (PNG if see-through) of a finished file, for preview grids."""
    image = Image.open(io.BytesIO(data))
    image.draft(image.mode, (max_side, max_side))
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    if image.mode in ("RGBA", "LA", "P"):
        image.convert("RGBA").save(buffer, "PNG")
    else:
        image.convert("RGB").save(buffer, "JPEG", quality=80)
    return buffer.getvalue()

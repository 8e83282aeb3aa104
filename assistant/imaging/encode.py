"""Encode into a format the preset accepts, within its byte budget.

JPEG (and WebP) search the quality downward: 92 first, then a bisection over 40..91 for the
highest quality that fits. PNG only where transparency matters and the preset takes it.
Files carry the sRGB profile and nothing else: no EXIF, no GPS, no XMP, no comment.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

from PIL import Image

from assistant.errors import ImageError
from assistant.imaging.convert import SRGB_ICC, has_transparency

QUALITY_START = 92
QUALITY_FLOOR = 40
# Below the floor only as a last resort, and said so.
LAST_RESORT = (30, 20, 10)
PNG_LEVEL = 6
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
MIME_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
_ALIASES = {"JPG": "JPEG", "WEBP": "WEBP", "JPEG": "JPEG", "PNG": "PNG", "GIF": "GIF"}


@dataclass(frozen=True)
class Encoded:
    data: bytes
    format: str
    quality: int | None
    warnings: tuple[str, ...] = ()


@dataclass
class EncodeCache:
    """Remembers encodings of one pixel image, so presets of equal size share the work."""

    entries: dict[tuple[Hashable, str, int, str], bytes] = field(default_factory=dict)

    def get(self, key: tuple[Hashable, str, int, str], make: Callable[[], bytes]) -> bytes:
        if key not in self.entries:
            self.entries[key] = make()
        return self.entries[key]


def allowed_formats(formats: Iterable[str]) -> list[str]:
    """The preset's formats we can write, upper-case, in its order of preference."""
    out = [_ALIASES[f.upper()] for f in formats if f.upper() in _ALIASES]
    return list(dict.fromkeys(out))


def encode_for(
    image: Image.Image,
    formats: Iterable[str],
    max_bytes: int,
    *,
    cache: EncodeCache | None = None,
    key: Hashable = None,
) -> Encoded:
    """The best file for ``image`` among ``formats`` that is at most ``max_bytes`` long."""
    allowed = allowed_formats(formats)
    if not allowed:
        raise ImageError(f"no writable format among {list(formats)}; use JPEG, PNG, WEBP or GIF")
    transparent = has_transparency(image)
    if not transparent and image.mode != "RGB":
        image = image.convert("RGB")  # an alpha channel that is opaque everywhere here
    job = _Job(image, max_bytes, cache or EncodeCache(), (key if key is not None else id(image)))
    if transparent:
        kept = _keep_transparency(job, allowed)
        if kept is not None:
            return kept
        job = job.flattened()
        if {"PNG", "WEBP"} & set(allowed):
            why = f"a see-through file would be over the {max_bytes:,} byte budget"
        else:
            why = f"this preset takes only {'/'.join(allowed)}"
        job.notes.append(f"transparency filled with white: {why}")
    for fmt in allowed:
        if fmt in ("JPEG", "WEBP"):
            return job.lossy(fmt)
    if "PNG" in allowed:
        result = job.png()
        if result is not None:
            return result
    if "GIF" in allowed:
        return job.gif()
    raise ImageError(
        f"cannot fit a {image.width}x{image.height} image into {max_bytes} bytes as "
        f"{'/'.join(allowed)}; choose a simpler picture"
    )


def _keep_transparency(job: _Job, allowed: list[str]) -> Encoded | None:
    for fmt in allowed:
        if fmt == "PNG":
            result = job.png()
            if result is not None:
                return result
        elif fmt == "WEBP":
            return job.lossy("WEBP")
    return None


@dataclass
class _Job:
    image: Image.Image
    max_bytes: int
    cache: EncodeCache
    key: Hashable
    notes: list[str] = field(default_factory=list)

    def flattened(self) -> _Job:
        white = Image.new("RGB", self.image.size, (255, 255, 255))
        white.paste(self.image, (0, 0), self.image.getchannel("A"))
        return _Job(white, self.max_bytes, self.cache, (self.key, "flat"), list(self.notes))

    def save(self, fmt: str, level: int, variant: str = "") -> bytes:
        key = (self.key, fmt, level, variant)
        return self.cache.get(key, lambda: _save(self, fmt, level, variant))

    def done(self, data: bytes, fmt: str, quality: int | None, *extra: str) -> Encoded:
        return Encoded(data, fmt, quality, tuple(self.notes) + extra)

    def lossy(self, fmt: str) -> Encoded:
        """The highest quality from 92 down that fits; below 40 only with a warning."""
        data = self.save(fmt, QUALITY_START)
        if len(data) <= self.max_bytes:
            return self.done(data, fmt, QUALITY_START)
        quality = self._estimate(fmt, len(data)) if fmt == "JPEG" else None
        if quality is None:
            if not self.fits(fmt, QUALITY_FLOOR):
                return self._last_resort(fmt)
            quality = _highest(QUALITY_FLOOR, QUALITY_START - 1, lambda q: self.fits(fmt, q))
        # the estimate is close; real encodes settle it: highest quality that fits
        while quality > QUALITY_FLOOR and not self.fits(fmt, quality):
            quality -= 1
        if not self.fits(fmt, quality):
            return self._last_resort(fmt)
        while quality < QUALITY_START - 1 and self.fits(fmt, quality + 1):
            quality += 1
        return self.done(self.save(fmt, quality), fmt, quality)

    def fits(self, fmt: str, quality: int) -> bool:
        return len(self.save(fmt, quality)) <= self.max_bytes

    def _estimate(self, fmt: str, size_at_start: int) -> int | None:
        """Bisect on baseline JPEG encodes (7x cheaper than progressive), scaled by the
        progressive/baseline size ratio at quality 92; None if even 40 looks too big."""
        ratio = size_at_start / len(self.save(fmt, QUALITY_START, "baseline"))

        def looks_fitting(quality: int) -> bool:
            return len(self.save(fmt, quality, "baseline")) * ratio <= self.max_bytes

        if not looks_fitting(QUALITY_FLOOR):
            return None
        return _highest(QUALITY_FLOOR, QUALITY_START - 1, looks_fitting)

    def _last_resort(self, fmt: str) -> Encoded:
        for quality in LAST_RESORT:
            data = self.save(fmt, quality)
            if len(data) <= self.max_bytes:
                note = f"quality lowered to {quality} to stay under {self.max_bytes} bytes"
                return self.done(data, fmt, quality, note)
        raise ImageError(
            f"even at quality {LAST_RESORT[-1]} the {self.image.width}x{self.image.height} "
            f"{fmt} is over {self.max_bytes} bytes; choose a less detailed picture"
        )

    def png(self) -> Encoded | None:
        """Lossless if it fits, else 256 colours (alpha kept), else None."""
        data = self.save("PNG", PNG_LEVEL)
        if len(data) <= self.max_bytes:
            return self.done(data, "PNG", None)
        data = self.save("PNG", PNG_LEVEL, "256")
        if len(data) <= self.max_bytes:
            return self.done(data, "PNG", None, "reduced to 256 colours to fit the byte budget")
        return None

    def gif(self) -> Encoded:
        data = self.save("GIF", 0)
        if len(data) > self.max_bytes:
            raise ImageError(f"the GIF is over {self.max_bytes} bytes; choose a simpler picture")
        return self.done(data, "GIF", None, "reduced to 256 colours (GIF)")


def _highest(low: int, high: int, ok: Callable[[int], bool]) -> int:
    """The highest quality in [low, high] for which ``ok`` holds; ``ok(low)`` must hold."""
    while low < high:
        mid = (low + high + 1) // 2
        if ok(mid):
            low = mid
        else:
            high = mid - 1
    return low


def _save(job: _Job, fmt: str, level: int, variant: str) -> bytes:
    image = job.image
    buffer = io.BytesIO()
    if fmt == "JPEG" and variant == "baseline":  # only to estimate sizes, never delivered
        image.save(buffer, "JPEG", quality=level)
    elif fmt == "JPEG":
        image.save(
            buffer, "JPEG", quality=level, optimize=True, progressive=True, icc_profile=SRGB_ICC
        )
    elif fmt == "WEBP":
        image.save(buffer, "WEBP", quality=level, method=4, icc_profile=SRGB_ICC)
    elif fmt == "PNG":
        pixels = _palette(image) if variant == "256" else image
        pixels.save(buffer, "PNG", compress_level=level, icc_profile=SRGB_ICC)
    else:
        _palette(image).save(buffer, "GIF")
    return buffer.getvalue()


def _palette(image: Image.Image) -> Image.Image:
    """256 colours; FASTOCTREE is the quantiser that keeps an alpha channel."""
    method = Image.Quantize.FASTOCTREE if image.mode == "RGBA" else Image.Quantize.MEDIANCUT
    return image.quantize(256, method=method)

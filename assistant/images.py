"""Image studio: one upload in, a file for every platform preset out.

    renditions = render_images("photo.heic", ["instagram", "bluesky"], focus=(0.7, 0.4))
    zip_bytes = renditions_zip(renditions)

The photo is decoded once, at the smallest JPEG scale that still covers the largest preset,
made upright and sRGB, and every preset is cut from that one image: around the user's focal
point, around the subject found automatically, or padded. Each file is in a format its preset
takes and within its byte budget. The parts live in ``assistant.imaging``.
"""

from __future__ import annotations

import builtins
import io
import json
import math
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from PIL import Image

from assistant.errors import InputError
from assistant.imaging import geometry
from assistant.imaging.convert import to_working, upright
from assistant.imaging.encode import EXTENSIONS, MIME_TYPES, EncodeCache, encode_for
from assistant.imaging.focus import best_centre, saliency_map
from assistant.imaging.load import DEFAULT_MAX_PIXELS, ImageSource, Source, decode, open_source
from assistant.imaging.load import read_bytes as _read_bytes
from assistant.imaging.preview import Preview, make_preview, mark_focus, thumbnail
from assistant.imaging.targets import (
    Target,
    parse_colour,
    parse_focus,
    resolve_targets,
    slugify,
)
from assistant.models import MediaInfo

Mode = Literal["crop", "pad"]
Progress = Callable[[int, int], None]
# Below this share of the picture kept by a crop, say that padding may be the better choice.
HEAVY_CROP = 0.35

__all__ = [
    "DEFAULT_MAX_PIXELS",
    "Mode",
    "Preview",
    "Rendition",
    "Target",
    "make_preview",
    "mark_focus",
    "media_info",
    "parse_focus",
    "render_images",
    "renditions_zip",
    "resolve_targets",
    "slugify",
    "thumbnail",
    "write_renditions",
]


@dataclass(frozen=True)
class Rendition:
    """One finished file for one platform preset."""

    platform: str
    preset: str
    preset_name: str
    width: int
    height: int
    format: str
    bytes: int
    data: builtins.bytes = field(repr=False)
    filename: str
    max_bytes: int
    warnings: tuple[str, ...] = ()
    focus: tuple[float, float] | None = None  # the point the crop is centred on (fractions)
    quality: int | None = None
    crop: tuple[float, float, float, float] | None = None  # kept region (fractions of source)

    @property
    def mime_type(self) -> str:
        return MIME_TYPES[self.format]

    def to_dict(self) -> dict[str, Any]:
        """Everything but the pixels, JSON-ready."""
        return {
            "platform": self.platform,
            "preset": self.preset,
            "preset_name": self.preset_name,
            "width": self.width,
            "height": self.height,
            "format": self.format,
            "bytes": self.bytes,
            "max_bytes": self.max_bytes,
            "filename": self.filename,
            "quality": self.quality,
            "focus": list(self.focus) if self.focus else None,
            "crop": [round(v, 4) for v in self.crop] if self.crop else None,
            "warnings": list(self.warnings),
        }


def render_images(
    path_or_bytes: ImageSource,
    platforms_or_presets: Iterable[Any],
    *,
    focus: tuple[float, float] | str | None = None,
    mode: Mode = "crop",
    pad_color: str | tuple[int, int, int] | None = None,
    kit: str = "postwerk",
    slug: str | None = None,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    progress: Progress | None = None,
) -> list[Rendition]:
    """Render the image into every preset of the given platforms (ids, Platforms, presets).

    ``focus`` is (x, y) in fractions of the upright picture; None finds the subject.
    ``mode="pad"`` keeps the whole picture on ``pad_color`` (or a blurred fill).
    Raises ImageError / InputError with a message that says what to do.
    """
    targets = resolve_targets(platforms_or_presets)
    point = parse_focus(focus)
    colour = parse_colour(pad_color)
    if mode not in ("crop", "pad"):
        raise InputError(f"unknown mode {mode!r}; use crop or pad")
    data, name = _read_bytes(path_or_bytes)
    source = open_source(data, name, max_pixels=max_pixels)
    studio = _Studio.start(source, targets, mode, point, colour)
    stem = f"{slugify(kit) or 'postwerk'}-{slugify(slug or _default_slug(path_or_bytes))}"
    out = []
    for done, target in enumerate(targets, start=1):
        out.append(studio.render(target, stem))
        if progress is not None:
            progress(done, len(targets))
    return out


@dataclass
class _Studio:
    """The decoded picture and what every preset shares: saliency, caches, warnings."""

    work: Image.Image
    original: tuple[int, int]  # upright size of the file, before any decoder downscale
    mode: Mode
    focus: tuple[float, float] | None
    colour: tuple[int, int, int] | None
    notes: list[str]
    saliency: Any = None
    pixels: dict[tuple[object, ...], Image.Image] = field(default_factory=dict)
    cache: EncodeCache = field(default_factory=EncodeCache)

    @classmethod
    def start(
        cls,
        source: Source,
        targets: list[Target],
        mode: Mode,
        focus: tuple[float, float] | None,
        colour: tuple[int, int, int] | None,
    ) -> _Studio:
        need = needed_size(source.oriented_size, [t.size for t in targets], mode)
        decoded = decode(source, need)
        work, notes = to_working(upright(decoded))
        work = geometry.shrink_to_cover(work, need)
        if source.animated:
            notes.insert(0, f"animated {source.format}: only the first frame is used")
        studio = cls(work, source.oriented_size, mode, focus, colour, notes)
        if mode == "crop" and focus is None:
            studio.saliency = saliency_map(work)
        return studio

    def render(self, target: Target, stem: str) -> Rendition:
        preset = target.preset
        size = target.size
        if self.mode == "pad":
            centre, box, kept = None, (0.0, 0.0, 1.0, 1.0), 1.0
            pixels = self._pixels(("pad", size), lambda: geometry.pad(self.work, size, self.colour))
        else:
            centre = self.focus or best_centre(self.saliency, size[0] / size[1])
            box = self._fraction_box(size, centre)
            kept = (box[2] - box[0]) * (box[3] - box[1])
            pixels = self._pixels(("crop", size, box), lambda: self._crop(box, size))
        encoded = encode_for(
            pixels, preset.formats, preset.max_bytes, cache=self.cache, key=(size, box)
        )
        warnings = [*self.notes, *self._size_warnings(target, box, kept), *encoded.warnings]
        return Rendition(
            platform=target.platform,
            preset=preset.id,
            preset_name=preset.name,
            width=pixels.width,
            height=pixels.height,
            format=encoded.format,
            bytes=len(encoded.data),
            data=encoded.data,
            filename=f"{stem}-{slugify(target.platform)}-{slugify(preset.id)}."
            f"{EXTENSIONS[encoded.format]}",
            max_bytes=preset.max_bytes,
            warnings=tuple(dict.fromkeys(warnings)),
            focus=(round(centre[0], 4), round(centre[1], 4)) if centre else None,
            quality=encoded.quality,
            crop=box,
        )

    def _pixels(self, key: tuple[object, ...], make: Callable[[], Image.Image]) -> Image.Image:
        # Presets of equal size and crop (1080x1080 on six platforms) are resampled once.
        if key not in self.pixels:
            self.pixels[key] = make()
        return self.pixels[key]

    def _fraction_box(
        self, size: tuple[int, int], centre: tuple[float, float]
    ) -> tuple[float, float, float, float]:
        left, top, right, bottom = geometry.crop_box(self.original, size, centre)
        width, height = self.original
        return left / width, top / height, right / width, bottom / height

    def _crop(self, box: tuple[float, float, float, float], size: tuple[int, int]) -> Image.Image:
        width, height = self.work.size
        pixel_box = (box[0] * width, box[1] * height, box[2] * width, box[3] * height)
        return geometry.resample(self.work, pixel_box, size)

    def _size_warnings(
        self, target: Target, box: tuple[float, float, float, float], kept: float
    ) -> list[str]:
        preset = target.preset
        src_w = (box[2] - box[0]) * self.original[0]
        src_h = (box[3] - box[1]) * self.original[1]
        if self.mode == "pad":
            inner = geometry.contain_size(self.original, target.size)
            factor = inner[0] / self.original[0]
        else:
            factor = max(preset.width / src_w, preset.height / src_h)
        out = []
        if factor > 1.01:
            out.append(
                f"the picture is only {self.original[0]}x{self.original[1]}: upscaled "
                f"{factor:.1f}x for {preset.width}x{preset.height}, it may look soft; "
                "use a larger original"
            )
        min_w, min_h = preset.min_width or 0, preset.min_height or 0
        if src_w < min_w - 0.5 or src_h < min_h - 0.5:
            out.append(
                f"the part of the picture used is {src_w:.0f}x{src_h:.0f}, below "
                f"{target.platform}'s minimum of {min_w}x{min_h}: the file has the right size "
                "but will look soft"
            )
        if self.mode == "crop" and kept < HEAVY_CROP:
            out.append(
                f"the crop keeps only {kept:.0%} of the picture; try mode pad to keep all of it"
            )
        return out


def needed_size(
    original: tuple[int, int], sizes: Iterable[tuple[int, int]], mode: Mode
) -> tuple[int, int]:
    """The smallest decode of ``original`` (upright) that still covers every target size."""
    width, height = original
    best = 0.0
    for target_w, target_h in sizes:
        fit = max if mode == "crop" else min
        best = max(best, min(1.0, fit(target_w / width, target_h / height)))
    return max(1, math.ceil(width * best)), max(1, math.ceil(height * best))


def _default_slug(source: ImageSource) -> str:
    name = getattr(source, "name", None) if not isinstance(source, str | Path) else source
    stem = Path(str(name)).stem if name else ""
    return slugify(stem) or "image"


def media_info(
    rendition: Rendition, *, path: str | Path | None = None, alt_text: str | None = None
) -> MediaInfo:
    """What drafts and queue items attach (and what ``check_post`` measures)."""
    return MediaInfo(
        format=rendition.format,
        bytes=rendition.bytes,
        width=rendition.width,
        height=rendition.height,
        path=str(path) if path is not None else None,
        alt_text=alt_text or None,
    )


def write_renditions(renditions: Iterable[Rendition], directory: str | Path) -> list[Path]:
    """Write every file into ``directory`` (created if needed); returns the paths."""
    folder = Path(directory)
    paths = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for rendition in renditions:
            path = folder / rendition.filename
            partial = path.with_name(path.name + ".part")
            partial.write_bytes(rendition.data)
            partial.replace(path)  # never leave a half-written image under the real name
            paths.append(path)
    except OSError as exc:
        raise InputError(
            f"cannot write into {folder}: {exc.strerror or exc}; choose a writable folder"
        ) from None
    return paths


def renditions_zip(renditions: Iterable[Rendition]) -> builtins.bytes:
    """All files in one ZIP, plus manifest.json (sizes, formats, bytes, warnings)."""
    buffer = io.BytesIO()
    manifest = []
    seen: set[str] = set()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for rendition in renditions:
            name = _unique(rendition.filename, seen)
            # JPEG/PNG/WebP are compressed already: storing is as small and much faster
            archive.writestr(name, rendition.data)
            manifest.append({**rendition.to_dict(), "filename": name})
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
    return buffer.getvalue()


def _unique(name: str, seen: set[str]) -> str:
    stem, dot, ext = name.rpartition(".")
    candidate, n = name, 2
    while candidate in seen:
        candidate, n = f"{stem}-{n}{dot}{ext}", n + 1
    seen.add(candidate)
    return candidate

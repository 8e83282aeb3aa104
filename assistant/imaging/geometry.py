"""Crop boxes, exact-size resampling and padding. New images out, inputs untouched."""

from __future__ import annotations

from PIL import Image, ImageFilter

Box = tuple[float, float, float, float]
Size = tuple[int, int]
Colour = tuple[int, int, int]

RESAMPLE = Image.Resampling.LANCZOS
# reduce() by whole factors first, then LANCZOS over the last <3x: indistinguishable from a
# full LANCZOS pass and several times faster on big sources.
REDUCING_GAP = 3.0
# The blurred fill is made at 1/16 of the target: its cost does not grow with the target.
FILL_SCALE = 16
FILL_DIM = 0.8


def shrink_to_cover(image: Image.Image, need: Size) -> Image.Image:
    """Box-reduce by the largest whole factor that still covers ``need``.

    What JPEG's ``draft`` does inside the decoder, done for every other format (HEIC, PNG,
    WebP, AVIF) so that every preset resamples from fewer pixels. RGB/RGBA only.
    """
    factor = min(image.width // max(1, need[0]), image.height // max(1, need[1]))
    return image.reduce(factor) if factor >= 2 else image


def window_size(size: Size, target: Size) -> tuple[float, float]:
    """The largest window of the target's aspect ratio that fits in ``size``."""
    width, height = size
    aspect = target[0] / target[1]
    if width / height > aspect:
        return height * aspect, float(height)
    return float(width), width / aspect


def crop_box(size: Size, target: Size, centre: tuple[float, float]) -> Box:
    """That window, centred on ``centre`` (fractions) as far as the image edges allow."""
    width, height = size
    box_w, box_h = window_size(size, target)
    left = min(max(centre[0] * width - box_w / 2.0, 0.0), width - box_w)
    top = min(max(centre[1] * height - box_h / 2.0, 0.0), height - box_h)
    return left, top, left + box_w, top + box_h


def resample(image: Image.Image, box: Box, target: Size) -> Image.Image:
    """The ``box`` region scaled to exactly ``target`` (one pass, no intermediate crop)."""
    out = image.resize(target, RESAMPLE, box=box, reducing_gap=REDUCING_GAP)
    out.info = {}
    return out


def contain_size(size: Size, target: Size) -> Size:
    """The whole image scaled to fit inside ``target``, aspect kept."""
    scale = min(target[0] / size[0], target[1] / size[1])
    return (
        max(1, min(target[0], round(size[0] * scale))),
        max(1, min(target[1], round(size[1] * scale))),
    )


def pad(image: Image.Image, target: Size, colour: Colour | None) -> Image.Image:
    """The whole image on a ``target`` canvas: a solid colour, or a blurred fill if None."""
    inner = contain_size(image.size, target)
    photo = image.resize(inner, RESAMPLE, reducing_gap=REDUCING_GAP)
    canvas = Image.new("RGB", target, colour) if colour else blurred_fill(image, target)
    offset = ((target[0] - inner[0]) // 2, (target[1] - inner[1]) // 2)
    canvas.paste(photo, offset, photo if photo.mode == "RGBA" else None)
    canvas.info = {}
    return canvas


def blurred_fill(image: Image.Image, target: Size) -> Image.Image:
    """The photo itself, cover-cropped, blurred and dimmed: a background that matches."""
    small = (max(1, target[0] // FILL_SCALE), max(1, target[1] // FILL_SCALE))
    box = crop_box(image.size, target, (0.5, 0.5))
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    tiny = rgb.resize(small, Image.Resampling.BOX, box=box, reducing_gap=2.0)
    tiny = tiny.filter(ImageFilter.GaussianBlur(2))
    tiny = tiny.point(lambda value: int(value * FILL_DIM))
    return tiny.resize(target, Image.Resampling.BICUBIC)

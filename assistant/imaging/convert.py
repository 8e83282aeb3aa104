"""Upright, sRGB, RGB or RGBA: the one working form every later step can rely on.

Each function returns a new image and leaves its input alone.
"""

from __future__ import annotations

import io
from functools import lru_cache

import numpy as np
from PIL import Image, ImageCms, ImageOps

SRGB_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
SRGB_ICC: bytes = SRGB_PROFILE.tobytes()
# Modes that hold more than 8 bits per sample: Pillow's convert("L") would clip them.
WIDE_MODES = {"I", "I;16", "I;16B", "I;16L", "I;16N", "F"}
ALPHA_MODES = {"RGBA", "RGBa", "LA", "La", "PA"}
ICC_ERRORS = (ImageCms.PyCMSError, OSError, ValueError, TypeError)
PROFILE_WARNING = "the embedded colour profile could not be read; colours taken as sRGB"


def upright(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation so that the pixels are stored the way they are shown."""
    transposed = ImageOps.exif_transpose(image)
    return transposed if transposed is not None else image.copy()


def to_working(image: Image.Image) -> tuple[Image.Image, list[str]]:
    """RGB (or RGBA when some pixel is see-through) in sRGB, with no metadata attached.

    Returns the new image and the warnings worth telling the user.
    """
    icc = image.info.get("icc_profile") or None
    warnings: list[str] = []
    if image.mode == "CMYK":
        out, ok = _cmyk_to_rgb(image, icc)
    else:
        out = to_rgb_or_rgba(image)
        ok = True
        if icc and image.mode in ("L", "LA", "1", "P", "PA", "RGB", "RGBA", "RGBX", "RGBa"):
            out, ok = _to_srgb(out, icc)
    if not ok:
        warnings.append(PROFILE_WARNING)
    out.info = {}  # a fresh image of ours: drop EXIF, XMP, comments, the old profile
    return out, warnings


def to_rgb_or_rgba(image: Image.Image) -> Image.Image:
    """Every Pillow mode to RGB, or RGBA when transparency is actually used."""
    mode = image.mode
    if mode in WIDE_MODES:
        return _wide_to_l(image).convert("RGB")
    if mode in ALPHA_MODES or "transparency" in image.info:
        # convert() honours a palette's or a colour key's "transparency" entry
        rgba = image.convert("RGBA")
        return rgba if has_transparency(rgba) else rgba.convert("RGB")
    if mode == "RGB":
        return image.copy()
    return image.convert("RGB")


def has_transparency(image: Image.Image) -> bool:
    """True when the image has an alpha channel with at least one pixel not fully opaque."""
    if image.mode not in ALPHA_MODES:
        return False
    low = image.getchannel("A").getextrema()[0]
    return isinstance(low, int | float) and low < 255


def _wide_to_l(image: Image.Image) -> Image.Image:
    """16-bit (or 32-bit / float) grey to 8-bit by scaling, not by clipping at 255."""
    arr = np.asarray(image)
    if arr.dtype.kind == "f":
        top = 1.0 if float(np.nanmax(arr, initial=0.0)) <= 1.0 else 255.0
        scaled = np.nan_to_num(arr / top * 255.0)
    else:
        top = 65535.0 if int(arr.max(initial=0)) > 255 or image.mode.startswith("I;16") else 255.0
        scaled = arr.astype(np.float64) * (255.0 / top)
    return Image.fromarray(np.clip(np.rint(scaled), 0, 255).astype(np.uint8), "L")


def _cmyk_to_rgb(image: Image.Image, icc: bytes | None) -> tuple[Image.Image, bool]:
    if icc:
        try:
            return _apply(image, icc, "CMYK", "RGB"), True
        except ICC_ERRORS:
            return image.convert("RGB"), False
    return image.convert("RGB"), True


def _to_srgb(image: Image.Image, icc: bytes) -> tuple[Image.Image, bool]:
    """Convert pixels described by ``icc`` to sRGB; grey profiles apply to grey-derived RGB."""
    try:
        space = _colour_space(icc)
        if space == "SRGB":
            return image, True
        if space == "GRAY":
            # The grey profile describes the luminance; sRGB's curve is close enough for
            # social-media previews, and lcms has no grey->RGB path for RGB-stored pixels.
            return image, True
        if space != "RGB":
            return image, False
        return _apply(image, icc, image.mode, image.mode), True
    except ICC_ERRORS:
        return image, False


def _apply(image: Image.Image, icc: bytes, in_mode: str, out_mode: str) -> Image.Image:
    out = ImageCms.applyTransform(image, _transform(icc, in_mode, out_mode))
    if out is None:  # only with inPlace=True, which we never ask for
        raise ImageCms.PyCMSError("colour transform returned no image")
    return out


@lru_cache(maxsize=32)
def _colour_space(icc: bytes) -> str:
    profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    space = profile.profile.xcolor_space.strip().upper()
    description = (profile.profile.profile_description or "").lower()
    if space == "RGB" and "srgb" in description:
        return "SRGB"  # already what we write: skip a 60 ms transform per photo
    return space


@lru_cache(maxsize=32)
def _transform(icc: bytes, in_mode: str, out_mode: str) -> ImageCms.ImageCmsTransform:
    # Building a transform costs milliseconds; the same camera profile repeats a lot.
    source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    return ImageCms.buildTransform(
        source, SRGB_PROFILE, in_mode, out_mode, renderingIntent=ImageCms.Intent.PERCEPTUAL
    )

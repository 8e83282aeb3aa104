"""Every input format and mode comes out upright, sRGB, in the right colours, without EXIF."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageCms

from assistant.images import Rendition, render_images
from assistant.imaging.convert import SRGB_ICC
from assistant.platforms import ImagePreset
from tests.images.factory import (
    RED,
    encode,
    gps_exif,
    marked,
    photo,
    swapped_rgb_profile,
    with_orientation,
)

PROBE = ImagePreset(
    id="probe", name="Probe 3:2", width=300, height=200, formats=("JPEG", "PNG"), max_bytes=10**6
)
PROBE_JPEG = ImagePreset(
    id="probe_jpeg", name="Probe JPEG", width=300, height=200, formats=("JPEG",), max_bytes=10**6
)


def one(data: bytes, preset: ImagePreset = PROBE, **kwargs: object) -> Rendition:
    [rendition] = render_images(data, [("test", preset)], **kwargs)  # type: ignore[arg-type]
    return rendition


def pixels(rendition: Rendition) -> Image.Image:
    image = Image.open(io.BytesIO(rendition.data))
    image.load()
    return image


def close(colour: tuple[int, ...], expected: tuple[int, int, int], tol: int = 40) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(colour[:3], expected, strict=True))


def assert_clean(rendition: Rendition) -> None:
    """Exact size, sRGB profile kept, no EXIF/GPS/XMP left."""
    image = pixels(rendition)
    assert image.size == (rendition.width, rendition.height)
    assert image.format == rendition.format
    assert b"Exif\x00\x00" not in rendition.data
    assert not image.getexif()
    assert "xmp" not in image.info and "exif" not in image.info
    assert image.info.get("icc_profile") == SRGB_ICC


@pytest.mark.parametrize("orientation", [3, 6, 8])
@pytest.mark.parametrize("fmt", ["JPEG", "WEBP"])
def test_exif_orientation_is_applied(orientation: int, fmt: str) -> None:
    data = with_orientation(marked(300, 200), orientation, fmt)
    rendition = one(data, focus=(0.5, 0.5))
    image = pixels(rendition).convert("RGB")
    assert image.size == (300, 200)
    assert close(image.getpixel((20, 15)), RED), "the red corner must be top-left when shown"
    assert close(image.getpixel((280, 185)), (120, 120, 120))
    assert_clean(rendition)


def test_cmyk_jpeg_colours() -> None:
    cmyk = Image.new("CMYK", (600, 400), (0, 255, 255, 0))  # full magenta + yellow = red
    rendition = one(encode(cmyk, "JPEG", quality=95))
    image = pixels(rendition)
    assert image.mode == "RGB"
    assert close(image.getpixel((150, 100)), (255, 0, 0), tol=50)
    assert_clean(rendition)


def test_sixteen_bit_png_is_scaled_not_clipped() -> None:
    ramp = np.tile(np.linspace(0, 65535, 600).astype(np.uint16), (400, 1))
    data = encode(Image.fromarray(ramp), "PNG")
    assert Image.open(io.BytesIO(data)).mode in ("I;16", "I")
    image = pixels(one(data)).convert("L")
    row = [image.getpixel((x, 100)) for x in (5, 150, 295)]
    assert row[0] < 20 and 100 < row[1] < 156 and row[2] > 235, row


def _palette_with_hole() -> bytes:
    image = Image.new("P", (600, 400), 1)
    image.putpalette([0, 0, 0, 20, 120, 220] + [0] * 762)
    image.paste(0, (200, 100, 400, 300))  # index 0 = the transparent one
    return encode(image, "PNG", transparency=0)


def test_palette_png_with_transparency_stays_transparent_where_png_is_taken() -> None:
    rendition = one(_palette_with_hole())
    assert rendition.format == "PNG"
    image = pixels(rendition).convert("RGBA")
    assert image.getpixel((150, 100))[3] == 0
    assert (
        close(image.getpixel((10, 10)), (20, 120, 220), tol=3)
        and image.getpixel((10, 10))[3] == 255
    )
    assert_clean(rendition)


def test_transparency_is_flattened_onto_white_for_jpeg_only_presets() -> None:
    rendition = one(_palette_with_hole(), PROBE_JPEG)
    assert rendition.format == "JPEG"
    assert any("transparency filled with white" in w for w in rendition.warnings)
    assert close(pixels(rendition).getpixel((150, 100)), (255, 255, 255), tol=8)


@pytest.mark.parametrize(
    ("mode", "value", "expected"),
    [
        ("LA", (90, 128), None),
        ("RGBA", (200, 30, 30, 255), (200, 30, 30)),
        ("L", 90, (90, 90, 90)),
        ("1", 1, (255, 255, 255)),
        ("P", 0, None),
    ],
)
def test_every_mode_converts(
    mode: str, value: object, expected: tuple[int, int, int] | None
) -> None:
    image = Image.new(mode, (600, 400), value)  # type: ignore[arg-type]
    rendition = one(encode(image, "PNG"))
    out = pixels(rendition)
    if mode == "LA":  # half transparent grey: kept as a see-through PNG
        assert rendition.format == "PNG" and out.convert("RGBA").getpixel((150, 100))[3] == 128
    else:  # opaque: a JPEG, since nothing is see-through
        assert rendition.format == "JPEG" and out.mode == "RGB"
    if expected:
        assert close(out.getpixel((150, 100)), expected, tol=4)


def test_embedded_profile_is_converted_to_srgb() -> None:
    tagged = Image.new("RGB", (600, 400), (255, 0, 0))
    data = encode(tagged, "JPEG", quality=95, icc_profile=swapped_rgb_profile())
    rendition = one(data)
    # the file said its "red" channel is sRGB's green: converted, it must look green
    assert close(pixels(rendition).getpixel((150, 100)), (0, 255, 0), tol=60)
    profile = ImageCms.ImageCmsProfile(io.BytesIO(pixels(rendition).info["icc_profile"]))
    assert "sRGB" in profile.profile.profile_description
    assert_clean(rendition)


def test_broken_profile_is_a_warning_not_a_failure() -> None:
    data = encode(Image.new("RGB", (600, 400), (10, 200, 10)), "JPEG", icc_profile=b"junk" * 40)
    rendition = one(data)
    assert any("colour profile" in w for w in rendition.warnings)
    assert close(pixels(rendition).getpixel((150, 100)), (10, 200, 10), tol=12)


def test_gps_and_camera_exif_are_stripped() -> None:
    data = encode(photo(600, 400), "JPEG", quality=90, exif=gps_exif())
    assert b"TestCam" in data
    rendition = one(data)
    assert b"TestCam" not in rendition.data
    assert_clean(rendition)


@pytest.mark.parametrize("fmt", ["HEIF", "AVIF", "WEBP"])
def test_modern_formats(fmt: str) -> None:
    source = marked(600, 400)
    data = encode(source, fmt, quality=90)
    rendition = one(data, focus=(0.5, 0.5))
    image = pixels(rendition)
    assert image.size == (300, 200)
    assert close(image.getpixel((20, 15)), RED, tol=50)
    assert_clean(rendition)


@pytest.mark.parametrize("fmt", ["HEIF", "AVIF"])
def test_modern_formats_with_orientation(fmt: str) -> None:
    rendition = one(with_orientation(marked(300, 200), 6, fmt), focus=(0.5, 0.5))
    image = pixels(rendition)
    assert close(image.getpixel((20, 15)), RED, tol=50)
    assert close(image.getpixel((280, 185)), (120, 120, 120), tol=30)


def test_animated_gif_uses_first_frame_and_says_so() -> None:
    frames = [
        Image.new("RGB", (600, 400), c) for c in ((220, 20, 20), (20, 220, 20), (20, 20, 220))
    ]
    data = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert Image.open(io.BytesIO(data)).n_frames == 3
    rendition = one(data)
    assert any("animated GIF" in w and "first frame" in w for w in rendition.warnings)
    assert close(pixels(rendition).getpixel((150, 100)), (220, 20, 20), tol=30)
    assert rendition.format == "JPEG"


def test_still_gif_has_no_animation_warning() -> None:
    rendition = one(encode(Image.new("RGB", (600, 400), (20, 20, 220)), "GIF"))
    assert not any("animated" in w for w in rendition.warnings)

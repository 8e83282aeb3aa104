"""Where the crop goes: the subject found automatically, the user's focal point, padding."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from assistant.images import Rendition, render_images
from assistant.platforms import ImagePreset
from tests.images.factory import encode, subject_scene

TALL = ImagePreset(
    id="tall", name="9:16", width=540, height=960, formats=("JPEG",), max_bytes=10**6
)
WIDE = ImagePreset(
    id="wide", name="16:9", width=960, height=540, formats=("JPEG",), max_bytes=10**6
)


def subject_pixels(rendition: Rendition) -> int:
    """How many pixels carry the subject's colours (orange/red stripes)."""
    arr = np.asarray(Image.open(io.BytesIO(rendition.data)).convert("RGB")).astype(int)
    red, blue = arr[..., 0], arr[..., 2]
    return int(((red > 180) & (blue < 90) & (red - blue > 120)).sum())


@pytest.mark.parametrize("subject_x", [0.8, 0.2])
def test_auto_crop_keeps_an_off_centre_subject(subject_x: float) -> None:
    data = encode(subject_scene(1600, 900, subject_x), "JPEG", quality=92)
    [auto] = render_images(data, [("test", TALL)])
    [centred] = render_images(data, [("test", TALL)], focus=(0.5, 0.5))
    left, _, right, _ = auto.crop  # type: ignore[misc]
    # the subject's disc spans subject_x +- 0.1 of the width: all of it must be inside
    assert left <= subject_x - 0.102 and right >= subject_x + 0.102, auto.crop
    assert auto.focus is not None and abs(auto.focus[0] - subject_x) < 0.1
    # seen in the pixels: the whole disc is there, while a centred crop loses it
    disc = np.pi * (0.18 * 900 * 960 / 900) ** 2
    assert subject_pixels(auto) > 0.8 * disc * 0.5  # stripes: about half the disc is red
    assert subject_pixels(centred) < 0.1 * subject_pixels(auto)


def test_auto_crop_vertical_source_to_wide_preset() -> None:
    scene = subject_scene(1600, 900, 0.8).transpose(Image.Transpose.ROTATE_90)  # 900x1600
    # rotated 90 degrees counter-clockwise: the subject now sits at 20 % of the height
    [rendition] = render_images(encode(scene, "JPEG", quality=92), [("test", WIDE)])
    _, top, _, bottom = rendition.crop  # type: ignore[misc]
    assert top <= 0.2 - 0.102 and bottom >= 0.2 + 0.102, rendition.crop


def test_plain_picture_is_cropped_in_the_middle() -> None:
    flat = Image.new("RGB", (1600, 900), (90, 140, 200))
    [rendition] = render_images(encode(flat, "JPEG"), [("test", TALL)])
    assert rendition.focus is not None
    assert abs(rendition.focus[0] - 0.5) < 0.01 and rendition.focus[1] == 0.5


def test_user_focus_wins_and_is_clamped_at_the_edge() -> None:
    data = encode(subject_scene(1600, 900, 0.8), "JPEG", quality=92)
    [rendition] = render_images(data, [("test", TALL)], focus=(0.05, 0.5))
    assert rendition.focus == (0.05, 0.5)
    assert rendition.crop is not None and rendition.crop[0] == 0.0
    assert subject_pixels(rendition) == 0
    [string_focus] = render_images(data, [("test", TALL)], focus="0.8, 0.5")
    assert string_focus.crop is not None and string_focus.crop[0] > 0.5


def test_pad_with_brand_colour_keeps_the_whole_picture() -> None:
    data = encode(subject_scene(1600, 900, 0.8), "JPEG", quality=92)
    [padded] = render_images(data, [("test", TALL)], mode="pad", pad_color="#1a2b3c")
    image = Image.open(io.BytesIO(padded.data)).convert("RGB")
    assert image.size == (540, 960)
    for corner in ((5, 5), (534, 5), (5, 954), (534, 954)):
        assert all(
            abs(a - b) <= 6 for a, b in zip(image.getpixel(corner), (26, 43, 60), strict=True)
        )
    assert padded.focus is None
    assert subject_pixels(padded) > 0  # whole picture, subject included (small)
    # the picture band is 540x304 in the middle
    assert image.getpixel((270, 480)) != image.getpixel((270, 5))


def test_pad_with_blurred_fill() -> None:
    data = encode(subject_scene(1600, 900, 0.8), "JPEG", quality=92)
    [padded] = render_images(data, [("test", TALL)], mode="pad")
    arr = np.asarray(Image.open(io.BytesIO(padded.data)).convert("RGB")).astype(int)
    fill = arr[:300]  # above the picture band
    assert fill.std() > 2, "a blurred photo, not one flat colour"
    assert np.abs(np.diff(fill, axis=1)).mean() < 3, "and blurred: no sharp detail"


def test_heavy_crop_suggests_padding() -> None:
    data = encode(subject_scene(1600, 900, 0.5), "JPEG", quality=92)
    [rendition] = render_images(data, [("test", TALL)])
    assert any("try mode pad" in w for w in rendition.warnings)
    [padded] = render_images(data, [("test", TALL)], mode="pad")
    assert not any("try mode pad" in w for w in padded.warnings)

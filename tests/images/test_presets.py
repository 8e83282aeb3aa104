"""Every preset in the catalogue: exact size, an allowed format, within budget, no EXIF."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from assistant.images import Rendition, render_images
from assistant.imaging.convert import SRGB_ICC
from assistant.platforms import PLATFORM_IDS, all_platforms
from tests.images.factory import encode, gps_exif, photo

ALL_PRESETS = [(p.id, preset) for p in all_platforms() for preset in p.presets]


@pytest.fixture(scope="module")
def photo_renditions(noisy_photo: Image.Image) -> list[Rendition]:
    data = encode(noisy_photo, "JPEG", quality=95, exif=gps_exif())
    return render_images(data, PLATFORM_IDS, kit="Kaffee Rösterei", slug="Sommer Fest")


@pytest.fixture(scope="module")
def transparent_renditions() -> list[Rendition]:
    base = photo(1600, 1200, seed=9, grain=30.0).convert("RGBA")
    base.putalpha(Image.new("L", base.size, 255))
    base.paste((0, 0, 0, 0), (700, 500, 900, 700))  # a see-through hole every crop keeps
    return render_images(encode(base, "PNG"), PLATFORM_IDS, focus=(0.5, 0.5))


def check_rendition(rendition: Rendition, platform_id: str, preset: object) -> None:
    assert (rendition.platform, rendition.preset) == (platform_id, preset.id)  # type: ignore[attr-defined]
    assert (rendition.width, rendition.height) == (preset.width, preset.height)  # type: ignore[attr-defined]
    assert rendition.format in preset.formats  # type: ignore[attr-defined]
    assert rendition.bytes == len(rendition.data) <= preset.max_bytes  # type: ignore[attr-defined]
    image = Image.open(io.BytesIO(rendition.data))
    image.load()
    assert image.format == rendition.format
    assert image.size == (preset.width, preset.height)  # type: ignore[attr-defined]
    assert not image.getexif(), "no EXIF may survive"
    assert b"Exif\x00\x00" not in rendition.data and b"TestCam" not in rendition.data
    assert image.info.get("icc_profile") == SRGB_ICC
    if rendition.format == "JPEG":
        assert image.info.get("progressive") or image.info.get("progression")


def test_catalogue_has_presets() -> None:
    assert len(ALL_PRESETS) >= 20
    assert {pid for pid, _ in ALL_PRESETS} == set(PLATFORM_IDS)


def test_every_preset_from_a_photo(photo_renditions: list[Rendition]) -> None:
    assert len(photo_renditions) == len(ALL_PRESETS)
    for rendition, (pid, preset) in zip(photo_renditions, ALL_PRESETS, strict=True):
        check_rendition(rendition, pid, preset)
        assert rendition.filename == (
            f"kaffee-roesterei-sommer-fest-{pid.replace('_', '-')}-{preset.id}.jpg"
        )


def test_budgets_matter_and_the_best_quality_is_kept(photo_renditions: list[Rendition]) -> None:
    bluesky = [r for r in photo_renditions if r.platform == "bluesky"]
    # the grain makes a 1080x1350 quality-92 JPEG pass Bluesky's 1,000,000 bytes
    lowered = [r for r in bluesky if r.quality is not None and r.quality < 92]
    assert lowered, [(r.preset, r.bytes, r.quality) for r in bluesky]
    for rendition in lowered:
        assert rendition.bytes > 0.85 * rendition.max_bytes  # searched, not just slashed
    x_portrait = next(r for r in photo_renditions if (r.platform, r.preset) == ("x", "portrait"))
    assert x_portrait.quality == 92  # 5 MB is plenty: no needless loss


def test_every_preset_from_a_transparent_png(transparent_renditions: list[Rendition]) -> None:
    for rendition, (pid, preset) in zip(transparent_renditions, ALL_PRESETS, strict=True):
        check_rendition(rendition, pid, preset)
        if "PNG" not in preset.formats and "WEBP" not in preset.formats:
            assert rendition.format == "JPEG"
            assert any("transparency" in w for w in rendition.warnings)
    formats = {(r.platform, r.format) for r in transparent_renditions}
    assert ("instagram", "JPEG") in formats and ("x", "PNG") in formats

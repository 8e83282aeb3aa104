"""Images for Bluesky blobs: sent as they are when they fit, re-encoded when not, refused in
one line when nothing fits."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from PIL import Image

from assistant.errors import ImageError
from assistant.publish.base import MediaFile
from assistant.publish.bluesky_media import prepare_image


def _noise(path: Path, size: tuple[int, int]) -> MediaFile:
    Image.frombytes("RGB", size, random.Random(3).randbytes(size[0] * size[1] * 3)).save(path)
    return MediaFile(str(path), "image/png", "Rauschen")


def test_a_fitting_jpeg_is_sent_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "ok.jpg"
    Image.new("RGB", (640, 480), (10, 20, 30)).save(path)
    prepared = prepare_image(MediaFile(str(path), "image/jpeg", "alt"), 1_000_000)
    assert prepared.data == path.read_bytes() and prepared.mime_type == "image/jpeg"
    assert (prepared.width, prepared.height, prepared.alt_text) == (640, 480, "alt")


def test_too_big_is_scaled_and_reencoded_within_the_limit(tmp_path: Path) -> None:
    prepared = prepare_image(_noise(tmp_path / "big.png", (2600, 1300)), 1_000_000)
    assert len(prepared.data) <= 1_000_000 and prepared.mime_type == "image/jpeg"
    assert Image.open(io.BytesIO(prepared.data)).size == (2000, 1000) == (
        prepared.width, prepared.height)


def test_rotated_photo_is_sent_upright(tmp_path: Path) -> None:
    path = tmp_path / "phone.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to show"
    Image.new("RGB", (400, 300), (200, 0, 0)).save(path, exif=exif)
    prepared = prepare_image(MediaFile(str(path), "image/jpeg", "alt"), 1_000_000)
    assert (prepared.width, prepared.height) == (300, 400)


def test_nothing_fits_gives_a_one_line_reason(tmp_path: Path) -> None:
    with pytest.raises(ImageError) as caught:
        prepare_image(_noise(tmp_path / "noise.png", (800, 800)), 500)
    assert "noise.png does not fit Bluesky's 500 byte limit" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_file_says_to_attach_it_again(tmp_path: Path) -> None:
    with pytest.raises(ImageError, match="attach it again"):
        prepare_image(MediaFile(str(tmp_path / "gone.jpg"), "image/jpeg", ""), 1_000_000)

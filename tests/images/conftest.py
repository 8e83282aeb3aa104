"""Fixtures for the image studio tests: images written to real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.images.factory import encode, photo


@pytest.fixture(scope="session")
def noisy_photo():  # type: ignore[no-untyped-def]
    """2160x1350, grain strong enough that a 1080x1350 JPEG at quality 92 passes 1 MB."""
    return photo(2160, 1350, seed=5, grain=80.0, texture=30.0)


@pytest.fixture()
def jpeg_file(tmp_path: Path) -> Path:
    path = tmp_path / "Sommer Fest.jpg"
    path.write_bytes(encode(photo(900, 600), "JPEG", quality=90))
    return path

"""A new user in Chromium: a 24 MP photo uploaded on the Images page, every preset shown,
the focal point set by a click on the picture."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser_support import screenshot
from tests.images.factory import photo

pytestmark = pytest.mark.browser


def phone_photo(path: Path) -> None:
    """6000x4000 JPEG with fine grain, like a phone's 24 MP photo (made in C, quickly)."""
    base = photo(1500, 1000, seed=21).resize((6000, 4000), Image.Resampling.BICUBIC)
    grain = Image.effect_noise((6000, 4000), 40).convert("RGB")
    Image.blend(base, grain, 0.12).save(path, "JPEG", quality=92)


def test_24mp_photo_to_every_preset_in_the_browser(start_app, page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "IMG_2026.jpg"
    phone_photo(source)
    app = start_app(POSTWERK_DATA_DIR=str(tmp_path / "data"))
    page.goto(f"{app.url}/images")
    page.get_by_text("Upload a photo").wait_for()

    started = time.monotonic()
    page.locator("input[type=file]").set_input_files(str(source))
    downloads = page.get_by_role("button", name="Download", exact=True)
    expect_count = 24
    expect(downloads).to_have_count(expect_count, timeout=60_000)
    seconds = time.monotonic() - started
    zip_button = page.get_by_role("button", name="Download all")
    assert zip_button.is_visible()
    assert page.get_by_text("1080×1920 · JPEG").first.is_visible()
    print(f"24 MP upload to {expect_count} previews in the browser: {seconds:.1f} s")
    screenshot(page, "images-top")
    page.get_by_role("button", name="Download", exact=True).nth(5).scroll_into_view_if_needed()
    screenshot(page, "images-grid")

    # focal point by hand: click near the left edge of the picture, the sliders follow
    page.get_by_text("Find the subject automatically").click()
    frame = page.frame_locator("iframe[title*='streamlit_image_coordinates']")
    picture = frame.locator("img")
    picture.wait_for()
    box = picture.bounding_box()
    assert box is not None
    picture.click(position={"x": box["width"] * 0.1, "y": box["height"] * 0.8})
    page.get_by_text("0.10").first.wait_for(timeout=30_000)
    assert page.get_by_text("0.80").first.is_visible()
    expect(downloads).to_have_count(expect_count, timeout=60_000)
    screenshot(page, "images-focus")

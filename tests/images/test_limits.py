"""Image limits (issue 12, item 10): a memory budget by the decoded mode, regular files
only, a size cap before reading."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image

from assistant.errors import ImageError
from assistant.images import render_images
from assistant.imaging.load import MAX_DECODED_BYTES, decoded_bytes
from assistant.models import Problem
from tests.test_cli_contract import png_header


def test_one_bit_png_under_the_pixel_limit_is_refused_by_memory() -> None:
    """The issue's 14.5 KB 1-bit PNG of ~120 MP peaked at 822 MB once converted to RGB."""
    data = png_header(10_950, 10_950, bit_depth=1, colour=0)
    with pytest.raises(ImageError, match=r"would need about 571 MB of memory .* mode 1"):
        render_images(data, ["instagram"])


def test_budget_counts_the_mode_it_is_converted_to() -> None:
    assert decoded_bytes((6000, 4000), "RGB") == 6000 * 4000 * 8
    assert decoded_bytes((6000, 4000), "1") == 6000 * 4000 * 5
    assert decoded_bytes((6000, 4000), "I;16") == 6000 * 4000 * 22
    assert decoded_bytes((6000, 4000), "RGB") < MAX_DECODED_BYTES  # a 24 MP photo is fine
    assert decoded_bytes((9000, 8000), "RGB") > MAX_DECODED_BYTES


def test_large_jpeg_is_budgeted_after_the_decoder_downscale() -> None:
    """A JPEG is decoded at 1/8 scale for small presets: its full size does not count."""
    buffer = io.BytesIO()
    Image.new("RGB", (9000, 8000), (200, 120, 40)).save(buffer, "JPEG", quality=50)
    (rendition,) = render_images(buffer.getvalue(), ["instagram:square"])
    assert (rendition.width, rendition.height) == (1080, 1080)


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_only_regular_files_are_read(special: str, tmp_path: Path) -> None:
    path = Path(special)
    if special == "fifo":
        path = tmp_path / "photo.jpg"
        os.mkfifo(path)  # opening it for reading would block forever
    with pytest.raises(ImageError, match="is not a regular file"):
        render_images(path, ["x"])


def test_size_is_capped_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.jpg"
    with path.open("wb") as fh:
        fh.truncate(300 * 1024**2)
    with pytest.raises(ImageError, match="larger than 200 MB"):
        render_images(path, ["x"])


def test_queue_check_of_a_bomb_image_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    """The queue's checker reads stored images through the same loader limits (the store
    refuses such files on the way in; a file replaced later must not crash a check)."""
    from assistant.queue.checks import media_info

    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_header(14_000, 13_000))  # Pillow's own hard stop, not an OSError
    problem = media_info(str(bomb))
    assert isinstance(problem, Problem) and problem.code == "media_missing"
    assert "too large to process safely" in problem.message

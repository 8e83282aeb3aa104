"""Every bad input gives one clear ImageError, and the CLI exits 2 with one line, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.errors import ImageError, InputError
from assistant.images import render_images
from tests.images.factory import encode, photo, png_header_only

ROOT = Path(__file__).resolve().parents[2]


def _good_jpeg() -> bytes:
    return encode(photo(600, 400), "JPEG", quality=90)


def _good_png() -> bytes:
    return encode(photo(300, 200), "PNG")


def _bad_files() -> dict[str, tuple[bytes, str]]:
    jpeg, png = _good_jpeg(), _good_png()
    damaged_png = bytearray(png)
    damaged_png[20] ^= 0xFF  # inside IHDR: its checksum no longer matches
    idat = png.index(b"IDAT") + 8
    bad_stream = png[:idat] + bytes(200) + png[idat + 200 :]  # the zlib stream is wrecked
    return {
        "empty": (b"", "is empty"),
        "truncated_jpeg": (jpeg[: len(jpeg) // 2], "truncated"),
        "truncated_png": (png[: len(png) // 2], "truncated"),
        "damaged_header": (bytes(damaged_png), "looks like a PNG file but is damaged"),
        "damaged_data": (bad_stream, "damaged"),
        "text": (b"Hello, this is a text file and not a photo.\n" * 20, "is not an image"),
        "pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "is not an image"),
        "bomb": (png_header_only(30000, 30000), "decompression bomb"),
        "bomb_8bit": (png_header_only(12000, 11000, bit_depth=8, colour=2), "decompression"),
    }


BAD = _bad_files()


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_bytes_raise_one_clear_error(case: str) -> None:
    data, phrase = BAD[case]
    with pytest.raises(ImageError) as info:
        render_images(data, ["x"])
    message = str(info.value)
    assert phrase in message
    assert "\n" not in message


@pytest.mark.parametrize("case", sorted(BAD))
def test_cli_exits_2_with_one_line(case: str, tmp_path: Path) -> None:
    data, phrase = BAD[case]
    source = tmp_path / f"{case}.jpg"
    source.write_bytes(data)
    result = _cli("images", "--input", str(source), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and phrase in lines[0], result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_pixel_limit_is_a_parameter() -> None:
    data = _good_jpeg()  # 600x400 = 240,000 pixels
    with pytest.raises(ImageError, match="decompression bomb"):
        render_images(data, ["x"], max_pixels=200_000)
    assert render_images(data, ["x:square"], max_pixels=240_000)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ImageError, match="no such file"):
        render_images(tmp_path / "nope.jpg", ["x"])
    with pytest.raises(ImageError, match="is a folder"):
        render_images(tmp_path, ["x"])


def test_bad_options(jpeg_file: Path) -> None:
    with pytest.raises(InputError, match="unknown platform 'myspace'"):
        render_images(jpeg_file, ["myspace"])
    with pytest.raises(InputError, match="no image preset 'banner'"):
        render_images(jpeg_file, ["x:banner"])
    with pytest.raises(InputError, match="at least one platform"):
        render_images(jpeg_file, [])
    with pytest.raises(InputError, match="outside the picture"):
        render_images(jpeg_file, ["x"], focus=(1.5, 0.2))
    with pytest.raises(InputError, match="not two numbers"):
        render_images(jpeg_file, ["x"], focus="left")
    with pytest.raises(InputError, match="unknown mode"):
        render_images(jpeg_file, ["x"], mode="stretch")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="unknown colour"):
        render_images(jpeg_file, ["x"], mode="pad", pad_color="#12")


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (["--focus", "2,3"], "outside the picture"),
        (["--focus", "middle"], "not two numbers"),
        (["--mode", "stretch"], "unknown mode"),
        (["--platform", "myspace"], "unknown platform"),
        (["--pad-color", "nocolour"], "unknown colour"),
    ],
)
def test_cli_bad_options_exit_2(
    args: list[str], phrase: str, jpeg_file: Path, tmp_path: Path
) -> None:
    result = _cli("images", "--input", str(jpeg_file), "--out", str(tmp_path / "o"), *args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert phrase in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_cli_missing_input(tmp_path: Path) -> None:
    result = _cli("images", "--input", str(tmp_path / "none.png"), "--out", str(tmp_path))
    assert result.returncode == 2 and "no such file" in result.stderr
    assert "Traceback" not in result.stderr


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )

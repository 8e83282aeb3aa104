"""The pipeline's promises: pure steps, draft decoding, quality, budgets, files, ZIP, MediaInfo."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps

from assistant.errors import ImageError, InputError
from assistant.images import (
    media_info,
    needed_size,
    render_images,
    renditions_zip,
    slugify,
    write_renditions,
)
from assistant.imaging import geometry
from assistant.imaging.convert import to_working, upright
from assistant.imaging.encode import QUALITY_START, encode_for
from assistant.imaging.load import decode, open_source
from assistant.models import MediaInfo
from assistant.platforms import ImagePreset, get_platform
from tests.images.factory import encode, photo, swapped_rgb_profile


def test_steps_return_new_images_and_leave_the_input_alone() -> None:
    source = photo(400, 300).convert("RGBA")
    source.info["icc_profile"] = swapped_rgb_profile()
    before, info_before = source.tobytes(), dict(source.info)
    outputs = [
        upright(source),
        to_working(source)[0],
        geometry.resample(source, (10.0, 10.0, 210.0, 160.0), (100, 75)),
        geometry.pad(source, (300, 300), (255, 0, 0)),
        geometry.pad(source, (300, 300), None),
    ]
    assert source.tobytes() == before and source.info == info_before
    assert all(out is not source for out in outputs)


def test_needed_size_covers_the_largest_preset() -> None:
    sizes = [(1080, 1920), (1600, 900), (1080, 1080)]
    assert needed_size((6000, 4000), sizes, "crop") == (2880, 1920)
    assert needed_size((6000, 4000), sizes, "pad") == (1350, 900)  # 3:2 inside 16:9
    assert needed_size((800, 600), sizes, "crop") == (800, 600)  # never more than the file


def test_jpeg_is_decoded_at_a_reduced_scale_that_still_covers() -> None:
    data = encode(photo(4000, 3000), "JPEG", quality=90)
    source = open_source(data, "photo")
    assert decode(source, (1440, 1080)).size == (2000, 1500)
    assert decode(source, (1000, 700)).size == (1000, 750)  # 1/4 still covers
    assert decode(source, None).size == (4000, 3000)
    # EXIF orientation 6: the decoder's sizes are the stored (sideways) ones
    assert decode(source, (1080, 1440)).size[0] >= 1080


def test_draft_decode_looks_like_a_full_size_lanczos_fit() -> None:
    big = photo(4000, 3000, seed=4)
    data = encode(big, "JPEG", quality=95)
    preset = ImagePreset(
        id="sq", name="sq", width=1080, height=1080, formats=("JPEG",), max_bytes=10**7
    )
    [ours] = render_images(data, [("t", preset)], focus=(0.5, 0.5))
    plain = ImageOps.fit(Image.open(io.BytesIO(data)), (1080, 1080), Image.Resampling.LANCZOS)
    a = np.asarray(Image.open(io.BytesIO(ours.data)).convert("RGB"), dtype=np.float32)
    b = np.asarray(plain.convert("RGB"), dtype=np.float32)
    assert np.abs(a - b).mean() < 3.0  # JPEG at q92 plus draft: visually the same


def test_quality_search_finds_the_highest_quality_that_fits() -> None:
    image = photo(900, 900, seed=2, grain=40.0)
    budget = 200_000
    result = encode_for(image, ["JPEG", "PNG"], budget)
    assert result.format == "JPEG" and len(result.data) <= budget
    assert result.quality is not None and 40 <= result.quality < QUALITY_START
    higher = io.BytesIO()
    image.save(
        higher,
        "JPEG",
        quality=result.quality + 1,
        optimize=True,
        progressive=True,
        icc_profile=Image.open(io.BytesIO(result.data)).info["icc_profile"],
    )
    assert higher.tell() > budget


def test_tiny_budget_goes_below_the_floor_with_a_warning_or_fails_clearly() -> None:
    image = photo(900, 900, seed=2, grain=40.0)
    squeezed = encode_for(image, ["JPEG"], 60_000)
    assert squeezed.quality is not None and squeezed.quality < 40
    assert any("quality lowered" in w for w in squeezed.warnings)
    with pytest.raises(ImageError, match="choose a less detailed picture"):
        encode_for(image, ["JPEG"], 5_000)
    with pytest.raises(ImageError, match="no writable format"):
        encode_for(image, ["TIFF"], 10**6)


def test_webp_only_preset_and_png_only_preset() -> None:
    image = photo(600, 400)
    webp = encode_for(image, ["WEBP"], 10**6)
    assert webp.format == "WEBP" and Image.open(io.BytesIO(webp.data)).format == "WEBP"
    png = encode_for(image, ["PNG"], 10**7)
    assert png.format == "PNG" and png.quality is None


def test_small_source_is_upscaled_with_a_warning() -> None:
    data = encode(photo(400, 300), "JPEG", quality=90)
    [landscape] = render_images(data, ["x:landscape"])
    assert (landscape.width, landscape.height) == (1600, 900)
    assert any("upscaled" in w and "400x300" in w for w in landscape.warnings)
    [pin] = render_images(data, ["pinterest"])
    assert any("below pinterest's minimum of 600x900" in w for w in pin.warnings)
    [big] = render_images(encode(photo(2000, 1500), "JPEG"), ["x:square"])
    assert not big.warnings


def test_file_names_zip_and_files(tmp_path: Path) -> None:
    source = tmp_path / "Grüne Bohnen (2026).JPG"
    source.write_bytes(encode(photo(1200, 800), "JPEG", quality=90))
    renditions = render_images(source, ["instagram", "google_business"], kit="Kaffee & Co")
    names = [r.filename for r in renditions]
    assert names[0] == "kaffee-co-gruene-bohnen-2026-instagram-portrait.jpg"
    assert names[-1] == "kaffee-co-gruene-bohnen-2026-google-business-landscape.jpg"

    archive = zipfile.ZipFile(io.BytesIO(renditions_zip(renditions)))
    assert sorted(archive.namelist()) == sorted([*names, "manifest.json"])
    manifest = json.loads(archive.read("manifest.json"))
    assert [m["bytes"] for m in manifest] == [r.bytes for r in renditions]
    assert "data" not in manifest[0]
    assert archive.read(names[0]) == renditions[0].data
    doubled = zipfile.ZipFile(io.BytesIO(renditions_zip(renditions[:1] * 2))).namelist()
    assert len(set(doubled)) == 3

    paths = write_renditions(renditions, tmp_path / "out" / "deep")
    assert [p.name for p in paths] == names
    assert paths[0].read_bytes() == renditions[0].data
    assert not list((tmp_path / "out" / "deep").glob("*.part"))
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(InputError, match="cannot write into"):
        write_renditions(renditions, blocker)


def test_media_info_for_drafts_and_checks() -> None:
    [rendition] = render_images(encode(photo(1200, 800), "JPEG"), ["bluesky:square"])
    info = media_info(rendition, path="/data/media/x.jpg", alt_text="Kaffeebohnen")
    assert isinstance(info, MediaInfo)
    assert (info.format, info.bytes, info.width, info.height) == (
        "JPEG",
        rendition.bytes,
        1080,
        1080,
    )
    assert info.path == "/data/media/x.jpg" and info.alt_text == "Kaffeebohnen"
    from assistant.platforms import check_post

    check = check_post(get_platform("bluesky"), "Frisch geröstet.", media=[info])
    assert not [p for p in check.problems if p.code.startswith("media")]


def test_inputs_progress_and_targets() -> None:
    data = encode(photo(1200, 800), "JPEG")
    upload = io.BytesIO(data)
    upload.name = "Upload Photo.jpg"
    seen: list[tuple[int, int]] = []
    renditions = render_images(
        upload, ["x", "x:square", get_platform("tiktok")], progress=lambda d, t: seen.append((d, t))
    )
    assert [(r.platform, r.preset) for r in renditions] == [
        ("x", "landscape"),
        ("x", "portrait"),
        ("x", "square"),
        ("tiktok", "vertical"),
    ]
    assert seen[-1] == (4, 4) and len(seen) == 4
    assert renditions[0].filename.startswith("postwerk-upload-photo-")
    assert render_images(bytearray(data), ["x:square"])[0].filename.startswith("postwerk-image-")


def test_slugify() -> None:
    assert slugify("Straße & Söhne — Café") == "strasse-soehne-cafe"
    assert slugify("///") == ""

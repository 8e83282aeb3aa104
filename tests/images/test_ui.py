"""The Images page, driven with AppTest: upload, options, grid, alt text, downloads, attach."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.images import Rendition
from assistant.platforms import all_platforms
from tests.images.factory import encode, photo, subject_scene

PRESET_COUNT = sum(len(p.presets) for p in all_platforms())


def page() -> AppTest:
    return AppTest.from_string(
        "from assistant.ui import images\nimages.render()", default_timeout=120
    )


@pytest.fixture(scope="module")
def jpeg() -> bytes:
    return encode(photo(1800, 1200, seed=11), "JPEG", quality=90)


def uploaded(data: bytes, name: str = "Sommer Fest.jpg") -> AppTest:
    at = page().run()
    at.file_uploader(key="images_upload").set_value((name, data, "image/jpeg"))
    return at.run()


def renditions(at: AppTest) -> list[Rendition]:
    return list(at.session_state["images_result"]["renditions"])


def test_empty_page_asks_for_a_photo() -> None:
    at = page().run()
    assert not at.exception
    assert "Upload a photo" in at.info[0].value
    assert at.caption  # the page says what it is for


def test_upload_renders_every_preset_in_a_grid(jpeg: bytes) -> None:
    at = uploaded(jpeg)
    assert not at.exception, at.exception
    assert not at.error
    result = renditions(at)
    assert len(result) == PRESET_COUNT
    assert len(at.image) == 1 + PRESET_COUNT  # the preview plus one thumbnail per preset
    downloads = [b.label for b in at.get("download_button")]
    assert downloads.count("Download") == PRESET_COUNT
    assert any("ZIP" in label for label in downloads)
    captions = " ".join(c.value for c in at.caption)
    assert "1080×1350 · JPEG" in captions and "1800×1200 JPEG" in captions
    assert result[0].filename.startswith("postwerk-sommer-fest-x-")


def test_platforms_pad_and_manual_focus(jpeg: bytes) -> None:
    at = uploaded(jpeg)
    at.multiselect(key="images_platforms").set_value(["instagram", "bluesky"]).run()
    assert {r.platform for r in renditions(at)} == {"instagram", "bluesky"}
    assert len(renditions(at)) == 7

    at.radio(key="images_mode").set_value("pad").run()
    at.radio(key="images_fill").set_value("colour").run()
    at.color_picker(key="images_pad_colour").set_value("#1A2B3C").run()
    assert not at.exception
    assert all(r.focus is None for r in renditions(at))

    at.radio(key="images_mode").set_value("crop").run()
    at.toggle(key="images_auto").set_value(False).run()
    at.slider(key="images_fx").set_value(0.1).run()
    at.slider(key="images_fy").set_value(0.9).run()
    assert not at.exception
    assert {r.focus for r in renditions(at)} == {(0.1, 0.9)}


def test_auto_focus_follows_the_subject() -> None:
    at = uploaded(encode(subject_scene(1600, 900, 0.8), "JPEG", quality=90), "scene.jpg")
    story = next(r for r in renditions(at) if (r.platform, r.preset) == ("instagram", "story"))
    assert story.focus is not None and story.focus[0] > 0.65


def test_alt_text_and_attach_to_draft(jpeg: bytes, tmp_path: Path) -> None:
    at = uploaded(jpeg)
    at.text_area(key="images_alt_sommer-fest").input("Eine Tasse Kaffee " * 40).run()
    assert at.session_state["image_alt_texts"]["sommer-fest"].startswith("Eine Tasse")
    assert any("too long for Pinterest" in c.value for c in at.caption)  # 720 > 500

    at.checkbox(key="images_pick_x_square").check().run()
    at.button(key="images_attach").click().run()
    assert not at.exception
    attached = at.session_state["attached_media"]
    # one per platform by default (its preferred preset), plus the ticked X square
    assert len(attached) == 11
    assert {m["platform"] for m in attached} == {p.id for p in all_platforms()}
    for media in attached:
        path = Path(media["path"])
        assert path.is_file() and path.stat().st_size == media["bytes"]
        assert path.parent == tmp_path / "data" / "media" / "sommer-fest"
        assert set(media) == {
            "path",
            "platform",
            "preset",
            "format",
            "bytes",
            "width",
            "height",
            "alt_text",
        }
        assert media["alt_text"].startswith("Eine Tasse")
    assert "images attached" in at.success[0].value


def test_bad_upload_shows_one_clear_error() -> None:
    at = uploaded(b"this is not a photo at all" * 10, "broken.jpg")
    assert not at.exception
    assert "not an image" in at.error[0].value
    assert "images_result" not in at.session_state


def test_truncated_upload_shows_one_clear_error(jpeg: bytes) -> None:
    at = uploaded(jpeg[: len(jpeg) // 3], "cut.jpg")
    assert not at.exception
    assert "truncated" in at.error[0].value


def test_photo_survives_a_page_switch_and_removing_it_clears(jpeg: bytes) -> None:
    at = page()
    at.session_state["images_source"] = {"name": "Kept.jpg", "data": jpeg}
    at.run()
    assert not at.exception
    assert any("Working on **Kept.jpg**" in c.value for c in at.caption)
    assert len(renditions(at)) == PRESET_COUNT

    at = uploaded(jpeg)
    at.file_uploader(key="images_upload").set_value(None).run()
    assert not at.exception
    assert "images_source" not in at.session_state
    assert "Upload a photo" in at.info[0].value

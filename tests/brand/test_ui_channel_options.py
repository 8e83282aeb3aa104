"""Adding a Mastodon channel on the Brand kits page keeps its visibility and content warning."""

from __future__ import annotations

from pathlib import Path

from assistant.brand.kit import load_kit
from tests.brand.conftest import COFFEE
from tests.brand.test_ui import errors, page


def test_mastodon_channel_with_visibility_and_content_warning(kits_dir: Path) -> None:
    at = page().run()
    at.selectbox(key="brand_choice").select(COFFEE).run()
    before = len(load_kit(COFFEE).channels)
    at.selectbox(key=f"ch_p_{COFFEE}").select("mastodon")
    at.text_input(key=f"ch_h_{COFFEE}").input("@kaffee@social.example")
    at.selectbox(key=f"ch_v_{COFFEE}").select("unlisted")
    at.text_input(key=f"ch_cw_{COFFEE}").input("Werbung")
    at.button(key=f"FormSubmitter:chan_add_{COFFEE}-Add channel").click().run()
    assert not at.exception and not errors(at), errors(at)
    channels = load_kit(COFFEE).channels
    assert len(channels) == before + 1
    assert (channels[-1].visibility, channels[-1].content_warning) == ("unlisted", "Werbung")

"""The Brand kits page edits the lists the quality checks read: the brand's emoji and its
own words for the spelling check (AppTest, as a user would)."""

from __future__ import annotations

from pathlib import Path

from assistant.brand.kit import load_kit
from tests.brand.conftest import COFFEE, snapshot
from tests.brand.test_ui import errors, keyed, page


def test_edit_the_word_list_and_the_brands_emoji(kits_dir: Path) -> None:
    at = page().run()
    at.selectbox(key="brand_choice").select(COFFEE).run()
    prefix = f"edit_{COFFEE}_"
    assert "Schietwetter" in keyed(at.text_area, prefix, "_words").value
    assert keyed(at.text_input, prefix, "_eallowed").value.startswith("☕")
    keyed(at.text_area, prefix, "_words").input("Schietwetter, Franzbrötchen\nLütt")
    keyed(at.text_input, prefix, "_eallowed").input("☕🌧️ 🎄")
    at.button(key=f"FormSubmitter:brand_edit_{COFFEE}-Save").click().run()
    assert errors(at) == []
    kit = load_kit(COFFEE, kits_dir)
    assert kit.spelling.words == ["Schietwetter", "Franzbrötchen", "Lütt"]
    assert kit.emoji.allowed == ["☕", "🌧️", "🎄"]
    text = (kits_dir / COFFEE / "kit.yaml").read_text("utf-8")
    assert "Lütt" in text and "🎄" in text


def test_a_bad_entry_is_named_and_nothing_is_saved(kits_dir: Path) -> None:
    at = page().run()
    at.selectbox(key="brand_choice").select(COFFEE).run()
    before = snapshot(kits_dir / COFFEE)
    keyed(at.text_input, f"edit_{COFFEE}_", "_eallowed").input("☕ Kaffee")
    at.button(key=f"FormSubmitter:brand_edit_{COFFEE}-Save").click().run()
    [message] = errors(at)
    assert "'Kaffee' is not one emoji" in message and "\n" not in message
    assert snapshot(kits_dir / COFFEE) == before


def test_edit_the_words_only_a_brief_may_bring(kits_dir: Path) -> None:
    at = page().run()
    at.selectbox(key="brand_choice").select(COFFEE).run()
    prefix = f"edit_{COFFEE}_"
    assert keyed(at.text_area, prefix, "_brief_only").value == "rösten, Röster"
    keyed(at.text_area, prefix, "_brief_only").input("rösten, mahlen")
    at.button(key=f"FormSubmitter:brand_edit_{COFFEE}-Save").click().run()
    assert errors(at) == []
    assert load_kit(COFFEE, kits_dir).brief_only_words == ["rösten", "mahlen"]


def test_a_phrase_is_not_a_brief_only_word(kits_dir: Path) -> None:
    at = page().run()
    at.selectbox(key="brand_choice").select(COFFEE).run()
    before = snapshot(kits_dir / COFFEE)
    keyed(at.text_area, f"edit_{COFFEE}_", "_brief_only").input("rösten; frisch+geröstet")
    at.button(key=f"FormSubmitter:brand_edit_{COFFEE}-Save").click().run()
    [message] = errors(at)
    assert "'frisch+geröstet' is not one word; list single words like rösten" in message
    assert "\n" not in message and snapshot(kits_dir / COFFEE) == before

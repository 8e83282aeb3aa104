from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from assistant.brand.kit import BrandKit, load_kit, save_kit
from assistant.brand.schema import EmojiPolicy, SpellingWords


def test_emoji_and_word_lists_round_trip_through_kit_yaml(coffee: BrandKit, tmp_path: Path) -> None:
    kit = coffee.model_copy(update={
        "emoji": EmojiPolicy(policy="few", max_per_post=3, allowed=["☕", "🌧️", "🇩🇪"]),
        "spelling": SpellingWords(words=["Schietwetter", "Möwenbohne", "gibt's"]),
    })
    save_kit(kit, tmp_path)
    raw = yaml.safe_load((tmp_path / kit.id / "kit.yaml").read_text("utf-8"))
    assert raw["emoji"]["allowed"] == ["☕", "🌧️", "🇩🇪"]
    assert raw["spelling"]["words"] == ["Schietwetter", "Möwenbohne", "gibt's"]
    again = load_kit(kit.id, tmp_path)
    assert again.emoji.allowed == kit.emoji.allowed and again.spelling == kit.spelling
    assert again == kit


@pytest.mark.parametrize("bad", ["zwei Wörter", "#Kaffee", ""])
def test_word_list_entries_must_be_single_words(bad: str) -> None:
    with pytest.raises(ValidationError, match="not one word"):
        SpellingWords(words=[bad])

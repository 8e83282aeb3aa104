from __future__ import annotations

import pytest
from pydantic import ValidationError

from assistant.brand.kit import BrandKit
from assistant.brand.schema import EmojiPolicy
from assistant.quality.emoji import emoji_not_in_kit_problems

ISSUE_DRAFT = "Neuer Filterkaffee aus Kolumbien: rote Johannisbeere 🍋 🍄 🍊, ab Samstag im Kontor."


def test_foreign_emoji_are_a_warning_on_the_coffee_kit(coffee: BrandKit) -> None:
    [problem] = emoji_not_in_kit_problems(ISSUE_DRAFT, coffee)
    assert problem.code == "emoji_not_in_kit" and not problem.is_error
    assert problem.message.startswith("🍄 🍊 are not among")


def test_foreign_emoji_in_an_english_post(coffee: BrandKit) -> None:
    [problem] = emoji_not_in_kit_problems("Cold brew season is here 🧊🍕🍕 grab a bag 🎉", coffee)
    assert problem.message.startswith("🍕 🎉 are not among")


def test_the_kits_own_emoji_pass_whatever_their_variant(coffee: BrandKit) -> None:
    assert emoji_not_in_kit_problems("Barista-Kurs im Kontor ☕️ Schietwetter? 🌧", coffee) == []


def test_no_list_means_no_check(coffee: BrandKit) -> None:
    kit = coffee.model_copy(update={"emoji": EmojiPolicy(policy="few", max_per_post=3)})
    assert emoji_not_in_kit_problems(ISSUE_DRAFT, kit) == []
    assert emoji_not_in_kit_problems(ISSUE_DRAFT, None) == []


def test_kit_examples_use_only_their_own_emoji(coffee: BrandKit) -> None:
    assert coffee.emoji.allowed
    for example in coffee.examples:
        assert emoji_not_in_kit_problems(example.text, coffee) == [], example.source


def test_a_kit_without_emoji_cannot_list_any(software: BrandKit) -> None:
    assert software.emoji.policy == "none" and software.emoji.allowed == []
    with pytest.raises(ValidationError, match="allows no emoji"):
        EmojiPolicy(policy="none", max_per_post=0, allowed=["☕"])


@pytest.mark.parametrize("bad", ["ab", "☕☕", ""])
def test_allowed_entries_must_be_single_emoji(bad: str) -> None:
    with pytest.raises(ValidationError, match="not one emoji"):
        EmojiPolicy(allowed=[bad])

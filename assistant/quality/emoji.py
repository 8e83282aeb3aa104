"""Emoji the brand does not use, when its kit lists the ones it does (pure)."""

from __future__ import annotations

import regex

from assistant.brand.schema import BrandKit
from assistant.models import Problem
from assistant.quality.context import problem
from assistant.rules import find_emoji

# variation selectors and skin tones do not make another emoji: 👍🏽 is 👍, ☕️ is ☕
_VARIANTS = regex.compile(r"[\ufe0e\ufe0f\U0001F3FB-\U0001F3FF]")


def emoji_key(emoji: str) -> str:
    return _VARIANTS.sub("", emoji)


def emoji_not_in_kit_problems(text: str, kit: BrandKit | None) -> list[Problem]:
    if kit is None or not kit.emoji.allowed:
        return []
    allowed = {emoji_key(e) for e in kit.emoji.allowed}
    foreign = list(dict.fromkeys(e for e in find_emoji(text) if emoji_key(e) not in allowed))
    if not foreign:
        return []
    own = " ".join(kit.emoji.allowed[:8])
    return [problem("emoji_not_in_kit",
                    f"{' '.join(foreign)} {'is' if len(foreign) == 1 else 'are'} not among the "
                    f"brand's emoji; use one of {own} or none")]

"""Emoji the brand does not use, when its kit lists the ones it does (pure)."""

from __future__ import annotations

from assistant.brand.schema import BrandKit
from assistant.models import Problem
from assistant.quality.context import problem
from assistant.rules import emoji_key, find_emoji


def foreign_emoji(text: str, kit: BrandKit | None) -> list[str]:
    """The emoji in ``text`` that the kit does not list (none when it lists no emoji)."""
    if kit is None or not kit.emoji.allowed:
        return []
    allowed = {emoji_key(e) for e in kit.emoji.allowed}
    return list(dict.fromkeys(e for e in find_emoji(text) if emoji_key(e) not in allowed))


def emoji_not_in_kit_problems(text: str, kit: BrandKit | None) -> list[Problem]:
    foreign = foreign_emoji(text, kit)
    if kit is None or not foreign:
        return []
    own = " ".join(kit.emoji.allowed[:8])
    return [problem("emoji_not_in_kit",
                    f"{' '.join(foreign)} {'is' if len(foreign) == 1 else 'are'} not among the "
                    f"brand's emoji; use one of {own} or none")]

"""Platform rules as data, counting as each platform counts, checks and safe fixes (pure)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.lazy import lazy_getattr

if TYPE_CHECKING:
    from assistant.platforms.catalogue import (
        PLATFORM_IDS,
        ImagePreset,
        LinkRules,
        Platform,
        all_platforms,
        get_platform,
        load_catalogue,
    )
    from assistant.platforms.check import MAX_TEXT_CHARS, check_all, check_post, checkable_text
    from assistant.platforms.counting import count_length
    from assistant.platforms.fix import FixResult, fix_post

# imported on first use: the CLI registers every command at start-up, and most
# commands need none of the heavy parts (regex tables, SQLAlchemy)
_EXPORTS = {
    "PLATFORM_IDS": "assistant.platforms.catalogue",
    "ImagePreset": "assistant.platforms.catalogue",
    "LinkRules": "assistant.platforms.catalogue",
    "Platform": "assistant.platforms.catalogue",
    "all_platforms": "assistant.platforms.catalogue",
    "get_platform": "assistant.platforms.catalogue",
    "load_catalogue": "assistant.platforms.catalogue",
    "MAX_TEXT_CHARS": "assistant.platforms.check",
    "check_all": "assistant.platforms.check",
    "check_post": "assistant.platforms.check",
    "checkable_text": "assistant.platforms.check",
    "count_length": "assistant.platforms.counting",
    "FixResult": "assistant.platforms.fix",
    "fix_post": "assistant.platforms.fix",
}


__all__ = [
    "FixResult",
    "MAX_TEXT_CHARS",
    "PLATFORM_IDS",
    "ImagePreset",
    "LinkRules",
    "Platform",
    "all_platforms",
    "check_all",
    "check_post",
    "checkable_text",
    "count_length",
    "fix_post",
    "get_platform",
    "load_catalogue",
]


__getattr__ = lazy_getattr(__name__, _EXPORTS, globals())

"""Platform rules as data, counting as each platform counts, checks and safe fixes (pure)."""

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

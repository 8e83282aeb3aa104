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

__all__ = [
    "PLATFORM_IDS",
    "ImagePreset",
    "LinkRules",
    "Platform",
    "all_platforms",
    "get_platform",
    "load_catalogue",
]

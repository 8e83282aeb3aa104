"""A provider's documented limits, taken from the platform catalogue (the one place they live).

Used when the network's API does not say (LinkedIn never does; an old Mastodon server may not).
"""

from __future__ import annotations

from assistant.platforms.catalogue import get_platform
from assistant.publish.base import Limits


def documented_limits(platform_id: str) -> Limits:
    """Characters, images per post, bytes per image and alt-text length from the catalogue."""
    platform = get_platform(platform_id)
    return Limits(
        max_chars=platform.text_limit,
        max_images=platform.max_images,
        max_image_bytes=max(preset.max_bytes for preset in platform.presets),
        max_alt_chars=platform.alt_text_limit,
        source="documented",
    )

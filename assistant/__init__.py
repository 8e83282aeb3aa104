"""Postwerk: the public Python API.

    from assistant import check_post, render_images, draft_posts, plan_week

Names are imported lazily so that ``import assistant`` stays fast (the CLI and the
app import only what they use).
"""

from __future__ import annotations

from assistant.lazy import lazy_getattr

__version__ = "0.1.0"

_EXPORTS = {
    "check_post": "assistant.platforms",
    "fix_post": "assistant.platforms",
    "get_platform": "assistant.platforms",
    "render_images": "assistant.images",
    "draft_posts": "assistant.drafting",
    "adraft_posts": "assistant.drafting",
    "plan_week": "assistant.planner",
    "generate_week": "assistant.planner_run",
    "load_kit": "assistant.brand.kit",
    "retrieve": "assistant.brand.store",
    "get_settings": "assistant.config",
    "PostCheck": "assistant.models",
    "Problem": "assistant.models",
    "Draft": "assistant.models",
    "Brief": "assistant.models",
    "BrandKit": "assistant.brand.kit",
    "AssistantError": "assistant.errors",
}

__all__ = sorted(_EXPORTS)


__getattr__ = lazy_getattr(__name__, _EXPORTS, globals())

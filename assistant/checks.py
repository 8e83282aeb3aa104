"""What every queue item must pass, in one checker: the platform's rules, the brand's
rules and the law's (ad label, AI label, links). Drafting runs the same checks on drafts
(``drafting_post.post_problems``); this is the queue's side, so an edit in the queue is
re-checked as strictly as a fresh draft.
"""

from __future__ import annotations

from assistant.config import Settings
from assistant.models import Problem
from assistant.queue.checks import Checker, platform_checker
from assistant.queue.models import QueueItem
from assistant.rules import brand_problems


def queue_checker(settings: Settings | None = None, *, online: bool = False) -> Checker:
    """Platform + brand + compliance. ``online`` also requests every link (cached)."""
    from assistant.compliance.checks import caching_kit_loader, make_queue_checker

    load = caching_kit_loader(settings)

    def platform_and_brand(item: QueueItem) -> list[Problem]:
        problems = platform_checker(item)
        kit = load(item.kit_id)
        if kit is not None:
            language = item.language or kit.default_language
            problems += brand_problems(kit, item.text, item.hashtags, language)
        return problems

    return make_queue_checker(platform_and_brand, online=online, settings=settings,
                              kit_loader=load)

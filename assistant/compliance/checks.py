"""The compliance checks drafting and the queue call (item 6 of issue 8).

Drafting: ``draft_compliance_problems`` on the composed text (body + hashtags) of each
draft; ``repair_draft_text`` puts the ad label first and adds the AI label, before the
model is asked again. The queue: ``queue_item_problems`` (links are requested, cached)
or ``make_queue_checker(base)`` which wraps the queue's own platform checker. An error
from here makes a draft or item not ``ok``: a sponsored post without its label first, a
broken, invalid or refused link, a required AI label missing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.compliance.disclosure import apply_ai_disclosure, disclosure_problems
from assistant.compliance.labels import add_ad_label, check_ad_label
from assistant.compliance.links import check_links, link_problems, offline_link_problems
from assistant.compliance.report import kit_domains
from assistant.compliance.urls import find_urls
from assistant.config import Settings
from assistant.errors import BrandKitError
from assistant.models import Problem

if TYPE_CHECKING:
    from assistant.brand.kit import BrandKit
    from assistant.queue.models import QueueItem

Checker = Callable[["QueueItem"], list[Problem]]


def label_language(language: str | None) -> str:
    """Ad labels exist for de and en; any other post language is labelled in German."""
    return "en" if (language or "").lower().startswith("en") else "de"


def post_urls(*texts: str | None, link: str | None = None) -> list[str]:
    """Every URL in the texts plus ``link``, each once."""
    urls = [u for t in texts if t for u in find_urls(t)]
    if link and link.strip():
        urls.append(link.strip())
    return list(dict.fromkeys(urls))


def _links(urls: list[str], kit: BrandKit | None, online: bool, settings: Settings | None,
           timeout: float) -> list[Problem]:
    domains = kit_domains(kit) if kit is not None else None
    if not urls:
        return []
    if not online:
        return offline_link_problems(urls, own_domains=domains)
    return link_problems(check_links(urls, settings=settings, timeout=timeout),
                         own_domains=domains)


def draft_compliance_problems(
    text: str,
    *,
    language: str | None,
    sponsored: bool,
    kit: BrandKit | None = None,
    link: str | None = None,
    has_ai_image: bool = False,
    online: bool = False,
    settings: Settings | None = None,
    timeout: float = 5.0,
) -> list[Problem]:
    """Ad label, AI label (with ``kit``) and link problems of one draft's composed text."""
    problems = check_ad_label(text, label_language(language), sponsored)
    if kit is not None:
        problems += disclosure_problems(text, kit.ai_disclosure, kit.ai_label, has_ai_image,
                                        label_language(language))
    return problems + _links(post_urls(text, link=link), kit, online, settings, timeout)


def repair_draft_text(
    text: str,
    *,
    language: str | None,
    sponsored: bool,
    kit: BrandKit | None = None,
    has_ai_image: bool = False,
) -> str:
    """The body with the ad label first (sponsored) and the AI label where the kit wants it."""
    lang = label_language(language)
    fixed = add_ad_label(text, lang) if sponsored else text
    if kit is not None:
        fixed = apply_ai_disclosure(fixed, kit.ai_disclosure, kit.ai_label, has_ai_image, lang)
    return fixed


def queue_item_problems(
    item: QueueItem,
    *,
    kit: BrandKit | None = None,
    online: bool = True,
    settings: Settings | None = None,
    timeout: float = 5.0,
) -> list[Problem]:
    """Ad label and links (text, first comment, link field) of a queue item.

    A queue item does not record whether its image is AI-made, so the AI label is only
    required here when the kit labels every post (``always``).
    """
    language = item.language or (kit.default_language if kit is not None else "de")
    text = item.full_text
    problems = check_ad_label(text, label_language(language), item.sponsored)
    if kit is not None and kit.ai_disclosure == "always":
        problems += disclosure_problems(text, "always", kit.ai_label, False,
                                        label_language(language))
    urls = post_urls(text, item.first_comment, link=item.link)
    return problems + _links(urls, kit, online, settings, timeout)


def caching_kit_loader(settings: Settings | None) -> Callable[[str], BrandKit | None]:
    """Load each kit once; a kit that does not load gives None (checked without kit rules)."""
    cache: dict[str, BrandKit | None] = {}

    def load(kit_id: str) -> BrandKit | None:
        if kit_id not in cache:
            from assistant.brand.kit import load_kit

            try:
                cache[kit_id] = load_kit(kit_id, settings.kits_dir if settings else None)
            except BrandKitError:
                cache[kit_id] = None  # the item is still checked, without kit rules
        return cache[kit_id]

    return load


def make_queue_checker(
    base: Checker | None = None,
    *,
    online: bool = True,
    settings: Settings | None = None,
    kit_loader: Callable[[str], BrandKit | None] | None = None,
    timeout: float = 5.0,
) -> Checker:
    """A ``QueueService`` checker: ``base(item)`` (the platform check) plus compliance."""
    loader = kit_loader or caching_kit_loader(settings)

    def checker(item: QueueItem) -> list[Problem]:
        problems = list(base(item)) if base is not None else []
        extra = queue_item_problems(item, kit=loader(item.kit_id), online=online,
                                    settings=settings, timeout=timeout)
        return problems + extra

    return checker


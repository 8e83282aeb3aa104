"""The compliance part of every post's check (``compliance_problems``), which the one
checker in ``assistant.checks`` composes with the platform, brand and quality checks.

``repair_draft_text`` puts the ad label first and adds the AI label before the model is
asked again. An error from here makes a post ``problems``: a sponsored post without its
label first, a broken, invalid or refused link, a required AI label missing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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


def compliance_problems(
    text: str,
    *,
    language: str | None,
    sponsored: bool,
    kit: BrandKit | None,
    urls: Sequence[str],
    online: bool = False,
    settings: Settings | None = None,
    timeout: float = 5.0,
) -> list[Problem]:
    """Ad label, AI label (with ``kit``) and link problems of one post's composed text.

    Neither a draft nor a queue item records whether its image is AI-made, so the AI label
    is required where the kit labels every post (``always``).
    """
    lang = label_language(language)
    problems = check_ad_label(text, lang, sponsored)
    if kit is not None:
        problems += disclosure_problems(text, kit.ai_disclosure, kit.ai_label, False, lang)
    return problems + _links(list(urls), kit, online, settings, timeout)


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


def caching_kit_loader(settings: Settings | None) -> Callable[[str], BrandKit]:
    """Load each kit once; a kit that does not load raises its BrandKitError every time."""
    cache: dict[str, BrandKit | BrandKitError] = {}

    def load(kit_id: str) -> BrandKit:
        if kit_id not in cache:
            from assistant.brand.kit import load_kit

            try:
                cache[kit_id] = load_kit(kit_id, settings.kits_dir if settings else None)
            except BrandKitError as exc:
                cache[kit_id] = exc
        found = cache[kit_id]
        if isinstance(found, BrandKitError):
            raise found
        return found

    return load

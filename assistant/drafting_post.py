"""Turn one model reply into a checked Draft (pure): hashtags merged and capped, links
with UTM (or "link in bio" where links are not clickable), labels placed, all checks run.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.brand.kit import BrandKit
from assistant.briefing import LINK_IN_BIO, hashtag_budget
from assistant.compliance.disclosure import apply_ai_disclosure, disclosure_problems
from assistant.compliance.labels import add_ad_label, check_ad_label, strip_label_hashtags
from assistant.compliance.urls import add_utm, find_urls
from assistant.hashtags import compose_text, merge_hashtags
from assistant.models import Brief, Draft, MediaInfo, Problem
from assistant.platforms import Platform, check_post, get_platform
from assistant.rules import brand_problems

if TYPE_CHECKING:
    from assistant.drafting import PostReply

CLICKABLE = {"clickable", "facets"}


def campaign_slug(brief: Brief, kit: BrandKit) -> str:
    if brief.campaign:
        return brief.campaign
    if kit.links.utm_campaign:
        return kit.links.utm_campaign
    ascii_text = unicodedata.normalize("NFKD", brief.text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())[:5]
    return "-".join(words) or "social"


def tagged_link(brief: Brief, kit: BrandKit, platform: str) -> str | None:
    if not brief.link:
        return None
    return add_utm(brief.link, source=platform, medium="social", campaign=campaign_slug(brief, kit))


def place_link(text: str, link: str | None, platform: Platform, language: str) -> str:
    """The link where the platform makes it work; 'link in bio' where it does not."""
    bio = LINK_IN_BIO.get(language, "Link in bio")
    if platform.links.mode == "not_clickable":
        for url in find_urls(text):
            text = text.replace(url, bio)
        if link and bio.casefold() not in text.casefold():
            text = f"{text.rstrip()}\n\n{bio}"
        return text
    if not link:
        return text
    raw = link.split("?")[0]
    urls = [u for u in find_urls(text) if u.split("?")[0].rstrip("/") == raw.rstrip("/")]
    for url in urls:
        text = text.replace(url, link)
    if platform.links.mode in CLICKABLE and link not in text:
        text = f"{text.rstrip()}\n\n{link}"
    return text


def finish_post(
    kit: BrandKit,
    brief: Brief,
    platform_id: str,
    post: PostReply,
    language: str,
    media: Sequence[MediaInfo],
) -> Draft:
    platform = get_platform(platform_id)
    cap = (
        platform.hashtag_cap
        if platform.hashtag_cap is not None
        else max(hashtag_budget(platform, kit) + 1, len(kit.hashtags.always))
    )
    tags = merge_hashtags(
        kit.hashtags.always,
        strip_label_hashtags(post.hashtags),
        kit.hashtags.pool,
        kit.hashtags.never,
        cap,
    )
    link = tagged_link(brief, kit, platform_id)
    text = place_link(post.text.strip(), link, platform, language)
    if brief.sponsored:
        text = add_ad_label(text, language)
    text = apply_ai_disclosure(text, kit.ai_disclosure, kit.ai_label, False, language)
    draft = Draft(
        kit_id=kit.id,
        platform=platform_id,
        text=text,
        hashtags=tags,
        alt_text=(post.alt_text or None) if media else None,
        first_comment=post.first_comment or None,
        link=link,
        language=language,
        sponsored=brief.sponsored,
        brief=brief.text,
        media=list(media),
    )
    draft.problems = post_problems(kit, draft, brief.sponsored)
    return draft


def post_problems(kit: BrandKit, draft: Draft, sponsored: bool) -> list[Problem]:
    """Every check a draft must pass: platform, brand, ad label, AI label."""
    full = compose_text(draft.text, draft.hashtags)
    check = check_post(
        draft.platform, full, media=draft.media, required_hashtags=kit.hashtags.always
    )
    return [
        *check.problems,
        *brand_problems(kit, draft.text, draft.hashtags, draft.language),
        *check_ad_label(draft.text, draft.language, sponsored),
        *disclosure_problems(draft.text, kit.ai_disclosure, kit.ai_label, False, draft.language),
    ]


def recheck(kit: BrandKit, draft: Draft) -> Draft:
    """The draft after a manual edit: problems and status recomputed."""
    draft = draft.model_copy(deep=True)
    draft.problems = post_problems(kit, draft, draft.sponsored)
    draft.status = "problems" if any(p.is_error for p in draft.problems) else "ok"
    return draft

"""'Link in Bio' where the post itself can carry the link (pure).

The reverse, a bare URL on a platform whose captions do not link (Instagram, TikTok), is
the platform check's ``link_not_clickable``; this module only adds the missing direction.
"""

from __future__ import annotations

import regex

from assistant.models import Problem
from assistant.platforms.catalogue import get_platform
from assistant.quality.context import problem

# "Link in Bio", "Link in der Bio", "Link im Profil", "link in our bio", "link in profile"
_LINK_IN_BIO = regex.compile(
    r"(?i)\blinks?\s+(?:(?:is\s+|ist\s+)?(?:in|im)\s+(?:(?:der|unserer|meiner|our|my|the)\s+)?"
    r"(?:bio|profil|profile)\b)"
)
# where the link goes instead, per link mode of the catalogue
_WHERE = {
    "clickable": "put the URL in the post",
    "facets": "put the URL in the post",
    "pin_link": "put the URL in the pin's link field",
    "cta_button": "put the URL on the post's button",
}


def link_in_bio_problems(text: str, platform: str) -> list[Problem]:
    match = _LINK_IN_BIO.search(text)
    if match is None:
        return []
    rules = get_platform(platform)
    where = _WHERE.get(rules.links.mode)
    if where is None:  # not_clickable: "Link in Bio" is exactly right there
        return []
    return [problem("link_in_bio",
                    f"'{match.group(0)}' on {rules.name}, where links work; {where} "
                    "and drop the bio hint")]

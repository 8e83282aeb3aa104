"""Hints to a link that is not where they say (pure): 'Link in Bio' where the post itself
can carry the link, and 'link below' under a post that carries none.

The reverse of the first, a bare URL on a platform whose captions do not link (Instagram,
TikTok), is the platform check's ``link_not_clickable``; this module only adds the missing
direction.
"""

from __future__ import annotations

import regex

from assistant.models import Problem
from assistant.platforms.catalogue import get_platform
from assistant.quality.context import problem
from assistant.quality.textnorm import URL_RE

# "Link in Bio", "Link in der Bio", "Link im Profil", "link in our bio", "link in profile";
# without "link" only with an article or possessive: "our special offer in our bio" (a
# Mastodon draft, 2026-11-30), "mehr in unserem Profil" (not "in Bio-Qualität"), and the
# reader's own: "Der Link zum Cupping findest du in deinem Bio" (a ready LinkedIn draft,
# bench 2026-12-06)
# "im Profil" alone only after what it points to in the same sentence ("Mehr Infos und zum
# Bestellen kannst du dir im Profil finden", a ready Facebook draft): "fruchtig im Profil"
# is a coffee's taste
_LINK_IN_BIO = regex.compile(
    r"(?i)\blinks?\s+(?:(?:is\s+|ist\s+)?(?:in|im)\s+(?:(?:der|unserer|meiner|our|my|the)\s+)?"
    r"(?:bio|profil|profile)\b)"
    r"|(?i)\b(?:in|im)\s+(?:der|unserer|unserem|meiner|meinem|deiner|deinem|eurer|eurem|"
    r"ihrer|ihrem|our|my|your|the)\s+"
    r"(?:bio|profil|profile)(?![\p{L}-])"
    r"|(?i)\b(?:infos?|informationen|details|tickets?|bestell\w*|anmeld\w*)\b[^.!?\n]{0,60}"
    r"\bim\s+profil(?![\p{L}-])"
)
# where the link goes instead, per link mode of the catalogue
_WHERE = {
    "clickable": "put the URL in the post",
    "facets": "put the URL in the post",
    "pin_link": "put the URL in the pin's link field",
    "cta_button": "put the URL on the post's button",
}


def links_work(platform: str) -> bool:
    """True where a post can carry its link (so a bio hint is wrong there)."""
    return get_platform(platform).links.mode in _WHERE


def bio_hints(text: str) -> list[regex.Match[str]]:
    """Every bio hint in ``text``, whatever the platform."""
    return list(_LINK_IN_BIO.finditer(text))


def find_link_in_bio(text: str, platform: str) -> regex.Match[str] | None:
    """The first bio hint in ``text`` where it is wrong (``platform``'s links work)."""
    return _LINK_IN_BIO.search(text) if links_work(platform) else None


def link_in_bio_problems(text: str, platform: str) -> list[Problem]:
    match = find_link_in_bio(text, platform)
    if match is None:  # none, or not_clickable, where "Link in Bio" is exactly right
        return []
    rules = get_platform(platform)
    where = _WHERE[rules.links.mode]
    return [problem("link_in_bio",
                    f"'{match.group(0)}' on {rules.name}, where links work; {where} "
                    "and drop the bio hint")]


# "link below", "Link unten", "link in the comments", "Link im Kommentar": the kit's usual
# call "Try it free for 30 days, no credit card - link below." closed three ready posts
# whose briefs had no link (LinkedIn and Mastodon, bench 2026-12-05)
_LINK_BELOW = regex.compile(
    r"(?i)\blinks?\s+(?:is\s+|ist\s+)?(?:below|unten|darunter|"
    r"in\s+(?:the\s+)?(?:first\s+)?comments?|im\s+(?:ersten\s+)?kommentar)(?![\p{L}-])")


# what may stand after the hint: dashes, a colon, arrows
_POINTER_TAIL = regex.compile(r"[\s:–—→👇👉⬇➡\ufe0f-]+\Z")


def ends_in_pointer(sentence: str) -> bool:
    """Whether ``sentence`` ends in a hint to the link ("... no credit card - link below",
    "Anmeldung: Link im Profil"): it says where to go, and a call that ends so is closed
    without a mark (the check ``cut_off`` leaves it alone)."""
    end = _POINTER_TAIL.sub("", sentence)
    return any(match.end() == len(end) for pattern in (_LINK_BELOW, _LINK_IN_BIO)
               for match in pattern.finditer(end))


def link_below_problems(text: str, link: str | None) -> list[Problem]:
    """A hint to a link under the post where the post has none: no ``link`` goes with it
    (the brief's, which drafting puts under the text or in the first comment) and the text
    carries no address of its own."""
    match = _LINK_BELOW.search(text)
    if match is None or link or URL_RE.search(text):
        return []
    return [problem("missing_link",
                    f"'{match.group(0)}' points to a link this post does not carry; add the "
                    "link to the brief or take the hint out")]

"""check_post: measure a post the way its platform does and say exactly what is wrong (pure).

Problem codes are stable (tests, filters and the UI rely on them):
empty, too_long, bytes_too_long, invalid_characters, too_many_hashtags,
hashtags_above_advice, duplicate_hashtag, too_many_links, link_not_clickable,
link_preview_lost, newlines_dropped, hook_below_fold,
and from media: too_many_media, media_format, media_too_large, media_too_small,
media_aspect, alt_text_too_long.

LinkedIn's reserved characters ("(", "_", "@" ...) are no finding: pasting by hand keeps
them, and Postwerk's LinkedIn publisher escapes them (``publish.linkedin.little_text``).
A warning on every post with "(m/w/d)", an e-mail address or a UTM link only kept good
posts from "ready".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from assistant.errors import InputError
from assistant.hashtags import normalise_tag, tag_key
from assistant.models import MediaInfo, PostCheck, Problem, Severity
from assistant.platforms.catalogue import Platform, all_platforms
from assistant.platforms.counting import TextFacts, analyse, count_length, resolve
from assistant.platforms.media import check_media

# Far above the longest text any platform takes (Facebook: 63,206 characters); a longer
# text is a pasted file or an attack, and measuring it would only keep the page busy.
MAX_TEXT_CHARS = 100_000


def checkable_text(text: str) -> str:
    """``text`` when it is short enough to check; an InputError that says so otherwise."""
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            f"The text has {len(text):,} characters, more than the {MAX_TEXT_CHARS:,} Postwerk "
            "checks (no platform takes more than 63,206): shorten it or split it into posts."
        )
    return text


@dataclass(frozen=True)
class Ctx:
    """What every rule sees."""

    p: Platform
    f: TextFacts
    length: int
    limit: int
    media: Sequence[MediaInfo]
    required: tuple[str, ...]


def _err(code: str, message: str) -> Problem:
    return Problem(code=code, severity=Severity.ERROR, message=message)


def _warn(code: str, message: str) -> Problem:
    return Problem(code=code, severity=Severity.WARNING, message=message)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _rule_empty(c: Ctx) -> list[Problem]:
    if c.f.text.strip() or c.media:
        return []
    return [_err("empty", f"The post is empty: write a text for {c.p.name}.")]


def _rule_length(c: Ctx) -> list[Problem]:
    out = []
    if c.length > c.limit:
        over = c.length - c.limit
        how = " (every link counts 23)" if c.p.url_weight else ""
        out.append(
            _err(
                "too_long",
                f"Too long for {c.p.name}: {c.length} of {c.limit} {c.p.unit_label}{how}; "
                f"shorten it by {over}.",
            )
        )
    if c.p.byte_limit is not None and c.f.utf8_bytes > c.p.byte_limit:
        over = c.f.utf8_bytes - c.p.byte_limit
        out.append(
            _err(
                "bytes_too_long",
                f"Too long for {c.p.name}: {c.f.utf8_bytes} of {c.p.byte_limit} bytes (UTF-8); "
                f"shorten it by {over} bytes (emoji and umlauts take several).",
            )
        )
    if c.p.unit == "weighted" and not c.f.x.valid_chars:
        out.append(
            _err(
                "invalid_characters",
                f"{c.p.name} refuses the characters U+FEFF, U+FFFE and U+FFFF: remove them "
                "(safe fixes do).",
            )
        )
    return out


def _rule_hashtags(c: Ctx) -> list[Problem]:
    tags = c.f.distinct_tags
    out = []
    cap, advised = c.p.hashtag_cap, c.p.hashtag_advised_max
    if cap is not None and len(tags) > cap:
        keep = ", ".join(f"#{t}" for t in _tags_to_keep(tags, c.required, cap)) or "none"
        out.append(
            _err(
                "too_many_hashtags",
                f"{_plural(len(tags), 'hashtag')}; {c.p.name} allows {cap}: remove "
                f"{len(tags) - cap} (keep {keep}).",
            )
        )
    elif advised is not None and len(tags) > advised:
        out.append(
            _warn(
                "hashtags_above_advice",
                f"{_plural(len(tags), 'hashtag')} on {c.p.name}: {c.p.hashtag_advice} "
                f"Consider removing {len(tags) - advised}.",
            )
        )
    counts = c.f.tag_counts
    for tag in tags:
        if counts[tag_key(tag)] > 1:
            out.append(
                _warn(
                    "duplicate_hashtag",
                    f"#{tag} appears {counts[tag_key(tag)]} times (hashtags ignore case): "
                    "keep one.",
                )
            )
    return out


def _tags_to_keep(tags: list[str], required: Iterable[str], cap: int) -> list[str]:
    """The brand's required tags first, then the others in order, up to ``cap``."""
    present = {tag_key(t): t for t in tags}
    req = [present[k] for k in dict.fromkeys(tag_key(r) for r in required) if k in present]
    rest = [t for t in tags if t not in req]
    return (req + rest)[:cap]


def _rule_links(c: Ctx) -> list[Problem]:
    urls = [u for _, _, u in c.f.urls]
    if not urls:
        return []
    mode, name = c.p.links.mode, c.p.name
    shown = ", ".join(urls[:3]) + (" ..." if len(urls) > 3 else "")
    if mode == "not_clickable":
        return [
            _warn(
                "link_not_clickable",
                f"Links in {name} captions are not clickable ({shown}): put the link in your "
                "bio or a story and write 'Link in bio' (safe fixes do).",
            )
        ]
    if mode == "pin_link":
        return [
            _warn(
                "link_not_clickable",
                f"Links in a pin description are not clickable ({shown}): put the URL in the "
                f"pin's link field (up to {c.p.link_limit} characters) instead.",
            )
        ]
    if mode == "cta_button":
        return [
            _warn(
                "link_not_clickable",
                f"{name} does not link URLs in the text ({shown}): put the URL in the post's "
                "call-to-action button instead.",
            )
        ]
    out = []
    cap = c.p.links.max_links
    if cap is not None and len(urls) > cap:
        out.append(
            _err(
                "too_many_links",
                f"{_plural(len(urls), 'link')}; {name} allows {cap} per post: remove "
                f"{len(urls) - cap}.",
            )
        )
    if c.p.link_preview_lost_with_image and c.media:
        out.append(
            _warn(
                "link_preview_lost",
                f"{name} shows no link preview when an image is attached: drop the image to "
                "get the preview card, or keep it and accept a plain link.",
            )
        )
    return out


def _rule_newlines(c: Ctx) -> list[Problem]:
    if not c.p.strips_newlines or "\n" not in c.f.text.strip():
        return []
    return [
        _warn(
            "newlines_dropped",
            f"{c.p.name}'s API drops line breaks, so lines run together: separate them with "
            "a space or punctuation (safe fixes do).",
        )
    ]


def _rule_fold(c: Ctx) -> list[Problem]:
    fold = c.p.fold
    if fold is None or len(c.f.text.strip()) <= fold:
        return []
    hook = c.f.hook
    if len(hook) <= fold:
        return []
    return [
        _warn(
            "hook_below_fold",
            f"The first sentence has {len(hook)} characters but {c.p.name} shows only about "
            f"{fold} before 'more': shorten it by {len(hook) - fold} or start with the hook.",
        )
    ]


def _rule_media(c: Ctx) -> list[Problem]:
    return check_media(c.p, c.media)


RULES: tuple[Callable[[Ctx], list[Problem]], ...] = (
    _rule_empty,
    _rule_length,
    _rule_hashtags,
    _rule_links,
    _rule_newlines,
    _rule_fold,
    _rule_media,
)


def _details(c: Ctx) -> dict[str, object]:
    details: dict[str, object] = {
        "unit_label": c.p.unit_label,
        "hashtags": [t for _, _, t in c.f.hashtags],
        "links": [u for _, _, u in c.f.urls],
        "characters": len(c.f.text),
    }
    if c.p.byte_limit is not None:
        details.update(bytes=c.f.utf8_bytes, byte_limit=c.p.byte_limit)
    if c.p.fold is not None:
        details.update(fold=c.p.fold, fold_at=c.f.fold_at(c.p.fold), hook_length=len(c.f.hook))
    if c.p.links.mode == "facets" and (c.f.urls or c.f.hashtags or "@" in c.f.text):
        details["facets_needed"] = True
    return details


def check_post(
    platform: Platform | str,
    text: str,
    *,
    media: Sequence[MediaInfo] = (),
    required_hashtags: Iterable[str] = (),
    limit: int | None = None,
) -> PostCheck:
    """Measure ``text`` as ``platform`` does and list every problem, most serious first.

    ``limit`` overrides the catalogue's text limit (a Mastodon instance's own maximum).
    """
    p = resolve(platform)
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    facts = analyse(checkable_text(text))
    required = tuple(t for t in map(normalise_tag, required_hashtags) if t)
    ctx = Ctx(p, facts, count_length(p, text), limit or p.text_limit, tuple(media), required)
    problems = [problem for rule in RULES for problem in rule(ctx)]
    problems.sort(key=lambda pr: pr.severity != Severity.ERROR)
    return PostCheck(
        platform=p.id,
        length=ctx.length,
        limit=ctx.limit,
        unit=p.unit,
        ok=not any(pr.is_error for pr in problems),
        problems=problems,
        details=_details(ctx),
    )


def check_all(
    text: str,
    platforms: Iterable[Platform | str] | None = None,
    *,
    media: Sequence[MediaInfo] = (),
    required_hashtags: Iterable[str] = (),
) -> list[PostCheck]:
    """check_post for several platforms (all ten by default); the text is analysed once."""
    chosen = list(platforms) if platforms is not None else all_platforms()
    required = tuple(required_hashtags)
    return [check_post(p, text, media=media, required_hashtags=required) for p in chosen]

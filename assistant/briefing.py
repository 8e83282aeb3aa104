"""What the model is shown for a brief (pure): the brand's voice, examples, guidelines
and each platform's rules as numbers. ``drafting`` renders these into prompts/draft.yaml.

Layout for the prefix cache: what is the same for every brief of a kit (voice, a fixed
set of kit examples, guidelines, the JSON shape) goes into the system message, built only
from the kit and the language, so that llama.cpp reuses its tokens across slots,
platforms and briefs. Everything that depends on the brief or the platforms comes after.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assistant.brand.kit import BrandKit
from assistant.brand.schema import ExamplePost
from assistant.platforms import Platform, get_platform
from assistant.platforms.counting import count_length
from assistant.quality.calls import brief_call, brief_parts
from assistant.quality.context import QualityContext
from assistant.quality.factcheck import missing
from assistant.quality.fold import topic_words
from assistant.quality.sources import required_brief
from assistant.quality.textnorm import words

LANGUAGE_NAMES = {"de": "German", "en": "English"}
LINK_IN_BIO = {"de": "Link in Bio", "en": "Link in bio"}
# Room kept for the appended hashtags (about 14 characters each) and a safety margin.
TAG_ROOM = 14
GUIDELINE_CHARS = 500
KIT_EXAMPLES = 4  # fixed kit examples in the shared prefix: voice, not today's facts
EXAMPLE_CHARS = 600
# What makes a platform's text its own (option "platform style"): length and form.
PLATFORM_STYLE = {
    "x": "one or two short sentences, about 180 characters; the link at the end",
    "bluesky": "two or three short sentences, about 200 characters",
    "mastodon": "two to four sentences, plain and friendly, about 300 characters",
    "threads": "two or three short, conversational sentences",
    "instagram": "a hook line, then two or three short lines separated by line breaks; "
    "no URL in the text",
    "facebook": "two short paragraphs, personal and conversational, about 400 characters",
    "linkedin": "longer and more formal within the brand's voice: three short paragraphs "
    "(context, the facts, what the reader can do), about 600 characters, at most one emoji",
    "tiktok": "one punchy caption line",
    "pinterest": "one or two descriptive sentences with the words people search for",
    "google_business": "a short, factual update: what, when, where; no hashtags",
}


@dataclass(frozen=True)
class Snippet:
    """One retrieved example post or guideline chunk."""

    kind: str  # "example" | "guideline"
    text: str
    platform: str | None = None
    score: float = 0.0


def hashtag_budget(platform: Platform, kit: BrandKit) -> int:
    """How many tags to ask for: the platform's cap, else a small advised number."""
    wanted = 3 if platform.id in {"linkedin", "instagram", "tiktok", "threads"} else 2
    if platform.id in {"google_business", "pinterest"}:
        wanted = 0 if platform.id == "google_business" else 2
    if platform.hashtag_cap is not None:
        wanted = min(wanted, platform.hashtag_cap)
    return max(wanted, min(len(kit.hashtags.always), platform.hashtag_cap or 99))


def text_budget(platform: Platform, kit: BrandKit, sponsored: bool = False,
                link: str | None = None) -> int:
    """Characters the model may use for the body: the limit minus room for tags, labels and
    the post's link as the platform counts it (Bluesky counts every character of a tagged
    link; X counts 23 only for a link it recognises), which is added after the model wrote."""
    limit = platform.description_limit or platform.text_limit
    room = TAG_ROOM * hashtag_budget(platform, kit) + (12 if sponsored else 0)
    if link:
        shown = LINK_IN_BIO["en"] if platform.links.mode == "not_clickable" else link
        room += count_length(platform, shown) + 2
    if kit.ai_disclosure == "always":
        room += len(kit.ai_label) + 2
    budget = int((limit - room) * 0.9)
    own = kit.max_chars.get(platform.id)  # the brand's own cap (learned from its edits)
    if own is not None:
        budget = min(budget, int(own * 0.9))
    return max(40, min(budget, 1200))  # nobody wants a 60,000-character Facebook post


def platform_rule(
    platform: Platform, kit: BrandKit, sponsored: bool, language: str, style: bool = False,
    link: str | None = None,
) -> str:
    parts = [f"at most {text_budget(platform, kit, sponsored, link)} characters of text"]
    if platform.id == "x":
        parts[0] += " (emoji count double)"
    if platform.fold:
        parts.append(
            f"the first {platform.fold} characters show before 'more': the hook goes there"
        )
    tags = hashtag_budget(platform, kit)
    parts.append(f"{tags} hashtags" if tags else "no hashtags")
    mode = platform.links.mode
    if mode == "not_clickable":
        parts.append(
            f"links are not clickable: no URL in the text, write '{LINK_IN_BIO[language]}'"
        )
    elif platform.links.max_links:
        parts.append(f"at most {platform.links.max_links} links")
    if platform.strips_newlines:
        parts.append("no line breaks")
    if style and platform.id in PLATFORM_STYLE:
        parts.append("form: " + PLATFORM_STYLE[platform.id])
    return f"- {platform.id} ({platform.name}): " + "; ".join(parts)


def platform_rules(
    platforms: Sequence[str], kit: BrandKit, sponsored: bool, language: str, style: bool = False,
    links: Mapping[str, str | None] | None = None,
) -> str:
    """The rules of each platform; ``links``: the link each post will carry (tagged)."""
    return "\n".join(
        platform_rule(get_platform(p), kit, sponsored, language, style, (links or {}).get(p))
        for p in platforms
    )


def voice_rules(kit: BrandKit, language: str) -> str:
    lines = []
    if kit.tone:
        lines.append(f"- tone: {', '.join(kit.tone)}")
    if kit.audience:
        lines.append(f"- audience: {kit.audience}")
    if language == "de" and kit.formality != "neutral":
        other = "Sie/Ihnen/Ihr" if kit.formality == "du" else "du/dich/dein"
        lines.append(f"- address the reader with '{kit.formality}', never with {other}")
    lines.append(f"- emoji: at most {kit.emoji.limit} per post")
    if kit.emoji.banned:
        lines.append(f"- never these emoji: {' '.join(kit.emoji.banned)}")
    if kit.opener:
        lines.append(f"- open every post with '{kit.opener}'")
    plain = [b for b in kit.banned_words if not b.replacement]
    if plain:
        words = ", ".join(f"'{b.word}'" for b in plain)
        lines.append(f"- never use these words: {words}")
    preferred = [b for b in kit.banned_words if b.replacement]
    if preferred:
        terms = ", ".join(f"'{b.replacement}' (not '{b.word}')" for b in preferred)
        lines.append(f"- preferred terms: {terms}")
    if kit.hashtags.always:
        lines.append("- hashtags the brand always uses: " + " ".join(kit.hashtags.always))
    if kit.hashtags.never:
        lines.append("- never use the hashtags: " + " ".join(kit.hashtags.never))
    # the call to action is written in the kit's own language: the coffee kit's German one
    # stood word for word under English Instagram posts (bench, 2026-11-30)
    if kit.cta and language == kit.default_language:
        lines.append(f"- usual call to action: {kit.cta}")
    return "\n".join(lines)


def closest_example(snippets: Sequence[Snippet]) -> Snippet | None:
    examples = [s for s in snippets if s.kind == "example"]
    return max(examples, key=lambda s: s.score) if examples else None


def platform_pattern(kit: BrandKit, platform: str, language: str, brief: str) -> Snippet | None:
    """Option "parting example": the kit's example post for ``platform`` in ``language``
    that shares the most of the brief's topic words (``fold.topic_words``: no function
    word, no number), the platform's form to follow where a rewrite must not restate
    another platform's text; None when the kit has none or none shares a topic word. An
    example on another topic lends its own: the coffee kit's job ad ("Du schmeckst gern
    genau hin ...?", #Jobs), picked by the words "bis", "und", "im" it shared with the
    brief, stood in a ready LinkedIn post on new opening hours (browser, 2026-12-06)."""
    topic = {word for word in topic_words(brief) if not word[:1].isdigit()}
    scored = [(len(topic & set(words(post.text))), -len(post.text), post.text)
              for post in kit.examples if post.language == language and post.platform == platform]
    shared, _, text = max(scored, default=(0, 0, ""))
    return Snippet("example", text, platform) if shared else None


def guidelines_block(snippets: Sequence[Snippet]) -> str:
    chunks = [s for s in snippets if s.kind != "example"]
    if not chunks:
        return "(none)"
    return "\n".join(f"- {' '.join(s.text.split())[:GUIDELINE_CHARS]}" for s in chunks)


def link_rule(link: str | None, platforms: Sequence[str], language: str) -> str:
    if not link:
        return "Do not invent links."
    return (
        f"Where links are clickable, put this exact link in the text once: {link}. "
        f"Where they are not, write '{LINK_IN_BIO[language]}' instead."
    )


def sponsored_rule(sponsored: bool, language: str) -> str:
    if not sponsored:
        return ""
    label = "Werbung" if language == "de" else "Ad"
    return f"This is a paid partnership: every text must begin with the word '{label}'."


def media_rule(media_count: int) -> str:
    if not media_count:
        return "No image is attached: alt_text is null."
    return (
        f"{media_count} image(s) are attached: write alt_text, a plain description of the "
        "image for blind readers (what is shown, no hashtags)."
    )


def kit_examples(kit: BrandKit, language: str, count: int = KIT_EXAMPLES) -> list[ExamplePost]:
    """A fixed choice of the kit's example posts in ``language``: one per platform in file
    order, then more, up to ``count``. It depends on the kit alone (never on the brief),
    so the prompt prefix that shows it is the same for every slot."""
    posts = sorted(
        (e for e in kit.examples if e.language == language), key=lambda e: (e.source or "", e.text)
    )
    chosen: list[ExamplePost] = []
    for post in posts:
        if len(chosen) < count and all(c.platform != post.platform for c in chosen):
            chosen.append(post)
    chosen += [p for p in posts if p not in chosen][: count - len(chosen)]
    return chosen


def kit_examples_block(examples: Sequence[ExamplePost]) -> str:
    # No example is shown as a worked JSON reply: the 1.5B model took such a reply for
    # the answer and posted the example's facts (bench/README.md, "Draft quality").
    if not examples:
        return "(none yet)"
    return "\n\n".join(f"--- {e.platform}\n{e.text.strip()[:EXAMPLE_CHARS]}" for e in examples)


def template_block(template: Snippet | None, language: str) -> str:
    """Option "adapt the closest example": the kit post nearest to the brief as a pattern."""
    if template is None:
        return ""
    return (
        f"Pattern: this {template.platform or ''} post of the brand is closest to the brief. "
        "Use its structure, length and tone, but none of its facts, names, products, prices "
        "or promises: every fact comes from the brief.\n"
        f"{template.text.strip()[:EXAMPLE_CHARS]}\n"
    )


def call_rule(brief: str, language: str) -> str:
    """How the post ends: with the brief's own call to action where it has one (not the
    kit's usual one, ``quality.calls``), else with one clear call."""
    call = brief_call(brief, language)
    if call is None:
        return "End with one clear call to action."
    return (f"End with the brief's own call to action ({call}), not with the brand's usual "
            "one.")


def facts_block(brief: str, kit: BrandKit, language: str) -> str:
    """The parts of the brief that hold a fact the post must carry (the ``missing_fact``
    check's own list, read against an empty post), as a checklist: a small model drops
    "18 Uhr" or "maximal 8 Plätze" from a sentence, far less often from a list."""
    ctx = QualityContext(brief=brief, link=None, language=language, platform="", kit=kit)
    needed = missing("", required_brief(ctx), language)
    parts = brief_parts(brief)
    wanted = [part for part in parts if any(fact in part for fact in needed)]
    if not wanted:
        return ""
    lines = "\n".join(f"- {part}" for part in dict.fromkeys(wanted))
    return f"Every post must contain each of these facts (in your own words):\n{lines}\n"

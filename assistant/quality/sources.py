"""What a post may take its facts and names from: the brief, the link, the kit's facts and
its guideline documents (pure).

The kit's example posts are not a source: they show the voice, not today's facts.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from assistant.brand.schema import BrandKit
from assistant.planner import SLOT_LABELS
from assistant.platforms.catalogue import all_platforms
from assistant.quality.context import QualityContext
from assistant.quality.facts import COUNT_WORDS
from assistant.rules import guess_language

_WORD = regex.compile(r"\p{L}[\p{L}\p{N}]*(?:['’\-][\p{L}\p{N}]+)*")
# a capitalised word after another word of its sentence (not after a sentence end or at a
# line's start, where any word is capitalised)
_MID_CAPITAL = regex.compile(r"(?<=[\p{L}\p{N},;:)]\s+)\p{Lu}\p{Ll}+(?![\p{L}\p{N}])")
_JOINT = regex.compile(r"['’\-]")


def kit_fact_text(kit: BrandKit) -> str:
    """Every fact the kit states about the brand, as one text: names, legal entity (with
    addresses), channels, links, hashtags, pillars, call to action, own words. Not the
    audience: "Kaffeetrinker zwischen 25 und 55" does not make 25 € a price."""
    legal = kit.legal.model_dump(mode="json", exclude_none=True)
    parts: list[str] = [kit.name, kit.cta or ""]
    parts += [str(v) for v in legal.values() if not isinstance(v, dict)]
    parts += [str(v) for v in legal.get("profession", {}).values() if v]
    parts += legal.get("representatives", [])
    parts += [f"{c.handle} {c.profile_url or ''}" for c in kit.channels]
    parts += [str(v) for v in kit.links.model_dump(exclude={"utm_defaults"}).values() if v]
    parts += [f"#{t}" for t in (*kit.hashtags.always, *kit.hashtags.pool)]
    parts += [f"{p.name}: {p.description}" for p in kit.pillars]
    parts += kit.spelling.words
    return "\n".join(p for p in parts if p)


_GUIDANCE_SPLIT = regex.compile(r"[,;.!?]+\s*|\s+[–—]\s+")


def required_brief(ctx: QualityContext) -> str:
    """The part of the brief whose facts a post must carry: the brief without the kit's own
    guidance (call to action, pillar names and descriptions and the angles the planner cuts
    from them) and the planner's labels. The planner writes those into every slot's brief
    as an offer ("Call to action: ... im Shop", "Content pillar 'Hamburg & Café-Leben'"); a
    post that leaves the shop or Hamburg out has not dropped a fact of the brief."""
    brief = ctx.brief or ""
    if ctx.kit is None:
        return brief
    guidance = [ctx.kit.cta or "", *(p.name for p in ctx.kit.pillars),
                *(p.description for p in ctx.kit.pillars), *SLOT_LABELS]
    pieces = {piece.strip() for text in guidance for piece in _GUIDANCE_SPLIT.split(text)}
    # whole words only: the pillar's "Öffnungszeiten" and "Filter" are no part of a brief's
    # "Neue Öffnungszeiten ab 5. Januar" as an offer, nor of its "Filterkaffee"
    for piece in sorted((p for p in pieces if len(p) > 2), key=len, reverse=True):
        brief = regex.sub(rf"(?<![\w-]){regex.escape(piece)}(?![\w-])", " ", brief)
    return brief


def source_texts(ctx: QualityContext) -> tuple[str, ...]:
    """The brief, the link, the kit's facts and its guidelines: where every fact of the post
    must come from."""
    texts = _stated_sources(ctx)
    if ctx.kit is not None:
        texts += [without_style_counts(ctx.guidelines)]
    return tuple(t for t in texts if t)


def offer_texts(ctx: QualityContext) -> tuple[str, ...]:
    """What may make an offer or say what a price buys: the brief, the link and the kit's
    facts with its standing call to action ("Try it free for 30 days"), not its guidelines
    (the coffee kit's speak of beans, but price none)."""
    return tuple(text for text in _stated_sources(ctx) if text)


def _stated_sources(ctx: QualityContext) -> list[str]:
    """The sources but the guidelines: the brief, the link and the kit's facts."""
    texts = [ctx.brief or "", ctx.link or ""]
    if ctx.kit is not None:
        texts.append(kit_fact_text(ctx.kit))
    return texts


# a count that a style guide sets for the writing ("höchstens drei pro Post", "Zwei bis drei
# Sätze", "no more than 3 hashtags", "zwei Klicks", a range picked "aus unserem Pool"): no
# fact about the brand. "3,80 € für 3x200ml" passed as a ready Instagram draft (bench
# 2026-12-04) on the "drei" of the coffee kit's guide.
_COUNT = rf"(?:\d{{1,3}}|{COUNT_WORDS})"
_WRITING_UNITS = (
    r"Sätze|Sätzen|Satz|Wörter|Worte|Wörtern|Zeichen|Adjektive|Hashtags?|Emojis?|Zeilen|"
    r"Absätze|Absätzen|Posts?|Beiträge|Fragen|Klicks?|sentences?|words?|characters?|"
    r"hashtags?|emojis?|lines?|paragraphs?|adjectives?|posts?|questions?|clicks?")
_STYLE_COUNT = regex.compile(
    rf"(?i)(?<![\p{{L}}\d])(?:(?:höchstens|maximal|mindestens|max\.|min\.|bis zu|nie mehr als"
    rf"|at most|at least|up to|no more than)\s+{_COUNT}"
    rf"|{_COUNT}(?:\s*(?:bis|oder|to|or|-|–)\s*{_COUNT})?\s+(?:\p{{L}}+\s+)?"
    rf"(?:{_WRITING_UNITS})"
    rf"|{_COUNT}\s*(?:bis|to|-|–)\s*{_COUNT}(?=\s+(?:aus|von|of|from)\b))(?![\p{{L}}])")
_COUNT_IN = regex.compile(rf"(?i)(?<![\p{{L}}\d]){_COUNT}(?![\p{{L}}\d])")


@lru_cache(maxsize=16)
def without_style_counts(guidelines: str) -> str:
    """``guidelines`` with the counts of its writing rules blanked (see ``_STYLE_COUNT``)."""
    return _STYLE_COUNT.sub(lambda match: _COUNT_IN.sub("", match.group(0)), guidelines)


def stated_texts(ctx: QualityContext) -> tuple[str, ...]:
    """Where a word the post shares with a kit example may come from: the sources, and the
    kit's voice (tone, audience, banned words and their replacements). Words only, never
    numbers: "zwischen 25 und 55" in the audience is no price."""
    texts = list(source_texts(ctx))
    if ctx.kit is not None:
        banned = [f"{b.word} {b.replacement or ''}" for b in ctx.kit.banned_words]
        texts += [" ".join(ctx.kit.tone), ctx.kit.audience, *banned]
    return tuple(t for t in texts if t)


def brief_sources(ctx: QualityContext) -> tuple[str, ...]:
    """The brief and its link: what may name a person or an event. That the kit lists
    Hanne as managing director does not mean she answers comments today, and that its
    pillars name "Barista-Kurse, Cuppings" does not mean there is a tasting this week."""
    return tuple(t for t in (ctx.brief or "", ctx.link or "") if t)


@lru_cache(maxsize=256)
def word_set(texts: tuple[str, ...]) -> frozenset[str]:
    """Every word of ``texts``, case-folded, with hyphenated words also split into parts."""
    found: set[str] = set()
    for text in texts:
        for word in _WORD.findall(text):
            found.add(word.casefold())
            found.update(part.casefold() for part in _JOINT.split(word) if part)
    return frozenset(found)


@lru_cache(maxsize=256)
def capitalized_words(texts: tuple[str, ...]) -> frozenset[str]:
    """The words ``texts`` write capitalised inside a sentence, case-folded: in German their
    nouns ("Einladung zum Röstkurs"), which a post may not write small."""
    return frozenset(found.group().casefold() for text in texts
                     for found in _MID_CAPITAL.finditer(text))


def brand_words(ctx: QualityContext) -> frozenset[str]:
    """Words the spelling check accepts without a dictionary: the brief's (the user wrote
    them), the kit's names, hashtags, handles, addresses and own word list, and the
    platforms' names ("Folge uns auf Bluesky")."""
    return word_set(source_texts(ctx)) | _platform_names()


def foreign_guideline_words(ctx: QualityContext) -> frozenset[str]:
    """The words of the kit's guideline paragraphs in another language than the post's
    that nothing in the post's language says (its paragraphs, the brief, the link, the
    kit's facts, names and word list): "we rösten twice a week in chargen of 15 kg. We are
    not a Kette ..." stood in a ready English Facebook draft of the German coffee kit
    (bench 2026-12-03), each word taken from the German guidelines. They are the brand's
    words in that other language, not in this one; for spelling they are foreign."""
    other, same = _guideline_words(ctx.guidelines, ctx.language)
    if not other:
        return frozenset()
    kept = tuple(text for text in _stated_sources(ctx) if text)
    return other - same - word_set(kept) - kit_vocabulary(ctx) - own_names(ctx)


@lru_cache(maxsize=16)
def _guideline_words(guidelines: str, language: str) -> tuple[frozenset[str], frozenset[str]]:
    """Cached (one kit's guidelines serve every post): the words of the paragraphs in
    another language than ``language``, and those of the others."""
    paragraphs = guidelines.split("\n\n")
    other = tuple(p for p in paragraphs if guess_language(p) not in (None, language))
    return word_set(other), word_set(tuple(p for p in paragraphs if p not in other))


@lru_cache(maxsize=1)
def _platform_names() -> frozenset[str]:
    return word_set(tuple(p.name for p in all_platforms()))


def own_names(ctx: QualityContext) -> frozenset[str]:
    """The words of the brand's own names (the kit's name, its legal entity's), case-folded."""
    if ctx.kit is None:
        return frozenset()
    return word_set((ctx.kit.name, ctx.kit.legal.name))


def kit_vocabulary(ctx: QualityContext) -> frozenset[str]:
    """The kit's declared words (its spelling word list and hashtags), case-folded."""
    if ctx.kit is None:
        return frozenset()
    tags = (*ctx.kit.hashtags.always, *ctx.kit.hashtags.pool)
    return word_set((*ctx.kit.spelling.words, *tags))


def preferred_terms(ctx: QualityContext) -> frozenset[str]:
    """The replacements of the kit's banned words, case-folded: the prompt lists them as
    its preferred terms."""
    if ctx.kit is None:
        return frozenset()
    return frozenset(b.replacement.casefold() for b in ctx.kit.banned_words if b.replacement)

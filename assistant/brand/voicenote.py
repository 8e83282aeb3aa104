"""The voice score's one-line explanation (pure): what matches the kit and what does not.

E.g. "short sentences and du like the kit, but no emoji (kit: ~0.4 per post), longer
words than the kit". The features that match best (and weigh most) are named first, then
the ones that cost the most score, so the user sees what to change.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from assistant.brand.stylematch import WEIGHTS, StyleMatch, StyleProfile

LIKE = 0.9  # a feature at least this similar counts as "like the kit"
UNLIKE = 0.6  # below this it is named as a difference
MAX_LIKES = 2
MAX_UNLIKES = 3

Phrase = Callable[[StyleProfile, StyleMatch, bool], str]


def _count(n: float) -> str:
    return f"{n:.0f}" if n >= 1.5 or n == 0 else f"{n:.1f}"


def _sentences(profile: StyleProfile, match: StyleMatch, like: bool) -> str:
    mean = profile.numbers("words_per_sentence", match.platform)[0]
    value = match.style.words_per_sentence
    if like:
        return "short sentences" if mean < 13 else "long sentences" if mean > 18 else (
            "sentence length")
    longer = "longer" if value > mean else "shorter"
    return f"{longer} sentences ({value:.0f} words, kit ~{mean:.0f})"


def _emoji(profile: StyleProfile, match: StyleMatch, like: bool) -> str:
    mean, value = profile.numbers("emoji", match.platform)[0], match.style.emoji
    if like:
        return "no emoji" if value == 0 else "emoji"
    if value == 0:
        return f"no emoji (kit: ~{_count(mean)} per post)"
    if mean < 0.1:
        return f"{value} emoji (kit uses none)"
    return f"{value} emoji (kit: ~{_count(mean)} per post)"


def _hashtags(profile: StyleProfile, match: StyleMatch, like: bool) -> str:
    mean, value = profile.numbers("hashtags", match.platform)[0], match.style.hashtags
    if like:
        return "hashtags" if value else "no hashtags"
    return f"{'no' if value == 0 else value} hashtags (kit: ~{_count(mean)})"


def _paragraphs(profile: StyleProfile, match: StyleMatch, like: bool) -> str:
    mean, value = profile.numbers("paragraphs", match.platform)[0], match.style.paragraphs
    if like:
        return "paragraphs"
    if value <= 1:
        return f"one block of text (kit: ~{_count(mean)} paragraphs)"
    return f"{value} paragraphs (kit: ~{_count(mean)})"


def _more_or_less(feature: str, like_name: str, more: str, fewer: str) -> Phrase:
    def phrase(profile: StyleProfile, match: StyleMatch, like: bool) -> str:
        if like:
            return like_name if getattr(match.style, feature) else f"no {like_name}"
        above = getattr(match.style, feature) > profile.numbers(feature, match.platform)[0]
        return f"{more if above else fewer} than the kit"
    return phrase


def _address(profile: StyleProfile, match: StyleMatch, like: bool) -> str:
    counts = profile.counts["address"]
    kit_form = "du" if counts["du"] >= counts["Sie"] else "Sie"
    value = match.style.address
    if like:
        return value
    if counts[kit_form] == 0:
        return f"says {value} (kit addresses no one with du or Sie)"
    return f"{value} instead of {kit_form}"


def _how_often(profile: StyleProfile, feature: str, kind: str) -> str:
    return "never" if profile.counts[feature][kind] == 0 else "rarely"


def _opener(profile: StyleProfile, match: StyleMatch, like: bool) -> str:
    kind = match.style.opener
    if like:
        return "the kit's kind of opening"
    article = "an" if kind[0] in "aeiou" else "a"
    return f"opens with {article} {kind} (kit: {_how_often(profile, 'opener', kind)})"


def _closer(profile: StyleProfile, match: StyleMatch, like: bool) -> str:
    kind = match.style.closer
    if like:
        return "the kit's kind of ending"
    article = "an" if kind[0] in "aeiou" else "a"
    return f"ends with {article} {kind} (kit: {_how_often(profile, 'closer', kind)})"


def _vocabulary(profile: StyleProfile, match: StyleMatch, like: bool) -> str:
    if like:
        return "the kit's words"
    mean = profile.vocabulary_ref[0]
    return f"few of the kit's words ({match.vocabulary_share:.0%}, kit ~{mean:.0%})"


PHRASES: dict[str, Phrase] = {
    "words_per_sentence": _sentences,
    "word_length": _more_or_less("word_length", "word length", "longer words",
                                 "shorter words"),
    "paragraphs": _paragraphs,
    "emoji": _emoji,
    "hashtags": _hashtags,
    "exclamations": _more_or_less("exclamations", "exclamation marks",
                                  "more exclamation marks", "fewer exclamation marks"),
    "questions": _more_or_less("questions", "questions", "more questions", "fewer questions"),
    "address": _address,
    "opener": _opener,
    "closer": _closer,
    "vocabulary": _vocabulary,
}


def _phrase(feature: str, profile: StyleProfile, match: StyleMatch, like: bool) -> str:
    return PHRASES[feature](profile, match, like)


def _worth_naming(profile: StyleProfile, match: StyleMatch, feature: str) -> bool:
    """A form of address is a likeness only if the kit's examples use it too: without du
    or Sie (or in a kit that never uses them) the text matches by default."""
    if feature != "address":
        return True
    return profile.counts["address"][match.style.address] > 0 and match.style.address != "none"


def explain(profile: StyleProfile, match: StyleMatch, content: float) -> str:
    """One line: up to two features like the kit, then up to three that differ most."""
    sims = match.similarity
    likes = [_phrase(f, profile, match, True)
             for f in sorted(sims, key=lambda f: -WEIGHTS[f])
             if sims[f] >= LIKE and _worth_naming(profile, match, f)]
    costs = sorted((WEIGHTS[f] * math.log(max(sims[f], 1e-6)), f) for f in sims
                   if sims[f] < UNLIKE)
    unlikes = [_phrase(f, profile, match, False) for _, f in costs]
    if content >= 0.7:
        likes.insert(0, "the kit's topics")
    elif content < 0.3:
        unlikes.insert(0, "topic far from the kit's posts")
    elif content < 0.5:
        unlikes.insert(0, "topic unlike most of the kit's posts")
    likes, unlikes = likes[:MAX_LIKES], unlikes[:MAX_UNLIKES]
    if likes and unlikes:
        return f"{' and '.join(likes)} like the kit, but {', '.join(unlikes)}"
    if likes:
        return f"sounds like the kit: {', '.join(likes)}"
    if unlikes:
        return f"unlike the kit: {', '.join(unlikes)}"
    return "partly like the kit; no single feature stands out"

"""Texts that are too alike: two platforms of one brief, or a post and a kit example (pure).

Thresholds were measured on the 34 example posts of both kits in brand_kits/ (561 pairs,
see tests/quality/test_similarity.py): the most alike pair, one announcement that a person
wrote for Bluesky and for LinkedIn, has a word-sequence ratio of 0.49, a three-word
containment of 0.33 and a copied share of 0.39; every other pair stays below 0.43 / 0.22 /
0.2. The issue's Facebook/LinkedIn pair scores 0.98 / 0.91, a trimmed copy for X 0.88 / 1.0,
and two texts of the same facts written for two platforms 0.37 / 0.05. The cut-offs sit
between the look-alikes and the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from difflib import SequenceMatcher

from assistant.models import Problem
from assistant.quality.context import problem
from assistant.quality.textnorm import ngrams, words

# same_text_as: word-sequence similarity, or how much of the shorter text the longer holds
SAME_RATIO = 0.7
SAME_CONTAINMENT = 0.8
# copies_example: the share of the post's words that sit in 5-word runs of one example
COPY_SHARE = 0.5
COPY_RUN = 5
_MIN_WORDS = 6


def likeness(first: str, second: str) -> tuple[float, float]:
    """(ratio, containment), each 0..1: the same words in the same order, and how much of
    the shorter text's three-word runs the longer one holds (a trimmed copy scores high)."""
    one, two = words(first), words(second)
    if not one or not two:
        return 0.0, 0.0
    ratio = SequenceMatcher(None, one, two, autojunk=False).ratio()
    if min(len(one), len(two)) < _MIN_WORDS:
        return ratio, 0.0
    grams_one, grams_two = ngrams(one, 3), ngrams(two, 3)
    smaller = min(len(grams_one), len(grams_two))
    return ratio, len(grams_one & grams_two) / smaller if smaller else 0.0


def near_same(first: str, second: str) -> float | None:
    """How alike two posts are when they are too alike to post both, else None."""
    ratio, contained = likeness(first, second)
    if ratio >= SAME_RATIO or contained >= SAME_CONTAINMENT:
        return max(ratio, contained)
    return None


def same_text_problems(texts: Mapping[str, str]) -> dict[str, list[Problem]]:
    """For the drafts of one brief (platform -> text): which platforms got near-same text.
    Each such platform gets one warning that names every platform it resembles."""
    alike: dict[str, dict[str, float]] = {platform: {} for platform in texts}
    names = list(texts)
    for index, first in enumerate(names):
        for second in names[index + 1:]:
            score = near_same(texts[first], texts[second])
            if score is not None:
                alike[first][second] = alike[second][first] = score
    return {platform: _same_text(platform, others) for platform, others in alike.items()}


def _same_text(platform: str, others: dict[str, float]) -> list[Problem]:
    if not others:
        return []
    listed = " and ".join(", ".join(others).rsplit(", ", 1))
    drafts = "draft" if len(others) == 1 else "drafts"
    return [problem("same_text_as",
                    f"nearly the same text as the {listed} {drafts} "
                    f"({max(others.values()):.0%} alike); rewrite it for {platform}'s audience "
                    "and length")]


def copied_share(post: str, example: str) -> float:
    """The share of the post's words that stand in runs of COPY_RUN words of ``example``."""
    tokens = words(post)
    if len(tokens) < COPY_RUN:
        return 0.0
    shared = ngrams(tokens, COPY_RUN) & ngrams(words(example), COPY_RUN)
    covered = {start + offset for start in range(len(tokens) - COPY_RUN + 1)
               if tokens[start:start + COPY_RUN] in shared for offset in range(COPY_RUN)}
    return len(covered) / len(tokens)


def copies_example_problems(text: str, examples: Iterable[str]) -> list[Problem]:
    best, share = "", 0.0
    for example in examples:
        current = copied_share(text, example)
        if current > share:
            best, share = example, current
    if share < COPY_SHARE:
        return []
    opening = " ".join(best.split()[:6])
    return [problem("copies_example",
                    f"{share:.0%} of the post is copied from the kit example '{opening} …'; "
                    "write it new from the brief")]

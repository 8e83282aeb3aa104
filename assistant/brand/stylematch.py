"""How well a text's style matches a kit's example posts (pure), and why, in words.

The profile of a kit is built from the style features (``assistant.brand.style``) of its
example posts: mean and spread of every number, the share of every category (du/Sie,
kinds of opener and closer) and the kit's vocabulary. A text then gets one similarity in
0..1 per feature:

* numbers: ``exp(-(max(0, |z| - 1))^2 / 2)`` with ``z = (x - mean) / spread``, so anything
  within one spread of the kit's mean is a full match and three spreads away is ~0.14;
  the spread has a floor per feature, because a kit whose posts all have 0 emoji would
  otherwise call 1 emoji infinitely far away;
* opener and closer: ``sqrt(p(kind) / p(most common kind))`` with add-half smoothing, so
  a kind the kit never uses scores ~0.15-0.2 rather than 0;
* du/Sie: no form of address is neutral (1.0); du or Sie is compared with the form the
  kit uses more, by the full ratio ``(n(form) + 0.5) / (n(kit's form) + 0.5)``: a brand
  decides that once, so Sie in a du kit with 6 du examples scores 0.08;
* paragraphs and hashtags: against the examples of the text's platform when the kit has
  at least MIN_PLATFORM_EXAMPLES there; not judged for a platform with fewer; against all
  examples when the platform is not known;
* vocabulary: the share of the text's words that occur in the kit's examples (words that
  are just as common in generic posts count half), compared one-sided with the shares the
  examples themselves reach, each measured without itself.

The style match is the weighted geometric mean of these (weights in WEIGHTS), so one
feature far off pulls the match down clearly, but never to zero on its own.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.brand.style import Style, style_of

NUMERIC = ("words_per_sentence", "word_length", "paragraphs", "emoji", "hashtags",
           "exclamations", "questions")
CATEGORICAL = ("address", "opener", "closer")
SPREAD_FLOOR = {
    "words_per_sentence": 3.0, "word_length": 0.5, "paragraphs": 1.0, "emoji": 0.6,
    "hashtags": 0.8, "exclamations": 0.15, "questions": 0.15, "vocabulary": 0.06,
}
WEIGHTS = {
    "address": 2.0, "emoji": 1.5, "vocabulary": 1.5, "exclamations": 1.0,
    "words_per_sentence": 1.0, "word_length": 0.75, "opener": 0.75, "questions": 0.5,
    "hashtags": 0.5, "paragraphs": 0.5, "closer": 0.5,
}
CATEGORIES = {
    "address": ("du", "Sie", "none"),
    "opener": ("greeting", "question", "exclamation", "statement"),
    "closer": ("sign-off", "question", "exclamation", "link", "statement"),
}
SIM_FLOOR = 0.02  # keeps one feature from zeroing the geometric mean on its own
# An X post has one paragraph and no hashtags where the same kit's LinkedIn posts have
# three and two: these are compared with the examples of the text's own platform when the
# kit has at least MIN_PLATFORM_EXAMPLES of them.
PER_PLATFORM = ("paragraphs", "hashtags")
MIN_PLATFORM_EXAMPLES = 3


@dataclass(frozen=True)
class StyleProfile:
    """What a kit's example posts look like, feature by feature."""

    numeric: dict[str, tuple[float, float]]  # feature -> (mean, spread)
    counts: dict[str, dict[str, int]]  # categorical feature -> category -> examples with it
    vocabulary: dict[str, float]  # word -> weight (1 kit word, 0.5 also generic)
    vocabulary_ref: tuple[float, float]  # (mean, spread) of the examples' own shares
    by_platform: dict[str, dict[str, tuple[float, float]]] = field(default_factory=dict)

    def numbers(self, feature: str, platform: str | None) -> tuple[float, float]:
        """(mean, spread) of ``feature``: the platform's own if the kit has enough
        examples there, else the kit's."""
        return self.by_platform.get(platform or "", {}).get(feature, self.numeric[feature])


@dataclass(frozen=True)
class StyleMatch:
    """Per-feature similarity (0..1) of one text to a profile, and the overall match."""

    style: Style
    platform: str | None = None
    similarity: dict[str, float] = field(default_factory=dict)
    vocabulary_share: float = 0.0

    @property
    def score(self) -> float:
        """Weighted geometric mean over the features judged (all but, for a platform the
        kit has too few examples of, paragraphs and hashtags)."""
        judged = [f for f in WEIGHTS if f in self.similarity]
        total = sum(WEIGHTS[f] for f in judged)
        logs = sum(WEIGHTS[f] * math.log(max(self.similarity[f], SIM_FLOOR)) for f in judged)
        return math.exp(logs / total)


def _mean_spread(values: Sequence[float], floor: float) -> tuple[float, float]:
    mean = sum(values) / len(values)
    var = sum((v - mean) ** 2 for v in values) / max(len(values) - 1, 1)
    return mean, max(math.sqrt(var), floor)


def _counts(values: Sequence[str], categories: Sequence[str]) -> dict[str, int]:
    counts = Counter(values)
    return {c: counts[c] for c in categories}


def share(profile: StyleProfile, feature: str, category: str) -> float:
    """The add-half smoothed share of the examples whose ``feature`` is ``category``."""
    counts = profile.counts[feature]
    return (counts[category] + 0.5) / (sum(counts.values()) + 0.5 * len(counts))


def _vocabulary(styles: Sequence[Style], generic: Sequence[Style]) -> dict[str, float]:
    common = {w for s in generic for w in s.words}
    return {w: 0.5 if w in common else 1.0 for s in styles for w in s.words}


def vocabulary_share(words: Sequence[str], vocabulary: dict[str, float]) -> float:
    """Weighted share of ``words`` that the kit's examples use (0 for no words)."""
    if not words:
        return 0.0
    return sum(vocabulary.get(w, 0.0) for w in words) / len(words)


def _numbers(styles: Sequence[Style], features: Sequence[str]) -> dict[str, tuple[float, float]]:
    return {f: _mean_spread([float(getattr(s, f)) for s in styles], SPREAD_FLOOR[f])
            for f in features}


def _by_platform(styles: Sequence[Style],
                 platforms: Sequence[str]) -> dict[str, dict[str, tuple[float, float]]]:
    groups: dict[str, list[Style]] = {}
    for style, platform in zip(styles, platforms, strict=True):
        groups.setdefault(platform, []).append(style)
    return {p: _numbers(group, PER_PLATFORM) for p, group in groups.items()
            if len(group) >= MIN_PLATFORM_EXAMPLES}


def build_profile(examples: Sequence[str], generic: Sequence[str],
                  platforms: Sequence[str] | None = None) -> StyleProfile:
    """The profile of a kit's example texts; ``generic`` are brand-less posts (baseline);
    ``platforms`` (one per example) enable the per-platform numbers (PER_PLATFORM)."""
    styles = [style_of(t) for t in examples]
    generic_styles = [style_of(t) for t in generic]
    counts = {f: _counts([getattr(s, f) for s in styles], CATEGORIES[f]) for f in CATEGORICAL}
    own = [vocabulary_share(s.words, _vocabulary(styles[:i] + styles[i + 1:], generic_styles))
           for i, s in enumerate(styles)] if len(styles) > 1 else [1.0]
    return StyleProfile(_numbers(styles, NUMERIC), counts, _vocabulary(styles, generic_styles),
                        _mean_spread(own, SPREAD_FLOOR["vocabulary"]),
                        _by_platform(styles, platforms) if platforms else {})


def _numeric_similarity(value: float, mean: float, spread: float) -> float:
    excess = max(0.0, abs(value - mean) / spread - 1.0)
    return math.exp(-0.5 * excess * excess)


def _address_similarity(profile: StyleProfile, form: str) -> float:
    """A text without du or Sie is neutral (many of a kit's posts address no one); a text
    with one is compared with the form the kit uses more, by the full share ratio: du/Sie
    is decided once for a brand, unlike openers or closers."""
    if form == "none":
        return 1.0
    counts = profile.counts["address"]
    return (counts[form] + 0.5) / (max(counts["du"], counts["Sie"]) + 0.5)


def match_style(profile: StyleProfile, text: str, platform: str | None = None) -> StyleMatch:
    """How well ``text`` (a post for ``platform``, if known) matches the profile."""
    style = style_of(text)
    # the kit does not show how it posts on a platform it has no examples of, and what it
    # does elsewhere (three paragraphs on LinkedIn) says little about an X post
    unknown = platform is not None and platform not in profile.by_platform
    sims = {f: _numeric_similarity(float(getattr(style, f)), *profile.numbers(f, platform))
            for f in NUMERIC if not (unknown and f in PER_PLATFORM)}
    for f in ("opener", "closer"):
        best = max(share(profile, f, c) for c in CATEGORIES[f])
        sims[f] = math.sqrt(share(profile, f, getattr(style, f)) / best)
    sims["address"] = _address_similarity(profile, style.address)
    used = vocabulary_share(style.words, profile.vocabulary)
    mean, spread = profile.vocabulary_ref
    sims["vocabulary"] = 1.0 if used >= mean else _numeric_similarity(used, mean, spread)
    return StyleMatch(style, platform, sims, used)

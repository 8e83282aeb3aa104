""""What we changed": the corrections people make again and again to the model's drafts.

From edit pairs (model text -> final text) this finds

- replaced words and phrases ("Kunden" -> "Gäste") and removed ones ("Jetzt zuschlagen"),
- emoji and hashtags that were always removed (🎉, #Angebot),
- an opener that was put in front ("Moin"),
- texts made shorter on a platform (LinkedIn: at most ~600 characters).

A finding counts only with enough support: seen in at least ``min_pairs`` pairs and in at
least ``min_share`` of the pairs where it could apply (the model wrote the word, the emoji;
the post is on that platform; the model did not open with the word itself). So a one-off
edit proposes nothing. Pure: the pairs come in, findings go out.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import regex

from assistant.learning.text import (
    contains_phrase,
    emoji_of,
    first_word,
    hashtags_of,
    is_content_span,
    words,
)

MIN_PAIRS = 3
MIN_SHARE = 0.7
SHORTER = 0.85  # a final text under 85 % of the model's length counts as "made shorter"
MAX_SPAN = 4  # longer replaced or removed spans are rewrites, not recurring phrases


@dataclass(frozen=True)
class Pair:
    """What mining needs of an edit pair (``queue.edits.EditPair`` has more)."""

    platform: str
    model_text: str
    final_text: str


@dataclass(frozen=True)
class Support:
    seen: int  # pairs where the change was made
    could: int  # pairs where it could have been made

    @property
    def share(self) -> float:
        return self.seen / self.could if self.could else 0.0

    def enough(self, min_pairs: int, min_share: float) -> bool:
        return self.seen >= min_pairs and self.share >= min_share


@dataclass(frozen=True)
class Finding:
    """One recurring correction. ``kind``: replace, remove, emoji, hashtag, opener, length."""

    kind: str
    key: str  # the phrase, emoji, tag (without '#'), opener, or platform id
    value: str | int | None  # the replacement, or the length in characters
    support: Support
    examples: tuple[tuple[str, str], ...] = field(default=())  # (model, final) snippets


@dataclass(frozen=True)
class Thresholds:
    min_pairs: int = MIN_PAIRS
    min_share: float = MIN_SHARE


def mine(pairs: Sequence[Pair], limits: Thresholds = Thresholds()) -> list[Finding]:
    """Every correction with enough support, strongest first."""
    found = [*_phrases(pairs), *_marks(pairs, "emoji", emoji_of),
             *_marks(pairs, "hashtag", hashtags_of), *_openers(pairs), *_lengths(pairs)]
    good = [f for f in found if f.support.enough(limits.min_pairs, limits.min_share)]
    return sorted(good, key=lambda f: (-f.support.share, -f.support.seen, f.kind, f.key))


# -- words and phrases ---------------------------------------------------------------------
def changed_spans(model: str, final: str) -> list[tuple[str, str]]:
    """(old, new) word spans that the edit replaced ("new" empty: removed), short ones only."""
    old, new = words(model), words(final)
    matcher = difflib.SequenceMatcher(a=[w.casefold() for w in old],
                                      b=[w.casefold() for w in new], autojunk=False)
    spans = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag in ("replace", "delete") and a2 - a1 <= MAX_SPAN and b2 - b1 <= MAX_SPAN:
            spans.append((" ".join(old[a1:a2]), " ".join(new[b1:b2])))
    return spans


def _phrases(pairs: Sequence[Pair]) -> list[Finding]:
    replaced: dict[str, Counter[str]] = defaultdict(Counter)
    shown: dict[str, str] = {}
    for pair in pairs:
        for old, new in changed_spans(pair.model_text, pair.final_text):
            if is_content_span(old):
                replaced[old.casefold()][new] += 1
                shown.setdefault(old.casefold(), old)
    return [_phrase_finding(pairs, shown[key], targets) for key, targets in replaced.items()]


def _phrase_finding(pairs: Sequence[Pair], phrase: str, targets: Counter[str]) -> Finding:
    def had(p: Pair) -> bool:
        return contains_phrase(p.model_text, phrase)

    def gone(p: Pair) -> bool:
        return not contains_phrase(p.final_text, phrase)

    best, _n = targets.most_common(1)[0]
    return Finding("replace" if best else "remove", phrase, best or None,
                   _support(pairs, had, gone), _examples(pairs, lambda p: had(p) and gone(p)))


# -- emoji and hashtags --------------------------------------------------------------------
def _marks(pairs: Sequence[Pair], kind: str,
           find: Callable[[str], list[str]]) -> list[Finding]:
    """Emoji or hashtags the model wrote and the person took out, every one of them."""
    keys = {m for p in pairs for m in find(p.model_text)}
    out = []
    for mark in sorted(keys):
        def had(p: Pair, m: str = mark) -> bool:
            return m in find(p.model_text)

        def dropped(p: Pair, m: str = mark) -> bool:
            return m not in find(p.final_text)

        out.append(Finding(kind, mark, None, _support(pairs, had, dropped),
                           _examples(pairs, lambda p: had(p) and dropped(p))))
    return out


# -- openers -------------------------------------------------------------------------------
def _openers(pairs: Sequence[Pair]) -> list[Finding]:
    """A word the person put first, in the pairs where the model had not put it there."""
    added = Counter(first_word(p.final_text) for p in pairs
                    if first_word(p.final_text) != first_word(p.model_text))
    out = []
    for word, _n in added.items():
        if not word or not regex.match(r"\p{Lu}", word):
            continue  # an opener is a greeting or a name, written with a capital

        def could(p: Pair, w: str = word) -> bool:
            return first_word(p.model_text) != w

        def made(p: Pair, w: str = word) -> bool:
            return first_word(p.final_text) == w

        out.append(Finding("opener", word, None, _support(pairs, could, made),
                           _examples(pairs, lambda p: could(p) and made(p))))
    return out


# -- lengths per platform ------------------------------------------------------------------
def _lengths(pairs: Sequence[Pair]) -> list[Finding]:
    """Platforms whose posts people make shorter; the cap proposed is the longest final
    text there, rounded up to ten characters."""
    out = []
    for platform in sorted({p.platform for p in pairs}):
        here = [p for p in pairs if p.platform == platform]

        def shorter(p: Pair) -> bool:
            return len(p.final_text) < SHORTER * len(p.model_text)

        support = _support(here, lambda p: True, shorter)
        cap = -(-max(len(p.final_text.strip()) for p in here) // 10) * 10
        examples = tuple((f"{len(p.model_text)} characters", f"{len(p.final_text)} characters")
                         for p in here if shorter(p))[:2]
        out.append(Finding("length", platform, cap, support, examples))
    return out


# -- helpers -------------------------------------------------------------------------------
def _support(pairs: Sequence[Pair], could: Callable[[Pair], bool],
             made: Callable[[Pair], bool]) -> Support:
    possible = [p for p in pairs if could(p)]
    return Support(seen=sum(1 for p in possible if made(p)), could=len(possible))


def _examples(pairs: Sequence[Pair], where: Callable[[Pair], bool]) -> tuple[tuple[str, str], ...]:
    return tuple((_snippet(p.model_text), _snippet(p.final_text)) for p in pairs if where(p))[:2]


def _snippet(text: str, size: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= size else flat[:size - 1] + "…"

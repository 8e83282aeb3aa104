"""How the miner reads a post: words, emoji, hashtags, the opening word (pure)."""

from __future__ import annotations

import regex

from assistant.brand.schema import EMOJI_PATTERN, WORD_RE
from assistant.hashtags import HASHTAG_RE, extract_hashtags, tag_key

_EMOJI = regex.compile(EMOJI_PATTERN)
_GRAPHEME = regex.compile(r"\X")
# a span worth a rule holds a word of this many letters (not "und", "der", "im")
CONTENT_LETTERS = 4


def words(text: str) -> list[str]:
    """The words of ``text`` in order; hashtags, emoji, links and punctuation left out."""
    bare = HASHTAG_RE.sub(" ", regex.sub(r"https?://\S+", " ", text))
    return WORD_RE.findall(bare)


def contains_phrase(text: str, phrase: str) -> bool:
    """``phrase`` occurs in ``text`` as whole words (case ignored)."""
    wanted = [w.casefold() for w in words(phrase)]
    have = [w.casefold() for w in words(text)]
    if not wanted:
        return False
    size = len(wanted)
    return any(have[i:i + size] == wanted for i in range(len(have) - size + 1))


def is_content_span(span: str) -> bool:
    return any(len(w) >= CONTENT_LETTERS and not w.isdigit() for w in words(span))


def emoji_of(text: str) -> list[str]:
    """The emoji of ``text`` as people see them (grapheme clusters), without variation
    selectors, so that ☕ and ☕️ are one emoji."""
    return [g.replace("\ufe0f", "") for g in _GRAPHEME.findall(text) if _EMOJI.search(g)]


def hashtags_of(text: str) -> list[str]:
    """The hashtags of ``text`` without '#', case folded (#Angebot and #angebot are one)."""
    return [tag_key(t) for t in extract_hashtags(text)]


def first_word(text: str) -> str:
    found = words(text)
    return found[0] if found else ""

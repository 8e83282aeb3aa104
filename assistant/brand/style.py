"""Style features of one post (pure): what a reader notices about a voice besides its topic.

Sentence length, word length, paragraphs, emoji, hashtags, exclamation and question marks,
how the reader is addressed (du/Sie), how the post opens and how it ends, and its words.
``assistant.brand.stylematch`` compares these with the kit's example posts.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from assistant.brand.schema import EMOJI_CHARS
from assistant.compliance.urls import find_urls
from assistant.hashtags import HASHTAG_RE
from assistant.rules import count_emoji, formal_forms, informal_forms

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*")
# A sentence ends at . ! ? or … (maybe followed by a closing quote) and space, or at a
# line break.
_SENTENCE_END = regex.compile(r"(?<=[.!?…][\"'“”»«)]*)\s+|\n+")
_PARAGRAPH = regex.compile(r"\n\s*\n")
_GREETINGS = (
    "hey", "hallo", "hi", "hello", "liebe", "lieber", "sehr geehrte", "dear", "moin",
    "servus", "guten tag", "yo", "hej",
)
# How a closing line or sentence starts when it signs off ("Liebe Grüße, euer Team").
_SIGN_OFFS = (
    "liebe grüße", "viele grüße", "beste grüße", "herzliche grüße", "mit freundlichen grüßen",
    "grüße", "gruß", "ihr team", "euer team", "dein team", "bis bald", "cheers", "best,",
    "best regards", "kind regards", "regards", "xoxo", "see you", "love,",
)


@dataclass(frozen=True)
class Style:
    """Measured features of one text. Rates are per sentence; counts are per post."""

    words_per_sentence: float
    word_length: float
    paragraphs: int
    emoji: int
    hashtags: int
    exclamations: float
    questions: float
    address: str  # "du", "Sie" or "none" (no German form of address, e.g. English)
    opener: str  # "greeting", "question", "exclamation" or "statement"
    closer: str  # "sign-off", "question", "exclamation", "link" or "statement"
    words: tuple[str, ...]  # casefolded words, hashtags and URLs left out


def _strip_tags_and_links(text: str) -> str:
    for url in find_urls(text):
        text = text.replace(url, " ")
    return HASHTAG_RE.sub(" ", text)


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (hashtags and URLs removed; lines count as sentences)."""
    body = _strip_tags_and_links(text)
    return [s.strip() for s in _SENTENCE_END.split(body) if _WORD.search(s)]


def address_of(text: str) -> str:
    """How the post addresses the reader: the more frequent German form wins."""
    formal, informal = len(formal_forms(text)), len(informal_forms(text))
    if formal == informal == 0:
        return "none"
    return "Sie" if formal > informal else "du"


def _starts_with(line: str, phrases: tuple[str, ...]) -> bool:
    low = line.lower()
    return any(low.startswith(p) and not low[len(p):len(p) + 1].isalpha() for p in phrases)


def opener_of(parts: list[str]) -> str:
    if not parts:
        return "statement"
    first = parts[0]
    if _starts_with(first, _GREETINGS):
        return "greeting"
    return _mark_kind(first)


def closer_of(text: str, parts: list[str]) -> str:
    lines = [ln for ln in text.strip().splitlines() if _WORD.search(_strip_tags_and_links(ln))]
    last_line = lines[-1].strip() if lines else ""
    if _starts_with(last_line, _SIGN_OFFS) or (parts and _starts_with(parts[-1], _SIGN_OFFS)):
        return "sign-off"
    if find_urls(last_line) or regex.search(r"\w\.\w+/\S", last_line):
        return "link"
    return _mark_kind(parts[-1]) if parts else "statement"


def _mark_kind(sentence: str) -> str:
    tail = sentence.rstrip(" \"'»«“”)").rstrip()
    tail = regex.sub(rf"[{EMOJI_CHARS}\s]+$", "", tail)
    if tail.endswith("?"):
        return "question"
    if tail.endswith("!"):
        return "exclamation"
    return "statement"


def style_of(text: str) -> Style:
    """The features of ``text``; an empty text gives zeros."""
    parts = sentences(text)
    words = [w.casefold() for w in _WORD.findall(_strip_tags_and_links(text))]
    n_sent = max(len(parts), 1)
    return Style(
        words_per_sentence=len(words) / n_sent,
        word_length=sum(len(w) for w in words) / max(len(words), 1),
        paragraphs=len([p for p in _PARAGRAPH.split(text.strip()) if p.strip()]),
        emoji=count_emoji(text),
        hashtags=len(HASHTAG_RE.findall(text)),
        exclamations=text.count("!") / n_sent,
        questions=text.count("?") / n_sent,
        address=address_of(text),
        opener=opener_of(parts),
        closer=closer_of(text, parts),
        words=tuple(words),
    )

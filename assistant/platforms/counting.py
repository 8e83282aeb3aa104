"""Measure a text the way each platform does (pure).

One ``TextFacts`` per text holds what several platforms need (URLs, graphemes, bytes,
hashtags), computed lazily and once, so checking ten platforms costs little more than one.

Units:
- X: twitter-text v3 weighted length (see ``xcount``).
- Bluesky: extended grapheme clusters, and UTF-8 bytes against a second limit.
- Mastodon: graphemes after every http(s) URL counts as 23 and ``@user@domain`` as ``@user``
  (Mastodon's StatusLengthValidator).
- TikTok: UTF-16 code units (what its JavaScript clients and API count).
- Threads: characters, except that an emoji counts its UTF-8 byte length.
- the others: characters (code points).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex

from assistant.hashtags import hashtag_spans, tag_key
from assistant.platforms.catalogue import Platform, get_platform
from assistant.platforms.urlscan import url_spans
from assistant.platforms.xcount import XCount, x_count, x_normalise

Span = tuple[int, int, str]

GRAPHEME_RE = regex.compile(r"\X")
# An emoji by presentation: emoji-style symbols, text symbols forced to emoji style with
# U+FE0F, keycaps and flags. The whole grapheme cluster from there counts as one emoji.
_EMOJI_CLUSTER_RE = regex.compile(
    r"(?=\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|[0-9#*]\uFE0F?\u20E3"
    r"|\p{Regional_Indicator})\X"
)
# Mastodon's Account::MENTION_RE: @user or @user@domain, not inside a word or a path.
_MENTION_RE = regex.compile(
    r"(?<![=/\w])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@\w+(?:[.-]+\w+)*)?", regex.IGNORECASE
)
_SCHEMES = ("http://", "https://")
# The hook: the first line, cut at the end of its first sentence.
_SENTENCE_END_RE = regex.compile(r"[.!?…]+[\"'»«“”)\]]*(?=\s|$)")


def graphemes(text: str) -> int:
    return len(GRAPHEME_RE.findall(text))


def utf8_bytes(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def outside(spans: list[Span], taken: list[Span]) -> list[Span]:
    """``spans`` that overlap none of ``taken``; both sorted by start, neither overlapping
    itself (one sweep: a text can hold tens of thousands of each)."""
    out: list[Span] = []
    index = 0
    for span in spans:
        while index < len(taken) and taken[index][1] <= span[0]:
            index += 1
        if index == len(taken) or span[1] <= taken[index][0]:
            out.append(span)
    return out


@dataclass(eq=False)
class TextFacts:
    """Everything about one text that more than one platform needs; each part on demand."""

    text: str

    @cached_property
    def urls(self) -> list[Span]:
        """URLs as twitter-text finds them, with or without a scheme (``kaffee.de/shop``),
        in bounded time (see ``urlscan``)."""
        return url_spans(self.text)

    @cached_property
    def scheme_urls(self) -> list[Span]:
        """Only URLs written with http:// or https:// (what Mastodon links and counts)."""
        return [u for u in self.urls if u[2].lower().startswith(_SCHEMES)]

    @cached_property
    def x(self) -> XCount:
        norm = x_normalise(self.text)
        return x_count(norm, self.urls if norm == self.text else None)

    @cached_property
    def graphemes(self) -> int:
        return graphemes(self.text)

    @cached_property
    def utf8_bytes(self) -> int:
        return utf8_bytes(self.text)

    @cached_property
    def utf16_units(self) -> int:
        return utf16_units(self.text)

    @cached_property
    def hashtags(self) -> list[Span]:
        """Hashtags outside URLs (``kaffee.de/#top`` is an anchor, not a tag)."""
        return outside(hashtag_spans(self.text), self.urls)

    @cached_property
    def tag_counts(self) -> dict[str, int]:
        """Occurrences per tag key (case-insensitive)."""
        counts: dict[str, int] = {}
        for _, _, tag in self.hashtags:
            key = tag_key(tag)
            counts[key] = counts.get(key, 0) + 1
        return counts

    @cached_property
    def distinct_tags(self) -> list[str]:
        """Each tag once, first spelling, in order of appearance."""
        seen: dict[str, str] = {}
        for _, _, tag in self.hashtags:
            seen.setdefault(tag_key(tag), tag)
        return list(seen.values())

    def fold_at(self, fold: int) -> int:
        """Cached ``fold_index`` (several platforms fold the same text)."""
        cache = self.__dict__.setdefault("_folds", {})
        if fold not in cache:
            cache[fold] = fold_index(self.text, fold)
        return int(cache[fold])

    @cached_property
    def mastodon(self) -> int:
        return graphemes(mastodon_countable(self.text, self.scheme_urls))

    @cached_property
    def threads(self) -> int:
        extra = sum(utf8_bytes(c) - len(c) for c in _EMOJI_CLUSTER_RE.findall(self.text))
        return len(self.text) + extra

    @cached_property
    def hook(self) -> str:
        return hook_of(self.text)


@lru_cache(maxsize=256)
def analyse(text: str) -> TextFacts:
    """The shared facts of ``text`` (cached: a page checks one text for many platforms)."""
    return TextFacts(text)


def mastodon_countable(text: str, urls: list[Span], url_weight: int = 23) -> str:
    """The text Mastodon counts: each URL as ``url_weight`` x's, ``@user@domain`` as ``@user``."""
    mentions = [(m.start(), m.end(), "@" + m.group(1)) for m in _MENTION_RE.finditer(text)]
    entities = list(urls) + outside(mentions, urls)
    if not entities:
        return text
    parts, pos = [], 0
    for start, end, value in sorted(entities):
        is_url = value.lower().startswith(_SCHEMES)
        parts += [text[pos:start], "x" * url_weight if is_url else value]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _weighted(p: Platform, f: TextFacts) -> int:
    return f.x.weighted


def _graphemes(p: Platform, f: TextFacts) -> int:
    if p.url_weight is None:
        return f.graphemes
    if p.url_weight == 23:
        return f.mastodon
    return graphemes(mastodon_countable(f.text, f.scheme_urls, p.url_weight))


def _utf16(p: Platform, f: TextFacts) -> int:
    return f.utf16_units


def _chars(p: Platform, f: TextFacts) -> int:
    return f.threads if p.emoji_as_bytes else len(f.text)


_COUNTERS: dict[str, Callable[[Platform, TextFacts], int]] = {
    "weighted": _weighted,
    "graphemes": _graphemes,
    "utf16": _utf16,
    "chars": _chars,
}


def resolve(platform: Platform | str) -> Platform:
    return platform if isinstance(platform, Platform) else get_platform(platform)


def count_length(platform: Platform | str, text: str) -> int:
    """The length of ``text`` in ``platform``'s own unit (what its limit is compared to)."""
    p = resolve(platform)
    return _COUNTERS[p.unit](p, analyse(text))


def hook_of(text: str) -> str:
    """The hook: the first non-empty line up to the end of its first sentence."""
    stripped = text.lstrip()
    line = stripped.split("\n", 1)[0].rstrip()
    m = _SENTENCE_END_RE.search(line)
    return line[: m.end()] if m else line


def fold_index(text: str, fold: int) -> int:
    """Index in ``text`` where the platform's "more" cuts, never inside a grapheme."""
    if len(text) <= fold:
        return len(text)
    pos = 0
    for cluster in GRAPHEME_RE.findall(text, 0, fold + 16):
        if pos + len(cluster) > fold:
            break
        pos += len(cluster)
    return pos

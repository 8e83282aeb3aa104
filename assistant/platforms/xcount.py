"""X's weighted length, exactly as twitter-text v3 (``twitter_text.parse_tweet``) counts it.

``parse_tweet`` walks the text one character at a time in Python and finds emoji with a
regex of ~2,500 alternatives; on a 2,000-character post that takes ~8 ms, more than the
whole budget for checking ten platforms. This module uses the library's own data (the
config, the emoji list, the URL extractor, bounded by ``urlscan``, the invalid-character
regex) and the same rules (NFC, line endings, URLs as 23, an emoji sequence as one
default-weight unit, per-range character weights) but counts runs of plain text with
C-speed regexes. The tests assert it equals ``parse_tweet`` on conformance-style cases and
on random text.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from dataclasses import dataclass

from assistant.platforms.urlscan import url_spans

with warnings.catch_warnings():
    # twitter-text-parser reads its emoji list through the deprecated pkg_resources
    warnings.simplefilter("ignore")
    from twitter_text import parse_tweet as parse_tweet  # re-exported for tests and bench
    from twitter_text.config import config as _tt_config
    from twitter_text.regexp import emoji as _tt_emoji
    from twitter_text.regexp.invalid_chars import invalid_chars as _INVALID_RE

V3 = _tt_config["version3"]

# Emoji sequences (2+ code points) by their text; the library's alternation is sorted
# longest first, and two sequences of one length cannot both match at one position,
# so "the longest sequence that starts here" is exactly the regex's choice.
_MULTI: frozenset[str] = frozenset(
    "".join(chr(int(c, 16)) for c in e.codepoint.split())
    for e in _tt_emoji.emoji_list
    if len(e.codepoint.split()) > 1
)
# For each first code point, the sequence lengths that start with it, longest first.
_LENGTHS: dict[str, tuple[int, ...]] = {
    first: tuple(sorted({len(s) for s in _MULTI if s[0] == first}, reverse=True))
    for first in {s[0] for s in _MULTI}
}


def _expand_class(raw: str) -> frozenset[str]:
    """The characters of the library's single-emoji class, written as \\U........(-\\U........)."""
    chars: set[str] = set()
    for lo, hi in re.findall(r"\\U([0-9a-fA-F]{8})(?:-\\U([0-9a-fA-F]{8}))?", raw):
        chars.update(map(chr, range(int(lo, 16), int(hi or lo, 16) + 1)))
    return frozenset(chars)


_SINGLE: frozenset[str] = _expand_class(_tt_emoji.single_codepoint_emoji_raw)
# Every character an emoji can start with; a text without any of them has no emoji.
_STARTERS: frozenset[str] = _SINGLE | {s[0] for s in _MULTI}
_LINE_END_RE = re.compile(r"\r\n|\r|\n")


def _weight_classes(options: dict) -> list[tuple[int, re.Pattern[str]]]:
    """(weight - default weight, regex of that range's characters) per configured range."""
    default = options["default_weight"]
    out = []
    for rng in options["ranges"]:
        cls = f"[{re.escape(chr(rng['start']))}-{re.escape(chr(rng['end']))}]"
        out.append((rng["weight"] - default, re.compile(cls)))
    return out


_V3_CLASSES = _weight_classes(V3)


@dataclass(frozen=True, slots=True)
class XCount:
    weighted: int  # in characters (already divided by scale)
    valid_chars: bool  # False if the text holds characters X refuses (U+FFFE, U+FEFF, U+FFFF)
    urls: tuple[str, ...]
    normalised: str  # the text as X sees it (NFC, line endings as \n)


def x_normalise(text: str) -> str:
    """NFC and \\n line endings, as parse_tweet does before counting."""
    nfc = text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
    return _LINE_END_RE.sub("\n", nfc) if "\r" in nfc else nfc


def emoji_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each emoji twitter-text finds, left to right, non-overlapping."""
    spans: list[tuple[int, int]] = []
    present = _STARTERS.intersection(text)
    if not present:
        return spans
    # A class of only the starters present is far faster to scan than all 1,300 of them.
    starter_re = re.compile("[" + "".join(sorted(map(re.escape, present))) + "]")
    last_end = 0
    for m in starter_re.finditer(text):
        i = m.start()
        if i < last_end:
            continue
        n = next((k for k in _LENGTHS.get(m.group(), ()) if text[i : i + k] in _MULTI), 0)
        if not n and m.group() in _SINGLE:
            n = 1
        if n:
            spans.append((i, i + n))
            last_end = i + n
    return spans


def _plain_weight(segment: str, default: int) -> int:
    weight = default * len(segment)
    for delta, pattern in _V3_CLASSES:
        weight += delta * len(pattern.findall(segment))
    return weight


def x_count(text: str, urls: list[tuple[int, int, str]] | None = None) -> XCount:
    """X's weighted length of ``text``; ``urls``: spans already found on the normalised text."""
    norm = x_normalise(text)
    if urls is None:
        urls = url_spans(norm)
    scale, default = V3["scale"], V3["default_weight"]
    url_weight = V3["transformed_url_length"] * scale
    events = sorted(
        [(s, e, True) for s, e, _ in urls] + [(s, e, False) for s, e in emoji_spans(norm)]
    )
    weighted, pos = 0, 0
    for start, end, is_url in events:
        if start < pos:
            continue  # inside an entity already counted (a URL wins over an emoji at one start)
        weighted += _plain_weight(norm[pos:start], default)
        weighted += url_weight if is_url else default
        pos = end
    weighted += _plain_weight(norm[pos:], default)
    return XCount(
        weighted=weighted // scale,
        valid_chars=_INVALID_RE.search(norm) is None,
        urls=tuple(u for _, _, u in urls),
        normalised=norm,
    )

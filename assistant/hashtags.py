"""Hashtags: find, normalise, dedupe, merge and append them (pure).

Hashtags are stored WITHOUT the leading '#'. A valid tag is what the platforms link:
Unicode letters, marks, digits and underscores with at least one letter (``#Straße``
and ``#Kaffeerösterei`` are tags, ``#123`` is not), the rule twitter-text uses and the
others follow closely enough that a tag valid here is a tag everywhere.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import regex

# Letters, combining marks, digits, underscore, and the joiners some scripts need inside words.
_TAG_CHARS = r"\p{L}\p{M}\p{Nd}_\u200c\u200d\u00b7"
_TAG_BODY = rf"[{_TAG_CHARS}]*\p{{L}}[{_TAG_CHARS}]*"
# A '#' only starts a tag after a non-word character (so "C#" and "a#b" are not tags) and
# not inside a path or anchor ("example.com/#top"); a keycap "#\ufe0f" is an emoji, not a tag.
HASHTAG_RE = regex.compile(
    rf"(?<![{_TAG_CHARS}&/#＃])[#＃](?![\ufe0f\u20e3])({_TAG_BODY})(?![{_TAG_CHARS}#＃])"
    rf"(?!://)"
)
_TAG_ONLY_RE = regex.compile(rf"{_TAG_BODY}")
_JOINING = ",;:-–—&+/"  # a tag run after these continues the sentence
# a "#" with no tag after it at the very end: a tag cut at the reply's cap ("... #Röster #",
# a Facebook post of the CLI, 2026-12-03, whose twelve tags then stayed in the text)
_DANGLING_HASH = regex.compile(r"(?:\s+[#＃])?\s*\Z")
# words written large right after a tag and before the next one, in a block of tags: the
# rest of a tag the model wrote with a space ("#Möwenbohne #Cold Brew #Hamburg" under a
# ready Mastodon post, bench 2026-12-03, linked "#Cold" and left "Brew" as a word)
_SPLIT_TAG = regex.compile(rf"((?: \p{{Lu}}[{_TAG_CHARS}]*){{1,2}})\s+")


def extract_hashtags(text: str) -> list[str]:
    """Every hashtag in ``text`` in order of appearance, without '#', duplicates kept."""
    return [m.group(1) for m in HASHTAG_RE.finditer(text)]


def hashtag_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, tag) of every hashtag, ``start`` at the '#'."""
    return [(m.start(), m.end(), m.group(1)) for m in HASHTAG_RE.finditer(text)]


def split_trailing_hashtags(text: str) -> tuple[str, list[str]]:
    """(body, tags) when ``text`` ends in a block of hashtags: a run with nothing but spaces
    and line breaks between the tags, after a sentence mark, an emoji or a line break
    ("... im Kontor. #Kaffee #Hamburg"). Otherwise, and for a text of tags alone,
    ``(text, [])``: tags inside (or ending) a sentence are words of it."""
    end = len(_DANGLING_HASH.sub("", text))
    trailing: list[tuple[int, str]] = []
    for start, stop, tag in reversed(hashtag_spans(text)):
        gap = text[stop:end]
        split = _SPLIT_TAG.fullmatch(gap) if trailing else None
        if gap.strip() and split is None:
            break
        # "#Cold Brew" inside the block: one tag the model wrote with a space, "#ColdBrew"
        trailing.append((start, tag + "".join(split.group(1).split()) if split else tag))
        end = start
    body = text[:end].rstrip()
    # "Wir lieben #Kaffee #Hamburg": tags that end a sentence are words of it; only a run
    # after a sentence mark, an emoji or a line break is a tag block
    apart = "\n" in text[len(body):end] or (body and not body[-1].isalnum()
                                             and body[-1] not in _JOINING)
    if not trailing or not body or not apart:
        return text, []
    return body, [tag for _, tag in reversed(trailing)]


# a block of tags between two sentences of a paragraph: "... machines provided. #Möwenbohne
# #Baristakurs #Espresso Register now ..." (a ready Facebook draft, bench 2026-12-06)
_MIN_BLOCK = 2
_SENTENCE_END = ".!?"


def split_tag_blocks(text: str) -> tuple[str, list[str]]:
    """(text, tags) with each block of two or more tags that stands after a sentence mark
    and before more text taken out of the text (the trailing block is
    :func:`split_trailing_hashtags`'); a single tag, or tags inside a sentence, stay."""
    blocks: list[list[tuple[int, int, str]]] = []
    for start, stop, tag in hashtag_spans(text):
        if blocks and not text[blocks[-1][-1][1]:start].strip():
            blocks[-1].append((start, stop, tag))
        else:
            blocks.append([(start, stop, tag)])
    out: list[str] = []
    tags: list[str] = []
    at = 0
    for block in blocks:
        first, last = block[0][0], block[-1][1]
        before, after = text[:first].rstrip(" "), text[last:].strip()
        if len(block) < _MIN_BLOCK or not after or not before \
                or before[-1] not in _SENTENCE_END:
            continue
        out.append(text[at:len(before)])
        at = last + len(text[last:]) - len(text[last:].lstrip(" "))
        out.append(" ")
        tags.extend(tag for _, _, tag in block)
    out.append(text[at:])
    return "".join(out), tags


def normalise_tag(tag: str) -> str | None:
    """``tag`` without '#' and surrounding space, NFC; None if no platform would link it."""
    if not isinstance(tag, str):
        return None
    clean = unicodedata.normalize("NFC", tag.strip()).lstrip("#＃").strip()
    if clean and _TAG_ONLY_RE.fullmatch(clean):
        return clean
    return None


def tag_key(tag: str) -> str:
    """The comparison key: platforms treat #Kaffee and #kaffee as one tag."""
    return unicodedata.normalize("NFC", tag).casefold()


def dedupe(tags: Iterable[str]) -> list[str]:
    """Tags without case-insensitive repeats; the first spelling wins. Invalid tags go."""
    seen: set[str] = set()
    out: list[str] = []
    for raw in tags:
        tag = normalise_tag(raw)
        if tag is None or tag_key(tag) in seen:
            continue
        seen.add(tag_key(tag))
        out.append(tag)
    return out


def duplicate_hashtags(text: str) -> list[str]:
    """Tags that occur more than once in ``text`` (case-insensitively), first spelling."""
    seen: dict[str, str] = {}
    dupes: dict[str, str] = {}
    for tag in extract_hashtags(text):
        key = tag_key(tag)
        if key in seen:
            dupes.setdefault(key, seen[key])
        else:
            seen[key] = tag
    return list(dupes.values())


def merge_hashtags(
    always: Iterable[str],
    suggested: Iterable[str],
    pool: Iterable[str],
    never: Iterable[str],
    cap: int | None,
) -> list[str]:
    """The tags for one post, best first, at most ``cap`` (None = no cap).

    Order: the brand's ``always`` tags, then ``suggested`` tags that are also in the
    brand's ``pool`` (vetted), then the other suggestions. The pool only ranks; it never
    adds tags nobody suggested. ``never`` tags are dropped wherever they come from, and
    ``always`` tags win when the cap is smaller than the list.
    """
    banned = {tag_key(t) for t in dedupe(never)}
    vetted = {tag_key(t) for t in dedupe(pool)}
    wanted = dedupe(suggested)
    ranked = [t for t in wanted if tag_key(t) in vetted] + [
        t for t in wanted if tag_key(t) not in vetted
    ]
    merged = [t for t in dedupe([*dedupe(always), *ranked]) if tag_key(t) not in banned]
    return merged if cap is None else merged[: max(cap, 0)]


# a word of the brief written with hyphens: "Latte-Art-Abend", "Hafer-Cappuccino"
_HYPHENATED = regex.compile(r"\p{L}[\p{L}\p{Nd}]*(?:-[\p{L}\p{Nd}]+)+")


def joined_brief_tags(tags: list[str], brief: str) -> list[str]:
    """``tags`` with a run of them that spells parts of a hyphenated word of ``brief`` in
    order joined into one tag: "#Latte #Art" for the brief's "Latte-Art-Abend" becomes
    "#LatteArt" (a ready Facebook post of the CLI, 2026-12-07). A tag cannot hold a
    hyphen, so the model split the word; the parts alone ("#Art") say nothing."""
    runs: dict[str, str] = {}  # the parts joined, folded -> as the brief writes them
    for word in _HYPHENATED.findall(brief):
        parts = word.split("-")
        for start in range(len(parts)):
            for end in range(start + 2, len(parts) + 1):
                joined = "".join(parts[start:end])
                runs.setdefault(tag_key(joined), joined)
    out: list[str] = []
    at = 0
    while at < len(tags):
        stop = next((stop for stop in range(len(tags), at + 1, -1)
                     if tag_key("".join(tags[at:stop])) in runs), None)
        if stop is None:
            out.append(tags[at])
            at += 1
        else:
            out.append(runs[tag_key("".join(tags[at:stop]))])
            at = stop
    return out


def compose_text(text: str, hashtags: Iterable[str]) -> str:
    """The exact text that gets posted: body, a blank line, then ``#a #b``.

    Only tags not already in the body are appended (case-insensitively); with nothing
    to append the body is returned unchanged.
    """
    present = {tag_key(t) for t in extract_hashtags(text)}
    extra = [t for t in dedupe(hashtags) if tag_key(t) not in present]
    if not extra:
        return text
    line = " ".join(f"#{t}" for t in extra)
    body = text.rstrip()
    return f"{body}\n\n{line}" if body else line

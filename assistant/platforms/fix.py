"""fix_post: only safe, deterministic fixes; what it cannot fix stays a problem (pure).

A fix may remove or replace, never add length: every step is kept only if the post is
not longer afterwards, in the platform's own unit and in characters. No fix cuts a
sentence: hashtags are removed only from hashtag lines (inline tags lose just their '#'),
and a link is replaced only where it ends its line.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable

import regex
from pydantic import BaseModel, Field

from assistant.hashtags import normalise_tag, tag_key
from assistant.models import PostCheck
from assistant.platforms.catalogue import Platform
from assistant.platforms.check import _tags_to_keep, check_post
from assistant.platforms.counting import analyse, count_length, resolve

_INVALID = "\ufeff\ufffe\uffff"
MAX_LINK_FIXES = 30
_SPACES_RE = regex.compile(r"[ \t\f\v]+")
_BLANKS_RE = regex.compile(r"\n{3,}")
# What may stand beside tags on a hashtag line, and after a link that ends its line.
_DECORATION_RE = regex.compile(r"[\s\p{P}\p{S}]*")
_TRAILING_RE = regex.compile(r"[\s.,;:!?…)\]»\"']*")
# A label before a link: a few words ending in ':' (or an arrow), or no letters at all.
_LABEL_RE = regex.compile(r"(?:[^\n:]{0,30}[:→➡]|[^\p{L}\n]{0,12})")


class FixResult(BaseModel):
    text: str
    applied: list[str] = Field(default_factory=list)  # one sentence per fix that changed something
    check: PostCheck


def normalise_whitespace(text: str) -> str:
    """\\r\\n as \\n, runs of spaces as one, no spaces at line ends or starts, at most one
    blank line, nothing around the text; X's refused characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate({ord(c): None for c in _INVALID})
    lines = [_SPACES_RE.sub(" ", line).strip(" ") for line in text.split("\n")]
    return _BLANKS_RE.sub("\n\n", "\n".join(lines)).strip()


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _is_tag_line(text: str, start: int, end: int, spans: list[tuple[int, int, str]],
                 starts: list[int]) -> bool:
    """True if the line holding ``start`` has nothing but hashtags and decoration.

    ``starts``: the spans' starts, sorted, so that only the line's own tags are visited.
    """
    lo, hi = _line_bounds(text, start, end)
    rest, pos = [], lo
    for s, e, _ in spans[bisect_left(starts, lo) : bisect_left(starts, hi)]:
        if e <= hi:
            rest.append(text[pos:s])
            pos = e
    rest.append(text[pos:hi])
    return _DECORATION_RE.fullmatch("".join(rest)) is not None


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    """``text`` with each (start, end) replaced; edits sorted and apart (one pass)."""
    parts, pos = [], 0
    for start, end, replacement in edits:
        parts += [text[pos:start], replacement]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def trim_hashtags(text: str, cap: int | None, required: Iterable[str] = ()) -> str:
    """Drop repeated tags and tags over ``cap`` (required ones kept first).

    On a hashtag line a dropped tag is deleted; inside a sentence it only loses its '#'.
    """
    spans = analyse(text).hashtags
    distinct = list({tag_key(t): t for _, _, t in reversed(spans)}.values())[::-1]
    limit = len(distinct) if cap is None else cap
    keep = {tag_key(t) for t in _tags_to_keep(distinct, required, limit)}
    seen: set[str] = set()
    edits: list[tuple[int, int, str]] = []
    starts = [s for s, _, _ in spans]
    tag_lines: dict[int, bool] = {}  # per line start: one look at each line, not one per tag
    for start, end, tag in spans:
        key = tag_key(tag)
        if key in keep and key not in seen:
            seen.add(key)
            continue
        line = text.rfind("\n", 0, start) + 1
        if line not in tag_lines:
            tag_lines[line] = _is_tag_line(text, start, end, spans, starts)
        edits.append((start, end, "" if tag_lines[line] else tag))
    return _apply(text, edits)


def replace_dead_links(platform: Platform, text: str, phrase: str) -> str:
    """Replace each link that ends its line by ``phrase``, where that is not longer.

    "Mehr: kaffee.de/neu" becomes "Mehr: Link in bio"; if that is longer and the words
    before the link are only a label ("Mehr:", "👉"), the whole line becomes the phrase.
    """
    phrase = phrase.strip()
    if not phrase:
        return text
    # each replacement re-measures the whole text; no real post has more links than this,
    # and a pasted list of thousands keeps its problem instead of keeping the page busy
    for start, end, _url in reversed(analyse(text).urls[-MAX_LINK_FIXES:]):
        line_start, line_end = _line_bounds(text, start, end)
        if not _TRAILING_RE.fullmatch(text[end:line_end]):
            continue  # the link sits inside a sentence: replacing it would break the sentence
        candidates = [text[:start] + phrase + text[end:]]
        if _LABEL_RE.fullmatch(text[line_start:start].strip()):
            candidates.append(text[:line_start] + phrase + text[line_end:])
        for candidate in candidates:
            if count_length(platform, candidate) <= count_length(platform, text):
                text = candidate
                break
    return _drop_repeated_lines(text, phrase)


def _drop_repeated_lines(text: str, phrase: str) -> str:
    """Several links on their own lines become one "link in bio" line, not several."""
    lines, seen = [], False
    for line in text.split("\n"):
        if _DECORATION_RE.sub("", line) == _DECORATION_RE.sub("", phrase):
            if seen:
                continue
            seen = True
        lines.append(line)
    return "\n".join(lines)


def join_lines(text: str) -> str:
    """Line breaks as single spaces (for platforms whose API drops them)."""
    return " ".join(part.strip() for part in text.split("\n") if part.strip())


def _not_longer(p: Platform, before: str, after: str) -> bool:
    return len(after) <= len(before) and count_length(p, after) <= count_length(p, before)


def fix_post(
    platform: Platform | str,
    text: str,
    *,
    required_hashtags: Iterable[str] = (),
    link_in_bio: str = "Link in bio",
) -> FixResult:
    """Apply the safe fixes for ``platform``; the result's check lists what is left."""
    p = resolve(platform)
    required = [t for t in map(normalise_tag, required_hashtags) if t]
    phrase = link_in_bio
    steps: list[tuple[str, Callable[[str], str]]] = [
        ("Normalised whitespace and removed invisible characters", normalise_whitespace),
        ("Removed repeated hashtags", lambda t: trim_hashtags(t, None, required)),
    ]
    if p.hashtag_cap is not None:
        kept = f" (kept {', '.join('#' + r for r in required)} first)" if required else ""
        steps.append(
            (
                f"Trimmed hashtags to {p.hashtag_cap}{kept}",
                lambda t: trim_hashtags(t, p.hashtag_cap, required),
            )
        )
    dead_links = (f"Replaced links by '{phrase.strip()}'",
                  lambda t: replace_dead_links(p, t, phrase))
    if p.links.mode == "not_clickable":
        steps.append(dead_links)
    if p.strips_newlines:
        steps.append(("Replaced line breaks by spaces", join_lines))
        if p.links.mode == "not_clickable":
            # joined lines put a link after words that were a line of their own ("000000"
            # above "0.AL"): read the links again, or a second fix_post would change the post
            steps.append(dead_links)
    steps.append(("", normalise_whitespace))  # tidy after removals; not reported on its own
    return _run(p, text, steps, required)


def _run(
    p: Platform, text: str, steps: list[tuple[str, Callable[[str], str]]], required: list[str]
) -> FixResult:
    applied: list[str] = []
    current = text if isinstance(text, str) else ""
    for label, step in steps:
        candidate = step(current)
        if candidate != current and _not_longer(p, current, candidate):
            current = candidate
            if label and label not in applied:
                applied.append(label)
    return FixResult(
        text=current, applied=applied, check=check_post(p, current, required_hashtags=required)
    )

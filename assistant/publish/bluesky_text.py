"""What a Bluesky post record is made of, as pure functions: rich-text facets with UTF-8 byte
offsets, the deterministic record key of an attempt, and the post's web address.

Facets: Bluesky shows a link, a mention or a hashtag as one only when the record says where
it is, as a range of UTF-8 BYTES of the text (not characters: "Grüße 🎉 https://..." puts
the link 4 bytes further than its character index). URLs and hashtags are found by the same
functions the checks use: every http(s):// or www. address as the link checker finds it
(``compliance.urls``; a scheme links any host, ``http://127.0.0.1:8000/`` too), and bare
domains with a known top-level domain as the platform counter finds them (``kaffee.de/shop``).

Record key: a post's rkey must be a TID (13 characters of base32-sortable, a microsecond
timestamp and a clock id). Deriving it from the worker's attempt id makes a retry after a
crash write the SAME record key, which the PDS cannot hold twice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import regex

from assistant.compliance.urls import find_url_spans
from assistant.platforms.counting import analyse, outside

TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
# TIDs made from attempt ids fall between 2023-01-01 and 2026-01-01: always in the past, so
# no client sorts them as posts "from the future" (the time inside is not the post's time;
# createdAt is).
_TID_START_US = int(datetime(2023, 1, 1, tzinfo=UTC).timestamp() * 1_000_000)
_TID_SPAN_US = int(datetime(2026, 1, 1, tzinfo=UTC).timestamp() * 1_000_000) - _TID_START_US
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
# @handle.domain: not inside a word or an e-mail address, at least one dot.
MENTION_RE = regex.compile(rf"(?<![\w@.])@((?:{_LABEL}\.)+{_LABEL})", regex.IGNORECASE)
_SCHEMES = ("http://", "https://")

Span = tuple[int, int, str]
HandleResolver = Callable[[str], str | None]


def record_key(attempt_id: str, part: str = "post") -> str:
    """The TID record key of ``part`` ("post", "comment") of one publish attempt."""
    digest = int.from_bytes(hashlib.sha256(f"{attempt_id}\0{part}".encode()).digest()[:16],
                            "big")
    micros = _TID_START_US + digest % _TID_SPAN_US
    clock_id = (digest >> 64) % 1024
    value = (micros << 10) | clock_id
    return "".join(TID_ALPHABET[(value >> (5 * (12 - i))) & 31] for i in range(13))


def link_target(url: str) -> str:
    """The address a link facet points to: a bare ``kaffee.de/shop`` gets https://."""
    return url if url.lower().startswith(_SCHEMES) else f"https://{url}"


def link_spans(text: str) -> list[Span]:
    """Every link of ``text``, sorted: written-out URLs first, then bare domains outside them."""
    written = find_url_spans(text)
    return sorted(written + outside(analyse(text).urls, written))


def mention_spans(text: str) -> list[Span]:
    """(start, end, handle) of every @handle, ``start`` at the '@'."""
    return [(m.start(), m.end(), m.group(1).lower()) for m in MENTION_RE.finditer(text)]


def _byte_offsets(text: str) -> list[int]:
    """UTF-8 byte offset of every character index 0..len(text)."""
    offsets = [0]
    for char in text:
        offsets.append(offsets[-1] + len(char.encode("utf-8", "surrogatepass")))
    return offsets


def _facet(offsets: list[int], start: int, end: int, feature: dict[str, str]) -> dict[str, Any]:
    return {"index": {"byteStart": offsets[start], "byteEnd": offsets[end]},
            "features": [feature]}


def facets(text: str, resolve_handle: HandleResolver) -> list[dict[str, Any]]:
    """The record's facets: links, hashtags, and mentions whose handle resolves to a DID (an
    unknown handle stays plain text rather than pointing nowhere). Sorted by position."""
    facts = analyse(text)
    links = link_spans(text)
    found: list[tuple[int, int, dict[str, str]]] = []
    for start, end, url in links:
        found.append((start, end, {"$type": "app.bsky.richtext.facet#link",
                                   "uri": link_target(url)}))
    for start, end, tag in outside(facts.hashtags, links):
        found.append((start, end, {"$type": "app.bsky.richtext.facet#tag", "tag": tag}))
    for start, end, handle in outside(mention_spans(text), links):
        did = resolve_handle(handle)
        if did:
            found.append((start, end, {"$type": "app.bsky.richtext.facet#mention",
                                       "did": did}))
    offsets = _byte_offsets(text)
    return [_facet(offsets, start, end, feature) for start, end, feature in sorted(
        found, key=lambda item: item[0])]


def first_link(text: str) -> str | None:
    """The first URL of ``text`` as a link facet would point to it (for a link card)."""
    links = link_spans(text)
    return link_target(links[0][2]) if links else None


def rkey_of(uri: str) -> str:
    """The record key at the end of an at:// URI."""
    return uri.rsplit("/", 1)[-1]


def web_url(actor: str, uri: str) -> str:
    """Where a person opens the post: bsky.app with the account's handle or DID."""
    return f"https://bsky.app/profile/{actor}/post/{rkey_of(uri)}"

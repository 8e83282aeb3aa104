"""A page's title, description and picture for a link card, fetched through the link guard.

Publishing a post with a link card (Bluesky's external embed) reads the linked page. That is
a request to an address a user typed, so it goes through the same SSRF guard as the link
checker (``netguard``: every redirect hop checked, the transport pinned to the checked
address, private addresses refused unless ``POSTWERK_LINKS_ALLOW_PRIVATE``). Only the head of
the page is read (``MAX_BYTES``), and its og:image only when asked (``fetch_image``).
Nothing here raises for network trouble: offline, refused or broken, the card simply has no
title or no picture.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

import httpx

from assistant.compliance.links import make_client
from assistant.compliance.netguard import (
    Guard,
    HostNotFound,
    Resolver,
    make_guard,
    system_resolver,
)
from assistant.config import Settings, get_settings

MAX_BYTES = 256_000  # the <head> of any sane page is far smaller
MAX_IMAGE_BYTES = 5_000_000  # a card's picture is scaled down afterwards
META_KEYS = ("og:title", "og:description", "description", "og:image")
MAX_REDIRECTS = 5
TITLE_MAX = 300  # characters kept; cards show one or two lines
DESCRIPTION_MAX = 1000


@dataclass(frozen=True)
class PagePreview:
    """What a link card shows; empty strings when the page could not be read."""

    url: str
    title: str = ""
    description: str = ""
    image_url: str = ""  # og:image, absolute; fetched with ``fetch_image``


class _HeadParser(HTMLParser):
    """Collects <title>, og:title, og:description and the meta description."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key.lower(): (value or "") for key, value in attrs}
        if tag == "title":
            self._in_title = True
        elif tag == "meta":
            key = (values.get("property") or values.get("name") or "").lower()
            if key in META_KEYS and key not in self.meta:
                self.meta[key] = values.get("content", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def _clean(text: str, limit: int) -> str:
    return " ".join(text.split())[:limit]


def parse_preview(url: str, html: str) -> PagePreview:
    """Title and description of an HTML page (Open Graph first, then <title>)."""
    parser = _HeadParser()
    parser.feed(html)
    title = parser.meta.get("og:title") or parser.title
    description = parser.meta.get("og:description") or parser.meta.get("description", "")
    image = parser.meta.get("og:image", "").strip()
    return PagePreview(url=url, title=_clean(title, TITLE_MAX),
                       description=_clean(description, DESCRIPTION_MAX),
                       image_url=urljoin(url, image) if image else "")


def _read(response: httpx.Response, limit: int) -> bytes:
    """The body, at most ``limit`` bytes of it."""
    data = b""
    for chunk in response.iter_bytes():
        data += chunk
        if len(data) > limit:
            return data[:limit]
    return data


def _fetch(client: httpx.Client, url: str, guard: Guard, wanted: str,
           limit: int) -> bytes | None:
    """GET ``url`` by hand, the guard before every hop; the body if its type starts with
    ``wanted`` (e.g. "text/html", "image/")."""
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        if guard(current):
            return None
        with client.stream("GET", current) as response:
            location = response.headers.get("location")
            if response.is_redirect and location:
                current = urljoin(current, location)
                continue
            kind = response.headers.get("content-type", "").lower()
            if response.status_code != 200 or not kind.startswith(wanted):
                return None
            return _read(response, limit)
    return None


def _decode(head: bytes) -> str:
    """UTF-8 (a character cut at the end of the head is dropped), else Windows-1252."""
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:
            return head.decode("utf-8", errors="ignore")
        return head.decode("cp1252", errors="replace")


def _guarded_get(url: str, wanted: str, limit: int, settings: Settings | None,
                 timeout: float, resolver: Resolver) -> bytes | None:
    allow_private = (settings or get_settings()).links_allow_private
    guard = make_guard(allow_private, resolver=resolver)
    try:
        with make_client(timeout, allow_private=allow_private, resolver=resolver) as client:
            return _fetch(client, url, guard, wanted, limit)
    except (httpx.HTTPError, HostNotFound, ValueError):
        return None


def fetch_preview(url: str, *, settings: Settings | None = None, timeout: float = 5.0,
                  resolver: Resolver = system_resolver) -> PagePreview:
    """The card for ``url``: the page's title and description, or an empty card."""
    head = _guarded_get(url, "text/html", MAX_BYTES, settings, timeout, resolver)
    if not head:
        return PagePreview(url=url)
    return parse_preview(url, _decode(head))


def fetch_image(url: str, *, settings: Settings | None = None, timeout: float = 5.0,
                resolver: Resolver = system_resolver) -> bytes | None:
    """The card's picture (``PagePreview.image_url``) through the same guard, or None. A
    picture over ``MAX_IMAGE_BYTES`` is not taken (a truncated file is no picture)."""
    data = _guarded_get(url, "image/", MAX_IMAGE_BYTES + 1, settings, timeout, resolver)
    return data if data and len(data) <= MAX_IMAGE_BYTES else None

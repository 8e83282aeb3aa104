"""A page's title and description for a link card, fetched through the link guard.

Publishing a post with a link card (Bluesky's external embed) reads the linked page. That is
a request to an address a user typed, so it goes through the same SSRF guard as the link
checker (``netguard``: every redirect hop checked, the transport pinned to the checked
address, private addresses refused unless ``POSTWERK_LINKS_ALLOW_PRIVATE``). Only the head of
the page is read (``MAX_BYTES``). Nothing here raises for network trouble: offline, refused
or broken, the card simply has no title.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

import httpx

from assistant.compliance.links import make_client
from assistant.compliance.netguard import HostNotFound, Resolver, make_guard, system_resolver
from assistant.config import Settings, get_settings

MAX_BYTES = 256_000  # the <head> of any sane page is far smaller
MAX_REDIRECTS = 5
TITLE_MAX = 300  # characters kept; cards show one or two lines
DESCRIPTION_MAX = 1000


@dataclass(frozen=True)
class PagePreview:
    """What a link card shows; empty strings when the page could not be read."""

    url: str
    title: str = ""
    description: str = ""


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
            if key in ("og:title", "og:description", "description") and key not in self.meta:
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
    return PagePreview(url=url, title=_clean(title, TITLE_MAX),
                       description=_clean(description, DESCRIPTION_MAX))


def _read_head(response: httpx.Response) -> str:
    data = b""
    for chunk in response.iter_bytes():
        data += chunk
        if len(data) >= MAX_BYTES:
            break
    return data[:MAX_BYTES].decode(response.encoding or "utf-8", errors="replace")


def _fetch_html(client: httpx.Client, url: str, allow_private: bool,
                resolver: Resolver) -> str | None:
    guard = make_guard(allow_private, resolver=resolver)
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        if guard(current):
            return None
        with client.stream("GET", current) as response:
            location = response.headers.get("location")
            if response.is_redirect and location:
                current = urljoin(current, location)
                continue
            kind = response.headers.get("content-type", "")
            if response.status_code != 200 or "html" not in kind.lower():
                return None
            return _read_head(response)
    return None


def fetch_preview(url: str, *, settings: Settings | None = None, timeout: float = 5.0,
                  resolver: Resolver = system_resolver) -> PagePreview:
    """The card for ``url``: the page's title and description, or an empty card."""
    allow_private = (settings or get_settings()).links_allow_private
    try:
        with make_client(timeout, allow_private=allow_private, resolver=resolver) as client:
            html = _fetch_html(client, url, allow_private, resolver)
    except (httpx.HTTPError, HostNotFound, ValueError):
        html = None
    return parse_preview(url, html) if html else PagePreview(url=url)

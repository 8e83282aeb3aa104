"""URLs in post texts: finding them, UTM parameters, shorteners (pure, no network)."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

# http(s) URLs (an IPv6 literal host in brackets too: http://[::1]:8801/) and bare "www."
# addresses; the trailing punctuation is trimmed afterwards
_URL_RE = re.compile(
    r"(?<![\w@/])(?:https?://(?:\[[0-9a-f:.]+\])?|www\.)[^\s<>\"'`{}|\\^\[\]]*",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?'\"»«“”‘’…)]}>"

# Shorteners hide the destination (readers and spam filters distrust them) and add a hop.
SHORTENERS: frozenset[str] = frozenset({
    "bit.ly", "bitly.com", "t.co", "tinyurl.com", "ow.ly", "buff.ly", "goo.gl", "is.gd",
    "lnkd.in", "rebrand.ly", "cutt.ly", "t.ly", "shorturl.at", "tiny.cc", "rb.gy", "bl.ink",
    "v.gd", "soo.gd", "trib.al", "dlvr.it", "fb.me", "amzn.to", "s.id", "shorte.st",
    "adf.ly", "x.gd", "tiny.one", "short.io", "qr.ae", "ift.tt", "spoti.fi", "wp.me",
})
UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")


def _trim(url: str) -> str:
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break  # a balanced ")" belongs to the URL (Wikipedia style)
        url = url[:-1]
    return url


def find_url_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, url) of every http(s):// or "www." URL, trailing punctuation removed."""
    out: list[tuple[int, int, str]] = []
    for match in _URL_RE.finditer(text or ""):
        url = _trim(match.group(0))
        if len(url) > len("https://"):
            out.append((match.start(), match.start() + len(url), url))
    return out


def find_urls(text: str) -> list[str]:
    """Every URL in ``text`` once, in order of appearance, trailing punctuation removed."""
    return list(dict.fromkeys(url for _, _, url in find_url_spans(text)))


def normalise_url(url: str) -> str:
    """A bare "www." address gets https://; everything else is returned stripped."""
    url = url.strip()
    if url.lower().startswith("www."):
        return "https://" + url
    return url


def _split(url: str) -> SplitResult | None:
    try:
        return urlsplit(normalise_url(url))
    except ValueError:  # e.g. an unclosed "[" of an IPv6 literal
        return None


def is_web_link(url: str) -> bool:
    """Only http(s) with a host: javascript:, data: or file: links never go into a post."""
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unclosed "[" of an IPv6 literal
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname) and " " not in text


def host_of(url: str) -> str:
    parts = _split(url)
    return ((parts.hostname if parts else None) or "").lower().rstrip(".")


def _domain_match(host: str, domain: str) -> bool:
    domain = domain.lower().removeprefix("www.")
    host = host.removeprefix("www.")
    return host == domain or host.endswith("." + domain)


def is_shortener(url: str) -> bool:
    host = host_of(url)
    return any(_domain_match(host, s) for s in SHORTENERS)


def has_utm(url: str) -> bool:
    parts = _split(url)
    query = parts.query if parts else ""
    return any(key.lower().startswith("utm_") for key, _ in parse_qsl(query, True))


def is_own_domain(url: str, domains: list[str]) -> bool:
    host = host_of(url)
    return any(_domain_match(host, d) for d in domains if d)


def add_utm(
    url: str,
    source: str,
    medium: str = "social",
    campaign: str | None = None,
    *,
    content: str | None = None,
    term: str | None = None,
) -> str:
    """``url`` with UTM parameters; existing parameters (UTM or not) are kept, none doubled."""
    parts = urlsplit(url.strip())
    query = parse_qsl(parts.query, keep_blank_values=True)
    present = {key.lower() for key, _ in query}
    wanted = dict(zip(UTM_KEYS, (source, medium, campaign, content, term), strict=True))
    added = [(k, v) for k, v in wanted.items() if v and k not in present]
    if not added:
        return url.strip()
    new_query = urlencode(query + added, doseq=True)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, new_query, parts.fragment))

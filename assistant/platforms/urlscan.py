"""Finding URLs in a post in bounded time (pure).

twitter-text's URL extractor is what X itself runs, so X's count is only exact with it,
but its regex backtracks: a text like ``'a.' * 1000`` (one long chain of labels) costs
about 25 s, and every valid start inside such a chain re-scans the rest of it. Its work is
predictable, though: it is spent inside runs of domain characters, about one unit per
character and ``_DOT_COST`` units per dot still ahead of each place a URL can start.

``url_spans`` therefore measures that work first (one linear pass). A text within
``WHOLE_BUDGET`` goes to twitter-text as it is: the exact result, as before. Otherwise the
text is cut at characters no URL can contain and that let a URL start right after them
(spaces and ``<>\\^{}``); cutting there changes nothing twitter-text finds. Each piece goes
to twitter-text while the budget lasts, and a piece that is still too expensive goes to
``linear_url_spans``, a one-pass finder that agrees with twitter-text on ordinary text
(the property tests say so) and gives up on the exotic chains only an attacker writes.
"""

from __future__ import annotations

import re
import warnings

with warnings.catch_warnings():
    # twitter-text-parser reads its emoji list through the deprecated pkg_resources
    warnings.simplefilter("ignore")
    from twitter_text.extract_urls import extract_urls_with_indices
    from twitter_text.regexp.directional_markers_group import directional_markers_group
    from twitter_text.regexp.invalid_chars_group import invalid_chars_group
    from twitter_text.regexp.spaces_group import spaces_group
    from twitter_text.regexp.valid_cctld import valid_cctld
    from twitter_text.regexp.valid_gtld import valid_gtld
    from twitter_text.regexp.valid_tco_url import valid_tco_url

Span = tuple[int, int, str]

# Cost units are calibrated so that one unit is about 0.5 µs of twitter-text's work.
WHOLE_BUDGET = 200_000  # ~0.1 s: ordinary posts of several thousand characters stay far below
PIECE_BUDGET = 20_000  # one piece may use at most this much of the budget
_DOT_COST = 64  # a dot ahead of a start costs a try of ~1,500 top-level domains
_CALL_COST = 200  # and each call of the extractor ~0.1 ms on its own
MAX_URL_LENGTH = 4096  # twitter-text drops longer URLs
_TCO_SLUG_MAX = 40  # and t.co links with longer slugs; a t.co link ends at its slug

# ASCII punctuation that cannot be part of a domain (twitter-text's punct, minus . - _)
_NOT_DOMAIN = r"!#$%&'()*+,/:;<=>?@\[\\\]^{|}~"
_EXCLUDED = _NOT_DOMAIN + spaces_group + invalid_chars_group + directional_markers_group
_DOMAIN_RUN_RE = re.compile(f"[^{_EXCLUDED}]+")
_START_AFTER_RE = re.compile(r"[^A-Za-z0-9]")  # a URL may start after any of these
_PIECE_RE = re.compile(f"[^{spaces_group}<>\\\\^{{}}]+")


def _tlds(pattern: re.Pattern[str]) -> frozenset[str]:
    body = pattern.pattern
    return frozenset(body[len("(?:(?:") : body.index(")(?=")].split("|"))


TLDS: frozenset[str] = _tlds(valid_gtld) | _tlds(valid_cctld)
_TLD_MAX = max(map(len, TLDS))
_CHAIN_RE = re.compile(f"(?<![^{_EXCLUDED}])(?<![@#$/])(https?://)?([^{_EXCLUDED}]+)", re.I)
_PATH_CHARS = r"[a-z0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&\u00c0-\u024f\u0400-\u04ff]"
# path characters and balanced parentheses (Wikipedia style); the classes exclude "(" and
# ")", so the repetition cannot backtrack
_PATH_RE = re.compile(f"/(?:{_PATH_CHARS}|\\({_PATH_CHARS}+\\))*", re.I)
_PATH_END = re.compile(r"[+\-a-z0-9=_#/)\u00c0-\u024f\u0400-\u04ff]", re.I)
_QUERY_RE = re.compile(r"\?[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*", re.I)
_QUERY_END = re.compile(r"[a-z0-9\-_&=#/]", re.I)
_PORT_RE = re.compile(r":[0-9]+")
_PUNYCODE_RE = re.compile(r"xn--[-0-9a-z]+")


def extraction_cost(text: str) -> int:
    """About how much work twitter-text's extractor does on ``text`` (see module doc)."""
    total = 0
    for run in _DOMAIN_RUN_RE.finditer(text):
        start, end = run.span()
        dots_ahead = text.count(".", start, end)
        total += (end - start) + _DOT_COST * dots_ahead  # the start at the run's beginning
        for m in _START_AFTER_RE.finditer(text, start, end):
            dots_ahead -= m.group() == "."
            total += (end - m.end()) + _DOT_COST * dots_ahead
    return total


def _twitter(text: str, offset: int) -> list[Span]:
    return [
        (u["indices"][0] + offset, u["indices"][1] + offset, u["url"])
        for u in extract_urls_with_indices(text)
    ]


def url_spans(text: str) -> list[Span]:
    """(start, end, url) of each URL twitter-text finds, in bounded time (see module doc)."""
    if "." not in text:
        return []
    if extraction_cost(text) <= WHOLE_BUDGET:
        return _twitter(text, 0)
    spans: list[Span] = []
    budget = WHOLE_BUDGET
    for piece in _PIECE_RE.finditer(text):
        if "." not in piece.group():
            continue
        cost = extraction_cost(piece.group()) + _CALL_COST
        if cost <= min(budget, PIECE_BUDGET):
            budget -= cost
            spans += _twitter(piece.group(), piece.start())
        else:
            spans += linear_url_spans(piece.group(), piece.start())
    return spans


def _ends_tld(after: str) -> bool:
    return not after or not (after.isascii() and (after.isalnum() or after in "@+-"))


def _tld_at(label: str) -> int:
    """Length of the top-level domain ``label`` begins with (ending where twitter-text
    wants it), or 0."""
    lower = label.lower()
    puny = _PUNYCODE_RE.match(lower)
    if puny and _ends_tld(lower[puny.end() : puny.end() + 1]):
        return puny.end()
    for size in range(min(len(lower), _TLD_MAX), 1, -1):
        if _ends_tld(lower[size : size + 1]) and lower[:size] in TLDS:
            return size
    return 0


def _valid_label(label: str) -> bool:
    return bool(label) and label[0] not in "-_" and label[-1] not in "-_"


def _domain(labels: list[str]) -> tuple[int, int, int] | None:
    """(first, last label index, length of the top-level domain in the last label): the
    first run of valid labels that ends in a top-level domain, as far as that run goes
    (twitter-text's greedy choice)."""
    first, found = 0, None
    for index, label in enumerate(labels):
        size = _tld_at(label) if index > first else 0
        if size:
            found = (first, index, size)
        if not _valid_label(label):
            if found:
                return found
            first = index + 1
    return found


def _trimmed(match: re.Match[str] | None, ending: re.Pattern[str], bare: bool) -> int:
    """End of ``match`` after dropping trailing characters a URL does not end with; a bare
    "/" is a path, a bare "?" is no query."""
    if match is None:
        return -1
    text, end = match.group(), len(match.group())
    while end > 1 and not ending.match(text[end - 1]):
        end -= 1
    if end == 1 and not bare:
        return match.start()
    return match.start() + end


def _tail(text: str, pos: int, protocol: bool) -> int:
    """Where the URL ends after its domain: optional port, path and query (a bare domain
    keeps them only when it has a path, as in twitter-text)."""
    port = _PORT_RE.match(text, pos)
    after_port = port.end() if port else pos
    if not protocol and not text.startswith("/", after_port):
        return pos
    pos = after_port
    if text.startswith("/", pos):
        pos = max(pos, _trimmed(_PATH_RE.match(text, pos), _PATH_END, True))
    if text.startswith("?", pos):
        pos = max(pos, _trimmed(_QUERY_RE.match(text, pos), _QUERY_END, False))
    return pos


def linear_url_spans(text: str, offset: int = 0) -> list[Span]:
    """URLs as twitter-text finds them in ordinary text, in one pass over ``text``."""
    spans: list[Span] = []
    pos = 0
    while (m := _CHAIN_RE.search(text, pos)) is not None:
        pos = m.end()
        labels = m.group(2).split(".")
        found = _domain(labels)
        if found is None:
            continue
        before = sum(len(label) + 1 for label in labels[: found[0]])
        domain = ".".join(labels[found[0] : found[1]] + [labels[found[1]][: found[2]]])
        protocol = m.group(1) or ""
        if not protocol and not domain.isascii():
            continue  # twitter-text links bare domains only when they are ASCII
        start = m.start(1) if protocol and not before else m.start(2) + before
        end = _tail(text, m.start(2) + before + len(domain), bool(protocol))
        tco = valid_tco_url.match(text[start:end]) if protocol else None
        if tco and len(tco.group(1)) > _TCO_SLUG_MAX:
            continue
        end = start + tco.end() if tco else end
        if end - start <= MAX_URL_LENGTH:
            spans.append((start + offset, end + offset, text[start:end]))
            pos = max(pos, end)
    return spans

"""Our fast X count must equal twitter-text's parse_tweet exactly."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.platforms.xcount import emoji_spans, parse_tweet, x_count

CONFORMANCE_LIKE = [
    "",
    "a" * 280,
    "a" * 281,
    "\U0001f600" * 140,
    "日本語" * 50,
    "Привет мир",
    "http://example.com " * 12,
    "https://example.com/a/b?c=d#e and www.example.org and example.co.uk/x",
    "example.com/x, foo.bar, a.b, t.co/abc123",
    "x@example.com and @user and #hashtag",
    "Caf\u0065\u0301 \u00e9",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466\U0001f1e9\U0001f1ea\U0001f44d\U0001f3fd",
    "1\ufe0f\u20e3#\ufe0f\u20e3*\ufe0f\u20e3 \u00a9 \u00ae \u2122 \u2615 \u2764\ufe0f \u2764",
    "\u200e\u200f\u200b\u200c\u200d\u2028\u2029",
    "a\r\nb\rc\nd",
    "\ufeff\ufffe\uffff invalid",
    "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",  # England flag
    "\U0001f9d1\U0001f3fe\u200d\U0001f91d\u200d\U0001f9d1\U0001f3fb",  # people holding hands
]


@pytest.mark.parametrize("text", CONFORMANCE_LIKE)
def test_equals_parse_tweet(text: str) -> None:
    ours, theirs = x_count(text), parse_tweet(text)
    assert ours.weighted == theirs.weightedLength
    assert ours.valid_chars == (theirs.valid or not (0 < theirs.weightedLength <= 280))


FRAGMENTS = [
    "a",
    "Z",
    "ß",
    "ü",
    " ",
    "\n",
    "\r\n",
    "\r",
    ".",
    "/",
    ":",
    "#",
    "@",
    "_",
    "-",
    "https://",
    "http://",
    "www.",
    "example.com",
    "kaffee.de",
    ".co.uk",
    "/path?q=1",
    "t.co/x",
    "\U0001f468",
    "\U0001f469",
    "\u200d",
    "\ufe0f",
    "\u20e3",
    "\U0001f3fd",
    "\U0001f1e9",
    "\U0001f1ea",
    "\u2615",
    "\u00a9",
    "1",
    "e\u0301",
    "日本",
    "\u200e",
    "\u200f",
    "\ufeff",
    "\U000e0067",
    "\U0001f3f4",
    "\u2764",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join))
def test_equals_parse_tweet_on_fragment_soup(text: str) -> None:
    assert x_count(text).weighted == parse_tweet(text).weightedLength


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_equals_parse_tweet_on_any_text(text: str) -> None:
    assert x_count(text).weighted == parse_tweet(text).weightedLength


def test_emoji_spans_match_library_regex() -> None:
    from assistant.platforms.xcount import _tt_emoji

    text = "".join(CONFORMANCE_LIKE)
    theirs = [(m.start(), m.end()) for m in _tt_emoji.emoji.finditer(text)]
    assert emoji_spans(text) == theirs

"""Table-driven counting: each case's numbers worked out by hand, per platform unit."""

from __future__ import annotations

import pytest

from assistant.platforms import PLATFORM_IDS, count_length
from assistant.platforms.counting import graphemes, utf8_bytes, utf16_units
from assistant.platforms.xcount import parse_tweet

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # 4 emoji + 3 ZWJ
FLAG_DE = "\U0001f1e9\U0001f1ea"
THUMB_MEDIUM = "\U0001f44d\U0001f3fd"
KEYCAP_1 = "1\ufe0f\u20e3"

# unit of each platform's limit -> key in the expected table
UNIT_OF = {
    "x": "x",
    "bluesky": "graphemes",
    "mastodon": "mastodon",
    "threads": "threads",
    "instagram": "chars",
    "facebook": "chars",
    "linkedin": "chars",
    "tiktok": "utf16",
    "pinterest": "chars",
    "google_business": "chars",
}

# name: (text, {x, graphemes, bytes, mastodon, threads, utf16, chars})
CASES: dict[str, tuple[str, dict[str, int]]] = {
    "ascii": ("Hallo", dict(x=5, graphemes=5, bytes=5, mastodon=5, threads=5, utf16=5, chars=5)),
    # family: one emoji sequence; 4x4 + 3x3 = 25 bytes; 4 surrogate pairs + 3 = 11 UTF-16
    "family_zwj": (
        FAMILY,
        dict(x=2, graphemes=1, bytes=25, mastodon=1, threads=25, utf16=11, chars=7),
    ),
    "flag": (FLAG_DE, dict(x=2, graphemes=1, bytes=8, mastodon=1, threads=8, utf16=4, chars=2)),
    "skin_tone": (
        THUMB_MEDIUM,
        dict(x=2, graphemes=1, bytes=8, mastodon=1, threads=8, utf16=4, chars=2),
    ),
    "keycap": (KEYCAP_1, dict(x=2, graphemes=1, bytes=7, mastodon=1, threads=7, utf16=3, chars=3)),
    "coffee_bmp_emoji": (
        "\u2615",
        dict(x=2, graphemes=1, bytes=3, mastodon=1, threads=3, utf16=1, chars=1),
    ),
    # e + combining acute: X counts the NFC form (one é); the others count what is sent
    "combining_accent": (
        "Cafe\u0301",
        dict(x=4, graphemes=4, bytes=6, mastodon=4, threads=5, utf16=5, chars=5),
    ),
    "precomposed_accent": (
        "Caf\u00e9",
        dict(x=4, graphemes=4, bytes=5, mastodon=4, threads=4, utf16=4, chars=4),
    ),
    "cjk": ("日本語", dict(x=6, graphemes=3, bytes=9, mastodon=3, threads=3, utf16=3, chars=3)),
    "umlauts_sharp_s": (
        "Straße Grüße",
        dict(x=12, graphemes=12, bytes=15, mastodon=12, threads=12, utf16=12, chars=12),
    ),
    # a lone ZWJ joins onto the "a" (one grapheme); X weighs U+200D as 1 (range 8192-8205)
    "zero_width_joiner": (
        "a\u200db",
        dict(x=3, graphemes=2, bytes=5, mastodon=2, threads=3, utf16=3, chars=3),
    ),
    # RLM/LRM are their own graphemes; X weighs U+200E/U+200F as 2 (outside its ranges)
    "directional_marks": (
        "\u200fשלום\u200e",
        dict(x=8, graphemes=6, bytes=14, mastodon=6, threads=6, utf16=6, chars=6),
    ),
    # \r\n is one grapheme and X counts it as one \n
    "newlines": (
        "a\nb\r\nc",
        dict(x=5, graphemes=5, bytes=6, mastodon=5, threads=6, utf16=6, chars=6),
    ),
    # 6 + 23; Mastodon also counts a URL with scheme as 23
    "url_with_scheme": (
        "Mehr: https://kaffee-roesterei.de/shop/neu?utm_source=x",
        dict(x=29, graphemes=55, bytes=55, mastodon=29, threads=55, utf16=55, chars=55),
    ),
    # X links a domain without scheme (23); Mastodon does not, so it counts every character
    "url_without_scheme": (
        "Mehr: kaffee.de/shop",
        dict(x=29, graphemes=20, bytes=20, mastodon=20, threads=20, utf16=20, chars=20),
    ),
    # Mastodon counts @user@domain as @user: "@anna hi" = 8
    "mastodon_mention": (
        "@anna@chaos.social hi",
        dict(x=None, graphemes=21, bytes=21, mastodon=8, threads=21, utf16=21, chars=21),
    ),
    "mixed": (
        f"Grüße {FAMILY}{FLAG_DE} 日本",
        dict(x=15, graphemes=11, bytes=48, mastodon=11, threads=42, utf16=24, chars=18),
    ),
}


@pytest.mark.parametrize("pid", PLATFORM_IDS)
@pytest.mark.parametrize("case", list(CASES))
def test_length_in_platform_unit(case: str, pid: str) -> None:
    text, expected = CASES[case]
    want = expected[UNIT_OF[pid]]
    if want is None:
        want = parse_tweet(text).weightedLength
    assert count_length(pid, text) == want


@pytest.mark.parametrize("case", list(CASES))
def test_bytes_graphemes_utf16(case: str) -> None:
    text, expected = CASES[case]
    assert utf8_bytes(text) == expected["bytes"]
    assert graphemes(text) == expected["graphemes"]
    assert utf16_units(text) == expected["utf16"]


@pytest.mark.parametrize("case", list(CASES))
def test_x_table_agrees_with_twitter_text(case: str) -> None:
    text, expected = CASES[case]
    if expected["x"] is not None:
        assert parse_tweet(text).weightedLength == expected["x"]


# --- the exact limit and one over it, for every platform, in its own unit -----------------

EMOJI = "\U0001f600"


def _at_limit(pid: str) -> tuple[str, str]:
    """A text exactly at the platform's limit and one unit over it (built from its unit)."""
    plain = {
        "x": EMOJI * 140,  # 140 emoji x 2 = 280
        "bluesky": "e\u0301" * 300,  # 300 graphemes (e + combining accent), 900 bytes
        "mastodon": "https://kaffee.de/" + " " + "a" * 476,  # 23 + 1 + 476 = 500
        "threads": EMOJI * 125,  # 125 emoji x 4 bytes = 500
        "tiktok": EMOJI * 1100,  # 1100 surrogate pairs = 2200 UTF-16 units
    }
    from assistant.platforms import get_platform

    limit = get_platform(pid).text_limit
    text = plain.get(pid, "ä" * limit)
    return text, text + "a"


@pytest.mark.parametrize("pid", PLATFORM_IDS)
def test_exact_limit_passes_and_one_over_fails(pid: str) -> None:
    from assistant.platforms import check_post, get_platform

    at, over = _at_limit(pid)
    limit = get_platform(pid).text_limit
    ok = check_post(pid, at)
    assert ok.length == limit
    assert "too_long" not in {p.code for p in ok.problems}
    bad = check_post(pid, over)
    assert bad.length == limit + 1
    assert not bad.ok
    too_long = [p for p in bad.problems if p.code == "too_long"]
    assert too_long and "shorten it by 1" in too_long[0].message


def test_bluesky_byte_limit_exact_and_one_over() -> None:
    from assistant.platforms import check_post

    at = check_post("bluesky", FAMILY * 120)
    assert at.details["bytes"] == 3000 and at.ok
    over = check_post("bluesky", FAMILY * 120 + "a")
    assert over.length == 121  # far below 300 graphemes, yet over the bytes
    codes = {p.code for p in over.problems}
    assert codes == {"bytes_too_long"}
    assert "by 1 bytes" in over.problems[0].message


def test_mastodon_instance_limit_override() -> None:
    from assistant.platforms import check_post

    text = "a" * 600
    assert not check_post("mastodon", text).ok
    assert check_post("mastodon", text, limit=1000).ok

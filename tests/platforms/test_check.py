"""check_post: every problem kind, with its code, severity and a message that says what to do."""

from __future__ import annotations

import pytest

from assistant.errors import UnknownPlatformError
from assistant.models import MediaInfo, Severity
from assistant.platforms import PLATFORM_IDS, check_all, check_post, get_platform


def codes(pid: str, text: str, **kw: object) -> dict[str, Severity]:
    return {p.code: p.severity for p in check_post(pid, text, **kw).problems}  # type: ignore[arg-type]


def jpeg(w: int = 1080, h: int = 1350, size: int = 500_000, **kw: object) -> MediaInfo:
    return MediaInfo(format="JPEG", bytes=size, width=w, height=h, **kw)  # type: ignore[arg-type]


def test_result_shape() -> None:
    c = check_post("x", "Hallo https://kaffee.de #Kaffee")
    assert (c.platform, c.length, c.limit, c.unit, c.ok) == (
        "x",
        6 + 23 + 1 + 7,
        280,
        "weighted",
        True,
    )
    assert c.details["hashtags"] == ["Kaffee"]
    assert c.details["links"] == ["https://kaffee.de"]
    assert check_post(get_platform("x"), "a").platform == "x"


def test_unknown_platform() -> None:
    with pytest.raises(UnknownPlatformError, match="use one of x, bluesky"):
        check_post("myspace", "hi")


@pytest.mark.parametrize("pid", PLATFORM_IDS)
@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty(pid: str, text: str) -> None:
    c = check_post(pid, text)
    assert not c.ok
    assert codes(pid, text) == {"empty": Severity.ERROR}
    assert "write a text" in c.problems[0].message


def test_empty_text_with_image_is_fine() -> None:
    assert check_post("instagram", "", media=[jpeg()]).ok


def test_too_long_says_by_how_much_in_the_unit() -> None:
    c = check_post("x", "a" * 250 + " https://kaffee.de/" + "b" * 10)
    assert c.length == 250 + 1 + 23 + 0  # URL takes the letters after the slash with it
    c = check_post("x", "日本" * 71)  # 284 weighted
    problem = c.problems[0]
    assert (problem.code, problem.severity) == ("too_long", Severity.ERROR)
    assert "284 of 280 weighted characters" in problem.message
    assert "shorten it by 4" in problem.message


def test_x_refuses_invalid_characters() -> None:
    assert codes("x", "Hallo\ufeff") == {"invalid_characters": Severity.ERROR}
    assert codes("bluesky", "Hallo\ufeff") == {}


def test_too_many_hashtags_keeps_required_first() -> None:
    text = "Neu! #a #b #c #d #e #Rösterei"
    c = check_post("instagram", text, required_hashtags=["#rösterei"])
    problem = next(p for p in c.problems if p.code == "too_many_hashtags")
    assert problem.severity == Severity.ERROR
    assert "6 hashtags; Instagram allows 5: remove 1" in problem.message
    assert "keep #Rösterei, #a, #b, #c, #d" in problem.message
    assert codes("instagram", "Neu! #a #b #c #d #e") == {}
    assert codes("threads", "Neu #a #b")["too_many_hashtags"] == Severity.ERROR
    assert "too_many_hashtags" not in codes("threads", "Neu #a")


def test_hashtags_above_advice_is_a_warning() -> None:
    assert codes("x", "Neu #a #b #c") == {"hashtags_above_advice": Severity.WARNING}
    assert codes("x", "Neu #a #b") == {}
    assert codes("linkedin", "Neu #a #b #c #d #e #f") == {"hashtags_above_advice": Severity.WARNING}
    assert codes("mastodon", "Neu #a #b #c #d #e #f #g") == {}


def test_duplicate_hashtags_case_insensitive() -> None:
    c = check_post("mastodon", "#Kaffee ist Liebe. #kaffee #Straße #STRASSE")
    dupes = [p for p in c.problems if p.code == "duplicate_hashtag"]
    assert [p.severity for p in dupes] == [Severity.WARNING] * 2
    assert "#Kaffee appears 2 times" in dupes[0].message
    assert c.ok  # warnings do not make a post invalid


def test_too_many_links_threads() -> None:
    links = " ".join(f"https://kaffee.de/{i}" for i in range(6))
    problem = check_post("threads", links).problems[0]
    assert (problem.code, problem.severity) == ("too_many_links", Severity.ERROR)
    assert "6 links; Threads allows 5 per post: remove 1" in problem.message
    five = " ".join(f"https://kaffee.de/{i}" for i in range(5))
    assert check_post("threads", five).ok


@pytest.mark.parametrize(
    ("pid", "hint"),
    [
        ("instagram", "bio"),
        ("tiktok", "bio"),
        ("pinterest", "pin's link field"),
        ("google_business", "call-to-action button"),
    ],
)
@pytest.mark.parametrize("link", ["https://kaffee.de/shop", "kaffee.de/shop", "www.kaffee.de"])
def test_links_that_are_not_clickable(pid: str, hint: str, link: str) -> None:
    c = check_post(pid, f"Jetzt im Shop: {link}")
    problem = next(p for p in c.problems if p.code == "link_not_clickable")
    assert problem.severity == Severity.WARNING
    assert hint in problem.message and link in problem.message


@pytest.mark.parametrize("pid", ["x", "bluesky", "mastodon", "threads", "facebook", "linkedin"])
def test_links_clickable_elsewhere(pid: str) -> None:
    assert "link_not_clickable" not in codes(pid, "Jetzt: https://kaffee.de")


def test_bluesky_needs_facets_detail() -> None:
    assert check_post("bluesky", "https://kaffee.de #Kaffee").details["facets_needed"] is True
    assert "facets_needed" not in check_post("bluesky", "plain").details


def test_linkedin_link_preview_lost_with_image() -> None:
    assert codes("linkedin", "Lesen: https://kaffee.de", media=[jpeg()]) == {
        "link_preview_lost": Severity.WARNING
    }
    assert codes("linkedin", "Lesen: https://kaffee.de") == {}


def test_linkedin_reserved_characters_are_no_finding() -> None:
    """The LinkedIn publisher escapes them (tests/publish/test_linkedin.py) and a paste
    keeps them: "(m/w/d)", an e-mail address or a UTM link leave a post ready."""
    text = "Barista (m/w/d) gesucht: moin@example.de, https://x.example/?utm_source=linkedin"
    assert "linkedin_reserved_chars" not in codes("linkedin", text)
    assert codes("linkedin", text) == {}


def test_tiktok_drops_newlines() -> None:
    assert codes("tiktok", "Zeile eins\nZeile zwei") == {"newlines_dropped": Severity.WARNING}
    assert codes("tiktok", "eine Zeile\n") == {}


def test_hook_below_fold() -> None:
    long_first = "Wir " + "rösten " * 20 + "heute.\nKurz."  # first sentence: 150
    c = check_post("instagram", long_first)
    problem = next(p for p in c.problems if p.code == "hook_below_fold")
    assert problem.severity == Severity.WARNING
    hook = len("Wir " + "rösten " * 20 + "heute.")
    assert f"The first sentence has {hook} characters" in problem.message
    assert f"shorten it by {hook - 125}" in problem.message
    assert c.details["fold"] == 125 and c.details["hook_length"] == hook
    assert "hook_below_fold" not in codes("linkedin", long_first)  # fold 210
    longer = "Wir " + "rösten " * 30 + "heute. Kurz."  # first sentence: 220
    assert "shorten it by 10" in check_post("linkedin", longer).problems[0].message
    short_first = "Neu: Frisch geröstet! " + "Mehr Text. " * 40
    assert "hook_below_fold" not in codes("instagram", short_first)
    assert "hook_below_fold" not in codes("x", long_first)  # X has no fold


def test_fold_index_respects_graphemes() -> None:
    text = "a" * 124 + "e\u0301" + "b" * 50
    assert check_post("instagram", text).details["fold_at"] == 124  # not inside é


def test_too_many_media() -> None:
    problems = check_post("x", "Bilder", media=[jpeg()] * 5).problems
    assert [(p.code, p.severity) for p in problems] == [("too_many_media", Severity.ERROR)]
    assert "at most 4: remove 1" in problems[0].message
    assert check_post("x", "Bilder", media=[jpeg()] * 4).ok


def test_media_format() -> None:
    png = MediaInfo(format="PNG", bytes=100, width=1080, height=1350, path="/tmp/foto.png")
    problem = check_post("instagram", "Bild", media=[png]).problems[0]
    assert (
        problem.code == "media_format"
        and "foto.png is PNG; Instagram takes JPEG" in problem.message
    )
    assert check_post("x", "Bild", media=[png]).ok
    webp = MediaInfo(format="webp", bytes=100, width=1080, height=1920)
    assert check_post("tiktok", "Bild", media=[webp]).ok
    assert "media_format" in codes("tiktok", "Bild", media=[png])
    jpg = MediaInfo(format="jpg", bytes=10, width=10, height=10)
    assert check_post("bluesky", "Bild", media=[jpg]).ok


def test_media_too_large_with_gif_budget_on_x() -> None:
    big = jpeg(size=5_000_001)
    problem = check_post("x", "Bild", media=[big]).problems[0]
    assert problem.code == "media_too_large"
    assert "5.0 MB; X takes at most 5.0 MB" in problem.message
    gif = MediaInfo(format="GIF", bytes=14_000_000, width=800, height=600)
    assert check_post("x", "GIF", media=[gif]).ok
    assert "media_too_large" in codes("linkedin", "GIF", media=[gif])
    assert check_post("bluesky", "Bild", media=[jpeg(size=1_000_000)]).ok
    assert "media_too_large" in codes("bluesky", "Bild", media=[jpeg(size=1_000_001)])


def test_media_too_small_where_every_preset_has_a_minimum() -> None:
    small = jpeg(500, 750)
    assert "media_too_small" in codes("pinterest", "Pin", media=[small])
    assert check_post("pinterest", "Pin", media=[jpeg(600, 900)]).ok
    assert "media_too_small" in codes("google_business", "Post", media=[jpeg(399, 300)])
    assert check_post("facebook", "Post", media=[small]).ok  # min applies to link cards only


def test_instagram_feed_aspect_ratio() -> None:
    assert check_post("instagram", "Bild", media=[jpeg(1080, 566)]).ok  # 1.91:1
    assert check_post("instagram", "Bild", media=[jpeg(1080, 1350)]).ok  # 4:5
    assert "media_aspect" in codes("instagram", "Bild", media=[jpeg(1080, 1920)])  # 9:16
    assert "media_aspect" in codes("instagram", "Bild", media=[jpeg(3000, 1000)])
    assert check_post("x", "Bild", media=[jpeg(3000, 1000)]).ok


def test_alt_text_limit() -> None:
    long_alt = jpeg(alt_text="a" * 1001)
    problem = check_post("x", "Bild", media=[long_alt]).problems[0]
    assert problem.code == "alt_text_too_long" and "shorten it by 1" in problem.message
    assert check_post("bluesky", "Bild", media=[long_alt]).ok  # 2000 there


def test_errors_come_before_warnings_and_decide_ok() -> None:
    c = check_post("instagram", "#a #a " + "x" * 2200)
    severities = [p.severity for p in c.problems]
    assert severities == sorted(severities, key=lambda s: s != Severity.ERROR)
    assert not c.ok and c.errors and c.warnings


def test_check_all_defaults_to_ten() -> None:
    results = check_all("Hallo")
    assert [c.platform for c in results] == list(PLATFORM_IDS)
    assert [c.platform for c in check_all("Hallo", ["x", "tiktok"])] == ["x", "tiktok"]


def test_messages_end_with_what_to_do() -> None:
    text = "#a #a #b #c #d #e #f (x) kaffee.de\n" + "ü" * 3000
    media = [MediaInfo(format="BMP", bytes=99_000_000, width=10, height=100)] * 40
    for result in check_all(text, media=media):
        for problem in result.problems:
            assert ":" in problem.message and problem.message.endswith("."), problem

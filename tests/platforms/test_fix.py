"""fix_post: safe, deterministic, never longer, never cuts a sentence."""

from __future__ import annotations

import pytest

from assistant.platforms import PLATFORM_IDS, check_post, count_length, fix_post
from assistant.platforms.fix import normalise_whitespace


def test_whitespace() -> None:
    messy = "  Hallo   Welt!\t \r\n\r\n\r\n\r\nZweite  Zeile \ufeff\n\n"
    assert normalise_whitespace(messy) == "Hallo Welt!\n\nZweite Zeile"
    r = fix_post("x", messy)
    assert r.text == "Hallo Welt!\n\nZweite Zeile"
    assert r.applied == ["Normalised whitespace and removed invisible characters"]
    assert r.check.ok and r.check == check_post("x", r.text)


def test_x_invalid_characters_removed() -> None:
    r = fix_post("x", "Hal\ufefflo")
    assert r.text == "Hallo" and r.check.ok


def test_zwj_emoji_and_nbsp_survive() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert fix_post("x", f"Familie {family}\u00a0!").text == f"Familie {family}\u00a0!"


def test_hashtags_trimmed_to_cap_required_first() -> None:
    text = "Frisch geröstet.\n\n#Kaffee #Bohnen #Röstung #Hamburg #Espresso #Specialty #Rösterei"
    r = fix_post("instagram", text, required_hashtags=["#rösterei"])
    assert r.text == "Frisch geröstet.\n\n#Kaffee #Bohnen #Röstung #Hamburg #Rösterei"
    assert "Trimmed hashtags to 5 (kept #rösterei first)" in r.applied
    assert r.check.ok and r.check.details["hashtags"] == [
        "Kaffee",
        "Bohnen",
        "Röstung",
        "Hamburg",
        "Rösterei",
    ]


def test_threads_one_topic_tag() -> None:
    r = fix_post("threads", "Neu!\n#Kaffee #Hamburg", required_hashtags=["Hamburg"])
    assert r.text == "Neu!\n#Hamburg"


def test_inline_tags_lose_only_their_hash() -> None:
    text = "Wir lieben #Kaffee und #Hamburg. #Tee ist auch gut."
    r = fix_post("threads", text)
    assert r.text == "Wir lieben #Kaffee und Hamburg. Tee ist auch gut."
    assert r.check.ok


def test_duplicate_hashtags_removed() -> None:
    r = fix_post("mastodon", "#Kaffee macht wach.\n\n#kaffee #Tee #KAFFEE")
    assert r.text == "#Kaffee macht wach.\n\n#Tee"
    assert "Removed repeated hashtags" in r.applied
    assert not [p for p in r.check.problems if p.code == "duplicate_hashtag"]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Neu!\nMehr: kaffee.de/neu/sorte", "Neu!\nMehr: Link in bio"),
        ("Neu!\nhttps://kaffee.de/shop", "Neu!\nLink in bio"),
        ("Neu!\nMehr: kaffee.de", "Neu!\nLink in bio"),  # "Mehr: Link in bio" would be longer
        ("Neu!\n👉 https://kaffee.de/a\n👉 https://kaffee.de/b", "Neu!\n👉 Link in bio"),
        ("Neu!\nMehr: https://kaffee.de/neu/sorte.", "Neu!\nMehr: Link in bio."),
    ],
)
def test_link_in_bio(text: str, fixed: str) -> None:
    r = fix_post("instagram", text)
    assert r.text == fixed
    assert "link_not_clickable" not in {p.code for p in r.check.problems}


def test_link_inside_a_sentence_stays_a_problem() -> None:
    text = "Bestellt auf https://kaffee.de/shop noch heute."
    r = fix_post("instagram", text)
    assert r.text == text
    assert "link_not_clickable" in {p.code for p in r.check.problems}


def test_link_in_bio_custom_phrase_and_short_links() -> None:
    r = fix_post("tiktok", "Neu!\nhttps://kaffee.de/x/y", link_in_bio="Link in der Bio")
    assert r.text == "Neu! Link in der Bio"
    r = fix_post("instagram", "Neu!\nkaffee.de", link_in_bio="Link in der Bio")
    assert r.text == "Neu!\nkaffee.de"  # the phrase is longer than the link: left as it is


def test_links_stay_where_clickable() -> None:
    text = "Neu!\nhttps://kaffee.de/shop"
    for pid in ("x", "bluesky", "facebook", "linkedin"):
        assert fix_post(pid, text).text == text


def test_tiktok_newlines_become_spaces() -> None:
    r = fix_post("tiktok", "Zeile eins.\n\nZeile zwei.")
    assert r.text == "Zeile eins. Zeile zwei."
    assert r.check.ok and not r.check.problems


def test_never_cuts_a_sentence() -> None:
    text = "Das ist ein sehr langer Satz. " * 20
    r = fix_post("x", text)
    assert r.text == text.strip()
    assert [p.code for p in r.check.problems] == ["too_long"]  # what it cannot fix stays


def test_deterministic() -> None:
    text = "  #a #b Neu!\nkaffee.de/x/y  \n#c #A"
    assert fix_post("threads", text) == fix_post("threads", text)


@pytest.mark.parametrize("pid", PLATFORM_IDS)
def test_fixed_text_never_longer(pid: str) -> None:
    text = "Neu!\n👉 kaffee.de/neu\n\n#a #b #c #d #e #f #A\r\n\r\n\r\n"
    r = fix_post(pid, text, link_in_bio="Den Link findet ihr in unserer Bio, klickt ihn an")
    assert count_length(pid, r.text) <= count_length(pid, text)
    assert len(r.text) <= len(text)

"""Hashtags: Unicode letters accepted, what platforms reject refused, case-insensitive dedupe."""

from __future__ import annotations

import pytest

from assistant.hashtags import (
    compose_text,
    dedupe,
    duplicate_hashtags,
    extract_hashtags,
    joined_brief_tags,
    merge_hashtags,
    normalise_tag,
    split_tag_blocks,
    split_trailing_hashtags,
)


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("Frisch #Kaffeerösterei", ["Kaffeerösterei"]),
        ("#Straße und #STRASSE", ["Straße", "STRASSE"]),
        ("#123 alone is no tag", []),
        ("#2026Sommer counts", ["2026Sommer"]),
        ("#tag_1 #_x", ["tag_1", "_x"]),
        ("C# and a#b are not tags", []),
        ("#tag, #tag. (#tag) #tag! #tag?", ["tag"] * 5),
        ("#café and #cafe\u0301", ["café", "cafe\u0301"]),
        ("#日本語 #кофе #قهوة", ["日本語", "кофе", "قهوة"]),
        ("keycap #\ufe0f\u20e3 is an emoji", []),
        ("example.com/#anchor and https://a.de/#x", []),
        ("#a#b is one token, not tags", []),
        ("##double", []),
        ("full-width ＃タグ", ["タグ"]),
        ("", []),
    ],
)
def test_extract(text: str, tags: list[str]) -> None:
    assert extract_hashtags(text) == tags


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("#Kaffee", "Kaffee"),
        ("  Kaffee ", "Kaffee"),
        ("Straße", "Straße"),
        ("cafe\u0301", "café"),  # NFC
        ("#123", None),
        ("two words", None),
        ("hash-tag", None),
        ("", None),
        ("#", None),
    ],
)
def test_normalise_tag(raw: str, clean: str | None) -> None:
    assert normalise_tag(raw) == clean


def test_dedupe_case_insensitive_first_spelling_wins() -> None:
    assert dedupe(["Kaffee", "#kaffee", "KAFFEE", "Tee", "bad tag", "#Straße", "STRASSE"]) == [
        "Kaffee",
        "Tee",
        "Straße",
    ]


def test_duplicates_in_text() -> None:
    assert duplicate_hashtags("#Kaffee ist gut. #kaffee #Tee #KAFFEE") == ["Kaffee"]
    assert duplicate_hashtags("#a #b") == []


def test_merge_order_never_and_cap() -> None:
    merged = merge_hashtags(
        always=["Rösterei", "#rösterei"],
        suggested=["Hamburg", "Kaffee", "Spam", "#Tee", "not valid"],
        pool=["kaffee", "tee"],
        never=["spam"],
        cap=3,
    )
    # always first, then suggestions vetted by the pool, then the rest; never dropped
    assert merged == ["Rösterei", "Kaffee", "Tee"]
    assert merge_hashtags(["A"], ["B", "C"], [], [], None) == ["A", "B", "C"]
    assert merge_hashtags(["A", "B"], ["C"], [], [], 1) == ["A"]
    assert merge_hashtags([], ["A"], [], [], 0) == []
    assert merge_hashtags(["A"], [], [], ["a"], None) == []


def test_compose_text() -> None:
    assert compose_text("Hallo #Kaffee", ["kaffee", "Tee"]) == "Hallo #Kaffee\n\n#Tee"
    assert compose_text("Body\n\n", ["A", "B"]) == "Body\n\n#A #B"
    assert compose_text("Body", []) == "Body"
    assert compose_text("Body", ["#Kaffee", "kaffee", "bad tag"]) == "Body\n\n#Kaffee"
    assert compose_text("", ["A"]) == "#A"
    assert compose_text("Hallo #Kaffee", ["Kaffee"]) == "Hallo #Kaffee"


@pytest.mark.parametrize(("text", "body", "tags"), [
    ("Ab Samstag im Kontor. Link in Bio. #Möwenbohne #Kolumbien #Filterkaffee",
     "Ab Samstag im Kontor. Link in Bio.", ["Möwenbohne", "Kolumbien", "Filterkaffee"]),
    ("New roast today.\n\n#coffee\n#Hamburg  ", "New roast today.", ["coffee", "Hamburg"]),
    # a tag inside a sentence is part of it; a text of tags alone is left alone
    ("Wir lieben #Kaffee aus Hamburg.", "Wir lieben #Kaffee aus Hamburg.", []),
    ("Wir lieben #Kaffee #Hamburg", "Wir lieben #Kaffee #Hamburg", []),
    ("Frisch geröstet ☕ #Kaffee #Hamburg", "Frisch geröstet ☕", ["Kaffee", "Hamburg"]),
    ("Unsere Themen: #Kaffee #Hamburg", "Unsere Themen: #Kaffee #Hamburg", []),
    ("#Kaffee #Hamburg", "#Kaffee #Hamburg", []),
    ("Kein Tag hier", "Kein Tag hier", []),
    # a tag written with a space inside a block is one tag; outside a block, words
    ("Komm vorbei im Kontor! #Möwenbohne #Cold Brew #Hamburg", "Komm vorbei im Kontor!",
     ["Möwenbohne", "ColdBrew", "Hamburg"]),
    ("Komm vorbei! #Möwenbohne #Cold Brew", "Komm vorbei! #Möwenbohne #Cold Brew", []),
    # a tag cut at the reply's cap leaves a "#" at the end (CLI, 2026-12-03)
    ("Sonntags geschlossen. #Möwenbohne #Café #Röster #", "Sonntags geschlossen.",
     ["Möwenbohne", "Café", "Röster"]),
    ("Wir lieben #Kaffee Aus Hamburg #Kaffee", "Wir lieben #Kaffee Aus Hamburg #Kaffee", []),
])
def test_split_trailing_hashtags(text: str, body: str, tags: list[str]) -> None:
    assert split_trailing_hashtags(text) == (body, tags)


@pytest.mark.parametrize(("text", "body", "tags"), [
    # a block of tags between two sentences (a ready Facebook draft, bench 2026-12-06)
    ("Six people max, machines provided. #Möwenbohne #Baristakurs #Espresso Register now! "
     "49 euros per person.",
     "Six people max, machines provided. Register now! 49 euros per person.",
     ["Möwenbohne", "Baristakurs", "Espresso"]),
    # one tag, tags inside a sentence, a block at the end, a line of tags: left alone
    ("Neu! #Kaffee Jetzt im Kontor.", "Neu! #Kaffee Jetzt im Kontor.", []),
    ("Wir lieben #Kaffee #Hamburg und mehr.", "Wir lieben #Kaffee #Hamburg und mehr.", []),
    ("Ab Samstag. #Kaffee #Hamburg", "Ab Samstag. #Kaffee #Hamburg", []),
    ("Ab Samstag.\n#Kaffee #Hamburg\nIm Kontor.", "Ab Samstag.\n#Kaffee #Hamburg\nIm Kontor.",
     []),
])
def test_split_tag_blocks(text: str, body: str, tags: list[str]) -> None:
    assert split_tag_blocks(text) == (body, tags)


def test_tags_that_spell_a_hyphenated_word_of_the_brief_are_joined() -> None:
    """ "#Latte #Art" under a ready Facebook post for the brief's "Latte-Art-Abend" (CLI,
    2026-12-07): a tag holds no hyphen, so the model split the word."""
    brief = "Latte-Art-Abend im Kontor: Freitag, 19. Dezember, 19 Uhr"
    assert joined_brief_tags(["Möwenbohne", "Latte", "Art"], brief) == ["Möwenbohne", "LatteArt"]
    assert joined_brief_tags(["latte", "art", "abend"], brief) == ["LatteArtAbend"]
    assert joined_brief_tags(["Hafer", "Cappuccino", "Altona"], "Neu: Hafer-Cappuccino") == [
        "HaferCappuccino", "Altona"]
    # parts out of order, one part alone, and a brief with no such word stay as they are
    assert joined_brief_tags(["Art", "Latte"], brief) == ["Art", "Latte"]
    assert joined_brief_tags(["Kaffee", "Latte"], brief) == ["Kaffee", "Latte"]
    assert joined_brief_tags(["Latte", "Art"], "Latte Art am Freitag") == ["Latte", "Art"]

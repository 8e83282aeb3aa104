"""first_person: the post speaks as one person where the brand speaks as a team."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality import quality_problems
from assistant.quality.speaker import first_person_problems, speaks_as_one
from tests.quality.conftest import codes, context

TEAM = ("Wir rösten zweimal pro Woche in Altona.", "Komm vorbei, wir freuen uns auf dich!")


@pytest.mark.parametrize(("text", "message"), [
    # a Mastodon draft of the embedded model (bench 2026-12-05)
    ("Hey! Ich habe einen Tipp für Cold Brew zu Hause. Mit 70 g Kaffee auf 1 Liter Wasser.",
     "'Ich habe einen Tipp für Cold Brew zu Hause.' speaks as 'Ich', but the brand speaks "
     "as 'wir' in its examples; write it as the team, or as a question to the reader"),
    # a ready Facebook question (the same run): the reader's question in the brand's mouth
    ("Was ist der Hafer-Cappuccino und wo kann ich ihn bestellen?\n\nAb Montag im Café.",
     "'Was ist der Hafer-Cappuccino und wo kann ich ihn bestellen?' speaks as 'ich', but "
     "the brand speaks as 'wir' in its examples; write it as the team, or as a question to "
     "the reader"),
])
def test_a_post_that_speaks_as_one_person_is_a_warning(text: str, message: str) -> None:
    [found] = first_person_problems(text, "de", TEAM)
    assert found.code == "first_person" and found.message == message


def test_english_reads_i_me_my() -> None:
    [found] = first_person_problems("I love this webinar. Join us!", "en",
                                    ("We ship on Fridays.",))
    assert "speaks as 'I'" in found.message and "speaks as 'we'" in found.message
    assert first_person_problems("Join us: i.e. all of us.", "en", ("We ship.",)) == []


@pytest.mark.parametrize("text", [
    "Wir rösten heute. Komm vorbei!",
    # someone quoted
    "„Ich liebe diesen Kaffee“, sagt Hanne. Wir auch.",
    "Hanne sagt: \"Mein Lieblingskaffee ist zurück.\"",
    # "mein" inside another word
    "Gemeinsam mit der Gemeinde.",
])
def test_the_team_or_a_quote_is_no_warning(text: str) -> None:
    assert first_person_problems(text, "de", TEAM) == []


def test_a_kit_that_speaks_as_one_person_gets_no_warning() -> None:
    assert speaks_as_one("Ich röste jeden Morgen selbst.", "de")
    assert first_person_problems("Ich habe einen Tipp.", "de",
                                 (*TEAM, "Ich röste jeden Morgen selbst.")) == []
    assert first_person_problems("Ich habe einen Tipp.", "de", ()) == []  # no kit


def test_the_checker_reads_it_with_the_coffee_kit(coffee: BrandKit) -> None:
    brief = "Tipp für Cold Brew zu Hause: 70 g Kaffee auf 1 Liter Wasser."
    ctx = context(coffee, brief=brief, platform="mastodon")
    assert "first_person" in codes(quality_problems(
        "Ich habe einen Tipp für Cold Brew zu Hause: 70 g Kaffee auf 1 Liter Wasser.", [], ctx))
    assert "first_person" not in codes(quality_problems(
        "Unser Tipp für Cold Brew zu Hause: 70 g Kaffee auf 1 Liter Wasser.", [], ctx))

"""A comparison of the brief is a fact: its quality word must stay, and the thing compared
must not turn into something else (quality/similes, through factcheck.missing)."""

from __future__ import annotations

import pytest

from assistant.quality.factcheck import missing
from assistant.quality.similes import similes

FRENCH_PRESS = ("Mahlgrad für die French Press: grob wie Meersalz, 4 Minuten ziehen lassen, "
                "dann langsam herunterdrücken.")
ESPRESSO = "Grind as fine as powdered sugar for espresso."


def test_the_comparisons_of_a_brief_are_read() -> None:
    assert similes(FRENCH_PRESS, "de") == [("grob", "Meersalz", "grob wie Meersalz")]
    assert similes("Die Crema ist weich wie eine Wolke.", "de") == [
        ("weich", "Wolke", "weich wie eine Wolke")]
    assert similes(ESPRESSO, "en") == [("fine", "powdered sugar", "as fine as powdered sugar")]
    # a verb compares too, but a post may say it otherwise; "so wie", "genau wie" compare
    # nothing of their own
    assert similes("Er schmeckt wie Karamell, so wie Kaffee, genauso wie Tee.", "de") == []
    assert similes("Beans as well as Grinders, as soon as Monday.", "en") == []


@pytest.mark.parametrize("post", [
    # a ready Instagram draft (bench 2026-12-03): the grind gone, the salt an ingredient
    "Mahlgrad für die French Press\nZutaten: Meersalz, Wasser\n4 Minuten ziehen lassen",
    # the grind said, but the salt made something else again
    "Mahlgrad: grob. Zutaten: Meersalz, Wasser. 4 Minuten ziehen lassen.",
    "Mehr als Meersalz, einfach und schnell rösten\n4 Minuten ziehen lassen",
])
def test_a_post_that_loses_the_comparison_misses_it(post: str) -> None:
    assert "grob wie Meersalz" in missing(post, FRENCH_PRESS, "de")


@pytest.mark.parametrize("post", [
    "Für die French Press: grob wie Meersalz mahlen, 4 Minuten ziehen lassen.",
    "Grob wie ein Meersalz, 4 Minuten ziehen lassen, dann herunterdrücken.",
    "Mahle gröber als für den Filter und lass ihn 4 Minuten ziehen.",  # the quality, own words
])
def test_a_post_that_keeps_the_quality_has_it(post: str) -> None:
    assert "grob wie Meersalz" not in missing(post, FRENCH_PRESS, "de")


def test_english_comparisons() -> None:
    assert missing("Grind it fine for espresso.", ESPRESSO, "en") == []
    assert missing("Grind as fine as powdered sugar.", ESPRESSO, "en") == []
    assert missing("Add powdered sugar and grind fine.", ESPRESSO, "en") == [
        "as fine as powdered sugar"]
    assert missing("Grind it for espresso.", ESPRESSO, "en") == ["as fine as powdered sugar"]

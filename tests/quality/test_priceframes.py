"""A price framed by a unit no source says: "29 € pro Bohnen" for a calendar of 29 €
(quality/priceframes), an ``invented_fact``."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality.compose import quality_problems
from assistant.quality.priceframes import invented_frames, price_frames
from tests.quality.conftest import codes, context

CALENDAR = "Unser Adventskalender mit 24 Kaffeeproben, 29 €, ab heute im Kontor."
FILTER = "Neuer Filterkaffee aus Kolumbien, 250 g für 11,90 €."


@pytest.mark.parametrize(("text", "language", "shown"), [
    # a CLI draft on a quiet machine (2026-12-07): the calendar's price became one per bean
    ("Hol dir den Kalender für 29 € pro Bohnen!", "de", "29 € pro Bohnen"),
    ("Nur 29 € je Tasse.", "de", "29 € je Tasse"),
    ("Für 29 €/Monat.", "de", "29 €/Monat"),
    ("Yours for €29 per month.", "en", "€29 per month"),
    ("Only €29 a cup.", "en", "€29 a cup"),
])
def test_a_price_with_a_unit_no_source_says_is_invented(text: str, language: str,
                                                        shown: str) -> None:
    assert invented_frames(text, (CALENDAR,), language) == [shown]


@pytest.mark.parametrize(("text", "language"), [
    ("Der Kalender kostet 29 €.", "de"),
    ("Für 29 € an jedem Tag ein neuer Kaffee.", "de"),  # German "an" frames no price
    ("29 € pro Stück, solange der Vorrat reicht.", "de"),  # a piece price
    ("Yours for €29 each.", "en"),
    ("29 € pro Kalender.", "de"),  # the brief's own word
    ("€29 - a gift for every coffee lover.", "en"),
])
def test_a_price_without_a_new_unit_passes(text: str, language: str) -> None:
    assert invented_frames(text, (CALENDAR,), language) == []


def test_the_briefs_unit_frames_its_price() -> None:
    """"11,90 € pro 250 g" says the brief's "250 g für 11,90 €" the other way round."""
    assert price_frames("Für 11,90 € pro 250 g.", "de") == [("11,90 € pro 250 g", "g")]
    assert invented_frames("Für 11,90 € pro 250 g.", (FILTER,), "de") == []


def test_a_price_per_bean_keeps_a_post_from_ready(coffee: BrandKit) -> None:
    ctx = context(coffee, brief=CALENDAR, platform="instagram")
    text = "Neu im Kontor: unser Adventskalender mit 24 Kaffeeproben, nur 29 € pro Bohnen!"
    [problem] = [p for p in quality_problems(text, [], ctx) if p.code == "invented_fact"]
    assert problem.is_error and "29 € pro Bohnen" in problem.message
    fixed = "Neu im Kontor: unser Adventskalender mit 24 Kaffeeproben, nur 29 €!"
    assert "invented_fact" not in codes(quality_problems(fixed, [], ctx))


def test_no_example_post_of_the_kits_frames_a_price_anew(coffee: BrandKit,
                                                         software: BrandKit) -> None:
    """Each kit example read against its own text: its frames are its own words."""
    for kit in (coffee, software):
        for example in kit.examples:
            assert invented_frames(example.text, (example.text,), example.language) == []

"""Prices, times and percentages by their units: a number with a unit is that fact, and
the count of a noun is read only where no unit made it one."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality import quality_problems
from assistant.quality.factrepeats import repeated_facts
from assistant.quality.facts import extract_facts, fact_spans
from tests.quality.conftest import codes, context


def _prices(text: str, language: str) -> list[str]:
    return [fact.key for fact in extract_facts(text, language) if fact.kind == "price"]


@pytest.mark.parametrize(("text", "language"), [
    ("for 10.50 euros", "en"), ("für 10,50 Euros", "de"), ("für 10,50 Euro", "de"),
    ("€10.50", "en"), ("10,50 €", "de"), ("EUR 10,50", "de"),
])
def test_euros_in_the_plural_are_a_price(text: str, language: str) -> None:
    assert _prices(text, language) == ["10.5"]


def test_a_price_in_euros_said_twice_is_named_once() -> None:
    assert repeated_facts("Tasting for 10.50 euros.\nJoin us, only 10.50 euros!", "en") == [
        "10.50 euros"]
    assert repeated_facts("Für 10,50 Euros dabei.\nNur 10,50 €!", "de") == ["10,50 Euros"]


@pytest.mark.parametrize(("brief", "post", "language"), [
    ("Cupping am Samstag im Kontor, 10,50 € pro Person.",
     "Cupping am Samstag im Kontor, für 10,50 Euros pro Person.", "de"),
    ("Cupping on Saturday at the Kontor, 10,50 € per person.",
     "Cupping on Saturday at the Kontor, for 10.50 euros per person.", "en"),
])
def test_a_price_in_euros_is_the_briefs_price(coffee: BrandKit, brief: str, post: str,
                                              language: str) -> None:
    found = quality_problems(post, [], context(coffee, brief=brief, platform="x",
                                               language=language))
    assert {"invented_fact", "missing_fact"} & set(codes(found)) == set()


def test_another_price_in_euros_is_invented_with_its_unit(coffee: BrandKit) -> None:
    ctx = context(coffee, brief="Cupping am Samstag im Kontor, 10,50 € pro Person.",
                  platform="x")
    found = quality_problems("Cupping am Samstag im Kontor, für 12,50 Euros pro Person.", [],
                             ctx)
    [invented] = [p for p in found if p.code == "invented_fact"]
    assert "'12,50 Euros'" in invented.message
    assert "missing_fact" in codes(found)


@pytest.mark.parametrize(("text", "language"), [
    ("Röstkurs am 12.12. um 18 Uhr, 8 Plätze, 12,50 € p.P., 20 % Rabatt.", "de"),
    ("1. Mahlgrad einstellen\n2. Um 18 Uhr brühen, für 3,80 €", "de"),
    ("Class on December 15th at 2 pm, 49 euros: https://moewenbohne.example/classes", "en"),
])
def test_a_facts_span_is_where_it_stands(text: str, language: str) -> None:
    for fact, (start, end) in fact_spans(text, language):
        assert fact.shown in text[start:end], (fact, text[start:end])
    assert [fact for fact, _ in fact_spans(text, language)] == extract_facts(text, language)


@pytest.mark.parametrize(("text", "language", "repeated"), [
    ("Um 18 Uhr geht es los.\nAlso: 18 Uhr!", "de", ["18 Uhr"]),
    ("Starts at 6 pm, see you at 6 pm!", "en", ["6 pm"]),
    ("Tasting for 10.50 euros. Only 10.50 euros!", "en", ["10.50 euros"]),
    ("5 per cent off. Yes, 5 per cent!", "en", ["5 per cent"]),
    ("Kurs am 2026-12-12 Kontor. Am 2026-12-12 Kontor!", "de", ["2026-12-12"]),
    ("maximal 8 Plätze! 8 Plätze.", "de", ["8 Plätze"]),
])
def test_a_number_read_as_a_fact_is_no_count(text: str, language: str,
                                             repeated: list[str]) -> None:
    """The time, price, percentage or date said twice is one repeated fact, not also a
    count with its unit as the noun ("5 per", "12 Kontor")."""
    assert repeated_facts(text, language) == repeated

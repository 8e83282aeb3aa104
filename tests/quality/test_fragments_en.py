"""An English sentence that is only an "-ing" phrase (quality/fragments_en), read with the
en_US word list's verbs."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality.compose import english_verb_lexicon, quality_problems
from assistant.quality.fragments_en import fragment_problems, fragments
from tests.quality.conftest import context


@pytest.mark.parametrize("text", [
    # a paragraph of its own in a ready LinkedIn tip (bench, 2026-12-06)
    "Stale data can break your dashboards.\n\nTo-date, reducing the risk of errors and "
    "ensuring that your board-level dashboards are always accurate and reliable.",
    "Supporting data teams across Europe, and making sure that every alert reaches the right "
    "person.",
    "Our new decaf from Peru, bringing caramel and orange to your afternoon in Hamburg.",
    # ", and" and an "-ing" form with no verb of their own, whichever word before is the
    # verb (a ready LinkedIn paragraph, bench 2026-12-06)
    "Postgres database schema changes, and ensuring that our systems are able to handle "
    "large volumes of data.",
    # "to" and a verb with no verb of its own (a ready X draft, bench 2026-12-06)
    "We are hiring a senior data engineer, remote within the EU or in our Berlin office. To "
    "work on the alerting engine (Python, Postgres).",
    # a noun phrase with "of" after the post's first sentence: between two sentences of a
    # ready LinkedIn tip (bench, 2026-12-07), and a ready LinkedIn job ad (2026-12-06)
    "Data engineers track the freshness of their tables.\n\nThe decision-making process of "
    "the organization. By putting a freshness check on every source table, you catch it.",
    "We are hiring a senior data engineer. The accuracy and reliability of our data alerts.",
])
def test_a_sentence_that_is_only_an_ing_phrase_is_found(text: str) -> None:
    [problem] = fragment_problems(text, english_verb_lexicon())
    assert problem.code == "grammar" and not problem.is_error
    assert "has no verb of its own" in problem.message


@pytest.mark.parametrize("text", [
    # verbless lines of a post's normal style, too short to read
    "Six people max. 49 euros per person. Free webinar, 12 March.",
    # the "-ing" form after a preposition or a noun only qualifies it
    "A hands-on class for learning latte art at home with our baristas.",
    "A short guide explaining how schema drift alerts work in every plan.",
    # a finite verb: an auxiliary, a past, a present, an imperative, after a relative clause
    "Reducing the risk of errors helps every team ship faster and sleep better.",
    "Turn them on now and start benefiting from the improved data quality and reliability.",
    "Join us for a hands-on class where you'll learn how to grind your own beans.",
    "According to our customers, a dashboard that breaks on Monday costs a whole week.",
    "Looking back, we learned more from the broken pipelines than from the green ones.",
    # "to" and a verb before a clause with its own verb; a gerund as the subject
    "To get started with alerts, open Settings and turn them on.",
    "To celebrate the new year, all of our beans are fresh.",
    "Testing saves your team hours of work every single week.",
    # a sentence that a subordinator opens, a list item, a question
    "When you sign up, reducing the noise of your alerts takes two clicks in Settings.",
    "- Recording available for everyone who signs up, including the slides and the code.",
    "Looking for a way of testing your dbt models before they break a dashboard?",
    # ", and" with an "-ing" form that goes on one before it, or with a verb of its own
    "This class wraps a library exporting functions in C, and returning error codes.",
    "We test every model before it ships, and ensuring quality matters to us.",
    # a noun phrase with "of" as the post's first sentence (a headline), one with a verb,
    # a short one
    "The decision-making process of the organization, explained in one chart.",
    "We ship it. The team of engineers builds a dashboard for you.",
    "We ship it. The process of roasting takes twelve minutes.",
    "We ship it. The rest of the team will join us in March.",
    "We ship it. The future of data quality.",
])
def test_a_sentence_with_a_verb_or_a_short_line_passes(text: str) -> None:
    assert fragments(text, english_verb_lexicon()) == []


def test_the_reading_is_the_english_grammar_of_the_checker(software: BrandKit) -> None:
    text = ("Stale data breaks dashboards.\n\nTo-date, reducing the risk of errors and "
            "ensuring that your board-level dashboards are always accurate and reliable.")
    english = quality_problems(text, [], context(software, brief="A tip on stale data.",
                                                 platform="linkedin", language="en"))
    assert any(p.code == "grammar" and "no verb of its own" in p.message for p in english)

"""missing_fact for a post that names none of the things its brief is about."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality import quality_problems
from assistant.quality.completion import with_brief_facts
from assistant.quality.compose import lacking_facts
from assistant.quality.subject import brief_small_words, brief_things, unnamed_things
from tests.quality.conftest import codes, context

MISCHUNG = ("Die Weihnachtsmischung ist zurück - Kolumbien und Guatemala, mit Noten von Marzipan "
            "und dunkler Schokolade, nur bis Ende Dezember.")
# a ready Threads draft of the embedded model (bench 2026-12-04): places and date, no product
NO_PRODUCT = "Kolumbien und Guatemala. Nur bis Ende Dezember."
CLASS = ("Barista class in English on Sunday, 15 December, 2 pm, six people max, 49 euros per "
         "person.")


def _small(word: str) -> bool:  # a stand-in dictionary: these are words written small too
    return word.casefold() not in {"die", "das", "frohe", "kostenlos", "wir", "laden", "zehn",
                                   "danke"}


def test_a_german_briefs_things_are_its_nouns_without_places_dates_and_frame_words() -> None:
    assert brief_things(MISCHUNG, "de", _small, places={"Kolumbien", "Guatemala"}) == [
        "Weihnachtsmischung", "Noten", "Marzipan", "Schokolade"]
    # mid-sentence every big word is a noun; at a sentence's start only what is_noun takes
    # a holiday's greeting dates the post; mid-sentence every big word is a noun, at a
    # sentence's start only what is_noun takes
    assert brief_things("Frohe Weihnachten! Das Kontor ist zu, der Laden auch.", "de",
                        _small) == ["Kontor", "Laden"]
    assert brief_things("Einladung zum Röstkurs am 12. Dezember, 18 Uhr, Anmeldung per Mail.",
                        "de", _small) == ["Röstkurs"]


def test_the_brands_own_name_is_no_thing_of_the_brief() -> None:
    assert brief_things("Tessaline is now ISO 27001 certified.", "en", _small,
                        own={"tessaline"}) == ["certified"]
    # the head of its name neither: the post's "wir" names the Kontor of "Kaffeekontor"
    assert brief_things("Frohe Weihnachten! Das Kontor ist zu, der Laden auch.", "de",
                        _small, own={"möwenbohne", "kaffeekontor"}) == ["Laden"]


def test_a_word_the_kit_bans_is_no_thing_the_post_must_name() -> None:
    assert brief_things("Zehn Jahre Kontor in Altona: Danke an alle Kunden", "de", _small,
                        places={"Altona"}, own={"kaffeekontor"}, banned={"kunden"}) == []


def test_a_word_the_brief_writes_small_names_its_topic_too() -> None:
    brief = "Wir feiern zusammen mit dem Team am Samstag im Kontor."
    assert brief_small_words(brief) == ["feiern", "zusammen"]
    assert unnamed_things("Samstag feiern wir im Kontor.", ["Team"],
                          also=brief_small_words(brief)) == []
    assert unnamed_things("Samstag im Kontor.", ["Team"], also=brief_small_words(brief)) == [
        "Team"]


def test_a_post_that_names_none_of_them_lacks_the_first() -> None:
    things = ["Weihnachtsmischung", "Noten", "Marzipan", "Schokolade"]
    assert unnamed_things(NO_PRODUCT, things) == ["Weihnachtsmischung"]
    assert unnamed_things("Barista class? Sunday 2 pm.", []) == []


@pytest.mark.parametrize("text", [
    "Die Weihnachtsmischungen sind da!",  # an inflection
    "Unsere Weihnachtsmischungs-Tüte steht bereit.",  # a compound
    "Mit Noten von Marzipan.",  # any one thing is enough
    "Nur bis Ende Dezember: unsere Mischung aus Kolumbien und Guatemala.",  # the head noun
])
def test_a_thing_named_in_any_form_is_named(text: str) -> None:
    things = ["Weihnachtsmischung", "Noten", "Marzipan", "Schokolade"]
    head = {"weihnachtsmischung": "mischung"}.get
    assert unnamed_things(text, things, head) == []


def test_a_hyphenated_things_part_names_it() -> None:
    assert unnamed_things("Der Cappuccino kostet 3,80 €.", ["Hafer-Cappuccino"]) == []
    assert unnamed_things("Ab Montag für 3,80 €.", ["Hafer-Cappuccino"]) == ["Hafer-Cappuccino"]


def test_a_link_does_not_name_a_thing() -> None:
    assert unnamed_things("Sunday, 2 pm: https://example.com/barista-class",
                          ["barista", "class"]) == ["barista"]


def test_the_checker_reads_it_in_german(coffee: BrandKit) -> None:
    found = quality_problems(NO_PRODUCT, [], context(coffee, brief=MISCHUNG, platform="threads"))
    [missed] = [p for p in found if p.code == "missing_fact"]
    assert "'Weihnachtsmischung'" in missed.message
    good = ("Die Weihnachtsmischung ist zurück: Kolumbien und Guatemala, mit Noten von Marzipan "
            "und dunkler Schokolade. Nur bis Ende Dezember.")
    assert "missing_fact" not in codes(quality_problems(
        good, [], context(coffee, brief=MISCHUNG, platform="threads")))
    # the head noun names it: a person may well say "unsere Mischung"
    head = ("Unsere Mischung für den Winter ist zurück: Kolumbien und Guatemala, mit Noten von "
            "Marzipan und dunkler Schokolade, nur bis Ende Dezember.")
    assert "missing_fact" not in codes(quality_problems(
        head, [], context(coffee, brief=MISCHUNG, platform="threads")))


def test_the_checker_reads_it_in_english(coffee: BrandKit) -> None:
    decaf = ("Our new decaf from Peru is here - sugarcane process, notes of caramel and orange, "
             "250 g for 10.50 euros.")
    found = quality_problems("Straight from Peru: 250 g for 10.50 euros.", [],
                             context(coffee, brief=decaf, platform="x", language="en"))
    [missed] = [p for p in found if p.code == "missing_fact"]
    assert missed.message == "the brief says 'decaf', the post does not; add it"
    assert "missing_fact" not in codes(quality_problems(
        "Our decaf from Peru: notes of caramel and orange, 250 g for 10.50 euros.", [],
        context(coffee, brief=decaf, platform="x", language="en")))


def test_a_name_the_post_lacks_is_said_once(coffee: BrandKit) -> None:
    found = quality_problems("Sunday, 15 December, 2 pm: six people max, 49 euros per person.",
                             [], context(coffee, brief=CLASS, platform="x", language="en"))
    [missed] = [p for p in found if p.code == "missing_fact"]
    assert missed.message.count("arista") == 1


def test_drafting_puts_the_briefs_piece_that_names_it_back(coffee: BrandKit) -> None:
    ctx = context(coffee, brief=MISCHUNG, platform="threads")
    found = quality_problems(NO_PRODUCT, [], ctx)
    text = with_brief_facts(NO_PRODUCT, MISCHUNG, lambda body: lacking_facts(body, ctx),
                            lambda trial: quality_problems(trial, [], ctx), found)
    assert text == NO_PRODUCT + " Die Weihnachtsmischung ist zurück."
    assert quality_problems(text, [], ctx) == []

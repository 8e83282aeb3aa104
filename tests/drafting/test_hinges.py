"""The words a parting sample may not use (``drafting_hinges``, pure): what carries the
other text's wording, never its facts, nouns, function words or the brand's own words."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit, load_kit
from assistant.drafting_hinges import hinge_runs, hinge_words
from tests.conftest import ROOT

SNOWFLAKE = ("Schema drift alerts now also cover Snowflake; turn them on under Settings, "
             "Alerts. Included in every plan at no extra cost.")
MEETUP = ("Paid partnership with the dbt Meetup Berlin - we sponsor the meetup on 18 December "
          "at 19:00 and give a 15-minute talk on testing dbt models.")
FILTER = ("Tip: rinse the paper filter with hot water before you brew; it removes the papery "
          "taste and warms the cup.")
CHRISTMAS = ("Frohe Weihnachten! Vom 24. bis 26. Dezember ist das Kontor geschlossen, ab dem "
             "27. Dezember sind wir wieder für euch da.")


def _own_words(kit: BrandKit) -> list[str]:
    return [*kit.spelling.words, *kit.hashtags.always, kit.name,
            *(example.text for example in kit.examples)]


@pytest.mark.parametrize(("kit_id", "other", "brief", "language", "expected"), [
    # "drift" and "alerts" stand in the kit's examples ("Schema drift alerts are live"),
    # "plan" is a noun, "under" no verb; "now" and "every" are adverbs however often the
    # examples say them
    ("tessaline-software", SNOWFLAKE, SNOWFLAKE, "en",
     ["now", "also", "cover", "turn", "included", "every"]),
    # "sponsor" after "we" is a verb; "paid" is not one the word list derives
    ("tessaline-software", f"Ad | {MEETUP}", MEETUP, "en", ["sponsor"]),
    # "the paper filter", "the papery taste", "the cup": nouns after an article; "hot" is
    # an adjective (banned, it came back as "warm water")
    ("kaffeekontor-hamburg", FILTER, FILTER, "en", ["rinse", "removes", "warms"]),
    # every German noun is written large; "geschlossen" is the brief's state (a fact)
    ("kaffeekontor-hamburg", CHRISTMAS, CHRISTMAS, "de", ["wieder"]),
])
def test_the_words_that_carry_the_other_text(
    kit_id: str, other: str, brief: str, language: str, expected: list[str],
) -> None:
    kit = load_kit(kit_id, ROOT / "brand_kits")
    assert hinge_words(other, brief, language, _own_words(kit)) == expected


def test_the_other_texts_own_words_count_too_and_its_link_does_not() -> None:
    """The text to differ from may say more than the brief: its words are banned as the
    brief's are. A web address is no word of it."""
    other = (f"{SNOWFLAKE} Join us and learn more: "
             "https://tessaline.example/changelog/snowflake?utm_source=x")
    found = hinge_words(other, SNOWFLAKE, "en")
    assert {"join", "learn"} <= set(found)
    assert not {"https", "tessaline", "example", "changelog", "utm_source"} & set(found)
    assert not {"snowflake", "settings", "alerts", "extra", "cost"} & set(found)  # facts


def test_an_e_mail_address_and_a_handle_are_no_words() -> None:
    """"moin@moewenbohne.example" is a fact: banning "moin" and "example" banned it (the
    latte art evening on the CLI, 2026-12-07)."""
    latte = ("Latte-Art-Abend im Kontor: Freitag, 19. Dezember, 19 Uhr, 6 Plätze, 25 € pro "
             "Person inklusive zwei Getränken. Anmeldung per Mail an moin@moewenbohne.example.")
    assert hinge_words(latte, latte, "de") == ["inklusive"]
    assert hinge_words("Ask @tessaline_support now", "Ask support", "en") == ["ask", "now"]


def test_a_verb_in_ies_is_read_by_its_stem_and_a_plural_noun_by_its_singular() -> None:
    """"applies" is "apply" (a verb); "plans" and "batches" are nouns of the word list."""
    assert hinge_words("It applies to all plans and batches.", "Plans", "en") == ["applies"]


def test_the_runs_a_sample_may_not_say_again_end_on_no_fact_and_no_noun() -> None:
    """The New Year's Eve post came back word for word on three platforms: its runs that
    end on a verb or a small word are forbidden, those that end on a date, a time or a noun
    are free (the sample could only misspell them), and so are those with a number or a
    word of the brief's state in them (the words around a fact hold its meaning); runs the
    kit's texts say are free."""
    new_year = ("Silvester: Am 31. Dezember haben wir von 9 bis 14 Uhr geöffnet, am 1. Januar "
                "bleibt das Kontor zu. Guten Rutsch!")
    assert hinge_runs(new_year, new_year, "de") == [
        ("Dezember", "haben", "wir"), ("haben", "wir", "von")]
    # without the closure in the brief, its words are the post's to change
    assert ("das", "Kontor", "zu") in hinge_runs(new_year, "Silvester", "de")
    kept = hinge_runs(new_year, "Silvester", "de", ["Im Dezember haben wir viel vor."])
    assert ("Dezember", "haben", "wir") not in kept and ("das", "Kontor", "zu") in kept
    christmas = ("Frohe Weihnachten! Vom 24. bis 26. Dezember ist das Kontor geschlossen, ab "
                 "dem 27. Dezember sind wir wieder für euch da.")
    assert ("vom", "24", "bis") not in {tuple(word.casefold() for word in run)
                                        for run in hinge_runs(christmas, christmas, "de")}
    mail = "schreib uns an moin@moewenbohne.example und sag hallo"
    assert hinge_runs(mail, "", "de") == [("schreib", "uns", "an"), ("und", "sag", "hallo")]

"""The post, or one sentence of it, in another language than asked for (issue 13): a ready
German Threads draft closed on "Don't forget to share your results with us!", and the
coffee kit's German call to action stood under English posts (bench, 2026-11-30/12-01)."""

from __future__ import annotations

from assistant.models import Severity
from assistant.quality.language import sentence_language_problems
from assistant.rules import language_problems


def test_a_whole_post_in_the_other_language_is_an_error() -> None:
    [found] = language_problems("Join us on Sunday for our class and bring your friends, "
                                "we have coffee for you and your team.", "de")
    assert found.code == "wrong_language" and found.severity == Severity.ERROR


def test_one_sentence_in_the_other_language_needs_a_look() -> None:
    [found] = sentence_language_problems(
        "Wenn du nach einem einfachen Kaffee für zu Hause suchst: 70 g Kaffee auf 1 Liter "
        "Wasser, dann 16 Stunden im Kühlschrank ziehen lassen. Don't forget to share your "
        "results with us!", "de")
    assert found.code == "wrong_language" and found.severity == Severity.WARNING
    assert "'Don't forget to share your results with…' reads as English" in found.message
    [cta] = sentence_language_problems(
        "Join our barista class on Sunday at 2 pm.\nKomm vorbei im Kontor oder bestell im "
        "Shop – Link in bio", "en")
    assert "reads as German; write it in English" in cta.message


def test_a_borrowed_phrase_is_no_other_language() -> None:
    assert language_problems("Coffee to go! Wir haben ab Montag für euch geöffnet.", "de") == []
    assert language_problems("Moin! We roast on Tuesdays in Altona.", "en") == []
    assert sentence_language_problems("Coffee to go! Wir haben ab Montag für euch geöffnet.",
                                      "de") == []


def test_each_part_reads_what_the_other_leaves() -> None:
    """The whole post in English is the brand rule's error, and the sentence check then says
    nothing; one English sentence in a German post is the other way round."""
    english = ("Join us on Sunday for our class and bring your friends, we have coffee for "
               "you and your team.")
    assert sentence_language_problems(english, "de") == []
    mixed = ("Wenn du nach einem einfachen Kaffee für zu Hause suchst: 70 g Kaffee auf 1 Liter "
             "Wasser, dann 16 Stunden im Kühlschrank ziehen lassen. Don't forget to share "
             "your results with us!")
    assert language_problems(mixed, "de") == []


def test_a_short_sentence_is_read_by_the_dictionaries_when_stop_words_cannot_tell() -> None:
    """"Hey there, fellow coffee enthusiasts!" has too few stop words; its words are English
    and not German. German words a German post borrows ("Cold Brew", "Link in Bio") and a
    name are no other language."""
    [found] = sentence_language_problems(
        "Hey there, fellow coffee enthusiasts! Tipp für Cold Brew zu Hause: 70 g Kaffee auf "
        "1 Liter Wasser.", "de")
    assert "'Hey there, fellow coffee enthusiasts!' reads as English" in found.message
    assert sentence_language_problems(
        "Cold Brew zu Hause. Link in Bio. Latte Art mit Okan.", "de") == []

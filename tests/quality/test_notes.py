"""A tasting note of the brief must stay a note: not what the coffee is or holds
(quality/notes, through factcheck.missing and the one checker)."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality import quality_problems
from assistant.quality.factcheck import missing
from assistant.quality.notes import invented_notes, tasting_notes
from tests.quality.conftest import context

KOLUMBIEN = ("Neuer Filterkaffee aus Kolumbien, Noten von roter Johannisbeere und Kakao, ab "
             "Samstag im Kontor und im Shop, 250 g für 11,90 €.")
MISCHUNG = ("Die Weihnachtsmischung ist zurück - Kolumbien und Guatemala, mit Noten von "
            "Marzipan und dunkler Schokolade, nur bis Ende Dezember.")
DECAF = ("Our new decaf from Peru is here - sugarcane process, notes of caramel and orange, "
         "250 g for 10.50 euros.")


def test_the_notes_of_a_brief_and_their_things() -> None:
    # "ab Samstag" and "nur bis Ende" after the notes are none of them
    assert tasting_notes(KOLUMBIEN, "de") == [
        ("Noten von roter Johannisbeere und Kakao", ["Johannisbeere", "Kakao"])]
    assert tasting_notes(MISCHUNG, "de") == [
        ("Noten von Marzipan und dunkler Schokolade", ["Marzipan", "Schokolade"])]
    assert tasting_notes(DECAF, "en") == [("notes of caramel and orange", ["caramel", "orange"])]
    assert tasting_notes("Neuer Kaffee aus Kolumbien, 250 g für 11,90 €.", "de") == []


@pytest.mark.parametrize(("brief", "language", "post"), [
    # a ready Facebook draft (bench 2026-12-05): the currant is what the coffee is
    (KOLUMBIEN, "de", "Der Kolumbianer Filterkaffee ist eine Art roter Johannisbeere mit "
                      "Kakao, die sich in einem alten Kontorhaus in Altona befindet."),
    # a ready Threads draft (bench 2026-12-05): the notes are what the shop sells
    (MISCHUNG, "de", "Die Weihnachtsmischung ist zurück! Marzipan und dunkle Schokolade sind "
                     "die Hauptprodukte. Nur bis Ende Dezember."),
    (DECAF, "en", "Our new decaf from Peru is here, with caramel and orange. 250 g for 10.50 "
                  "euros."),
    # after a label the part that names them is read on its own
    (KOLUMBIEN, "de", "Unser neuer Filterkaffee: eine Mischung aus roter Johannisbeere und "
                      "Kakao."),
])
def test_a_note_said_as_what_the_coffee_is_or_holds_is_missed(brief: str, language: str,
                                                              post: str) -> None:
    [note] = tasting_notes(brief, language)
    assert note[0] in missing(post, brief, language)


@pytest.mark.parametrize(("brief", "language", "post"), [
    (KOLUMBIEN, "de", "Neuer Filterkaffee aus Kolumbien 🍒 Noten von roter Johannisbeere und "
                      "Kakao. Ab Samstag im Kontor!"),
    # a bare list, as coffee bags write it, and a sentence that speaks of taste
    (KOLUMBIEN, "de", "Kolumbien – rote Johannisbeere, Kakao.\nAb Samstag im Shop."),
    (KOLUMBIEN, "de", "Rote Johannisbeere und Kakao: So schmeckt unser neuer Filterkaffee."),
    # the notes bare after a label that says where the coffee is from (an Instagram hook,
    # bench 2026-12-07)
    (KOLUMBIEN, "de", "Neuer Filterkaffee aus Kolumbien: rote Johannisbeere und Kakao\n250 g "
                      "für 11,90 €\nAb Samstag im Kontor und im Shop"),
    # a note left out is the post's choice
    (KOLUMBIEN, "de", "Neuer Filterkaffee aus Kolumbien, ab Samstag im Kontor."),
    (MISCHUNG, "de", "Die Weihnachtsmischung ist zurück: Kolumbien und Guatemala mit Noten "
                     "von Marzipan und dunkler Schokolade."),
    (DECAF, "en", "Our new decaf from Peru: sugarcane process, notes of caramel and orange."),
    (DECAF, "en", "Caramel and orange in every cup of our new decaf."),
])
def test_a_note_kept_listed_or_left_out_is_not_missed(brief: str, language: str,
                                                      post: str) -> None:
    [note] = tasting_notes(brief, language)
    assert note[0] not in missing(post, brief, language)


def test_the_checker_keeps_such_a_post_from_ready(coffee: BrandKit) -> None:
    post = ("Die Weihnachtsmischung ist zurück! Kolumbien und Guatemala. Marzipan und dunkle "
            "Schokolade sind die Hauptprodukte. Nur bis Ende Dezember.")
    problems = quality_problems(post, [], context(coffee, brief=MISCHUNG))
    [lacking] = [p for p in problems if p.code == "missing_fact"]
    assert "the brief says 'Noten von Marzipan" in lacking.message


DECAF = ("Our new decaf from Peru is here - sugarcane process, notes of caramel and orange, "
         "250 g for 10.50 euros.")
KOLUMBIEN = ("Neuer Filterkaffee aus Kolumbien, Noten von roter Johannisbeere und Kakao, ab "
             "Samstag im Kontor und im Shop, 250 g für 11,90 €.")


@pytest.mark.parametrize(("brief", "post", "invented"), [
    # a ready Instagram draft of the embedded model (bench, 2026-12-06)
    (DECAF, "Our new decaf from Peru has a rich, creamy taste with hints of chocolate.",
     ["creamy", "chocolate"]),
    (KOLUMBIEN, "Neuer Filterkaffee aus Kolumbien: Karamell, Haselnuss und Kakao!",
     ["Karamell", "Haselnuss"]),
    # a flavour the brief's note covers, in other words or another form
    (DECAF, "Caramel and a citrusy, fruity finish: orange in the cup.", []),
    (KOLUMBIEN, "Fruchtig, mit Beeren und schokoladigen Noten: Johannisbeere und Kakao.", []),
    # "Genuss" (enjoyment) is no nut, "Haselnuss" is
    (KOLUMBIEN, "Kaffeegenuss pur, genüsslich: Johannisbeere, Kakao und Haselnuss.",
     ["Haselnuss"]),
    # a brief with no flavour of its own: nothing is read
    ("Röstkurs am 12. Dezember, 18 Uhr.", "Mit heißer Schokolade und Zimtsternen!", []),
])
def test_a_tasting_note_the_brief_does_not_give_is_invented(brief: str, post: str,
                                                            invented: list[str]) -> None:
    assert invented_notes(post, brief, (brief,)) == invented


def test_a_flavour_of_another_source_counts(coffee: BrandKit) -> None:
    # the kit's facts and guidelines are sources too; "nutzen" names no nut
    assert invented_notes("Nutze die Gelegenheit: nussig und fruchtig.", KOLUMBIEN,
                          (KOLUMBIEN, "Unsere Espressi schmecken nussig.")) == []


def test_the_checker_flags_an_invented_note_as_an_invented_fact(coffee: BrandKit) -> None:
    post = ("Our new decaf from Peru is here: sugarcane process, a rich, creamy taste with "
            "notes of caramel and orange. 250 g for 10.50 euros.")
    problems = quality_problems(post, [], context(coffee, brief=DECAF, language="en",
                                                  platform="instagram"))
    [invented] = [p for p in problems if p.code == "invented_fact"]
    assert invented.is_error and invented.message.startswith("'creamy' not in the brief")

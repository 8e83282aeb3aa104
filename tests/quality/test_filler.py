"""Definitions of the model's own that run on in a clause and name nothing of the brief are
struck by tidy; the sentences they were found beside stay (quality/filler.py)."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality.filler import brief_nouns, empty_definition
from assistant.quality.tidy import tidy_post

ROESTKURS = ("Einladung zum Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze, Anmeldung im "
             "Laden oder per Mail.")
WEIHNACHTEN = ("Frohe Weihnachten! Vom 24. bis 26. Dezember ist das Kontor geschlossen, ab dem "
               "27. Dezember sind wir wieder für euch da.")
FRENCH_PRESS = ("Mahlgrad für die French Press: grob wie Meersalz, 4 Minuten ziehen lassen, dann "
                "langsam herunterdrücken.")


# each from a ready draft I read as unfit (bench, 2026-12-07)
@pytest.mark.parametrize(("brief", "kept", "filler"), [
    (ROESTKURS, "Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze: Anmeldung im Laden oder "
     "per Mail.", "Es ist ein unerwartetes Treffen, das dir die Worte der Welt entfaltet."),
    (ROESTKURS, "Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze: Anmeldung im Laden oder "
     "per Mail.", "Der Röster ist eine Art, die dir die Welt entfaltet."),
    (WEIHNACHTEN, "Vom 24. bis 26. Dezember ist das Kontor geschlossen.",
     "Es ist ein schöner Zeitpunkt, um zu spenden und sich selbst zu freuen."),
    # "Es ist ein ..." needs no clause (a ready Facebook post, CLI 2026-12-07)
    ("Latte-Art-Abend im Kontor: Freitag, 19. Dezember, 19 Uhr, 6 Plätze.",
     "Latte-Art-Abend im Kontor: Freitag, 19. Dezember, 19 Uhr, 6 Plätze.",
     "Es ist ein ausgezeichnetes Abendessen für alle."),
    (FRENCH_PRESS, "French Press: grob wie Meersalz mahlen, 4 Minuten ziehen lassen.",
     "Das ist eine einfache und verständliche Rösterform, die für jeden Kaffee-Taster "
     "geeignet ist."),
])
def test_a_definition_of_the_models_own_is_struck(coffee: BrandKit, brief: str, kept: str,
                                                  filler: str) -> None:
    assert empty_definition(filler, brief_nouns(brief))
    for text in (f"{kept} {filler}", f"{filler} {kept}"):
        assert tidy_post(text, coffee, "facebook", None, brief=brief) == kept


@pytest.mark.parametrize("sentence", [
    "Das ist ein Genuss!",  # praise with no clause
    "Es ist eine Freude!",  # "Es ist ..." too short to be read without a clause
    "Das ist ein ausgezeichnetes Abendessen für alle.",  # only "Es" goes without a clause
    "Es ist eine Freude, dich beim Röstkurs zu sehen.",  # the brief's noun
    "Der Röstkurs ist ein Abend, an dem du selbst röstest.",  # the brief's own noun
    "Es ist ein Abend im Kontor, der dir 8 Plätze bietet.",  # a number of the brief's
    "Es ist ein Röstkurs, den du nicht vergisst.",  # the brief's noun after the head
    "Wir rösten, was uns schmeckt, und das ist ein Versprechen.",  # no definition opens it
])
def test_what_is_not_an_empty_definition(sentence: str) -> None:
    assert not empty_definition(sentence, brief_nouns(ROESTKURS))


def test_the_last_sentence_stays_and_english_is_left_alone(coffee: BrandKit) -> None:
    alone = "Es ist ein unerwartetes Treffen, das dir die Worte der Welt entfaltet."
    assert tidy_post(alone, coffee, "facebook", None, brief=ROESTKURS) == alone
    english = ("Barista class on Sunday. It is a meeting that unfolds the words of the "
               "world, which you will love.")
    assert tidy_post(english, coffee, "facebook", None, language="en",
                     brief="Barista class on Sunday, 15 December.") == english

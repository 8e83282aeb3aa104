"""The brief's noun written small is written large by tidy (quality/smallnouns)."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality.compose import quality_problems
from assistant.quality.dictionary import dictionaries
from assistant.quality.smallnouns import nouns_written_large
from assistant.quality.tidy import tidy_post
from tests.quality.conftest import codes, context

MUEHLE = ("In Kooperation mit Mahlwerk Hansen - die Handmühle Hansen H2 gibt es jetzt bei uns im "
          "Shop für 89 €, wir haben sie drei Monate im Café getestet.")
BARISTA = "Wir suchen ab Januar eine Barista (m/w/d) in Teilzeit. Bewerbung per Mail."


def _spell(word: str) -> bool:
    found = dictionaries("de")
    assert found is not None
    return found[0].spell(word)


@pytest.mark.parametrize(("text", "brief", "expected"), [
    # an Instagram draft and a LinkedIn draft of the bench (2026-12-06)
    ("Werbung | Kaffee mit handmühle Hansen H2: Jetzt bei uns im Shop!", MUEHLE,
     "Werbung | Kaffee mit Handmühle Hansen H2: Jetzt bei uns im Shop!"),
    ("Bis Januar bewerbung per Mail an moin@moewenbohne.example.", BARISTA,
     "Bis Januar Bewerbung per Mail an moin@moewenbohne.example."),
])
def test_the_briefs_noun_written_small_is_written_large(text: str, brief: str,
                                                        expected: str) -> None:
    assert nouns_written_large(text, _spell, brief) == expected


@pytest.mark.parametrize(("text", "brief"), [
    # the dictionary knows it small: an adjective the brief opens with
    ("Ein neuer Filterkaffee aus Kolumbien.", "Neuer Filterkaffee aus Kolumbien."),
    # an imperative the dictionary does not know, and no noun of the brief
    ("Schmeckt er bitter, mahl gröber.", "Tipp: Mahlgrad anpassen."),
    # a word of the brief in a web address, a handle, a hashtag, a tag's parameter
    ("Mehr: https://shop.example/handmühle?utm_source=handmühle #handmühle @handmühle",
     "Die Handmühle ist da."),
    # a word the brief does not write large
    ("Die handmühle ist da.", "Die Mühle ist da."),
])
def test_other_small_words_stay(text: str, brief: str) -> None:
    assert nouns_written_large(text, _spell, brief) == text


def test_tidy_mends_it_and_the_spelling_warning_goes(coffee: BrandKit) -> None:
    text = "Werbung | Kaffee mit handmühle Hansen H2: Jetzt bei uns im Shop für 89 €!"
    ctx = context(coffee, brief=MUEHLE, platform="instagram")
    assert "spelling" in codes(quality_problems(text, [], ctx))
    tidied = tidy_post(text, coffee, "instagram", None, language="de", brief=MUEHLE)
    assert "Handmühle Hansen H2" in tidied
    assert "spelling" not in codes(quality_problems(tidied, [], ctx))
    # English posts are left as they are
    english = tidy_post("Our handmühle is in the shop.", coffee, "instagram", None,
                        language="en", brief=MUEHLE)
    assert "handmühle" in english

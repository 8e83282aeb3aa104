"""A word of the brief written with a space inside is joined; two real words stay apart."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality.dictionary import dictionaries
from assistant.quality.splitwords import joined_brief_words
from assistant.quality.tidy import tidy_post

BRIEF = ("Einladung zum Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze, Anmeldung im Laden "
         "oder per Mail. Ab dem 27. Dezember sind wir wieder für euch da.")


@pytest.mark.parametrize(("text", "expected"), [
    # an Instagram draft of the bench (2026-12-07)
    ("Hier sind die Details: maximal 8 Plätze, Anmel dung im Laden oder per Mail.",
     "Hier sind die Details: maximal 8 Plätze, Anmeldung im Laden oder per Mail."),
    ("Röst kurs am 12. Dezember", "Röstkurs am 12. Dezember"),
    ("zur anmel dung", "zur anmeldung"),
    # both are words: "wieder" in the brief does not make "wie der" one
    ("So wie der Kaffee schmeckt.", "So wie der Kaffee schmeckt."),
    # a hyphen or a mark between them is the model's choice, not a slip of a space
    ("Anmel-dung", "Anmel-dung"),
    ("Anmel. dung", "Anmel. dung"),
    # the second written large is a word of its own
    ("Röst Kurs", "Röst Kurs"),
])
def test_a_brief_word_split_by_a_space_is_joined(text: str, expected: str) -> None:
    found = dictionaries("de")
    assert found is not None
    assert joined_brief_words(text, BRIEF, found[0].spell) == expected


def test_tidy_joins_it_before_the_spell_check_reads_it(coffee: BrandKit) -> None:
    text = "Röstkurs am 12. Dezember, 18 Uhr: Anmel dung im Laden oder per Mail."
    assert "Anmeldung im Laden" in tidy_post(text, coffee, "instagram", None, brief=BRIEF)
    assert tidy_post(text, coffee, "instagram", None) == text  # no brief, nothing to join

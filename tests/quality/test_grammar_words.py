"""The tokens of the German grammar rules: where a sentence starts."""

from __future__ import annotations

import pytest

from assistant.quality.grammar_words import tokens


def _starts(text: str) -> list[str]:
    return [token.text for token in tokens(text)[1] if token.sentence_start]


@pytest.mark.parametrize(("text", "starts"), [
    # a day's dot before a month (either language) or a span's next day ends no sentence
    ("Der Röstkurs am 12. Dezember ist voll.", ["Der"]),
    ("Wir haben vom 24. bis 26. Dezember zu. Danach wieder offen.", ["Wir", "Danach"]),
    ("Ab dem 1. Januar gelten neue Preise.", ["Ab"]),
    ("Am 24. und 25. Dezember ist zu.", ["Am"]),
    ("Vom 24.–26. Dezember und vom 30. - 31. Dezember zu.", ["Vom"]),
    ("Am 1. Jan ist zu.", ["Am"]),
    ("Join us on the 3. March for a tasting.", ["Join"]),
    ("Vom 24.12. bis 26.12. geschlossen.", ["Vom", "geschlossen"]),
    # no month and no span after the dot: it ends the sentence ("am 12." is the date)
    ("Wir sind am 12. Danach ist zu.", ["Wir", "Danach"]),
    ("Wir öffnen am 12. Und am 13. sind wir auch da.", ["Wir", "Und", "sind"]),
    ("Platz 3. Bis bald!", ["Platz", "Bis"]),
    # a number over 31 is no day; a new line starts a sentence anyway
    ("Es gab 40. Dezember war still.", ["Es", "Dezember"]),
    ("Am 12.\nDezember", ["Am", "Dezember"]),
])
def test_a_dates_dot_is_no_sentence_end(text: str, starts: list[str]) -> None:
    assert _starts(text) == starts


def test_the_tokens_inside_a_date_are_marked() -> None:
    inside = [token.text for token in tokens("vom 24.–26. Dezember bis 18 Uhr")[1]
              if token.in_date]
    assert inside == ["26", "Dezember"]

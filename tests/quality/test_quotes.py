"""A quote mark that pairs with none is a remnant of a broken sentence (quality/quotes)."""

from __future__ import annotations

import pytest

from assistant.quality.cutoff import cut_off_problems
from assistant.quality.quotes import stray_quote

# a ready LinkedIn draft of the bench (2026-12-06)
BROKEN = ("Schema drift alerts now also cover Snowflake.\n\nTurn them on' setting, you can "
          "receive notifications for any changes in your schema. Turn them on under Settings, "
          "Alerts.")


def test_a_closing_quote_with_none_open_is_a_cut_off() -> None:
    assert stray_quote(BROKEN) == "Turn them on' setting, you can"
    [problem] = cut_off_problems(BROKEN)
    assert problem.code == "cut_off" and not problem.is_error
    assert "a quote mark pairs with none ('…Turn them on' setting" in problem.message


@pytest.mark.parametrize("text", [
    "Turn on the 'Alerts' setting and you are done.",
    "Let's talk about your users' data and Hans' Mühle.",
    "Wie geht's? Komm vorbei, wir rösten 'n' roll.",
    "Our ‘freshness’ check runs on every table.",
    "Der Kaffee 'Elbnebel' ist da. Mehr: https://shop.example/elbnebel",
    "Two paragraphs, each with its pair:\n\n'One' and 'two'.",
])
def test_quotes_that_pair_and_apostrophes_stay(text: str) -> None:
    assert stray_quote(text) is None


@pytest.mark.parametrize(("text", "around"), [
    ("We shipped the 'lineage view today.", "We shipped the 'lineage view today."),
    ("The 'Alerts' and the 'Settings page.", "'Alerts' and the 'Settings page."),
    # a pair across paragraphs is none: each paragraph pairs its own
    ("Turn on 'Alerts\n\nin Settings' now.", "Turn on 'Alerts"),
])
def test_a_quote_left_open_is_found(text: str, around: str) -> None:
    assert stray_quote(text) == around


def test_a_word_left_alone_after_the_last_sentence_is_a_cut_off() -> None:
    """A ready Threads post of the bench (2026-12-06): what is left of "Cold Brew"."""
    text = ("Neue Tipps für Cold Brew: 70 g grob gemahlener Kaffee auf 1 Liter kaltes Wasser, "
            "16 Stunden im Kühlschrank ziehen lassen. Filtern und du hast deinen Kaffee! Brew")
    [problem] = cut_off_problems(text)
    assert "a word left alone after its last sentence ('…hast deinen Kaffee! Brew')" \
        in problem.message
    for fine in ("Frohe Weihnachten! Moin", "Schönes Wochenende! Danke",
                 "Neu im Kontor. Komm vorbei!\n\n#Möwenbohne #Kaffee",
                 "Neu im Kontor.\nhttps://moewenbohne.example/neu"):
        assert cut_off_problems(fine) == [], fine

"""A holiday brief's greeting is a fact of the post (quality/greetings, through
factcheck.missing and the one checker)."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality import quality_problems
from assistant.quality.factcheck import missing
from tests.quality.conftest import context

WEIHNACHTEN = ("Frohe Weihnachten! Vom 24. bis 26. Dezember ist das Kontor geschlossen, ab dem "
               "27. Dezember sind wir wieder für euch da.")
SILVESTER = ("Silvester: Am 31. Dezember haben wir von 9 bis 14 Uhr geöffnet, am 1. Januar "
             "bleibt das Kontor zu. Guten Rutsch!")
SEASON = ("Season's greetings from the Tessaline team. Support stays on call through the "
          "holidays, as always from 8:00 to 18:00 CET on working days.")


@pytest.mark.parametrize(("brief", "language", "post", "greeting"), [
    # a needs-a-look Instagram draft (bench 2026-12-06): the closure without the greeting
    (WEIHNACHTEN, "de", "Ab dem 27. Dezember sind wir wieder für euch da. Vom 24. bis 26. "
                        "Dezember ist das Kontor geschlossen.", "Frohe Weihnachten"),
    (SILVESTER, "de", "Am 31. Dezember von 9 bis 14 Uhr geöffnet, am 1. Januar bleibt das "
                      "Kontor zu. Frohe Weihnachten!", "Guten Rutsch"),
    (SEASON, "en", "Support stays on call through the holidays, from 8:00 to 18:00 CET on "
                   "working days.", "Season's greetings"),
])
def test_a_greeting_of_the_brief_left_out_is_missed(brief: str, language: str, post: str,
                                                    greeting: str) -> None:
    assert greeting in missing(post, brief, language)


@pytest.mark.parametrize(("brief", "post"), [
    (WEIHNACHTEN, "Frohes Fest! Vom 24. bis 26. Dezember ist das Kontor geschlossen, ab dem "
                  "27. Dezember sind wir wieder da."),
    (WEIHNACHTEN, "Schöne Feiertage! Vom 24. bis 26. Dezember ist das Kontor geschlossen, ab "
                  "dem 27. Dezember sind wir wieder da."),
    (SILVESTER, "Am 31. Dezember von 9 bis 14 Uhr geöffnet, am 1. Januar bleibt das Kontor zu. "
                "Kommt gut ins neue Jahr!"),
    (SEASON, "Happy holidays from the Tessaline team! Support stays on call through the "
             "holidays, from 8:00 to 18:00 CET on working days."),
])
def test_a_greeting_for_the_same_feast_in_other_words_is_said(brief: str, post: str) -> None:
    assert missing(post, brief, "en" if brief is SEASON else "de") == []


def test_the_checker_keeps_a_holiday_post_without_its_greeting_from_ready(
        coffee: BrandKit) -> None:
    post = ("Vom 24. bis 26. Dezember ist das Kontor geschlossen, ab dem 27. Dezember sind wir "
            "wieder für euch da.")
    ctx = context(coffee, brief=WEIHNACHTEN)
    [lacking] = [p for p in quality_problems(post, [], ctx) if p.code == "missing_fact"]
    assert "'Frohe Weihnachten'" in lacking.message
    assert "missing_fact" not in [p.code for p in quality_problems(
        f"Frohe Weihnachten! {post}", [], ctx)]

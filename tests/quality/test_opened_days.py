"""A post that says open on a day the brief says closed (quality/status.opened_days)."""

from __future__ import annotations

import pytest

from assistant.quality.compose import quality_problems
from assistant.quality.status import closed_days, opened_days
from tests.quality.conftest import codes, context

SILVESTER = ("Silvester: Am 31. Dezember haben wir von 9 bis 14 Uhr geöffnet, am 1. Januar "
             "bleibt das Kontor zu. Guten Rutsch!")
WEIHNACHTEN = ("Frohe Weihnachten! Vom 24. bis 26. Dezember ist das Kontor geschlossen, ab dem "
               "27. Dezember sind wir wieder für euch da.")
CHRISTMAS = ("Merry Christmas from the roastery! We are closed from 24 to 26 December and back "
             "with fresh beans on 27 December.")


def test_the_closed_days_of_a_range_are_each_of_its_days() -> None:
    assert closed_days((SILVESTER,), "de") == {"01.01."}
    assert closed_days((WEIHNACHTEN,), "de") == {"24.12.", "25.12.", "26.12."}
    assert closed_days((CHRISTMAS,), "en") == {"24.12.", "25.12.", "26.12."}


@pytest.mark.parametrize(("text", "brief", "language", "said"), [
    # a ready Instagram draft (bench, 2026-12-05)
    ("Silvester: Am 31. Dezember haben wir von 9 bis 14 Uhr geöffnet\nGuten Rutsch!\n"
     "Am 1. Januar bleiben wir auch noch an der Arbeit.", SILVESTER, "de",
     "1. Januar an der Arbeit"),
    ("Am 25. Dezember sind wir für euch da!", WEIHNACHTEN, "de",
     "25. Dezember sind wir für euch da"),
    ("Vom 24. bis 26. Dezember haben wir geöffnet.", WEIHNACHTEN, "de",
     "24. bis 26. Dezember geöffnet"),
    ("We're open on 25 December!", CHRISTMAS, "en", "25 December open"),
    # a ready Instagram draft (bench, 2026-12-06): staying at the place is being open
    ("Silvester: Am 1. Januar bleiben wir im Kontor\nAm 31. Dezember haben wir von 9 bis 14 "
     "Uhr geöffnet\nGuten Rutsch!", SILVESTER, "de", "1. Januar bleiben wir im Kontor"),
    ("On 25 December we'll be at the café for you!", CHRISTMAS, "en",
     "25 December we'll be at the café"),
])
def test_a_day_said_open_that_the_brief_says_closed_is_made_up(
        text: str, brief: str, language: str, said: str) -> None:
    assert said in opened_days(text, language, closed_days((brief,), language))
    found = [p for p in quality_problems(text, [], context(None, brief=brief,
                                                           language=language))
             if p.code == "invented_fact"]
    assert found and found[0].is_error and said in found[0].message


@pytest.mark.parametrize(("text", "brief", "language"), [
    ("Vom 24. bis 26. Dezember ist das Kontor geschlossen! Ab dem 27. Dezember sind wir "
     "wieder für euch da.", WEIHNACHTEN, "de"),
    ("Vom 24. bis 26. Dezember sind wir nicht da, ab dem 27. Dezember wieder für euch.",
     WEIHNACHTEN, "de"),
    ("Am 24.-26. Dezember haben wir zu, am 27. Dezember sind wir da.", WEIHNACHTEN, "de"),
    ("We are closed from 24 to 26 December and back on 27 December.", CHRISTMAS, "en"),
    # "open" on a day the brief says nothing closed of: an event's day
    ("Am 31. Dezember sind wir bis 14 Uhr für euch da.", SILVESTER, "de"),
    # at the place on another day, or not at it
    ("Am 31. Dezember sind wir im Kontor, am 1. Januar bleibt das Kontor zu.", SILVESTER,
     "de"),
    ("Am 1. Januar sind wir nicht im Kontor.", SILVESTER, "de"),
    ("On 25 December we won't be at the café.", CHRISTMAS, "en"),
    ("Am 12. Dezember ist das Kontor für den Röstkurs geöffnet.",
     "Einladung zum Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze.", "de"),
])
def test_a_post_that_keeps_the_briefs_days_passes(text: str, brief: str,
                                                 language: str) -> None:
    assert opened_days(text, language, closed_days((brief,), language)) == []


def test_a_day_kept_closed_passes_the_one_checker() -> None:
    assert "invented_fact" not in codes(quality_problems(
        "Am 1. Januar bleibt das Kontor zu. Guten Rutsch!", [], context(None, brief=SILVESTER)))

"""A time of day that the brief's clock times contradict (quality/dayparts)."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality.compose import quality_problems
from assistant.quality.dayparts import clock_hours, daypart_problems
from tests.quality.conftest import codes, context

MEETUP = ("We sponsor the dbt Meetup Berlin on 18 December at 19:00 and give a 15-minute talk "
          "on testing dbt models.")
ROESTKURS = "Einladung zum Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze."


def test_clock_times_are_read_in_24_hours() -> None:
    assert clock_hours(MEETUP, "en") == [19]
    assert clock_hours(ROESTKURS, "de") == [18]
    assert clock_hours("Sunday, 15 December, 2 pm", "en") == [14]
    assert clock_hours("at 2:30 p.m. and 12 am", "en") == [14, 0]
    assert clock_hours("250 g für 11,90 €, 2-3 Tassen, vom 24. bis 26. Dezember", "de") == []
    assert clock_hours("Röstkurs für 8 am Samstag, 12. Dezember", "de") == []


@pytest.mark.parametrize(("text", "brief", "said"), [
    # a ready Mastodon draft (bench, 2026-12-06)
    ("Ad | We sponsor the dbt Meetup Berlin on Dec 18th at 19:00. In the afternoon, we'll "
     "give a 15-minute talk on testing dbt models.", MEETUP, "In the afternoon"),
    ("On Sunday morning we give a talk on testing dbt models.", MEETUP, "On Sunday morning"),
    ("Am Nachmittag rösten wir gemeinsam im Kontor.", ROESTKURS, "Am Nachmittag"),
])
def test_a_time_of_day_the_brief_contradicts_is_an_error(text: str, brief: str,
                                                         said: str) -> None:
    [problem] = daypart_problems(text, brief, "de" if brief is ROESTKURS else "en")
    assert problem.code == "invented_fact" and problem.is_error
    assert problem.message.startswith(f"'{said}' does not fit the brief's time")


@pytest.mark.parametrize(("text", "brief"), [
    ("Join us this evening for the meetup!", MEETUP),
    ("Tonight at 19:00: testing dbt models.", MEETUP),
    ("Good morning! Tonight we sponsor the dbt Meetup Berlin.", MEETUP),
    ("Your morning coffee, then the meetup at 19:00.", MEETUP),
    ("Am Abend rösten wir gemeinsam. Guten Morgen!", ROESTKURS),
    ("Morgens rösten wir, abends lernst du es.", ROESTKURS),
    # opening hours: outside them a post may say something true
    ("Am Abend ist das Kontor zu.", "Am 31. Dezember von 9 bis 14 Uhr geöffnet."),
    # no clock time in the brief, or the brief names the part itself
    ("Am Nachmittag rösten wir.", "Neuer Filterkaffee aus Kolumbien."),
    ("Am Nachmittag rösten wir.", "Röstkurs am Nachmittag, 15 Uhr bis zum Abend."),
])
def test_a_time_of_day_that_fits_or_has_nothing_to_contradict_passes(text: str,
                                                                     brief: str) -> None:
    assert daypart_problems(text, brief, "de") == []
    assert daypart_problems(text, brief, "en") == []


def test_the_reading_is_part_of_the_checker(coffee: BrandKit) -> None:
    ctx = context(coffee, brief=ROESTKURS)
    text = "Röstkurs am 12. Dezember am Nachmittag, 18 Uhr, maximal 8 Plätze."
    assert "invented_fact" in codes(quality_problems(text, [], ctx))


def test_a_time_ahead_is_one_invented_fact_not_two(coffee: BrandKit) -> None:
    """"Heute Nacht" for a course at 18 Uhr: the fact checker reads a time ahead against
    every source (``facts.promised_frames``); the time of day is not read again."""
    ctx = context(coffee, brief=ROESTKURS)
    text = "Heute Nacht rösten wir! Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze."
    found = [p for p in quality_problems(text, [], ctx) if p.code == "invented_fact"]
    assert len(found) == 1 and found[0].is_error and "'Heute Nacht'" in found[0].message
    assert daypart_problems(text, ROESTKURS, "de") == []

"""A date read with its frame (quality/dateframes.py): on the day, from it, until it."""

from __future__ import annotations

import pytest

from assistant.quality.dateframes import (
    changed_frames,
    changed_month_frames,
    changed_price_frames,
    date_frames,
    stated_frames,
    stated_month_frames,
    stated_price_frames,
)
from assistant.quality.factcheck import Known, invented

SILVESTER = ("Silvester: Am 31. Dezember haben wir von 9 bis 14 Uhr geöffnet, am 1. Januar "
             "bleibt das Kontor zu. Guten Rutsch!")
CLOSED = ("Frohe Weihnachten! Vom 24. bis 26. Dezember ist das Kontor geschlossen, ab dem 27. "
          "Dezember sind wir wieder für euch da.")


def test_a_date_is_read_with_the_preposition_before_it() -> None:
    assert date_frames(SILVESTER, "de") == [("point", "31.12.", "Am 31. Dezember"),
                                            ("point", "01.01.", "am 1. Januar")]
    assert date_frames(CLOSED, "de") == [("end", "26.12.", "bis 26. Dezember"),
                                         ("start", "27.12.", "ab dem 27. Dezember")]
    assert date_frames("We sponsor the meetup on 18 December.", "en") == [
        ("point", "18.12.", "on 18 December")]
    assert date_frames("Neu seit 3. März, bis zum 1. Mai, 12. Juni: zu.", "de") == [
        ("start", "03.03.", "seit 3. März"), ("end", "01.05.", "bis zum 1. Mai"),
        (None, "12.06.", "12. Juni")]


@pytest.mark.parametrize(("post", "changed"), [
    # a ready Mastodon draft (bench, 2026-12-03), and the other turn
    ("Am 31. Dezember haben wir geöffnet. Das Kontor bleibt bis zum 1. Januar zu.",
     ["bis zum 1. Januar"]),
    ("Am 31. Dezember haben wir geöffnet. Ab dem 1. Januar bleibt das Kontor zu.",
     ["Ab dem 1. Januar"]),
    ("Bis zum 31. Dezember haben wir geöffnet.", ["Bis zum 31. Dezember"]),
    # the brief's frames, and a date said with none
    ("Am 31. Dezember von 9 bis 14 Uhr, am 1. Januar ist zu.", []),
    ("31. Dezember: 9 bis 14 Uhr. 1. Januar: zu.", []),
])
def test_a_date_in_another_frame_is_changed(post: str, changed: list[str]) -> None:
    assert changed_frames(post, "de", stated_frames((SILVESTER,), "de")) == changed


def test_a_weekday_between_the_preposition_and_its_date_keeps_the_frame() -> None:
    """"Bis zum Samstag, 7. Dezember, kommen wir zum Cupping!" for the brief's "am Samstag,
    7. Dezember" (an X draft, bench 2026-12-06): the weekday hid the frame of both."""
    brief = "Cupping am Samstag, 7. Dezember, um 11 Uhr im Kontor."
    assert date_frames(brief, "de") == [("point", "07.12.", "am Samstag, 7. Dezember")]
    assert date_frames("Barista class on Sunday, 15 December, 2 pm.", "en") == [
        ("point", "15.12.", "on Sunday, 15 December")]
    stated = stated_frames((brief,), "de")
    assert changed_frames("Moin! Bis zum Samstag, 7. Dezember, kommen wir zum Cupping!", "de",
                          stated) == ["Bis zum Samstag, 7. Dezember"]
    assert changed_frames("Am Samstag, den 7. Dezember: Cupping!", "de", stated) == []
    assert changed_frames("Samstag, 7. Dezember: Cupping im Kontor!", "de", stated) == []


def test_on_the_day_stands_for_from_the_day_and_a_frameless_source_takes_any() -> None:
    stated = stated_frames((CLOSED,), "de")
    assert changed_frames("Am 27. Dezember sind wir wieder da.", "de", stated) == []
    assert changed_frames("Bis zum 27. Dezember sind wir da.", "de", stated) == [
        "Bis zum 27. Dezember"]
    loose = stated_frames(("Neue Öffnungszeiten, 5. Januar: ab 8 Uhr.",), "de")
    assert changed_frames("Ab dem 5. Januar öffnen wir um 8 Uhr.", "de", loose) == []


def test_the_fact_check_counts_it_as_invented() -> None:
    sources = Known.of((SILVESTER,), "de")
    post = "Am 31. Dezember haben wir von 9 bis 14 Uhr geöffnet. Bis zum 1. Januar ist zu."
    assert "Bis zum 1. Januar" in invented(post, "de", sources, [], frozenset())
    assert invented(SILVESTER, "de", sources, [], frozenset()) == []


HIRING = "Wir suchen ab Januar eine Barista (m/w/d) in Teilzeit, 20 Stunden pro Woche."
BLEND = "Die Weihnachtsmischung ist zurück. Nur bis Ende Dezember, solange der Vorrat reicht."


@pytest.mark.parametrize(("post", "changed"), [
    # a ready Instagram draft (bench, 2026-12-05): the job's start made its end
    ("Wir suchen eine Barista für unser Café in Altona! Bis Januar!", ["Bis Januar"]),
    ("Wir suchen eine Barista, vor Januar.", ["vor Januar"]),
    # the brief's frame, "im" the month for "ab" it, and the month without a frame
    ("Ab Januar suchen wir eine Barista.", []),
    ("Im Januar geht es los.", []),
    ("Januar: neue Barista gesucht.", []),
])
def test_a_month_in_another_frame_is_changed(post: str, changed: list[str]) -> None:
    assert changed_month_frames(post, stated_month_frames((HIRING,), "de")) == changed


def test_a_month_a_source_names_without_a_frame_takes_any() -> None:
    stated = stated_month_frames((BLEND, "Am 5. Januar öffnen wir wieder."), "de")
    assert stated == {12: frozenset({"end"}), 1: frozenset({None})}
    assert changed_month_frames("Ab Dezember da, bis Januar!", stated) == ["Ab Dezember"]
    assert changed_month_frames("Nur bis Dezember.", stated) == []


def test_the_fact_check_counts_a_month_turned_round_as_invented() -> None:
    sources = Known.of((HIRING,), "de")
    assert invented("Wir suchen eine Barista! Bis Januar!", "de", sources, [],
                    frozenset()) == ["Bis Januar"]
    assert invented("Ab Januar suchen wir eine Barista.", "de", sources, [],
                    frozenset()) == []


HAFER = ("Gemeinsam mit der Hafermolkerei Elbhof stellen wir unseren Hafer-Cappuccino vor, "
         "ab Montag im Café für 3,80 €.")


@pytest.mark.parametrize(("post", "changed"), [
    # a ready Instagram draft (bench, 2026-12-05): the price made a lowest price
    ("Hier ist unser Hafer-Cappuccino, der für Montag im Café ab 3,80 € ist.", ["ab 3,80 €"]),
    ("Hafer-Cappuccino bis 3,80 €.", ["bis 3,80 €"]),
    # the brief's price with its "für", without it, or with another word before it
    ("Ab Montag im Café für 3,80 €.", []),
    ("Hafer-Cappuccino: 3,80 €.", []),
    ("Nur 3,80 € im Café.", []),
])
def test_a_price_in_another_frame_is_changed(post: str, changed: list[str]) -> None:
    assert changed_price_frames(post, "de", stated_price_frames((HAFER,), "de")) == changed


def test_a_source_that_says_from_a_price_lets_a_post_say_it_so() -> None:
    stated = stated_price_frames(("Kurse ab 25 €, Anmeldung im Laden.",), "de")
    assert changed_price_frames("Kurse ab 25 € im Laden.", "de", stated) == []
    assert changed_price_frames("Kurse für 25 €.", "de", stated) == []


def test_the_fact_check_counts_a_price_turned_into_a_lowest_price_as_invented() -> None:
    sources = Known.of((HAFER,), "de")
    assert invented("Hafer-Cappuccino ab 3,80 €!", "de", sources, [],
                    frozenset()) == ["ab 3,80 €"]
    assert invented("Hafer-Cappuccino für 3,80 €!", "de", sources, [], frozenset()) == []

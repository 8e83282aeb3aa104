"""A number with its period (quality/rates.py) and what the fact check makes of it."""

from __future__ import annotations

import pytest

from assistant.quality.factcheck import Known, invented, missing
from assistant.quality.rates import changed_rates, missing_rates, rates, stated_rates

BRIEF = ("Wir suchen ab Januar eine Barista (m/w/d) in Teilzeit, 20 Stunden pro Woche, für "
         "unser Café in Altona. Bewerbung per Mail an moin@moewenbohne.example.")
# a ready LinkedIn draft (bench, 2026-12-02)
SEEN = ("Wir suchen einen Barista für unser Café in Altona. Wir bieten eine Teilzeitbarista, "
        "die sich täglich 20 Stunden arbeitet und unser Café betreibt. Bewerbung per Mail an "
        "moin@moewenbohne.example. Wir suchen ab Januar eine Barista (m/w/d) in Teilzeit.")


@pytest.mark.parametrize(("text", "expected"), [
    ("20 Stunden pro Woche, Teilzeit.", [("20", "week", "20 Stunden pro Woche")]),
    ("Wir bieten 20 Stunden die Woche.", [("20", "week", "20 Stunden die Woche")]),
    ("Teilzeit (20 Std./Woche)", [("20", "week", "20 Std./Woche")]),
    ("20 Std. pro Woche", [("20", "week", "20 Std. pro Woche")]),
    ("die täglich 20 Stunden arbeitet", [("20", "day", "täglich 20 Stunden")]),
    ("We roast 3 times a week.", [("3", "week", "3 times a week")]),
    ("Wir suchen eine Barista mit 20 Stunden.", [("20", None, "20")]),
    # the period of another clause or across "und" is not the number's
    ("Wir rösten zweimal die Woche und bieten 20 Stunden.",
     [("2", "week", "zweimal die Woche"), ("20", None, "20")]),
    ("Jede Woche neu: 20 Sorten im Shop.", [("20", None, "20")]),
    # a date, a time, a price, a decimal are no counts
    ("Am 12. Dezember, 18 Uhr, 250 g für 11,90 €.", [("250", None, "250")]),
    # how often, in words or digits
    ("Wir rösten zweimal die Woche.", [("2", "week", "zweimal die Woche")]),
    ("Wir rösten täglich zwei Mal in Altona.", [("2", "day", "täglich zwei Mal")]),
    ("Wir rösten 2x pro Woche, 3-mal im Monat.", [("2", "week", "2x pro Woche"),
                                                 ("3", "month", "3-mal im Monat")]),
    ("We roast twice a week.", [("2", "week", "twice a week")]),
    ("Wir rösten zweimal.", [("2", None, "zweimal")]),
])
def test_a_number_is_read_with_the_period_near_it(text: str,
                                                  expected: list[tuple[str, str | None, str]]
                                                  ) -> None:
    assert [(rate.value, rate.period, rate.shown) for rate in rates(text)] == expected


def test_a_number_said_with_another_period_is_a_changed_fact() -> None:
    stated = stated_rates((BRIEF,))
    assert stated == {("20", "week")}
    assert changed_rates(SEEN, stated) == ["täglich 20 Stunden"]
    assert changed_rates("20 Stunden die Woche, ab Januar.", stated) == []
    # a number the sources state without a period takes any
    assert changed_rates("täglich 8 Plätze", stated_rates(("maximal 8 Plätze",))) == []


def test_the_brief_period_left_out_is_a_missing_fact() -> None:
    assert missing_rates("Wir suchen eine Barista mit 20 Stunden.", BRIEF) == [
        "20 Stunden pro Woche"]
    assert missing_rates(SEEN, BRIEF) == ["20 Stunden pro Woche"]
    assert missing_rates("Teilzeit, 20 Std./Woche.", BRIEF) == []
    # no number at all: the number itself is what the fact check reports
    assert missing_rates("Wir suchen eine Barista.", BRIEF) == []


def test_the_fact_check_reads_both() -> None:
    sources = Known.of((BRIEF,), "de")
    assert "täglich 20 Stunden" in invented(SEEN, "de", sources, [], frozenset())
    assert "20 Stunden pro Woche" in missing(SEEN, BRIEF, "de")
    fine = ("Wir suchen ab Januar eine Barista (m/w/d) in Teilzeit, 20 Stunden pro Woche, "
            "für unser Café in Altona. Bewerbung per Mail an moin@moewenbohne.example.")
    assert invented(fine, "de", sources, [], frozenset()) == []
    assert "20 Stunden pro Woche" not in missing(fine, BRIEF, "de")


def test_how_often_said_with_another_period_is_an_invented_fact() -> None:
    """The kit's guideline "zweimal die Woche" as "täglich zwei Mal" (a ready Facebook
    draft, bench 2026-12-04)."""
    guideline = "Wir rösten zweimal die Woche in Chargen von 15 Kilo."
    sources = Known.of((BRIEF, guideline), "de")
    post = ("Wir rösten täglich zwei Mal in Altona. Bewerbung per Mail an "
            "moin@moewenbohne.example.")
    assert "täglich zwei Mal" in invented(post, "de", sources, [], frozenset())
    assert invented("Wir rösten zweimal pro Woche.", "de", sources, [], frozenset()) == []

"""One list of month and weekday names serves facts, grammar, carry-over and the fact check."""

from __future__ import annotations

from assistant.quality.calendar_words import MONTH_NUMBERS, WEEKDAY_NUMBERS, month_words
from assistant.quality.carryover import _frames
from assistant.quality.facts import extract_facts, is_calendar_word, weekdays


def test_every_full_name_has_its_number() -> None:
    assert MONTH_NUMBERS["märz"] == MONTH_NUMBERS["march"] == 3
    assert MONTH_NUMBERS["jänner"] == 1
    assert WEEKDAY_NUMBERS["sonnabend"] == WEEKDAY_NUMBERS["saturday"] == 5
    assert "Jänner" in month_words("de") and "May" not in month_words("de")


def test_the_other_german_names_are_read_everywhere() -> None:
    # "Jänner" was a month to grammar only, "Sonnabend" a weekday to facts only
    assert [(f.kind, f.key) for f in extract_facts("am 12. Jänner", "de")] == \
        [("date", "12.01.")]
    assert weekdays("ab Sonnabend im Kontor") == {5}
    assert is_calendar_word("Jänner") and is_calendar_word("Sonnabend")
    # a time frame an example has and no source states: "nächsten Sonnabend"
    post = "Wir sehen uns nächsten Sonnabend"
    frame = (post.index("nächsten"), len(post))
    assert _frames(post, "", ("Bis nächsten Sonnabend im Kontor!",)) == [frame]

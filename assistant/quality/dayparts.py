"""A time of day in a post that the brief's clock times contradict (pure).

"We sponsor the dbt Meetup Berlin on Dec 18th at 19:00. In the afternoon, we'll give a
15-minute talk on testing dbt models." was a ready Mastodon draft (bench, 2026-12-06): the
talk is in the evening. The fact checker reads numbers, dates and names; "afternoon" is
none of them. A part of the day is read only where the brief gives clock times and none of
them falls in it ("am Abend" for a course at 18 Uhr, "this evening" for 19:00 pass), not
under opening hours ("von 9 bis 14 Uhr": "abends geschlossen" is true), and only the plain
words for it: "morgen" is tomorrow as often as the morning, and is left out.
"""

from __future__ import annotations

import regex

from assistant.models import Problem, Severity
from assistant.quality.context import problem
from assistant.quality.facts import extract_facts
from assistant.quality.textnorm import strip_markup

# a part of the day -> the hours (from, to; to < from runs past midnight) it covers
_PARTS: dict[str, tuple[int, int]] = {
    "morning": (5, 12), "vormittag": (8, 12), "noon": (11, 14), "midday": (11, 14),
    "mittag": (11, 14), "afternoon": (12, 18), "nachmittag": (12, 18), "evening": (17, 24),
    "abend": (17, 24), "night": (20, 5), "nacht": (20, 5),
}
# the part as the time of something: after "in the", "this", "am", "on Sunday" ...; "Good
# morning", "your morning coffee" and "Guten Abend" are none, and neither are the adverbs
# of habit ("morgens rösten wir", "steep it overnight"). A time ahead ("heute Abend",
# "morgen früh", "tonight", "tomorrow morning") is a promise that ``factcheck`` reads
# against every source already (``facts.promised_frames``), clock time or not
_PART = regex.compile(r"(?i)\b(?:in\s+the|this|that|on\s+\w+|am|gestern|übermorgen)"
                      rf"\s+({'|'.join(_PARTS)})\b")
# a span of hours: "von 9 bis 14 Uhr", "from 8:00 to 18:00", "10-16 Uhr"; a brief with one
# gives opening hours, outside which a post may well say something true ("abends zu")
_SPAN = regex.compile(
    r"(?i)\b\d{1,2}(?::\d{2})?\s*(?:bis|to|until|till|-|–)\s*\d{1,2}(?::\d{2})?\s*(?:uhr|h)\b"
    r"|\b\d{1,2}:\d{2}\s*(?:bis|to|until|till|-|–)\s*\d{1,2}:\d{2}\b")


def clock_hours(text: str, language: str) -> list[int]:
    """The hours of the clock times ``text`` gives (24-hour), as the fact checker reads
    them ("18 Uhr", "19:00", "2 pm"; "8 am Samstag" is German and no time)."""
    return [int(fact.key[:2]) for fact in extract_facts(strip_markup(text), language)
            if fact.kind == "time"]


def _covers(part: str, hour: int) -> bool:
    start, end = _PARTS[part]
    return start <= hour < end if start < end else hour >= start or hour < end


def daypart_problems(text: str, brief: str, language: str) -> list[Problem]:
    """An error for each part of the day in ``text`` that none of ``brief``'s clock times
    falls in (none when the brief gives no clock time, or names that part itself)."""
    hours = clock_hours(brief, language)
    folded = brief.casefold()
    if not hours or _SPAN.search(brief):
        return []
    wrong = [match.group(0) for match in _PART.finditer(strip_markup(text))
             if (part := match.group(1).casefold()) not in folded
             and not any(_covers(part, hour) for hour in hours)]
    if not wrong:
        return []
    said = ", ".join(f"'{word}'" for word in dict.fromkeys(wrong))
    times = ", ".join(f"{hour}:00" for hour in dict.fromkeys(hours))
    return [problem("invented_fact", f"{said} does not fit the brief's time ({times}); say "
                                     "the brief's time instead", Severity.ERROR)]

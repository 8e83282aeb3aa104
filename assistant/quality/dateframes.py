"""The frame a date or a price is said in: on that day, from it on, or until it (pure).

"Am 1. Januar bleibt das Kontor zu" became "Das Kontor bleibt bis zum 1. Januar zu" (a ready
Mastodon draft, bench 2026-12-03): the date kept, its meaning turned into a closure that
starts now, on a day the brief says the shop is open. The fact check compares dates by day
and month, so nothing read it. Here a date is read with the preposition right before it
("am", "ab dem", "bis zum", "on", "from", "until"); a post that says a date a source states
in another frame than every source does states a fact no source gives (``factcheck``
counts it as invented).

A month without a day is read the same way: "Wir suchen eine Barista ... Bis Januar!" (a
ready Instagram draft, bench 2026-12-05) for a job "ab Januar" turns its start into an end.

A price the same way: "unser Hafer-Cappuccino, der ... ab 3,80 € ist" (a ready Instagram
draft, bench 2026-12-05) for "für 3,80 €" makes the price a lowest price. A price with no
"ab" or "bis" before it is the price itself, which a post may say as "ab" only where a
source does.

Lenient on purpose: a date that some source says without a preposition ("31. Dezember:
9-14 Uhr") takes any frame, and "on" the day for "from" the day is the same promise in a
post ("Am 27. Dezember sind wir wieder da" for "ab dem 27. Dezember").
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from assistant.quality.calendar_words import WEEKDAY_NUMBERS
from assistant.quality.facts import fact_spans, month_frames, months_named

# the words right before a date that set its frame, an article and the date's weekday
# allowed between: "Bis zum Samstag, 7. Dezember, kommen wir zum Cupping!" for the brief's
# "am Samstag, 7. Dezember" (an X draft, bench 2026-12-06)
_WEEKDAY = "|".join(WEEKDAY_NUMBERS)
_FRAME_BEFORE = regex.compile(
    r"(?i)\b(?:(?P<start>ab|seit|from|since|starting)|(?P<end>bis|until|till|through)|"
    rf"(?P<point>am|an|on))\s+(?:(?:dem|zum|the)\s+)?(?:(?:{_WEEKDAY}),?\s+(?:den\s+)?)?$")
_REACH = 32  # characters before a date where its preposition may stand
# frame in the post -> the frames of a source it may stand for
_SAME = {"point": {"point", "start"}, "start": {"start"}, "end": {"end"}}


def date_frames(text: str, language: str, kind: str = "date") -> list[tuple[str | None, str, str]]:
    """(frame or None, key, the fact with its preposition as written) for each date (or
    each fact of another ``kind``) of ``text``, in order."""
    found = []
    for fact, (start, _) in fact_spans(text, language):
        if fact.kind != kind:
            continue
        before = _FRAME_BEFORE.search(text, max(0, start - _REACH), start)
        frame = None if before is None else before.lastgroup
        # a sentence's full stop after a month's name is not the date's
        date = fact.shown[:-1] if fact.shown[-2:-1].isalpha() and fact.shown.endswith(".") \
            else fact.shown
        shown = text[before.start():start] + date if before else date
        found.append((frame, fact.key, shown))
    return found


def stated_frames(texts: Iterable[str], language: str) -> dict[str, frozenset[str | None]]:
    """Date key -> every frame the ``texts`` (the sources) say that date in."""
    frames: dict[str, set[str | None]] = {}
    for text in texts:
        for frame, key, _ in date_frames(text, language):
            frames.setdefault(key, set()).add(frame)
    return {key: frozenset(found) for key, found in frames.items()}


def changed_frames(text: str, language: str,
                   stated: dict[str, frozenset[str | None]]) -> list[str]:
    """The post's dates that a source states, said in a frame no source says them in: "bis
    zum 1. Januar" for "am 1. Januar"."""
    return [shown for frame, key, shown in date_frames(text, language)
            if frame is not None and key in stated and None not in stated[key]
            and not _SAME[frame] & stated[key]]


# the word of a month's frame (``facts.month_frames``) that sets it
_MONTH_FRAME_WORD = regex.compile(
    r"(?i)\b(?:(?P<start>ab|seit|from|since|starting)|(?P<end>bis|until|till|through|by|"
    r"before|vor)|(?P<point>im|in))\b")


def _month_frame(frame: str) -> str | None:
    found = _MONTH_FRAME_WORD.search(frame)
    return None if found is None else found.lastgroup


def stated_month_frames(texts: Iterable[str], language: str) -> dict[int, frozenset[str | None]]:
    """Month -> every frame the ``texts`` say it in; None where one names it otherwise (in
    a date, or alone), which lets a post say it in any frame."""
    frames: dict[int, set[str | None]] = {}
    for text in texts:
        framed = month_frames(text)
        for frame, month in framed:
            frames.setdefault(month, set()).add(_month_frame(frame))
        for month in months_named(text, language) - {month for _, month in framed}:
            frames.setdefault(month, set()).add(None)
    return {month: frozenset(found) for month, found in frames.items()}


def changed_month_frames(text: str, stated: dict[int, frozenset[str | None]]) -> list[str]:
    """The post's month frames that turn a source's round: "Bis Januar" for "ab Januar"."""
    return [frame for frame, month in month_frames(text)
            if (kind := _month_frame(frame)) is not None and month in stated
            and None not in stated[month] and not _SAME[kind] & stated[month]]


def stated_price_frames(texts: Iterable[str], language: str) -> dict[str, frozenset[str]]:
    """Price key -> every frame the ``texts`` say it in; a price with no "ab" or "bis"
    before it ("für 3,80 €", "3,80 €") is the price itself: "point"."""
    frames: dict[str, set[str]] = {}
    for text in texts:
        for frame, key, _ in date_frames(text, language, "price"):
            frames.setdefault(key, set()).add(_price_frame(frame))
    return {key: frozenset(found) for key, found in frames.items()}


def changed_price_frames(text: str, language: str, stated: dict[str, frozenset[str]]) -> list[str]:
    """The post's prices that a source states, said in a frame no source says them in: "ab
    3,80 €" (a lowest price) for "für 3,80 €" (a ready Instagram draft, bench 2026-12-05)."""
    return [shown for frame, key, shown in date_frames(text, language, "price")
            if key in stated and not _SAME[_price_frame(frame)] & stated[key]]


def _price_frame(frame: str | None) -> str:
    return "point" if frame is None else frame

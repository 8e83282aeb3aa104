"""Facts a post says twice (pure): a date, time, price or percentage, or a count with its
noun ("8 Plätze"), as ``repeated_fact`` flags them."""

from __future__ import annotations

import regex

from assistant.models import Problem
from assistant.quality.calendar_words import WEEKDAY_NUMBERS, alternation
from assistant.quality.context import problem, shorten
from assistant.quality.facts import (
    COUNT_WORDS,
    WEB_KINDS,
    Span,
    fact_spans,
    is_calendar_word,
    number_words,
)

# facts a post says once: said twice, a small model's post restates itself ("Wie geht es
# dem Röstkurs am 12. Dezember?" over "Der Röstkurs am 12. Dezember, 18 Uhr, ..."; "für
# 3,80 €" in two lines of one Instagram post): 7 of 62 ready drafts of the bench dumps of
# 2026-11-30/12-01, every one weak
_SAID_ONCE = ("date", "time", "price", "percent")


# a count with its noun said twice: "maximal 8 Plätze! ... / 8 Plätze." (a ready Instagram
# post, bench 2026-12-03), "16 Stunden im Kühlschrank ..." in two lines; a number alone
# may come back ("2 Tassen, 2 Minuten"), and one after a name is part of it ("ISO 27001
# certification" in two paragraphs); a count in words is its number ("noch drei Plätze
# frei" over "3 Plätze frei, jetzt anmelden!", an Instagram draft of the browser test).
# A number that one of those facts or a web address holds is no count: "18 Uhr", "10.50
# euros", "20 %" and "6 pm" said twice are one repeated fact, "5 per cent" no count "5 per"
_COUNTED = regex.compile(rf"(?i:(?<![\p{{L}}\d.,:/])(\d+(?:[.,]\d+)?|{COUNT_WORDS}))"
                         r"\s+(\p{L}[\p{L}-]*)")
_NO_COUNT = (*_SAID_ONCE, *WEB_KINDS)
# a weekday with its preposition said twice: "... stellen wir unseren Hafer-Cappuccino vor,
# ab Montag im Café." over the line "Ab Montag im Café für 3,80 €" (a ready Instagram
# draft, bench 2026-12-07). A weekday with another preposition is another fact ("ab Montag
# ..., am Montag geschlossen")
_DAY = regex.compile(r"(?i)\b(?:ab|am|bis|seit|from|on|until|till)\s+(?:"
                     + alternation(WEEKDAY_NUMBERS)
                     + r")\b")


def repeated_facts(text: str, language: str) -> list[str]:
    """The dates, times, prices and percentages ``text`` states more than once, and each
    count with its noun, as first written."""
    counted: dict[tuple[str, str], list[str]] = {}
    taken: list[Span] = []
    for fact, span in fact_spans(text, language):
        if fact.kind in _SAID_ONCE:
            counted.setdefault((fact.kind, fact.key), []).append(fact.shown)
        if fact.kind in _NO_COUNT:
            taken.append(span)
    for found in _COUNTED.finditer(text):
        noun = found.group(2)
        before = text[:found.start()].split()[-1:]
        if _overlaps(found.span(), taken) or is_calendar_word(noun) or \
                (before and before[0].isupper() and before[0].isalpha()):
            continue
        number = found.group(1)
        value = number if number[0].isdigit() else min(number_words(number))
        counted.setdefault(("count", f"{value} {noun.casefold()}"), []).append(found.group(0))
    for found in _DAY.finditer(text):
        phrase = " ".join(found.group(0).split())
        counted.setdefault(("day", phrase.casefold()), []).append(phrase)
    return [shown[0] for shown in counted.values() if len(shown) > 1]


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in spans)


def repeated_fact_problems(found: list[str]) -> list[Problem]:
    if not found:
        return []
    listed = ", ".join(f"'{shorten(f, 30)}'" for f in found[:3])
    stands = "stands" if len(found) == 1 else "each stand"
    return [problem("repeated_fact", f"{listed} {stands} twice in the post; say it once")]

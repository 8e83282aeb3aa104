"""A number with its period: "20 Stunden pro Woche" is not "täglich 20 Stunden" (pure).

The fact check compares numbers by value, so a post that turned the brief's "20 Stunden
pro Woche" into "eine Teilzeitbarista, die täglich 20 Stunden arbeitet" kept its "20" and
was a ready LinkedIn draft (bench, 2026-12-02): a job ad that promises four times the
hours. Here a number is read with the period that stands within a few words of it in the
same clause (pro Woche, die Woche, wöchentlich, täglich, per week, daily ...). A source's
number with a period makes that pair a fact: a post that says the number with another
period states a fact no source gives (``invented_fact``), one that says it with no period
leaves the brief's fact out (``missing_fact``). And how often without a number ("täglich")
in a period no source names at all is made up too (``made_up_periods``).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from assistant.quality.facts import COUNT_WORDS, number_words

_PERIODS = {
    "week": r"pro\s+woche|die\s+woche|in\s+der\s+woche|jede\s+woche|wöchentlich\w*|"
            r"/\s?woche|per\s+week|a\s+week|each\s+week|every\s+week|weekly|/\s?week",
    "day": r"pro\s+tag|am\s+tag|jeden\s+tag|täglich\w*|/\s?tag|per\s+day|a\s+day|each\s+day|"
           r"every\s+day|daily|/\s?day",
    "month": r"pro\s+monat|im\s+monat|jeden\s+monat|monatlich\w*|/\s?monat|per\s+month|"
             r"a\s+month|each\s+month|every\s+month|monthly|/\s?month",
    "year": r"pro\s+jahr|im\s+jahr|jedes\s+jahr|jährlich\w*|per\s+year|a\s+year|each\s+year|"
            r"every\s+year|yearly|annually",
}
_PERIOD = regex.compile("|".join(f"(?P<{key}>(?:(?<!\\p{{L}})|(?=/))(?:{words})\\b)"
                                 for key, words in _PERIODS.items()), regex.IGNORECASE)
# a count: a whole number not inside a date, time, price or decimal ("18:00", "11,90"); no
# count is followed by a dot ("12. Dezember" is a date, "Platz 1." an ordinal)
_COUNT = regex.compile(r"(?<![\d.,:/€$])\b(\d{1,4})\b(?![.,:]|\s?(?:€|%|Uhr\b))")
# how often: "zweimal", "zwei Mal", "2x", "2-mal", "twice", "three times". The kit's "Wir
# rösten zweimal die Woche" became "Wir rösten täglich zwei Mal in Altona" in a ready
# Facebook draft (bench, 2026-12-04), which no number of digits could show
_TIMES = regex.compile(rf"(?i)\b(?:(?P<word>{COUNT_WORDS})(?:\s?-?mal|\s+times)|"
                       r"(?P<digits>\d{1,3})\s?(?:x|-?mal)|(?P<twice>twice))\b")
# a period before its number stands next to it ("täglich 20", "pro Woche bis zu 20"), and
# not across "und": "zweimal die Woche und bieten 20 Stunden" gives the 20 no period
_BETWEEN = regex.compile(r"(?i)^\s*(?!.*\b(?:und|oder|and|or)\b)(?:\S+\s+){0,2}$")
_UNIT = regex.compile(r"\s+\p{L}+")
# a dot ends a clause where a capital or the end follows ("20 Std. pro Woche" goes on)
_CLAUSE_END = regex.compile(r"[!?;:\n]|\.(?=\s+\p{Lu}|\s*$)|,\s")
_WORDS_APART = 3  # words between a number and its period ("20 Stunden die Woche")
_WORD = regex.compile(r"\S+")


@dataclass(frozen=True)
class Rate:
    """A number as a text states it: its value, its period (None: none near it) and the
    words it was read from."""

    value: str
    period: str | None
    shown: str


def rates(text: str) -> list[Rate]:
    """Each count of ``text`` with the period near it in its clause, in order: the first
    one after it, else the last one before it."""
    found = []
    for start, end, value, times in _counts(text):
        left, right = _clause(text, start, end)
        after = _PERIOD.search(text, end, _reach(text, end, right))
        before = [period for period in _PERIOD.finditer(text, left, start)
                  if _BETWEEN.match(text[period.end():start])]
        if after is not None:
            key, shown = _key(after), text[start:after.end()]
        elif before:
            # "täglich 20 Stunden"; a count of times has no unit ("täglich zwei Mal")
            unit = None if times else _UNIT.match(text, end, right)
            key, shown = _key(before[-1]), text[before[-1].start():unit.end() if unit else end]
        else:
            key, shown = None, text[start:end]
        found.append(Rate(value, key, shown))
    return found


def _counts(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, value, a count of times) of each count of ``text``, in order."""
    times = [(match.start(), match.end(),
              match.group("digits") or ("2" if match.group("twice") else
                                        min(number_words(match.group("word")))), True)
             for match in _TIMES.finditer(text)]
    plain = [(match.start(), match.end(), match.group(1), False)
             for match in _COUNT.finditer(text)
             if not any(start <= match.start() < end for start, end, _, _ in times)]
    return sorted(times + plain)


def _key(period: regex.Match[str]) -> str:
    return next(name for name, value in period.groupdict().items() if value)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause around ``text[start:end]``."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right = _CLAUSE_END.search(text, end)
    return left, right.start() if right else len(text)


def _reach(text: str, position: int, limit: int) -> int:
    """Where the period after a number may end: _WORDS_APART words and the period's own
    (at most two) after ``position``, within ``limit``."""
    words = list(_WORD.finditer(text, position, limit))
    return words[_WORDS_APART + 1].end() if len(words) > _WORDS_APART + 2 else limit


# how often as a word of its own, an adverb or an adjective: "Wir rösten täglich in einem
# alten Kontorhaus", "ein tägliches Cupping-Event" (bench drafts, 2026-12-04, for a kit
# that roasts "zweimal die Woche" and a brief of one cupping on one Saturday). After a
# possessive it is the reader's habit, no claim ("dein täglicher Kaffee", "your daily cup")
_FREQUENCY = regex.compile(
    r"(?i)(?<!\b(?:dein|deine|deinen|deinem|deiner|your|ihr|ihre|ihren|euer|eure)\s)"
    r"\b(?:täglich\w*|wöchentlich\w*|monatlich\w*|jährlich\w*|jeden\s+tag|jede\s+woche|"
    r"jeden\s+monat|jedes\s+jahr|daily|weekly|monthly|yearly|annually|every\s+day|"
    r"every\s+week|every\s+month|every\s+year)\b")


def stated_periods(texts: tuple[str, ...]) -> frozenset[str]:
    """The periods the ``texts`` (the sources) name in any form: "week" for "zweimal die
    Woche"."""
    return frozenset(_key(period) for text in texts for period in _PERIOD.finditer(text))


def made_up_periods(text: str, stated: frozenset[str]) -> list[str]:
    """How often the post says something happens, in a period no source names: "täglich"
    where the kit says "zweimal die Woche" and the brief names one day."""
    found = []
    for match in _FREQUENCY.finditer(text):
        period = _PERIOD.match(text, match.start())
        if period is not None and _key(period) not in stated:
            found.append(match.group(0))
    return found


def stated_rates(texts: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """(value, period) of every number the ``texts`` (the sources) state with a period."""
    return frozenset((rate.value, rate.period) for text in texts for rate in rates(text)
                     if rate.period is not None)


def changed_rates(text: str, stated: frozenset[tuple[str, str]]) -> list[str]:
    """The post's numbers said with a period that no source gives them, where a source
    gives that number a period (``stated``): "täglich 20 Stunden" for "20 Stunden pro
    Woche"."""
    timed = {value for value, _ in stated}
    return [rate.shown for rate in rates(text)
            if rate.period is not None and rate.value in timed
            and (rate.value, rate.period) not in stated]


def missing_rates(text: str, brief: str) -> list[str]:
    """The brief's numbers with a period that the post says, but never with that period:
    as the brief shows them ("20 Stunden pro Woche")."""
    said: dict[str, set[str | None]] = {}
    for rate in rates(text):
        said.setdefault(rate.value, set()).add(rate.period)
    return [rate.shown for rate in rates(brief)
            if rate.period is not None and rate.value in said
            and rate.period not in said[rate.value]]

"""A price with what it buys: "29 € pro Bohnen" is not the calendar's "29 €" (pure).

The fact check compares prices by value, so a CLI draft on an advent calendar (2026-12-07,
quiet machine) that turned the brief's "Adventskalender mit 24 Kaffeeproben, 29 €" into
"29 € pro Bohnen" kept its price and passed: a price per bean. Here a price is read with
the unit that follows it ("pro Bohnen", "je Tasse", "per cup", "/ kg", "a month"): the unit
must be a word that the brief, the link or the kit's facts say ("11,90 € pro 250 g" under
"250 g für 11,90 €" says the brief's "g"; the guidelines speak of beans but price none),
else the post states a frame no source gives (``invented_fact``). A piece price ("pro
Stück", "each") frames nothing new.
"""

from __future__ import annotations

import regex

from assistant.quality.facts import fact_spans
from assistant.quality.textnorm import words

# what follows a price and says what it buys: "pro", "je", "per", "a", "/" and the unit,
# an article or a number between ("pro einen Monat", "per 250 g"); German "an" is no frame
# ("29 € an jedem Tag")
_LEADS = {"de": r"pro|je|per", "en": r"per|an?|each"}
_FRAMES = {language: regex.compile(
    rf"(?i)^\s*(?:(?:{leads})\s+|/\s*)(?:(?:ein|eine|einen|einem|one|the)\s+)?"
    r"(?:\d+(?:[.,]\d+)?\s?)?(?P<unit>\p{L}+)") for language, leads in _LEADS.items()}
# a piece price says only that each costs the price
_PIECE = frozenset({"stück", "stk", "piece", "item", "each"})
# a unit this long may be the head of a source's compound
_HEAD_LETTERS = 4


def price_frames(text: str, language: str) -> list[tuple[str, str]]:
    """Each price of ``text`` that a unit follows: the words as written ("29 € pro
    Bohnen") and the unit, case-folded ("bohnen")."""
    frames = _FRAMES.get(language, _FRAMES["en"])
    found = []
    for fact, (start, end) in fact_spans(text, language):
        if fact.kind != "price":
            continue
        frame = frames.match(text[end:])
        if frame is not None:
            found.append((text[start:end + frame.end()].strip(),
                          frame.group("unit").casefold()))
    return found


def invented_frames(text: str, sources: tuple[str, ...], language: str) -> list[str]:
    """The prices of ``text`` (as written, with their unit) framed by a unit that no
    source says."""
    said = {word for source in sources for word in words(source)}
    return [shown for shown, unit in price_frames(text, language)
            if unit not in _PIECE and not _said(unit, said)]


def _said(unit: str, said: set[str]) -> bool:
    """Whether a source says ``unit``, alone or as the head of its compound ("Kalender" in
    "Adventskalender")."""
    return unit in said or (len(unit) >= _HEAD_LETTERS and any(
        word.endswith(unit) for word in said))

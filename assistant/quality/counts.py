"""A number with the noun it counts: "zwei Kaffees" is not the brief's "drei Kaffees" (pure).

The fact check compares numbers by value, and any source that says "zwei" somewhere (the
coffee kit's voice guide: "dazu zwei bis vier aus unserem Pool") let "Wir rösten zwei
Kaffees aus Äthiopien" pass for the brief's "wir verkosten drei Kaffees" (a LinkedIn draft,
bench 2026-12-04). Here a count is read with the word right after it; where a source
counts that noun, a post that counts it with a number no source gives it states a fact no
source does (``invented_fact``). A noun no source counts is left to the number check.
"""

from __future__ import annotations

import regex

from assistant.quality.carryover import stem
from assistant.quality.facts import COUNT_WORDS, fact_spans, number_words

# a whole number or a count word, not inside a date, time, price or decimal, and the word
# after it ("7. Dezember" is a date: no space follows the number)
_COUNTED = regex.compile(
    rf"(?i)(?<![\p{{L}}\d.,:/€$-])(?P<count>\d{{1,4}}|{COUNT_WORDS})(?![\p{{L}}\d.,:])"
    r"\s+(?P<noun>\p{L}[\p{L}-]*)")
# words after a number that are no counted noun ("2 bis 3", "3 und 4", "8 pro Tag")
_NOT_NOUNS = frozenset({
    "und", "oder", "bis", "von", "vom", "zu", "pro", "je", "mal", "x", "für", "ab", "am", "im",
    "an", "in", "um", "uhr", "and", "or", "to", "of", "per", "a", "the", "at", "on", "for",
    "from", "times", "euro", "euros", "eur", "prozent", "percent", "weitere", "neue", "new",
    "more", "mehr", "other", "andere",
})


def counted(text: str) -> list[tuple[str, str, str]]:
    """(value, noun key, as written) of each count of ``text`` with the noun after it."""
    found = []
    for match in _COUNTED.finditer(text):
        noun = match.group("noun")
        if noun.casefold() in _NOT_NOUNS or len(noun) < 3:
            continue
        count = match.group("count")
        value = count if count.isdigit() else min(number_words(count))
        found.append((value, stem(noun), match.group(0)))  # Kaffees/Kaffee
    return found


def stated_counts(texts: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """(value, noun key) of every count the ``texts`` (the sources) state."""
    return frozenset((value, key) for text in texts for value, key, _ in counted(text))


def changed_counts(text: str, stated: frozenset[tuple[str, str]]) -> list[str]:
    """The post's counts of a noun that a source counts, with a number no source gives it:
    "zwei Kaffees" for "drei Kaffees"."""
    nouns = {key for _, key in stated}
    return [shown for value, key, shown in counted(text)
            if key in nouns and (value, key) not in stated]


# the word right after a number, when it is a unit or a counted noun: "5 kg", "94 °C", a
# German noun ("8 Plätze", "20 Stunden"), an English word that is no small word ("8 seats";
# "12,50 the bag" is a price). Not "12,50 das Paket" or "3,80 im Café"
_WORD_AFTER = regex.compile(r"\s*(?P<word>[\p{L}°][\p{L}-]*)")
_UNITS = frozenset({"kg", "g", "mg", "l", "ml", "cl", "km", "m", "cm", "mm", "min", "h", "std",
                    "°", "°c", "°f", "kilo", "gramm", "liter", "grad"})


def _measured(text: str, end: int, language: str) -> bool:
    """Whether the number that ends at ``end`` of ``text`` is said with a unit or a noun."""
    after = _WORD_AFTER.match(text, end)
    if after is None:
        return False
    word = after.group("word")
    if word.casefold() in _UNITS:
        return True
    if language == "de":
        return word[0].isupper()
    return word.casefold() not in _NOT_NOUNS


def priceable_numbers(texts: tuple[str, ...], language: str) -> frozenset[str]:
    """The numbers of ``texts`` that may stand for a price: a price's, and one said with no
    unit or counted noun after it ("Cappuccino für 3,80 im Café", "45,- pro Person"). Not
    "5 kg", "8 Plätze" or a date: "5 kg pro Monat ab 5€!" for the brief's "wir liefern ab
    5 kg pro Monat" (a ready Facebook draft, bench 2026-12-06) states a price no source
    does."""
    found: set[str] = set()
    for text in texts:
        for fact, (_, end) in fact_spans(text, language):
            if fact.kind == "price" or (fact.kind == "number" and
                                        not _measured(text, end, language)):
                found |= fact.numbers
    return frozenset(found)

"""What a course teaches, when the post lists it and no source does (pure).

"In this class, you'll learn how to grind your own beans, measure your coffee correctly,
and even make your own latte art. You'll also learn about the different types of coffee
beans and how to choose the right one for you." (a ready Facebook post, bench 2026-12-07,
for the brief "Barista class in English on Sunday, 15 December, 2 pm, six people max, 49
euros per person."): the brief names the class, its day, its size and its price, not what
it teaches. A syllabus is a promise the brand must keep in the room, and the small model
fills one in from what such classes usually hold (an earlier run wrote one into a German
Röstkurs too). So a sentence that says what the reader learns ("you'll learn", "learn how
to", "du lernst", "zeigen wir dir, wie") and then lists two things or more of which at
least two share no word with the brief or its link is an invented fact. One thing alone
("Learn how to make a perfect espresso") is left to the reader: it says what the class is
about more than what it covers, and the brief's own kind of class implies as much.
"""

from __future__ import annotations

import regex

from assistant.quality.textnorm import sentence_spans, words

# what opens the list of what the reader learns, and the small words before the first item
_CUES = {
    "en": regex.compile(r"(?i)\b(?:learn(?:s|ing)?|teach(?:es)?\s+you|show\s+you|(?:we['’]ll|"
                        r"we\s+will)\s+cover)\b(?:\s+(?:how|all\s+about|about|what))?"
                        r"(?:\s+to)?\s+"),
    "de": regex.compile(r"(?i)\b(?:lernst|lernt|lernen|lerne|erfährst|erfahrt|erfahren|"
                        r"zeigen\s+(?:wir\s+)?(?:dir|euch)|bringen\s+(?:wir\s+)?(?:dir|euch)\s+"
                        r"bei)\b(?:\s+(?:du|ihr))?[,\s]+(?:(?:wie|alles\s+über|mehr\s+über|über"
                        r"|was)\s+)?(?:man\s+)?"),
}
_ITEMS = regex.compile(r"(?i),\s*(?:(?:and|und|or|oder)\s+)?|\s+(?:and|und|sowie|or|oder)\s+")
_MIN_ITEMS = 2  # the things a sentence must list, and that no source may name, to be read
# a word of the item and a word of a source are one when they begin alike: "Röster" is a
# "Röstkurs"'s ("was im Röster passiert, vom ersten Knacken bis zur fertigen Bohne" is
# what such a course shows, a person's post for the bench brief)
_STEM = 4
_LETTERS = regex.compile(r"\p{L}+")
_MIN_WORD = 4  # shorter words say nothing of what is taught ("your", "make", "even")


# a line that announces a list of what an event covers, and the list's lines after it:
# "The webinar will cover the following topics:" over four made-up points on schema drift
# (a ready LinkedIn post, bench 2026-12-08, for a brief that names the webinar's subject,
# day, time and length only)
_LIST_CUES = {
    "en": regex.compile(r"(?i)\b(?:cover(?:s|ing)?|topics?|agenda|learn|discuss(?:es)?|"
                        r"walk\s+(?:you\s+)?through)\b[^\n]*:[ \t]*$"),
    "de": regex.compile(r"(?i)\b(?:Themen|Agenda|Inhalte|lernst|lernt|lernen|erfährst|"
                        r"zeigen|besprechen|behandeln)\b[^\n]*:[ \t]*$"),
}
_BULLET = regex.compile(r"^[ \t]*(?:[-–•*▪]|\d{1,2}[.)])[ \t]+")


def invented_syllabus(text: str, sources: tuple[str, ...], language: str) -> list[str]:
    """The lists of what the reader learns (as written, from the cue on) with at least
    ``_MIN_ITEMS`` things that share no word with ``sources`` (the brief and its link):
    in a sentence, or as the lines under a line that announces them."""
    cue = _CUES.get(language)
    if cue is None:
        return []
    # a link's words too ("/classes/latte-art"): read as letters, not as the text's words
    known = frozenset(word.casefold()[:_STEM] for source in sources
                      for word in _LETTERS.findall(source) if len(word) >= _MIN_WORD)
    found = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        opened = cue.search(sentence)
        if opened is None:
            continue
        items = [item for item in _ITEMS.split(sentence[opened.end():].rstrip(" .!?…"))
                 if len(item.split()) >= 2]
        if len(items) >= _MIN_ITEMS and len(_unknown(items, known)) >= _MIN_ITEMS:
            found.append(sentence[opened.start():].strip())
    return found + _listed(text, known, _LIST_CUES[language])


def _listed(text: str, known: frozenset[str], cue: regex.Pattern[str]) -> list[str]:
    """The lines that announce a list (``cue``) of at least ``_MIN_ITEMS`` bulleted lines
    after them, one of which shares no word with the sources (``known``): a list set out
    as an agenda is a program the brand promises, point by point."""
    lines = text.splitlines()
    found = []
    for index, line in enumerate(lines):
        if cue.search(line) is None:
            continue
        items: list[str] = []
        for after in lines[index + 1:]:
            bullet = _BULLET.match(after)
            if bullet is None:
                if items or after.strip():
                    break
                continue  # an empty line before the list
            items.append(after[bullet.end():])
        if len(items) >= _MIN_ITEMS and _unknown(items, known):
            found.append(line.strip())
    return found


def _unknown(items: list[str], known: frozenset[str]) -> list[str]:
    """The ``items`` that share no word with the sources (``known``: their words' stems)."""
    return [item for item in items if not any(
        word.casefold()[:_STEM] in known for word in words(item) if len(word) >= _MIN_WORD)]

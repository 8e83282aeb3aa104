"""A word of the brief that the model wrote with a space inside it, joined (pure).

"Anmel dung im Laden oder per Mail" in a German Instagram draft (bench, 2026-12-07) for the
brief's "Anmeldung im Laden oder per Mail": the 1.5B model put a space into the brief's
word, and the spell check then flagged "Anmel". Where two words stand side by side with one
space between them, the second written small, their join is a word of the brief, neither
of them is, and one of them is no word of the dictionary, they are joined: the brief's word
is what was meant. "wie der Kaffee" stays under a brief that says "wieder": both are words.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

_WORD = regex.compile(r"\p{L}+")


def joined_brief_words(text: str, brief: str, is_word: Callable[[str], bool]) -> str:
    """``text`` with each pair of words whose join is a word of ``brief`` joined (see the
    module doc); ``is_word`` tells a dictionary word as written."""
    told = {word.casefold() for word in _WORD.findall(brief)}
    found = list(_WORD.finditer(text))
    # from the end, so that the places before a join stay where they were
    for first, second in reversed(list(zip(found, found[1:], strict=False))):
        if text[first.end():second.start()] != " " or not second.group().islower():
            continue
        joined = first.group() + second.group()
        if (joined.casefold() in told and first.group().casefold() not in told
                and second.group().casefold() not in told
                and not (is_word(first.group()) and is_word(second.group()))):
            text = text[:first.end()] + text[second.start():]
    return text

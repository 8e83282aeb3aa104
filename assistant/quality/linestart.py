"""A sentence or line that begins in small letters (pure).

The 1.5B model splits the brief over Instagram's lines ("20 Stunden pro Woche" /
"für unser Café in Altona", "Noten von ... Kakao" / "ab Samstag im Kontor und im Shop")
and, where a grammar cap cut a part, the next part goes on with the rest of the word or
sentence ("... für unser caf" / "en Altona.", "... ziehen, z" / "then filtern."). In 157
texts of the bench dumps of 2026-11-30/12-01, 24 lines began in small letters, 8 of them in
drafts that were ready; none was right.

Tidy writes the first letter large where the line is a whole list line: its first word is
one the post language's dictionary knows as written, and not a word that goes on from the
line before ("und", "dann", "to", "if", ...). What is left is ``lowercase_start``: a line
that goes on after a comma, a colon or a dash is a sentence wrapped by hand and is fine;
a web or e-mail address, a handle, a hashtag and a word the brand writes small ("dbt")
begin a line as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import regex

from assistant.hashtags import HASHTAG_RE
from assistant.models import Problem
from assistant.quality.context import problem, shorten
from assistant.quality.textnorm import (
    CONTINUATIONS,
    EMAIL_RE,
    HANDLE_RE,
    URL_RE,
    sentence_spans,
)

# a sentence's first word, after marks, emoji and spaces
_FIRST = regex.compile(r"[^\p{L}\p{N}#@]*([\p{L}\p{N}#@][^\s]*)")
_WORD = regex.compile(r"\p{L}[\p{L}'’-]*")
# a line after one of these goes on with the sentence of the line before
_WRAPS = frozenset(",;:–—-(/&+")


def small_starts(text: str) -> Iterator[tuple[int, str]]:
    """(where, word) of each sentence of ``text`` that begins with a word in small letters
    and does not go on from a line wrapped by hand."""
    for start, end in sentence_spans(text):
        found = _FIRST.match(text, start, end)
        if found is None:
            continue
        token = found.group(1)
        if _addressed(token) or not token[:1].islower() or _wrapped(text, start):
            continue
        word = _WORD.match(token)
        if word is not None and not any(letter.isupper() for letter in word.group()):
            yield found.start(1), word.group()


def _addressed(token: str) -> bool:
    return any(pattern.match(token) for pattern in (URL_RE, EMAIL_RE, HANDLE_RE, HASHTAG_RE))


def _wrapped(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return bool(before) and before[-1] in _WRAPS


def capitalised(text: str, known: Callable[[str], bool]) -> str:
    """``text`` with each small first word of a line written large where ``known`` (the
    post language's dictionary) knows it as written and it does not go on from the line
    before; the rest is left to ``lowercase_start``."""
    for where, word in reversed(list(small_starts(text))):
        if word.casefold() in CONTINUATIONS or not known(word):
            continue
        text = text[:where] + word[:1].upper() + text[where + 1:]
    return text


def lowercase_start_problems(text: str, allowed: Callable[[str], bool]) -> list[Problem]:
    """One warning naming the lines that begin in small letters (not the words
    ``allowed`` says the brand writes small)."""
    starts = [(where, word) for where, word in small_starts(text) if not allowed(word)]
    if not starts:
        return []
    shown = ", ".join(f"'{shorten(_line_at(text, where), 30)}'" for where, _ in starts[:3])
    begins = "begins" if len(starts) == 1 else "each begin"
    return [problem("lowercase_start",
                    f"{shown} {begins} in small letters, as if the line before were cut "
                    "off; begin it with a capital or join it to the line before")]


def without_name_labels(text: str, names: Iterable[str]) -> str:
    """``text`` without the brand's name as a label before a line ("Möwenbohne
    Kaffeekontor: Frohe Weihnachten!" -> "Frohe Weihnachten!"): the post stands under the
    brand's name on its own channel. The 1.5B model put it before Instagram's hook and
    Facebook's question in 4 of 24 German drafts of a bench run (2026-12-02), "Möwenbohne
    Kaffeekontor: Wie geht es dem Röstkurs am 12. Dezember?". The name as a word of its
    sentence stays ("Möwenbohne Kaffeekontor sucht eine Barista"), and so does a label
    with fewer than two words after it on its line. The line's first letter is written
    large."""
    labels = "|".join(regex.escape(name.strip()) for name in names if name.strip())
    if not labels:
        return text
    pattern = regex.compile(rf"(?m)^([ \t]*)(?:{labels})[ \t]*:[ \t]+(?=\S+[ \t]+\S)(\S)")
    text = pattern.sub(lambda found: found.group(1) + found.group(2).upper(), text)
    # the name as a line of its own, among other lines ("Möwenbohne Kaffeerösterei GmbH"
    # between the lines of a ready Instagram tip, bench 2026-12-02), a signature the
    # channel's own name already gives
    alone = regex.compile(rf"(?mi)^[ \t]*(?:{labels})[ \t]*[.!]?[ \t]*\n(?=.*\S)|"
                          rf"(?<=\S[\s\S]*\n)[ \t]*(?:{labels})[ \t]*[.!]?[ \t]*$")
    stripped, lines = alone.subn("", text)
    return stripped.rstrip("\n") if lines else text


def _line_at(text: str, where: int) -> str:
    end = text.find("\n", where)
    return text[where:] if end < 0 else text[where:end]

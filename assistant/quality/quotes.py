"""A quote mark that pairs with none (pure).

"Turn them on' setting, you can receive notifications for any changes ..." stood in a
ready LinkedIn draft of the bench (2026-12-06): what is left of a sentence the model broke
off ("Turn them on under the 'Alerts' setting"). A single quote at a word's edge opens a
quotation (no letter before it) or closes one (a letter before, none after); one that
closes with none open, or opens with none closed in its paragraph, is such a remnant. An
apostrophe inside a word ("Let's", "geht's") is no quote, nor one after a word in -s, a
plural's or a name's genitive ("users' data", "Hans' Mühle"), nor the short "'n'".
"""

from __future__ import annotations

import regex

from assistant.quality.textnorm import strip_markup

_OPENING = regex.compile(r"(?<![\p{L}\p{N}])['‘](?=\p{L})")
_CLOSING = regex.compile(r"(?<=\p{L})['’](?![\p{L}\p{N}])")
_GENITIVE = regex.compile(r"(?i)(?<=s|x|z)['’]$")
_SHORT_AND = regex.compile(r"(?<![\p{L}])['‘]n['’](?![\p{L}])")
# the words around a stray mark, for the message
_WORDS_BEFORE = regex.compile(r"(?:\S+\s+){0,3}\S*$")
_WORDS_AFTER = regex.compile(r"\S*(?:\s+\S+){0,3}")


def stray_quote(text: str) -> str | None:
    """The words around the first single quote of ``text`` that pairs with none in its
    paragraph, or None."""
    for paragraph in strip_markup(text).split("\n\n"):
        plain = _SHORT_AND.sub(" ", paragraph)
        marks = sorted([(found.start(), "open") for found in _OPENING.finditer(plain)]
                       + [(found.start(), "genitive" if _GENITIVE.search(plain[:found.end()])
                           else "close") for found in _CLOSING.finditer(plain)])
        stray = _unpaired(marks)
        if stray is not None:
            before = _WORDS_BEFORE.search(plain[:stray])
            after = _WORDS_AFTER.match(plain, stray)
            return " ".join(f"{before.group() if before else ''}"
                            f"{after.group() if after else ''}".split())
    return None


def _unpaired(marks: list[tuple[int, str]]) -> int | None:
    """Where the first mark stands that no other pairs with: a closing one with none open
    before it (after -s it is a genitive then), else the first opening one left open."""
    opened: list[int] = []
    for where, kind in marks:
        if kind == "open":
            opened.append(where)
        elif opened:
            opened.pop()
        elif kind == "close":
            return where
    return opened[0] if opened else None

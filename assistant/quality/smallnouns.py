"""A German noun written small, written large (pure).

"Werbung | Kaffee mit handmühle Hansen H2: Jetzt bei uns im Shop!" was an Instagram draft
of the bench (2026-12-06) that the spelling check rightly sent to "needs a look", naming
the one fix ("handmühle" (Handmühle?)), and so was "Bis Januar bewerbung per Mail" for
the brief's "Bewerbung per Mail". A person mends that without thinking, and so does tidy:
a word in small letters that the dictionary does not know as written and that the brief
writes with a capital is the brief's noun written small. Only the brief's words: the
dictionary alone would also make "Mahl" of the imperative in "mahl feiner" (a kit
example) and "Paper" of an English word. A word the dictionary knows in small letters
stays ("neuer" for the brief's "Neuer Filterkaffee"), and so does anything in a web
address, an e-mail address, a handle or a hashtag.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from assistant.hashtags import HASHTAG_RE
from assistant.quality.textnorm import DOMAIN_RE, EMAIL_RE, HANDLE_RE, URL_RE

_SMALL_WORD = regex.compile(r"(?<![\p{L}\p{N}_'’-])\p{Ll}\p{L}*(?:-\p{L}+)*(?![\p{L}\p{N}_'’-])")
_WORD = regex.compile(r"\p{Lu}\p{L}*(?:-\p{L}+)*")
_MARKUP = (URL_RE, EMAIL_RE, HANDLE_RE, DOMAIN_RE, HASHTAG_RE)


def nouns_written_large(text: str, known: Callable[[str], bool], brief: str) -> str:
    """``text`` with each small word that ``known`` (the German dictionary) rejects as
    written and that ``brief`` writes with a capital, written large."""
    brief_words = frozenset(found.group() for found in _WORD.finditer(brief))
    covered = [found.span() for pattern in _MARKUP for found in pattern.finditer(text)]

    def mended(found: regex.Match[str]) -> str:
        word = found.group()
        large = word[0].upper() + word[1:]
        if any(start <= found.start() < end for start, end in covered) or known(word):
            return word
        return large if large in brief_words else word

    return _SMALL_WORD.sub(mended, text)

"""One sentence of a post in another language than asked for (pure): "Don't forget to share
your results with us!" closed a ready German Threads draft, and the coffee kit's German
call to action stood under English posts (bench dumps, 2026-11-30/12-01). A person reads
it (a slogan may be meant), the repair rewrites it: a warning. The whole post in another
language is the brand rule's error (``rules.language_problems``), which this leaves to it.
"""

from __future__ import annotations

import regex

from assistant.models import Problem
from assistant.quality.context import problem, shorten
from assistant.quality.dictionary import dictionaries
from assistant.quality.textnorm import sentence_spans
from assistant.rules import LANGUAGE_NAMES, guess_language

# a sentence too short for its stop words to tell (``guess_language``) reads as the other
# language when this many of its words, and this share, only the other's dictionary knows:
# "Hey there, fellow coffee enthusiasts!" opened a ready German Threads tip (bench,
# 2026-12-07); of 232 German texts of the bench dumps it was the only sentence so read
FOREIGN_WORDS = 3
FOREIGN_SHARE = 0.6
_WORD = regex.compile(r"\p{L}{2,}(?:['’]\p{L}+)?")
_OTHER = {"de": "en", "en": "de"}


def sentence_language_problems(text: str, language: str) -> list[Problem]:
    """The first sentence of ``text`` that reads as another language than ``language``."""
    whole = guess_language(text)
    if whole is not None and whole != language:
        return []  # the whole post: rules.language_problems
    for start, end in sentence_spans(text):
        other = guess_language(text[start:end]) or _by_words(text[start:end], language)
        if other is not None and other != language:
            quoted = shorten(text[start:end], 40)
            return [problem("wrong_language", f"'{quoted}' reads as "
                            f"{LANGUAGE_NAMES.get(other, other)}; write it in "
                            f"{LANGUAGE_NAMES.get(language, language)}")]
    return []


def _by_words(sentence: str, language: str) -> str | None:
    """The other language, when most of ``sentence``'s words are in its dictionary and not
    in ``language``'s main one (in any case: "Kaffee", "kaffee"); else None."""
    other = _OTHER.get(language)
    if other is None:
        return None
    own, theirs = dictionaries(language), dictionaries(other)
    if own is None or theirs is None:
        return None
    said = _WORD.findall(sentence)
    # the main dictionary alone: a German post's further ones are English (loanwords)
    foreign = [word for word in said
               if theirs[0].spell(word) and not any(
                   own[0].spell(form) for form in {word, word.lower(), word.capitalize()})]
    enough = len(foreign) >= FOREIGN_WORDS and len(foreign) >= FOREIGN_SHARE * len(said)
    return other if enough else None

"""Persons and other proper names in a post (pure over the word lists it is given).

German capitalises every noun, so capital letters alone say little. A word counts as a
person when it is a known first name that no dictionary knows as a common word
(igerman98 stores first names without compound flags: ``Hanne/S``, and nouns with them:
``Ecke/NMm``). Any other capitalised word counts as a name only when no dictionary
knows it and Hunspell has no close suggestion for it (then it is a misspelling, which the
spelling check reports). Words after an article ("der Jasmin") are not names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

import regex

from assistant.quality.facts import is_calendar_word
from assistant.quality.spelling import Lexicon, is_known
from assistant.quality.textnorm import strip_markup

_CAPITALISED = regex.compile(r"(?<![\p{L}\p{N}'’\-])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*)"
                             r"(?![\p{L}\p{N}])")
_ARTICLE = regex.compile(r"(?i)\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|"
                         r"the|a|an)\s+$")
CLOSE = 0.8


@dataclass(frozen=True)
class NameLists:
    given: frozenset[str]
    german_plain: frozenset[str]


@dataclass(frozen=True)
class Name:
    word: str
    person: bool


def is_person(word: str, lex: Lexicon, lists: NameLists, language: str) -> bool:
    if word not in lists.given or is_calendar_word(word):
        return False
    lower = word.lower()
    if lex.main.spell(lower) or any(other.spell(lower) for other in lex.others):
        return False  # "Mark", "Rose", "Will" are words before they are names
    if language == "de" and lex.main.spell(word):
        return word in lists.german_plain
    return True


def _misspelt(word: str, suggest: Callable[[str], tuple[str, ...]]) -> bool:
    return any(SequenceMatcher(None, word.casefold(), s.casefold()).ratio() >= CLOSE
               for s in suggest(word))


def find_names(text: str, lex: Lexicon, lists: NameLists, language: str,
               suggest: Callable[[str], tuple[str, ...]]) -> list[Name]:
    """Persons and unknown proper names in ``text``, each once, in order."""
    clean = strip_markup(text)
    found: dict[str, Name] = {}
    for match in _CAPITALISED.finditer(clean):
        word = match.group(1)
        if word in found or _ARTICLE.search(clean[:match.start()]):
            continue
        if is_person(word, lex, lists, language):
            found[word] = Name(word, person=True)
        elif not is_known(word, lex) and not _misspelt(word, suggest):
            found[word] = Name(word, person=False)
    return list(found.values())

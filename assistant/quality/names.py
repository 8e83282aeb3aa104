"""Persons and other proper names in a post (pure over the word lists it is given).

German capitalises every noun, so capital letters alone say little. A word counts as a
person when it is a known first name that no dictionary knows as a common word
(igerman98 stores first names without compound flags: ``Hanne/S``, and nouns with them:
``Ecke/NMm``). Any other capitalised word counts as a name only when no dictionary
knows it and no known word is one typo away (then it is a misspelling, which the spelling
check reports; so is any word longer than names get). Words after an article ("der
Jasmin") are not names.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from assistant.quality.facts import is_calendar_word
from assistant.quality.spelling import MAX_NEAR, Lexicon, is_known, near_words
from assistant.quality.textnorm import strip_markup

_CAPITALISED = regex.compile(r"(?<![\p{L}\p{N}'’\-])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*)"
                             r"(?![\p{L}\p{N}])")
_ARTICLE = regex.compile(r"(?i)\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|"
                         r"the|a|an)\s+$")


@dataclass(frozen=True)
class NameLists:
    given: frozenset[str]
    german_plain: frozenset[str]
    # the kit's own vocabulary (word list, hashtags), case-folded: "Santos" listed there is
    # the brand's coffee, not a person
    brand: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Name:
    word: str
    person: bool


def is_person(word: str, lex: Lexicon, lists: NameLists, language: str) -> bool:
    if word not in lists.given or is_calendar_word(word) or word.casefold() in lists.brand:
        return False
    lower = word.lower()
    if lex.main.spell(lower) or any(other.spell(lower) for other in lex.others):
        return False  # "Mark", "Rose", "Will" are words before they are names
    if language == "de" and lex.main.spell(word):
        return word in lists.german_plain
    return True


def find_names(text: str, lex: Lexicon, lists: NameLists, language: str) -> list[Name]:
    """Persons and unknown proper names in ``text``, each once, in order."""
    clean = strip_markup(text)
    found: dict[str, Name] = {}
    for match in _CAPITALISED.finditer(clean):
        word = match.group(1)
        if word in found or _ARTICLE.search(clean[:match.start()]):
            continue
        if is_person(word, lex, lists, language):
            found[word] = Name(word, person=True)
        # a word of the sources is no invented name, even where spelling reads it as foreign
        elif (len(word) <= MAX_NEAR and not is_known(word, lex)
              and word.casefold() not in lex.own
              and not near_words(word, lex, language)):
            found[word] = Name(word, person=False)
    return list(found.values())

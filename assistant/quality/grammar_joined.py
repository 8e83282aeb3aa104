"""Rule 1f of the German grammar check: a bare adjective in -er before a feminine noun,
joined by "und" to a phrase that no preposition gives the dative (pure).

"Marzipan und dunkler Schokolade sind nur bis Ende Dezember" (a ready Threads draft, bench
2026-12-02) took the brief's "mit Noten von Marzipan und dunkler Schokolade" out of its
"von": the phrase is a subject now, and its adjective ends in -e. Split from
grammar_dative (2026-12-05), which had grown past 400 lines.
"""

from __future__ import annotations

from assistant.quality.grammar_dative import DATIVE_PREPOSITIONS, GOVERNED
from assistant.quality.grammar_phrase import Finding, is_noun, phrase_of
from assistant.quality.grammar_words import GrammarLexicon, Token, adjective_ending, noun_bits
from assistant.quality.nounforms import readings

_FEMININE_SINGULAR = readings("f.nom,gen,dat,acc")
_CONJUNCTIONS = frozenset({"und", "oder", "sowie"})
# what may give a dative or genitive to a phrase joined by "und" ("von Marzipan und dunkler
# Schokolade"): the dative and two-way prepositions, and the common genitive ones
_OBLIQUE = frozenset({*DATIVE_PREPOSITIONS,
                      *(word for word, cases in GOVERNED.items() if "dat" in cases),
                      "wegen", "trotz", "während", "statt", "dank", "voller"})
_LIST_WORDS = 8  # how far back the first phrase of a list may begin


def joined_feminine_case(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 1f: "Sie enthält Marzipan und dunkler Schokolade" -> "dunkle". A bare adjective
    in -er before a feminine singular noun is a dative or a genitive; joined by "und" to a
    phrase that no preposition gives that case, it is a subject or an object, and ends in
    -e. The brief's "mit Noten von Marzipan und dunkler Schokolade" was taken out of its
    "von" into "Marzipan und dunkler Schokolade sind nur bis Ende Dezember" (a ready
    Threads draft, bench 2026-12-02). A noun right before the first phrase's bare
    adjective makes it a genitive ("der Duft frischer Vanille und dunkler Schokolade")."""
    found = []
    for index, token in enumerate(words[2:-1], start=2):
        noun = words[index + 1]
        if (words[index - 1].lower not in _CONJUNCTIONS or not token.text.islower()
                or adjective_ending(token.lower, lex.is_word) != "er"
                or not is_noun(words, index + 1) or not token.spaced):
            continue
        bits = noun_bits(noun.text, lex)
        if (not bits or bits & ~_FEMININE_SINGULAR
                or not _without_oblique_case(words, index - 2, lex)):
            continue
        phrase = phrase_of(plain, token, noun)
        fix = f"{token.text[:-2]}e {noun.text}"
        found.append(Finding(phrase, f"'{phrase}': joined by '{words[index - 1].text}' to a "
                                     f"phrase that no preposition puts in the dative, the "
                                     f"adjective ends in -e: '{fix}'", fix))
    return found


def _without_oblique_case(words: list[Token], last: int, lex: GrammarLexicon) -> bool:
    """Whether the phrase that ends at ``words[last]`` (a list's first phrase: nouns,
    adjectives, numbers, joined by commas and "und") begins after a word that gives it no
    dative or genitive: a verb, or the sentence's start."""
    for position in range(last, max(-1, last - _LIST_WORDS), -1):
        token = words[position]
        if token.lower in _OBLIQUE:
            return False
        adjective = token.text.islower() and adjective_ending(token.lower, lex.is_word)
        if not (token.capitalised or token.number or adjective
                or token.lower in _CONJUNCTIONS):
            return token.lower not in GOVERNED  # a verb: yes; "für": the accusative
        if adjective == "er" and position and words[position - 1].capitalised \
                and not words[position - 1].sentence_start:
            return False  # "der Duft frischer Vanille": a genitive
        if token.sentence_start:
            return True
    return False

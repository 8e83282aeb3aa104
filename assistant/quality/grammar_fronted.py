"""Rule 5b of the German grammar check: a masculine object put first in the nominative
(pure).

"Der Link zum Cupping findest du in deinem Bio" (a ready LinkedIn draft, bench 2026-12-06):
with "du" right after the verb, "du" is the subject, so the phrase put first is the
object: "Den Link ... findest du". Read only where a sentence opens with "Der", up to two
adjectives and a masculine noun that has no feminine or plural reading ("Der Kundin hast
du geholfen" is a dative and stays), then at most four words of a phrase after it
(prepositions, articles, adjectives, nouns), then a verb and ich, du or wir. A
copula makes the phrase a predicate ("Der Gewinner bist du!") and is left alone.
"""

from __future__ import annotations

from assistant.quality.grammar_phrase import Finding, phrase_of
from assistant.quality.grammar_words import (
    DETERMINERS,
    FUSED_ARTICLES,
    PREPOSITIONS,
    GrammarLexicon,
    Token,
    adjective_ending,
    noun_bits,
)
from assistant.quality.nounforms import readings

_MASCULINE_NOMINATIVE = readings("m.nom")
_OTHER_READINGS = readings("f.nom,gen,dat,acc pl.nom,gen,dat,acc")
_PERSONS = frozenset({"ich", "du", "wir"})  # "ihr" may be a dative: "Der Röster hilft ihr"
_COPULAS = frozenset({"bin", "bist", "sind", "seid", "werde", "wirst", "werden", "werdet",
                      "bleibe", "bleibst", "bleiben", "bleibt", "heiße", "heißt", "heißen"})
_MAX_ADJECTIVES = 2
_MAX_PHRASE = 4


def fronted_nominatives(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 5b (see the module doc): "Der Link findest du" -> "Den Link findest du"."""
    found = []
    for index, article in enumerate(words):
        if article.text != "Der" or not article.sentence_start:
            continue
        noun_at = _noun_after(words, index + 1, lex)
        if noun_at is None:
            continue
        bits = noun_bits(words[noun_at].text, lex)
        if not bits & _MASCULINE_NOMINATIVE or bits & _OTHER_READINGS:
            continue
        verb_at = _after_phrase(words, noun_at + 1, lex)
        if verb_at is None or verb_at + 1 >= len(words):
            continue
        verb, person = words[verb_at], words[verb_at + 1]
        if not verb.text.islower() or verb.lower in _COPULAS or person.lower not in _PERSONS \
                or person.after_comma or person.sentence_start:
            continue
        phrase = phrase_of(plain, article, person)
        plain_noun = noun_at == index + 1
        fix = "Den" + phrase[len("Der"):] if plain_noun else None
        found.append(Finding(phrase, f"'{phrase}': '{person.lower}' is the subject, so the "
                                     f"phrase put first is the object: 'Den "
                                     f"{'…' if not plain_noun else words[noun_at].text}'",
                             fix))
    return found


def _noun_after(words: list[Token], start: int, lex: GrammarLexicon) -> int | None:
    """The index of the noun after up to two adjectives from ``start``, or None."""
    for at in range(start, min(start + _MAX_ADJECTIVES + 1, len(words))):
        token = words[at]
        if token.sentence_start or token.after_comma:
            return None
        if token.capitalised:
            return at
        if adjective_ending(token.lower, lex.is_word) is None:
            return None
    return None


def _after_phrase(words: list[Token], start: int, lex: GrammarLexicon) -> int | None:
    """The index of the first word from ``start`` that is no part of a phrase after the
    noun (prepositions, articles, adjectives, nouns; four at the most), or None."""
    for at in range(start, min(start + _MAX_PHRASE + 1, len(words))):
        token = words[at]
        if token.sentence_start or token.after_comma:
            return None
        lower = token.lower
        if not (lower in PREPOSITIONS or lower in FUSED_ARTICLES or lower in DETERMINERS
                or (token.capitalised and not token.sentence_start)
                or adjective_ending(lower, lex.is_word)):
            return at
    return None

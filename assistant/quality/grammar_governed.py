"""Rule 1e of the German grammar check: a bare adjective after a preposition whose ending
fits no case the preposition sets (pure).

"Wartest du auf neuer Kaffeefilter aus Kolumbien?" (a ready Facebook question of the
embedded model, bench 2026-12-04): without an article an adjective takes the strong
ending of its noun's genus (or the plural) in the case the preposition sets: "auf" sets
the dative (-em for "Filter", which is masculine or neuter, -en in the plural) or the
accusative (-en, -es, -e); "-er" fits none of them. Read where the noun is known and every
word between is an adjective with an ending or an intensifier; "auf frischer Milch" is a
feminine dative and stays. Rule 1d reads the dative-only prepositions (``grammar_dative``);
here the accusative ones (für, ohne, ...) and the two-way ones (auf, in, ...). Where one
ending fits, it is the correction; where several do, the repair chooses.

Rule 1g: a personal pronoun whose case the preposition before it does not set: "auch für
dir verfügbar" (a ready Facebook draft of the embedded model, bench 2026-12-05) ->
"für dich", "mit dich" -> "mit dir". Only prepositions of one case; not "um", whose
"um mir einen Kaffee zu holen" is an infinitive's object.
"""

from __future__ import annotations

from assistant.quality.grammar_dative import CASE_NAMES, GOVERNED, bare_phrases, governs
from assistant.quality.grammar_phrase import INTENSIFIERS, Finding, phrase_of
from assistant.quality.grammar_words import GrammarLexicon, Token, adjective_ending, noun_bits
from assistant.quality.nounforms import readings

# the strong ending of an adjective with no article, by genus (or plural) and case
_STRONG = {("m", "dat"): "em", ("m", "acc"): "en", ("n", "dat"): "em", ("n", "acc"): "es",
           ("f", "dat"): "er", ("f", "acc"): "e", ("pl", "dat"): "en", ("pl", "acc"): "e"}
_SET_CASES = frozenset(preposition for preposition, cases in GOVERNED.items()
                       if "acc" in cases)


def governed_bare_adjectives(plain: str, words: list[Token],
                             lex: GrammarLexicon) -> list[Finding]:
    """Rule 1e (see the module doc): "auf neuer Kaffeefilter" -> "neuen" or "neuem"."""
    found = []
    for token, noun, adjectives, lead in bare_phrases(plain, words, _SET_CASES):
        bits = noun_bits(noun.text, lex)
        if not bits:
            continue
        endings = [adjective_ending(word.lower, lex.is_word) for word in adjectives]
        if any(ending is None and word.lower not in INTENSIFIERS
               for word, ending in zip(adjectives, endings, strict=True)):
            continue
        fitting = list(dict.fromkeys(ending for (genus, case), ending in _STRONG.items()
                                     if case in GOVERNED[token.lower]
                                     and bits & readings(f"{genus}.{case}")))
        wrong = [ending for ending in endings if ending is not None and ending not in fitting]
        if not wrong:
            continue
        phrase = phrase_of(plain, token, noun)
        fix = " ".join([lead, *(_with_ending(word, ending, fitting[0])
                                for word, ending in zip(adjectives, endings, strict=True)),
                        noun.text]) if len(fitting) == 1 else None
        shown = " or ".join(f"-{ending}" for ending in fitting)
        found.append(Finding(phrase, f"'{phrase}': after '{token.lower}' an adjective before "
                                     f"'{noun.text}' ends in {shown}"
                                     + (f": '{fix}'" if fix else ""), fix))
    return found


def _with_ending(word: Token, ending: str | None, wanted: str) -> str:
    return word.text if ending is None else word.text[:-len(ending)] + wanted


# rule 1g: a pronoun's one form in the case the preposition sets
_IN_CASE = {"acc": {"mir": "mich", "dir": "dich", "ihm": "ihn"},
            "dat": {"mich": "mir", "dich": "dir", "ihn": "ihm"}}
# the prepositions of one case, but "um" ("um mir einen Kaffee zu holen")
_ONE_CASE = frozenset(word for word, cases in GOVERNED.items() if len(cases) == 1) - {"um"}


def governed_pronouns(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 1g (see the module doc): "für dir" -> "für dich", "mit dich" -> "mit dir"."""
    del lex  # the pronouns are a closed list
    found = []
    for index, token in enumerate(words[:-1]):
        pronoun = words[index + 1]
        if not pronoun.spaced or not governs(words, index, _ONE_CASE):
            continue
        [case] = GOVERNED[token.lower]
        wanted = _IN_CASE[case].get(pronoun.lower)
        if wanted is None:
            continue
        if pronoun.text[:1].isupper():
            wanted = wanted.capitalize()
        phrase = phrase_of(plain, token, pronoun)
        fix = f"{token.text} {wanted}"
        found.append(Finding(phrase, f"'{phrase}': '{token.lower}' takes the "
                                     f"{CASE_NAMES[case]}: '{fix}'", fix))
    return found

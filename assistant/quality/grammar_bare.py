"""Rules 4b and 4c of the German grammar check: an opening adjective with no ending, and a
bare adjective whose ending fits no case of its noun (pure).

Rule 4b: "Schön Weihnachten" -> "Schöne Weihnachten" (``uninflected_adjectives``).

Rule 4c (``bare_list_adjectives``):
"Neuer Filterkaffee aus Kolumbien, roten Johannisbeere und Kakao" (a ready Facebook draft
of the embedded model, bench 2026-12-05) lists the brief's "Noten von roter Johannisbeere"
with the ending of another phrase. An adjective with no article before it takes the strong
ending, and the strong endings of a noun's genus are few whatever its case: a feminine
noun in the singular takes "-e" or "-er", never "-en", "-es" or "-em"; a masculine one
never "-e" or "-es"; a neuter one never "-e" or "-er". So where the adjective is surely
bare, its ending can be judged without knowing the case.

Surely bare: the adjective is written small and stands right after a preposition ("von
roten Johannisbeere", "ab nächsten Woche"; not "zu", which may be the adverb: "mit einer
zu großen Tasse"), or it opens a list's next item after a noun and a comma or
"und"/"oder"/"sowie" ("Kakao und roten Johannisbeere"), or it follows a comparison's "als"
or "wie" ("mehr als andere Kaffeekonzern"). After an adjective
("der frischen, roten Johannisbeere") the article further back may govern it, so that is
left. A noun that may be plural is judged with its plural readings too ("Kaffee und frische
Kuchen" is right). No mend: without the case, two endings fit.
"""

from __future__ import annotations

from assistant.quality.facts import number_words
from assistant.quality.grammar_phrase import Finding, is_noun, phrase_of
from assistant.quality.grammar_words import (
    DEMONSTRATIVES,
    DETERMINERS,
    EIN_STEMS,
    FUSED_ARTICLES,
    PREPOSITIONS,
    GrammarLexicon,
    Token,
    adjective_ending,
    is_adjective_stem,
    noun_bits,
)
from assistant.quality.nounforms import ALL_SINGULAR, genera_of, genus_words, readings

# the strong (bare) endings and every reading each one can have
_STRONG = {"e": readings("f.nom,acc pl.nom,acc"),
           "er": readings("m.nom f.gen,dat pl.gen"),
           "es": readings("n.nom,acc"),
           "en": readings("m.gen,acc n.gen pl.dat"),
           "em": readings("mn.dat")}
# the strong endings a genus takes in some case, for the message
_GENUS_ENDINGS = {"m": ("er", "en", "em"), "f": ("e", "er"), "n": ("es", "en", "em")}
_LIST_JOINS = frozenset({"und", "oder", "sowie"})
# the strong ending of each genus in the nominative
STRONG_NOMINATIVE = {"m": "er", "f": "e", "n": "es"}
_EIN_LOWER = frozenset(stem.lower() for stem in EIN_STEMS)
# words that decline like adjectives but govern: "jeder Datei und jedes Symlinks"
_QUANTIFIER_STEMS = ("all", "beid", "einig", "etlich", "manch", "mehrer", "sämtlich",
                     "solch", "viel", "wenig", "welch")
# "zu" may be the adverb ("mit einer zu großen Tasse"), "um" opens an infinitive ("um
# zeitweise Ausrichten ... zu deaktivieren")
_NOT_GOVERNING = frozenset({"zu", "um"})
_COMPARISONS = frozenset({"als", "wie"})


def bare_list_adjectives(plain: str, words: list[Token],
                         lex: GrammarLexicon) -> list[Finding]:
    """Rule 4c (see the module doc): "Kolumbien, roten Johannisbeere" -> "rote" or
    "roter"."""
    found = []
    for index in range(1, len(words) - 1):
        token, noun = words[index], words[index + 1]
        ending = _bare_ending(words, index, lex)
        if ending is None or not is_noun(words, index + 1) or lex.is_name(noun.text):
            continue
        bits = noun_bits(noun.text, lex)
        if not bits or bits & _STRONG[ending]:
            continue
        stem = token.text[: -len(ending)]
        fixes = [f"'{stem}{end}'" for genus in genera_of(bits)
                 for end in _GENUS_ENDINGS[genus] if end != ending]
        phrase = phrase_of(plain, token, noun)
        found.append(Finding(phrase, f"'{phrase}': '{noun.text}' is {genus_words(bits)} and "
                                     "has no article here, so "
                                     + " or ".join(dict.fromkeys(fixes))))
    return found


def _bare_ending(words: list[Token], index: int, lex: GrammarLexicon) -> str | None:
    """The strong ending of the adjective at ``index`` when nothing before it can govern
    it (see the module doc), else None."""
    token, before = words[index], words[index - 1]
    lower = token.lower
    if not token.text.islower() or not (token.spaced or token.after_comma) \
            or token.sentence_start or lower in DETERMINERS or lower in DEMONSTRATIVES \
            or lower in _EIN_LOWER or lower.startswith(("ihr", *_QUANTIFIER_STEMS)):
        return None
    ending = adjective_ending(lower, lex.is_word)
    if ending not in _STRONG:
        return None
    # a preposition written with a capital inside a sentence is rule 15's ("ein großes An
    # merkliche Event")
    if before.lower in PREPOSITIONS and before.lower not in _NOT_GOVERNING \
            and (before.text.islower() or before.sentence_start):
        return ending
    # a comparison's "als" or "wie" governs no case: "mehr als andere Kaffeekonzern" (a ready
    # Mastodon draft, bench 2026-12-06)
    if before.text in _COMPARISONS:
        return ending
    if token.after_comma:
        return ending if _bare_item(words, index - 1, lex) else None
    if before.lower in _LIST_JOINS and index >= 2 and _bare_item(words, index - 2, lex):
        return ending
    return None


def _bare_item(words: list[Token], index: int, lex: GrammarLexicon) -> bool:
    """Whether the word at ``index`` is a noun that ends a list item of its own: written
    with a capital, not cut at a hyphen ("Installations- und administrativen
    Verzeichnisse"), and with no article or adjective before it that might govern the next
    item too ("die ACLs und erweiterten Attribute")."""
    token = words[index]
    if not token.capitalised or token.number or token.text.endswith("-") \
            or token.lower in DETERMINERS:
        return False
    if index == 0 or token.sentence_start:
        return True
    before = words[index - 1].lower
    return not (before in DETERMINERS or before in DEMONSTRATIVES or before in FUSED_ARTICLES
                or adjective_ending(before, lex.is_word) is not None)


# adjectives that stand before a noun without an ending ("Viel Spaß", "Ganz Hamburg")
_UNINFLECTED_OK = frozenset({"viel", "wenig", "ganz", "halb", "all", "lauter", "solch",
                             "manch", "welch", "mehr", "genug", "etwas"})


def uninflected_adjectives(plain: str, words: list[Token],
                           lex: GrammarLexicon) -> list[Finding]:
    """Rule 4b: an opening adjective with no ending before a noun
    ("Schön Weihnachten" -> "Schöne Weihnachten"); a count ("Acht Plätze") takes none."""
    found = []
    for index, token in enumerate(words[:-1]):
        lower = token.lower
        if not token.sentence_start or not token.capitalised or lower in _UNINFLECTED_OK \
                or lower in DETERMINERS or lower in _EIN_LOWER or number_words(lower) \
                or not is_noun(words, index + 1):
            continue
        noun = words[index + 1]
        # a base form ("schön": schöne ... schönem are words), not itself declined
        # ("Kleiner Tipp": kleinere ... are words too)
        if not is_adjective_stem(lower, lex.is_word) \
                or adjective_ending(lower, lex.is_word) is not None or lex.is_name(noun.text):
            continue
        bits = noun_bits(noun.text, lex)
        if not bits:
            continue
        endings = [STRONG_NOMINATIVE[g] for g in genera_of(bits) if bits & ALL_SINGULAR]
        endings += ["e"] if bits & ~ALL_SINGULAR else []
        fixes = " or ".join(f"'{token.text}{ending} {noun.text}'"
                            for ending in dict.fromkeys(endings))
        phrase = phrase_of(plain, token, noun)
        found.append(Finding(phrase, f"'{phrase}': an adjective before a noun takes an "
                                     f"ending: {fixes}"))
    return found

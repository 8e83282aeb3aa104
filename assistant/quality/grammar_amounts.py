"""Rules 14, 14b and 14c of the German grammar check: "ein bisschen" before a plural, a
feminine noun in the singular after a number above one, and "one of" in another genus than
its noun (pure).

"Hier ist ein bisschen Überlegungen, wie es geht mit dem Kaffee" (a ready Facebook draft
of the embedded model, bench 2026-12-02): "ein bisschen" measures what is not counted
("ein bisschen Milch", "ein bisschen Zeit"); things that are counted take "ein paar"
("ein paar Überlegungen") and a verb in the plural. Read where the noun after it (an
adjective may stand between) has only plural readings. Flagged, not mended: "ein paar"
would leave a verb in the singular ("Hier ist ein paar ...") that the sentence must change
too.

Rule 14b: "Wir suchen eine Barista, die sich um 20 Stunde pro Woche kümmert" (a ready
Instagram draft, bench 2026-12-03). After a number above one a noun takes its plural:
"20 Stunden", "drei Tassen". Measures of masculine and neuter nouns stay singular ("5
Kilo", "2 Glas", "10 Euro", "3 Stück"), and so does "Uhr" of a time ("18 Uhr"); so only a
noun that is feminine and singular in every reading is read, and written right after the
number.

Rule 14c: "eine der besten Röster der Stadt" (a LinkedIn draft of the embedded model,
bench 2026-12-05). "One of" takes the genus of its noun's singular: "einer der besten
Röster" (der Röster), "eine der Bohnen" (die Bohne), "eines der Cafés". The genus is read
from the noun's own singular readings ("Röster", "Kaffees", "Cafés" are singular forms
too) or, when it has none, from the singular a plural ending leaves ("Bohnen" -> "Bohne");
a noun of two genera, or none known, is left alone. "einer" is also the feminine genitive
and dative, "eines" the masculine genitive, "einem" the masculine dative: only a form that
fits the genus in no case is flagged, and the nominative is named (the case may differ).
"""

from __future__ import annotations

import regex

from assistant.quality.facts import number_words
from assistant.quality.grammar_phrase import Finding, noun_after, phrase_of
from assistant.quality.grammar_words import GrammarLexicon, Token, noun_bits
from assistant.quality.nounforms import ALL_PLURAL, ALL_SINGULAR, genera_of, plural

# a feminine noun that a number leaves in the singular: the hour of a time
_AFTER_NUMBERS = frozenset({"uhr"})
_PLURAL_ENDINGS = ("n", "en", "nen", "e", "s")
_NUMBER = regex.compile(r"\d+(?:[.,]\d+)?")
# a year is no count: "Seit 2010 Leidenschaft für Kaffee"
_YEARS = (1900, 2099)


def bisschen_plural(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    found = []
    for index, token in enumerate(words[:-1]):
        if token.lower != "bisschen" or not index or words[index - 1].lower != "ein":
            continue
        position = noun_after(words, index + 1)  # "ein bisschen frische Ideen"
        if position is None:
            continue
        noun = words[position]
        bits = noun_bits(noun.text, lex)
        if not bits or bits & ALL_SINGULAR:
            continue
        phrase = phrase_of(plain, words[index - 1], noun)
        found.append(Finding(phrase, f"'{phrase}': 'ein bisschen' takes no plural; write "
                                     f"'ein paar {plain[words[index + 1].start:noun.end]}' "
                                     "(as a subject, with its verb in the plural)"))
    return found


def counted_singular(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    found = []
    for number, noun in zip(words, words[1:], strict=False):
        if not _above_one(number) or not noun.capitalised or not noun.spaced \
                or noun.lower in _AFTER_NUMBERS:
            continue
        bits = noun_bits(noun.text, lex)
        if not bits or bits & ALL_PLURAL or genera_of(bits) != ["f"]:
            continue
        phrase = phrase_of(plain, number, noun)
        forms = _plural_of(noun.text, lex)
        fix = f"'{number.text} {forms}'" if forms else "its plural"
        found.append(Finding(phrase, f"'{phrase}': after a number above one the noun takes "
                                     f"its plural: {fix}"))
    return found


def _above_one(token: Token) -> bool:
    """A cardinal above one: "20", "2,5", "drei" (not "1", "1." or "12." of a date, nor a
    year)."""
    if token.ordinal:
        return False
    if _NUMBER.fullmatch(token.text):
        value = float(token.text.replace(",", "."))
        return value > 1 and not _YEARS[0] <= value <= _YEARS[1]
    return any(int(value) > 1 for value in number_words(token.lower))


def _plural_of(noun: str, lex: GrammarLexicon) -> str | None:
    return next((noun + ending for ending in _PLURAL_ENDINGS
                 if lex.nouns.get((noun + ending).lower(), 0) & ALL_PLURAL), None)


# the ein-pronoun of "one of" -> the genera it stands for in some case
_ONE_OF = {"eine": {"f"}, "einer": {"m", "f"}, "eines": {"m", "n"}, "einen": {"m"},
           "einem": {"m", "n"}}
_ONE_OF_NOMINATIVE = {"m": "einer", "f": "eine", "n": "eines"}
# what a plural adds to its singular, tried in this order ("Tassen" -> "Tasse")
_SINGULAR_CUTS = ("n", "en", "e", "s", "nen", "er")


def one_of_genus(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 14c (see the module doc): "eine der besten Röster" -> "einer"."""
    found = []
    for index, token in enumerate(words[:-2]):
        allowed = _ONE_OF.get(token.lower)
        if allowed is None or token.gendered or words[index + 1].lower != "der":
            continue
        position = noun_after(words, index + 2)
        if position is None:
            continue
        noun = words[position]
        if not noun_bits(noun.text, lex) & plural("gen"):
            continue
        genus = _singular_genus(noun.text, lex)
        if genus is None or genus in allowed:
            continue
        phrase = phrase_of(plain, token, noun)
        right = _ONE_OF_NOMINATIVE[genus]
        fix = right.capitalize() if token.text[0].isupper() else right
        found.append(Finding(phrase, f"'{phrase}': 'one of' takes the genus of "
                                     f"'{noun.text}' ({_GENUS_WORDS[genus]}): '{fix} der "
                                     f"{plain[words[index + 2].start:noun.end]}'"))
    return found


_GENUS_WORDS = {"m": "masculine", "f": "feminine", "n": "neuter"}


def _singular_genus(noun: str, lex: GrammarLexicon) -> str | None:
    """The one genus of the noun's singular, or None (two genera, or none known)."""
    genera = genera_of(noun_bits(noun, lex) & ALL_SINGULAR)
    if not genera:
        stem = next((noun[:-len(cut)] for cut in _SINGULAR_CUTS if noun.endswith(cut)
                     and noun_bits(noun[:-len(cut)], lex) & ALL_SINGULAR), None)
        genera = genera_of(noun_bits(stem, lex) & ALL_SINGULAR) if stem else []
    return genera[0] if len(genera) == 1 else None

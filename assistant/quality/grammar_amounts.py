"""Rule 14 of the German grammar check: "ein bisschen" before a plural (pure).

"Hier ist ein bisschen Überlegungen, wie es geht mit dem Kaffee" (a ready Facebook draft
of the embedded model, bench 2026-12-02): "ein bisschen" measures what is not counted
("ein bisschen Milch", "ein bisschen Zeit"); things that are counted take "ein paar"
("ein paar Überlegungen") and a verb in the plural. Read where the noun after it (an
adjective may stand between) has only plural readings. Flagged, not mended: "ein paar"
would leave a verb in the singular ("Hier ist ein paar ...") that the sentence must change
too.
"""

from __future__ import annotations

from assistant.quality.grammar_phrase import Finding, noun_after, phrase_of
from assistant.quality.grammar_words import GrammarLexicon, Token, noun_bits
from assistant.quality.nounforms import ALL_SINGULAR


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

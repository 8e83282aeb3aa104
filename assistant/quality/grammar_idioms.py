"""Rule 16 of the German grammar check: a fixed phrase with the wrong preposition (pure).

"Wie kann man Cold Brew in Hause herstellen?" and "Kaffee in Hause rösten" (a ready Threads
and a ready Instagram draft of the embedded model for the brief's "zu Hause", bench
2026-12-03): the old dative "Hause" lives on only in fixed phrases, "zu Hause", "nach
Hause", "von zu Hause", "im Hause" (a firm's premises); "in Hause" is none of them.
Mended: one correction fits.
"""

from __future__ import annotations

from assistant.quality.grammar_phrase import Finding
from assistant.quality.grammar_words import GrammarLexicon, Token

# (preposition, noun) -> the preposition of the fixed phrase
_FIXED = {("in", "Hause"): "zu"}


def fixed_phrases(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    del lex  # a closed list
    found = []
    for preposition, noun in zip(words, words[1:], strict=False):
        right = _FIXED.get((preposition.lower, noun.text))
        if right is None or not noun.spaced:
            continue
        phrase = plain[preposition.start:noun.end]
        start = right.capitalize() if preposition.text[0].isupper() else right
        fix = f"{start} {noun.text}"
        found.append(Finding(phrase, f"'{phrase}': the fixed phrase is '{fix}'", fix))
    return found

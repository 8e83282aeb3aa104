"""Rule 12c of the German grammar check: the verb of a direct question (pure).

"Warum Cold Brew zu Hause ist so gut?" (a ready Threads draft, bench 2026-12-07): a
question that a question word opens has its finite verb right after that word ("Warum ist
Cold Brew zu Hause so gut?"). With the verb at the end it is an indirect question, which
a headline may use ("Warum Cold Brew so gut ist"); anywhere in between it is no German
order at all.

Read only for the question words that stand alone as a phrase (warum, wieso, weshalb,
weswegen, wann, wo, woher, wohin: "Wie viel Kaffee ..." and "Welcher Kaffee ..." open
with longer phrases), in a sentence that ends in "?", where the word after the question
word is no verb ("Warum nicht ...", "Warum also ..." are left) and a verb of a closed list
of finite forms stands later but not last, with no comma before it. Flagged, not mended:
the verb's place is the correction.
"""

from __future__ import annotations

from assistant.quality.grammar_phrase import Finding
from assistant.quality.grammar_subject import SINGULAR_TO_PLURAL
from assistant.quality.grammar_words import GrammarLexicon, Token, sentences

_QUESTION_WORDS = frozenset({"warum", "wieso", "weshalb", "weswegen", "wann", "wo", "woher",
                             "wohin"})
_FINITE = (frozenset(SINGULAR_TO_PLURAL) | frozenset(SINGULAR_TO_PLURAL.values())
           | frozenset({"bist", "seid", "hast", "habt", "kannst", "könnt", "wirst", "werdet",
                        "gibt", "macht", "machen", "soll", "sollte", "sollten", "muss",
                        "müssen", "darf", "dürfen", "will", "wollen", "möchtest",
                        "möchten"}))
# right after the question word, words that are no verb but keep the order open
_NOT_YET = frozenset({"nicht", "also", "denn", "eigentlich", "genau", "bloß", "nur"})


def question_verb_order(plain: str, words: list[Token],
                        lex: GrammarLexicon) -> list[Finding]:
    """Rule 12c (see the module doc): "Warum Cold Brew zu Hause ist so gut?"."""
    found = []
    for sentence in sentences(words):
        first = sentence[0]
        if len(sentence) < 4 or first.lower not in _QUESTION_WORDS \
                or not plain[sentence[-1].end:].lstrip(" \"'“”»«)").startswith("?"):
            continue
        second = sentence[1]
        if second.lower in _FINITE or second.lower in _NOT_YET or not second.spaced:
            continue
        verb_at = next((index for index, token in enumerate(sentence[2:-1], start=2)
                        if token.lower in _FINITE and not token.capitalised), None)
        if verb_at is None or any(token.after_comma for token in sentence[1:verb_at + 1]):
            continue
        verb = sentence[verb_at]
        phrase = plain[first.start:verb.end]
        found.append(Finding(phrase, f"'{phrase} …?': in a question the verb comes right "
                                     f"after '{first.text}'; write '{first.text} "
                                     f"{verb.text} …?'"))
    return found

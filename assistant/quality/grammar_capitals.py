"""Rule 15 of the German grammar check: a function word or an adverb that is never a
noun, written with a capital inside a sentence (pure).

"Der Röstkurs am 12. Dezember um 18 Uhr ist ein großes An merkliche Event" (a ready
Instagram draft of the embedded model, bench 2026-12-03): the model split a word it could
not spell, and the dictionary took both halves ("An" as the capitalised "an", since a
capital may open any sentence). German writes prepositions, conjunctions, articles and
pronouns small inside a sentence, in a headline too ("Neue Öffnungszeiten ab 5. Januar").

Read where such a word of a closed list stands capitalised after a word written small,
with nothing but spaces between: a name or a headline in title case ("Café Am Markt",
"Jetzt Neu Im Shop") follows a capitalised word and is left alone, and so is anything
after a colon, a dash, a quote, an emoji or a line break (there a sentence may begin).
The forms of address ("Du", "Dich", "Sie", "Ihr", "Euch" ...) are not in the list: a brand
may write them with a capital. Flagged, not mended: a word split in two stays broken when
its half is written small.
"""

from __future__ import annotations

from assistant.quality.grammar_phrase import Finding, phrase_of
from assistant.quality.grammar_words import GrammarLexicon, Token

# words that are never nouns and never a form of address: written small in a sentence
_FUNCTION_WORDS = frozenset({
    "an", "auf", "aus", "bei", "mit", "nach", "von", "zu", "für", "über", "unter", "vor",
    "hinter", "neben", "zwischen", "durch", "gegen", "ohne", "um", "bis", "seit", "ab",
    "in", "im", "am", "zum", "zur", "vom", "beim", "ins", "ans",
    "und", "oder", "aber", "denn", "weil", "dass", "wenn", "als", "wie", "ob",
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
    "eines",
    "ich", "er", "es", "wir", "mich", "mir", "uns",
    "auch", "noch", "schon", "nur", "sehr", "nicht",
    # adverbs that are never nouns: "Wir sind auf der Suche nach Zurück aus Huila in
    # Kolumbien" (a ready Mastodon draft, bench 2026-12-07, the brief's opening pasted
    # inside a sentence)
    "zurück", "jetzt", "hier", "dort", "heute", "wieder", "immer", "bald", "gern", "gerne",
    "sofort", "endlich", "bereits", "dann", "danach", "vorbei", "damit", "dabei",
})


def capitalised_function_words(plain: str, words: list[Token],
                               lex: GrammarLexicon) -> list[Finding]:
    del lex  # a closed list: the dictionary would take the capital at a sentence's start
    found = []
    for before, token in zip(words, words[1:], strict=False):
        if not token.capitalised or token.sentence_start or not token.spaced \
                or token.lower not in _FUNCTION_WORDS or token.gendered:
            continue
        if not before.text[:1].islower():
            continue  # a name or a headline in title case: "Café Am Markt"
        phrase = phrase_of(plain, before, token)
        found.append(Finding(phrase, f"'{phrase}': '{token.text}' is written small inside "
                                     f"a sentence ('{token.lower}'); check the words "
                                     "around it"))
    return found

"""Rule 18 of the German grammar check: a comma between a sentence's opening phrase and its
verb (pure).

"Ab Samstag im Kontor und im Shop, rösten wir Filterkaffee aus Kolumbien!" (an X draft of
the embedded model, ready in two bench runs, 2026-12-02 and 12-04): German puts the verb
right after the phrase that opens a statement, with no comma between ("Ab Samstag ...
rösten wir"). The model copies the English comma after an introductory phrase.

Read only where nothing else can explain the comma: the sentence opens with a preposition
or a time adverb of a closed list, no other comma stands before this one (a date's pair of
commas, "Am Samstag, 12 Uhr, gibt es", and a list stay), and after the comma come a word
written small that is no article, pronoun, conjunction or preposition (the verb) and a
subject pronoun ("rösten wir", "kannst du", "gibt es"). A relative clause ("Im Kontor,
das wir lieben") or a subordinate one ("Ab Montag, wenn du kommst") begins with a word of
the closed list and is left alone. One correction: the comma goes.
"""

from __future__ import annotations

from assistant.quality.grammar_phrase import Finding, phrase_of
from assistant.quality.grammar_words import DETERMINERS, GrammarLexicon, Token

# what a statement may open with before its verb, capitalised at the sentence's start
_OPENERS = frozenset({
    "ab", "am", "an", "auf", "aus", "bei", "beim", "bis", "für", "im", "in", "mit", "nach",
    "seit", "über", "unter", "vom", "von", "vor", "zum", "zur", "zu", "ohne", "während",
    "heute", "morgen", "jetzt", "bald", "diese", "dieses", "diesen", "nächste", "nächsten",
})
# the subject right after the verb: "rösten wir", "kannst du", "gibt es", "kommen Sie"
_SUBJECTS = frozenset({"wir", "du", "ihr", "es", "man", "ich", "sie", "Sie", "er"})
# words after a comma that open a clause or an apposition, not a verb
_CLAUSE_WORDS = frozenset({
    "der", "die", "das", "den", "dem", "dessen", "deren", "welche", "welcher", "welches",
    "wo", "wie", "was", "wer", "wenn", "als", "ob", "weil", "dass", "da", "damit", "bevor",
    "nachdem", "sobald", "solange", "während", "obwohl", "falls", "und", "oder", "aber",
    "sondern", "denn", "also", "dann", "so", "nur", "auch", "noch", "schon", "sowie",
    "wir", "du", "ihr", "es", "man", "ich", "sie", "er", "um", "ohne", "statt",
})
_MAX_OPENING = 10  # words before the comma


def opening_commas(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 18: "Ab Samstag im Kontor, rösten wir" -> "Ab Samstag im Kontor rösten wir"."""
    del lex  # closed lists: the verb is read by its place, not looked up
    found = []
    for index, token in enumerate(words):
        if not (token.sentence_start and token.capitalised and token.lower in _OPENERS):
            continue
        comma = _first_comma(words, index)
        if comma is None or comma + 1 >= len(words):
            continue
        verb, subject = words[comma], words[comma + 1]
        if not verb.text[:1].islower() or verb.lower in _CLAUSE_WORDS \
                or verb.lower in DETERMINERS or not verb.text.isalpha() \
                or subject.text not in _SUBJECTS or subject.after_comma:
            continue
        phrase = phrase_of(plain, words[comma - 1], subject)
        fix = f"{words[comma - 1].text} {verb.text} {subject.text}"
        found.append(Finding(phrase, f"'{phrase}': no comma between the opening phrase and "
                                     f"its verb: '{fix}'", fix=fix))
    return found


def _first_comma(words: list[Token], start: int) -> int | None:
    """The index of the first token after a comma within the sentence that ``start``
    opens, when it comes within _MAX_OPENING words."""
    for index in range(start + 1, min(len(words), start + _MAX_OPENING + 1)):
        if words[index].sentence_start:
            return None
        if words[index].after_comma:
            return index
    return None

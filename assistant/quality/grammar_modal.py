"""Rule 7i: a modal verb takes the bare infinitive, never one with "zu" (pure).

"Wir freuen uns auf deinen Besuch und möchten dich in unserer Rösterei kennenzulernen!"
(a ready Facebook draft with the runs of words forbidden, bench 2026-12-08): "möchten"
takes "kennenlernen". Read where a form of a modal verb ("kann", "möchten", "sollte", ...)
is followed in its clause, with no comma, conjunction or bare infinitive between (which
would be the modal's own: "Wir möchten dir helfen, ... zu verstehen"), by an infinitive with
"zu" that closes the clause: "zu besuchen", or with its "zu" inside ("kennenzulernen",
"vorbeizukommen"). Mended: the "zu" goes.
"""

from __future__ import annotations

from assistant.quality.grammar_phrase import Finding
from assistant.quality.grammar_verbs import closes_clause, is_infinitive
from assistant.quality.grammar_words import (
    MODAL_FORMS,
    GrammarLexicon,
    Token,
    adjective_ending,
)

# words that open another clause, after which an infinitive is not the modal's
_CLAUSE_OPENERS = frozenset({
    "und", "oder", "aber", "denn", "sondern", "weil", "dass", "daß", "wenn", "ob", "damit",
    "sodass", "als", "ohne", "um", "statt", "anstatt", "bevor", "nachdem", "während", "falls",
    "indem", "obwohl"})
_PREFIX_LETTERS = 2  # the least a separable verb's first part has before its "zu": "an"


def zu_after_modal(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 7i (see the module doc): "möchten dich kennenzulernen" -> "kennenlernen"."""
    found = []
    for index, modal in enumerate(words):
        if modal.lower not in MODAL_FORMS or (modal.capitalised and not modal.sentence_start):
            continue
        for at, word in enumerate(words[index + 1:], start=index + 1):
            if word.sentence_start or word.after_comma or word.lower in _CLAUSE_OPENERS \
                    or word.lower in MODAL_FORMS:
                break
            if word.lower == "zu" and at + 1 < len(words):
                verb = words[at + 1]
                bare = verb.text if _zu_closes(plain, verb, lex) else None
                start = word.start
            else:
                verb, start = word, word.start
                bare = _without_inner_zu(word, lex) if closes_clause(plain, word.end) else None
            if bare is not None:
                phrase = plain[start:verb.end]
                found.append(Finding(phrase, f"'{phrase}': after '{modal.text}' the verb "
                                             f"takes no 'zu': '{bare}'", bare))
                break
            if _bare_infinitive(word, lex):
                break  # the modal's own infinitive: a "zu" after it is another verb's
    return found


def _bare_infinitive(word: Token, lex: GrammarLexicon) -> bool:
    """Whether ``word`` reads as a bare infinitive: not a declined word ("unseren",
    "neuen", whose stems read as words too)."""
    lower = word.lower
    return not word.capitalised and lower.endswith("n") and is_infinitive(lower, lex) \
        and adjective_ending(lower, lex.is_word) is None


def _zu_closes(plain: str, verb: Token, lex: GrammarLexicon) -> bool:
    """Whether ``verb`` after a "zu" is an infinitive that closes the clause."""
    return verb.spaced and not verb.capitalised and is_infinitive(verb.lower, lex) \
        and closes_clause(plain, verb.end)


def _without_inner_zu(word: Token, lex: GrammarLexicon) -> str | None:
    """``word`` without the "zu" inside it when it is a separable verb's infinitive with
    one ("kennenzulernen" -> "kennenlernen"), else None."""
    lower = word.lower
    if word.capitalised or not lex.is_word(lower):
        return None
    for at in range(_PREFIX_LETTERS, len(lower) - 5):
        if lower[at:at + 2] == "zu" and is_infinitive(lower[at + 2:], lex) \
                and lex.is_word(lower[:at] + lower[at + 2:]):
            return word.text[:at] + word.text[at + 2:]
    return None

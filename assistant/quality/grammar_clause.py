"""Rule 19 of the German grammar check: one subject pronoun twice in one clause (pure).

"Wir haben unsere Partnerkooperative zahlen wir 30 Prozent über dem Fairtrade-Mindestpreis"
(a ready LinkedIn draft of the embedded model, bench 2026-12-04): two sentences run into
one. "wir", "ich" and "du" are only ever subjects, and German sets every clause of its own
off with a comma, so the same one of them twice with nothing between but words of one
clause is either two sentences without their full stop or a subordinate clause without
its comma ("Wir wissen was wir tun").

Read only where nothing between the two can open another clause: no comma, sentence mark,
dash, bracket or quote, and no conjunction or clause word ("Wir rösten und wir liefern",
"so frisch wie wir können" are left; the second lacks a comma, but that is a matter of
style to many writers). A copula right before the second pronoun makes it a predicate ("Du
bist du", "Wir bleiben wir") and is left too. No correction: where the clause ends is a
matter of meaning.

Rule 19b: a relative clause puts its verb last, so its subject pronoun never follows a
verb: "eine Kurzbeschreibung von der Rückkehr aus Huila, die unsere Partnerkooperative
zahlen wir 30 Prozent" (a ready Mastodon draft, bench 2026-12-04) glued the brief's main
clause to a relative pronoun. Read where, after a comma, "der", "die", "das", "den" or "dem"
opens a clause in which a word written small that is no article, preposition or
conjunction stands right before "wir", "ich" or "du" ("die wir lieben" has the pronoun
first and stays), and not right after the pronoun: "…, das machen wir gern" is a
demonstrative that opens a main clause.
"""

from __future__ import annotations

from assistant.quality.grammar_object import COPULAS, SUBJECTS
from assistant.quality.grammar_phrase import Finding, phrase_of
from assistant.quality.grammar_words import (
    DETERMINERS,
    FUSED_ARTICLES,
    PREPOSITIONS,
    GrammarLexicon,
    Token,
)

# words that open a clause of their own between the two pronouns
_CLAUSE_WORDS = frozenset({
    "und", "oder", "aber", "sondern", "denn", "sowie", "bzw", "beziehungsweise", "doch",
    "weil", "dass", "wenn", "ob", "wie", "als", "was", "wo", "wer", "da", "damit", "bevor",
    "nachdem", "während", "sobald", "solange", "obwohl", "falls", "bis", "seit", "seitdem",
    "warum", "wann", "wieso", "weshalb", "womit", "wofür", "woher", "wohin", "worauf",
    "worüber", "wovon", "wozu", "woran", "sodass", "indem", "ehe", "sofern", "soweit",
    "der", "die", "das", "den", "dem", "deren", "dessen", "welche", "welcher", "welches",
    "welchen", "welchem", "um", "ohne", "statt", "anstatt",
})
_BREAKS = frozenset("-–—()[]\"„“”«»/|")
_MAX_GAP = 12  # words between the two pronouns


def doubled_subjects(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 19: "Wir haben unsere Partnerkooperative zahlen wir" (see the module doc)."""
    del lex  # closed lists: the pronouns and the clause words
    found = []
    for index, first in enumerate(words):
        if first.lower not in SUBJECTS:
            continue
        second = _same_pronoun_in_clause(plain, words, index)
        if second is None or words[second - 1].lower in COPULAS:
            continue
        phrase = phrase_of(plain, first, words[second])
        found.append(Finding(phrase, f"'{phrase}': '{first.lower}' is the subject twice in "
                                     "one clause; end the first sentence before the second "
                                     f"'{first.lower}' or cut one"))
    return found


def _same_pronoun_in_clause(plain: str, words: list[Token], start: int) -> int | None:
    """The index of the next token that repeats the pronoun at ``start`` within its clause,
    if nothing between them may open another clause."""
    pronoun = words[start].lower
    for index in range(start + 1, min(len(words), start + _MAX_GAP + 2)):
        token = words[index]
        if token.sentence_start or token.after_comma \
                or _BREAKS & set(plain[words[index - 1].end:token.start]):
            return None
        if token.lower == pronoun:
            return index
        if token.lower in _CLAUSE_WORDS or token.lower in SUBJECTS:
            return None
    return None


_RELATIVES = frozenset({"der", "die", "das", "den", "dem"})
_OTHER_CLAUSE_WORDS = _CLAUSE_WORDS - _RELATIVES


def relative_verb_second(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 19b (see the module doc): ", die unsere Partnerkooperative zahlen wir"."""
    del lex  # closed lists
    found = []
    for index, pronoun in enumerate(words):
        if pronoun.lower not in _RELATIVES or not pronoun.after_comma:
            continue
        for position in range(index + 2, min(len(words), index + _MAX_GAP + 2)):
            token = words[position]
            if token.sentence_start or token.after_comma \
                    or _BREAKS & set(plain[words[position - 1].end:token.start]):
                break
            before = words[position - 1]
            # "…, das machen wir gern": a demonstrative with its verb right after it opens
            # a main clause
            if token.lower in SUBJECTS and position - 1 > index + 1 and _verb_like(before):
                phrase = phrase_of(plain, pronoun, token)
                found.append(Finding(phrase, f"'{phrase}': a relative clause puts its verb "
                                             f"last ('{token.lower} … {before.text}'); or "
                                             "make it a sentence of its own"))
                break
            if token.lower in _OTHER_CLAUSE_WORDS:
                break
    return found


def _verb_like(token: Token) -> bool:
    """A word written small that may be a finite verb: no article, preposition, pronoun or
    conjunction."""
    lower = token.lower
    return (token.text.isalpha() and token.text.islower() and lower not in DETERMINERS
            and lower not in PREPOSITIONS and lower not in FUSED_ARTICLES
            and lower not in _CLAUSE_WORDS and lower not in SUBJECTS)

"""Rule 9g of the German grammar check: a post speaks to one reader, "du" or "ihr" (pure).

"Bestell jetzt! Schreibt uns über die Website." (a ready LinkedIn draft, bench 2026-12-07,
the coffee kit's LinkedIn example speaking to "ihr" copied into a du-post): one sentence
calls "du", another "ihr". Rules 9e and 9f read the two readers inside one sentence; this
rule reads them across sentences, and only there.

A sentence speaks to "du" when it opens with the du-imperative ("Bestell", "Komm"), a word
that is no adjective, noun or thanks too ("Neu im Shop", "Ende Dezember", "Danke"; a noun
with a call's object or particle after it is a call: "Besuch uns", "Schau mal"), or holds
a du-form (du, dich, dir, dein ...); to "ihr" when it holds "euch" or a form of "euer", or
opens with the imperative to "ihr" that "uns", "euch", "vorbei" or "mal" follows ("Schreibt uns",
"Kommt vorbei"). That form is also the third person with its subject left out ("Schmeckt
nach Kirsche", "Führt dazu, dass ...", 29 paragraphs of the German man pages), so it is read
only with those words. "ihr" itself is not read: it is also "her" and "their" ("ihr
Kaffee"). Flagged, not mended: the post may speak to either reader.
"""

from __future__ import annotations

from assistant.quality.grammar_person import DU_FORMS, IHR_FORMS, ihr_call, opens_with_call
from assistant.quality.grammar_phrase import Finding
from assistant.quality.grammar_words import (
    PREPOSITIONS,
    GrammarLexicon,
    Token,
    is_adjective_stem,
    sentences,
)

# after a sentence's first word: it is no call, but a statement or a question
_NOT_CALLED = frozenset({"du", "ihr", "wir", "ich", "sie", "er", "es", "man", "sich", "dies"})
# first words that look like a du-imperative and thank or greet
_THANKS = frozenset({"danke", "bitte", "hallo", "moin", "willkommen", "achtung"})
# after a first word that is also a noun ("Besuch", "Schau", "Kauf"), the words that make it
# a call to "du"
_CALLED_NEXT = frozenset({"uns", "mich", "dich", "mal", "vorbei", "jetzt", "doch", "gern",
                          "gerne", "einfach", "gleich", "rein", "schnell"})
# after a first word in -t, the words that make it a call to "ihr"
_IHR_CALLED = frozenset({"uns", "euch", "vorbei", "mal"})


def mixed_readers(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 9g (see the module doc): one sentence speaks to "du", another to "ihr"."""
    du_word: Token | None = None
    ihr_word: Token | None = None
    for sentence in sentences(words):
        du_here, ihr_here = _du_word(sentence, lex), _ihr_word(sentence, lex)
        if du_here is not None and ihr_here is not None:
            continue  # both in one sentence: rules 9e and 9f read it
        du_word = du_word or du_here
        ihr_word = ihr_word or ihr_here
    if du_word is None or ihr_word is None:
        return []
    first, second = sorted((du_word, ihr_word), key=lambda token: token.start)
    phrase = f"{first.text} … {second.text}"
    return [Finding(phrase, f"'{phrase}': one post speaks to 'du' ('{du_word.text}') and to "
                            f"'ihr' ('{ihr_word.text}'); speak to one reader throughout")]


def _du_word(sentence: list[Token], lex: GrammarLexicon) -> Token | None:
    """The first word that speaks to "du" in ``sentence``, or None."""
    first = sentence[0]
    if _opens_call(sentence) and sentence[1].lower not in _NOT_CALLED \
            and _no_other_word(sentence, lex) and opens_with_call(first, lex):
        return first
    return next((token for token in sentence if token.lower in DU_FORMS), None)


def _no_other_word(sentence: list[Token], lex: GrammarLexicon) -> bool:
    """Whether a sentence's first word that looks like a du-imperative is no other word: no
    adjective ("Neu im Shop: ...", "Frisch aus dem Röster"), noun ("Ende Dezember", "Mehr
    Infos") or word of thanks ("Danke für alles!"; a CLI draft, 2026-12-07, read "Neu" as a
    call). A noun that a call's object or particle follows is the imperative it is too:
    "Besuch uns", "Schau mal vorbei", "Kauf jetzt"."""
    lower = sentence[0].lower
    if lower in _THANKS or is_adjective_stem(lower, lex.is_word):
        return False
    return lower not in lex.nouns or sentence[1].lower in _CALLED_NEXT


def _ihr_word(sentence: list[Token], lex: GrammarLexicon) -> Token | None:
    """The first word that speaks to "ihr" in ``sentence``, or None."""
    first = sentence[0]
    if _opens_call(sentence) and sentence[1].lower in _IHR_CALLED \
            and ihr_call(first, lex) is not None:
        return first
    return next((token for token in sentence if token.lower in IHR_FORMS), None)


def _opens_call(sentence: list[Token]) -> bool:
    """Whether ``sentence`` may open with a call: its first word stands first, is written
    large (not a wrapped line: "halb sieben den Röster anwerfen", the coffee kit's guide),
    and is no pronoun or preposition ("Ihr wollt testen?", "Dies ist", "Seit langer
    Zeit")."""
    first = sentence[0]
    return first.sentence_start and first.capitalised and len(sentence) > 1 \
        and first.lower not in _NOT_CALLED and first.lower not in PREPOSITIONS


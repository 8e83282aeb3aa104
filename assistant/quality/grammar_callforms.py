"""The verb that "und" or "oder" joins to a call to "du", and its imperative (pure): the
part of rule 9d (``grammar_person.joined_calls``) that reads past adverbs ("und dann langsam
herunterdrücken") and forms a separable verb's imperative ("drück ... herunter"). Split
from grammar_person (2026-12-07), which had grown past 400 lines.
"""

from __future__ import annotations

from assistant.quality.grammar_verbs import SEPARABLE
from assistant.quality.grammar_words import GrammarLexicon, Token
from assistant.quality.verbs_de import imperative_du, looks_like_verb

# adverbs between "und" and the verb it joins to a call: "Zieh ihn 4 Minuten und dann
# langsam herunterdrücken" (a ready Mastodon draft, bench 2026-12-07); with them the verb
# must close its clause
_CALL_ADVERBS = frozenset({"dann", "danach", "einfach", "langsam", "jetzt", "noch", "kurz",
                           "gleich", "sofort", "schnell", "vorsichtig", "bitte"})


def past_adverbs(plain: str, sentence: list[Token], start: int) -> int | None:
    """The index of the first word from ``start`` on that is no adverb of _CALL_ADVERBS;
    None where adverbs stand before it and it does not close its clause."""
    at = start
    while at < len(sentence) - 1 and sentence[at].lower in _CALL_ADVERBS:
        at += 1
    if at == start:
        return at
    rest = plain[sentence[at].end:].lstrip(" ")
    return at if not rest.strip() or rest[:1] in ".!?\n" else None


def call_form(infinitive: str, lex: GrammarLexicon) -> str | None:
    """The du-imperative of ``infinitive``; a separable verb's as the verb and its prefix
    ("herunterdrücken" -> "drück herunter"), the longest prefix first."""
    for prefix in sorted(SEPARABLE, key=len, reverse=True):
        rest = infinitive[len(prefix):]
        if infinitive.startswith(prefix) and len(rest) >= 4 and lex.is_word(rest) \
                and looks_like_verb(rest):
            form = imperative_du(rest)
            return None if form is None else f"{form} {prefix}"
    return imperative_du(infinitive)

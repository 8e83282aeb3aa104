"""The forms of a call to "du" (pure): whether a word is a du-imperative (rules 7i and 9),
and the part of rule 9d (``grammar_person.joined_calls``) that reads past adverbs ("und
dann langsam herunterdrücken") and forms a separable verb's imperative ("drück ...
herunter"). Split from grammar_person (2026-12-07), which had grown past 400 lines.
"""

from __future__ import annotations

from assistant.quality.grammar_verbs import SEPARABLE
from assistant.quality.grammar_words import GrammarLexicon, Token
from assistant.quality.verbs_de import imperative_du, looks_like_verb

# adverbs between "und" and the verb it joins to a call: "Zieh ihn 4 Minuten und dann
# langsam herunterdrücken" (a ready Mastodon draft, bench 2026-12-07); with them the verb
# must close its clause
_JOINED_ADVERBS = frozenset({"dann", "danach", "einfach", "langsam", "jetzt", "noch", "kurz",
                             "gleich", "sofort", "schnell", "vorsichtig", "bitte"})
# the separable prefixes, the longest first ("herunter" before "her")
_PREFIXES = tuple(sorted(SEPARABLE, key=len, reverse=True))


def past_adverbs(plain: str, sentence: list[Token], start: int) -> int | None:
    """The index of the first word from ``start`` on that is no adverb of _JOINED_ADVERBS;
    None where adverbs stand before it and it does not close its clause."""
    at = start
    while at < len(sentence) - 1 and sentence[at].lower in _JOINED_ADVERBS:
        at += 1
    if at == start:
        return at
    rest = plain[sentence[at].end:].lstrip(" ")
    return at if not rest.strip() or rest[:1] in ".!?\n" else None


def call_form(infinitive: str, lex: GrammarLexicon) -> str | None:
    """The du-imperative of ``infinitive``; a separable verb's as the verb and its prefix
    ("herunterdrücken" -> "drück herunter"), the longest prefix first."""
    for prefix in _PREFIXES:
        rest = infinitive[len(prefix):]
        if infinitive.startswith(prefix) and len(rest) >= 4 and lex.is_word(rest) \
                and looks_like_verb(rest):
            form = imperative_du(rest)
            return None if form is None else f"{form} {prefix}"
    return imperative_du(infinitive)


def imperative_infinitive(word: str, lex: GrammarLexicon) -> str | None:
    """The infinitive of ``word`` (lower-cased) where it is a du-imperative ("bestell" ->
    "bestellen", "probiere" -> "probieren", "komm" -> "kommen"), else None: the first of
    ``word`` + "en" and + "n" that the dictionary knows as a verb decides."""
    for infinitive in (word + "en", word + "n"):
        if looks_like_verb(infinitive) and lex.is_word(infinitive):
            form = imperative_du(infinitive)
            return infinitive if form is not None and word in {form, infinitive[:-1]} else None
    return None

"""A German sentence of the model's own that says what something "is" and runs on in a
clause, with no noun of the brief: struck by tidy (pure).

The 1.5B model pads a German post with definitions of its own, and they are where its
German loses its meaning. Three of the eight ready drafts I read as unfit in the 24-brief
run of 2026-12-07 held one (four sentences), none with a fact of the brief in it:
"Es ist ein unerwartetes Treffen, das dir die Worte der Welt entfaltet." and "Der Röster
ist eine Art, die dir die Welt entfaltet." (a roasting course on Facebook), "Es ist ein
schöner Zeitpunkt, um zu spenden und sich selbst zu freuen." (a Christmas closure), "Das
ist eine einfache und verständliche Rösterform, die für jeden Kaffee-Taster geeignet
ist." (a French press tip on Mastodon). A person strikes such a sentence rather than mend
it: nothing of the brief goes with it.

Read: "Es", "Das", "Dies" or an article and its noun, then "ist ein" or "ist eine", then,
after the words of the phrase, a comma and a relative pronoun or "um" (the clause the
definition runs on in). Struck only when no noun of the sentence after its first word is a
noun of the brief (by stem, the whole word: "Röster" is not the "Röstkurs" of the brief)
and it holds no digit. "Es ist ein ..." of six words or more is read without the clause.
A short praise ("Das ist ein Genuss!", "Es ist eine Freude!") stays; so does a definition
of the brief's own thing ("Der Röstkurs ist ein Abend, an dem ...").
"""

from __future__ import annotations

import regex

from assistant.quality.carryover import stem

_DEFINITION = regex.compile(
    r"^\W*(?:Es|Das|Dies|(?:Der|Die|Das)\s+\p{Lu}[\p{L}-]*)\s+ist\s+eine?\b[^,.!?:;\n]*,\s*"
    r"(?:der|die|das|den|dem|denen|um|wo|in\s+de[mr]|mit\s+de[mr]|für\s+de[nr])\b")
# "Es ist ein ..." of six words or more needs no clause: "Es ist ein ausgezeichnetes
# Abendessen für alle." stood in a ready Facebook post on a latte art evening (CLI,
# 2026-12-07), which is no dinner
_IT_IS = regex.compile(r"^\W*Es\s+ist\s+eine?\s")
_IT_IS_WORDS = 6
_NOUN = regex.compile(r"\b\p{Lu}[\p{L}-]*")
_DIGIT = regex.compile(r"\d")


def brief_nouns(brief: str) -> frozenset[str]:
    """The stems of the brief's words written large (its nouns, and its first words)."""
    return frozenset(stem(noun) for noun in _NOUN.findall(brief))


def empty_definition(sentence: str, nouns: frozenset[str]) -> bool:
    """Whether ``sentence`` is a German definition of the model's own that runs on in a
    clause (or opens with "Es ist ein" and has six words or more) and names none of
    ``nouns`` (:func:`brief_nouns`) and no number."""
    if _DIGIT.search(sentence):
        return False
    if _DEFINITION.match(sentence) is None and not (
            _IT_IS.match(sentence) and len(sentence.split()) >= _IT_IS_WORDS):
        return False
    said = _NOUN.findall(sentence.strip())[1:]  # the first word is written large anyway
    return not any(stem(noun) in nouns for noun in said)

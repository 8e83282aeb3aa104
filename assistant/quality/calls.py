"""The brief's own call to action, and the kit's usual one where the brief has its own
(pure).

The coffee kit's usual call to action ("Komm vorbei im Kontor oder bestell im Shop – Link
im Profil.") stood under posts whose brief asked for something else: a course with
"Anmeldung im Laden oder per Mail", a job with "Bewerbung per Mail" (bench, 2026-12-02: a
ready Instagram draft on the Röstkurs ended "Anmeldung im Laden oder per Mail. / Komm
vorbei im Kontor oder bestell im Shop – Link im Profil"). Two calls, one of them to a shop
that sells no course seat, and the reader does not know which to follow. So where the
brief says what the reader should do (:func:`brief_call`), the prompt asks for that call
and not the usual one, and tidy strikes a sentence taken from the usual call that is not
mostly the brief's words (:func:`usual_call`); a post that never says what the brief's call
says lacks a fact of the brief (:func:`missing_call`, read by ``missing_fact``).
"""

from __future__ import annotations

import regex

from assistant.quality.similarity import copied_share
from assistant.quality.textnorm import EMAIL_RE, words

# a brief's parts: at ", " (not "11,90"), ";", a sentence end (not "12. Dezember") or a
# line break (the fact checklist of the prompt reads the brief in the same parts)
BRIEF_PARTS = regex.compile(r",\s+|;\s*|(?<=[^\d\s][.!?])\s+(?=\p{Lu})|\n+")
# what asks the reader to act on the brief's own terms: sign up, apply, book, reserve,
# pre-order
_CALL_WORDS = {
    "de": regex.compile(r"(?i)\b(?:anmeld\w*|meld(?:e|et)?\s+(?:dich|euch)|bew[ei]rb\w*|"
                        r"reservier\w*|buch(?:en|ung|bar)\w*|vorbestell\w*|tickets?)\b"),
    "en": regex.compile(r"(?i)\b(?:regist\w*|sign(?:\s+|-)?up|appl(?:y|ying|ies|ications?)|"
                        r"book(?:ing)?|reserv\w*|pre-?order\w*|rsvp|tickets?|enrol\w*)\b"),
}
# a sentence this much in 5-word runs of the usual call (and this long) is taken from it
USUAL_SHARE = 0.6
USUAL_MIN_WORDS = 5


def brief_parts(brief: str) -> list[str]:
    """The brief's parts (BRIEF_PARTS), trimmed, in order, without empty ones."""
    return [part.strip(" .") for part in BRIEF_PARTS.split(brief) if part.strip(" .")]


def brief_call(brief: str, language: str) -> str | None:
    """The part of the brief that tells the reader what to do ("Anmeldung im Laden oder
    per Mail", "apply at the link"), if it has one."""
    pattern = _CALL_WORDS.get(language)
    if pattern is None:
        return None
    return next((part for part in brief_parts(brief) if pattern.search(part)), None)


def usual_call(sentence: str, cta: str) -> bool:
    """Whether ``sentence`` is taken from the kit's usual call to action ``cta`` (tidy
    strikes it where the brief has a call of its own, :func:`brief_call`, and the sentence
    is not mostly the brief's words)."""
    return len(words(sentence)) >= USUAL_MIN_WORDS and copied_share(sentence, cta) >= USUAL_SHARE


def missing_call(text: str, brief: str, language: str) -> list[str]:
    """The brief's call as a fact the post leaves out: a course post that never says how
    to sign up, a job ad without "Bewerbung per Mail an ..." (the ready Instagram draft of
    the Barista brief ended with the kit's call to the shop instead, bench 2026-12-02). The
    post says it when it has a call word of its own ("Melde dich an", "Register now") and
    every e-mail address of the brief's call."""
    call = brief_call(brief, language)
    if call is None:
        return []
    folded = text.casefold()
    addresses = [found.group().casefold() for found in EMAIL_RE.finditer(call)]
    if _CALL_WORDS[language].search(text) and all(a in folded for a in addresses):
        return []
    return [call]

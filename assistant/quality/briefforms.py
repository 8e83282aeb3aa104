"""The brief's own article kept where a post says the brief's phrase in another case (pure).

The brief is written by a person; the 1.5B model copies its phrases and slips on their
case: "unserer Partnerkooperative zahlen wir 30 Prozent" in the brief came back as
"unsere Partnerkooperative zahlen wir 30 Prozent" in a ready Instagram and a ready
LinkedIn draft (bench, 2026-12-02), which no rule reads ("unsere Partnerkooperative" is
a good phrase elsewhere). Where the post has the brief's noun with another form of the
same article or possessive, in the same place (the same word before it, or both opening a
clause, and the same two words after it), the brief's form is put back. Another word
before it keeps the post's form: "der Duft der Bohnen aus Kolumbien" is a genitive, not a
slip of the brief's "die Bohnen aus Kolumbien".
"""

from __future__ import annotations

import regex

from assistant.quality.grammar_words import DEFINITE, EIN_STEMS

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}-]*")
_CLAUSE_OPEN = regex.compile(r"(?:^|[-–—:;.!?\n(„\"])\s*$")
_ENDINGS = ("", "e", "er", "en", "em", "es")
_AFTER = 2  # words after the noun that must match
_STEMS = sorted((stem.casefold() for stem in EIN_STEMS), key=len, reverse=True)


def _family(word: str) -> str | None:
    """The paradigm a determiner belongs to ("der" for every definite article, the stem
    for "unserer", "keinen" ...), or None for any other word."""
    lower = word.casefold()
    if lower in DEFINITE:
        return "der"
    for stem in _STEMS:
        if lower.startswith(stem) and lower[len(stem):] in _ENDINGS:
            return stem
    return None


Key = tuple[str, str, tuple[str, ...]]


def _slots(text: str) -> list[tuple[regex.Match[str], Key]]:
    """Each determiner followed by a capitalised noun in ``text``, with its place: what
    opens the phrase (the word before, folded, or "" where it opens a clause), the noun,
    and the next words, folded."""
    slots = []
    matches = list(_WORD.finditer(text))
    for index, match in enumerate(matches[:-1 - _AFTER]):
        noun = matches[index + 1]
        if _family(match.group()) is None or not noun.group()[0].isupper() or \
                text[match.end():noun.start()] != " ":
            continue
        before = "" if _CLAUSE_OPEN.search(text, 0, match.start()) or not index else \
            matches[index - 1].group().casefold()
        after = tuple(m.group().casefold() for m in matches[index + 2:index + 2 + _AFTER])
        slots.append((match, (before, noun.group(), after)))
    return slots


def keep_brief_forms(text: str, brief: str) -> str:
    """``text`` with the brief's determiner put back where the post says the brief's
    phrase, in the brief's place, with another form of it (see the module doc)."""
    wanted: dict[Key, str] = {}
    for match, key in _slots(brief):
        wanted.setdefault(key, match.group())
    out, last = [], 0
    for match, key in _slots(text) if wanted else []:
        brief_form, written = wanted.get(key), match.group()
        if brief_form is None or brief_form.casefold() == written.casefold() or \
                _family(brief_form) != _family(written):
            continue
        out += [text[last:match.start()], _cased(brief_form, written)]
        last = match.end()
    return "".join(out) + text[last:]


def _cased(form: str, written: str) -> str:
    """``form`` with the first letter's case of ``written`` (the formal "Ihr" keeps its
    capital)."""
    if written[:1].isupper() or _family(form) == "ihr":
        return form[:1].upper() + form[1:] if written[:1].isupper() else form
    return form[:1].lower() + form[1:]

"""The brief's verb particle put back where a post says the brief's verb without it (pure).

"Gemeinsam mit der Hafermolkerei Elbhof stellen wir unseren Hafer-Cappuccino vor" in the
brief came back as "Wir stellen unseren Hafer-Cappuccino ab Montag im Café für 3,80 €."
in a ready Facebook draft (bench, 2026-12-03): the model moved the facts and dropped the
particle that closes the clause, and "stellen" alone says something else. Read only for
the separable verbs whose bare verb cannot stand for the whole (``_SEPARABLE``), in the
form the brief used, in a clause that has the verb, no particle of its own and two words
after the verb at least; "finden" with a pronoun right after it is left ("Ihr findet uns
im Kontor" finds). The particle goes at the clause's end, where a main clause puts it.

The same brief came back as "Stellen wir unseren Hafer-Cappuccino gemeinsam mit der
Hafermolkerei Elbhof vor, ab Montag im Café für 3,80 €." in ready Facebook drafts (bench,
2026-12-01 and 12-03): the brief's first part moved, and the verb that followed it stayed
first, which makes a statement read as a question or a call ("Let us introduce ...").
Where the brief has that verb after a first part and the post opens a sentence with it
before "wir" and closes it with a full stop, "wir" goes first (``keep_brief_order``).
"""

from __future__ import annotations

import regex

from assistant.quality.verbs_de import looks_like_verb

# a verb stem -> its particle: the bare verb means something else, or nothing
_SEPARABLE = {"stell": "vor", "lad": "ein", "läd": "ein", "find": "statt", "meld": "an",
              "nehm": "teil", "nimm": "teil"}
_ENDINGS = ("e", "st", "t", "en", "et", "est")
_PARTICLES = frozenset(_SEPARABLE.values())
# what "finden" finds: "Ihr findet uns im Kontor" is no "findet ... statt"
_OBJECT_PRONOUNS = frozenset({"dich", "euch", "uns", "mich", "sich", "sie", "ihn", "es",
                              "ihr"})
_WORD = regex.compile(r"\p{L}+")
# where a clause ends: a mark and a space or the end (not the dot of a date, "12.
# Dezember"), a line break, a dash between spaces
_CLAUSE_END = regex.compile(r"(?:[,;:!?]|(?<!\d)\.)(?=\s|$)|\n|\s[–—-]\s")


def _particle(verb: str) -> str | None:
    """The particle of a finite form of a verb of ``_SEPARABLE`` ("stellen" -> "vor")."""
    lower = verb.casefold()
    for stem, particle in _SEPARABLE.items():
        if lower.startswith(stem) and lower[len(stem):] in _ENDINGS:
            return particle
    return None


def _clauses(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each clause of ``text``, the end before its closing mark."""
    spans, start = [], 0
    for found in _CLAUSE_END.finditer(text):
        spans.append((start, found.start()))
        start = found.end()
    spans.append((start, len(text)))
    return spans


def brief_particles(brief: str) -> dict[str, str]:
    """The finite separable verbs of ``brief`` with their particle at their clause's end,
    folded ("stellen" -> "vor")."""
    found = {}
    for start, end in _clauses(brief):
        words = [word.casefold() for word in _WORD.findall(brief[start:end])]
        if len(words) < 2 or words[-1] not in _PARTICLES:
            continue
        for word in words[:-2]:
            if _particle(word) == words[-1]:
                found[word] = words[-1]
    return found


def keep_brief_particles(text: str, brief: str) -> str:
    """``text`` with the brief's particle put at the end of each clause that says the
    brief's separable verb without it (see the module doc)."""
    wanted = brief_particles(brief)
    if not wanted:
        return text
    out, last = [], 0
    for start, end in _clauses(text):
        clause = text[start:end].rstrip()
        words = [word.casefold() for word in _WORD.findall(clause)]
        verb = next((word for word in words if word in wanted), None)
        if verb is None or any(word in _PARTICLES for word in words):
            continue
        after = words[words.index(verb) + 1:]
        if len(after) < 2 or (verb.startswith("find") and _OBJECT_PRONOUNS & set(after[:2])):
            continue
        close = start + len(clause)
        out += [text[last:close], " " + wanted[verb]]
        last = close
    return "".join(out) + text[last:]


# the brief's verb after a first part of its clause: "... stellen wir" (not at its start)
_INVERTED = regex.compile(r"(?<=\p{L}[^\S\n]+)(\p{Ll}+)\s+wir\b")
# a sentence of the post that opens with a verb before "wir" and ends in a full stop
_VERB_FIRST = regex.compile(r"(?m)(?:^|(?<=[.!?]\s)|(?<=\|\s))(\p{Lu}\p{Ll}+)\s+wir\b"
                            r"(?=[^.!?:\n]*(?:\d\.[^.!?:\n]*)*\.(?:\s|$))")


def keep_brief_order(text: str, brief: str) -> str:
    """``text`` with "wir" first in each sentence that opens with a verb the brief says
    after a first part ("Stellen wir ... vor." -> "Wir stellen ... vor.", see the module
    doc)."""
    # a verb's form for "wir" ("stellen", "sind"), not "und wir", "dass wir", "die wir"
    inverted = {found.group(1) for found in _INVERTED.finditer(brief)
                if looks_like_verb(found.group(1))}
    if not inverted:
        return text
    return _VERB_FIRST.sub(lambda found: f"Wir {found.group(1).lower()}"
                           if found.group(1).lower() in inverted else found.group(0), text)

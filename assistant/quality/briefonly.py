"""A word of the kit's that a post may use only when its brief does (pure).

The coffee kit's trade is roasting, and the 1.5B model puts "rösten" into every post,
whatever the brief is about: "Wir suchen jemanden, der uns helfen kann, uns die Röster zu
rösten", "So röstet der Kaffee perfekt" (a cold brew tip), "Jetzt röstest du auch in
Kooperation mit uns!" (a hand grinder), "Wir rösten in Huila" (the origin farm). Of 37
such sentences in three bench runs (2026-12-05), 3 made sense. A kit lists such words
(``brief_only_words`` in kit.yaml); each stands for its forms: a German infinitive in -en
for its present, past and participles ("röstet", "röstest", "geröstet", "gerösteten"),
any other word for its English forms ("roast": "roasts", "roasted", "roasting"). Nouns of
the same stem ("Röstkurs", "Rösterei", "Röster") are other words and pass. The word is
fine when the brief uses it in any of its forms.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.models import Problem
from assistant.quality.context import problem
from assistant.quality.textnorm import words

_PRESENT = ("e", "st", "est", "t", "et", "en")
_PAST = ("te", "test", "ten", "tet", "ete", "etest", "eten", "etet")
_ADJECTIVE = ("", "e", "em", "en", "er", "es")
_ENGLISH = ("s", "es", "ed", "d", "ing")


def forms(entry: str) -> frozenset[str]:
    """The folded forms ``entry`` stands for (see the module doc)."""
    word = entry.strip().casefold()
    found = {word, *(word + ending for ending in _ENGLISH)}
    if word.endswith("e"):
        found.add(word[:-1] + "ing")  # "brew" -> "brewing", "bake" -> "baking"
    if word.endswith("en") and len(word) > 4:
        stem = word[:-2]
        found.update(stem + ending for ending in (*_PRESENT, *_PAST))
        found.update(f"{stem}end{ending}" for ending in _ADJECTIVE)
        found.update(f"ge{stem}{middle}{ending}" for middle in ("t", "et")
                     for ending in _ADJECTIVE)
    return frozenset(found)


def brief_only_problems(text: str, brief: str, entries: Iterable[str]) -> list[Problem]:
    """One warning naming the words of ``text`` that stand for one of the kit's brief-only
    ``entries`` which ``brief`` does not use."""
    said, told = words(text), set(words(brief))
    used = [(entry, next(word for word in said if word in forms(entry)))
            for entry in entries if forms(entry) & set(said) and not forms(entry) & told]
    if not used:
        return []
    shown = ", ".join(f"'{word}'" for _, word in used)
    listed = ", ".join(f"'{entry}'" for entry, _ in used)
    return [problem("unbriefed_word",
                    f"{shown}: the kit allows {listed} only where the brief says it, and this "
                    "brief does not; say what the brief says instead")]

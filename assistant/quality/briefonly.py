"""A word of the kit's that a post may use only when its brief does (pure).

The coffee kit's trade is roasting, and the 1.5B model puts "rösten" into every post,
whatever the brief is about: "Wir suchen jemanden, der uns helfen kann, uns die Röster zu
rösten", "So röstet der Kaffee perfekt" (a cold brew tip), "Jetzt röstest du auch in
Kooperation mit uns!" (a hand grinder), "Wir rösten in Huila" (the origin farm). Of 37
such sentences in three bench runs (2026-12-05), 3 made sense. A kit lists such words
(``brief_only_words`` in kit.yaml); each stands for its forms: a German infinitive in
-en for its present, past, imperative and present participle ("röstet", "röstest",
"röstete", "Jetzt röst!", "Diese röstende Handmühle"), any other word for its English
forms ("roast": "roasts", "roasted", "roasting"). The German past participle ("frisch
geröstet") passes: said of coffee it is what a roastery's coffee is, and of the 37
sentences 1 used it. Nouns of the same stem ("Röstkurs", "Rösterei", "Röster") are other
words and pass too. The word is fine when the brief uses it in any of its forms, or a
word that holds its stem: roasting is the topic of a "Röstkurs" ("Selbst rösten?" opens
its invitation well).

An entry written large is a German noun and stands for its singular, plural and female
forms ("Röster": "Rösters", "Röstern", "Rösterin"). A noun in -er that names who or what
does something has the verb's stem: "Röster" is told by a brief that says "Röstkurs" or
"rösten". The coffee kit lists "Röster" too: of the 1.5B model's ready posts that used it
where the brief did not say "röst", none was fit ("Die Röster sind sehr warm und gut
geröstet" for a hand grinder, "Der Röster ist super, und wir haben einen guten Vorrat" for
a cold brew, "sich für den Röster auf der Arbeit stellen" for a barista; bench and CLI,
2026-12-06/07).
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.models import Problem
from assistant.quality.context import problem
from assistant.quality.textnorm import CLITIC, words

_PRESENT = ("e", "st", "est", "t", "et", "en")
_PAST = ("te", "test", "ten", "tet", "ete", "etest", "eten", "etet")
_ADJECTIVE = ("", "e", "em", "en", "er", "es")
_ENGLISH = ("s", "es", "ed", "d", "ing")


_NOUN = ("", "s", "n", "in", "innen")


def forms(entry: str) -> frozenset[str]:
    """The folded forms ``entry`` stands for (see the module doc)."""
    word = entry.strip().casefold()
    if _is_noun(entry):
        return frozenset(word + ending for ending in _NOUN)
    found = {word, *(word + ending for ending in _ENGLISH)}
    if word.endswith("e"):
        found.add(word[:-1] + "ing")  # "brew" -> "brewing", "bake" -> "baking"
    root = stem(word)
    if root != word:
        # the bare stem is the imperative: "Jetzt röst!" (a ready X draft, bench 2026-12-05)
        found.add(root)
        found.update(root + ending for ending in (*_PRESENT, *_PAST))
        found.update(f"{root}end{ending}" for ending in _ADJECTIVE)
    return frozenset(found)


def stem(entry: str) -> str:
    """The stem of ``entry``'s forms: a German infinitive without its -en, a noun of the
    doer without its -er ("Röster" -> "röst")."""
    word = entry.strip().casefold()
    ending = "er" if _is_noun(entry) else "en"
    return word[:-2] if word.endswith(ending) and len(word) > 4 else word


def _is_noun(entry: str) -> bool:
    return entry.strip()[:1].isupper()


def _told(entry: str, brief_words: set[str]) -> bool:
    """Whether the brief uses ``entry``: one of its forms, or a word holding its stem."""
    root = stem(entry)
    return bool(forms(entry) & brief_words) or any(root in word for word in brief_words)


def brief_only_problems(text: str, brief: str, entries: Iterable[str]) -> list[Problem]:
    """One warning naming the words of ``text`` that stand for one of the kit's brief-only
    ``entries`` which ``brief`` does not use."""
    # "Jetzt röstet's!" (a ready X tip, bench 2026-12-06) says "röstet"
    said, told = [CLITIC.sub("", word) for word in words(text)], set(words(brief))
    used = [(entry, next(word for word in said if word in forms(entry)))
            for entry in entries if forms(entry) & set(said) and not _told(entry, told)]
    if not used:
        return []
    shown = ", ".join(f"'{word.capitalize() if _is_noun(entry) else word}'"
                      for entry, word in used)
    listed = ", ".join(f"'{entry}'" for entry, _ in used)
    return [problem("unbriefed_word",
                    f"{shown}: the kit allows {listed} only where the brief says it, and this "
                    "brief does not; say what the brief says instead")]

"""A comparison of the brief: "grob wie Meersalz", "as coarse as sea salt" (pure).

A tip's brief said "Mahlgrad für die French Press: grob wie Meersalz, ..."; a ready
Instagram draft made it "Zutaten: Meersalz, Wasser" (bench, 2026-12-03): the grind size,
which is the tip, was gone, and the salt had become an ingredient. None of the fact
readings saw it, since a comparison holds no number, date or name. Here the quality word
of a comparison in the brief is a fact of its own: a post that does not say it (in any
form: "grobe", "gröber") leaves it out (``missing_fact``), and the brief's comparison is
what completion puts back. So does a post that names the thing compared outside a
comparison ("Zutaten: Meersalz", "Mehr als Meersalz"): it says something else of it. What
the thing is compared with may be left out; the quality may not.

Read in German as a word in small letters before "wie" and a noun ("fein wie Puderzucker"),
and in English as "as <word> as" ("as fine as powdered sugar"). A verb compares too
("schmeckt wie Karamell", "duftet wie ..."), but a post may say that in other words ("mit
Noten von Karamell"), so a word ending as a verb's third person does ("-t") is left.
"""

from __future__ import annotations

import regex

_GERMAN = regex.compile(r"(?<![\p{L}-])(\p{Ll}{3,})\s+wie\s+(?:ein\w*\s+)?(\p{Lu}\p{L}+)")
_ENGLISH = regex.compile(r"(?i)(?<![\p{L}-])as\s+(\p{L}{3,})\s+as\s+(?:an?\s+)?"
                         r"(\p{L}+(?:\s+\p{L}+)?)")
# what stands before the thing compared inside a comparison: "wie", "wie ein", "as a"
_COMPARING = regex.compile(r"(?i)\b(?:wie|as|like)\s+(?:ein\w*\s+|an?\s+)?\Z")
# words before "wie"/"as" that compare nothing of their own: "so wie", "genauso wie",
# "as well as", "as soon as"
_NOT_QUALITIES = frozenset({"so", "genau", "genauso", "ebenso", "sowie", "etwa", "auch",
                            "und", "oder", "nicht", "mehr", "weniger", "eben", "gleich", "zum",
                            "beispiel", "much", "many", "long", "soon", "well", "far"})


def similes(text: str, language: str) -> list[tuple[str, str, str]]:
    """Each comparison of ``text``: (the quality word, the thing compared, the comparison
    as written)."""
    pattern = _GERMAN if language == "de" else _ENGLISH
    found = []
    for match in pattern.finditer(text):
        quality = match.group(1)
        if quality.casefold() in _NOT_QUALITIES or (language == "de" and
                                                    quality.endswith("t")):
            continue
        found.append((quality, match.group(2), match.group(0)))
    return found


def missing_similes(text: str, brief: str, language: str) -> list[str]:
    """The comparisons of the brief whose quality word the post does not say in any form
    (its stem, umlaut or not: "grob" in "grobe", "gröber"), or whose thing compared it
    names outside a comparison."""
    words = {_stem(word) for word in regex.findall(r"\p{L}+", text.casefold())}
    return [shown for quality, thing, shown in similes(brief, language)
            if not any(word.startswith(_stem(quality.casefold())) for word in words)
            or _named_otherwise(text, thing)]


def _named_otherwise(text: str, thing: str) -> bool:
    """Whether ``text`` names ``thing`` anywhere but after "wie", "as" or "like"."""
    pattern = regex.compile(rf"(?i)(?<!\p{{L}}){regex.escape(thing)}(?!\p{{L}})")
    return any(not _COMPARING.search(text[:found.start()]) for found in pattern.finditer(text))


def _stem(word: str) -> str:
    return word.translate(str.maketrans("äöü", "aou"))

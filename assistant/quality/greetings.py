"""The greeting of a holiday brief (pure).

"Frohe Weihnachten! Vom 24. bis 26. Dezember ist das Kontor geschlossen, ab dem 27.
Dezember sind wir wieder für euch da." became an Instagram post that only said when the
shop is closed (bench, 2026-12-06): the greeting, which is what such a post is for, was
gone, and no fact reading missed it (it holds no date). Here a greeting of the brief is a
fact: the post must greet for the same feast in some words ("Frohes Fest" for "Frohe
Weihnachten", "Merry Christmas" for "Happy Christmas"); a greeting for the holidays at large
("Schöne Feiertage", "Happy holidays", "Season's greetings") stands for any feast.
"""

from __future__ import annotations

import regex

# feast -> a greeting for it, either language
_GREETINGS = {
    "christmas": regex.compile(
        r"(?i)\b(?:(?:frohe|fröhliche|schöne|gesegnete)\s+weihnacht\w*|frohes\s+fest|"
        r"weihnachtsgr[üu]\w*|(?:merry|happy)\s+(?:christmas|xmas)|christmas\s+greetings)\b"),
    "new year": regex.compile(
        r"(?i)\b(?:guten\s+rutsch|(?:frohes|gutes|gesundes|glückliches|schönes)\s+neues"
        r"(?:\s+jahr)?|gut\w*\s+(?:start\s+)?ins\s+neue\s+jahr|alles\s+gute\s+(?:für\s+das|"
        r"fürs|im)\s+neue\w*\s+jahr|pros(?:i)?t\s+neujahr|happy\s+new\s+year|"
        r"all\s+the\s+best\s+for\s+the\s+new\s+year)\b"),
    "easter": regex.compile(r"(?i)\b(?:frohe\s+ostern|happy\s+easter)\b"),
}
_ANY_FEAST = regex.compile(
    r"(?i)\b(?:(?:frohe|schöne|erholsame)\s+feiertage|happy\s+holidays|"
    r"season['’]s\s+greetings)\b")


def greetings(text: str) -> list[tuple[str, str | None]]:
    """Each greeting of ``text`` as written, with its feast (None: the holidays at large)."""
    found: list[tuple[str, str | None]] = [
        (match.group(0), feast) for feast, pattern in _GREETINGS.items()
        for match in pattern.finditer(text)]
    found += [(match.group(0), None) for match in _ANY_FEAST.finditer(text)]
    return found


def missing_greetings(text: str, brief: str) -> list[str]:
    """The brief's greetings (as written) for whose feast the post greets in no words."""
    said = {feast for _, feast in greetings(text)}
    if None in said:
        return []
    return [greeting for greeting, feast in greetings(brief)
            if (feast is not None and feast not in said) or (feast is None and not said)]

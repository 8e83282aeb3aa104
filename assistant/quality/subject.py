"""``missing_fact`` for a post that names none of the things its brief is about (pure).

"Kolumbien und Guatemala. Nur bis Ende Dezember." was a ready Threads draft of the
embedded model for "Die Weihnachtsmischung ist zurück - Kolumbien und Guatemala, mit
Noten von Marzipan und dunkler Schokolade, nur bis Ende Dezember." (bench, 2026-12-04):
it carries the brief's places and its date, and says nothing of what is sold. The other
readings of ``missing`` look for dates, places, prices and names one by one; this one asks
whether the post names at least one of the brief's things.

A thing is a noun the brief writes (German: a word written big, at a sentence's start one
that no dictionary knows written small: "Weihnachtsmischung", "Röstkurs"; English: a topic
word of four letters or more that the brief does not write big as a name, which
``missing`` reads by itself), other than a place, a month or weekday, the brand's own name
or its head ("Kontor" of "Kaffeekontor": the post's "wir" names it), a word the kit bans,
and the words that frame a brief rather than name its topic ("Einladung", "Anmeldung",
"Tipp", "Uhr", "Ende", a holiday's greeting). A post names a thing in any inflection or
compound ("Röstkurse", "Weihnachtsmischungs-Tüte"), by a part of a hyphenated one
("Cappuccino" of "Hafer-Cappuccino") or by its head noun ("Mischung" of
"Weihnachtsmischung", "Kooperative" of "Partnerkooperative"); a German brief's topic words
written small count too ("Wir feiern ..." is named by "feiern"). The check asks for little
on purpose: one thing named is enough, and a post that names none has lost its topic
whatever else it says. A warning like every ``missing_fact``: drafting puts the brief's
piece that names it back where that helps (``completion.with_brief_facts``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import regex

from assistant.quality.facts import is_calendar_word
from assistant.quality.fold import topic_words
from assistant.quality.textnorm import URL_RE, words

_CAPITALISED = regex.compile(r"(?<![\p{L}\d-])\p{Lu}[\p{L}-]*\p{L}")
_SMALL = regex.compile(r"(?<![\p{L}\d-])\p{Ll}[\p{L}-]*\p{L}")
# nouns that frame a brief (what kind of post, when, how many, how to sign up), not its topic
_FRAME = frozenset({
    "einladung", "anmeldung", "bewerbung", "tipp", "tipps", "link", "links", "mail",
    "e-mail", "ende", "anfang", "mitte", "uhr", "stunde", "stunden", "minute", "minuten",
    "woche", "wochen", "monat", "monate", "jahr", "jahre", "tag", "tage", "prozent", "euro",
    "person", "personen", "platz", "plätze", "stück",
    "tip", "tips", "join", "free", "minutes", "hours", "hour", "people", "euros", "percent",
    "sign", "signs", "week", "weeks", "days", "month", "year",
    # a holiday's name and greeting date the post, like a month: "Frohe Weihnachten: vom 24.
    # bis 26. Dezember ist das Kontor geschlossen" is about the closure
    "weihnachten", "silvester", "neujahr", "ostern", "rutsch", "christmas", "merry",
    "greetings", "season's", "holidays", "holiday",
})
_HEAD_LETTERS = 4  # the shortest head noun a compound is named by ("Kurs" of "Röstkurs")
_INFLECTIONS = ("es", "en", "e", "n", "s")


def brief_things(brief: str, language: str, is_noun: Callable[[str], bool],
                 places: Collection[str] = (), own: Collection[str] = (),
                 banned: Collection[str] = ()) -> list[str]:
    """The things ``brief`` is about, as written, in order: its nouns (German: the words
    written big, at a sentence's start those that ``is_noun`` accepts) or topic words
    (English, but for the names it writes big), without places, calendar words, numbers,
    the brand's own name words (``own``, folded: a word of it or its head), the words the
    kit bans (``banned``, folded: the post must not say them) and frame words."""
    if language == "de":  # German writes every noun big; at a sentence's start, any word
        found = [match.group() for match in _CAPITALISED.finditer(brief)
                 if not _opens(brief, match.start()) or is_noun(match.group())]
    else:  # a name or place ("Peru", "Snowflake") is read by ``missing`` as a name
        names = {match.group().casefold() for match in _CAPITALISED.finditer(brief)
                 if not _opens(brief, match.start())}
        found = [word for word in topic_words(brief)
                 if not word[:1].isdigit() and word not in names]
    return list(dict.fromkeys(
        word for word in found
        if word not in places and not is_calendar_word(word)
        and word.casefold() not in _FRAME and not _own(word.casefold(), own)
        and word.casefold() not in banned))


def _own(folded: str, own: Collection[str]) -> bool:
    """A word of the brand's name, or the head of one ("Kontor" of "Kaffeekontor"): the
    post's "wir" names it."""
    return any(folded == name or (len(folded) >= _HEAD_LETTERS and name.endswith(folded))
               for name in own)


def _opens(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line or a part after a dash."""
    before = text[:start].rstrip(" \t\"'„“»(")
    return not before or before[-1] in ".!?:;\n-–—"


def brief_small_words(brief: str) -> list[str]:
    """A German brief's topic words that it writes small (verbs, adjectives: "feiern",
    "zurück"), folded: saying one of them names the topic as well as a thing does ("Wir
    feiern zusammen mit dem Team ..." -> "Samstag feiern wir im Kontor.")."""
    small = {match.group() for match in _SMALL.finditer(brief)}
    return [word for word in topic_words(brief)
            if word in small and word not in _FRAME and not is_calendar_word(word)]


def unnamed_things(text: str, things: list[str],
                   head: Callable[[str], str | None] | None = None,
                   also: Collection[str] = ()) -> list[str]:
    """The brief's first thing when ``text`` names none of ``things`` nor says a word of
    ``also`` (folded), else nothing (a ``missing`` reading). ``head``: a compound's head
    noun, folded, or None (no reader of heads: English)."""
    if not things:
        return []
    said = words(URL_RE.sub(" ", text))
    if any(_names(said, thing, head) for thing in things) or set(also) & set(said):
        return []
    return [things[0]]


def _names(said: tuple[str, ...], thing: str,
           head: Callable[[str], str | None] | None) -> bool:
    folded = thing.casefold()
    keys = {folded, *(part for part in folded.split("-") if len(part) >= _HEAD_LETTERS)}
    keys |= {key[:-len(ending)] for key in list(keys) for ending in _INFLECTIONS
             if key.endswith(ending) and len(key) - len(ending) >= _HEAD_LETTERS}
    found = None if head is None else head(folded)
    if found is not None:
        keys.add(found)
    return any(key in word for word in said for key in keys)

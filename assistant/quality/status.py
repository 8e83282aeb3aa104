"""The state a brief announces (closed, cancelled, sold out, postponed, limited stock, free),
which a post must keep (pure).

"Vom 24. bis 26. Dezember ist das Kontor geschlossen" became "Bis zum Weihnachtsfest röstet
der Möwenbohne Kontor von 24. bis 26. Dezember" (the embedded model, 2026-11-30): every
date kept, the meaning turned round, and nothing flagged it. A brief that says one of
these states names it with few words; a post that keeps it uses one of a few more. When
the brief has the state and the post has none of its words, the word of the brief is a
missing fact.

A post can also keep the state and the date and pair them the other way round: "Das
Kontor ist ab dem 27. Dezember geschlossen." for "Vom 24. bis 26. Dezember ist das Kontor
geschlossen, ab dem 27. Dezember sind wir wieder für euch da." (a ready Mastodon post,
bench 2026-12-03). A date that a source states, said in one clause with a state that no
source gives that date, is made up (``changed_states``; ``factcheck`` counts it as an
invented fact).

The reverse turn, a day said open that a source says closed, is made up too
(``opened_days``): "Am 1. Januar bleiben wir auch noch an der Arbeit." for "am 1. Januar
bleibt das Kontor zu" (a ready Instagram draft, bench 2026-12-05). Only closed days are
held against "open": a post may say it is there on an event's day.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from assistant.quality.facts import Fact, extract_facts, fact_spans
from assistant.quality.textnorm import CLAUSE_CUT, sentence_spans

# (what marks the state in a brief, what a post may say for it)
_STATES: tuple[tuple[regex.Pattern[str], regex.Pattern[str]], ...] = tuple(
    (regex.compile(rf"(?i)\b(?:{brief})\b"), regex.compile(rf"(?i)\b(?:{post})\b"))
    for brief, post in (
        # "am 1. Januar bleibt das Kontor zu" said closed too: a ready draft with the runs
        # of words forbidden (bench, 2026-12-08) said "am 1. Januar bis zu dem Kontor"
        (r"geschlossen|closed|Betriebsferien|Ruhetag"
         r"|(?:bleibt|bleiben|hat|haben|ist|sind)\s+(?:\S+\s+){0,3}?zu(?=\s*(?:[.,;:!]|$))",
         r"geschlossen|schließ\w*|verschließ\w*|closed|clos(?:e|es|ing)|shut|Betriebsferien"
         r"|Ruhetag"
         r"|\w*pause|\w*ferien|Urlaub|(?:bleibt|bleiben|haben|ist|sind)\s+(?:\S+\s+){0,3}?zu"
         r"|nicht\s+(?:\S+\s+){0,2}?(?:da|geöffnet|offen|erreichbar)|off|away"),
        (r"abgesagt|fällt\s+aus|entfällt|cancell?ed",
         r"abgesagt|absagen|Absage|fällt\s+\S*\s*aus|entfällt|findet\s+nicht\s+statt"
         r"|cancel\w*|called\s+off|not\s+(?:take\s+place|happen)"),
        (r"ausverkauft|ausgebucht|sold\s+out|fully\s+booked",
         r"ausverkauft|ausgebucht|keine\s+(?:\S+\s+)?(?:Plätze|Karten|Tickets)\s+mehr"
         r"|sold\s+out|fully\s+booked|no\s+(?:\S+\s+)?(?:seats|spots|tickets)\s+left"),
        (r"verschoben|postponed|rescheduled",
         r"verschoben|verschieben|verlegt|neue[rn]?\s+Termin|postponed|rescheduled|moved\s+to"),
        # stock that runs out: "nur solange der Vorrat reicht" was left out of a ready
        # Instagram draft of new espresso cups (CLI, 2026-12-07)
        (r"solange\s+(?:der\s+)?Vorrat\s+reicht|limitiert\w*|begrenzte[rn]?\s+(?:Stückzahl|Menge|"
         r"Auflage)|while\s+(?:stocks?|supplies)\s+lasts?|limited\s+(?:stock|edition|quantit\w+)",
         r"Vorrat|limitiert\w*|begrenzt\w*|solange|nur\s+(?:noch\s+)?wenige|knapp|"
         r"while\s+(?:stocks?|supplies)\s+lasts?|limited|only\s+a\s+few|few\s+left"),
        # "Eintritt frei" of a reading's brief was left out of a ready Instagram draft
        # (browser, 2026-12-07)
        # and "free" as an item of a brief's list: "45 minutes, free, recording for everyone
        # who signs up" (a webinar's brief; a ready Mastodon post left it out, bench
        # 2026-12-07)
        (r"kostenlos|gratis|umsonst|free\s+of\s+charge|for\s+free|at\s+no\s+(?:extra\s+)?cost"
         r"|no\s+extra\s+cost|Eintritt\s+(?:ist\s+)?frei|freie[rn]?\s+Eintritt|eintrittsfrei"
         r"|free\s+(?:entry|admission)|(?<=(?:^|[,;:–—-])\s*)free(?=\s*(?:[,;.]|$))",
         r"kostenlos|gratis|umsonst|free|no\s+(?:extra\s+|additional\s+)?(?:costs?|charge)"
         # "available in all plans without additional costs" (a Bluesky draft of the
         # brief's "at no extra cost", bench 2026-12-07)
         r"|without\s+(?:any\s+)?(?:extra|additional)\s+(?:costs?|charges?|fees?)"
         r"|ohne\s+(?:zusätzliche\s+|weitere\s+|extra\s+)?(?:Kosten|Gebühren?)"
         r"|ohne\s+Aufpreis|inklusive"
         r"|included|inbegriffen|geschenkt|kostet\s+nichts|costs?\s+nothing"
         r"|Eintritt\s+(?:ist\s+)?frei|freie[rn]?\s+Eintritt|eintrittsfrei"),
    ))
# the states that hold for a date (closed, cancelled, sold out, postponed); "free" is said
# of a thing, in any clause ("Am 7. Dezember: kostenloses Cupping")
_DATED = 4
_CLOSED = _STATES[0][1]
# what a post says for open on a day, or for us being at the place (``_PLACES``, read
# without case): "Am 1. Januar bleiben wir im Kontor" for "am 1. Januar bleibt das Kontor
# zu" (a ready Instagram draft, bench 2026-12-06). A clause that also says closed ("sind
# wir nicht da") or negates ("nicht im Kontor") is not read as open
_PLACES = (r"(?:Kontor|Kontorhaus|Café|Cafe|Laden|Geschäft|Rösterei|Büro|Shop|Store|Office|"
           r"Roastery)")
_OPEN = regex.compile(
    r"(?i)\b(?:geöffnet|offen|öffne[nt]?|open|(?:sind|seid)\s+(?:\S+\s+){0,4}?da"
    r"|an\s+der\s+Arbeit|(?:are|'re|’re)\s+(?:\S+\s+){0,2}?back"
    rf"|(?:(?:bleiben|sind)\s+wir|wir\s+(?:bleiben|sind))\s+(?:\S+\s+){{0,3}}?"
    rf"(?:im|in\s+(?:der|unserem|unserer))\s+{_PLACES}"
    rf"|(?:we['’]ll\s+be|we\s+(?:will\s+be|are|stay)|we['’]re)\s+(?:\S+\s+){{0,2}}?"
    rf"(?:at|in)\s+(?:the|our)\s+{_PLACES})\b")
_NEGATED = regex.compile(r"(?i)\b(?:nicht|kein\w*|not|no|never|nie)\b|n['’]t\b")
# the clauses of ``opened_days`` are also cut at "und", "and", "aber", "but": "We are closed
# from 24 to 26 December and back on 27 December" says two states
_AND = regex.compile(r"(?i)\s(?:und|and|aber|but|sondern)\s")
# the first day of a range that ends in a date: "vom 24. bis 26. Dezember", "24-26 Dec"
_RANGE_START = regex.compile(
    r"(?i)(?<![\d.])(\d{1,2})\.?\s*(?:bis(?:\s+(?:zum|einschließlich))?|–|-|to|until|through)"
    r"\s*$")


def missing_states(text: str, brief: str) -> list[str]:
    """The brief's words for each state it announces that the post does not keep."""
    found = []
    for in_brief, in_post in _STATES:
        match = in_brief.search(brief)
        if match is not None and in_post.search(text) is None:
            found.append(match.group(0))
    return found


def state_dates(texts: tuple[str, ...], language: str) -> frozenset[tuple[int, str]]:
    """(state, date key) for each date that ``texts`` name in one clause with a word of a
    state that holds for a date: (0, "26.12.") for "Vom 24. bis 26. Dezember ist das Kontor
    geschlossen". Read with the post's words, so that what a post may say for a state is
    also what a source may ("Neuer Termin ist der 19. Dezember")."""
    return frozenset((state, fact.key) for text in texts
                     for state, fact, _ in _dated_states(text, language))


def changed_states(text: str, language: str, dates: frozenset[str],
                   stated: frozenset[tuple[int, str]]) -> list[str]:
    """The post's dates that a source states (``dates``), each said in one clause with a
    state that no source gives it (``stated``, from :func:`state_dates`): "27. Dezember
    geschlossen"."""
    return [f"{fact.shown} {said}" for state, fact, said in _dated_states(text, language)
            if fact.key in dates and (state, fact.key) not in stated]


def closed_days(texts: tuple[str, ...], language: str) -> frozenset[str]:
    """The date keys of the days ``texts`` say closed, each day of a range: "24.12.",
    "25.12." and "26.12." for "Vom 24. bis 26. Dezember ist das Kontor geschlossen"."""
    return frozenset(key for text in texts for clause in _small_clauses(text)
                     if _CLOSED.search(clause) for key, _ in _days(clause, language))


def opened_days(text: str, language: str, closed: frozenset[str]) -> list[str]:
    """The days ``text`` says open that a source says closed (``closed``, from
    :func:`closed_days`), each with the word that says it: "1. Januar an der Arbeit"."""
    return [f"{shown} {said.group(0)}" for clause in _small_clauses(text)
            if (said := _OPEN.search(clause)) is not None and not _CLOSED.search(clause)
            and not _NEGATED.search(clause)
            for key, shown in _days(clause, language) if key in closed]


def _small_clauses(text: str) -> list[str]:
    return [part for clause in _clauses(text) for part in _AND.split(clause) if part.strip()]


def _days(clause: str, language: str) -> list[tuple[str, str]]:
    """(date key, as written) of each day ``clause`` names, a range ("24. bis 26.
    Dezember") for each of its days."""
    found: list[tuple[str, str]] = []
    for fact, (start, end) in fact_spans(clause, language):
        if fact.kind != "date":
            continue
        day, month = (int(part) for part in fact.key.rstrip(".").split("."))
        first = _RANGE_START.search(clause[:start])
        if first is None or int(first.group(1)) >= day:
            found.append((fact.key, fact.shown))
            continue
        shown = clause[first.start():end]
        found += [(f"{number:02d}.{month:02d}.", shown)
                  for number in range(int(first.group(1)), day + 1)]
    return found


def _dated_states(text: str, language: str) -> Iterator[tuple[int, Fact, str]]:
    """(state, date, the state's word) for each date of ``text`` said in one clause with a
    word of a state that holds for a date (the post's words for it)."""
    for clause in _clauses(text):
        facts = [fact for fact in extract_facts(clause, language) if fact.kind == "date"]
        for state, (_, in_post) in enumerate(_STATES[:_DATED]):
            said = in_post.search(clause) if facts else None
            if said is not None:
                yield from ((state, fact, said.group(0)) for fact in facts)


def _clauses(text: str) -> list[str]:
    """The clauses of ``text``: its sentences, cut at commas, colons and dashes."""
    return [clause for start, end in sentence_spans(text)
            for clause in CLAUSE_CUT.split(text[start:end]) if clause.strip()]

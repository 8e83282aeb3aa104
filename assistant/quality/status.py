"""The state a brief announces (closed, cancelled, sold out, postponed, free), which a post
must keep (pure).

"Vom 24. bis 26. Dezember ist das Kontor geschlossen" became "Bis zum Weihnachtsfest röstet
der Möwenbohne Kontor von 24. bis 26. Dezember" (the embedded model, 2026-11-30): every
date kept, the meaning turned round, and nothing flagged it. A brief that says one of
these states names it with few words; a post that keeps it uses one of a few more. When
the brief has the state and the post has none of its words, the word of the brief is a
missing fact.
"""

from __future__ import annotations

import regex

# (what marks the state in a brief, what a post may say for it)
_STATES: tuple[tuple[regex.Pattern[str], regex.Pattern[str]], ...] = tuple(
    (regex.compile(rf"(?i)\b(?:{brief})\b"), regex.compile(rf"(?i)\b(?:{post})\b"))
    for brief, post in (
        (r"geschlossen|closed|Betriebsferien|Ruhetag",
         r"geschlossen|schließ\w*|closed|clos(?:e|es|ing)|shut|Betriebsferien|Ruhetag"
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
        (r"kostenlos|gratis|umsonst|free\s+of\s+charge|for\s+free|at\s+no\s+(?:extra\s+)?cost"
         r"|no\s+extra\s+cost",
         r"kostenlos|gratis|umsonst|free|no\s+(?:extra\s+)?cost|ohne\s+Aufpreis|inklusive"
         r"|included|inbegriffen|geschenkt|kostet\s+nichts|costs?\s+nothing"),
    ))


def missing_states(text: str, brief: str) -> list[str]:
    """The brief's words for each state it announces that the post does not keep."""
    found = []
    for in_brief, in_post in _STATES:
        match = in_brief.search(brief)
        if match is not None and in_post.search(text) is None:
            found.append(match.group(0))
    return found

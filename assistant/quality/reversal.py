"""A post that says the opposite of its brief (pure).

Small models carry "It's on by default" over from a release example into a post whose
brief says to turn the feature on: the opposite of the brief. The rule is narrow on
purpose: a claim that no action is needed (on by default, nothing to do, automatically
active) in the post, and an instruction to switch something on in the brief.

A payment turned round: "unsere Partnerkooperative zahlen uns 30 Prozent über dem
Fairtrade-Mindestpreis" (a Mastodon draft of the bench, 2026-12-06) for the brief's
"unserer Partnerkooperative zahlen wir 30 Prozent ...". Read where the brief has the brand
pay ("zahlen wir", "wir bezahlen", "we pay") and the post has someone pay the brand
("zahlt uns", "zahlen uns", "pays us", "paid us").
"""

from __future__ import annotations

import regex

from assistant.models import Problem, Severity
from assistant.quality.context import problem, shorten

_NO_ACTION = regex.compile(
    r"(?i)\b(?:(?:on|enabled|active|activated|switched\s+on|turned\s+on)\s+by\s+default"
    r"|(?:don['’]t|do\s+not|won['’]t|will\s+not)\s+(?:need|have)\s+to\s+(?:do|change|set)"
    r"\s+anything|nothing\s+(?:to\s+do|to\s+set\s+up|to\s+turn\s+on)"
    r"|no\s+(?:setup|set-up|configuration)\s+(?:needed|required)"
    r"|automatically\s+(?:on|enabled|active)"
    r"|standardmäßig\s+(?:an|aktiv|aktiviert|eingeschaltet)"
    r"|automatisch\s+(?:an|aktiv|aktiviert|eingeschaltet)"
    r"|(?:du\s+musst|sie\s+müssen|ihr\s+müsst)\s+nichts\s+(?:tun|machen|einstellen|ändern))\b")
_TURN_ON = regex.compile(
    r"(?i)\b(?:(?:turn|switch)\s+(?:\S+\s+){0,3}?on|enable|activate|opt\s+in"
    r"|aktivier\w*|einschalten|schalte\w*\s+(?:\S+\s+){0,3}?(?:ein|an))\b")


_PAY = r"(?:be)?zahl\w*|pa(?:y|ys|id|ying)"
_BRAND_PAYS = regex.compile(rf"(?i)\b(?:(?:wir|we)\s+(?:\w+\s+)?(?:{_PAY})|(?:{_PAY})\s+wir)\b")
_PAYS_BRAND = regex.compile(rf"(?i)\b(?:{_PAY})\s+uns\b|\b(?:{_PAY})\s+us\b")


def reversal_problems(text: str, brief: str) -> list[Problem]:
    """An error when the post says no action is needed and the brief says to turn it on,
    and one when the post has the brand paid where the brief has it pay."""
    found = []
    claim, ask = _NO_ACTION.search(text), _TURN_ON.search(brief)
    if claim is not None and ask is not None:
        found.append(problem(
            "invented_fact", f"'{shorten(claim.group(0))}' tells the reader nothing needs "
            f"doing, but the brief says '{shorten(ask.group(0))}'; say what to do as the brief "
            "does", Severity.ERROR))
    paid, pays = _PAYS_BRAND.search(text), _BRAND_PAYS.search(brief)
    if paid is not None and pays is not None:
        found.append(problem(
            "invented_fact", f"'{paid.group(0)}' has the brand paid, but the brief says "
            f"'{pays.group(0)}'; say who pays whom as the brief does", Severity.ERROR))
    return found

"""A post that tells the reader nothing needs doing when the brief asks them to act (pure).

Small models carry "It's on by default" over from a release example into a post whose
brief says to turn the feature on: the opposite of the brief. The rule is narrow on
purpose: a claim that no action is needed (on by default, nothing to do, automatically
active) in the post, and an instruction to switch something on in the brief.
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


def reversal_problems(text: str, brief: str) -> list[Problem]:
    """An error when the post says no action is needed and the brief says to turn it on."""
    claim, ask = _NO_ACTION.search(text), _TURN_ON.search(brief)
    if claim is None or ask is None:
        return []
    return [problem("invented_fact",
                    f"'{shorten(claim.group(0))}' tells the reader nothing needs doing, but "
                    f"the brief says '{shorten(ask.group(0))}'; say what to do as the brief "
                    "does", Severity.ERROR)]

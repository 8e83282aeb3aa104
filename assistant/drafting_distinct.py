"""One text per platform when each platform was drafted by its own call (pure orchestration).

With one call per platform (``draft_split_platforms``) no call sees the others, and a small
model restates the brief the same way for each: Instagram, X and Facebook get one text,
``same_text_as`` flags it, but no repair in those calls can know what to change. So after
the calls, platforms whose text is nearly that of an earlier platform are asked once more
(the parting round), by default for fresh first drafts, one of them after the platform's kit
example; a rewrite in their own conversation, with the other platform's text quoted and
their own form named, parted the texts in 5 of 69 rounds and is asked only with
``draft_parting_candidates``. A sample is kept only when it is no worse than what it
replaces (``better``, the ``same_text_as`` of the new set included), and a platform whose
call already used every repair gets none (the "at most 2 repairs" of issue 13 holds);
without warning repairs (``Passes.repair_warnings``) drafting runs the round a second time
for texts still alike, as their second repair. The one repair asks its samples at once:
rewrites that go on from the conversation (``draft_parting_candidates``) and fresh first
drafts, warmer and in a new conversation (``draft_parting_fresh``,
``draft_parting_example``); the one with the fewest findings in the new set is the one
weighed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import NamedTuple

from assistant.briefing import PLATFORM_STYLE
from assistant.checks import with_same_text
from assistant.drafting_passes import better, rank
from assistant.models import Draft
from assistant.platforms import get_platform
from assistant.quality.similarity import near_same

log = logging.getLogger(__name__)
QUOTE_CHARS = 400  # how much of the other platform's text the note quotes



class Alike(NamedTuple):
    """What a parting sample is asked with: the repair note, and the text to differ from."""

    note: str
    other: str


# (draft, what to change and from what) -> the rewritten drafts (samples of one repair),
# none when the call gave nothing usable or the draft has no repair left
Rewrite = Callable[[Draft, Alike], Awaitable[Sequence[Draft]]]

def alike_notes(drafts: Sequence[Draft], keep_short: bool = False) -> dict[int, Alike]:
    """Index -> the repair note and the text to differ from, for each draft whose text is
    nearly that of a better one (the one with fewer problems stays, among equals the
    earlier platform, or with ``keep_short`` the platform with the smaller limit; the
    others are rewritten)."""
    def order(at: int) -> tuple[tuple[int, int, int], int]:
        room = get_platform(drafts[at].platform).text_limit if keep_short else 0
        return rank(drafts[at]), room

    kept: list[Draft] = []
    notes: dict[int, Alike] = {}
    for index in sorted(range(len(drafts)), key=order):
        draft = drafts[index]
        match = next(((other, score) for other in kept if draft.text and other.text and
                      (score := near_same(draft.text, other.text)) is not None), None)
        if match is None:
            kept.append(draft)
            continue
        other, score = match
        notes[index] = Alike(distinct_note(draft.platform, other, score), other.text)
    return notes


def distinct_note(platform: str, other: Draft, score: float) -> str:
    quoted = other.text if len(other.text) <= QUOTE_CHARS else other.text[:QUOTE_CHARS] + " …"
    form = PLATFORM_STYLE.get(platform)
    shape = f" Its form: {form}." if form else ""
    return (f"nearly the same text as the {other.platform} post ({score:.0%} alike), which "
            f"reads: «{quoted}». Write the {platform} post differently: another first "
            f"sentence, other words and another order, with the same facts.{shape}")


async def distinct_texts(drafts: Sequence[Draft], rewrite: Rewrite,
                         keep_short: bool = False) -> list[Draft]:
    """The drafts of one brief, variant by variant, with near-same texts rewritten once
    (``keep_short``: see :func:`alike_notes`)."""
    out: list[Draft] = []
    for variant in dict.fromkeys(d.variant for d in drafts):
        group = with_same_text([d for d in drafts if d.variant == variant])
        notes = dict(sorted(alike_notes(group, keep_short).items()))
        fresh = await asyncio.gather(*(rewrite(group[index], alike)
                                       for index, alike in notes.items()))
        for index, candidates in zip(notes, fresh, strict=True):
            if not candidates:
                log.info("no rewrite of the near-same %s text (no repair left, or the "
                         "call failed)", group[index].platform)
                continue
            group = _weighed(group, index, candidates)
        out.extend(group)
    return out


def _weighed(group: list[Draft], index: int, candidates: Sequence[Draft]) -> list[Draft]:
    """``group`` with its draft at ``index`` replaced by the best rewrite when that is no
    worse in the new set, else as it was."""
    trials = [with_same_text([*group[:index], candidate, *group[index + 1:]])
              for candidate in candidates]
    if len(trials) > 1:  # each sample's findings, and whether it alone would be kept
        log.info("rewrites of the near-same %s text: %s", group[index].platform, " | ".join(
            f"{codes(trial[index])} ("
            f"{'no worse' if better(trial[index], group[index]) is trial[index] else 'worse'})"
            for trial in trials))
    # the fewest findings; among as many, one that parts the texts
    trial = min(trials, key=lambda drafts: (rank(drafts[index]), any(
        p.code == "same_text_as" for p in drafts[index].problems)))
    if better(trial[index], group[index]) is trial[index]:
        log.info("rewrite of the near-same %s text kept: %s (was: %s)",
                 group[index].platform, codes(trial[index]), codes(group[index]))
        return trial
    log.info("rewrite of the near-same %s text dropped, it was worse: %s (kept: %s)",
             group[index].platform, codes(trial[index]), codes(group[index]))
    return group


def codes(draft: Draft) -> str:
    """A draft's findings as their codes, for the log."""
    return ", ".join(p.code for p in draft.problems) or "none"


def same_text_by_variant(drafts: Sequence[Draft]) -> list[Draft]:
    """``same_text_as`` found afresh within each variant's drafts (in their order)."""
    out: list[Draft] = []
    for variant in dict.fromkeys(d.variant for d in drafts):
        out.extend(with_same_text([d for d in drafts if d.variant == variant]))
    return out
